/**
 * `chitieu serve [--port N] [--no-open] [--settings FILE]`: the whole job on a local web page
 * (src/server), for people who never open a terminal. Nothing leaves the machine.
 */
import type { Command } from 'commander';
import { ExitCode, UserError, msg, render } from '../model/messages.js';
import { loadProfile } from '../import/profiles.js';
import { openBrowser, startServer } from '../server/start.js';
import { profileOption } from './sheet-options.js';
import { langOf, say, type CliContext } from './context.js';
import type { Text } from './help.js';

function parsePort(value: string): number {
  const port = /^\d{1,5}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UserError(ExitCode.usage, msg(`--port ${value}: cổng là số từ 1 đến 65535.`, `--port ${value}: a port is a number from 1 to 65535.`));
  }
  return port;
}

export function registerServe(program: Command, context: CliContext, text: Text): void {
  program
    .command('serve')
    .description(
      text(
        msg(
          'Mở trang web của chitieu trên máy này (chỉ 127.0.0.1): đọc dữ liệu, tính chỉ tiêu, tạo báo cáo không cần dòng lệnh',
          "Open chitieu's page on this machine (127.0.0.1 only): read the data, compute, make the report without a command line",
        ),
      ),
    )
    .option(text(msg('--port <cổng>', '--port <n>')), text(msg('cổng (mặc định: một cổng còn trống)', 'port (default: a free one)')), parsePort)
    .option('--no-open', text(msg('không tự mở trình duyệt', 'do not open the browser')))
    .option(text(msg('--settings <tệp>', '--settings <file>')), text(msg('tệp thiết lập báo cáo để điền sẵn biểu mẫu (xem settings/)', 'report settings file to prefill the form with (see settings/)')))
    .addOption(profileOption(text))
    .action(async (options: { port?: number; open: boolean; settings?: string; profile?: string }, command: Command) => {
      const lang = langOf(command);
      // A bad profile exits 4 before the server starts, as on every other command.
      const profile = options.profile !== undefined ? loadProfile(options.profile) : undefined;
      const server = await startServer({
        ...(profile ? { profile } : {}),
        ...(options.port !== undefined ? { port: options.port } : {}),
        ...(options.settings ? { settingsFile: options.settings } : {}),
        log: (line) => context.err(render(line, lang)),
      });
      say(context, lang, msg(`chitieu đang chạy tại ${server.url}`, `chitieu is running at ${server.url}`));
      say(
        context,
        lang,
        msg(
          'Mở đường dẫn trên trong trình duyệt (chỉ máy này vào được). Bấm Ctrl-C để dừng và xóa dữ liệu đã tải lên.',
          'Open the link above in a browser (only this machine can). Press Ctrl-C to stop and delete the uploaded data.',
        ),
      );
      if (options.open && !process.env.CI) openBrowser(server.url);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          process.off('SIGHUP', stop);
          void server.close().then(() => {
            say(context, lang, msg('Đã dừng chitieu serve và xóa dữ liệu đã tải lên.', 'Stopped chitieu serve and deleted the uploaded data.'));
            resolve();
          });
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
        // The console window closed (Windows sends SIGHUP): the uploaded data goes too.
        process.on('SIGHUP', stop);
      });
    });
}

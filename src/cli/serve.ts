/**
 * `chitieu serve [--port N] [--no-open] [--settings FILE]`: the whole job on a local web page
 * (src/server), for people who never open a terminal. Nothing leaves the machine.
 */
import { Option, type Command } from 'commander';
import { ExitCode, UserError, msg, render, type Message } from '../model/messages.js';
import { toolVersion } from '../model/version.js';
import { loadProfile } from '../pipeline/stages.js';
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

function terminalLines(url: string): Message[] {
  return [
    msg(`chitieu đang chạy tại ${url}`, `chitieu is running at ${url}`),
    msg(
      'Mở đường dẫn trên trong trình duyệt (chỉ máy này vào được). Bấm Ctrl-C để dừng và xóa dữ liệu đã tải lên.',
      'Open the link above in a browser (only this machine can). Press Ctrl-C to stop and delete the uploaded data.',
    ),
  ];
}

/** What the console window of a double-clicked chitieu.exe says: where the page is, where the data stays, how to stop. */
function windowLines(url: string, browserOpened: boolean): Message[] {
  return [
    msg(`chitieu ${toolVersion()}`, `chitieu ${toolVersion()}`),
    browserOpened
      ? msg(`Trang chitieu đã mở trong trình duyệt. Nếu chưa thấy, hãy mở địa chỉ này: ${url}`, `chitieu's page has opened in the browser. If you do not see it, open this address: ${url}`)
      : msg(`Mở địa chỉ này trong trình duyệt để vào trang chitieu: ${url}`, `Open this address in a browser to reach chitieu's page: ${url}`),
    msg(
      'Dữ liệu chỉ ở trên máy này: chitieu không gửi gì lên mạng, chỉ máy này mở được trang.',
      'The data stays on this machine: chitieu sends nothing to the network, and only this machine can open the page.',
    ),
    msg(
      'Giữ cửa sổ này mở khi làm việc. Đóng cửa sổ này (hoặc bấm Ctrl-C) là dừng chitieu và xóa dữ liệu đã tải lên trang.',
      'Keep this window open while you work. Closing it (or pressing Ctrl-C) stops chitieu and deletes the data uploaded to the page.',
    ),
  ];
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
    // chitieu.exe double-clicked (src/cli/main.ts): the console window is all the user sees of the program.
    .addOption(new Option('--window').hideHelp())
    .action(async (options: { port?: number; open: boolean; settings?: string; profile?: string; window?: boolean }, command: Command) => {
      const lang = langOf(command);
      // A bad profile exits 4 before the server starts, as on every other command.
      const profile = options.profile !== undefined ? loadProfile(options.profile) : undefined;
      const server = await startServer({
        ...(profile ? { profile } : {}),
        ...(options.port !== undefined ? { port: options.port } : {}),
        ...(options.settings ? { settingsFile: options.settings } : {}),
        log: (line) => context.err(render(line, lang)),
      });
      const opensBrowser = options.open && !process.env.CI;
      for (const line of options.window ? windowLines(server.url, opensBrowser) : terminalLines(server.url)) say(context, lang, line);
      if (opensBrowser) openBrowser(server.url);
      await new Promise<void>((resolve) => {
        // Closing the console window on Windows arrives as SIGHUP; Windows waits a few seconds for the cleanup.
        const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
        const stop = () => {
          for (const signal of signals) process.off(signal, stop);
          void server.close().then(() => {
            say(context, lang, msg('Đã dừng chitieu serve và xóa dữ liệu đã tải lên.', 'Stopped chitieu serve and deleted the uploaded data.'));
            resolve();
          });
        };
        for (const signal of signals) process.on(signal, stop);
      });
    });
}

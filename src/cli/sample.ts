import type { Command } from 'commander';
import { ExitCode, UserError, msg } from '../model/messages.js';
import { DEFAULT_SEED, buildSampleSet, districtSize, writeSampleSet } from '../sample/index.js';
import { vnNumber } from '../sample/layout.js';
import { loadAdminUnits } from '../units/index.js';
import { outputFault, prepareOutputFolder } from '../io/output.js';
import { langOf, say, type CliContext } from './context.js';
import type { Text } from './help.js';

interface SampleCliOptions {
  out?: string;
  seed?: string;
  communes?: string;
}

const MAX_SEED = 0xffffffff;

function parseSeed(value: string | undefined): number {
  if (value === undefined) return DEFAULT_SEED;
  const seed = /^\d{1,10}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(seed) || seed > MAX_SEED) {
    throw new UserError(
      ExitCode.usage,
      msg(
        `--seed phải là số nguyên từ 0 đến ${MAX_SEED} (nhận được "${value}").`,
        `--seed must be an integer from 0 to ${MAX_SEED} (got "${value}").`,
      ),
    );
  }
  return seed;
}

function parseCommunes(value: string | undefined, max: number): number {
  if (value === undefined) return max;
  const count = /^\d{1,3}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(count) || count < 1 || count > max) {
    throw new UserError(
      ExitCode.usage,
      msg(
        `--communes phải là số nguyên từ 1 đến ${max} (số xã của huyện Sơn Hà), nhận được "${value}".`,
        `--communes must be an integer from 1 to ${max} (the communes of Sơn Hà district), got "${value}".`,
      ),
    );
  }
  return count;
}

export function registerSample(program: Command, context: CliContext, text: Text): void {
  program
    .command('sample')
    .description(
      text(
        msg(
          'Tạo dữ liệu mẫu (tổng hợp, không có thật): mỗi xã của huyện Sơn Hà (Quảng Ngãi) một file Excel, năm 2024–2025, kèm README',
          'Generate sample data (synthetic, not real): one Excel file per commune of huyện Sơn Hà (Quảng Ngãi), 2024–2025, with a README',
        ),
      ),
    )
    .option(text(msg('--out <thư-mục>', '--out <folder>')), text(msg('thư mục ghi file (tạo nếu chưa có)', 'folder to write into (made if missing)')))
    .option('--seed <n>', text(msg(`số khởi tạo: cùng seed cho cùng dữ liệu (mặc định ${DEFAULT_SEED})`, `seed: the same seed gives the same data (default ${DEFAULT_SEED})`)))
    .option('--communes <n>', text(msg('chỉ tạo N xã đầu tiên của huyện (mặc định: cả 14 xã)', 'only the first N communes of the district (default: all 14)')))
    .action(async (options: SampleCliOptions, command: Command) => {
      const lang = langOf(command);
      if (options.out === undefined || options.out.trim() === '') {
        throw new UserError(
          ExitCode.usage,
          msg('Thiếu --out: thư mục để ghi dữ liệu mẫu.', 'Missing --out: the directory to write the sample into.'),
        );
      }
      const units = loadAdminUnits();
      const seed = parseSeed(options.seed);
      const communes = parseCommunes(options.communes, districtSize(units));
      const set = buildSampleSet(units, { seed, communes });
      // Made here, one level at a time (io/output.ts): a recursive mkdir can spin forever under /proc.
      prepareOutputFolder(options.out);
      let written;
      try {
        written = await writeSampleSet(options.out, set);
      } catch (error) {
        throw outputFault(error, options.out);
      }
      for (const file of written) say(context, lang, msg(`  ${file.path}  ${vnNumber(file.bytes)} byte`, `  ${file.path}  ${file.bytes} bytes`));
      const bytes = written.reduce((sum, file) => sum + file.bytes, 0);
      const rejected = set.planted.filter((error) => error.outcome === 'rejected').length;
      say(
        context,
        lang,
        msg(
          `Đã ghi ${set.files.length} file mẫu và README.md (${vnNumber(bytes)} byte), seed ${seed}: ` +
            `${vnNumber(set.children.length)} trẻ em, ${vnNumber(set.events.length)} dòng sự việc hợp lệ, ` +
            `${rejected} dòng lỗi cài sẵn (xem README.md). Dữ liệu tổng hợp, không có thật.`,
          `Wrote ${set.files.length} sample workbooks and README.md (${bytes} bytes), seed ${seed}: ` +
            `${set.children.length} children, ${set.events.length} valid event rows, ` +
            `${rejected} planted bad rows (see README.md). Synthetic data, not real.`,
        ),
      );
    });
}

import type { Command } from 'commander';
import { ExitCode, UserError, msg } from '../model/messages.js';
import { join } from 'node:path';
import {
  DEFAULT_SEED,
  OTHER_LAYOUTS_DIR,
  POST_REFORM_DIR,
  buildPostReformSet,
  buildSampleSet,
  districtSize,
  writeOtherLayouts,
  writePostReformSet,
  writeSampleSet,
  type WrittenFile,
} from '../sample/index.js';
import { vnNumber } from '../sample/layout.js';
import { loadAdminUnits } from '../units/index.js';
import { outputFault, prepareOutputFolder } from '../io/output.js';
import { langOf, say, type CliContext } from './context.js';
import type { Lang } from '../model/messages.js';
import type { Text } from './help.js';

interface SampleCliOptions {
  out?: string;
  seed?: string;
  communes?: string;
  otherLayouts?: boolean;
  postReform?: boolean;
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

async function writePostReform(context: CliContext, lang: Lang, out: string, seed: number, units: ReturnType<typeof loadAdminUnits>): Promise<void> {
  const set = buildPostReformSet(units, seed);
  prepareOutputFolder(out);
  let written: WrittenFile[];
  try {
    written = await writePostReformSet(out, set);
  } catch (error) {
    throw outputFault(error, out);
  }
  for (const file of written) say(context, lang, msg(`  ${file.path}  ${vnNumber(file.bytes)} byte`, `  ${file.path}  ${file.bytes} bytes`));
  const bytes = written.reduce((sum, file) => sum + file.bytes, 0);
  const rejected = set.planted.filter((error) => error.outcome === 'rejected').length;
  const communes = set.newCommunes.map((commune) => commune.name).join(', ');
  say(
    context,
    lang,
    msg(
      `Đã ghi ${set.files.length} tệp mẫu sau sắp xếp và README.md (${vnNumber(bytes)} byte), seed ${seed}: ${set.newCommunes.length} xã mới (${communes}), ` +
        `${vnNumber(set.children.length)} trẻ em, ${vnNumber(set.events.length)} dòng sự việc hợp lệ, năm 2025 mã xã cũ, năm 2026 mã xã mới, ` +
        `${rejected} dòng lỗi cài sẵn (xem README.md). Dữ liệu tổng hợp, không có thật.`,
      `Wrote ${set.files.length} post-reform sample workbooks and README.md (${bytes} bytes), seed ${seed}: ${set.newCommunes.length} new communes (${communes}), ` +
        `${set.children.length} children, ${set.events.length} valid event rows, 2025 in old commune codes, 2026 in new ones, ` +
        `${rejected} planted bad rows (see README.md). Synthetic data, not real.`,
    ),
  );
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
    .option(
      '--other-layouts',
      text(msg(`thêm vào ${OTHER_LAYOUTS_DIR}/ các file theo bố cục khác, đọc bằng hồ sơ cột có sẵn (profiles/)`, `also write into ${OTHER_LAYOUTS_DIR}/ files in other layouts, read by the bundled profiles (profiles/)`)),
    )
    .option(
      '--post-reform',
      text(
        msg(
          `bộ mẫu sau sắp xếp: các xã mới của tỉnh Quảng Ngãi lập từ các xã cũ của huyện Sơn Hà, năm 2025 ghi mã cũ, năm 2026 ghi mã mới (npm run sample ghi vào sample-data/${POST_REFORM_DIR}/)`,
          `today's set: the new communes of Quảng Ngãi formed from Sơn Hà's old communes, 2025 in old codes, 2026 in new codes (npm run sample writes it into sample-data/${POST_REFORM_DIR}/)`,
        ),
      ),
    )
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
      if (options.postReform) {
        if (options.communes !== undefined || options.otherLayouts) {
          throw new UserError(
            ExitCode.usage,
            msg('--post-reform không dùng cùng --communes hay --other-layouts.', '--post-reform does not take --communes or --other-layouts.'),
          );
        }
        await writePostReform(context, lang, options.out, seed, units);
        return;
      }
      const communes = parseCommunes(options.communes, districtSize(units));
      const set = buildSampleSet(units, { seed, communes });
      // Made here, one level at a time (io/output.ts): a recursive mkdir can spin forever under /proc.
      prepareOutputFolder(options.out);
      let written;
      try {
        written = await writeSampleSet(options.out, set);
        if (options.otherLayouts) {
          const folder = join(options.out, OTHER_LAYOUTS_DIR);
          prepareOutputFolder(folder);
          written.push(...(await writeOtherLayouts(folder, set)));
        }
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

import type { PlantedError, SampleSet, SheetAccount } from './build.js';
import { describeStyle, vnNumber } from './layout.js';
import { inPopulation, type PeriodTotals } from './truth.js';
import { SNAPSHOT_DATE } from './periods.js';

/**
 * The README written next to the sample files: what they are, how to make them again, which
 * errors were planted where, and the figures a correct run must find. Generated, so that it
 * always matches the files it describes.
 */

/** Said first in every sample README: nothing in the files is about a real child. */
export const SYNTHETIC_NOTICE: readonly string[] = [
  '> **Dữ liệu giả, không phải số liệu thật.** Mọi họ tên, mã trẻ em, số định danh, ngày sinh và sự việc đều do',
  '> máy sinh ngẫu nhiên; trùng với người thật chỉ là tình cờ. Chỉ tên và mã đơn vị hành chính là thật.',
  '>',
  '> **Synthetic data, not real figures.** Every name, child id, personal id, birth date and event was drawn at',
  '> random; any likeness to a real person is coincidence. Only the administrative units and their codes are real.',
];

export function percent(numerator: number, denominator: number): string {
  if (denominator === 0) return '–';
  return `${(Math.round((numerator / denominator) * 1000) / 10).toFixed(1).replace('.', ',')}%`;
}

function ratio(numerator: number, denominator: number): string {
  return `${vnNumber(numerator)} / ${vnNumber(denominator)} (${percent(numerator, denominator)})`;
}

function rate(count: number, population: number): string {
  if (population === 0) return vnNumber(count);
  const per100k = Math.round((count / population) * 100_000 * 10) / 10;
  return `${vnNumber(count)} (${per100k.toFixed(1).replace('.', ',')}/100.000)`;
}

function outcomeText(outcome: string): string {
  switch (outcome) {
    case 'rejected':
      return 'bị loại / rejected';
    case 'warning':
      return 'chấp nhận, cảnh báo / accepted, warning';
    default:
      return 'bỏ qua, cảnh báo / skipped, warning';
  }
}

const escape = (text: string): string => text.replace(/\|/g, '\\|');

export interface Line {
  readonly label: string;
  readonly value: (totals: PeriodTotals) => string;
}

export const LINES: readonly Line[] = [
  { label: 'TE-0101 Dân số trẻ em / children (nam / nữ)', value: (t) => `${vnNumber(t.children)} (${vnNumber(t.boys)} / ${vnNumber(t.girls)})` },
  { label: 'TE-0104 Đăng ký khai sinh, dưới 5 tuổi / birth registered, under 5', value: (t) => ratio(t.under5Registered, t.under5) },
  { label: 'TE-0105 Thẻ BHYT, dưới 6 tuổi / health insurance, under 6', value: (t) => ratio(t.under6Insured, t.under6) },
  { label: 'TE-0301 Trẻ em có HCĐB / in special circumstances', value: (t) => ratio(t.special, t.children) },
  { label: '… trong đó khuyết tật (HCDB04) / of which disability', value: (t) => vnNumber(t.specialDisability) },
  { label: 'TE-0302 HCĐB được trợ giúp trong kỳ / supported in the period', value: (t) => ratio(t.specialSupported, t.special) },
  { label: 'TE-0303 Trẻ em có nguy cơ / at risk', value: (t) => ratio(t.atRisk, t.children) },
  { label: 'TE-0304 Trẻ em bị TNTT / injured children', value: (t) => rate(t.injuredChildren, t.children) },
  { label: 'TE-0305 Tử vong do TNTT / injury deaths', value: (t) => rate(t.injuryDeaths, t.children) },
  { label: 'TE-0306 Tử vong do đuối nước / drowning deaths', value: (t) => rate(t.drowningDeaths, t.children) },
  { label: 'XH-0101 Trẻ em bị xâm hại / abused children', value: (t) => rate(t.abusedChildren, t.children) },
  { label: 'XH-0102 Số vụ xâm hại / abuse cases', value: (t) => vnNumber(t.abuseCases) },
  { label: 'XH-0103 Bị xâm hại được hỗ trợ / abused and supported', value: (t) => ratio(t.abusedSupported, t.abusedChildren) },
  { label: 'XH-0201 Vụ bị xử phạt hành chính / cases fined', value: (t) => vnNumber(t.fineCases) },
  { label: 'XH-0202 Tiền phạt (đồng) / fines (VND)', value: (t) => vnNumber(t.fineTotal) },
  { label: 'TE-0102 Trẻ sinh trong kỳ (trai / gái) / births (boys / girls)', value: (t) => `${vnNumber(t.births)} (${vnNumber(t.birthsBoys)} / ${vnNumber(t.birthsGirls)})` },
  { label: 'TE-0201 / TE-0202 Tử vong dưới 1 / dưới 5 tuổi / deaths under 1 / under 5', value: (t) => `${t.deathsUnder1} / ${t.deathsUnder5}` },
  { label: 'TE-0403 Trẻ em bỏ học / dropouts', value: (t) => vnNumber(t.dropouts) },
  { label: 'Tảo hôn (trẻ em) / child marriages', value: (t) => vnNumber(t.childMarriages) },
];

/** The planted errors and the read = accepted + rejected table, as README lines. */
export function plantedSection(
  planted: readonly PlantedError[],
  accounts: Readonly<Record<string, Readonly<Record<string, SheetAccount>>>>,
): string[] {
  const out: string[] = [];
  const push = (...lines: string[]): void => {
    out.push(...lines);
  };
  push(
    '',
    '## Lỗi cài sẵn / Planted errors',
    '',
    'Một số dòng lỗi được cài có chủ ý để thấy phần kiểm tra dữ liệu làm gì. Mọi dòng lỗi là dòng thêm vào: số liệu',
    'đúng bên dưới là của các dòng hợp lệ. Số dòng là số dòng trong Excel. Dòng trùng mã: tệp đọc theo thứ tự tên, dòng sau bị loại.',
    '',
    'A few bad rows are planted on purpose to show what validation does. Every planted row is an extra row: the true',
    'totals below are those of the valid rows. Row numbers are Excel row numbers. Duplicates: files are read in name',
    'order and the later row is rejected.',
    '',
    '| # | Tệp / File | Sheet | Dòng / Row | Cột / Column | Giá trị / Value | Kết quả / Outcome | Lỗi | Problem |',
    '|---|---|---|---:|---|---|---|---|---|',
  );
  for (const error of planted) {
    push(
      `| ${error.tag} | \`${error.file}\` | ${error.sheet} | ${error.row} | ${escape(error.column ?? '–')} | ` +
        `${error.value === undefined ? '–' : error.value === '' ? '(trống / blank)' : `\`${escape(error.value)}\``} | ` +
        `${outcomeText(error.outcome)} | ${escape(error.what.vi)} | ${escape(error.what.en)} |`,
    );
  }
  const sum = (sheet: string, key: 'read' | 'accepted' | 'rejected' | 'warnings'): number =>
    Object.values(accounts).reduce((total, sheets) => total + (sheets[sheet]?.[key] ?? 0), 0);
  push(
    '',
    'Đọc = chấp nhận + loại / read = accepted + rejected (không tính dòng "Tổng cộng" / totals rows not counted):',
    '',
    '| Sheet | Đọc / Read | Chấp nhận / Accepted | Loại / Rejected |',
    '|---|---:|---:|---:|',
  );
  for (const sheet of ['TreEm', 'SuViec', 'ThongTinXa']) {
    push(`| ${sheet} | ${vnNumber(sum(sheet, 'read'))} | ${vnNumber(sum(sheet, 'accepted'))} | ${vnNumber(sum(sheet, 'rejected'))} |`);
  }

  return out;
}

export function sampleReadme(set: SampleSet): string {
  const out: string[] = [];
  const push = (...lines: string[]): void => {
    out.push(...lines);
  };
  const communes = set.files.map((file) => file.commune);
  const districtName = 'huyện Sơn Hà, tỉnh Quảng Ngãi';
  const communeArg = communes.length === 14 ? '' : ` --communes ${communes.length}`;

  push(
    '# Dữ liệu mẫu: huyện Sơn Hà, tỉnh Quảng Ngãi (dữ liệu tổng hợp) / Sample data (synthetic)',
    '',
    ...SYNTHETIC_NOTICE,
    '',
    '## Là gì',
    '',
    `${communes.length} tệp Excel, mỗi xã (trước sắp xếp 01/07/2025) của ${districtName} (mã tỉnh 51, mã huyện 529) một tệp,`,
    'như cán bộ xã xuất từ phần mềm quản lý trẻ em. Mỗi tệp có ba sheet:',
    '',
    `- \`TreEm\`: danh sách trẻ em đến ngày ${SNAPSHOT_DATE.split('-').reverse().join('/')}, ghi mã xã **cũ**. Gồm cả trẻ đã chuyển đi, đã mất`,
    '  (có ngày thay đổi tình trạng) và trẻ sinh từ 02/01/2008 (tròn 16 tuổi trong năm 2024–2025).',
    '- `SuViec`: sự việc (xâm hại, tai nạn thương tích, tảo hôn) từ 01/01/2024 đến 31/12/2025, mỗi trẻ một dòng. Sự việc từ',
    '  **01/07/2025** ghi **mã xã mới** (theo bảng chuyển đổi), như phần mềm ghi sau sắp xếp.',
    '- `ThongTinXa`: số liệu chung của xã cho các kỳ 2024-H1, 2024, 2025-H1.',
    '',
    `Tạo bởi \`chitieu sample\` với **seed ${set.seed}**: cùng seed cho ra đúng từng byte như nhau. Tạo lại:`,
    '`npm run sample` (tức `chitieu sample --out sample-data`, seed mặc định 2025).',
    '',
    'Khi tính chỉ tiêu: TreEm ghi mã xã cũ, nên kỳ có ngày tham chiếu từ 01/07/2025 (năm 2025) cần',
    '`--codes-as-of 2025-06-30`. "Ngày trợ giúp" là ngày trợ giúp gần nhất, nên TE-0302 chỉ có ý nghĩa cho kỳ 2025-H1.',
    'TreEm chốt ngày 30/06/2025: trẻ chuyển đi hay tử vong sau ngày đó (kể cả tử vong do TNTT trong 6 tháng cuối 2025)',
    'vẫn ghi "Đang quản lý".',
    '',
    '## What it is',
    '',
    `${communes.length} Excel workbooks, one per commune (as before the 1 July 2025 reform) of Sơn Hà district, Quảng Ngãi`,
    '(province 51, district 529), as commune officials export them. Each has three sheets:',
    '',
    `- \`TreEm\`: the children's register as of ${SNAPSHOT_DATE}, under the **old** commune codes, including children who`,
    '  moved or died (with a status date) and everyone born from 2008-01-02 (under 16 on some day of 2024–2025).',
    '- `SuViec`: events (abuse, injuries, child marriage) from 2024-01-01 to 2025-12-31, one row per child. Events from',
    '  **2025-07-01** carry the **new** commune code (through the crosswalk), as the software records them.',
    '- `ThongTinXa`: commune facts for the periods 2024-H1, 2024 and 2025-H1.',
    '',
    `Made by \`chitieu sample\` with **seed ${set.seed}**; the same seed gives the same bytes. To regenerate:`,
    '`npm run sample` (that is `chitieu sample --out sample-data`, default seed 2025).',
    '',
    'When computing: TreEm uses the old codes, so periods whose reference date is on or after 2025-07-01 (the year',
    '2025) need `--codes-as-of 2025-06-30`. "Ngày trợ giúp" is the date of the latest support, so TE-0302 is only',
    'meaningful for 2025-H1. TreEm stops at 2025-06-30: children who moved or died later (including the injury deaths',
    'of the second half of 2025) are still listed as active.',
    '',
    `Command / lệnh: \`chitieu sample --out DIR --seed ${set.seed}${communeArg}\``,
    '',
    '## Các tệp / Files',
    '',
    '| Tệp / File | Xã (mã cũ) / Commune (old code) | Từ 01/07/2025 / From 2025-07-01 | Trẻ em đến 30/06/2025 / Children at 2025-06-30 | Dòng TreEm / rows | Dòng SuViec / rows | Cách ghi / Style |',
    '|---|---|---|---:|---:|---:|---|',
  );
  for (const file of set.files) {
    const data = set.data.communes[file.commune.index]!;
    const counted = data.children.filter((child) => inPopulation(child, SNAPSHOT_DATE)).length;
    const account = set.accounts[file.fileName] ?? {};
    const style = describeStyle(file.style);
    push(
      `| \`${file.fileName}\` | ${file.commune.name} (${file.commune.code}) | ${file.commune.newName} (${file.commune.newCode}) | ` +
        `${vnNumber(counted)} | ${vnNumber(account['TreEm']?.read ?? 0)} | ${vnNumber(account['SuViec']?.read ?? 0)} | ` +
        `${style.vi.join('; ')} / ${style.en.join('; ')} |`,
    );
  }
  // The reform reused old codes for new communes of another name: the date decides the meaning.
  const reused = [...new Set(communes.map((commune) => commune.newCode))].flatMap((code) => {
    const before = communes.find((commune) => commune.code === code);
    const after = communes.find((commune) => commune.newCode === code);
    return before !== undefined && after !== undefined && before.name !== after.newName
      ? [`${code}: ${before.name} → ${after.newName}`]
      : [];
  });
  if (reused.length > 0) {
    push(
      '',
      `Mã được dùng lại từ 01/07/2025 / codes reused from 2025-07-01: ${reused.join('; ')}.`,
    );
  }

  push(...plantedSection(set.planted, set.accounts));

  push(
    '',
    '## Số liệu đúng / True totals',
    '',
    `Toàn bộ ${communes.length} xã, đếm theo \`indicator-rules.md\` từ các dòng hợp lệ. Tỷ suất trên 100.000 trẻ em.`,
    `All ${communes.length} communes, counted by \`indicator-rules.md\` from the valid rows. Rates per 100,000 children.`,
    '',
    `| Chỉ tiêu / Indicator | ${set.totals.map((totals) => totals.period.id).join(' | ')} |`,
    `|---|${set.totals.map(() => '---:').join('|')}|`,
  );
  for (const line of LINES) {
    push(`| ${line.label} | ${set.totals.map((totals) => line.value(totals)).join(' | ')} |`);
  }
  const byId = new Map(set.totals.map((totals) => [totals.period.id, totals]));
  const h1Now = byId.get('2025-H1');
  const h1Before = byId.get('2024-H1');
  if (h1Now !== undefined && h1Before !== undefined) {
    const met = (now: number, before: number): string => (now <= 0.9 * before ? 'đạt / met' : 'không đạt / not met');
    push(
      '',
      'Mục tiêu "giảm ít nhất 10% so với cùng kỳ" (2025-H1 so với 2024-H1) / "at least 10% fewer than a year earlier":',
      '',
      `- TE-0305 tử vong do TNTT / injury deaths: ${h1Now.injuryDeaths} so với / against ${h1Before.injuryDeaths} → ${met(h1Now.injuryDeaths, h1Before.injuryDeaths)}`,
      `- TE-0306 tử vong do đuối nước / drowning deaths: ${h1Now.drowningDeaths} so với / against ${h1Before.drowningDeaths} → ${met(h1Now.drowningDeaths, h1Before.drowningDeaths)}`,
      `- XH-0103 trẻ bị xâm hại được hỗ trợ / abused children supported: 2024 ${percent(byId.get('2024')?.abusedSupported ?? 0, byId.get('2024')?.abusedChildren ?? 0)}, 2025-H1 ${percent(h1Now.abusedSupported, h1Now.abusedChildren)}`,
    );
  }
  push(
    '',
    'Mức độ theo domain.md §3 / magnitudes from domain.md §3: HCĐB ~1% (chủ yếu khuyết tật / mostly disability), nguy cơ ~4% /',
    'at risk ~4%, tỷ số giới tính ~111 trai/100 gái / ~111 boys per 100 girls, dân tộc chủ yếu Hrê (mã 19) và Kinh /',
    'mostly Hrê (code 19) and Kinh, trẻ em ~27% dân số / children ~27% of the population.',
  );
  push('');
  return out.join('\n');
}

import { describeStyle, vnNumber } from './layout.js';
import type { PostReformSet } from './post-reform.js';
import { LINES, SYNTHETIC_NOTICE, percent, plantedSection } from './readme.js';
import type { PeriodTotals } from './truth.js';

/**
 * The README of today's sample (post-reform set): what the files are and in which codes, the
 * planted errors, and the figures a correct run must find for each new commune and for all of
 * them, across the reform. Generated, so that it always matches the files it describes.
 */

function totalsTable(title: string, totals: readonly PeriodTotals[]): string[] {
  return [
    '',
    title,
    '',
    `| Chỉ tiêu / Indicator | ${totals.map((row) => row.period.id).join(' | ')} |`,
    `|---|${totals.map(() => '---:').join('|')}|`,
    ...LINES.map((line) => `| ${line.label} | ${totals.map((row) => line.value(row)).join(' | ')} |`),
  ];
}

export function postReformReadme(set: PostReformSet): string {
  const out: string[] = [
    '# Dữ liệu mẫu sau sắp xếp: các xã mới của tỉnh Quảng Ngãi từ huyện Sơn Hà cũ (dữ liệu tổng hợp) / Post-reform sample (synthetic)',
    '',
    ...SYNTHETIC_NOTICE,
    '',
    '## Là gì',
    '',
    `Từ 01/07/2025 không còn huyện; ${set.newCommunes.length} xã mới của tỉnh Quảng Ngãi được lập từ các xã cũ của huyện Sơn Hà`,
    '(theo bảng sắp xếp đi kèm, `data/admin-units`; các xã mới này không nhận xã cũ nào của huyện khác). Trẻ em và sự việc',
    'đến 30/06/2025 là của bộ mẫu trước sắp xếp (`sample-data/`, cùng seed, cùng các dòng lỗi cài sẵn); năm sau sắp xếp',
    '(trẻ sinh từ 01/07/2025, sự việc 6 tháng đầu năm 2026, số liệu chung của xã 2026-H1) ghi **mã xã mới**.',
    'Các tệp trộn mã như tệp thật:',
    '',
    '- Ba xã mới gửi **một tệp trộn**: danh sách trẻ em của các xã cũ chép sang nguyên như cũ (mã xã **cũ**, mã huyện 529;',
    '  có cập nhật trẻ tử vong và lần trợ giúp gần nhất trong 6 tháng đầu năm 2026), nối thêm trẻ sinh từ 01/07/2025 (mã',
    '  **mới**, không có mã huyện); sự việc năm 2025 trước 01/07/2025 mang mã cũ, từ 01/07/2025 mang mã mới.',
    '- Hai xã mới gửi **tệp riêng**: tệp năm 2025 của từng xã cũ như đã xuất (mã cũ, đến 30/06/2025, sự việc 6 tháng đầu',
    '  năm 2025), và một tệp năm 2026 của xã mới (mã mới: trẻ sinh từ 01/07/2025, mọi sự việc từ 01/07/2025).',
    '',
    'Mã trẻ em của trẻ sinh sau sắp xếp là `TE-<mã xã mới>-5001` trở đi, không trùng danh sách cũ. Tên tệp bắt đầu bằng năm',
    'xuất (2025-…, 2026-…): đọc theo thứ tự tên, tệp 2025 đến trước.',
    '',
    '## What it is',
    '',
    `Since 1 July 2025 there are no districts; ${set.newCommunes.length} new communes of Quảng Ngãi were formed from the old communes of`,
    'Sơn Hà district (bundled crosswalk, `data/admin-units`; none of them took an old commune of another district). Children and',
    'events up to 2025-06-30 are those of the pre-reform set (`sample-data/`, same seed, same planted errors); the year after the',
    'reform (children born from 2025-07-01, events of the first half of 2026, commune facts 2026-H1) carries the **new** codes.',
    'The files mix vintages as real ones do: three new communes send **one mixed workbook** (the old lists carried over',
    'unchanged, in old codes with district 529, deaths and the latest support of 2026-H1 updated, plus the children born since in the new code; events before',
    '2025-07-01 in old codes, from then in the new one); two send **separate files** (each old commune\'s 2025 export as made,',
    'up to 2025-06-30, and one 2026 workbook of the new commune in its new code). Children born after the reform are',
    '`TE-<new code>-5001` onwards. File names start with the export year, so that 2025 files are read first.',
    '',
    `Tạo bởi / made by \`chitieu sample --post-reform --out DIR --seed ${set.seed}\` (\`npm run sample\` ghi vào / writes into`,
    '`sample-data/quang-ngai-2026/`). Cùng seed cho cùng từng byte / the same seed gives the same bytes.',
    '',
    'Tính chỉ tiêu / compute: `npx chitieu compute sample-data/quang-ngai-2026/*.xlsx --period 2026-H1 --level province --baseline records`.',
    '',
    '## Các tệp / Files',
    '',
    '| Tệp / File | Xã mới / New commune | Xã cũ / Old communes | Mã / Codes | Dòng TreEm / rows | Dòng SuViec / rows | Cách ghi / Style |',
    '|---|---|---|---|---:|---:|---|',
  ];
  for (const file of set.files) {
    const commune = set.newCommunes.find((candidate) => candidate.code === file.commune.newCode);
    const account = set.accounts[file.fileName] ?? {};
    const style = describeStyle(file.style);
    const oldOnly = file.commune.districtCode !== '';
    const olds = oldOnly ? [file.commune] : commune?.mixed ? commune.formedFrom : [];
    const codes = oldOnly ? 'cũ / old' : commune?.mixed ? 'cũ + mới / old + new' : 'mới / new';
    out.push(
      `| \`${file.fileName}\` | ${file.commune.newName} (${file.commune.newCode}) | ${olds.map((old) => `${old.name} (${old.code})`).join(', ') || '–'} | ${codes} | ` +
        `${vnNumber(account['TreEm']?.read ?? 0)} | ${vnNumber(account['SuViec']?.read ?? 0)} | ${style.vi.join('; ')} / ${style.en.join('; ')} |`,
    );
  }
  const reused = set.newCommunes.flatMap((commune) => {
    const before = commune.formedFrom.find((old) => old.code === commune.code);
    return before !== undefined && before.name !== commune.name ? [`${commune.code}: ${before.name} → ${commune.name}`] : [];
  });
  if (reused.length > 0) {
    out.push(
      '',
      `Mã được dùng lại từ 01/07/2025 / codes reused from 2025-07-01: ${reused.join('; ')}. Ở đây mỗi mã dùng lại, đọc theo`,
      'danh mục nào cũng dẫn về cùng một xã mới / here every reused code leads to the same new commune in either list.',
    );
  }
  out.push(...plantedSection(set.planted, set.accounts));
  out.push(
    '',
    '## Số liệu đúng / True totals',
    '',
    'Đếm theo `indicator-rules.md` từ các dòng hợp lệ, mỗi trẻ em đặt vào xã mới của mình (xã cũ → xã mới theo bảng sắp',
    'xếp). Tỷ suất trên 100.000 trẻ em. Trẻ em tử vong sau 30/06/2025 ở xã gửi tệp riêng vẫn ghi "Đang quản lý" trong tệp 2025.',
    'Counted by `indicator-rules.md` from the valid rows, every child placed in its new commune (old commune → new through',
    'the crosswalk). Rates per 100,000 children. Children who died after 2025-06-30 in a commune that sends separate files are',
    'still active in its 2025 export.',
    ...totalsTable(`### Cả ${set.newCommunes.length} xã mới / All ${set.newCommunes.length} new communes`, set.totals),
  );
  for (const commune of set.newCommunes) {
    const totals = set.communeTotals[commune.code] ?? [];
    out.push(...totalsTable(`### ${commune.name} (${commune.code})`, totals));
  }
  const byId = new Map(set.totals.map((totals) => [totals.period.id, totals]));
  const now = byId.get('2026-H1');
  const before = byId.get('2025-H1');
  if (now !== undefined && before !== undefined) {
    const met = (current: number, last: number): string => (current <= 0.9 * last ? 'đạt / met' : 'không đạt / not met');
    out.push(
      '',
      'Mục tiêu "giảm ít nhất 10% so với cùng kỳ" (2026-H1 so với 2025-H1, cả các xã) / "at least 10% fewer than a year earlier":',
      '',
      `- TE-0305 tử vong do TNTT / injury deaths: ${now.injuryDeaths} so với / against ${before.injuryDeaths} → ${met(now.injuryDeaths, before.injuryDeaths)}`,
      `- TE-0306 tử vong do đuối nước / drowning deaths: ${now.drowningDeaths} so với / against ${before.drowningDeaths} → ${met(now.drowningDeaths, before.drowningDeaths)}`,
      `- XH-0103 trẻ bị xâm hại được hỗ trợ / abused children supported: 2025-H1 ${percent(before.abusedSupported, before.abusedChildren)}, 2026-H1 ${percent(now.abusedSupported, now.abusedChildren)}`,
    );
  }
  out.push('');
  return out.join('\n');
}

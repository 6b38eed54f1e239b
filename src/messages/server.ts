/** Texts of src/server/: what the page's server answers and logs. */
import { type Bilingual, catalogue, type Message, numberIn, text } from './define.js';

/** What each section of the report's outline is for, in English (the Vietnamese is src/report/narrative.ts's). */
const NARRATIVE_EN: Record<string, string> = {
  'mo-dau': 'Opening sentence: what the report answers (the plan or instruction from above)',
  'I.1': 'Economic and social situation affecting children',
  'I.2': 'Problems of children that arose or remain unsolved',
  'II.1': 'Advice, direction, supervision and evaluation of children\'s rights',
  'II.2': 'Child protection: in general',
  'II.2.a': 'Prevention: communication, training…',
  'II.2.b': 'Support',
  'II.2.c': 'Intervention',
  'II.2.d': 'Preventing injuries and drowning',
  'II.3': 'Care of children',
  'II.4': 'Education of children',
  'II.5': 'Culture, information, sport and tourism for children',
  'II.6': 'Children\'s right to participate',
  'II.7': 'Projects, programmes, models of international cooperation or social mobilisation',
  'II.8': 'The Child Protection Fund',
  'II.9': 'Total spending on children',
  'III.1': 'Results compared with the same period',
  'III.2': 'Shortcomings',
  'III.3': 'Causes of the shortcomings',
  'IV.1': 'General aim',
  'IV.2': 'Specific aims',
  'IV.3': 'Targets to reach',
  'IV.4': 'Main programmes, schemes and activities',
  'IV.5': 'Expected funding',
  V: 'Proposals (only when the unit writes them)',
};

export const serverText = catalogue('server', {
  /** A message as the page receives it: this machine's folders taken out (src/server/page-text.ts). */
  withoutPaths: text(
    (p: { message: Message; hide: (text: string) => string }) => p.hide(p.message.vi),
    (p) => p.hide(p.message.en),
  ),
  clearedMeanwhile: text(
    'Dữ liệu đã được xóa trong khi việc này đang chạy: kết quả của nó không được giữ lại.',
    'The data was cleared while this was running: what it made was not kept.',
  ),
  fileTooLarge: text(
    (p: { file: string; limit: string }) => `Tệp ${p.file} lớn hơn giới hạn ${p.limit} cho mỗi tệp: chia tệp theo xã hoặc theo năm rồi tải lên lại.`,
    (p) => `File ${p.file} is larger than the ${p.limit} limit per file: split it by commune or by year and upload again.`,
  ),
  tooManyFiles: text(
    (p: { files: number }) => `Mỗi lần tải lên tối đa ${numberIn('vi', p.files)} tệp: tải lên làm nhiều lần.`,
    (p) => `At most ${numberIn('en', p.files)} files per upload: upload them in several goes.`,
  ),
  uploadTooLarge: text(
    (p: { limit: string }) => `Các tệp tải lên cùng lúc vượt quá ${p.limit}: tải lên làm nhiều lần, mỗi lần ít tệp hơn.`,
    (p) => `The files uploaded together exceed ${p.limit}: upload them in several goes.`,
  ),
  settingsField: text(
    (p: { field: string; problem: Message }) => `Thiết lập báo cáo, mục ${p.field}: ${p.problem.vi}`,
    (p) => `Report settings, field ${p.field}: ${p.problem.en}`,
  ),
  sheetToMap: text(
    (p: { file: string; sheet: string }) => `Tệp "${p.file}", trang "${p.sheet}": chitieu chưa nhận ra các cột theo mẫu chuẩn; hãy ghép cột ở phần dưới.`,
    (p) => `File "${p.file}", sheet "${p.sheet}": chitieu does not recognise its columns; map them below.`,
  ),
  sheetAmbiguous: text(
    (p: { file: string; sheet: string }) =>
      `Tệp "${p.file}", trang "${p.sheet}": khớp như nhau với nhiều hồ sơ cột; chọn một hồ sơ trong danh sách "Hồ sơ cột" ở trên.`,
    (p) => `File "${p.file}", sheet "${p.sheet}": fits several column-mapping profiles equally; choose one in the "Column-mapping profile" list above.`,
  ),
  invalidRequest: text('Yêu cầu không hợp lệ.', 'Invalid request.'),
  invalidRequestField: text(
    (p: { field: string }) => `Yêu cầu không hợp lệ (mục ${p.field}).`,
    (p) => `Invalid request (field ${p.field}).`,
  ),
  unexpectedLogged: text(
    (p: { kind: string }) => `Lỗi không mong đợi (${p.kind}).`,
    (p) => `Unexpected error (${p.kind}).`,
  ),
  unexpected: text(
    'Lỗi không mong đợi trong chitieu. Hãy thử lại; nếu vẫn lỗi, báo cho người quản trị.',
    'Unexpected error in chitieu. Try again; if it persists, tell your administrator.',
  ),
  readLogged: text(
    (p: { files: number; rows: number }) => `Đã đọc ${numberIn('vi', p.files)} tệp: ${numberIn('vi', p.rows)} dòng.`,
    (p) => `Read ${numberIn('en', p.files)} file(s): ${numberIn('en', p.rows)} rows.`,
  ),
  readUnexpected: text(
    'Không đọc được các tệp (lỗi không mong đợi). Hãy kiểm tra tệp rồi thử lại.',
    'The files could not be read (unexpected error). Check them and try again.',
  ),
  fileUnexpected: text(
    'không đọc được (lỗi không mong đợi): kiểm tra tệp rồi thử lại.',
    'cannot be read (unexpected error): check the file and try again.',
  ),
  noData: text('Chưa có dữ liệu: chọn tệp ở mục "Dữ liệu" trước.', 'No data yet: choose files under "Data" first.'),
  notComputed: text('Chưa tính chỉ tiêu: bấm "Tính chỉ tiêu" trước.', 'Nothing computed yet: press "Compute" first.'),
  notComputedCharts: text(
    'Chưa tính chỉ tiêu: chọn kỳ, đơn vị rồi bấm "Tính chỉ tiêu".',
    'Nothing computed yet: choose the period and unit, then press "Compute".',
  ),
  noSuchChart: text('Không có biểu đồ này.', 'No such chart.'),
  choosePeriod: text('Chọn kỳ báo cáo, hoặc nhập cả ngày đầu và ngày cuối kỳ.', 'Choose a period, or give both the first and the last day.'),
  planNotLoaded: text('Chưa có tệp chỉ tiêu kế hoạch đã chọn: tải tệp lên lại.', 'The chosen targets file is not loaded: upload it again.'),
  uploadNotReceived: text('Không nhận được các tệp tải lên.', 'The uploaded files were not received.'),
  noFileChosen: text('Chưa chọn tệp nào.', 'No file chosen.'),
  noSuchFile: text('Không có tệp này trong danh sách: tải lại trang.', 'This file is not in the list: reload the page.'),
  dataCleared: text('Đã xóa dữ liệu.', 'Data cleared.'),
  chooseTargetsFile: text('Chọn một tệp chỉ tiêu kế hoạch (.yaml).', 'Choose one targets file (.yaml).'),
  chooseBaselineFile: text('Chọn một tệp kết quả năm trước (.json).', "Choose one file of last year's result (.json)."),
  chooseVillageMap: text('Chọn một tệp bản đồ thôn (.csv hoặc .yaml).', 'Choose one village map file (.csv or .yaml).'),
  chooseSettingsFile: text('Chọn một tệp thiết lập báo cáo (.yaml).', 'Choose one report settings file (.yaml).'),
  chooseNarrativeFile: text('Chọn một tệp nội dung báo cáo (.yaml).', 'Choose one narrative file (.yaml).'),
  noBaselineFile: text('Chưa tải lên tệp kết quả năm trước.', "No file of last year's result uploaded yet."),
  computedMeanwhile: text(
    'Chỉ tiêu đã được tính lại trong khi tạo báo cáo: bấm "Tạo báo cáo" lại.',
    'The indicators were computed again while the report was made: press "Make the report" again.',
  ),
  reportLogged: text(
    (p: { name: string }) => `Đã tạo báo cáo ${p.name}.`,
    (p) => `Made the report ${p.name}.`,
  ),
  noAnnexChosen: text('Chưa chọn tệp phụ lục nào.', 'No annex chosen.'),
  fileRefused: text(
    (p: { file: string; reason: Message }) => `Tệp ${p.file}: ${p.reason.vi}`,
    (p) => `File ${p.file}: ${p.reason.en}`,
  ),
  noAnnexes: text('Chưa có phụ lục: chọn các tệp phụ lục các xã gửi lên trước.', 'No annexes yet: choose the annexes the communes sent first.'),
  notMadeYet: text('Chưa có tệp này: tạo nó trước.', 'This file is not made yet.'),
  folderUnreadable: text(
    (p: { code: string }) => `không đọc được thư mục (${p.code})`,
    (p) => `the folder cannot be read (${p.code})`,
  ),
  unknownProfile: text('Không có hồ sơ cột đã chọn: tải lại trang.', 'The chosen column-mapping profile is not known: reload the page.'),
  mappingOutOfDate: text('Bảng ghép cột đã cũ: tải tệp lên lại.', 'The mapping is out of date: upload the files again.'),
  nothingToMap: text('Không có tệp nào cần ghép cột.', 'No file needs a column mapping.'),
  chooseProfileFile: text('Chọn một tệp hồ sơ cột (.yaml).', 'Choose one column-mapping profile (.yaml).'),
  mappingIncomplete: text(
    (p: { sheet: string; missing: string; twice: string }) =>
      `Trang "${p.sheet}": ${p.missing ? `chưa chọn cột cho ${p.missing}` : ''}${p.missing && p.twice ? '; ' : ''}${p.twice ? `${p.twice} được chọn cho hai cột` : ''}.`,
    (p) => `Sheet "${p.sheet}": ${p.missing ? `no column chosen for ${p.missing}` : ''}${p.missing && p.twice ? '; ' : ''}${p.twice ? `${p.twice} chosen for two columns` : ''}.`,
  ),
  noMadeProfile: text('Chưa có hồ sơ ghép trên trang để lưu.', 'No mapping made on the page to save.'),
  madeHere: text('(ghép trên trang)', '(mapped on the page)'),
  noSuchProfile: text('Chưa có hồ sơ này.', 'No such profile yet.'),
  foreignHost: text('Yêu cầu bị từ chối: địa chỉ máy chủ không phải của chitieu.', 'Request refused: the Host is not this chitieu server.'),
  foreignOrigin: text('Yêu cầu bị từ chối: gửi từ trang khác.', 'Request refused: sent from another site.'),
  tokenNeeded: text(
    'Cần mã truy cập: mở đúng đường dẫn chitieu serve in ra trong cửa sổ dòng lệnh (có ?token=…).',
    'Access token needed: open the exact link chitieu serve printed in the terminal (with ?token=…).',
  ),
  noWorkspace: text(
    'Trang này đã cũ (máy chủ đã khởi động lại hoặc dữ liệu đã xóa): tải lại trang.',
    'This page is out of date (the server restarted or the data was cleared): reload the page.',
  ),
  tooManyWorkspaces: text(
    'Đang mở quá nhiều thẻ chitieu: đóng bớt thẻ, hoặc bấm "Xóa dữ liệu" ở thẻ không dùng nữa.',
    'Too many chitieu tabs are open: close some, or press "Clear data" in those no longer used.',
  ),

  /** A section of the narrative form: its number and what it is for; "mo-dau" has no number. */
  narrativeSection: text(
    (p: { key: string; vi: string }) => (p.key === 'mo-dau' ? p.vi : `${p.key}. ${p.vi}`),
    (p) => (p.key === 'mo-dau' ? NARRATIVE_EN[p.key] ?? p.vi : `${p.key}. ${NARRATIVE_EN[p.key] ?? p.vi}`),
  ),

  // ---- what the page shows of the data (src/server/views.ts)
  periodNamed: text(
    (p: { label: string; labelEn: string; year: string; dates: string }) => `${p.label} ${p.year} (${p.dates})`,
    (p) => `${p.labelEn} ${p.year} (${p.dates})`,
  ),
  periodYear: text(
    (p: { label: string; year: number }) => p.label,
    (p) => `year ${p.year}`,
  ),
  periodHalf: text(
    (p: { label: string; half: number; year: number }) => p.label,
    (p) => `${p.half === 1 ? 'first' : 'second'} half of ${p.year}`,
  ),
  periodNineMonths: text(
    (p: { label: string; year: number }) => p.label,
    (p) => `first nine months of ${p.year}`,
  ),
  periodQuarter: text(
    (p: { label: string; quarter: number; year: number }) => p.label,
    (p) => `Q${p.quarter} ${p.year}`,
  ),
  statusMet: text('đạt', 'met'),
  statusNotMet: text('chưa đạt', 'not met'),
  statusInsufficient: text('chưa đủ dữ liệu', 'not enough data'),
  personalKeysNotice: text(
    'Các mã dưới đây trỏ tới hồ sơ của từng trẻ em: đó là dữ liệu cá nhân, chỉ dùng để kiểm tra số liệu trong cơ quan, không đưa vào báo cáo, không gửi ra ngoài.',
    "The keys below point to individual children's records: personal data, for checking the figures inside the office only; never put them in a report or send them out.",
  ),
  chartCaption: text(
    (p: { number: number; title: string }) => `Biểu đồ ${p.number}. ${p.title}`,
    (p) => `Chart ${p.number}. ${p.title}`,
  ),
});

/** The report form's fields as the page labels them (page.ts, report.*), to name the one a problem is in. */
const FORM_FIELDS: Readonly<Record<string, Bilingual>> = {
  issuingBody: { vi: 'Cơ quan ban hành', en: 'Issuing body' },
  parentBody: { vi: 'Cơ quan chủ quản', en: 'Governing body' },
  place: { vi: 'Địa danh', en: 'Place' },
  number: { vi: 'Số văn bản', en: 'Document number' },
  numberPattern: { vi: 'Ký hiệu', en: 'Number pattern' },
  reportDate: { vi: 'Ngày báo cáo', en: 'Report date' },
  addressees: { vi: 'Kính gửi', en: 'To' },
  recipients: { vi: 'Nơi nhận', en: 'Copies to' },
  signer: { vi: 'Thẩm quyền ký, chức vụ, họ tên người ký', en: "Signing authority, signer's title and name" },
};

/** "(profiles/x.yaml)"; a name already in parentheses ("(ghép trên trang)") as it is. */
const inParentheses = (file: string) => (file.startsWith('(') ? file : `(${file})`);

/** Why rows were rejected, by kind (the kind's label in both languages), with how many. */
export interface MappingReason extends Bilingual {
  readonly rows: number;
}

// ---- w/page-b (#18 items 2, 3, 5, 7, 8; #19): the report form, results out, mapping checks
export const serverFormText = catalogue('server.form', {
  reportDateBeforePeriodEnd: text(
    (p: { date: string; periodEnd: string }) =>
      `Ô "Ngày báo cáo" của mẫu báo cáo: ${p.date} trước ngày cuối kỳ ${p.periodEnd}. Báo cáo nói về số liệu đến hết ngày ${p.periodEnd} nên phải đề ngày từ ${p.periodEnd} trở đi; sửa ô này hoặc để trống để văn thư điền.`,
    (p) =>
      `The "Report date" field of the report form: ${p.date} is before the period's last day ${p.periodEnd}. A report on figures up to ${p.periodEnd} must be dated on or after it; change the field, or leave it empty for the clerk to fill in.`,
  ),
  formField: text(
    (p: { field: string; problem: Message }) => `Ô "${FORM_FIELDS[p.field]?.vi ?? p.field}" của mẫu báo cáo: ${p.problem.vi}`,
    (p) => `The "${FORM_FIELDS[p.field]?.en ?? p.field}" field of the report form: ${p.problem.en}`,
  ),
  filledFromFile: text(
    (p: { unit: string; file: string }) => `Mẫu báo cáo của ${p.unit}: điền từ tệp thiết lập ${p.file}.`,
    (p) => `Report form of ${p.unit}: filled from the settings file ${p.file}.`,
  ),
  filledFromName: text(
    (p: { unit: string }) => `Mẫu báo cáo của ${p.unit}: chưa có tệp thiết lập của đơn vị này trong thư mục settings/, cơ quan ban hành ghi theo tên đơn vị; điền số, ngày, nơi nhận, người ký.`,
    (p) => `Report form of ${p.unit}: no settings file of this unit in the settings/ folder; the issuing body is written from the unit's name; fill in the number, date, recipients and signer.`,
  ),
  issuingBodyMismatch: text(
    (p: { unit: string }) => `Cơ quan ban hành không ghi "${p.unit}": báo cáo này là của ${p.unit}. Sửa ô "Cơ quan ban hành" hoặc chọn lại đơn vị.`,
    (p) => `The issuing body does not say "${p.unit}": this report is ${p.unit}'s. Change the "Issuing body" field or choose the unit again.`,
  ),
  mappingAcceptsNothing: text(
    (p: { sheet: string; rejected: number; reasons: readonly MappingReason[] }) =>
      `Trang "${p.sheet}": theo cách ghép này không dòng nào hợp lệ (${numberIn('vi', p.rejected)} dòng bị loại; ${p.reasons.map((reason) => `${reason.vi}: ${numberIn('vi', reason.rows)} dòng`).join('; ')}). Cách ghép này không được dùng và không lưu được: kiểm tra lại các cột và giá trị đã ghép rồi bấm "Đọc lại theo cách ghép này".`,
    (p) =>
      `Sheet "${p.sheet}": no row is accepted with this mapping (${numberIn('en', p.rejected)} rows rejected; ${p.reasons.map((reason) => `${reason.en}: ${numberIn('en', reason.rows)} rows`).join('; ')}). The mapping is not used and cannot be saved: check the columns and values mapped, then press "Read again with this mapping".`,
  ),
  profileNotEditable: text(
    'Chỉ sửa, đổi tên hoặc xóa được hồ sơ cột trong thư mục profiles/ hoặc ghép trên trang này.',
    'Only profiles in the profiles/ folder or made on this page can be edited, renamed or deleted.',
  ),
  profileRenamed: text(
    (p: { name: string; file: string }) => `Đã đổi tên hồ sơ cột thành "${p.name}" ${inParentheses(p.file)}.`,
    (p) => `Renamed the profile to "${p.name}" ${inParentheses(p.file)}.`,
  ),
  profileDeleted: text(
    (p: { name: string }) => `Đã xóa hồ sơ cột "${p.name}"; các tệp đã tải lên được đọc lại không có nó.`,
    (p) => `Deleted the profile "${p.name}"; the uploaded files are read again without it.`,
  ),
  profileEditNeedsData: text(
    'Để sửa cách ghép của hồ sơ này, hãy tải lên một tệp có bố cục đó trước: bước ghép cột mở lại với các cột của tệp.',
    'To edit this profile, first upload a file laid out that way: the mapping step opens again with its columns.',
  ),
  statusNotOccurred: text('không phát sinh', 'none occurred'),
});

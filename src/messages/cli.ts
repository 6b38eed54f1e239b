/** Texts of src/cli/. */
import { catalogue, numberIn, text, type Message } from './define.js';

export const cliText = catalogue('cli', {
  folderUnreadable: text(
    (p: { folder: string }) => `Không mở được thư mục "${p.folder}".`,
    (p) => `Cannot open the folder "${p.folder}".`,
  ),
  folderHoldsNoData: text(
    (p: { folder: string }) => `Thư mục "${p.folder}" không có tệp .xlsx, .xls hoặc .csv nào.`,
    (p) => `The folder "${p.folder}" holds no .xlsx, .xls or .csv file.`,
  ),
  folderExpanded: text(
    (p: { folder: string; files: number }) => `Thư mục "${p.folder}": đọc ${numberIn('vi', p.files)} tệp dữ liệu trong đó.`,
    (p) => `Folder "${p.folder}": reading the ${numberIn('en', p.files)} data file(s) in it.`,
  ),
  wildcardMatchesNothing: text(
    (p: { pattern: string }) => `Không có tệp nào khớp với "${p.pattern}".`,
    (p) => `No file matches "${p.pattern}".`,
  ),
  wildcardExpanded: text(
    (p: { pattern: string; files: number }) => `"${p.pattern}": ${numberIn('vi', p.files)} tệp.`,
    (p) => `"${p.pattern}": ${numberIn('en', p.files)} file(s).`,
  ),
  outFolderHelp: text(
    'thư mục ghi báo cáo (tạo nếu chưa có; mặc định: thư mục của tệp đầu tiên)',
    'folder to write the report into (made if missing; default: the folder of the first file)',
  ),
  annexesSummed: text(
    (p: { annexes: number; fullName: string }) => `Đã cộng ${numberIn('vi', p.annexes)} phụ lục vào ${p.fullName}.`,
    (p) => `Summed ${numberIn('en', p.annexes)} annex workbook(s) into ${p.fullName}.`,
  ),
  annexesMissing: text(
    (p: { missing: number; names: string }) => `Chưa có phụ lục của ${numberIn('vi', p.missing)} đơn vị: ${p.names}.`,
    (p) => `No annex yet from ${numberIn('en', p.missing)} unit(s): ${p.names}.`,
  ),
  aggregateDoubleCountNote: text(
    (p: { note: Message }) => `Lưu ý: ${p.note.vi}`,
    (p) => `Note: ${p.note.en}`,
  ),
  aggregateDescription: text(
    'Tổng hợp báo cáo của huyện/tỉnh/toàn quốc từ các phụ lục (.xlsx) mà đơn vị cấp dưới đã xuất bằng "chitieu report"',
    'The district, province or national report summed from the annexes (.xlsx) the units below wrote with "chitieu report"',
  ),
  aggregateArguments: text('<phụ-lục...>', '<workbooks...>'),
  aggregateArgumentsHelp: text('các tệp phụ lục .xlsx của đơn vị cấp dưới', 'the annex workbooks (.xlsx) of the units below'),
  unitFlag: text('--unit <mã>', '--unit <code>'),
  aggregateUnitHelp: text(
    'mã đơn vị tổng hợp (huyện 3 số, tỉnh 2 số, hoặc VN: toàn quốc)',
    'code of the unit summed into (district: 3 digits, province: 2, or VN: the nation)',
  ),
  periodFlag: text('--period <kỳ>', '--period <id>'),
  aggregatePeriodHelp: text('kỳ báo cáo của các phụ lục, ví dụ 2025-H1', 'reporting period of the annexes, e.g. 2025-H1'),
  targetsFlag: text('--targets <tệp>', '--targets <file>'),
  aggregateTargetsHelp: text('tệp chỉ tiêu kế hoạch để đánh giá số đã cộng', 'plan targets file to evaluate the sums against'),
  settingsFlag: text('--settings <tệp>', '--settings <file>'),
  aggregateSettingsHelp: text('tệp thiết lập báo cáo (xem settings/)', 'report settings file (see settings/)'),
  templateFlag: text('--template <tên>', '--template <name>'),
  aggregateTemplateHelp: text('mẫu báo cáo: bao-cao-6-thang, bao-cao-nam, hoặc tệp .hbs', 'report template: bao-cao-6-thang, bao-cao-nam, or a .hbs file'),
  narrativeFlag: text('--narrative <tệp>', '--narrative <file>'),
  aggregateNarrativeHelp: text('tệp nội dung do đơn vị viết (YAML)', 'the text the unit writes (YAML)'),
  outFlag: text('--out <thư-mục>', '--out <folder>'),
  computePeriodHelp: text(
    'kỳ báo cáo: 2025-H1, 2025-9M, 2025, 2025-Q1..Q4, 2025-01-01..2025-06-30, hoặc kỳ đặt tên (2025-cutoff-6m)',
    'reporting period: 2025-H1, 2025-9M, 2025, 2025-Q1..Q4, 2025-01-01..2025-06-30, or a named period (2025-cutoff-6m)',
  ),
  fromFlag: text('--from <ngày>', '--from <date>'),
  computeFromHelp: text('ngày đầu kỳ (dd/mm/yyyy hoặc yyyy-mm-dd)', 'first day of the period (dd/mm/yyyy or yyyy-mm-dd)'),
  toFlag: text('--to <ngày>', '--to <date>'),
  computeToHelp: text('ngày cuối kỳ (dd/mm/yyyy hoặc yyyy-mm-dd)', 'last day of the period (dd/mm/yyyy or yyyy-mm-dd)'),
  periodsFlag: text('--periods <tệp>', '--periods <file>'),
  computePeriodsHelp: text(
    'tệp YAML các kỳ có ngày chốt số liệu riêng (mặc định settings/periods.yaml)',
    'YAML file of periods with their own cut-off dates (default settings/periods.yaml)',
  ),
  codesAsOfFlag: text('--codes-as-of <ngày>', '--codes-as-of <date>'),
  computeCodesAsOfHelp: text(
    'mã xã trong danh sách trẻ em theo danh mục đơn vị hành chính tại ngày này (mặc định: mỗi tệp theo danh mục mà các mã của nó cho biết)',
    'the commune codes of the child lists follow the unit list valid on this date (default: each file the list its codes tell)',
  ),
  villageMapFlag: text('--village-map <tệp>', '--village-map <file>'),
  computeVillageMapHelp: text(
    'tệp CSV/YAML ghi thôn của xã cũ bị chia thuộc xã mới nào (Mã xã cũ, Thôn/Tổ dân phố, Mã xã mới), để xếp chính xác',
    'CSV/YAML file saying which new commune each village of a split old commune went to (Mã xã cũ, Thôn/Tổ dân phố, Mã xã mới), to place those rows exactly',
  ),
  placementRejectedHeading: text('Dòng bị loại khi xếp vào đơn vị hành chính:', 'Rows rejected when placing them on administrative units:'),
  noInputRows: text('Không có dòng dữ liệu nào.', 'No input rows.'),
  summaryPeriod: text(
    (p: { id: string; from: string; to: string }) => `Kỳ ${p.id} (${p.from} – ${p.to})`,
    (p) => `Period ${p.id} (${p.from} – ${p.to})`,
  ),
  summaryTargetsHeading: text('  Chỉ tiêu kế hoạch:', '  Targets:'),
  targetNowAndLastYear: text(
    (p: { current: number | null; baseline: number }) => ` (kỳ này ${p.current === null ? '–' : numberIn('vi', p.current)}, cùng kỳ ${numberIn('vi', p.baseline)})`,
    (p) => ` (now ${p.current === null ? '–' : numberIn('en', p.current)}, last year ${numberIn('en', p.baseline)})`,
  ),
  summaryMoreInOut: text(
    'Xem đủ các cấp và phân tổ: --out ket-qua.json hoặc --out ket-qua.xlsx',
    'All levels and breakdowns: --out result.json or --out result.xlsx',
  ),
  computeDescription: text(
    'Tính các chỉ tiêu Thông tư 13 cho mọi đơn vị có dữ liệu, đánh giá chỉ tiêu kế hoạch',
    'Compute the indicators of Circular 13 for every unit with data, and evaluate the plan targets',
  ),
  computeArguments: text('<tệp...>', '<files...>'),
  computeArgumentsHelp: text('tệp .xlsx, .xls hoặc .csv', '.xlsx, .xls or .csv files'),
  levelFlag: text('--level <cấp>', '--level <level>'),
  computeLevelHelp: text(
    'cấp cao nhất: commune, district (trước 01/07/2025), province, national (toàn quốc)',
    'highest level: commune, district (before 1 July 2025), province, national',
  ),
  levelNotValid: text(
    (p: { level: string; choices: string }) => `--level ${p.level}: dùng một trong ${p.choices}.`,
    (p) => `--level ${p.level}: use one of ${p.choices}.`,
  ),
  computeTargetsHelp: text('tệp chỉ tiêu kế hoạch (targets/*.yaml)', 'plan targets file (targets/*.yaml)'),
  baselineFlag: text('--baseline <records|tệp>', '--baseline <records|file>'),
  computeBaselineHelp: text(
    'số liệu cùng kỳ năm trước: "records" (tính từ chính dữ liệu) hoặc tệp kết quả JSON năm trước',
    'last year\'s figures: "records" (computed from the same data) or last year\'s result file (JSON)',
  ),
  outFileFlag: text('--out <tệp>', '--out <file>'),
  computeOutHelp: text(
    'ghi kết quả: .json (đầy đủ, ổn định), .xlsx hoặc .csv (một bảng cho chương trình khác)',
    'write the result: .json (complete, stable), .xlsx or .csv (one table for other programs)',
  ),
  computeStrictHelp: text(
    'kết thúc với mã 3 nếu có dòng bị loại hoặc có huyện, tỉnh còn xã chưa có số liệu',
    'exit with code 3 if any row is rejected or a district or province has communes without data',
  ),
  stageComputing: text('Đang tính chỉ tiêu', 'Computing indicators'),
  fileWritten: text(
    (p: { out: string }) => `Đã ghi ${p.out}.`,
    (p) => `Wrote ${p.out}.`,
  ),
  outputClosedEarly: text(
    'Đầu ra đã bị đóng trước khi in xong (ví dụ bởi "head"): phần còn lại không được in.',
    'The output was closed before everything was printed (e.g. by "head"): the rest was not printed.',
  ),
  demoReportWrittenStep: text(
    (p: { step: string; fullName: string; docx: string; xlsx: string }) => `${p.step}. Báo cáo của ${p.fullName}: ${p.docx}, phụ lục ${p.xlsx}`,
    (p) => `${p.step}. ${p.fullName}'s report: ${p.docx}, annex ${p.xlsx}`,
  ),
  demoCommuneReportWritten: text(
    (p: { fullName: string; docx: string; xlsx: string }) => `1. Báo cáo của ${p.fullName}: ${p.docx}, phụ lục ${p.xlsx}`,
    (p) => `1. ${p.fullName}'s report: ${p.docx}, annex ${p.xlsx}`,
  ),
  demoDuplicatesRejected: text(
    (p: { duplicates: number }) => `   (${numberIn('vi', p.duplicates)} dòng trẻ em trùng với trẻ của xã khác đã bị loại khi đọc chung các tệp; nếu mỗi xã tự lập phụ lục, phép cộng sẽ tính trẻ đó hai lần.)`,
    (p) => `   (${numberIn('en', p.duplicates)} child row(s) repeating another commune's child were rejected when the files were read together; had each commune made its own annex, the sum would count that child twice.)`,
  ),
  demoCommuneAnnexesWritten: text(
    (p: { annexes: number; communeDir: string }) => `2. Phụ lục của ${numberIn('vi', p.annexes)} xã, thị trấn: ${p.communeDir}`,
    (p) => `2. Annexes of ${numberIn('en', p.annexes)} communes: ${p.communeDir}`,
  ),
  demoSummedReportWritten: text(
    (p: { docx: string; xlsx: string }) => `3. Báo cáo tổng hợp từ phụ lục các xã: ${p.docx}, phụ lục ${p.xlsx}`,
    (p) => `3. Report summed from the communes' annexes: ${p.docx}, annex ${p.xlsx}`,
  ),
  demoCheckSumsMatch: text(
    (p: { rows: number }) => `Kiểm tra: cộng phụ lục các xã cho đúng số của huyện tính trực tiếp từ dữ liệu (${numberIn('vi', p.rows)} dòng chỉ tiêu kỳ này, cả cùng kỳ năm trước và trạng thái chỉ tiêu kế hoạch).`,
    (p) => `Check: the communes' annexes add up to the district's figures computed from the records (${numberIn('en', p.rows)} result rows, last year's too, and the target statuses).`,
  ),
  demoCheckSumsDiffer: text('Kiểm tra: số cộng từ phụ lục các xã khác số tính trực tiếp:', 'Check: the summed annexes differ from the computed figures:'),
  demoCheckTargetStatusesDiffer: text('  trạng thái chỉ tiêu kế hoạch khác nhau', '  target statuses differ'),
  demoCheckWhyTheyDiffer: text(
    '(Khác nhau khi một trẻ em có số liệu ở hai xã: phép cộng tính trẻ đó hai lần.)',
    '(They differ when a child has figures in two communes: the sum counts it twice.)',
  ),
  demoDescription: text(
    'Chạy thử trên dữ liệu mẫu: báo cáo 6 tháng đầu năm 2026 của một xã mới và của tỉnh, so với cùng kỳ 2025 (--scenario 2025-district: báo cáo 6 tháng đầu năm 2025 của huyện Sơn Hà, phụ lục các xã, tổng hợp lại và đối chiếu)',
    'A run on the sample data: the 2026-H1 reports of a new commune and of the province, against 2025-H1 (--scenario 2025-district: the 2025-H1 report of huyện Sơn Hà, the communes\' annexes, summed again and compared)',
  ),
  scenarioFlag: text('--scenario <tên>', '--scenario <name>'),
  demoScenarioHelp: text(
    `2026 (mặc định): báo cáo 6 tháng đầu năm 2026 của xã Sơn Hà mới và của tỉnh Quảng Ngãi, so với cùng kỳ 2025 qua sắp xếp; 2025-district: báo cáo 6 tháng đầu năm 2025 của huyện Sơn Hà (trước sắp xếp)`,
    `2026 (default): the 2026-H1 reports of the new Xã Sơn Hà and of Quảng Ngãi province, against 2025-H1 across the reform; 2025-district: the 2025-H1 report of Sơn Hà district (before the reform)`,
  ),
  demoOutHelp: text('thư mục ghi kết quả', 'folder to write into'),
  samplesFlag: text('--samples <thư-mục>', '--samples <folder>'),
  demoSamplesHelp: text(
    'thư mục dữ liệu mẫu (mặc định sample-data/quang-ngai-2026/, hoặc sample-data/ với 2025-district)',
    'folder of sample data (default: sample-data/quang-ngai-2026/, or sample-data/ with 2025-district)',
  ),
  breakdownNotKeyValue: text(
    (p: { breakdown: string; keys: string }) => `--breakdown ${p.breakdown}: dùng khóa=giá trị, khóa là ${p.keys} (ví dụ sex=NU).`,
    (p) => `--breakdown ${p.breakdown}: use key=value, the key one of ${p.keys} (e.g. sex=NU).`,
  ),
  /** The --limit value is what to type: not grouped. */
  moreKeysNotShown: text(
    (p: { more: number; all: number }) => `  … và ${numberIn('vi', p.more)} mã khác (--limit ${p.all} để xem hết)`,
    (p) => `  … and ${numberIn('en', p.more)} more (--limit ${p.all} shows all)`,
  ),
  explainDescription: text(
    'Giải thích một số liệu: quy tắc, tử số, mẫu số và mã các bản ghi được đếm',
    'Explain one figure: its rule, numerator, denominator and the keys of the records counted',
  ),
  explainArguments: text('<mã>', '<code>'),
  explainArgumentsHelp: text('mã chỉ tiêu, ví dụ TE-0301', 'indicator code, e.g. TE-0301'),
  explainUnitHelp: text(
    'mã đơn vị: xã (5 số), huyện (3 số, trước 01/07/2025), tỉnh (2 số) hoặc VN (toàn quốc)',
    'unit code: commune (5 digits), district (3, before 1 July 2025), province (2) or VN (the nation)',
  ),
  breakdownFlag: text('--breakdown <khóa=giá-trị>', '--breakdown <key=value>'),
  explainBreakdownHelp: text(
    'phân tổ, ví dụ sex=NU; lặp lại cho phân tổ hai chiều (cause=DUOI_NUOC --breakdown sex=NAM)',
    'breakdown, e.g. sex=NU; repeat it for two-way breakdowns (cause=DUOI_NUOC --breakdown sex=NAM)',
  ),
  explainLimitHelp: text('số mã in ra tối đa cho mỗi danh sách', 'at most this many keys per list'),
  limitNotWholeNumber: text(
    (p: { limit: string }) => `--limit ${p.limit}: cần số nguyên không âm.`,
    (p) => `--limit ${p.limit}: a non-negative whole number is needed.`,
  ),
  explainPeriod: text('kỳ', 'period'),
  explainRule: text('Quy tắc', 'Rule'),
  explainNumerator: text('Tử số', 'Numerator'),
  explainDenominator: text('Mẫu số', 'Denominator'),
  explainNoData: text('không có số liệu (thiếu cột hoặc thông tin xã cần thiết)', 'no data (a needed column or commune fact is missing)'),
  explainDenominatorZero: text('– (mẫu số bằng 0)', '– (the denominator is 0)'),
  explainValue: text('Giá trị', 'Value'),
  explainApproximate: text(' — ước tính: có xã bị chia tách năm 2025', ' — approximate: a commune split in 2025'),
  explainNotes: text('Ghi chú', 'Notes'),
  helpTitleUsage: text('Cách dùng:', 'Usage:'),
  helpTitleArguments: text('Tham số:', 'Arguments:'),
  helpTitleOptions: text('Tùy chọn:', 'Options:'),
  helpTitleGlobalOptions: text('Tùy chọn chung:', 'Global Options:'),
  helpTitleCommands: text('Lệnh:', 'Commands:'),
  helpChoices: text('chọn một trong', 'choices'),
  helpDefault: text('mặc định', 'default'),
  helpHint: text('xem hướng dẫn: thêm --help vào lệnh', 'for help, add --help to the command'),
  missingRequiredArgument: text(
    (p: { name: string | undefined }) => `thiếu tham số bắt buộc ${p.name}`,
    (p) => `missing required argument ${p.name}`,
  ),
  optionNeedsValue: text(
    (p: { flags: string | undefined }) => `tùy chọn ${p.flags} cần một giá trị`,
    (p) => `option ${p.flags} needs a value`,
  ),
  requiredOptionMissing: text(
    (p: { flags: string | undefined }) => `thiếu tùy chọn bắt buộc ${p.flags}`,
    (p) => `required option ${p.flags} is missing`,
  ),
  optionValueNotAChoice: text(
    (p: { flags: string | undefined; value: string | undefined; choices: string | undefined }) => `${p.flags}: "${p.value}" không hợp lệ; chọn một trong: ${p.choices}`,
    (p) => `${p.flags}: "${p.value}" is not valid; choose one of: ${p.choices}`,
  ),
  unknownOptionWithSuggestion: text(
    (p: { flag: string | undefined; similar: string | undefined }) => `không có tùy chọn ${p.flag} (có phải ${p.similar}?)`,
    (p) => `unknown option ${p.flag} (did you mean ${p.similar}?)`,
  ),
  unknownOption: text(
    (p: { flag: string | undefined }) => `không có tùy chọn ${p.flag}`,
    (p) => `unknown option ${p.flag}`,
  ),
  unknownCommandWithSuggestion: text(
    (p: { name: string | undefined; similar: string | undefined }) => `không có lệnh ${p.name} (có phải ${p.similar}?)`,
    (p) => `unknown command ${p.name} (did you mean ${p.similar}?)`,
  ),
  unknownCommand: text(
    (p: { name: string | undefined }) => `không có lệnh ${p.name}`,
    (p) => `unknown command ${p.name}`,
  ),
  errorLabel: text('Lỗi', 'Error'),
  helpOptionHelp: text('in hướng dẫn của lệnh', 'display help for command'),
  helpCommandName: text('help [lệnh]', 'help [command]'),
  helpCommandHelp: text('in hướng dẫn của một lệnh', 'display help for a command'),
  indicatorsDescription: text(
    'Liệt kê danh mục chỉ tiêu (mã, tên, nhóm, chỉ tiêu mô hình)',
    'List the indicator catalogue (code, name, group, modelled or not)',
  ),
  indicatorsJsonHelp: text('in dạng JSON', 'print as JSON'),
  indicatorsRulesHelp: text('in cả quy tắc tính (tử số, mẫu số)', 'print the rules too (numerator, denominator)'),
  indicatorsAppendix: text('Phụ lục', 'Appendix'),
  indicatorsGroup: text('nhóm', 'group'),
  indicatorsModelledMark: text(' [mô hình]', ' [modelled]'),
  indicatorsModelledNote: text(
    '[mô hình]: định nghĩa riêng của dự án theo tên nhóm của Thông tư, chưa đối chiếu với văn bản Thông tư.',
    '[modelled]: the project\'s own definition after the Circular\'s group names, not checked against its text.',
  ),
  inspectDescription: text(
    'Xem chương trình đọc được gì trong tệp: các trang, loại dữ liệu, dòng tiêu đề, cột nào ứng với cột nào của chuẩn dữ liệu',
    'Show what chitieu sees in a file: its sheets, the kind of data, the header row, which column maps to which contract column',
  ),
  inspectJsonHelp: text('in ra dạng JSON', 'print as JSON'),
  inspectCellsHelp: text('in ra JSON kèm mọi ô có giá trị, đúng như đã đọc', 'print JSON with every non-empty cell, as read'),
  draftProfileFlag: text('--draft-profile <tệp.yaml>', '--draft-profile <out.yaml>'),
  inspectDraftProfileHelp: text(
    'viết hồ sơ cột nháp từ tiêu đề và giá trị của một tệp (xem profiles/README.md)',
    "write a draft column-mapping profile from one file's headers and values (see profiles/README.md)",
  ),
  draftVillageMapFlag: text('--draft-village-map <tệp.csv>', '--draft-village-map <out.csv>'),
  inspectDraftVillageMapHelp: text(
    'viết bản đồ thôn nháp: các thôn của xã cũ bị chia có trong các tệp, kèm các xã mới có thể; ghi cột "Mã xã mới" rồi dùng với --village-map',
    'write a draft village map: the villages of split old communes found in the files, with the candidate new communes; fill in "Mã xã mới" and use it with --village-map',
  ),
  sheetVisible: text('hiện', 'visible'),
  sheetHidden: text('ẩn', 'hidden'),
  sheetVeryHidden: text('ẩn sâu (veryHidden)', 'very hidden'),
  skippedHiddenSheet: text('bỏ qua: trang ẩn', 'skipped: hidden sheet'),
  sheetNamedWithoutHeaderRow: text(
    (p: { name: string }) => `không đọc được: tên trang là ${p.name} nhưng không có dòng tiêu đề`,
    (p) => `unreadable: named ${p.name} but has no header row`,
  ),
  skippedNoHeaderRow: text('bỏ qua: không nhận ra dòng tiêu đề', 'skipped: no header row recognised'),
  skippedNotDataByName: text('bỏ qua: tên trang cho thấy không phải dữ liệu', 'skipped: its name says it is not data'),
  skippedByOption: text('bỏ qua: theo --ignore-sheet hoặc hồ sơ cột', 'skipped: by --ignore-sheet or the profile'),
  sheetFitsSeveralProfiles: text(
    (p: { names: string }) => `không đọc được: khớp như nhau với các hồ sơ cột ${p.names}; chọn bằng --profile`,
    (p) => `unreadable: fits the profiles ${p.names} equally; choose with --profile`,
  ),
  skippedKindUnknown: text(
    (p: { headerRow: number }) => `bỏ qua: dòng tiêu đề ${numberIn('vi', p.headerRow)} không cho biết loại dữ liệu`,
    (p) => `skipped: header row ${numberIn('en', p.headerRow)} does not tell the kind of data`,
  ),
  columnIgnored: text('bỏ qua', 'ignored'),
  missingRequiredColumns: text(
    (p: { names: string }) => `thiếu cột bắt buộc ${p.names}: tệp không đọc được`,
    (p) => `missing required column(s) ${p.names}: the file cannot be read`,
  ),
  villageMapDraftExists: text(
    (p: { out: string }) => `Đã có tệp ${p.out}: chọn tên khác để không ghi đè bản đồ đã sửa.`,
    (p) => `${p.out} already exists: choose another name so that no edited map is overwritten.`,
  ),
  profileDraftNeedsOneFile: text(
    '--draft-profile lập hồ sơ cho một tệp: hãy chỉ ra đúng một tệp.',
    '--draft-profile drafts a profile from one file: give exactly one.',
  ),
  profileDraftExists: text(
    (p: { out: string }) => `Đã có tệp ${p.out}: chọn tên khác để không ghi đè hồ sơ đã sửa.`,
    (p) => `${p.out} already exists: choose another name so that no edited profile is overwritten.`,
  ),
  programDescription: text('Chỉ tiêu thống kê trẻ em theo Thông tư 13/2021/TT-BLĐTBXH', 'Child statistics indicators of Circular 13/2021/TT-BLĐTBXH'),
  versionHelp: text('in số phiên bản của chitieu', "print chitieu's version"),
  langFlag: text('--lang <ngôn-ngữ>', '--lang <language>'),
  programLangHelp: text('ngôn ngữ của thông báo và hướng dẫn', 'language of messages and help'),
  dateOptionNotValid: text(
    (p: { flag: string; date: string }) => `${p.flag}: ngày "${p.date}" không hợp lệ: dùng dd/mm/yyyy (ví dụ 30/06/2025) hoặc yyyy-mm-dd.`,
    (p) => `${p.flag}: the date "${p.date}" is not valid: use dd/mm/yyyy (e.g. 30/06/2025) or yyyy-mm-dd.`,
  ),
  dateOptionNoSuchDay: text(
    (p: { flag: string; date: string; day: number; month: number }) => `${p.flag} ${p.date}: tháng ${p.month} không có ngày ${p.day}.`,
    (p) => `${p.flag} ${p.date}: month ${p.month} has no day ${p.day}.`,
  ),
  dateOptionNotLeapYear: text(
    (p: { flag: string; date: string; year: number }) => `${p.flag} ${p.date}: tháng 2 năm ${p.year} không có ngày 29 (năm ${p.year} không nhuận).`,
    (p) => `${p.flag} ${p.date}: February ${p.year} has no day 29 (${p.year} is not a leap year).`,
  ),
  dateOptionNoSuchMonth: text(
    (p: { flag: string; date: string; month: number }) => `${p.flag} ${p.date}: không có tháng ${p.month} (tháng từ 1 đến 12).`,
    (p) => `${p.flag} ${p.date}: there is no month ${p.month} (months are 1 to 12).`,
  ),
  suppressNotValid: text(
    (p: { given: string }) => `--suppress ${p.given}: K phải là số nguyên từ 2 đến 100 (ví dụ --suppress 3 ẩn các số 1 và 2).`,
    (p) => `--suppress ${p.given}: K must be a whole number from 2 to 100 (e.g. --suppress 3 hides 1 and 2).`,
  ),
  reportStrictHelp: text('không lập báo cáo (mã thoát 3) khi còn xã, thị trấn chưa có số liệu', 'write no report (exit 3) while some communes have no data'),
  suppressHelp: text(
    'báo cáo để công bố: số trẻ em bị xâm hại, tai nạn, tử vong của xã từ 1 đến K−1 ghi "<K" (mặc định: không ẩn)',
    'a report for publication: a commune\'s counts of abused, injured or dead children from 1 to K−1 read "<K" (default: nothing hidden)',
  ),
  reportWritten: text(
    (p: { docx: string; xlsx: string }) => `Đã ghi báo cáo ${p.docx} và phụ lục ${p.xlsx}.`,
    (p) => `Wrote the report ${p.docx} and its annex ${p.xlsx}.`,
  ),
  reportRowsRead: text(
    (p: { files: number; read: number; accepted: number; rejected: number }) => `Đã đọc ${numberIn('vi', p.files)} tệp: ${numberIn('vi', p.read)} dòng, ${numberIn('vi', p.accepted)} dòng hợp lệ, ${numberIn('vi', p.rejected)} dòng bị loại (xem "chitieu validate").`,
    (p) => `Read ${numberIn('en', p.files)} file(s): ${numberIn('en', p.read)} rows, ${numberIn('en', p.accepted)} accepted, ${numberIn('en', p.rejected)} rejected (see "chitieu validate").`,
  ),
  reportDescription: text(
    'Viết báo cáo kết quả công tác trẻ em (DOCX) và phụ lục số liệu (XLSX) của một đơn vị',
    'Write the report on child affairs (DOCX) and its statistical annex (XLSX) for one unit',
  ),
  reportArgumentsHelp: text('tệp dữ liệu .xlsx, .xls hoặc .csv của các xã', 'the communes\' .xlsx, .xls or .csv data files'),
  reportUnitHelp: text(
    'mã đơn vị báo cáo: VN (toàn quốc), tỉnh (2 số), huyện (3 số) hoặc xã (5 số)',
    'code of the reporting unit: VN (the nation), province (2 digits), district (3) or commune (5)',
  ),
  reportBaselineHelp: text(
    '"records": cùng kỳ năm trước tính từ chính các tệp; hoặc tệp kết quả năm trước (JSON)',
    '"records": last year computed from the same files; or last year\'s result file (JSON)',
  ),
  reportSettingsHelp: text(
    'tệp thiết lập báo cáo (cơ quan ban hành, số, ngày, người ký, nơi nhận): xem settings/',
    'report settings file (issuing body, number, date, signer, recipients): see settings/',
  ),
  reportTemplateHelp: text(
    'mẫu báo cáo: bao-cao-6-thang, bao-cao-nam, hoặc đường dẫn tệp .hbs',
    'report template: bao-cao-6-thang, bao-cao-nam, or the path of a .hbs file',
  ),
  reportNarrativeHelp: text('tệp nội dung do đơn vị viết, theo mục của đề cương (YAML)', 'the text the unit writes, by section of the outline (YAML)'),
  stageWritingReport: text('Đang viết báo cáo', 'Writing the report'),
  seedNotValid: text(
    (p: { max: number; given: string }) => `--seed phải là số nguyên từ 0 đến ${p.max} (nhận được "${p.given}").`,
    (p) => `--seed must be an integer from 0 to ${p.max} (got "${p.given}").`,
  ),
  communesNotValid: text(
    (p: { max: number; given: string }) => `--communes phải là số nguyên từ 1 đến ${p.max} (số xã của huyện Sơn Hà), nhận được "${p.given}".`,
    (p) => `--communes must be an integer from 1 to ${p.max} (the communes of Sơn Hà district), got "${p.given}".`,
  ),
  sampleFileWritten: text(
    (p: { path: string; bytes: number }) => `  ${p.path}  ${numberIn('vi', p.bytes)} byte`,
    (p) => `  ${p.path}  ${numberIn('en', p.bytes)} bytes`,
  ),
  sampleWritten: text(
    (p: { files: number; bytes: number; seed: number; children: number; events: number; rejected: number }) =>
      `Đã ghi ${numberIn('vi', p.files)} tệp mẫu và README.md (${numberIn('vi', p.bytes)} byte), seed ${p.seed}: ` +
      `${numberIn('vi', p.children)} trẻ em, ${numberIn('vi', p.events)} dòng sự việc hợp lệ, ` +
      `${numberIn('vi', p.rejected)} dòng lỗi cài sẵn (xem README.md). Dữ liệu tổng hợp, không có thật.`,
    (p) =>
      `Wrote ${numberIn('en', p.files)} sample workbooks and README.md (${numberIn('en', p.bytes)} bytes), seed ${p.seed}: ` +
      `${numberIn('en', p.children)} children, ${numberIn('en', p.events)} valid event rows, ` +
      `${numberIn('en', p.rejected)} planted bad rows (see README.md). Synthetic data, not real.`,
  ),
  postReformSampleWritten: text(
    (p: { files: number; bytes: number; seed: number; newCommunes: number; communes: string; children: number; events: number; rejected: number }) =>
      `Đã ghi ${numberIn('vi', p.files)} tệp mẫu sau sắp xếp và README.md (${numberIn('vi', p.bytes)} byte), seed ${p.seed}: ${numberIn('vi', p.newCommunes)} xã mới (${p.communes}), ` +
      `${numberIn('vi', p.children)} trẻ em, ${numberIn('vi', p.events)} dòng sự việc hợp lệ, năm 2025 mã xã cũ, năm 2026 mã xã mới, ` +
      `${numberIn('vi', p.rejected)} dòng lỗi cài sẵn (xem README.md). Dữ liệu tổng hợp, không có thật.`,
    (p) =>
      `Wrote ${numberIn('en', p.files)} post-reform sample workbooks and README.md (${numberIn('en', p.bytes)} bytes), seed ${p.seed}: ${numberIn('en', p.newCommunes)} new communes (${p.communes}), ` +
      `${numberIn('en', p.children)} children, ${numberIn('en', p.events)} valid event rows, 2025 in old commune codes, 2026 in new ones, ` +
      `${numberIn('en', p.rejected)} planted bad rows (see README.md). Synthetic data, not real.`,
  ),
  sampleDescription: text(
    'Tạo dữ liệu mẫu (tổng hợp, không có thật): mỗi xã của huyện Sơn Hà (Quảng Ngãi) một tệp Excel, năm 2024–2025, kèm README',
    'Generate sample data (synthetic, not real): one Excel file per commune of huyện Sơn Hà (Quảng Ngãi), 2024–2025, with a README',
  ),
  sampleOutHelp: text('thư mục ghi tệp (tạo nếu chưa có)', 'folder to write into (made if missing)'),
  sampleSeedHelp: text(
    (p: { seed: number }) => `số khởi tạo: cùng seed cho cùng dữ liệu (mặc định ${p.seed})`,
    (p) => `seed: the same seed gives the same data (default ${p.seed})`,
  ),
  sampleCommunesHelp: text('chỉ tạo N xã đầu tiên của huyện (mặc định: cả 14 xã)', 'only the first N communes of the district (default: all 14)'),
  sampleOtherLayoutsHelp: text(
    (p: { folder: string }) => `thêm vào ${p.folder}/ các tệp theo bố cục khác, đọc bằng hồ sơ cột có sẵn (profiles/)`,
    (p) => `also write into ${p.folder}/ files in other layouts, read by the bundled profiles (profiles/)`,
  ),
  samplePostReformHelp: text(
    (p: { folder: string }) => `bộ mẫu sau sắp xếp: các xã mới của tỉnh Quảng Ngãi lập từ các xã cũ của huyện Sơn Hà, năm 2025 ghi mã cũ, năm 2026 ghi mã mới (npm run sample ghi vào sample-data/${p.folder}/)`,
    (p) => `today's set: the new communes of Quảng Ngãi formed from Sơn Hà's old communes, 2025 in old codes, 2026 in new codes (npm run sample writes it into sample-data/${p.folder}/)`,
  ),
  sampleOutMissing: text('Thiếu --out: thư mục để ghi dữ liệu mẫu.', 'Missing --out: the directory to write the sample into.'),
  postReformWithOtherOptions: text(
    '--post-reform không dùng cùng --communes hay --other-layouts.',
    '--post-reform does not take --communes or --other-layouts.',
  ),
  portNotValid: text(
    (p: { given: string }) => `--port ${p.given}: cổng là số từ 1 đến 65535.`,
    (p) => `--port ${p.given}: a port is a number from 1 to 65535.`,
  ),
  serverRunningAt: text(
    (p: { url: string }) => `chitieu đang chạy tại ${p.url}`,
    (p) => `chitieu is running at ${p.url}`,
  ),
  serverOpenLinkAbove: text(
    'Mở đường dẫn trên trong trình duyệt (chỉ máy này vào được). Bấm Ctrl-C để dừng và xóa dữ liệu đã tải lên.',
    'Open the link above in a browser (only this machine can). Press Ctrl-C to stop and delete the uploaded data.',
  ),
  versionLine: text(
    (p: { version: string }) => `chitieu ${p.version}`,
    (p) => `chitieu ${p.version}`,
  ),
  serverPageOpened: text(
    (p: { url: string }) => `Trang chitieu đã mở trong trình duyệt. Nếu chưa thấy, hãy mở địa chỉ này: ${p.url}`,
    (p) => `chitieu's page has opened in the browser. If you do not see it, open this address: ${p.url}`,
  ),
  serverOpenAddress: text(
    (p: { url: string }) => `Mở địa chỉ này trong trình duyệt để vào trang chitieu: ${p.url}`,
    (p) => `Open this address in a browser to reach chitieu's page: ${p.url}`,
  ),
  serverDataStaysHere: text(
    'Dữ liệu chỉ ở trên máy này: chitieu không gửi gì lên mạng, chỉ máy này mở được trang.',
    'The data stays on this machine: chitieu sends nothing to the network, and only this machine can open the page.',
  ),
  serverKeepWindowOpen: text(
    'Giữ cửa sổ này mở khi làm việc. Đóng cửa sổ này (hoặc bấm Ctrl-C) là dừng chitieu và xóa dữ liệu đã tải lên trang.',
    'Keep this window open while you work. Closing it (or pressing Ctrl-C) stops chitieu and deletes the data uploaded to the page.',
  ),
  serveDescription: text(
    'Mở trang web của chitieu trên máy này (chỉ 127.0.0.1): đọc dữ liệu, tính chỉ tiêu, tạo báo cáo không cần dòng lệnh',
    "Open chitieu's page on this machine (127.0.0.1 only): read the data, compute, make the report without a command line",
  ),
  portFlag: text('--port <cổng>', '--port <n>'),
  servePortHelp: text('cổng (mặc định: một cổng còn trống)', 'port (default: a free one)'),
  serveNoOpenHelp: text('không tự mở trình duyệt', 'do not open the browser'),
  serveSettingsHelp: text('tệp thiết lập báo cáo để điền sẵn biểu mẫu (xem settings/)', 'report settings file to prefill the form with (see settings/)'),
  serverStopped: text('Đã dừng chitieu serve và xóa dữ liệu đã tải lên.', 'Stopped chitieu serve and deleted the uploaded data.'),
  profileFlag: text('--profile <tệp>', '--profile <file>'),
  sheetOptionsProfileHelp: text(
    'hồ sơ cột (YAML) cho tệp có tiêu đề, giá trị khác mẫu chuẩn: xem profiles/README.md',
    'column-mapping profile (YAML) for files laid out otherwise: see profiles/README.md',
  ),
  ignoreSheetFlag: text('--ignore-sheet <tên>', '--ignore-sheet <name>'),
  sheetOptionsIgnoreSheetHelp: text(
    'bỏ qua trang có tên này (không phải dữ liệu); dùng lại cho nhiều trang',
    'skip the sheet of this name (not data); repeat for several',
  ),
  validateDescription: text(
    'Kiểm tra tệp dữ liệu trẻ em: đếm dòng đọc được, dòng hợp lệ, dòng bị loại và lý do',
    'Check child data files: rows read, accepted and rejected, with the reasons',
  ),
  errorWorkbookFlag: text('--out <sổ-lỗi.xlsx>', '--out <errors.xlsx>'),
  validateOutHelp: text(
    'ghi các dòng bị loại (kèm lý do) và các cảnh báo ra sổ Excel',
    'write the rejected rows (with reasons) and the warnings to a workbook',
  ),
  validateStrictHelp: text('kết thúc với mã 3 nếu có dòng bị loại', 'exit with code 3 if any row is rejected'),
  asOfFlag: text('--as-of <ngày>', '--as-of <date>'),
  validateAsOfHelp: text(
    'kiểm tra mã đơn vị hành chính theo danh mục có hiệu lực tại ngày này (dd/mm/yyyy hoặc yyyy-mm-dd)',
    'check administrative codes against the list valid on this date (dd/mm/yyyy or yyyy-mm-dd)',
  ),
  validateVillageMapHelp: text(
    'tệp CSV/YAML ghi thôn của xã cũ bị chia thuộc xã mới nào (kiểm tra tệp và xếp các dòng theo nó)',
    'CSV/YAML file saying which new commune each village of a split old commune went to (checked, and rows placed by it)',
  ),
  sheetUnreadable: text(
    (p: { file: string; sheet: string | undefined }) => `${p.file}: trang "${p.sheet}" không đọc được:`,
    (p) => `${p.file}: sheet "${p.sheet}" cannot be read:`,
  ),
  validateTotals: text(
    (p: { files: number; read: number; accepted: number; rejected: number }) =>
      `Tổng cộng ${numberIn('vi', p.files)} tệp: đọc ${numberIn('vi', p.read)} dòng = ${numberIn('vi', p.accepted)} hợp lệ + ${numberIn('vi', p.rejected)} bị loại.`,
    (p) => `Total for ${numberIn('en', p.files)} file(s): read ${numberIn('en', p.read)} rows = ${numberIn('en', p.accepted)} accepted + ${numberIn('en', p.rejected)} rejected.`,
  ),
  rejectedRowsHeading: text('Dòng bị loại:', 'Rejected rows:'),
  moreRejectedRows: text(
    (p: { more: number }) => `  … và ${numberIn('vi', p.more)} dòng khác (xem sổ lỗi --out)`,
    (p) => `  … and ${numberIn('en', p.more)} more (see the --out workbook)`,
  ),
  warningsHeading: text('Cảnh báo:', 'Warnings:'),
  errorWorkbookWritten: text(
    (p: { out: string }) => `Đã ghi sổ lỗi ${p.out} (có dữ liệu cá nhân: chỉ lưu trong cơ quan).`,
    (p) => `Wrote ${p.out} (contains personal data: keep it in the office).`,
  ),
  summaryNoData: text('không có số liệu', 'no data'),
  summaryApproximate: text(
    (p: { value: string }) => `${p.value} (ước tính)`,
    (p) => `${p.value} (approx.)`,
  ),
  optionValueNotValid: text(
    (p: { flags: string | undefined; value: string | undefined; reason: string | undefined }) => `${p.flags}: "${p.value}" không hợp lệ. ${p.reason}`.trim(),
    (p) => `${p.flags}: "${p.value}" is not valid. ${p.reason}`.trim(),
  ),
  tooManyArgumentsFor: text(
    (p: { command: string; expected: string | undefined; got: string | undefined }) => `thừa tham số cho lệnh ${p.command}: cần ${p.expected}, có ${p.got}`,
    (p) => `too many arguments for ${p.command}: expected ${p.expected}, got ${p.got}`,
  ),
  tooManyArguments: text(
    (p: { expected: string | undefined; got: string | undefined }) => `thừa tham số: cần ${p.expected}, có ${p.got}`,
    (p) => `too many arguments: expected ${p.expected}, got ${p.got}`,
  ),
  usageOptions: text('[tùy chọn]', '[options]'),
  usageCommand: text('[lệnh]', '[command]'),
  unknownDemoScenario: text(
    (p: { scenarios: string; value: string }) => `--scenario phải là một trong: ${p.scenarios} (nhận được "${p.value}").`,
    (p) => `--scenario must be one of: ${p.scenarios} (got "${p.value}").`,
  ),
  sheetReadByName: text(
    (p: { kind: Message; headerRow: number }) => `${p.kind.vi} (theo tên trang), dòng tiêu đề ${numberIn('vi', p.headerRow)}`,
    (p) => `${p.kind.en} (by its name), header row ${numberIn('en', p.headerRow)}`,
  ),
  sheetReadByNameWithProfile: text(
    (p: { kind: Message; profile: string; headerRow: number }) => `${p.kind.vi} (theo tên trang, hồ sơ cột ${p.profile}), dòng tiêu đề ${numberIn('vi', p.headerRow)}`,
    (p) => `${p.kind.en} (by its name, profile ${p.profile}), header row ${numberIn('en', p.headerRow)}`,
  ),
  sheetReadByHeaders: text(
    (p: { kind: Message; headerRow: number }) => `${p.kind.vi} (theo dòng tiêu đề), dòng tiêu đề ${numberIn('vi', p.headerRow)}`,
    (p) => `${p.kind.en} (by its headers), header row ${numberIn('en', p.headerRow)}`,
  ),
  sheetReadByHeadersWithProfile: text(
    (p: { kind: Message; profile: string; headerRow: number }) => `${p.kind.vi} (theo dòng tiêu đề, hồ sơ cột ${p.profile}), dòng tiêu đề ${numberIn('vi', p.headerRow)}`,
    (p) => `${p.kind.en} (by its headers, profile ${p.profile}), header row ${numberIn('en', p.headerRow)}`,
  ),
  inspectedSheet: text(
    (p: { sheet: string; state: string; choice: Message; rows: number }) => `Trang "${p.sheet}" (${p.state}): ${p.choice.vi}; ${numberIn('vi', p.rows)} dòng có dữ liệu`,
    (p) => `Sheet "${p.sheet}" (${p.state}): ${p.choice.en}; ${numberIn('en', p.rows)} row(s) with data`,
  ),
  villageMapDraftWritten: text(
    (p: { out: string; villages: number; communes: number }) =>
      `Đã ghi bản đồ thôn nháp ${p.out}: ${numberIn('vi', p.villages)} thôn của ${numberIn('vi', p.communes)} xã cũ bị chia. Ghi "Mã xã mới" cho từng thôn (chọn trong cột cuối), rồi chạy lại với --village-map ${p.out}.`,
    (p) =>
      `Wrote the draft village map ${p.out}: ${numberIn('en', p.villages)} villages of ${numberIn('en', p.communes)} split old communes. Fill in "Mã xã mới" for each village (from the last column), then run again with --village-map ${p.out}.`,
  ),
  villageMapDraftChildrenWithoutVillage: text(
    (p: { children: number }) => `${numberIn('vi', p.children)} trẻ của các xã này không ghi thôn: vẫn xếp gần đúng.`,
    (p) => `${numberIn('en', p.children)} children of these communes have no village: still placed approximately.`,
  ),
  profileDraftWritten: text(
    (p: { out: string; suggested: number; values: number; file: string }) =>
      `Đã ghi hồ sơ nháp ${p.out}: ${numberIn('vi', p.suggested)} cột gợi ý cần kiểm tra (dòng "# ?"), ${numberIn('vi', p.values)} cột có giá trị chưa biết cần ghi mã. Sửa xong, chạy: chitieu validate ${p.file} --profile ${p.out}`,
    (p) =>
      `Wrote the draft profile ${p.out}: ${numberIn('en', p.suggested)} suggested column(s) to check ("# ?" lines), ${numberIn('en', p.values)} column(s) with unknown values to map. Then run: chitieu validate ${p.file} --profile ${p.out}`,
  ),
  modelledMark: text(' (mô hình của dự án)', ' (modelled)'),
  villageMapDraftOldName: text('Tên xã cũ', 'Old commune name'),
  villageMapDraftChildren: text('Số trẻ', 'Children'),
  villageMapDraftCandidates: text(
    'Các xã mới nhận phần của xã cũ (xã đầu tiên: xã được chọn khi không có bản đồ)',
    'New communes that took part of the old one (the first: the one chosen without a map)',
  ),
  readingProgress: text(
    (p: { files: number; totalFiles: number; rows: number; perSecond: number }) =>
      `Đang đọc: ${numberIn('vi', p.files)}/${numberIn('vi', p.totalFiles)} tệp · ${numberIn('vi', p.rows)} dòng · ${numberIn('vi', p.perSecond)} dòng/giây`,
    (p) => `Reading: ${numberIn('en', p.files)}/${numberIn('en', p.totalFiles)} files · ${numberIn('en', p.rows)} rows · ${numberIn('en', p.perSecond)} rows/s`,
  ),
});

/** Texts of src/engine/. */
import { catalogue, numberIn, text, type Message } from './define.js';

/** A period as messages name it. */
interface PeriodDates {
  readonly id: string;
  readonly from: string;
  readonly to: string;
}

const yearsOrMonths = (months: boolean) => (months ? 'tháng tuổi' : 'tuổi');
const yearsOrMonthsEn = (months: boolean) => (months ? 'months' : 'years');

export const engineText = catalogue('engine', {
  // An indicator's rule in words (describe.ts): what is counted, among which records, on what conditions.
  sourcePopulation: text('trẻ em dưới 16 tuổi đang có mặt tại ngày cuối kỳ (TreEm)', 'children under 16 present on the last day (TreEm)'),
  sourceBirths: text('trẻ em sinh trong kỳ (TreEm)', 'children born in the period (TreEm)'),
  sourceDeaths: text('trẻ em tử vong trong kỳ (TreEm, Tình trạng = Tử vong)', 'children who died in the period (TreEm, status DEAD)'),
  sourceEvents: text('sự việc trong kỳ của trẻ dưới 16 tuổi tại ngày xảy ra (SuViec)', 'events in the period of children under 16 on the event date (SuViec)'),
  sourceCommuneFacts: text('dòng thông tin xã của kỳ (ThongTinXa)', 'commune facts rows of the period (ThongTinXa)'),
  countChildren: text('số trẻ em (không trùng)', 'distinct children'),
  countCases: text('số vụ việc (không trùng)', 'distinct cases'),
  countCommunes: text('số xã', 'communes'),
  sumFineAmount: text('tổng số tiền phạt, mỗi vụ việc một số (lớn nhất)', 'total fines, one amount per case (the largest)'),
  sumPopulation: text('tổng Dân số', 'total population'),
  sumVillages: text('tổng Số thôn', 'total villages'),
  sumVillagesWithFacilities: text('tổng Số thôn có thiết chế văn hóa thể thao cho trẻ em', 'total villages with facilities for children'),
  sumChildrenConsulted: text('tổng Số trẻ em từ 7 tuổi được lấy ý kiến', 'total children aged 7+ consulted'),
  sumBudget: text('tổng Kinh phí cho công tác trẻ em', 'total budget for child affairs'),
  conditionSex: text('giới tính', 'sex'),
  conditionSchoolStatus: text('tình trạng đi học', 'school status'),
  conditionEventType: text('loại sự việc', 'event type'),
  conditionOutcome: text('hậu quả', 'outcome'),
  conditionCause: text('nguyên nhân', 'cause'),
  conditionSetting: text('môi trường', 'setting'),
  conditionForm: text('hình thức xâm hại', 'abuse form'),
  conditionHandling: text('xử lý', 'handling'),
  conditionBirthRegistered: text('Đăng ký khai sinh', 'birth registered'),
  conditionHealthInsurance: text('Thẻ BHYT', 'health insurance card'),
  conditionChildFriendly: text('Đạt xã phù hợp với trẻ em', 'child-friendly commune'),
  conditionPlayground: text('Có điểm vui chơi cho trẻ em', 'play area for children'),
  /** Vietnamese names the codes by their labels (the contract's words), English by the codes. */
  conditionInList: text(
    (p: { name: Message; labels: readonly string[]; codes: readonly string[] }) => `${p.name.vi}: ${p.labels.join(' hoặc ')}`,
    (p) => `${p.name.en}: ${p.codes.join(' or ')}`,
  ),
  conditionYesNo: text(
    (p: { name: Message; yes: boolean }) => `${p.name.vi} = ${p.yes ? 'Có' : 'Không'}`,
    (p) => `${p.name.en} = ${p.yes ? 'yes' : 'no'}`,
  ),
  atDeath: text('khi tử vong', 'at death'),
  atEventDate: text('tại ngày xảy ra', 'on the event date'),
  atLastDay: text('tại ngày cuối kỳ', 'on the last day'),
  ageBetween: text(
    (p: { min: number; max: number; months: boolean; at: Message }) => `từ ${numberIn('vi', p.min)} đến ${numberIn('vi', p.max)} ${yearsOrMonths(p.months)} ${p.at.vi}`,
    (p) => `aged ${numberIn('en', p.min)} to ${numberIn('en', p.max)} ${yearsOrMonthsEn(p.months)} ${p.at.en}`,
  ),
  ageUnder: text(
    (p: { below: number; months: boolean; at: Message }) => `dưới ${numberIn('vi', p.below)} ${yearsOrMonths(p.months)} ${p.at.vi}`,
    (p) => `aged under ${numberIn('en', p.below)} ${yearsOrMonthsEn(p.months)} ${p.at.en}`,
  ),
  ageAtLeast: text(
    (p: { min: number; months: boolean; at: Message }) => `từ ${numberIn('vi', p.min)} ${yearsOrMonths(p.months)} trở lên ${p.at.vi}`,
    (p) => `aged ${numberIn('en', p.min)} ${yearsOrMonthsEn(p.months)} or more ${p.at.en}`,
  ),
  specialCircumstancesActive: text(
    'có ít nhất một nhóm hoàn cảnh đặc biệt còn hiệu lực tại ngày cuối kỳ',
    'at least one special-circumstance group active on the last day',
  ),
  specialCircumstancesNone: text('không có nhóm hoàn cảnh đặc biệt nào còn hiệu lực tại ngày cuối kỳ', 'no special-circumstance group active on the last day'),
  riskGroupsAny: text('có ít nhất một nhóm nguy cơ', 'at least one risk group'),
  riskGroupsNone: text('không có nhóm nguy cơ', 'no risk group'),
  supportDateInPeriod: text('Ngày trợ giúp trong kỳ', 'support date in the period'),
  interventionsAny: text('có ghi hình thức hỗ trợ, can thiệp', 'some support or intervention recorded'),
  interventionsNone: text('không ghi hình thức hỗ trợ, can thiệp', 'no support or intervention recorded'),
  measure: text(
    (p: { what: Message; source: Message; conditions: readonly Message[] }) =>
      `${p.what.vi} trong ${p.source.vi}${p.conditions.length > 0 ? `; ${p.conditions.map((c) => c.vi).join('; ')}` : ''}`,
    (p) => `${p.what.en} among ${p.source.en}${p.conditions.length > 0 ? `; ${p.conditions.map((c) => c.en).join('; ')}` : ''}`,
  ),
  ruleCount: text('Giá trị = tử số (số đếm)', 'Value = numerator (a count)'),
  ruleRatio: text(
    (p: { factor: number }) => `Giá trị = tử số ÷ mẫu số × ${numberIn('vi', p.factor)}`,
    (p) => `Value = numerator ÷ denominator × ${numberIn('en', p.factor)}`,
  ),
  resultFileNotValid: text(
    (p: { file: string; reason: string }) => `Tệp kết quả ${p.file} không phải JSON hợp lệ (tệp do chitieu compute --out ….json ghi)`,
    (p) => `The result file ${p.file} is not valid JSON (${p.reason})`,
  ),
  resultFileFieldNotValid: text(
    (p: { file: string; path: string }) => `Tệp ${p.file} không phải tệp kết quả của chitieu compute (mục ${p.path} không đúng dạng)`,
    (p) => `${p.file} is not a chitieu compute result file (field ${p.path} is not as expected)`,
  ),
  baselineOfOtherPeriod: text(
    (p: { baseline: PeriodDates; period: string; expected: PeriodDates }) =>
      `Số liệu cùng kỳ là kỳ ${p.baseline.id} (${p.baseline.from} – ${p.baseline.to}), nhưng kỳ ${p.period} cần kỳ ${p.expected.id} (${p.expected.from} – ${p.expected.to}).`,
    (p) => `The baseline is for period ${p.baseline.id} (${p.baseline.from} – ${p.baseline.to}), but period ${p.period} needs ${p.expected.id} (${p.expected.from} – ${p.expected.to}).`,
  ),
  periodsFileField: text(
    (p: { file: string; path: string; fault: Message }) => `Tệp kỳ báo cáo ${p.file}, mục ${p.path}: ${p.fault.vi}`,
    (p) => `Periods file ${p.file}, field ${p.path}: ${p.fault.en}`,
  ),
  presetDayMonthFormat: text('cần dạng ngày/tháng, ví dụ 15/12', 'day/month expected, e.g. 15/12'),
  presetNoSuchDay: text(
    (p: { dayMonth: string }) => `ngày/tháng không có thật: ${p.dayMonth}`,
    (p) => `no such day: ${p.dayMonth}`,
  ),
  presetNameNotValid: text('tên kỳ chỉ gồm chữ thường không dấu, số và "-", bắt đầu bằng chữ', 'a period name is lower-case ASCII letters, digits and "-", starting with a letter'),
  presetUnknownKeys: text(
    (p: { keys: string }) => `không dùng mục ${p.keys} (chỉ có label, labelEn, from, to)`,
    (p) => `unknown field(s) ${p.keys} (only label, labelEn, from, to)`,
  ),
  presetFieldMissing: text('thiếu mục này', 'this field is missing'),
  presetValueNotValid: text('giá trị không hợp lệ', 'the value is not valid'),
  periodsFileNameBuiltIn: text(
    (p: { file: string; name: string }) => `Tệp kỳ báo cáo ${p.file}: tên "${p.name}" trùng kỳ có sẵn.`,
    (p) => `Periods file ${p.file}: the name "${p.name}" is a built-in period.`,
  ),
  unitListBeforeReform: text('danh mục trước ngày 01/07/2025', 'the list before 1 July 2025'),
  unitListAfterReform: text('danh mục từ ngày 01/07/2025', 'the list from 1 July 2025'),
  newCodeBeforeReform: text(
    (p: { code: string; day: string }) => `mã xã ${p.code} theo danh mục từ 01/07/2025 (tệp ghi mã mới) không quy đổi được về đơn vị cũ của kỳ kết thúc ${p.day}`,
    (p) => `commune code ${p.code} of the list from 1 July 2025 (the file is in new codes) cannot be put on the older units of a period ending ${p.day}`,
  ),
  communeCodeAmbiguous: text(
    (p: { code: string; oldWhere: string; nowWhere: string }) => `mã xã ${p.code} có trong cả hai danh mục với nghĩa khác nhau: trước 01/07/2025 là ${p.oldWhere}; từ 01/07/2025 là ${p.nowWhere}. Tệp không cho biết mã theo danh mục nào: thêm cột Mã huyện (mã cũ) hoặc dùng --codes-as-of`,
    (p) => `commune code ${p.code} is in both lists with different meanings: before 1 July 2025 ${p.oldWhere}; from 1 July 2025 ${p.nowWhere}. The file does not say which list its codes follow: add the Mã huyện column (old codes) or use --codes-as-of`,
  ),
  communeCodeUnknown: text(
    (p: { code: string; list: Message; day: string }) => `mã xã ${p.code} không có trong ${p.list.vi} (mã được đọc theo ngày ${p.day})`,
    (p) => `commune code ${p.code} is not in ${p.list.en} (the code is read as of ${p.day})`,
  ),
  communeCodeInOtherList: text(
    (p: { code: string; list: Message; day: string; otherList: Message }) =>
      `mã xã ${p.code} không có trong ${p.list.vi} (mã được đọc theo ngày ${p.day}) (mã này có trong ${p.otherList.vi}; nếu mã trẻ em theo danh mục khác, dùng --codes-as-of)`,
    (p) =>
      `commune code ${p.code} is not in ${p.list.en} (the code is read as of ${p.day}) (the code exists in ${p.otherList.en}; if the children's codes are of another vintage, use --codes-as-of)`,
  ),
  communeFactsRepeated: text(
    (p: { communeCode: string }) => `xã ${p.communeCode} đã có dòng thông tin xã cho kỳ này; dòng này bị bỏ qua`,
    (p) => `commune ${p.communeCode} already has a facts row for this period; this row is ignored`,
  ),
  codesAsOfNotValid: text(
    (p: { childCodesAsOf: string }) => `--codes-as-of: ngày "${p.childCodesAsOf}" không hợp lệ (YYYY-MM-DD).`,
    (p) => `--codes-as-of: invalid date "${p.childCodesAsOf}" (YYYY-MM-DD).`,
  ),
  codesAsOfAfterReform: text(
    (p: { childCodesAsOf: string; referenceDate: string }) => `Mã xã theo danh mục từ 01/07/2025 (--codes-as-of ${p.childCodesAsOf}) không quy đổi được về đơn vị cũ của kỳ kết thúc ${p.referenceDate}.`,
    (p) => `Commune codes of the list from 1 July 2025 (--codes-as-of ${p.childCodesAsOf}) cannot be put on the older units of a period ending ${p.referenceDate}.`,
  ),
  indicatorMissingInSomeUnits: text(
    (p: { indicator: string; list: string }) => `Chỉ tiêu ${p.indicator}: không có số liệu ở ${p.list}; số của đơn vị cấp trên chỉ cộng các đơn vị còn lại.`,
    (p) => `Indicator ${p.indicator}: no figures in ${p.list}; the total adds up the other units only.`,
  ),
  // explain: the figure asked for.
  indicatorUnknown: text(
    (p: { indicator: string }) => `Không có chỉ tiêu ${p.indicator} (xem: chitieu indicators).`,
    (p) => `No indicator ${p.indicator} (see: chitieu indicators).`,
  ),
  unitCodeNotValid: text(
    (p: { unit: string }) => `Mã đơn vị "${p.unit}" phải có 5 (xã), 3 (huyện) hoặc 2 (tỉnh) chữ số, hoặc là VN (toàn quốc).`,
    (p) => `Unit code "${p.unit}" must have 5 (commune), 3 (district) or 2 (province) digits, or be VN (the nation).`,
  ),
  districtAfterReform: text(
    (p: { unit: string; to: string }) => `${p.unit} là mã huyện, nhưng từ ngày 01/07/2025 không còn cấp huyện (ngày cuối kỳ ${p.to}): dùng mã xã hoặc mã tỉnh.`,
    (p) => `${p.unit} is a district code, but there are no districts from 1 July 2025 (the period ends ${p.to}): use a commune or province code.`,
  ),
  unitHasNoRows: text(
    (p: { unit: string; period: string }) => `Không có dòng dữ liệu nào của đơn vị ${p.unit} trong kỳ ${p.period}.`,
    (p) => `No input row of unit ${p.unit} for period ${p.period}.`,
  ),
  breakdownNotDefined: text(
    (p: { code: string; asked: string; known: string }) => `${p.code} không có phân tổ ${p.asked}; các phân tổ: ${p.known}`,
    (p) => `${p.code} has no breakdown ${p.asked}; its breakdowns: ${p.known}`,
  ),
  breakdownValueAbsent: text(
    (p: { code: string; unit: string; breakdown: string }) => `Không có số liệu ${p.code} của ${p.unit} với phân tổ ${p.breakdown} (giá trị không xuất hiện).`,
    (p) => `No ${p.code} figure for ${p.unit} with ${p.breakdown} (the value does not occur).`,
  ),
  periodUnknown: text(
    (p: { id: string; more: string }) =>
      `Kỳ báo cáo "${p.id}" không hợp lệ. Dùng: 2025, 2025-H1, 2025-H2, 2025-9M, 2025-Q1..Q4, 2025-01-01..2025-06-30${p.more}, hoặc --from/--to.`,
    (p) => `Unknown period "${p.id}". Use 2025, 2025-H1, 2025-H2, 2025-9M, 2025-Q1..Q4, 2025-01-01..2025-06-30${p.more}, or --from/--to.`,
  ),
  windowDateNotValid: text(
    (p: { date: string }) => `Ngày "${p.date}" không hợp lệ (cần dạng YYYY-MM-DD).`,
    (p) => `Invalid date "${p.date}" (expected YYYY-MM-DD).`,
  ),
  windowStartsAfterEnd: text(
    (p: { from: string; to: string }) => `Ngày bắt đầu ${p.from} sau ngày kết thúc ${p.to}.`,
    (p) => `The start date ${p.from} is after the end date ${p.to}.`,
  ),
  levelNotAtDate: text(
    (p: { level: Message; referenceDate: string; choices: string }) =>
      `Không có cấp ${p.level.vi.toLocaleLowerCase('vi')} trong danh mục đơn vị hành chính tại ngày cuối kỳ ${p.referenceDate}: dùng ${p.choices}.`,
    (p) => `There is no ${p.level.en.toLowerCase()} level in the unit list at the period's end ${p.referenceDate}: use ${p.choices}.`,
  ),
  breakdownValueUnknown: text('Không rõ', 'Unknown'),
  breakdownSex: text('Giới tính', 'Sex'),
  breakdownAgeGroup: text('Nhóm tuổi', 'Age group'),
  breakdownGroup: text('Nhóm HCĐB', 'Special-circumstance group'),
  breakdownCause: text('Nguyên nhân', 'Cause'),
  breakdownSetting: text('Môi trường', 'Setting'),
  breakdownForm: text('Hình thức', 'Form'),
  targetNobodyConcerned: text('không có trẻ em thuộc diện', 'no child concerned'),
  targetApproximate: text('số liệu ước tính: có xã bị chia tách theo sắp xếp đơn vị hành chính 2025', 'approximate figures: some communes were split in the 2025 reorganisation'),
  targetNoBaseline: text('chưa có số liệu cùng kỳ năm trước', "no figure yet for the same period last year"),
  targetNoData: text('không có số liệu', 'no data'),
  doubleCountNote: text(
    'Số liệu của đơn vị cấp trên được cộng từ phụ lục của các đơn vị cấp dưới: một trẻ em có số liệu ở hai đơn vị được tính hai lần.',
    "the figures are sums of the units' annexes, so a child with figures in two units is counted twice.",
  ),
  // The record keys behind an explained figure (explain on the terminal and on the page).
  explainKeysChildren: text('Mã trẻ em', 'Child keys (Mã trẻ em)'),
  explainKeysCases: text('Mã vụ việc', 'Case keys (Mã vụ việc)'),
  explainKeysCommunes: text('Mã xã', 'Commune codes'),
  explainKeyWithAmount: text(
    (p: { key: string; amount: number }) => `${p.key} (${numberIn('vi', p.amount)} đ)`,
    (p) => `${p.key} (${numberIn('en', p.amount)} đ)`,
  ),
});

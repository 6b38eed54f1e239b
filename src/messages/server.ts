/** Texts of src/server/. */
import { type Bilingual, catalogue, numberIn, text } from './define.js';

/** Why rows were rejected, by kind (the kind's label in both languages), with how many. */
export interface MappingReason extends Bilingual {
  readonly rows: number;
}

export const serverText = catalogue('server', {});

// ---- w/page-b (#18 items 2, 3, 5, 7, 8; #19): the report form, results out, mapping checks
export const serverFormText = catalogue('server.form', {
  reportDateBeforePeriodEnd: text(
    (p: { date: string; periodEnd: string }) =>
      `Ô "Ngày báo cáo" của mẫu báo cáo: ${p.date} trước ngày cuối kỳ ${p.periodEnd}. Báo cáo nói về số liệu đến hết ngày ${p.periodEnd} nên phải đề ngày từ ${p.periodEnd} trở đi; sửa ô này hoặc để trống để văn thư điền.`,
    (p) =>
      `The "Report date" field of the report form: ${p.date} is before the period's last day ${p.periodEnd}. A report on figures up to ${p.periodEnd} must be dated on or after it; change the field, or leave it empty for the clerk to fill in.`,
  ),
  formField: text(
    (p: { field: string; problem: string }) => `Ô "${p.field}" của mẫu báo cáo: ${p.problem}`,
    (p) => `The "${p.field}" field of the report form: ${p.problem}`,
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
    (p: { name: string; file: string }) => `Đã đổi tên hồ sơ cột thành "${p.name}" (${p.file}).`,
    (p) => `Renamed the profile to "${p.name}" (${p.file}).`,
  ),
  profileDeleted: text(
    (p: { name: string }) => `Đã xóa hồ sơ cột "${p.name}"; các tệp đã tải lên được đọc lại không có nó.`,
    (p) => `Deleted the profile "${p.name}"; the uploaded files are read again without it.`,
  ),
  profileEditNeedsData: text(
    'Để sửa cách ghép của hồ sơ này, hãy tải lên một tệp có bố cục đó trước: bước ghép cột mở lại với các cột của tệp.',
    'To edit this profile, first upload a file laid out that way: the mapping step opens again with its columns.',
  ),
  profileNotUsed: text(
    (p: { name: string }) => `Chưa có trang nào của các tệp đã tải lên được đọc theo hồ sơ "${p.name}": tải lên một tệp có bố cục đó rồi bấm "Sửa" lại.`,
    (p) => `No sheet of the uploaded files was read with the profile "${p.name}": upload a file laid out that way, then press "Edit" again.`,
  ),
});

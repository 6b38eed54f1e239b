/** Texts of src/sample/. */
import { catalogue, text } from './define.js';

export const sampleText = catalogue('sample', {
  plantedMovedWithoutDate: text(
    'Tình trạng "Chuyển đi" nhưng thiếu Ngày thay đổi tình trạng (bắt buộc khi không còn quản lý)',
    'Status "Chuyển đi" (moved) without Ngày thay đổi tình trạng (required when status is not active)',
  ),
  plantedCommuneTypo: text('Mã xã không có trong danh mục (gõ nhầm)', 'Commune code not in the official list (a typo)'),
  plantedBirthDateBlank: text('Thiếu Ngày sinh (cột bắt buộc)', 'Ngày sinh (birth date, required) is blank'),
  plantedSexNotValid: text('Giới tính không hợp lệ', 'Invalid sex value'),
  plantedChildRepeated: text(
    (p: { childId: string; name: string }) => `Mã trẻ em ${p.childId} trùng với một trẻ em của ${p.name} (cả Số định danh cá nhân): dòng sau bị loại`,
    (p) => `Mã trẻ em ${p.childId} repeats a child of ${p.name} (so does Số định danh cá nhân): the later row is rejected`,
  ),
  plantedTotalRow: text('Dòng "Tổng cộng" cuối bảng: bỏ qua, có cảnh báo', 'A "Tổng cộng" (total) row at the bottom: skipped with a warning'),
  plantedEventDateImpossible: text('Ngày xảy ra không tồn tại (31/02/2025)', 'Event date does not exist (31/02/2025)'),
  plantedEventBeforeBirth: text('Sự việc xảy ra trước ngày sinh của trẻ', 'Event dated before the child was born'),
  plantedChildFromElsewhere: text(
    'Trẻ em không có trong TreEm (trẻ ở xã khác bị tai nạn tại xã): hợp lệ, có cảnh báo, vẫn được tính theo giới tính và ngày sinh của dòng',
    'Child not in TreEm (a child from another commune injured here): valid, a warning; counted with the row’s own sex and birth date',
  ),
  plantedAbuseWithoutForm: text(
    'Sự việc Xâm hại thiếu Hình thức xâm hại (bắt buộc với XAM_HAI): không được tính cho đến khi sửa',
    'An abuse (XAM_HAI) event without Hình thức xâm hại (required for XAM_HAI): not counted until fixed',
  ),
  plantedEventAfterDeath: text(
    'Sự việc xảy ra sau ngày trẻ tử vong (TreEm: Tử vong): nhầm mã trẻ em',
    'Event dated after the child’s death (TreEm status Tử vong): a wrong child id',
  ),
  layoutContract: text('dạng chuẩn của hợp đồng dữ liệu', 'the data contract layout'),
  layoutDistrictEnglish: text(
    'biểu mẫu tiếng Anh của huyện: tiêu đề tiếng Anh, Male/Female, Yes/No, tình trạng và loại sự việc bằng tiếng Anh',
    "a district's English-headed template: English headers, Male/Female, Yes/No, statuses and event kinds in English",
  ),
  layoutCommuneRegister: text(
    'sổ theo dõi xã tự lập: tiêu đề riêng ("Trai/Gái", "Sinh ngày", "Hiện trạng"), "Đã làm/Chưa làm", "Cấp 1/2/3", "Bị tai nạn"',
    'a commune\'s own register: its own headings ("Trai/Gái", "Sinh ngày", "Hiện trạng"), "Đã làm/Chưa làm", "Cấp 1/2/3", "Bị tai nạn"',
  ),
});

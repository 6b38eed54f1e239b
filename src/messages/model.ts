/** Texts of src/model/. */
import { catalogue, text } from './define.js';

export const modelText = catalogue('model', {
  unitCodeForm: text('mã đơn vị 2, 3 hoặc 5 chữ số, hoặc VN', 'a unit code of 2, 3 or 5 digits, or VN'),
  communeLevel: text('Xã', 'Commune'),
  districtLevel: text('Huyện', 'District'),
  provinceLevel: text('Tỉnh', 'Province'),
  nationalLevel: text('Toàn quốc', 'National'),
});

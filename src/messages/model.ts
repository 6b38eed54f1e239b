/** Texts of src/model/. */
import { catalogue, text } from './define.js';

export const modelText = catalogue('model', {
  communeLevel: text('Xã', 'Commune'),
  districtLevel: text('Huyện', 'District'),
  provinceLevel: text('Tỉnh', 'Province'),
  nationalLevel: text('Toàn quốc', 'National'),
});

/** Texts of src/units/. */
import { catalogue, text } from './define.js';

export const unitsText = catalogue('units', {
  oldCommuneNotListed: text(
    (p: { oldCommune: string }) => `mã xã cũ ${p.oldCommune} không có trong danh mục trước 01/07/2025`,
    (p) => `old commune code ${p.oldCommune} is not in the list before 1 July 2025`,
  ),
  newCommuneNotSuccessor: text(
    (p: { newCommune: string; name: string; oldCommune: string; listed: string }) => `xã mới ${p.newCommune} không được lập từ ${p.name} (${p.oldCommune}); các xã mới nhận phần của xã này: ${p.listed}`,
    (p) => `new commune ${p.newCommune} was not formed from ${p.name} (${p.oldCommune}); the new communes that took part of it: ${p.listed}`,
  ),
  villageMappedTwice: text(
    (p: { village: string; oldCommune: string; earlier: string; newCommune: string }) => `thôn "${p.village}" của xã cũ ${p.oldCommune} đã được ghi vào xã mới ${p.earlier}, ở đây lại ghi ${p.newCommune}`,
    (p) => `village "${p.village}" of old commune ${p.oldCommune} is already mapped to new commune ${p.earlier}, here to ${p.newCommune}`,
  ),
});

import type { Rng } from './prng.js';

/**
 * Invented names in the style of Sơn Hà (mostly Hrê, some Kinh and Ca Dong/Xơ Đăng). Every
 * combination is drawn at random: any likeness to a real child is coincidence.
 */

export interface Ethnicity {
  /** GSO code of the 54 ethnic groups (01 = Kinh). */
  readonly code: string;
  readonly name: string;
}

export const KINH: Ethnicity = { code: '01', name: 'Kinh' };
export const HRE: Ethnicity = { code: '19', name: 'Hrê' };
export const XO_DANG: Ethnicity = { code: '14', name: 'Xơ Đăng' };

const SURNAMES: Readonly<Record<string, readonly (readonly [string, number])[]>> = {
  [HRE.code]: [['Đinh', 60], ['Phạm', 28], ['Huỳnh', 5], ['Hồ', 4], ['Trương', 3]],
  [XO_DANG.code]: [['Đinh', 50], ['Hồ', 30], ['Phạm', 20]],
  [KINH.code]: [
    ['Nguyễn', 30], ['Trần', 12], ['Lê', 10], ['Phạm', 8], ['Huỳnh', 8], ['Võ', 8], ['Phan', 5],
    ['Đỗ', 4], ['Bùi', 4], ['Hồ', 4], ['Ngô', 3], ['Đặng', 3], ['Trương', 3], ['Lương', 2],
  ],
};

const MIDDLE_BOY_KINH = ['Văn', 'Minh', 'Quốc', 'Hữu', 'Đức', 'Thanh', 'Gia', 'Anh', 'Công'];
const MIDDLE_GIRL_KINH = ['Thị', 'Ngọc', 'Thu', 'Kim', 'Mỹ', 'Thanh', 'Bảo', 'Khánh'];

const GIVEN_BOY = [
  'An', 'Bảo', 'Bình', 'Cường', 'Dũng', 'Duy', 'Đạt', 'Hải', 'Hiếu', 'Hoàng', 'Hùng', 'Huy', 'Khang',
  'Khánh', 'Kiên', 'Lâm', 'Long', 'Lực', 'Minh', 'Nam', 'Nghĩa', 'Nhân', 'Phát', 'Phong', 'Phúc',
  'Quân', 'Quang', 'Sang', 'Sơn', 'Tài', 'Tâm', 'Thành', 'Thắng', 'Thịnh', 'Tín', 'Toàn', 'Trí',
  'Trung', 'Tuấn', 'Vinh', 'Vũ',
];
const GIVEN_BOY_HRE = ['Mươi', 'Hới', 'Pó', 'Rin', 'Lân', 'Tứ', 'Bốn', 'Năm', 'Chót', 'Lập', 'Ót', 'Nhoi'];
const GIVEN_GIRL = [
  'Anh', 'Ánh', 'Bích', 'Châu', 'Chi', 'Diễm', 'Dung', 'Duyên', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền',
  'Hoa', 'Hồng', 'Huyền', 'Lan', 'Liên', 'Linh', 'Loan', 'Ly', 'Mai', 'My', 'Nga', 'Ngân', 'Nhi',
  'Nhung', 'Oanh', 'Phương', 'Quyên', 'Thảo', 'Thủy', 'Trang', 'Trinh', 'Uyên', 'Vân', 'Vy', 'Xuân', 'Yến',
];
const GIVEN_GIRL_HRE = ['Bé', 'Sáu', 'Hươn', 'Nhiên', 'Ni', 'Bông', 'Mới', 'Rớt'];

export function personName(rng: Rng, ethnicity: Ethnicity, boy: boolean): string {
  const surnames = SURNAMES[ethnicity.code] ?? SURNAMES[KINH.code]!;
  const surname = rng.weighted(surnames);
  if (ethnicity.code === KINH.code) {
    const middle = rng.pick(boy ? MIDDLE_BOY_KINH : MIDDLE_GIRL_KINH);
    return `${surname} ${middle} ${rng.pick(boy ? GIVEN_BOY : GIVEN_GIRL)}`;
  }
  // Hrê and Ca Dong children mostly carry Văn/Thị and, more and more, Kinh given names.
  const middle = boy ? 'Văn' : 'Thị';
  const local = rng.chance(0.3);
  const given = boy ? rng.pick(local ? GIVEN_BOY_HRE : GIVEN_BOY) : rng.pick(local ? GIVEN_GIRL_HRE : GIVEN_GIRL);
  return `${surname} ${middle} ${given}`;
}

const VILLAGE_NAMES = [
  'Gò Da', 'Làng Trá', 'Tà Cơm', 'Xà Ây', 'Nước Bao', 'Gò Gạo', 'Làng Rê', 'Tà Bần', 'Nước Lác',
  'Gò Lớn', 'Làng Mùng', 'Tà Dinh', 'Xà Nay', 'Làng Dầu', 'Nước Rinh', 'Gò Rang', 'Làng Ghè',
  'Tà Ma', 'Nước Xoài', 'Đồng Ren', 'Gò Chè', 'Làng Bung', 'Tà Giang', 'Nước Nia', 'Gò Ra',
  'Làng Vố', 'Tà Pa', 'Xà Lò', 'Nước Tang', 'Gò Dép', 'Làng Đèo', 'Tà Lương', 'Trường Khay',
  'Mò O', 'Ka La', 'Bồ Nung', 'Nước Vương', 'Gò Ghè', 'Làng Lê', 'Tà Cút',
];

/** Village names of one commune; a township (thị trấn) has tổ dân phố instead. */
export function villageNames(rng: Rng, count: number, township: boolean): string[] {
  const names = rng.shuffle(VILLAGE_NAMES).slice(0, count);
  return names.map((name) => (township ? `Tổ dân phố ${name}` : `Thôn ${name}`));
}

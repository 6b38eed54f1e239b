/**
 * Administrative unit names as a report writes them. The lists give full names ("Huyện Sơn Hà",
 * "Thị trấn Di Lăng"); a sentence wants "huyện Sơn Hà", the date line "Sơn Hà", the heading
 * "HUYỆN SƠN HÀ" and a total row "Toàn huyện".
 */
import type { Level } from '../model/results.js';

export interface UnitName {
  readonly code: string;
  /** Full name as in the administrative list: "Huyện Sơn Hà". */
  readonly fullName: string;
  readonly level: Level;
}

/** Longest first, so that "Thành phố" wins over a shorter prefix. */
const TYPE_WORDS = ['Thành phố', 'Thị trấn', 'Đặc khu', 'Thị xã', 'Phường', 'Huyện', 'Quận', 'Tỉnh', 'Xã'];

export function upperVi(text: string): string {
  return text.toLocaleUpperCase('vi');
}

function typeWordOf(fullName: string): string | undefined {
  return TYPE_WORDS.find((word) => fullName.startsWith(`${word} `));
}

/** "Huyện Sơn Hà" → "Sơn Hà". */
export function placeName(fullName: string): string {
  const word = typeWordOf(fullName);
  return word ? fullName.slice(word.length + 1) : fullName;
}

/** "Huyện Sơn Hà" → "huyện Sơn Hà", for the middle of a sentence. */
export function nameInSentence(fullName: string): string {
  const word = typeWordOf(fullName);
  return word ? `${word.toLocaleLowerCase('vi')}${fullName.slice(word.length)}` : fullName;
}

/** "huyện", "xã", "phường", "thị trấn", "tỉnh", "thành phố". */
export function typeWord(unit: UnitName): string {
  const word = typeWordOf(unit.fullName);
  if (word) return word.toLocaleLowerCase('vi');
  return unit.level === 'province' ? 'tỉnh' : unit.level === 'district' ? 'huyện' : 'xã';
}

/** The label of the row that holds the unit itself: "Toàn huyện". */
export function totalRowLabel(unit: UnitName): string {
  return `Toàn ${typeWord(unit)}`;
}

/** "Ủy ban nhân dân huyện Sơn Hà". */
export function committeeName(unit: UnitName): string {
  return `Ủy ban nhân dân ${nameInSentence(unit.fullName)}`;
}

/** How a report calls the units one level down: "xã, thị trấn" for a district. */
export function childrenWord(unit: UnitName, childLevel: Level | undefined): string {
  if (childLevel === 'district') return 'huyện, thị xã, thành phố';
  if (unit.level === 'district') return 'xã, thị trấn';
  return 'xã, phường';
}

/** The level of a code by its length: 2 digits province, 3 district, 5 commune. */
export function levelOfCode(code: string): Level | undefined {
  if (/^\d{2}$/.test(code)) return 'province';
  if (/^\d{3}$/.test(code)) return 'district';
  if (/^\d{5}$/.test(code)) return 'commune';
  return undefined;
}

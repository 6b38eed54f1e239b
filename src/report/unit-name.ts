/**
 * Administrative unit names as a report writes them. The lists give full names ("Huyện Sơn Hà",
 * "Thị trấn Di Lăng"); a sentence wants "huyện Sơn Hà", the date line "Sơn Hà", the heading
 * "HUYỆN SƠN HÀ" and a total row "Toàn huyện".
 */
import { levelWords, type Level } from '../model/levels.js';
import { eraAt } from '../units/types.js';

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

/** "huyện", "xã", "phường", "thị trấn", "tỉnh", "thành phố" (model/levels.ts when the name has none). */
export function typeWord(unit: UnitName): string {
  const word = typeWordOf(unit.fullName);
  return word ? word.toLocaleLowerCase('vi') : levelWords(unit.level).typeWord;
}

/** The label of the row that holds the unit itself, and where a sentence starts: "Toàn huyện", "Toàn quốc". */
export function totalRowLabel(unit: UnitName): string {
  return levelWords(unit.level).whole?.total ?? `Toàn ${typeWord(unit)}`;
}

/** Where things happen: "trên địa bàn huyện", "trên phạm vi toàn quốc". */
export function areaPhrase(unit: UnitName): string {
  return levelWords(unit.level).whole?.area ?? `trên địa bàn ${typeWord(unit)}`;
}

/** "Ủy ban nhân dân huyện Sơn Hà"; the nation's report is the Ministry's ("Bộ Y tế"). */
export function committeeName(unit: UnitName): string {
  return levelWords(unit.level).body?.name ?? `Ủy ban nhân dân ${nameInSentence(unit.fullName)}`;
}

/**
 * How a report calls the units under `unit` of a level, in the list valid at the period's end:
 * "xã, thị trấn" under a district, "xã, phường, đặc khu" from 1 July 2025, "tỉnh, thành phố".
 */
export function unitsWord(unit: UnitName, level: Level, periodEnd: string): string {
  return levelWords(level).plural(eraAt(periodEnd), unit.level);
}

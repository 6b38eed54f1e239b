/**
 * Text typed with the legacy Vietnamese fonts, before Unicode: TCVN3 ("ABC", fonts .VnTime,
 * .VnTimeH, .VnArial…) and VNI (fonts VNI-Times…). Excel stores such text as the Latin-1
 * letters the font draws as Vietnamese ones: TCVN3 "NguyÔn V¨n An" and VNI "Nguyeãn Vaên An"
 * are "Nguyễn Văn An". Tables: TCVN 5712:1993 (VN3 subset) and the VNI Windows table
 * (cross-checked against Unikey/xvnkb's tables); the tests round-trip the whole alphabet.
 *
 * Detection is conservative, per cell: only text made of Latin-1 characters, which as Unicode
 * is not Vietnamese (a word that is no Vietnamese syllable, or a character no Vietnamese word
 * has), and which decodes to Vietnamese syllables in exactly one encoding (or in the one the
 * column has already shown). Real Unicode Vietnamese (ă, đ, ơ, ư, ạ…) is never touched, nor
 * are codes and dates (ASCII), nor Latin-1 words that are Vietnamese as they stand ("Tày", "Hà").
 */

export type LegacyEncoding = 'TCVN3' | 'VNI';

const TONES = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'] as const;
/** The 12 vowels, each in its 6 tones (none, sắc, huyền, hỏi, ngã, nặng). */
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'] as const;
const toned = (vowel: string, tone: number) => (vowel + TONES[tone]!).normalize('NFC');

// ---------------------------------------------------------------- TCVN3

/**
 * TCVN3 code (as the Latin-1 character Excel keeps) for each vowel in tone order, then đ and
 * the seven capitals the subset has. Capitals with a tone have no code: .VnTimeH draws the
 * small-letter codes as capitals, so all-capital words are put back in capitals after decoding.
 */
const TCVN3_VOWELS: Record<(typeof VOWELS)[number], string> = {
  a: 'a\u00b8\u00b5\u00b6\u00b7\u00b9',
  ă: '\u00a8\u00be\u00bb\u00bc\u00bd\u00c6',
  â: '\u00a9\u00ca\u00c7\u00c8\u00c9\u00cb',
  e: 'e\u00d0\u00cc\u00ce\u00cf\u00d1',
  ê: '\u00aa\u00d5\u00d2\u00d3\u00d4\u00d6',
  i: 'i\u00dd\u00d7\u00d8\u00dc\u00de',
  o: 'o\u00e3\u00df\u00e1\u00e2\u00e4',
  ô: '\u00ab\u00e8\u00e5\u00e6\u00e7\u00e9',
  ơ: '\u00ac\u00ed\u00ea\u00eb\u00ec\u00ee',
  u: 'u\u00f3\u00ef\u00f1\u00f2\u00f4',
  ư: '\u00ad\u00f8\u00f5\u00f6\u00f7\u00f9',
  y: 'y\u00fd\u00fa\u00fb\u00fc\u00fe',
};
const TCVN3_OTHERS: Record<string, string> = {
  '\u00ae': 'đ', '\u00a1': 'Ă', '\u00a2': 'Â', '\u00a3': 'Ê', '\u00a4': 'Ô', '\u00a5': 'Ơ', '\u00a6': 'Ư', '\u00a7': 'Đ',
};

const TCVN3 = new Map<string, string>(Object.entries(TCVN3_OTHERS));
for (const vowel of VOWELS) {
  [...TCVN3_VOWELS[vowel]].forEach((code, tone) => {
    if (code.charCodeAt(0) >= 0x80) TCVN3.set(code, toned(vowel, tone));
  });
}

export function decodeTcvn3(text: string): string {
  let out = '';
  for (const char of text) out += TCVN3.get(char) ?? char;
  return capitaliseShoutedWords(text, out);
}

/**
 * "NGUYÔN" (.VnTimeH) decodes to "NGUYễN": text whose ASCII letters are all capitals is all
 * capitals ("X· S¥N H¹" is "XÃ SƠN HẠ"), and so is a word of two capitals or more in other text.
 */
function capitaliseShoutedWords(raw: string, decoded: string): string {
  if (!/[A-Z][\s\S]*[A-Z]/.test(raw)) return decoded;
  if (!/[a-z]/.test(raw)) return decoded.toUpperCase();
  const rawWords = raw.split(SEPARATORS);
  const words = decoded.split(SEPARATORS);
  if (rawWords.length !== words.length) return decoded;
  let changed = false;
  const fixed = words.map((word, index) => {
    const ascii = (rawWords[index] ?? '').replace(/[^A-Za-z]/g, '');
    if (ascii.length >= 2 && ascii === ascii.toUpperCase() && word !== word.toUpperCase()) {
      changed = true;
      return word.toUpperCase();
    }
    return word;
  });
  if (!changed) return decoded;
  // Put the separators back: split with a capturing group keeps them at odd indexes.
  const parts = decoded.split(SEPARATORS_KEPT);
  let w = 0;
  return parts.map((part, index) => (index % 2 === 0 ? fixed[w++] ?? part : part)).join('');
}

// ---------------------------------------------------------------- VNI

/** VNI writes a base letter followed by a mark character: these are the marks, in tone order. */
const VNI_TONE_MARKS = ['\u00f9', '\u00f8', '\u00fb', '\u00f5', '\u00ef']; // ù ø û õ ï
const VNI_CIRCUMFLEX = ['\u00e2', '\u00e1', '\u00e0', '\u00e5', '\u00e3', '\u00e4']; // â á à å ã ä (none, then tones)
const VNI_BREVE = ['\u00ea', '\u00e9', '\u00e8', '\u00fa', '\u00fc', '\u00eb']; // ê é è ú ü ë

const VNI_PAIRS = new Map<string, string>();
const VNI_SINGLES = new Map<string, string>();

function addVni(base: string, mark: string, letter: string): void {
  // Capital marks are drawn higher; typists mix them up, so either case of mark is accepted
  // and the base letter decides the case.
  for (const markCase of [mark, mark.toUpperCase()]) {
    VNI_PAIRS.set(base + markCase, letter);
    VNI_PAIRS.set(base.toUpperCase() + markCase, letter.toUpperCase());
  }
}

for (const [base, vowel] of [['a', 'a'], ['e', 'e'], ['o', 'o'], ['u', 'u'], ['y', 'y'], ['\u00f4', 'ơ'], ['\u00f6', 'ư']] as const) {
  VNI_TONE_MARKS.forEach((mark, index) => addVni(base, mark, toned(vowel, index + 1)));
}
for (const [base, vowel] of [['a', 'â'], ['e', 'ê'], ['o', 'ô']] as const) {
  VNI_CIRCUMFLEX.forEach((mark, tone) => addVni(base, mark, toned(vowel, tone)));
}
VNI_BREVE.forEach((mark, tone) => addVni('a', mark, toned('ă', tone)));
// Letters VNI writes as one character: ơ (ô), ư (ö), đ (ñ), ỵ (î) and i with a tone.
for (const [code, letter] of [
  ['\u00f4', 'ơ'], ['\u00f6', 'ư'], ['\u00f1', 'đ'], ['\u00ee', 'ỵ'],
  ['\u00ed', 'í'], ['\u00ec', 'ì'], ['\u00e6', 'ỉ'], ['\u00f3', 'ĩ'], ['\u00f2', 'ị'],
] as const) {
  VNI_SINGLES.set(code, letter);
  VNI_SINGLES.set(code.toUpperCase(), letter.toUpperCase());
}

export function decodeVni(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const pair = VNI_PAIRS.get(text.slice(i, i + 2));
    if (pair !== undefined) {
      out += pair;
      i += 1;
      continue;
    }
    const char = text[i]!;
    out += VNI_SINGLES.get(char) ?? char;
  }
  return out;
}

// ---------------------------------------------------------------- is it Vietnamese?

/** Words are split at ASCII separators only: in legacy text "÷" or "§" are letters. */
const SEPARATORS = /[\s\u00a0!-/0-9:-@[-`{-~]+/;
const SEPARATORS_KEPT = /([\s\u00a0!-/0-9:-@[-`{-~]+)/;

interface LetterInfo {
  readonly base: string;
  readonly tone: boolean;
}

const LETTERS = new Map<string, LetterInfo>();
for (const letter of 'abcdefghijklmnopqrstuvwxyzđ') LETTERS.set(letter, { base: letter, tone: false });
for (const vowel of VOWELS) {
  for (let tone = 0; tone < TONES.length; tone += 1) LETTERS.set(toned(vowel, tone), { base: vowel, tone: tone > 0 });
}

const INITIAL = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?';
/** Vowel groups that end in a glide (i, o, u, y) take no final consonant ("mai", not "main"). */
const OPEN_NUCLEUS = [
  'oai', 'oao', 'oay', 'oeo', 'uây', 'uôi', 'uya', 'uyu', 'ươi', 'ươu', 'iêu', 'yêu',
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iu', 'oi', 'ôi', 'ơi', 'ua', 'ui', 'ưa', 'ưi', 'ưu',
].join('|');
const NUCLEUS = [
  'uyê', 'iê', 'yê', 'oa', 'oă', 'oe', 'uâ', 'uê', 'uô', 'uơ', 'uy', 'ươ',
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
].join('|');
const SYLLABLE = new RegExp(`^${INITIAL}(?:${OPEN_NUCLEUS}|(?:${NUCLEUS})(?:ch|ng|nh|c|m|n|p|t)?|oo(?:ng|c))$`);

/** A word with letters beyond ASCII is Vietnamese if it is one syllable, in one tone, in normal case. */
export function isVietnameseWord(word: string): boolean {
  const lower = word.toLowerCase();
  const upper = word.toUpperCase();
  const titled = word[0] === upper[0] && word.slice(1) === lower.slice(1);
  if (word !== lower && word !== upper && !titled) return false;
  let base = '';
  let tones = 0;
  for (const char of lower) {
    const info = LETTERS.get(char);
    if (!info) return false;
    base += info.base;
    if (info.tone) tones += 1;
  }
  return tones <= 1 && SYLLABLE.test(base);
}

const ASCII_ONLY = /^[\0-\x7f]*$/;

/**
 * Every word is plain ASCII (a name like "Ksor", a code), a Vietnamese syllable, or no letter at
 * all as Unicode: "·" in "Thôn 3 · Xã" is a middle dot there, though TCVN3 draws it as "ã", and
 * the text is Vietnamese as it stands.
 */
export function readsAsVietnamese(text: string): boolean {
  return text.split(SEPARATORS).every((word) => word === '' || ASCII_ONLY.test(word) || !LETTER.test(word) || isVietnameseWord(word));
}

const LETTER = /\p{L}/u;

const NON_ASCII = /[^\0-\x7f]/;
const BEYOND_LATIN1 = /[^\0-\xff]/;

/** LegacyTextConverter.lastSettled: whatever the column shows next. */
const FOR_EVER = -1;
const PLAIN_ASCII = 0;
const LATIN1_ONLY = 1;
const BEYOND = 2;

/**
 * ASCII only, Latin-1 with something beyond ASCII (legacy text may be), or something beyond
 * Latin-1 (Unicode): one look at each character, stopping at the first beyond Latin-1 (most
 * Vietnamese words have one in their first three letters).
 */
function charactersOf(text: string): number {
  let kind = PLAIN_ASCII;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code > 0xff) return BEYOND;
    if (code > 0x7f) kind = LATIN1_ONLY;
  }
  return kind;
}

/** Only Latin-1 text with something beyond ASCII can be legacy text. */
export function mayBeLegacy(text: string): boolean {
  return NON_ASCII.test(text) && !BEYOND_LATIN1.test(text);
}

export interface Decoded {
  readonly text: string;
  readonly encoding: LegacyEncoding;
}

function decodedWell(raw: string, decoded: string): boolean {
  if (decoded === raw || !readsAsVietnamese(decoded)) return false;
  // "2×3" would decode to "2ì3": a changed word must be longer than a lone letter.
  const rawWords = raw.split(SEPARATORS);
  return decoded.split(SEPARATORS).some((word, index) => word !== rawWords[index] && [...word].length >= 2);
}

/** What a Latin-1 text is in each reading: as it stands, and decoded (when that gives Vietnamese). */
interface Readings {
  readonly asIs: boolean;
  readonly TCVN3: string | undefined;
  readonly VNI: string | undefined;
}

/** Cells repeat the same few labels ("Có", "Hrê") thousands of times: each text is read once. */
const readingsCache = new Map<string, Readings>();
const READINGS_CACHE_SIZE = 20_000;

function readingsOf(text: string): Readings {
  let readings = readingsCache.get(text);
  if (readings) return readings;
  const tcvn3 = decodeTcvn3(text);
  const vni = decodeVni(text);
  readings = {
    asIs: readsAsVietnamese(text),
    TCVN3: decodedWell(text, tcvn3) ? tcvn3 : undefined,
    VNI: decodedWell(text, vni) ? vni : undefined,
  };
  if (readingsCache.size >= READINGS_CACHE_SIZE) readingsCache.clear();
  readingsCache.set(text, readings);
  return readings;
}

/**
 * The Unicode text of a legacy-encoded cell, or undefined when it is not one (or we cannot
 * tell). `known`: the encoding the cell's column has shown, which settles a text that decodes
 * well both ways, and converts one that also reads as Vietnamese as it stands (VNI "Hoà Thò
 * Hoa" is "Hồ Thị Hoa", though "Hoà" and "Thò" are words).
 */
export function decodeLegacy(text: string, known?: LegacyEncoding): Decoded | undefined {
  if (!mayBeLegacy(text)) return undefined;
  const readings = readingsOf(text);
  if (readings.asIs) return known && readings[known] !== undefined ? { text: readings[known], encoding: known } : undefined;
  if (readings.TCVN3 !== undefined && (readings.VNI === undefined || known === 'TCVN3')) return { text: readings.TCVN3, encoding: 'TCVN3' };
  if (readings.VNI !== undefined && (readings.TCVN3 === undefined || known === 'VNI')) return { text: readings.VNI, encoding: 'VNI' };
  return undefined;
}

/** Letters only Unicode Vietnamese has (ă đ ĩ ũ ơ ư, the tone-marked ones, combining tones). */
const UNICODE_VIETNAMESE = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9\u0300-\u0303\u0309\u0323]/;

// ---------------------------------------------------------------- per sheet

export interface LegacyColumnReport {
  readonly column: number;
  readonly encoding: LegacyEncoding;
  readonly firstRow: number;
  readonly cells: number;
}

interface ColumnState {
  /** Cells that are unmistakably in one encoding. */
  readonly evidence: Record<LegacyEncoding, number>;
  /** Cells in real Unicode Vietnamese: such a column is not taken for a legacy one. */
  unicode: number;
  readonly converted: Record<LegacyEncoding, number>;
  readonly firstRow: Record<LegacyEncoding, number>;
}

/**
 * Converts a sheet's legacy cells as its rows stream past, and remembers where, for one
 * warning per column. A column is taken to be in an encoding when its cells show that
 * encoding unmistakably, never the other, and no real Unicode Vietnamese (but its header): readers `observe`
 * the first rows before converting them, so that this does not depend on row order there.
 */
export class LegacyTextConverter {
  private readonly columns = new Map<number, ColumnState>();

  private state(column: number): ColumnState {
    let state = this.columns.get(column);
    if (!state) {
      state = { evidence: { TCVN3: 0, VNI: 0 }, unicode: 0, converted: { TCVN3: 0, VNI: 0 }, firstRow: { TCVN3: 0, VNI: 0 } };
      this.columns.set(column, state);
    }
    return state;
  }

  /** Looks at a cell without converting it (the rows read ahead). */
  observe(text: string, column: number): void {
    if (!NON_ASCII.test(text)) return;
    if (BEYOND_LATIN1.test(text)) {
      if (UNICODE_VIETNAMESE.test(text)) {
        this.state(column).unicode += 1;
        this.version += 1;
      }
      return;
    }
    const decoded = decodeLegacy(text);
    if (decoded) {
      this.state(column).evidence[decoded.encoding] += 1;
      this.version += 1;
    }
  }

  /**
   * The column's encoding, if it has shown one and only one, and no Unicode Vietnamese but for
   * one cell (its header, typed in Unicode above legacy data).
   */
  private encodingOf(state: ColumnState | undefined): LegacyEncoding | undefined {
    if (!state || state.unicode > 1) return undefined;
    const { TCVN3, VNI } = state.evidence;
    if (TCVN3 > state.unicode && VNI === 0) return 'TCVN3';
    if (VNI > state.unicode && TCVN3 === 0) return 'VNI';
    return undefined;
  }

  /**
   * Whether the text last given to `convert` would come back unchanged and count nothing if
   * given again in the same column: -1 for ever (ASCII, or text beyond Latin-1 whose Unicode
   * Vietnamese no longer counts: two such cells already rule the column out, see
   * `encodingOf`); a `version` for Latin-1 text left as it is, whose reading may change once
   * any column shows more (then the version moves on); undefined when it was converted.
   */
  lastSettled: number | undefined;
  /** Moves on whenever what a column has shown changes. */
  version = 0;


  /** Cheap for the usual cell: ASCII, or Unicode Vietnamese, fails the first test or the second. */
  convert(text: string, row: number, column: number, observed = false): string {
    const kind = charactersOf(text);
    this.lastSettled = FOR_EVER;
    if (kind === PLAIN_ASCII) return text;
    if (kind === BEYOND) {
      const state = this.columns.get(column);
      // Past two Unicode Vietnamese cells the count decides nothing more (`encodingOf`).
      if (state !== undefined && state.unicode > 1) return text;
      if (UNICODE_VIETNAMESE.test(text)) {
        const counted = state ?? this.state(column);
        if (!observed) {
          counted.unicode += 1;
          this.version += 1;
        }
        if (counted.unicode <= 1) this.lastSettled = undefined;
      }
      return text;
    }
    const known = this.encodingOf(this.columns.get(column));
    const decoded = decodeLegacy(text, known);
    if (!decoded) {
      this.lastSettled = this.version;
      return text;
    }
    this.lastSettled = undefined;
    this.version += 1;
    const state = this.state(column);
    if (!observed && decodeLegacy(text)?.encoding === decoded.encoding) state.evidence[decoded.encoding] += 1;
    if (state.converted[decoded.encoding] === 0) state.firstRow[decoded.encoding] = row;
    state.converted[decoded.encoding] += 1;
    return decoded.text;
  }

  reports(): LegacyColumnReport[] {
    const reports: LegacyColumnReport[] = [];
    for (const [column, state] of [...this.columns.entries()].sort((a, b) => a[0] - b[0])) {
      for (const encoding of ['TCVN3', 'VNI'] as const) {
        const cells = state.converted[encoding];
        if (cells > 0) reports.push({ column, encoding, firstRow: state.firstRow[encoding], cells });
      }
    }
    return reports;
  }
}

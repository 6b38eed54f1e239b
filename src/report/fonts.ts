/**
 * The bundled faces (Liberation Serif: metric-compatible with Times New Roman, full Vietnamese
 * coverage) and how wide a text prints in them. The DOCX is set in Times New Roman; Word and
 * LibreOffice (which substitutes Liberation Serif) lay it out with these same advance widths,
 * so a table column can be made wide enough for its longest word before any viewer sees it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FONTS_DIR = fileURLToPath(new URL('../../assets/fonts/', import.meta.url));

export type FaceStyle = 'regular' | 'bold' | 'italic';

export const FACE_FILES: Readonly<Record<FaceStyle, string>> = {
  regular: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
  italic: 'LiberationSerif-Italic.ttf',
};

export interface FontMetrics {
  /** Advance width of a code point in em (the missing glyph's for one the face lacks). */
  advance(codePoint: number): number;
}

/**
 * Advance widths from a TrueType file: `head` (units per em), `hhea` and `hmtx` (advances),
 * `cmap` (Unicode BMP, format 4). Nothing else of the file is needed for widths.
 */
export function readFontMetrics(bytes: Uint8Array): FontMetrics {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = new Map<string, number>();
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16;
    const tag = String.fromCharCode(...bytes.subarray(record, record + 4));
    tables.set(tag, view.getUint32(record + 8));
  }
  const table = (tag: string): number => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`font file without a ${tag} table`);
    return offset;
  };
  const unitsPerEm = view.getUint16(table('head') + 18);
  const metricCount = view.getUint16(table('hhea') + 34);
  const hmtx = table('hmtx');
  // Glyphs past the last long metric share its advance (monospaced tails).
  const glyphAdvance = (glyph: number): number => view.getUint16(hmtx + 4 * Math.min(glyph, metricCount - 1)) / unitsPerEm;

  const cmap = table('cmap');
  let format4: number | undefined;
  for (let i = 0; i < view.getUint16(cmap + 2); i++) {
    const record = cmap + 4 + i * 8;
    const platform = view.getUint16(record);
    const encoding = view.getUint16(record + 2);
    const subtable = cmap + view.getUint32(record + 4);
    if (((platform === 3 && encoding === 1) || platform === 0) && view.getUint16(subtable) === 4) format4 = subtable;
  }
  if (format4 === undefined) throw new Error('font file without a Unicode BMP cmap');
  const segments = view.getUint16(format4 + 6) / 2;
  const ends = format4 + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;

  const glyphOf = (codePoint: number): number => {
    for (let s = 0; s < segments; s++) {
      if (codePoint > view.getUint16(ends + 2 * s)) continue;
      const start = view.getUint16(starts + 2 * s);
      if (codePoint < start) return 0;
      const delta = view.getUint16(deltas + 2 * s);
      const rangeOffsetAt = rangeOffsets + 2 * s;
      const rangeOffset = view.getUint16(rangeOffsetAt);
      if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
      const glyph = view.getUint16(rangeOffsetAt + rangeOffset + 2 * (codePoint - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
  const cache = new Map<number, number>();
  return {
    advance(codePoint) {
      let width = cache.get(codePoint);
      if (width === undefined) {
        width = glyphAdvance(codePoint > 0xffff ? 0 : glyphOf(codePoint));
        cache.set(codePoint, width);
      }
      return width;
    },
  };
}

const loaded = new Map<FaceStyle, FontMetrics>();

/** The metrics of a bundled face, read once. */
export function faceMetrics(style: FaceStyle): FontMetrics {
  let metrics = loaded.get(style);
  if (!metrics) {
    metrics = readFontMetrics(readFileSync(`${FONTS_DIR}${FACE_FILES[style]}`));
    loaded.set(style, metrics);
  }
  return metrics;
}

/**
 * The letters Liberation Serif 1.x lacks: ơ, ư and every letter with a tone mark (Latin
 * Extended-B and Additional). 1.x is still what Debian's fonts-liberation installs, and
 * LibreOffice then draws these letters from a fallback face, DejaVu Serif here, which is
 * wider: up to 1.39 times in regular and italic, 1.44 in bold (measured over all 94 letters).
 */
const FALLBACK_WIDER: Readonly<Record<FaceStyle, number>> = { regular: 1.39, bold: 1.44, italic: 1.39 };
const fromFallback = (codePoint: number): boolean => (codePoint >= 0x180 && codePoint <= 0x24f) || (codePoint >= 0x1e00 && codePoint <= 0x1eff);

/**
 * How wide `text` prints, in points, at `sizePoints` in the bundled face of `style` (no
 * kerning: Word sets none by default), counting the letters a viewer may take from a wider
 * fallback face at that width: a width to lay out by, never too narrow.
 */
export function textWidth(text: string, sizePoints: number, style: FaceStyle = 'regular'): number {
  const metrics = faceMetrics(style);
  let em = 0;
  for (const char of text.normalize('NFC')) {
    const codePoint = char.codePointAt(0)!;
    em += metrics.advance(codePoint) * (fromFallback(codePoint) ? FALLBACK_WIDER[style] : 1);
  }
  return em * sizePoints;
}

/** The words of a text as a line breaker sees them: split at spaces (Word and LibreOffice also break after a hyphen; ours keep it whole, the safe side). */
export function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter((word) => word.length > 0);
}

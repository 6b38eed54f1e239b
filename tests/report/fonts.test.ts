import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FACE_FILES, FONTS_DIR, faceMetrics, readFontMetrics, textWidth, wordsOf } from '../../src/report/fonts.js';

describe('text widths from the bundled faces', () => {
  it('reads the advance widths of Times (the faces are metric-compatible with Times New Roman)', () => {
    // Adobe's Times AFM, in 1/1000 em: space 250, "a" 444, "M" 889; bold "M" 944; italic "M" 833.
    const regular = faceMetrics('regular');
    expect(regular.advance(0x20)).toBeCloseTo(0.25, 3);
    expect(regular.advance(0x61)).toBeCloseTo(0.444, 3);
    expect(regular.advance(0x4d)).toBeCloseTo(0.889, 3);
    expect(faceMetrics('bold').advance(0x4d)).toBeCloseTo(0.944, 3);
    expect(faceMetrics('italic').advance(0x4d)).toBeCloseTo(0.833, 3);
  });

  it('maps Vietnamese letters through the cmap, and a letter the face lacks to the missing glyph', () => {
    const bytes = readFileSync(`${FONTS_DIR}${FACE_FILES.regular}`);
    const metrics = readFontMetrics(bytes);
    // "ờ" (U+1EDD) is its own glyph, a little wider than "o" (the horn).
    expect(metrics.advance(0x1edd)).toBeGreaterThan(metrics.advance(0x6f));
    expect(metrics.advance(0x1edd)).toBeLessThan(0.6);
    // A CJK ideograph is not in the face: the .notdef box.
    expect(metrics.advance(0x4e00)).toBe(metrics.advance(0x10000));
  });

  it('measures text in points, the same in NFC and NFD, letters with tone marks counted as a fallback face draws them', () => {
    // "Nam" = N 722 + a 444 + m 778 (1/1000 em), at 10 pt.
    expect(textWidth('Nam', 10)).toBeCloseTo(19.44, 2);
    expect(textWidth('Trường'.normalize('NFD'), 10, 'bold')).toBe(textWidth('Trường', 10, 'bold'));
    // ư and ờ (Latin Extended-B and Additional) are counted 1.44× in bold; T, r, n, g as they are.
    const bold = faceMetrics('bold');
    const plain = [0x54, 0x72, 0x6e, 0x67].reduce((sum, c) => sum + bold.advance(c), 0);
    expect(textWidth('Trường', 10, 'bold')).toBeCloseTo((plain + 1.44 * (bold.advance(0x1b0) + bold.advance(0x1edd))) * 10, 6);
  });

  it('splits words where a line may break', () => {
    expect(wordsOf(' Tỷ suất /100.000\ntrẻ em ')).toEqual(['Tỷ', 'suất', '/100.000', 'trẻ', 'em']);
    expect(wordsOf('')).toEqual([]);
  });
});

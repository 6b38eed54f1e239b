/**
 * Numbers as a person reads them: grouped the Vietnamese way ("1.234,5") or the English way
 * ("1,234.5"). Written by hand rather than with Intl so that the output never depends on the
 * ICU data of the machine that runs it. Documents (src/report/format-vi.ts) and messages
 * (src/messages/) both format through here.
 */

/** Shown for a figure that does not exist (denominator 0, no data). */
export const DASH = '–';

/** Rounds half away from zero at `decimals` places, without the 1.005 → 1.00 float trap. */
export function roundTo(value: number, decimals: number): number {
  const sign = value < 0 ? -1 : 1;
  const shifted = Math.round(Number(`${Math.abs(value)}e${decimals}`));
  return sign * Number(`${shifted}e-${decimals}`);
}

/** 1234567.891 → "1.234.568" (decimals 0) or "1.234.567,9" (decimals 1); null → "–". */
export function formatNumber(value: number | null | undefined, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  const rounded = roundTo(value, decimals);
  const negative = rounded < 0;
  const [whole = '0', fraction] = Math.abs(rounded).toFixed(decimals).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}${grouped}${fraction ? `,${fraction}` : ''}`;
}

/** A number for a person reading in `lang`: "1.234,5" in Vietnamese, "1,234.5" in English. */
export function formatNumberIn(value: number | null | undefined, lang: 'vi' | 'en', decimals = 0): string {
  const text = formatNumber(value, decimals);
  return lang === 'en' ? text.replace(/[.,]/g, (mark) => (mark === '.' ? ',' : '.')) : text;
}


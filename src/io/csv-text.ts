/**
 * CSV as Excel on a Vietnamese Windows PC opens it: UTF-8 with a byte-order mark (without it
 * Excel reads the bytes as Windows-1258 and the diacritics break), comma-separated, CRLF.
 */

/** A CSV field, quoted when it holds a separator, a quote or a line break. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",;\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole text of a CSV file: the byte-order mark, then one CRLF-ended line per row. */
export function csvText(rows: readonly (readonly (string | number)[])[]): string {
  return `\ufeff${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

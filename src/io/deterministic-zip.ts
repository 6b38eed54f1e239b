import JSZip from 'jszip';

/**
 * Rewrites a zip container (xlsx, docx) so that the same content always gives the same bytes:
 * every entry gets one fixed date, entries come in a fixed order, and no folder entries,
 * permissions or comments are kept. Zip writers stamp the current time into each entry
 * (JSZip, which exceljs and docx use, does); this takes it out.
 *
 * The content of the entries is not touched: anything time-dependent inside them (exceljs's
 * docProps/core.xml) must be fixed by the writer.
 */

/** 1980-01-01T00:00:00Z: the earliest date a zip entry can hold, and the usual reproducible-build choice. */
export const ZIP_EPOCH = new Date(Date.UTC(1980, 0, 1));

export interface NormaliseZipOptions {
  /** Date stamped on every entry (read as UTC). */
  readonly date?: Date;
  /** Deflate level 1–9 (default 6, as exceljs and docx use). */
  readonly level?: number;
}

/**
 * Office readers expect [Content_Types].xml first; the rest is sorted by name (code-point order)
 * so that the order does not depend on how the writer happened to add them.
 */
function entryOrder(a: string, b: string): number {
  const first = '[Content_Types].xml';
  if (a === first) return b === first ? 0 : -1;
  if (b === first) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

export async function normaliseZip(input: Uint8Array, options: NormaliseZipOptions = {}): Promise<Buffer> {
  const date = options.date ?? ZIP_EPOCH;
  const source = await JSZip.loadAsync(input);
  const names = Object.keys(source.files)
    .filter((name) => !source.files[name]!.dir)
    .sort(entryOrder);
  const output = new JSZip();
  for (const name of names) {
    const content = await source.files[name]!.async('uint8array');
    output.file(name, content, { date, binary: true, createFolders: false });
  }
  return output.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: options.level ?? 6 },
    platform: 'DOS',
  });
}

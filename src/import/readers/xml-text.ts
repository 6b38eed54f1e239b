import { StringDecoder } from 'node:string_decoder';

/**
 * Streaming fixes applied to a workbook's XML before exceljs's parser sees it. They keep the
 * common case cheap: a chunk without the markers of interest passes through after a scan.
 */

type Chunk = string | Uint8Array;

/**
 * exceljs decodes every chunk of a zip entry on its own, so a UTF-8 letter split between two
 * chunks becomes "\uFFFD" ("Trương" read as "Tr��ơng": about one name in 10,000 in a large file).
 * Decoding here, with a decoder that carries a split letter over, hands exceljs whole strings.
 */
export async function* decodeUtf8(chunks: AsyncIterable<Chunk>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    if (text !== '') yield text;
  }
  const rest = decoder.end();
  if (rest !== '') yield rest;
}

/** The most text held back waiting for an element's end (a cell holds at most 32,767 characters). */
const MAX_PENDING = 4 * 1024 * 1024;

/**
 * Streams XML text through `fix`, cut only after a closing tag (`</c>` for cells, `</si>` for
 * shared strings), so that `fix` always sees whole elements whatever the chunk boundaries; and
 * only text holding one of `markers` is fixed. Other text is passed on as it came, in pieces,
 * never copied: this runs over every byte of every sheet.
 */
export class ElementFixer {
  private pending = '';
  private readonly longestMarker: number;

  constructor(
    private readonly closingTag: string,
    private readonly markers: readonly string[],
    private readonly fix: (text: string) => string,
  ) {
    this.longestMarker = Math.max(...markers.map((marker) => marker.length));
  }

  /** The text ready to go on, in order (pieces may be empty). */
  push(text: string): string[] {
    const cut = text.lastIndexOf(this.closingTag);
    if (cut < 0) {
      const pending = this.pending + text;
      if (pending.length > MAX_PENDING) {
        // Not anything a real file holds: pass it on untouched rather than buffer without end.
        this.pending = '';
        return [pending];
      }
      this.pending = pending;
      return [];
    }
    const end = cut + this.closingTag.length;
    const head = text.slice(0, end);
    const pending = this.pending;
    this.pending = text.slice(end);
    return this.marked(pending, head) ? [this.fix(pending + head)] : [pending, head];
  }

  end(): string {
    const rest = this.pending;
    this.pending = '';
    return this.marked(rest, '') ? this.fix(rest) : rest;
  }

  private marked(before: string, text: string): boolean {
    const seam = before.slice(-this.longestMarker) + text.slice(0, this.longestMarker);
    return this.markers.some((marker) => text.includes(marker) || before.includes(marker) || seam.includes(marker));
  }
}

export async function* fixElements(chunks: AsyncIterable<string>, fixer: ElementFixer): AsyncGenerator<string> {
  for await (const chunk of chunks) {
    for (const text of fixer.push(chunk)) if (text !== '') yield text;
  }
  const rest = fixer.end();
  if (rest !== '') yield rest;
}

/** What `fixCells` looks for: inline strings and cells of type "e". */
export const CELL_MARKERS = ['<is', 't="e"', "t='e'"] as const;
/** What `fixSharedStrings` looks for. */
export const SHARED_STRING_MARKERS = ['<rPh'] as const;

const INLINE_STRING = /<is(?:\s[^>]*)?>[\s\S]*?<\/is>/g;
/** A cell of type "e" (its cached value is an error such as #N/A) that also has a formula. */
const ERROR_CELL = /<c\s[^>]*?\bt=["']e["'][^>]*?(?<!\/)>[\s\S]*?<\/c>/g;
const FORMULA = /<f\b[^>]*\/>|<f\b[^>]*>[\s\S]*?<\/f>/g;

/**
 * Fixes for a worksheet's cells, each only where its marker occurs (one scan of the text):
 * rich-text inline strings (see `mergeInlineString`), and formulas whose cached value is an
 * error, which exceljs reads as a formula without a value: without the formula, it reads the
 * error, and the warning says the cell holds an error (#N/A…), not that it was never calculated.
 */
export function fixCells(text: string): string {
  return text.replace(INLINE_STRING, mergeInlineString).replace(ERROR_CELL, (cell) => cell.replace(FORMULA, ''));
}

/** Phonetic guides in shared strings would replace the text they annotate: dropped. */
export function fixSharedStrings(text: string): string {
  return text.replace(PHONETIC_RUN, '');
}

const PHONETIC_RUN = /<rPh\b[^>]*\/>|<rPh\b[\s\S]*?<\/rPh>/g;
const TEXT = /<t(?:\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/t>)/g;
const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g;
const COMMENT = /<!--[\s\S]*?-->/g;

/**
 * exceljs's streaming reader keeps only the last run of a rich-text inline string:
 * `<is><r><t>05</t></r><r><t>578</t></r></is>` reads "578". This joins the runs' text into a
 * single `<t>`, without the phonetic guides (`<rPh>`) that are not part of the value. Text is
 * joined as written (entities stay escaped), so the parser decodes it exactly once, as before.
 */
export function mergeInlineString(element: string): string {
  if (element.indexOf('<r', 3) < 0) return element;
  const bodyStart = element.indexOf('>') + 1;
  const bodyEnd = element.lastIndexOf('</is>');
  if (bodyEnd < bodyStart) return element;
  const body = element.slice(bodyStart, bodyEnd).replace(COMMENT, '').replace(PHONETIC_RUN, '');
  let text = '';
  for (const match of body.matchAll(TEXT)) {
    text += (match[1] ?? '').replace(CDATA, (_all, raw: string) => escapeXml(raw));
  }
  return `<is><t xml:space="preserve">${text}</t></is>`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

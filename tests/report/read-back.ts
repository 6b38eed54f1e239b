/** Reading produced DOCX files back for tests. */
import JSZip from 'jszip';

export async function zipEntries(buffer: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(buffer);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) {
    if (!zip.files[name]!.dir && /\.(xml|rels)$/.test(name)) out[name] = await zip.files[name]!.async('string');
  }
  return out;
}

/** The text of each paragraph of a WordprocessingML part, in order. */
export function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) =>
    [...match[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((t) => t[1]!)
      .join('')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"'),
  );
}

/** The paragraph XML whose text equals `text`. */
export function paragraphXml(xml: string, text: string): string | undefined {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((p) => paragraphs(p)[0] === text);
}

/** The rows of every table of a WordprocessingML part: the text of each cell. */
export function tableRows(xml: string): string[][] {
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
    [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => paragraphs(cell[0]).join('\n')),
  );
}

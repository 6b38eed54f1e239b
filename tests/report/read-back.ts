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

export interface CellBox {
  readonly text: string;
  /** tcW, twips. */
  readonly width: number;
  readonly margins: { readonly top: number; readonly bottom: number; readonly left: number; readonly right: number };
  /** Of the cell's first run: half-points, bold, italic. */
  readonly size: number;
  readonly bold: boolean;
  readonly italic: boolean;
}

export interface RowBox {
  /** Repeated on every page (w:tblHeader). */
  readonly header: boolean;
  readonly cells: CellBox[];
}

const twipsOf = (xml: string, element: string): number => Number(new RegExp(`<w:${element} w:type="dxa" w:w="(\\d+)"/>`).exec(xml)?.[1] ?? NaN);

/** Every table of a WordprocessingML part with its rows' cells as laid out: widths, margins, type. */
export function tableBoxes(xml: string): { readonly grid: number[]; readonly rows: RowBox[] }[] {
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((table) => ({
    grid: [...table[0].matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1])),
    rows: [...table[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) => ({
      header: row[0].includes('<w:tblHeader/>'),
      cells: [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => {
        const margins = /<w:tcMar>[\s\S]*?<\/w:tcMar>/.exec(cell[0])?.[0] ?? '';
        const run = /<w:rPr>[\s\S]*?<\/w:rPr>/.exec(cell[0])?.[0] ?? '';
        return {
          text: paragraphs(cell[0]).join('\n'),
          width: twipsOf(cell[0], 'tcW'),
          margins: { top: twipsOf(margins, 'top'), bottom: twipsOf(margins, 'bottom'), left: twipsOf(margins, 'left'), right: twipsOf(margins, 'right') },
          size: Number(/<w:sz w:val="(\d+)"\/>/.exec(run)?.[1] ?? NaN),
          bold: run.includes('<w:b/>'),
          italic: run.includes('<w:i/>'),
        };
      }),
    })),
  }));
}

/**
 * docx writes the time of the run into docProps/core.xml (dcterms:created, dcterms:modified)
 * and offers no option to set it. The report's own date goes there instead, so that the same
 * inputs give the same bytes; the zip itself is then normalised by io/deterministic-zip.
 */
import JSZip from 'jszip';
import { normaliseZip } from '../../io/deterministic-zip.js';

const CORE = 'docProps/core.xml';

/** `date` is an ISO calendar date; the stamp is its midnight UTC. */
export async function stampCoreDates(input: Uint8Array, date: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(input);
  const core = zip.file(CORE);
  if (core) {
    const stamp = `${date}T00:00:00Z`;
    const xml = (await core.async('string')).replace(
      /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g,
      (_match, open: string, _name: string, close: string) => `${open}${stamp}${close}`,
    );
    zip.file(CORE, xml);
  }
  return normaliseZip(await zip.generateAsync({ type: 'uint8array' }));
}

import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ZIP_EPOCH, normaliseZip } from '../../src/io/deterministic-zip.js';

async function zipOf(entries: readonly [string, string][], date: Date): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of entries) zip.file(name, content, { date });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const ENTRIES: [string, string][] = [
  ['xl/workbook.xml', '<workbook/>'],
  ['[Content_Types].xml', '<Types/>'],
  ['_rels/.rels', '<Relationships/>'],
  ['docProps/core.xml', '<cp:coreProperties>Sơn Hà</cp:coreProperties>'],
];

describe('normaliseZip', () => {
  it('gives the same bytes whatever the entry dates and order of the input', async () => {
    const a = await zipOf(ENTRIES, new Date(Date.UTC(2024, 5, 1, 10, 30)));
    const b = await zipOf([...ENTRIES].reverse(), new Date(Date.UTC(2026, 0, 2, 23, 59)));
    expect(a.equals(b)).toBe(false);
    const normalisedA = await normaliseZip(a);
    const normalisedB = await normaliseZip(b);
    expect(normalisedA.equals(normalisedB)).toBe(true);
    // Idempotent.
    expect((await normaliseZip(normalisedA)).equals(normalisedA)).toBe(true);
  });

  it('keeps the content, puts [Content_Types].xml first, drops folder entries and stamps one date', async () => {
    const source = await zipOf(ENTRIES, new Date());
    const zip = await JSZip.loadAsync(await normaliseZip(source));
    const names = Object.keys(zip.files);
    expect(names).toEqual(['[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'xl/workbook.xml']);
    for (const [name, content] of ENTRIES) expect(await zip.files[name]!.async('string')).toBe(content);
    for (const name of names) expect(zip.files[name]!.date.getTime()).toBe(ZIP_EPOCH.getTime());
  });

  it('changes with the content', async () => {
    const a = await normaliseZip(await zipOf(ENTRIES, new Date()));
    const b = await normaliseZip(await zipOf([...ENTRIES, ['xl/extra.xml', 'x']], new Date()));
    expect(a.equals(b)).toBe(false);
  });
});

/**
 * The page's fixed texts come from the message catalogue (src/messages/page.ts): the page asks
 * for them once (GET /texts.json, both languages, so its language switch needs no request), and
 * index.html is sent with the Vietnamese ones already written in, so nothing shows a key or an
 * empty label before the script runs.
 *
 *   GET /texts.json            { vi: { key: text }, en: { key: text } }
 *   GET /, /index.html         the page, its "{{key}}" places filled
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { type Lang, registeredEntries } from '../messages/index.js';

const PAGE = 'page.';

export type PageTexts = Record<Lang, Record<string, string>>;

/** Every entry of the page's catalogue, by its page key ("nav.data"), in both languages. */
export function pageTexts(): PageTexts {
  const texts: PageTexts = { vi: {}, en: {} };
  for (const { id, entry } of registeredEntries()) {
    if (!id.startsWith(PAGE)) continue;
    const key = id.slice(PAGE.length);
    for (const lang of ['vi', 'en'] as const) {
      const rendering = entry[lang];
      // The page fills its own "{name}" places: its entries are plain strings.
      if (typeof rendering !== 'string') throw new Error(`Page text ${id} must be a plain string`);
      texts[lang][key] = rendering;
    }
  }
  return texts;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The page with every "{{key}}" replaced by its text in `lang`; an unknown key is an error (tests find it). */
export function filledPage(template: string, texts: Record<string, string>): string {
  return template.replace(/\{\{([\w.]+)\}\}/g, (_whole, key: string) => {
    const found = texts[key];
    if (found === undefined) throw new Error(`index.html names the page text "${key}", which is not in src/messages/page.ts`);
    return escapeHtml(found);
  });
}

export function registerTexts(app: FastifyInstance, publicDir: string): void {
  const texts = pageTexts();
  const page = filledPage(readFileSync(join(publicDir, 'index.html'), 'utf8'), texts.vi);
  app.get('/texts.json', async () => texts);
  const sendPage = async (_request: unknown, reply: FastifyReply) => reply.type('text/html; charset=utf-8').send(page);
  app.get('/', sendPage);
  app.get('/index.html', sendPage);
}

/**
 * The page's fixed texts come from the message catalogue (src/messages/page.ts): every key the
 * page names (t('…') in app.js and charts.js, {{…}} and data-i18n in index.html) is an entry,
 * every entry is used, and in a browser no key and no unfilled "{name}" is ever shown, in
 * either language.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../src/messages/index.js';
import { filledPage, pageTexts } from '../../src/server/texts.js';
import { CHROMIUM, openPageSession, type PageSession } from '../helpers/browser.js';

const PUBLIC = join(import.meta.dirname, '../../src/server/public');
const script = ['app.js', 'charts.js'].map((name) => readFileSync(join(PUBLIC, name), 'utf8')).join('\n');
const html = readFileSync(join(PUBLIC, 'index.html'), 'utf8');
const texts = pageTexts();

/** Keys the page builds from a value: `t(\`data.origin.${origin}\`)` for the profile origins it lists. */
const BUILT_KEYS = [
  ...['bundled', 'local', 'given', 'uploaded', 'made'].map((origin) => `data.origin.${origin}`),
  // The word of a count beside a rate, by the indicator's unit of count (indicators/*.yaml).
  ...['children', 'cases', 'communes', 'villages', 'amount'].flatMap((unit) => [`count.${unit}`, `count.${unit}.one`]),
];

function keysNamed(): Set<string> {
  const named = new Set<string>(BUILT_KEYS);
  for (const match of script.matchAll(/\bt\(\s*'([\w.]+)'/g)) named.add(match[1]!);
  // A progress line: working('compute-status', 'working.compute', …).
  for (const match of script.matchAll(/\bworking\(\s*'[\w-]+',\s*'([\w.]+)'/g)) named.add(match[1]!);
  // A choice between two keys: t(flag ? 'a' : 'b', …).
  for (const match of script.matchAll(/\bt\(\s*[\w.?]+\s*\?\s*'([\w.]+)'\s*:\s*'([\w.]+)'/g)) named.add(match[1]!).add(match[2]!);
  for (const match of html.matchAll(/\{\{([\w.]+)\}\}|data-i18n(?:-label)?="([\w.]+)"/g)) named.add((match[1] ?? match[2])!);
  return named;
}

describe('the page texts in the catalogue', () => {
  it('has every key the page names, in both languages', () => {
    const named = [...keysNamed()];
    expect(named.length).toBeGreaterThan(150);
    expect(named.filter((key) => texts.vi[key] === undefined || texts.en[key] === undefined)).toEqual([]);
  });

  it('has no entry the page never names', () => {
    const named = keysNamed();
    expect(Object.keys(texts.vi).filter((key) => !named.has(key))).toEqual([]);
  });

  it('gives each text the same {places} in both languages', () => {
    const places = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    const differ = Object.keys(texts.vi).filter((key) => JSON.stringify(places(texts.vi[key]!)) !== JSON.stringify(places(texts.en[key]!)));
    expect(differ).toEqual([]);
  });

  it('writes the Vietnamese texts into index.html, escaped, and refuses an unknown key', () => {
    const page = filledPage(html, texts.vi);
    expect(page).toContain('<span data-i18n="title">Chỉ tiêu thống kê trẻ em</span>');
    expect(page).not.toMatch(/\{\{/);
    // 'Tải tệp lỗi (XLSX)' holds no markup; a text with quotes is escaped inside an attribute.
    expect(filledPage('<a title="{{x}}">', { x: 'a "b" <c>' })).toBe('<a title="a &quot;b&quot; &lt;c&gt;">');
    expect(() => filledPage('{{nope.nope}}', texts.vi)).toThrow(/nope\.nope/);
  });
});

let session: PageSession;
let page: Page;

/** Text on screen that is a page key (shown when its entry is missing) or a place left unfilled. */
async function leftovers(): Promise<string[]> {
  const shown = await page.locator('body').innerText();
  // Keys without a dot ("title", "clear") are words of their own; an element showing its own key catches those.
  const own = await page.locator('[data-i18n]').evaluateAll((nodes) => nodes.filter((node) => node.textContent === node.getAttribute('data-i18n')).map((node) => node.textContent ?? ''));
  const keys = [...keysNamed()].filter((key) => key.includes('.') && new RegExp(`(^|[^\\w.])${key.replace(/\./g, '\\.')}($|[^\\w.])`).test(shown));
  const places = [...shown.matchAll(/\{\w+\}/g)].map((match) => match[0]);
  const labels = await page.locator('[aria-label]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label') ?? ''));
  return [...own, ...keys, ...places, ...labels.filter((label) => /\{\w+\}|^[a-z]+\.[a-zA-Z.]+$/.test(label))];
}

describe.skipIf(!existsSync(CHROMIUM))('the page in a browser shows no key without its text', () => {
  beforeAll(async () => {
    session = await openPageSession();
    page = await session.openTab();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('from the first paint to an explained figure, in Vietnamese then in English', async () => {
    expect(await page.title()).toBe('chitieu — Chỉ tiêu thống kê trẻ em');
    expect(await leftovers()).toEqual([]);
    await page.getByRole('button', { name: 'Dùng dữ liệu mẫu (tỉnh Quảng Ngãi, 2026)' }).click();
    await page.locator('#data-totals').waitFor();
    await expect.poll(() => page.getByLabel('Đơn vị', { exact: true }).inputValue()).toBe('51');
    await page.getByRole('button', { name: 'Tính chỉ tiêu' }).click();
    await page.locator('#figures tbody tr').first().waitFor();
    await page.locator('#figures button.figure').first().click();
    await page.locator('#explain h3').first().waitFor();
    await page.locator('#charts figure').first().waitFor();
    expect(await leftovers()).toEqual([]);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expect(page.getByRole('button', { name: 'Compute' }).count()).resolves.toBe(1);
    await page.locator('#charts figure').first().waitFor();
    expect(await page.locator('#charts h3').innerText()).toBe('Charts (as in the report)');
    expect(await leftovers()).toEqual([]);
    await page.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();
  });
});

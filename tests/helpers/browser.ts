import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startServer, type RunningServer, type ServeOptions } from '../../src/server/start.js';

/** Debian's chromium: the browser tests never download one, and are skipped without it. */
export const CHROMIUM = '/usr/bin/chromium';

/** A headless chromium with a fresh profile folder: no cache, no cookies, no extensions, no network of its own. */
export function launchBrowser(profileDir: string, viewport: { width: number; height: number }): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport,
    acceptDownloads: true,
  });
}

/** A `chitieu serve` and a fresh browser on it, at 1366×768, with one tab (or more) open on the page. */
export interface PageSession {
  readonly server: RunningServer;
  readonly context: BrowserContext;
  /** A new tab on the page (each tab has its own workspace on the server). */
  openTab(): Promise<Page>;
  close(): Promise<void>;
}

export async function openPageSession(options: ServeOptions = {}): Promise<PageSession> {
  const profile = mkdtempSync(join(tmpdir(), 'chitieu-chromium-'));
  const server = await startServer(options);
  const context = await launchBrowser(profile, { width: 1366, height: 768 });
  return {
    server,
    context,
    async openTab() {
      const page = await context.newPage();
      await page.goto(server.url);
      return page;
    },
    async close() {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The two window sizes the page is looked at in (#18): a common laptop and a small screen. */
export const WINDOW_SIZES = [
  [1366, 768],
  [1280, 720],
] as const;

/** A screenshot of the page at each window size, `DIR/NAME-WIDTH.png`; the page is left at the first size. */
export async function screenshotBoth(page: Page, dir: string, name: string): Promise<void> {
  for (const [width, height] of WINDOW_SIZES) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: join(dir, `${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: WINDOW_SIZES[0][0], height: WINDOW_SIZES[0][1] });
}

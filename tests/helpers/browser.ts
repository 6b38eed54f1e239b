import { chromium, type BrowserContext } from 'playwright-core';

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

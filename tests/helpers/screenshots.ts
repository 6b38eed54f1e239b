import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

/** The two laptop screens the page is checked on (#18). */
export const SCREENS = [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
] as const;

/**
 * Screenshots of each step at both screen sizes, to look at (CHITIEU_SHOTS=folder keeps them
 * there; by default under the system's temp folder), with the step's subject scrolled into view.
 * The viewport is put back afterwards.
 */
export function screenshots(group: string): (page: Page, step: string, subject?: Locator) => Promise<void> {
  const folder = join(process.env['CHITIEU_SHOTS'] ?? join(tmpdir(), 'chitieu-shots'), group);
  mkdirSync(folder, { recursive: true });
  let n = 0;
  return async (page, step, subject) => {
    n += 1;
    const before = page.viewportSize();
    for (const screen of SCREENS) {
      await page.setViewportSize(screen);
      // The step's subject at the top of the screen, below the page's sticky header.
      if (subject) {
        await subject.evaluate((node) => node.scrollIntoView({ block: 'start' }));
        await page.evaluate("window.scrollBy(0, -((document.querySelector('header')?.getBoundingClientRect().height ?? 0) + 8))");
      }
      await page.screenshot({ path: join(folder, `${String(n).padStart(2, '0')}-${step}-${screen.width}x${screen.height}.png`) });
    }
    if (before) await page.setViewportSize(before);
  };
}

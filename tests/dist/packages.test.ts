/**
 * The builds an official downloads (`npm run dist`, packaging/build.ts), unpacked into a folder
 * whose path has spaces and Vietnamese letters, as `C:\Users\Cán bộ\Báo cáo 6 tháng\` does:
 *
 *   - both run the demo, and every DOCX and XLSX equals, byte for byte, what the demo of this
 *     tree writes on Linux (`node bin/chitieu.js demo`): the same inputs give the same reports on
 *     an official's PC as here;
 *   - chitieu.exe, under Debian's wine64, expands `sample-data\*.xlsx` itself (cmd.exe does not),
 *     and its page, driven from Linux chromium, makes a report.
 *
 * Skipped, with the reason, when dist/ has no build (`npm run dist` makes them; .ci/run does), or
 * one older than the compiled tree (except in .ci/run), or when wine64 is not installed (.ci/run
 * installs it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAnnex } from '../../src/import/annex.js';
import { CHROMIUM, launchBrowser } from '../helpers/browser.js';
import {
  LINUX_TARBALL,
  ROOT,
  TOP,
  VERSION,
  WINDOWS_ZIP,
  WINE,
  buildToTry,
  filesUnder,
  runToFiles,
  sizeOf,
  staleFiles,
  stopWine,
  unzipInto,
  untarInto,
  wineEnv,
} from '../helpers/packages.js';
import { paragraphs, zipEntries } from '../report/read-back.js';

const work = mkdtempSync(join(tmpdir(), 'chitieu-dist-test-'));
/** Where an official keeps the program and the data: spaces and Vietnamese letters. */
const official = join(work, 'Cán bộ', 'Báo cáo 6 tháng');
const reference = join(work, 'linux-demo');
const sampleWorkbooks = readdirSync(join(ROOT, 'sample-data')).filter((name) => name.endsWith('.xlsx'));
/** What "Dùng dữ liệu mẫu" reads: today's sample, the 2026 set. */
const todaysSampleWorkbooks = readdirSync(join(ROOT, 'sample-data', 'quang-ngai-2026')).filter((name) => name.endsWith('.xlsx'));

const tryWindows = buildToTry(WINDOWS_ZIP);
const tryLinux = buildToTry(LINUX_TARBALL);

if (!existsSync(WINDOWS_ZIP) && !existsSync(LINUX_TARBALL)) console.warn(`tests/dist skipped: no build in dist/ (run "npm run dist" first: ${TOP}-*.zip/.tar.gz)`);
else if (!WINE) console.warn('tests/dist: the Windows zip is not tried: wine64 is not installed (apt-get install wine64)');

let referenceReady: Promise<void> | undefined;

/** The demo of this tree on Linux, run once for both builds. */
function linuxDemo(): Promise<void> {
  referenceReady ??= runToFiles(process.execPath, [join(ROOT, 'bin', 'chitieu.js'), 'demo', '--out', reference], ROOT, process.env, join(work, 'logs-linux-demo')).then((run) => {
    if (run.code !== 0) throw new Error(`the Linux demo failed (${run.code}): ${run.stderr}`);
  });
  return referenceReady;
}

/** Every report file of a demo run equals the Linux demo's, and there are the same files. */
function expectSameReports(folder: string): void {
  const reports = (root: string) => filesUnder(root).filter((file) => /\.(docx|xlsx)$/.test(file));
  const expected = reports(reference);
  expect(expected.length).toBeGreaterThan(2);
  expect(reports(folder)).toEqual(expected);
  const differing = expected.filter((file) => !readFileSync(join(folder, file)).equals(readFileSync(join(reference, file))));
  expect(differing).toEqual([]);
}

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(!tryLinux)('the linux-x64 tarball', () => {
  const app = join(official, 'linux', TOP);

  beforeAll(async () => {
    untarInto(LINUX_TARBALL, join(official, 'linux'));
    await linuxDemo();
  }, 300_000);

  it('is a build of this tree', () => {
    expect(staleFiles(app), 'dist/ holds an older build: run "npm run dist"').toEqual([]);
  });

  it('prints its version', async () => {
    const run = await runToFiles(join(app, 'chitieu'), ['--version'], app, process.env, join(work, 'logs-linux-version'));
    expect([run.code, run.stdout.trim()]).toEqual([0, VERSION]);
  });

  it('writes the demo byte for byte as the Linux demo of this tree', async () => {
    const out = join(official, 'kết quả linux');
    const run = await runToFiles(join(app, 'chitieu'), ['demo', '--out', out], app, process.env, join(work, 'logs-linux'));
    expect(run.code, run.stderr).toBe(0);
    expectSameReports(out);
  }, 300_000);
});

describe.skipIf(!tryWindows || !WINE)('chitieu.exe from the Windows zip, under wine64', () => {
  const app = join(official, TOP);
  const prefix = join(work, 'wine');
  const env = wineEnv(prefix);
  const exe = (args: readonly string[], logs: string) => runToFiles(WINE!, ['chitieu.exe', ...args], app, env, join(work, logs));

  beforeAll(async () => {
    await unzipInto(WINDOWS_ZIP, official);
    await linuxDemo();
  }, 300_000);

  afterAll(() => stopWine(prefix));

  it('is at most 80 MB and a build of this tree, with the folders users edit beside chitieu.exe', () => {
    expect(sizeOf(WINDOWS_ZIP)).toBeLessThanOrEqual(80 * 1024 * 1024);
    expect(staleFiles(app), 'dist/ holds an older build: run "npm run dist"').toEqual([]);
    for (const entry of ['chitieu.exe', 'HUONG-DAN.txt', 'CHANGELOG.md', 'indicators', 'targets', 'templates', 'profiles', 'settings', 'sample-data']) {
      expect(existsSync(join(app, entry)), entry).toBe(true);
    }
    expect(existsSync(join(app, 'node_modules', '@resvg', 'resvg-js-win32-x64-msvc'))).toBe(true);
  });

  it('prints its version', async () => {
    const run = await exe(['--version'], 'logs-version');
    expect([run.code, run.stdout.trim()]).toEqual([0, VERSION]);
  }, 120_000);

  it('writes the demo byte for byte as the Linux demo of this tree, into a folder with spaces and Vietnamese letters', async () => {
    const run = await exe(['demo', '--out', '..\\kết quả demo'], 'logs-demo');
    expect(run.code, run.stderr).toBe(0);
    expectSameReports(join(official, 'kết quả demo'));
  }, 600_000);

  it('expands "sample-data\\*.xlsx" itself, as cmd.exe passes it on unexpanded', async () => {
    const run = await exe(['validate', 'sample-data\\*.xlsx'], 'logs-validate');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`"sample-data\\*.xlsx": ${sampleWorkbooks.length} tệp.`);
    expect(run.stdout).toContain(`Tổng cộng ${sampleWorkbooks.length} tệp`);
  }, 300_000);

  describe.skipIf(!existsSync(CHROMIUM))('serve, driven from Linux chromium', () => {
    let server: ChildProcess | undefined;
    let browser: BrowserContext | undefined;
    const logs = join(work, 'logs-serve');

    afterAll(async () => {
      await browser?.close();
      server?.kill();
      stopWine(prefix);
    });

    it('makes a report from the sample data, and the footer says the version', async () => {
      mkdirSync(logs, { recursive: true });
      const outFile = join(logs, 'stdout.txt');
      server = spawn(WINE!, ['chitieu.exe', 'serve', '--no-open'], { cwd: app, env, stdio: ['ignore', openSync(outFile, 'w'), openSync(join(logs, 'stderr.txt'), 'w')] });
      let url: string | undefined;
      for (let waited = 0; !url && waited < 120; waited++) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        // The whole line: the file may be read while the line is half written.
        url = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)\r?\n/.exec(readFileSync(outFile, 'utf8'))?.[1];
      }
      expect(url, readFileSync(join(logs, 'stderr.txt'), 'utf8')).toBeDefined();

      browser = await launchBrowser(join(work, 'chromium'), { width: 1366, height: 900 });
      const page = await browser.newPage();
      await page.goto(url!);
      await page.locator('footer').waitFor({ state: 'attached', timeout: 60_000 }).catch(async () => {
        throw new Error(`the page did not open: ${page.url()}\n${(await page.content()).slice(0, 2000)}`);
      });
      await expect.poll(() => page.locator('#version').innerText()).toBe(`chitieu ${VERSION}`);
      await page.locator('#sample').click();
      await page.locator('#data-view').waitFor({ state: 'visible', timeout: 180_000 });
      expect(await page.locator('#data-totals').innerText()).toMatch(new RegExp(`^${todaysSampleWorkbooks.length} tệp: đọc `));
      // The period the page offers first and the first unit: the demo's data changes with the years.
      const units = page.locator('#unit option:not([value=""])');
      await expect.poll(() => units.count(), { timeout: 120_000 }).toBeGreaterThan(0);
      await page.locator('#unit').selectOption((await units.first().getAttribute('value'))!);
      await page.locator('#compute').click();
      await page.locator('#results').waitFor({ state: 'visible', timeout: 180_000 });
      // No date: the example settings' date may come before the end of that period (the office dates the report).
      await page.locator('#s-reportDate').fill('');
      await page.locator('#s-place').fill('Sơn Hà');
      await page.locator('#make-report').click();
      await page.locator('#report-links').waitFor({ state: 'visible', timeout: 300_000 }).catch(async () => {
        throw new Error(`no report: ${await page.locator('#bao-cao').innerText()}`);
      });
      const [docx] = await Promise.all([page.waitForEvent('download'), page.locator('#report-docx').click()]);
      const [xlsx] = await Promise.all([page.waitForEvent('download'), page.locator('#report-xlsx').click()]);
      const docxPath = join(work, 'page.docx');
      const xlsxPath = join(work, 'page.xlsx');
      await docx.saveAs(docxPath);
      await xlsx.saveAs(xlsxPath);
      const text = paragraphs((await zipEntries(readFileSync(docxPath)))['word/document.xml']!).join('\n');
      expect(text).toMatch(/báo cáo/i);
      const annex = await readAnnex(xlsxPath);
      expect(annex.info.toolVersion).toBe(VERSION);
      expect(annex.rows.length).toBeGreaterThan(10);
      // Left for a person to look at: the page served by chitieu.exe, its footer with the version.
      await page.screenshot({ path: join(tmpdir(), 'chitieu-wine-page.png'), fullPage: true });
    }, 900_000);
  });
});

/**
 * The reports in a real browser: headless Chromium (the system's `chromium`: CHROMIUM_PATH when it is set, else
 * /usr/bin/chromium; never a downloaded browser), driven by playwright-core. One launch for the whole file.
 *
 * Screenshots go to SCREENSHOT_DIR when it is set, else to a temporary folder. The README's picture is made
 * with: SCREENSHOT_DIR=docs node --experimental-vm-modules node_modules/jest/bin/jest.js test/report-browser
 *
 * Without Chromium the tests are skipped, except under CI=true, where a missing browser is a failure.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { EXIT } from '../src/cli/exit-codes.js';
import { runCli } from './support/cli.js';
import { jest } from '@jest/globals';
import { HEAVY_TEST_MS } from './support/timeouts.js';

// Each test starts a headless browser.
jest.setTimeout(HEAVY_TEST_MS);

/** The computed-style fields the test reads, as the browser returns them. */
interface BrowserStyle {
  textDecorationLine: string;
  color: string;
  backgroundColor: string;
  opacity: string;
}

/** CHROMIUM_PATH when set (and then only it), else Debian's path. */
const candidate = process.env.CHROMIUM_PATH !== undefined && process.env.CHROMIUM_PATH !== '' ? process.env.CHROMIUM_PATH : '/usr/bin/chromium';
const executable = existsSync(candidate) ? candidate : undefined;
const inCi = process.env.CI === 'true';
const NO_BROWSER = `no Chromium at ${candidate}: set CHROMIUM_PATH or install the chromium package`;

/** Long enough for one browser launch on a busy machine. */
const BROWSER_TIMEOUT_MS = 60_000;
/** A click or a wait that takes longer than this has failed. */
const ACTION_TIMEOUT_MS = 5_000;

if (executable === undefined && !inCi) {
  it.skip(`reports in a browser (skipped: ${NO_BROWSER})`, () => undefined);
  process.stderr.write(`report-browser.test.ts: skipped: ${NO_BROWSER}\n`);
} else {
  describe('reports in headless Chromium', () => {
    let dir: string;
    let shots: string;
    let browser: Browser;
    let reports: string;

    beforeAll(async () => {
      if (executable === undefined) throw new Error(`${NO_BROWSER} (required when CI=true)`);
      dir = mkdtempSync(join(tmpdir(), 'declutter-browser-'));
      shots = process.env.SCREENSHOT_DIR === undefined ? dir : resolve(process.env.SCREENSHOT_DIR);
      mkdirSync(shots, { recursive: true });
      const pages = join(dir, 'in');
      const gold = join(dir, 'gold');
      mkdirSync(pages);
      mkdirSync(gold);
      copyFileSync('test/pages/seed/source.txt', join(pages, 'seed.txt'));
      copyFileSync('test/pages/seed/reference.txt', join(gold, 'seed.txt'));
      for (const slug of ['product-specs', 'forum-thread', 'article-list-table']) {
        copyFileSync(`test/pages/${slug}/source.html`, join(pages, `${slug}.html`));
        copyFileSync(`test/pages/${slug}/expected.txt`, join(gold, `${slug}.txt`));
      }
      reports = join(dir, 'reports');
      const run = await runCli(['eval', pages, gold, '--quiet', '--report', reports]);
      expect(run.code).toBe(EXIT.OK);
      browser = await chromium.launch({ executablePath: executable, args: ['--no-sandbox'] });
    }, BROWSER_TIMEOUT_MS);

    afterAll(async () => {
      await browser?.close();
      if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    });

    /** Opens a report file in a fresh page; every request the page makes is recorded. */
    async function open(path: string, javaScriptEnabled: boolean): Promise<{ page: Page; requests: string[] }> {
      const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 1200, height: 900 } });
      const page = await context.newPage();
      page.setDefaultTimeout(ACTION_TIMEOUT_MS);
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(pathToFileURL(path).href);
      return { page, requests };
    }

    it('renders kept and removed blocks distinctly, fetches nothing, and saves a screenshot', async () => {
      const path = join(reports, 'pages', 'product-specs.html');
      const { page, requests } = await open(path, false);
      expect(requests).toEqual([pathToFileURL(path).href]);

      const style = (selector: string) =>
        page.locator(selector).first().evaluate((element) => {
          // Runs in the browser; the project's types describe Node, so the two browser calls are typed here.
          const browser = globalThis as unknown as { getComputedStyle(element: unknown): BrowserStyle };
          const s = browser.getComputedStyle(element);
          const block = (element as unknown as { closest(selector: string): unknown }).closest('.b');
          return { line: s.textDecorationLine, colour: s.color, background: browser.getComputedStyle(block).backgroundColor, opacity: s.opacity };
        });
      const kept = await style('.b.kept:not(.sample) .t');
      const removed = await style('.b.removed:not(.has-missing):not(.sample) .t del');
      const lost = await style('.b.removed.has-missing .t del');
      expect(kept.line).toBe('none');
      expect(removed.line).toBe('line-through');
      expect(lost.line).toBe('line-through');
      expect(removed.colour).not.toBe(kept.colour);
      expect(kept.background).not.toBe(removed.background);
      expect(lost.background).not.toBe(removed.background);
      expect(await page.locator('.b.removed.has-missing mark.missing').count()).toBeGreaterThan(0);
      expect(await page.locator('.b.kept:not(.sample)').count()).toBe(2);
      expect(await page.locator('.b.removed:not(.sample)').count()).toBe(11);

      // Hiding the removed blocks needs no script.
      await page.locator('label[for="hide-removed"]').click();
      expect(await page.locator('.b.removed:not(.sample)').first().isVisible()).toBe(false);
      expect(await page.locator('.b.kept:not(.sample)').first().isVisible()).toBe(true);
      await page.locator('label[for="hide-removed"]').click();

      await page.setViewportSize({ width: 1200, height: 1000 });
      const shot = join(shots, 'report.png');
      await page.screenshot({ path: shot, fullPage: true });
      expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
      await page.context().close();
    }, BROWSER_TIMEOUT_MS);

    /** The sort button of a column of the index (its name gains an arrow once sorted). */
    const header = (page: Page, name: string) => page.locator('table.pages thead th button', { hasText: new RegExp(`^${name}( [▲▼])?$`) });

    /** The page ids of the index's rows, top to bottom. */
    const order = (page: Page) => page.locator('table.pages tbody tr td:nth-child(2)').allTextContents();

    it('lists the pages worst first without script, and sorts them with it', async () => {
      const path = join(reports, 'index.html');
      const still = await open(path, false);
      const worstFirst = await order(still.page);
      expect(worstFirst).toHaveLength(4);
      const f1s = (await still.page.locator('table.pages tbody tr td:nth-child(3)').allTextContents()).map(Number);
      expect(f1s).toEqual([...f1s].sort((a, b) => a - b));
      await still.page.context().close();

      const { page, requests } = await open(path, true);
      expect(requests).toEqual([pathToFileURL(path).href]);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      expect(await order(page)).toEqual(worstFirst);
      await header(page, 'page').click();
      expect(await order(page)).toEqual([...worstFirst].sort());
      await header(page, 'page').click();
      expect(await order(page)).toEqual([...worstFirst].sort().reverse());
      expect(await page.locator('th[aria-sort="descending"]').textContent()).toBe('page');
      await header(page, 'Zyte F1').click();
      expect(await order(page)).toEqual(worstFirst);
      expect(errors).toEqual([]);

      // The link of the worst page opens its report.
      await page.locator('table.pages tbody tr').first().locator('a').click();
      await page.waitForURL(/pages\/.+\.html$/);
      expect(await page.locator('.b').count()).toBeGreaterThan(0);
      await page.context().close();
    }, BROWSER_TIMEOUT_MS);

    it('shows the hostile text of a page as text', async () => {
      const path = join(dir, 'hostile.html');
      const page = join(dir, 'hostile-page.html');
      writeFileSync(
        page,
        '<html><head><title>&lt;img src=x onerror="document.title=1"&gt;</title></head><body><article>' +
          '<p>This paragraph is long enough to be kept, and it carries &lt;script&gt;document.body.remove()&lt;/script&gt; as text for the reader to see.</p>' +
          '</article></body></html>',
      );
      expect((await runCli([page, '--report', path])).code).toBe(EXIT.OK);
      const opened = await open(path, true);
      expect(await opened.page.locator('h1').textContent()).toBe('<img src=x onerror="document.title=1">');
      expect(await opened.page.locator('.b.kept .t').first().textContent()).toContain('<script>document.body.remove()</script>');
      expect(await opened.page.locator('img, script').count()).toBe(0);
      await opened.page.context().close();
    }, BROWSER_TIMEOUT_MS);
  });
}

/**
 * The viewer's shared components in Chromium, on the page that also serves the viewer benchmark
 * (bench/viewer/page): EventTable, the search worker, DetailPane, TimeRangePicker, FilterPatternInput
 * and KeyboardHelp, served with the app's content security policy. The page makes its events from a
 * seed; expected values come from those generators, not from what the page shows.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { build } from 'vite';
import type { ViewerBenchApi } from '../bench/viewer/api';
import { NEEDLE, NEEDLE_EVERY } from '../bench/viewer/page/events';
import { servePage, type PageServer } from '../bench/viewer/server';
import config, { PAGE_OUT } from '../bench/viewer/vite.config';
import { expect, test } from './fixtures';

declare const window: Window & { readonly viewerBench: ViewerBenchApi; readonly hostileRan?: boolean };

test.describe.configure({ mode: 'serial' });
// Times on the page are in the browser's zone; the expected ones are written in UTC.
test.use({ timezoneId: 'UTC' });

let server: PageServer;

test.beforeAll(async () => {
  await build({ ...config, configFile: false });
  server = await servePage(PAGE_OUT);
});

test.afterAll(async () => {
  await server.close();
});

/** The page with `count` events loaded, failing the test on any error it logs (a CSP refusal included). */
async function openViewer(page: Page, count: number): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('dialog', (dialog) => {
    errors.push(`a dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(`${server.url}/index.html`);
  await page.waitForFunction(() => 'viewerBench' in window);
  await page.evaluate((size) => window.viewerBench.stagePage(size, 'newer'), Math.min(count, 10_000));
  await page.evaluate(() => window.viewerBench.firstPage());
  await page.evaluate((total) => window.viewerBench.loadUntil(total, 10_000), count);
  return errors;
}

const table = (page: Page) => page.getByRole('grid', { name: 'Events' });
const rows = (page: Page) => table(page).locator('.event-body-row');

test('hostile messages render as inert, truthful text', async ({ page }) => {
  const errors = await openViewer(page, 200);
  await page.evaluate(() => window.viewerBench.addHostile());
  await rows(page).first().click();
  await page.keyboard.press('End');
  await expect(table(page).getByText('json message', { exact: false })).toBeVisible();

  // Nothing in a message became markup, and nothing ran.
  expect(await table(page).locator('img, script, iframe, a').count()).toBe(0);
  await expect(table(page).getByText('<img src=x onerror=', { exact: false })).toBeVisible();
  expect(await page.evaluate(() => window.hostileRan)).toBeUndefined();

  // The direction override is shown, and the text after it stays in logged order.
  const override = rows(page).filter({ hasText: 'direction override' });
  await expect(override.locator('[data-marker]', { hasText: 'RLO' })).toBeVisible();
  await expect(override).toContainText('gpj.exe');

  // ANSI colours are drawn; other escapes are shown.
  const ansi = rows(page).filter({ hasText: 'bold green' });
  await expect(ansi.getByText('red', { exact: true })).toHaveCSS('color', 'rgb(205, 49, 49)');
  await expect(ansi.getByText('bold green', { exact: true })).toHaveCSS('font-weight', '700');
  await expect(ansi.locator('[data-marker]', { hasText: 'ESC' })).toBeVisible();

  // Invisible characters are shown; replacement characters stay.
  const hidden = rows(page).filter({ hasText: 'zero-width' });
  for (const label of ['ZWSP', 'ZWJ', 'BOM']) await expect(hidden.locator('[data-marker]', { hasText: label })).toBeVisible();
  await expect(hidden).toContainText('\uFFFD\uFFFD');

  // Long messages are collapsed, say their size, and no row is taller than the screen.
  await expect(table(page).getByRole('button', { name: 'Show all' })).toHaveCount(3);
  await expect(rows(page).filter({ hasText: '256 KB' }).getByText('256 KB', { exact: true })).toBeVisible();
  const viewport = page.viewportSize()!.height;
  for (const height of await rows(page).evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().height))) {
    expect(height).toBeLessThan(viewport / 2);
  }

  // A stack of combining marks is shortened, and what is left stays inside its row.
  const zalgo = rows(page).filter({ hasText: 'algo combining marks' });
  // 180 marks on the Z: 8 are kept.
  await expect(zalgo.locator('[data-marker]', { hasText: '+172' })).toBeVisible();
  await expect(zalgo.locator('.event-cell-message')).toHaveCSS('overflow', 'clip');
  const scroller = table(page).locator('.event-table-scroll');
  expect(await scroller.evaluate((element) => element.scrollWidth - element.clientWidth)).toBe(0);

  await page.screenshot({ path: fileURLToPath(new URL('./screenshots/viewer-hostile-light.png', import.meta.url)) });
  expect(errors).toEqual([]);
});

test('searches the loaded events in the worker, under the app CSP, and steps through the matches', async ({ page }) => {
  const errors = await openViewer(page, 20_000);
  const expected = 20_000 / NEEDLE_EVERY;
  await page.getByRole('searchbox', { name: 'Find in loaded events' }).fill(NEEDLE.toLowerCase());
  await expect(page.getByRole('status').filter({ hasText: `of ${expected} matches` })).toBeVisible();

  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.locator('.event-body-row:focus')).toContainText(NEEDLE);
  await expect(page.getByRole('status').filter({ hasText: `1 of ${expected} matches` })).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('status').filter({ hasText: `2 of ${expected} matches` })).toBeVisible();

  await page.getByRole('checkbox', { name: 'Only matches' }).check();
  await expect(table(page)).toHaveAttribute('aria-rowcount', String(expected + 1));
  for (const text of await rows(page).allInnerTexts()) expect(text).toContain(NEEDLE);
  expect(errors).toEqual([]);
});

test('arrows move, Shift selects, Ctrl+C copies the lines, Enter opens the detail and Escape comes back', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const errors = await openViewer(page, 500);
  await page.evaluate(() => window.viewerBench.scrollToEdge('start'));
  await rows(page).first().click();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(table(page).locator('[aria-selected="true"]')).toHaveCount(3);
  const fourthRow = table(page).locator('[data-key="3"]');
  await expect(fourthRow).toBeFocused();

  await page.keyboard.press('Control+C');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const lines = copied.split('\n');
  expect(lines).toHaveLength(3);
  for (const line of lines) expect(line).toMatch(/^2026-11-30 00:00:00\.0[123]0\t2026\/11\/30\/\[\$LATEST\][0-9a-f]{32}\t\S/);

  await page.keyboard.press('Enter');
  const pane = page.getByRole('complementary', { name: /^Event at 2026-11-30 00:00:00\.030/ });
  await expect(pane).toBeVisible();
  await expect(pane).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(pane).toBeHidden();
  await expect(fourthRow).toBeFocused();
  expect(errors).toEqual([]);
});

test('older events prepended above keep the reading position', async ({ page }) => {
  const errors = await openViewer(page, 30_000);
  await page.evaluate(() => window.viewerBench.scrollToEdge('start'));
  await page.mouse.move(700, 500);
  await page.mouse.wheel(0, 300);
  await page.evaluate(() => window.viewerBench.afterNextPaint());
  const before = await page.evaluate(() => window.viewerBench.readingPosition());
  for (let page_ = 0; page_ < 3; page_++) {
    await page.evaluate(() => window.viewerBench.stagePage(10_000, 'older'));
    await page.evaluate(() => window.viewerBench.addStagedPage());
    await page.evaluate(() => window.viewerBench.afterNextPaint());
    expect(await page.evaluate(() => window.viewerBench.readingPosition())).toEqual(before);
  }
  expect(await page.evaluate(() => window.viewerBench.count())).toBe(60_000);
  expect(errors).toEqual([]);
});

test('follows the newest rows until the reader scrolls up, then keeps the reading position', async ({ page }) => {
  const errors = await openViewer(page, 2000);
  const follow = page.getByRole('checkbox', { name: 'Follow newest' });
  await follow.check();
  const newestShown = async () => Number(await rows(page).last().getAttribute('data-key'));
  await expect.poll(newestShown).toBe(1999);
  for (const total of [2100, 2200]) {
    await page.evaluate((count) => window.viewerBench.loadUntil(count, 50), total);
    await expect.poll(newestShown).toBe(total - 1);
  }

  await page.mouse.move(700, 500);
  await page.mouse.wheel(0, -600);
  await expect(follow).not.toBeChecked();
  await page.evaluate(() => window.viewerBench.afterNextPaint());
  const reading = await page.evaluate(() => window.viewerBench.readingPosition());
  await page.evaluate(() => window.viewerBench.loadUntil(2300, 50));
  await page.evaluate(() => window.viewerBench.afterNextPaint());
  expect(await page.evaluate(() => window.viewerBench.readingPosition())).toEqual(reading);
  expect(errors).toEqual([]);
});

test('the time of a tall row stays on screen while any of the row is', async ({ page }) => {
  const errors = await openViewer(page, 100);
  await page.evaluate(() => window.viewerBench.addHostile());
  // Rows below it, so it can be scrolled up past the top.
  await page.evaluate(() => window.viewerBench.loadUntil(window.viewerBench.count() + 100, 100));
  await page.getByRole('searchbox', { name: 'Find in loaded events' }).fill('line 0 of a very long stack trace');
  await page.getByRole('button', { name: 'Next' }).click();
  const tall = rows(page).filter({ hasText: 'line 0 of a very long stack trace' });
  await expect(tall).toBeFocused();
  // Scroll the row's top 60 px out of view.
  const scroller = table(page).locator('.event-table-scroll');
  await scroller.evaluate((element, rowTop) => (element.scrollTop = rowTop + 60), await tall.evaluate((row) => (row as HTMLElement).offsetTop));
  await page.evaluate(() => window.viewerBench.afterNextPaint());
  const [scrollerTop, rowTop, timeTop] = await Promise.all([
    scroller.evaluate((element) => element.getBoundingClientRect().top),
    tall.evaluate((row) => row.getBoundingClientRect().top),
    tall.locator('.event-cell-time').evaluate((cell) => cell.getBoundingClientRect().top),
  ]);
  expect(rowTop).toBeLessThan(scrollerTop - 50);
  expect(Math.abs(timeTop - scrollerTop)).toBeLessThanOrEqual(1);
  expect(errors).toEqual([]);
});

test('a JSON message opens as a tree whose fields become columns', async ({ page }) => {
  const errors = await openViewer(page, 100);
  await page.evaluate(() => window.viewerBench.addHostile());
  await rows(page).first().click();
  await page.keyboard.press('End');
  const jsonRow = rows(page).filter({ hasText: '"msg":"json message"' });
  await jsonRow.dblclick();
  const tree = page.getByRole('tree', { name: 'Fields of the message' });
  await expect(tree).toBeVisible();
  const status = tree.getByRole('treeitem', { name: 'status' });
  await expect(status).toContainText('503');
  await status.focus();
  await page.keyboard.press('a');
  await expect(table(page).getByRole('columnheader', { name: '$.http.status' })).toBeVisible();
  await expect(jsonRow.locator('.event-cell-field')).toHaveText('503');
  // The tree goes in and out with the arrows.
  const http = tree.getByRole('treeitem', { name: 'http' });
  await http.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(http).toHaveAttribute('aria-expanded', 'false');
  await expect(status).toBeHidden();
  await page.keyboard.press('ArrowRight');
  await expect(status).toBeVisible();
  expect(errors).toEqual([]);
});

test('the time-range picker: presets from the keyboard, typed ranges checked, inverted ones refused', async ({ page }) => {
  const errors = await openViewer(page, 10);
  const button = page.getByRole('button', { name: /^Time range: / });
  await expect(button).toHaveText('Last 1 hour');
  await button.focus();
  await page.keyboard.press('ArrowDown');
  const dialog = page.getByRole('dialog', { name: 'Choose the time range' });
  await expect(dialog.getByRole('option', { name: '1 hour' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(button).toHaveText('Last 3 hours');
  await expect(button).toBeFocused();

  await page.keyboard.press('Enter');
  const range = dialog.getByRole('textbox', { name: 'Range' });
  await range.fill('-3h to -5h');
  const apply = dialog.getByRole('button', { name: 'Apply' });
  await expect(apply).toBeDisabled();
  await expect(apply).toHaveAccessibleDescription(/The start must be before the end\./);

  await range.fill('-3h to -1x');
  await expect(dialog.getByRole('alert')).toContainText('"x" is not a unit');
  await expect(dialog.getByRole('alert')).toContainText('(character 8)');
  await expect(dialog.locator('.mistake-mark')).toHaveText('-1x');
  // Marking the mistake leaves the caret where typing left it.
  expect(await range.evaluate((input: HTMLInputElement) => input.selectionStart)).toBe('-3h to -1x'.length);

  await range.fill('-45m');
  await expect(dialog.getByText('Last 45 minutes')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(button).toHaveText('Last 45 minutes');

  await button.click();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
  expect(errors).toEqual([]);
});

test('the filter-pattern field marks a mistake, refuses to submit it, and highlights what matched', async ({ page }) => {
  const errors = await openViewer(page, 100);
  await page.evaluate(() => window.viewerBench.addHostile());
  const field = page.getByRole('textbox', { name: 'Filter pattern' });
  await field.fill('{ $.http.status >= }');
  const alert = page.locator('.filter-pattern').getByRole('alert');
  await expect(alert).toContainText('(character 20)');
  await field.press('Enter');
  await expect(page.locator('.viewer-count')).toHaveText('');

  await field.fill('{ $.http.status = 503 }');
  await expect(page.locator('.filter-pattern-kind')).toHaveText('JSON');
  await field.press('Enter');
  await expect(page.locator('.viewer-count')).toContainText('of 1 matches');
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(table(page).locator('mark.match')).toHaveText('503');
  expect(errors).toEqual([]);
});

test('? lists the keyboard shortcuts', async ({ page }) => {
  const errors = await openViewer(page, 10);
  await rows(page).first().click();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.getByText('Copy the selected events')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  expect(errors).toEqual([]);
});

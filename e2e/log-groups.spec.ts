/**
 * The Logs view end to end: the real renderer in Chromium, `window.api` over the bridge to main/api, the
 * sandbox behind it. Expected values come from the sandbox's state or from main/api, never from the UI.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import type { FoundEvent, LogEventPage, LogStreamPage } from '../src/shared/contract';
import type { SeedLogGroup } from '../src/sandbox';
import { logStreamConsoleUrl } from '../src/shared/console-links';
import { FIRST_PAGE_EVENTS } from '../src/renderer/src/features/logs/events/streamReader';
import { lambdaRequestId } from '../src/renderer/src/features/logs/explorer/lambdaRequestId';
import { HOSTILE_MESSAGES } from '../bench/viewer/page/hostile';
import { expect, test } from './fixtures';
import { escapeRegExp, switchRegion } from './support/app';
import type { Harness } from './harness';

const HOME_REGION = 'us-east-1';
/** The key the app's Demo connection signs with (main/api/connection-catalog.ts). */
const DEMO_ACCESS_KEY = 'DEMOACCESSKEY';
const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
mkdirSync(SCREENSHOTS, { recursive: true });

/** Calls main/api the way the page does, for the values a test expects to see. */
async function apiCall<T>(harness: Harness, method: string, request: unknown): Promise<T> {
  const result = await harness.api.dispatcher.call(method, request, new AbortController().signal);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  return result.value as T;
}

/** Case-insensitive, every word must appear: the search rule, written out independently of the app. */
function matching(names: readonly string[], query: string): string[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return names.filter((name) => words.every((word) => name.toLowerCase().includes(word)));
}

function count(value: number): string {
  return value.toLocaleString('en-US');
}

function groupsGrid(page: Page): Locator {
  return page.getByRole('grid', { name: 'Log groups' });
}

function bodyRows(grid: Locator): Locator {
  return grid.locator('[role="row"][data-index]');
}

function eventRows(grid: Locator): Locator {
  return grid.locator('.event-body-row');
}

/** A time as the events table shows it in UTC. */
function utcTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('T', ' ').slice(0, 23);
}

test.afterEach(async ({ harness }) => {
  // The session lives as long as the worker: leave it as the next test expects to find it.
  harness.sandbox.setFaults({});
  harness.sandbox.identity.reset();
  await apiCall(harness, 'connections.select', { connectionId: 'demo', region: HOME_REGION });
});

test('lists every demo log group and searches them as you type', async ({ app, harness }) => {
  const names = harness.sandbox.logs(HOME_REGION).groupNames();
  expect(names.some((name) => name.startsWith('/aws/lambda/'))).toBe(true);
  expect(names.some((name) => name.startsWith('/ecs/'))).toBe(true);

  const grid = groupsGrid(app);
  await expect(app.getByText(`${count(names.length)} log groups`, { exact: true })).toBeVisible();
  await expect(bodyRows(grid).first()).toContainText(names[0] ?? 'no groups');
  await expect(grid.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'ascending');

  const search = app.getByRole('searchbox', { name: 'Search log groups' });
  const query = 'LAMBDA  prod orders';
  const expected = matching(names, query);
  expect(expected.length).toBeGreaterThan(0);
  await search.fill(query);
  await expect(app.getByText(`${count(expected.length)} of ${count(names.length)} log groups`)).toBeVisible();
  await expect(bodyRows(grid)).toHaveCount(expected.length);
  for (const name of expected) await expect(grid.getByRole('row', { name: new RegExp(escapeRegExp(name)) })).toBeVisible();
  // Matches are highlighted as text, word by word.
  const marks = await bodyRows(grid).first().locator('mark').allTextContents();
  expect(new Set(marks.map((mark) => mark.toLowerCase()))).toEqual(new Set(['lambda', 'prod', 'orders']));

  await search.fill('no-such-group-anywhere');
  await expect(app.getByText('No log groups match “no-such-group-anywhere”')).toBeVisible();
  await app.getByRole('button', { name: 'Clear search' }).click();
  await expect(search).toHaveValue('');
  await expect(app.getByText(`${count(names.length)} log groups`, { exact: true })).toBeVisible();

  await app.emulateMedia({ colorScheme: 'light' });
  const light = await backgroundOf(app);
  await app.screenshot({ path: `${SCREENSHOTS}log-groups-light.png` });
  await app.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => backgroundOf(app)).not.toBe(light);
  await app.screenshot({ path: `${SCREENSHOTS}log-groups-dark.png` });
});

test('drills from a group to its streams and events with the keyboard, and back', async ({ app, harness }) => {
  const names = harness.sandbox.logs(HOME_REGION).groupNames();
  const groupName = matching(names, 'lambda prod orders-api')[0];
  if (!groupName) throw new Error('the demo seed has no orders-api Lambda group');
  const streams = await apiCall<LogStreamPage>(harness, 'logs.listStreams', { logGroupName: groupName, limit: 5 });
  const newestStream = streams.streams[0];
  if (!newestStream) throw new Error(`${groupName} has no streams`);
  const newest = await apiCall<LogEventPage>(harness, 'logs.getEvents', {
    logGroupName: groupName,
    logStreamName: newestStream.name,
    limit: FIRST_PAGE_EVENTS,
  });
  const lastEvent = newest.events[newest.events.length - 1];
  if (!lastEvent) throw new Error(`${newestStream.name} has no events`);

  await expect(bodyRows(groupsGrid(app)).first()).toBeVisible();
  await app.keyboard.press('/');
  const search = app.getByRole('searchbox', { name: 'Search log groups' });
  await expect(search).toBeFocused();
  await app.keyboard.type(groupName);
  await expect(bodyRows(groupsGrid(app))).toHaveCount(1);
  await app.keyboard.press('ArrowDown');
  await expect(bodyRows(groupsGrid(app)).first()).toBeFocused();
  await app.keyboard.press('Enter');

  const breadcrumb = app.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(breadcrumb.getByText(groupName)).toHaveAttribute('aria-current', 'page');
  const streamsGrid = app.getByRole('grid', { name: 'Log streams' });
  const firstStream = bodyRows(streamsGrid).first();
  await expect(firstStream).toContainText(newestStream.name);
  await expect(firstStream).toBeFocused();
  await app.keyboard.press('Enter');

  // The newest page, newest event last and focused, like `tail`.
  const eventsGrid = app.getByRole('grid', { name: `Events of ${newestStream.name}` });
  await expect(eventsGrid).toHaveAttribute('aria-rowcount', String(newest.events.length + 1));
  const lastRow = eventRows(eventsGrid).last();
  await expect(lastRow).toContainText(lastEvent.message.trimEnd().split('\n')[0] ?? '');
  await expect(lastRow).toBeFocused();
  await expect(breadcrumb.getByText(newestStream.name)).toHaveAttribute('aria-current', 'page');
  await expect(firstStream).toHaveAttribute('aria-selected', 'true');
  await expect(app.getByRole('link', { name: 'AWS console', exact: true })).toHaveAttribute('href', logStreamConsoleUrl(HOME_REGION, groupName, newestStream.name));

  // Times show in local time or UTC, as chosen.
  await app.getByRole('button', { name: 'UTC', exact: true }).click();
  await expect(lastRow).toContainText(utcTime(lastEvent.timestamp));
  await app.getByRole('button', { name: 'Local', exact: true }).click();

  // Enter opens the event whole in the detail pane; a Lambda line offers the lines of its invocation.
  const requestId = lambdaRequestId(lastEvent.message);
  if (!requestId) throw new Error(`the last event of ${newestStream.name} carries no request id: ${lastEvent.message}`);
  const invocation = await apiCall<{ events: readonly FoundEvent[] }>(harness, 'logs.invocation', {
    logGroupName: groupName,
    logStreamName: newestStream.name,
    requestId,
    timestamp: lastEvent.timestamp,
  });
  await app.screenshot({ path: `${SCREENSHOTS}events-light.png` });
  await app.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot({ path: `${SCREENSHOTS}events-dark.png` });
  await app.emulateMedia({ colorScheme: 'light' });
  await lastRow.focus();
  await app.keyboard.press('Enter');
  const detail = app.getByRole('complementary', { name: /^Event at/ });
  await expect(detail).toBeVisible();

  await detail.getByRole('button', { name: 'This invocation' }).click();
  const dialog = app.getByRole('dialog', { name: 'This invocation' });
  const lines = dialog.getByRole('grid', { name: `Lines of request ${requestId}` });
  await expect(lines).toHaveAttribute('aria-rowcount', String(invocation.events.length + 1));
  await expect(eventRows(lines)).toHaveCount(invocation.events.length);
  for (const line of await eventRows(lines).all()) await expect(line).toContainText(requestId);
  // The line it was opened from is marked, with the keyboard on it.
  const opened = lines.locator('[aria-current="true"]');
  await expect(opened).toContainText(lastEvent.message.trimEnd().split('\n')[0] ?? '');
  await expect(opened).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await app.keyboard.press('Escape');
  await expect(detail).toBeHidden();
  await expect(lastRow).toBeFocused();

  // The row's copy button puts exactly its message on the clipboard; Ctrl+C copies the selected line as shown.
  await app.getByRole('button', { name: 'UTC', exact: true }).click();
  await app.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await lastRow.hover();
  await lastRow.getByRole('button', { name: 'Copy message' }).click();
  await expect(lastRow.getByRole('button', { name: 'Copied' })).toBeVisible();
  expect(await app.evaluate(() => navigator.clipboard.readText())).toBe(lastEvent.message);
  await lastRow.focus();
  await app.keyboard.press('Control+c');
  await expect(eventsGrid.getByText('Copied 1 line.')).toBeVisible();
  expect(await app.evaluate(() => navigator.clipboard.readText())).toBe(`${utcTime(lastEvent.timestamp)}\t${lastEvent.message.replace(/\r?\n$/, '')}`);
  await app.getByRole('button', { name: 'Local', exact: true }).click();

  // Back, one level at a time, to where the keyboard was.
  await app.keyboard.press('Backspace');
  await expect(app.getByText('Pick a stream to read its events')).toBeVisible();
  await expect(firstStream).toBeFocused();
  await app.keyboard.press('Alt+ArrowLeft');
  await expect(groupsGrid(app)).toBeVisible();
  await expect(bodyRows(groupsGrid(app)).first()).toBeFocused();
  await expect(search).toHaveValue(groupName);

  // Views by number; the search box of the view comes back focused.
  await app.keyboard.press('Control+2');
  await expect(app.getByRole('heading', { name: 'Insights' })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Insights', exact: true })).toHaveAttribute('aria-current', 'page');
  await app.keyboard.press('Control+1');
  await expect(search).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(search).toHaveValue('');
});

test('skip link, then Tab, reach the content in a sensible order', async ({ app }) => {
  await expect(bodyRows(groupsGrid(app)).first()).toBeVisible();
  await app.keyboard.press('Tab');
  const skip = app.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('searchbox', { name: 'Search log groups' })).toBeFocused();
  for (const name of ['All', /^Favourites/, 'Recent', 'Search events…', 'Create log group', 'Refresh']) {
    await app.keyboard.press('Tab');
    await expect(app.getByRole('button', { name })).toBeFocused();
  }
  await app.keyboard.press('Tab');
  await expect(app.getByRole('button', { name: 'Name', exact: true })).toBeFocused();
});

test('switching region reloads everything for that region; an empty region says what to do', async ({ app, harness }) => {
  await expect(app.getByText(/^[\d,]+ log groups$/)).toBeVisible();

  const euNames = harness.sandbox.logs('eu-west-1').groupNames();
  expect(euNames.length).toBeGreaterThan(0);
  await switchRegion(app, 'eu-west-1');
  await expect(app.getByText(`${count(euNames.length)} log groups`, { exact: true })).toBeVisible();
  await expect(bodyRows(groupsGrid(app)).first()).toContainText(euNames[0] ?? '');

  expect(harness.sandbox.logs('us-west-2').groupNames()).toEqual([]);
  await switchRegion(app, 'us-west-2');
  await expect(app.getByText('No log groups in us-west-2')).toBeVisible();
  await app.getByRole('button', { name: 'Switch region' }).click();
  const menu = app.getByRole('menu', { name: 'Connection and region' });
  await expect(menu.getByRole('menuitemradio', { name: /^us-west-2\b/ })).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(menu).toBeHidden();
});

test('10,000 log groups arrive page by page, stay virtualized, search and sort instantly', async ({ app, harness }) => {
  const region = 'ap-southeast-2';
  const groups = manyGroups(10_000);
  if (harness.sandbox.logs(region).groupNames().length === 0) harness.sandbox.seed({ regions: [{ region, logGroups: groups }] });

  // Slow pages down so the progress can be seen, then stop half way.
  harness.sandbox.setFaults({ latencyMs: 40 });
  await switchRegion(app, region);
  const progress = app.getByText(/^Loading… [\d,]+ log groups so far$/);
  await expect(progress).toBeVisible();
  await app.getByRole('button', { name: 'Stop' }).click();
  const stopped = app.getByText(/^Stopped after [\d,]+ log groups — the list is incomplete\.$/);
  await expect(stopped).toBeVisible();
  const loadedWhenStopped = Number((await stopped.textContent())?.match(/[\d,]+/)?.[0].replaceAll(',', ''));
  expect(loadedWhenStopped).toBeGreaterThan(0);
  expect(loadedWhenStopped).toBeLessThan(10_000);

  harness.sandbox.setFaults({});
  await app.getByRole('button', { name: 'Load all' }).click();
  await expect(app.getByText('10,000 log groups', { exact: true })).toBeVisible();

  const grid = groupsGrid(app);
  const rendered = await bodyRows(grid).count();
  expect(rendered).toBeGreaterThan(10);
  expect(rendered).toBeLessThan(100);

  // End jumps to the last row, far below what is rendered.
  await bodyRows(grid).first().focus();
  await app.keyboard.press('End');
  const lastName = groups.map((group) => group.name).sort()[groups.length - 1] ?? '';
  await expect(grid.getByRole('row', { name: new RegExp(escapeRegExp(lastName)) })).toBeFocused();

  const query = 'perf-fn 0999';
  const expected = matching(
    groups.map((group) => group.name),
    query,
  );
  await app.getByRole('searchbox', { name: 'Search log groups' }).fill(query);
  await expect(app.getByText(`${count(expected.length)} of 10,000 log groups`)).toBeVisible();
  await expect(bodyRows(grid)).toHaveCount(expected.length);
  await app.getByRole('searchbox', { name: 'Search log groups' }).fill('');

  await grid.getByRole('button', { name: 'Created', exact: true }).click();
  await expect(grid.getByRole('columnheader', { name: 'Created' })).toHaveAttribute('aria-sort', 'descending');
  const newest = [...groups].sort((a, b) => b.creationTime - a.creationTime)[0];
  await expect(bodyRows(grid).first()).toContainText(newest?.name ?? '');
});

test('streams sort by activity or filter by prefix; events page back to the start and forward to new ones', async ({ app, harness }) => {
  const region = 'sa-east-1';
  const groupName = '/e2e/paging';
  const now = Date.now();
  const minute = 60_000;
  // Last events: api-1 newest, then web-b, then web-a (which has 2,500 events, older pages to load).
  const webA = Array.from({ length: 2_500 }, (_, index) => ({
    timestamp: now - 3 * 3_600_000 + index * 1_000,
    message: `web-a event ${index}`,
  }));
  seedGroupOnce(harness, region, {
    name: groupName,
    creationTime: now - 86_400_000,
    streams: [
      { name: 'web-a', events: webA },
      { name: 'web-b', events: [{ timestamp: now - 30 * minute, message: 'web-b only event' }] },
      { name: 'api-1', events: [{ timestamp: now - 5 * minute, message: 'api-1 only event' }] },
    ],
  });

  await switchRegion(app, region);
  await bodyRows(groupsGrid(app)).first().click();
  const streamsGrid = app.getByRole('grid', { name: 'Log streams' });
  await expect(bodyRows(streamsGrid)).toHaveCount(3);
  await expect(bodyRows(streamsGrid).locator('.cell-name')).toHaveText(['api-1', 'web-b', 'web-a']);
  await expect(app.getByText('3 streams · latest activity first')).toBeVisible();

  await app.getByRole('searchbox', { name: 'Filter streams by name prefix' }).fill('web-');
  await expect(bodyRows(streamsGrid).locator('.cell-name')).toHaveText(['web-a', 'web-b']);
  await expect(app.getByText(/by name, as AWS filters prefixes only in name order/)).toBeVisible();
  await expect(bodyRows(streamsGrid).first().locator('mark')).toHaveText('web-');

  await bodyRows(streamsGrid).first().click();
  const eventsGrid = app.getByRole('grid', { name: 'Events of web-a' });
  await expect(eventsGrid).toHaveAttribute('aria-rowcount', String(FIRST_PAGE_EVENTS + 1));
  await expect(eventRows(eventsGrid).last()).toContainText('web-a event 2499');

  // Nearing the top loads the older events above, keeping the row being read where it was.
  const oldestLoaded = `web-a event ${2_500 - FIRST_PAGE_EVENTS}`;
  await eventRows(eventsGrid).last().focus();
  await app.keyboard.press('Home');
  await expect(eventsGrid).toHaveAttribute('aria-rowcount', '2501');
  const reading = eventsGrid.getByRole('row', { name: new RegExp(`${oldestLoaded}\\b`) });
  await expect(reading).toBeFocused();
  await expect(reading).toBeInViewport();
  // At the top again, one more read finds nothing older: AWS answers with the token it was given.
  await app.keyboard.press('Home');
  await expect(eventsGrid.getByRole('row', { name: /web-a event 0\b/ })).toBeFocused();
  await expect(app.getByText('Beginning of stream')).toBeVisible();
  await expect(eventsGrid).toHaveAttribute('aria-rowcount', '2501');

  // New events arrive; "Load newer" brings them, and says so when there is nothing new.
  const group = harness.sandbox.logs(region).group(groupName);
  const stream = group?.stream('web-a');
  if (!group || !stream) throw new Error('the seeded stream is gone');
  group.ingest(stream, [{ timestamp: now, message: 'web-a fresh event', size: 17 }], () => Date.now());
  const newer = app.getByRole('button', { name: 'Load newer events' });
  await newer.click();
  await expect(eventsGrid).toHaveAttribute('aria-rowcount', '2502');
  await eventsGrid.locator('[role="row"][tabindex="0"]').focus();
  await app.keyboard.press('End');
  await expect(eventsGrid.getByRole('row', { name: /web-a fresh event\b/ })).toBeFocused();
  await newer.click();
  await expect(app.getByText(/^No newer events yet/)).toBeVisible();
  await expect(eventsGrid).toHaveAttribute('aria-rowcount', '2502');
});

test('jumps to a time in a stream, then pages older and newer events from there', async ({ app, harness }) => {
  const region = 'ap-northeast-1';
  const groupName = '/e2e/jump';
  const start = Date.UTC(2026, 0, 15, 8, 0, 0);
  const total = 5_000;
  seedGroupOnce(harness, region, {
    name: groupName,
    creationTime: start - 86_400_000,
    streams: [{ name: 'jobs', events: Array.from({ length: total }, (_, index) => ({ timestamp: start + index * 1_000, message: `job event ${index}` })) }],
  });
  await switchRegion(app, region);
  await bodyRows(groupsGrid(app)).first().click();
  await bodyRows(app.getByRole('grid', { name: 'Log streams' })).first().click();
  const eventsGrid = app.getByRole('grid', { name: 'Events of jobs' });
  await expect(eventRows(eventsGrid).last()).toContainText(`job event ${total - 1}`);

  const goTo = app.getByRole('button', { name: 'Go to time…' });
  const popover = app.getByRole('dialog', { name: 'Go to a time in this stream' });
  // Escape, or a press elsewhere, closes it.
  await goTo.click();
  await app.keyboard.press('Escape');
  await expect(popover).toBeHidden();
  await expect(goTo).toBeFocused();
  await goTo.click();
  await eventRows(eventsGrid).last().click();
  await expect(popover).toBeHidden();
  await goTo.click();
  const time = popover.getByRole('textbox', { name: 'Time' });
  await expect(time).toBeFocused();
  await popover.click({ position: { x: 5, y: 5 } });
  await expect(popover).toBeVisible();
  await time.focus();
  // A mistake is marked and cannot be submitted.
  await time.fill('2026-01-15 25:00');
  await expect(popover.getByRole('alert')).toContainText('There is no such time: 2026-01-15 25:00.');
  await expect(popover.getByRole('button', { name: 'Go', exact: true })).toBeDisabled();
  // Half a second after event 2000: the first event at or after it is 2001.
  await time.fill('2026-01-15 08:33:20.500Z');
  await app.keyboard.press('Enter');
  const target = eventsGrid.getByRole('row', { name: /job event 2001\b/ });
  await expect(target).toBeFocused();
  await expect(target).toBeInViewport();
  // The events before it load above by themselves (the reader is at the top), keeping it in place.
  await expect(eventsGrid).toHaveAttribute('aria-rowcount', String(2_001 + FIRST_PAGE_EVENTS + 1));
  await expect(target).toBeFocused();
  await expect(target).toBeInViewport();

  // Newer pages load as the end comes near, until there is nothing newer.
  await app.keyboard.press('End');
  await expect(eventsGrid).toHaveAttribute('aria-rowcount', String(total + 1));
  await app.keyboard.press('End');
  await expect(eventsGrid.getByRole('row', { name: new RegExp(`job event ${total - 1}\\b`) })).toBeFocused();
  await expect(app.getByText(/^No newer events yet/)).toBeVisible();

  // The start of the stream is a jump too.
  await goTo.click();
  await popover.getByRole('button', { name: 'Start of stream' }).click();
  await expect(eventsGrid.getByRole('row', { name: /job event 0\b/ })).toBeFocused();
  await expect(eventsGrid).toHaveAttribute('aria-rowcount', String(FIRST_PAGE_EVENTS + 1));
  await expect(app.getByText('Beginning of stream')).toBeVisible();
});

test('a failed reload keeps the events on screen and says what failed; a slow one can be cancelled', async ({ app, harness }) => {
  const region = 'ap-south-1';
  const groupName = '/e2e/reload';
  seedGroupOnce(harness, region, oneEventGroup(groupName));
  await switchRegion(app, region);
  await bodyRows(groupsGrid(app)).first().click();
  await bodyRows(app.getByRole('grid', { name: 'Log streams' })).first().click();
  const eventsGrid = app.getByRole('grid', { name: 'Events of only-stream' });
  await expect(eventRows(eventsGrid)).toHaveText([/hello/]);
  const group = harness.sandbox.logs(region).group(groupName);
  const stream = group?.stream('only-stream');
  if (!group || !stream) throw new Error('the seeded stream is gone');
  group.ingest(stream, [{ timestamp: Date.now(), message: 'arrived later', size: 13 }], () => Date.now());

  // Both lists are refreshed while AWS refuses them: each keeps what it shows and says what failed.
  const reload = app.getByRole('button', { name: 'Reload', exact: true });
  for (const action of ['logs:GetLogEvents', 'logs:DescribeLogStreams']) harness.sandbox.identity.deny(DEMO_ACCESS_KEY, action);
  await reload.click();
  await app.getByRole('button', { name: 'Refresh', exact: true }).click();
  const failure = app.getByRole('alert').filter({ hasText: 'Could not reload the newest events' });
  await expect(failure).toContainText('not allowed to call logs:GetLogEvents');
  await expect(app.getByRole('alert').filter({ hasText: 'Could not refresh the streams' })).toContainText('not allowed to call logs:DescribeLogStreams');
  harness.sandbox.identity.reset();
  await expect(eventRows(eventsGrid)).toHaveText([/hello/]);
  await expect(bodyRows(app.getByRole('grid', { name: 'Log streams' }))).toHaveText([/only-stream/]);

  // A slow answer can be waited for, or cancelled; a cancelled one is dropped when it comes.
  harness.sandbox.setFaults({ latencyMs: 3_000 });
  await reload.click();
  const loading = app.getByRole('status').filter({ hasText: 'Reload the newest events…' });
  await expect(loading).toBeVisible();
  await expect(failure).toBeHidden();
  await app.getByRole('button', { name: 'Cancel' }).click();
  await expect(loading).toBeHidden();
  await app.waitForTimeout(3_500);
  await expect(eventRows(eventsGrid)).toHaveText([/hello/]);

  harness.sandbox.setFaults({});
  await reload.click();
  await expect(eventRows(eventsGrid)).toHaveText([/hello/, /arrived later/]);
});

test('hostile messages in a stream render as inert text, and long ones stay collapsed', async ({ app, harness }) => {
  const region = 'ap-northeast-2';
  const groupName = '/e2e/hostile';
  const start = Date.now() - 3_600_000;
  seedGroupOnce(harness, region, {
    name: groupName,
    creationTime: start,
    streams: [{ name: 'payloads', events: HOSTILE_MESSAGES.map((message, index) => ({ timestamp: start + index * 1_000, message })) }],
  });
  await switchRegion(app, region);
  await groupsGrid(app).getByRole('row', { name: new RegExp(escapeRegExp(groupName)) }).click();
  await bodyRows(app.getByRole('grid', { name: 'Log streams' })).first().click();
  const eventsGrid = app.getByRole('grid', { name: 'Events of payloads' });
  await expect(eventsGrid).toHaveAttribute('aria-rowcount', String(HOSTILE_MESSAGES.length + 1));

  await expect(eventsGrid.getByText('<img src=x onerror=', { exact: false })).toBeVisible();
  expect(await eventsGrid.locator('img, script, iframe, a').count()).toBe(0);
  expect(await app.evaluate(() => (window as Window & { hostileRan?: boolean }).hostileRan)).toBeUndefined();
  await expect(eventRows(eventsGrid).filter({ hasText: 'direction override' }).locator('[data-marker]', { hasText: 'RLO' })).toBeVisible();
  await expect(eventsGrid.getByRole('button', { name: 'Show all' })).toHaveCount(3);
  const viewport = app.viewportSize()?.height ?? 0;
  for (const height of await eventRows(eventsGrid).evaluateAll((rows) => rows.map((row) => row.getBoundingClientRect().height))) {
    expect(height).toBeLessThan(viewport / 2);
  }
});

test('a group deleted while open is said so, keeping what was loaded, without a pointless Retry', async ({ app, harness }) => {
  const region = 'ca-central-1';
  const groupName = '/e2e/deleted-while-open';
  if (!harness.sandbox.logs(region).group(groupName)) {
    const group = oneEventGroup(groupName);
    harness.sandbox.seed({ regions: [{ region, logGroups: [{ ...group, streams: [...group.streams, { name: 'second-stream', events: [] }] }] }] });
  }
  await switchRegion(app, region);
  await bodyRows(groupsGrid(app)).first().click();
  const streamsGrid = app.getByRole('grid', { name: 'Log streams' });
  const stream = streamsGrid.getByRole('row', { name: /only-stream/ });
  await stream.click();
  const eventsGrid = app.getByRole('grid', { name: 'Events of only-stream' });
  await expect(eventRows(eventsGrid)).toHaveText([/hello/]);

  harness.sandbox.logs(region).deleteGroup(groupName);
  const reload = app.getByRole('button', { name: 'Reload', exact: true });
  await reload.click();
  const gone = app.getByRole('alert').filter({ hasText: `The log group ${groupName} no longer exists: it was deleted while open.` });
  await expect(gone).toContainText('The events below were loaded before; they can still be read and saved.');
  await expect(eventRows(eventsGrid)).toHaveText([/hello/]);
  await expect(reload).toBeDisabled();

  // Another stream of the deleted group says so too, with nothing to retry.
  await streamsGrid.getByRole('row', { name: /second-stream/ }).click();
  const goneWhole = app.getByRole('alert').filter({ hasText: `The log group ${groupName} no longer exists` });
  await expect(goneWhole).toBeVisible();
  await expect(app.getByRole('button', { name: 'Retry' })).toHaveCount(0);

  // The list of streams says so instead of staying up.
  await app.getByRole('button', { name: 'Refresh' }).click();
  await expect(app.getByRole('alert').filter({ hasText: `The log group ${groupName} no longer exists: it was deleted.` })).toBeVisible();
  await expect(streamsGrid).toHaveCount(0);

  // The way out goes back to the group list, which no longer lists it.
  await app.getByRole('button', { name: 'Show log groups' }).first().click();
  const list = app.getByRole('region', { name: 'Log groups' });
  await expect(list).toBeVisible();
  // It was the region's only group.
  await expect(list).toContainText(`No log groups in ${region}`);
});

test('opening the detail pane re-wraps the events beside it without drawing one over another', async ({ app }) => {
  await groupsGrid(app).getByRole('row', { name: /tallybird-prod-orders-api/ }).first().click();
  await bodyRows(app.getByRole('grid', { name: 'Log streams' })).first().click();
  const grid = app.getByRole('grid', { name: /^Events of/ });
  const rows = grid.locator('.event-body-row');
  await expect(rows.first()).toBeVisible();
  await rows.last().dblclick();
  await expect(app.locator('.detail-pane')).toBeVisible();
  // Until each row has its new height, some overlap; then none may.
  await expect
    .poll(async () => {
      const boxes = await rows.evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect()).sort((a, b) => a.top - b.top));
      return boxes.filter((box, index) => index > 0 && box.top < boxes[index - 1]!.bottom - 1).length;
    })
    .toBe(0);
  // And stays so.
  await app.waitForTimeout(500);
  const boxes = await rows.evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect()).sort((a, b) => a.top - b.top));
  expect(boxes.filter((box, index) => index > 0 && box.top < boxes[index - 1]!.bottom - 1)).toEqual([]);
});

test('throttling is explained once for the region, with the API, its quota and where to raise it', async ({ app, harness }) => {
  const region = 'eu-north-1';
  const groupName = '/e2e/throttled';
  seedGroupOnce(harness, region, oneEventGroup(groupName));
  await switchRegion(app, region);
  await expect(bodyRows(groupsGrid(app))).toHaveCount(1);

  harness.sandbox.setFaults({ throttleRate: 1 });
  await bodyRows(groupsGrid(app)).first().click();
  const notice = app.getByRole('status', { name: `Throttling in ${region}` });
  await expect(notice).toContainText(`AWS is rate-limiting this account in ${region}.`, { timeout: 20_000 });
  await expect(notice).toContainText('DescribeLogStreams (quota 25/s)');
  await expect(notice.getByRole('link', { name: 'Service Quotas' })).toHaveAttribute(
    'href',
    `https://${region}.console.aws.amazon.com/servicequotas/home/services/logs/quotas`,
  );
  // The panel says which call failed and leaves the explanation to the notice.
  const alert = app.getByRole('alert');
  await expect(alert).toContainText('DescribeLogStreams was rate-limited; the notice above says more.');
  await expect(alert).not.toContainText('Service Quotas');

  harness.sandbox.setFaults({});
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(bodyRows(app.getByRole('grid', { name: 'Log streams' })).first()).toContainText('only-stream');
  await notice.getByRole('button', { name: 'Dismiss the throttling notice' }).click();
  await expect(notice).toHaveCount(0);
});

/** Seeds a group unless a retry of the test already did (the sandbox lives as long as the worker). */
function seedGroupOnce(harness: Harness, region: string, group: SeedLogGroup): void {
  if (harness.sandbox.logs(region).group(group.name)) return;
  harness.sandbox.seed({ regions: [{ region, logGroups: [group] }] });
}

/** A group with one stream, `only-stream`, holding one event from a minute ago. */
function oneEventGroup(name: string): SeedLogGroup {
  return {
    name,
    creationTime: Date.now() - 86_400_000,
    streams: [{ name: 'only-stream', events: [{ timestamp: Date.now() - 60_000, message: 'hello' }] }],
  };
}

function manyGroups(total: number): SeedLogGroup[] {
  const start = Date.UTC(2024, 0, 1);
  return Array.from({ length: total }, (_, index) => ({
    name: `${index % 2 === 0 ? '/aws/lambda/perf-fn' : '/ecs/perf-svc'}-${String(index).padStart(5, '0')}`,
    // Spread over time, not in name order, so sorting by date really reorders.
    creationTime: start + ((index * 7919) % total) * 60_000,
    ...(index % 3 === 0 ? { retentionInDays: 30 } : {}),
    streams: [],
  }));
}

function backgroundOf(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
}

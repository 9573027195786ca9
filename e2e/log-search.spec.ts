/**
 * Searching log groups end to end: each kind of filter pattern, several groups at once, context around a
 * match, a Lambda invocation, a download checked event by event, and hostile content. Expected events come
 * from what the test seeded, matched with the shared filter-pattern matcher — never from the UI.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { HOSTILE_MESSAGES } from '../bench/viewer/page/hostile';
import type { SeedLogGroup } from '../src/sandbox';
import { createScenario } from '../src/sandbox/seed/demo/scenario';
import { formatTimeRange } from '../src/shared/time-range';
import { matchesFilterPattern, parseFilterPattern } from '../src/shared/languages/filter-pattern';
import { expect, test } from './fixtures';
import { switchRegion } from './support/app';
import type { Harness } from './harness';

const REGION = 'eu-west-2';
const NOW = Date.now();
const MINUTE = 60_000;
const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

const REQUEST_ID = '5d2c6a1e-8b7f-4c3d-9e0a-1b2c3d4e5f60';

/** An API's Lambda function: an invocation with its platform lines, and JSON lines from other invocations. */
const LAMBDA: SeedLogGroup = {
  name: '/aws/lambda/e2e-orders',
  creationTime: NOW - 86_400_000,
  streams: [
    {
      name: '2026/11/30/[$LATEST]aaaa',
      events: [
        { timestamp: NOW - 30 * MINUTE, message: `START RequestId: ${REQUEST_ID} Version: $LATEST` },
        { timestamp: NOW - 30 * MINUTE + 5, message: `${new Date(NOW - 30 * MINUTE).toISOString()}\t${REQUEST_ID}\tINFO\tcharging order 42` },
        { timestamp: NOW - 30 * MINUTE + 900, message: `${new Date(NOW - 30 * MINUTE).toISOString()}\t${REQUEST_ID}\tERROR\tTask timed out talking to payments` },
        { timestamp: NOW - 30 * MINUTE + 901, message: `END RequestId: ${REQUEST_ID}` },
        { timestamp: NOW - 30 * MINUTE + 902, message: `REPORT RequestId: ${REQUEST_ID}\tDuration: 901.00 ms\tBilled Duration: 902 ms` },
        ...Array.from({ length: 40 }, (_, index) => ({
          timestamp: NOW - 20 * MINUTE + index * 1000,
          message: JSON.stringify({ level: index % 10 === 0 ? 'error' : 'info', msg: `request ${index}`, status: index % 10 === 0 ? 503 : 200 }),
        })),
      ],
    },
  ],
};

/** An nginx access log in two streams: space-delimited lines. */
const NGINX: SeedLogGroup = {
  name: '/e2e/nginx/access',
  creationTime: NOW - 86_400_000,
  streams: ['web-1', 'web-2'].map((name, streamIndex) => ({
    name,
    events: Array.from({ length: 30 }, (_, index) => ({
      timestamp: NOW - 40 * MINUTE + index * 60_000 + streamIndex,
      message: `10.0.${streamIndex}.${index} - - [30/Nov/2026:10:00:00 +0000] "GET /orders/${index} HTTP/1.1" ${index % 7 === 0 ? 502 : 200} ${100 + index}`,
    })),
  })),
};

const GROUPS = [LAMBDA, NGINX];

function matches(pattern: string, message: string): boolean {
  const parsed = parseFilterPattern(pattern);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return matchesFilterPattern(parsed.pattern, message);
}

function expectedMessages(groups: readonly SeedLogGroup[], pattern: string): string[] {
  return groups.flatMap((group) => group.streams.flatMap((stream) => stream.events.map((event) => event.message))).filter((message) => matches(pattern, message));
}

/** The messages the sandbox holds for a group in a time range (both ends included). */
function storedMessages(harness: Harness, region: string, groupName: string, start: number, end: number): string[] {
  const group = harness.sandbox.logs(region).group(groupName);
  if (!group) throw new Error(`no group ${groupName}`);
  return group.streamNames().flatMap((name) => {
    const events = group.stream(name)?.events;
    const messages: string[] = [];
    for (let index = 0; events && index < events.length; index++) {
      const event = events.at(index);
      if (event && event.timestamp >= start && event.timestamp <= end) messages.push(event.message);
    }
    return messages;
  });
}

function events(count: number): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? 'event' : 'events'}`;
}

function seedOnce(harness: Harness, groups: readonly SeedLogGroup[]): void {
  const missing = groups.filter((group) => !harness.sandbox.logs(REGION).group(group.name));
  if (missing.length > 0) harness.sandbox.seed({ regions: [{ region: REGION, logGroups: missing }] });
}

async function openSearch(page: Page, groups: readonly string[]): Promise<Locator> {
  await page.getByRole('button', { name: 'Search events…' }).click();
  const form = page.getByRole('form', { name: 'Search log events' });
  for (const name of groups) {
    await form.getByLabel('Add a log group').fill(name);
    await form.getByLabel('Add a log group').press('Enter');
  }
  return form;
}

async function search(form: Locator, pattern: string): Promise<void> {
  await form.getByLabel('Filter pattern').fill(pattern);
  await form.getByLabel('Filter pattern').press('Enter');
}

function resultsGrid(page: Page): Locator {
  return page.getByRole('grid', { name: /^Events found in/ });
}

function summary(page: Page): Locator {
  return page.locator('.search-results-body .events-line').first();
}

test.beforeEach(async ({ harness }) => {
  seedOnce(harness, GROUPS);
});

test.afterEach(async ({ harness }) => {
  harness.sandbox.setFaults({});
  await harness.api.dispatcher.call('connections.select', { connectionId: 'demo', region: 'us-east-1' }, new AbortController().signal);
});

test('searches with every kind of filter pattern, highlights what matched, and keeps the search in the URL', async ({ app }) => {
  await switchRegion(app, REGION);
  const form = await openSearch(app, [LAMBDA.name, NGINX.name]);
  for (const pattern of ['ERROR', '"timed out"', '{ $.level = "error" }', '[ip, identity, user, timestamp, request, status = 5*, bytes]', '%50[0-9]%', '?START ?REPORT']) {
    await search(form, pattern);
    const expected = expectedMessages(GROUPS, pattern);
    await expect(summary(app)).toContainText(`${events(expected.length)} from /aws/lambda/e2e-orders, /e2e/nginx/access`);
    await expect(resultsGrid(app)).toHaveAttribute('aria-rowcount', String(expected.length + 1));
  }
  expect(new URL(app.url()).hash).toContain(`pattern=${encodeURIComponent('?START ?REPORT').replace(/%20/g, '+')}`);

  await search(form, 'ERROR');
  await expect(resultsGrid(app).locator('mark.match', { hasText: 'ERROR' }).first()).toBeVisible();
  await expect(resultsGrid(app).getByRole('gridcell', { name: LAMBDA.name }).first()).toBeVisible();

  // A mistake is marked where it is and never sent.
  const sentBefore = app.url();
  await form.getByLabel('Filter pattern').fill('{ $.level = }');
  await form.getByLabel('Filter pattern').press('Enter');
  await expect(form.getByRole('alert')).toContainText('character');
  expect(app.url()).toBe(sentBefore);

  // A reload runs the search in the URL again.
  await app.reload();
  await expect(summary(app)).toContainText(events(expectedMessages(GROUPS, 'ERROR').length));
});

test('a link holds a search: the demo incident’s errors, opened from the URL', async ({ app, harness }) => {
  const { incident } = createScenario(Date.now());
  const range = { kind: 'absolute' as const, start: incident.deployAt - 5 * MINUTE, end: incident.end + 10 * MINUTE };
  const parameters = new URLSearchParams({ group: '/aws/lambda/tallybird-prod-orders-api', pattern: '?ERROR ?"Task timed out"', range: formatTimeRange(range, 'utc') });
  // As a reload (or a restart) finds it: the search in the location hash.
  await app.goto(`${harness.bridge.url}/index.html#/logs?${parameters}`);
  await app.reload();
  const grid = resultsGrid(app);
  const expected = storedMessages(harness, 'us-east-1', '/aws/lambda/tallybird-prod-orders-api', range.start, range.end).filter((message) =>
    matches('?ERROR ?"Task timed out"', message),
  );
  expect(expected.length).toBeGreaterThan(0);
  await expect(summary(app)).toContainText(`${events(expected.length)} from /aws/lambda/tallybird-prod-orders-api — all of`);
  await expect(grid.locator('mark.match').first()).toBeVisible();
  await grid.locator('[role="row"][data-index]').nth(2).dblclick();
  await expect(app.locator('.detail-pane')).toBeVisible();
  await app.screenshot({ path: `${SCREENSHOTS}search-incident-light.png` });
});

test('searches every group a name pattern fits, each row saying its group', async ({ app }) => {
  await switchRegion(app, REGION);
  await app.getByRole('button', { name: 'Search events…' }).click();
  const form = app.getByRole('form', { name: 'Search log events' });
  await form.getByRole('button', { name: 'By pattern' }).click();
  await form.getByLabel('Group name pattern').fill('/e2e/nginx/*');
  await expect(form.getByText('Fits 1 loaded group')).toBeVisible();
  await search(form, '[ip, identity, user, timestamp, request, status = 502, bytes]');
  const expected = expectedMessages([NGINX], '[ip, identity, user, timestamp, request, status = 502, bytes]');
  await expect(summary(app)).toContainText(`${events(expected.length)} from ${NGINX.name}`);
});

test('opens a match in its context, and a Lambda line’s whole invocation', async ({ app }) => {
  await switchRegion(app, REGION);
  const form = await openSearch(app, [LAMBDA.name]);
  await search(form, '"timed out"');
  await resultsGrid(app).locator('[role="row"][data-index]').first().dblclick();
  await app.getByRole('button', { name: 'Show in context' }).click();
  const context = app.getByRole('region', { name: /^Context of the event/ });
  const contextGrid = context.getByRole('grid');
  await expect(contextGrid.locator('[data-marked]')).toContainText('Task timed out');
  await expect(contextGrid).toContainText('charging order 42');
  await app.screenshot({ path: `${SCREENSHOTS}context-light.png` });
  await context.getByRole('button', { name: 'Back to the results' }).click();
  await expect(resultsGrid(app)).toBeVisible();

  await app.getByRole('button', { name: 'This invocation' }).click();
  const invocation = app.getByRole('dialog', { name: 'This invocation' });
  await expect(invocation).toContainText('5 lines');
  for (const line of LAMBDA.streams[0]!.events.slice(0, 5)) await expect(invocation.getByRole('grid')).toContainText(line.message.split('\t').at(-1)!);
});

test('downloads a search’s whole range, and the file holds exactly its events', async ({ app, harness }) => {
  await switchRegion(app, REGION);
  const form = await openSearch(app, [LAMBDA.name, NGINX.name]);
  await form.getByLabel('Filter pattern').fill('-START');
  await form.getByRole('button', { name: 'Download…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Download events' });
  await dialog.getByLabel(/^NDJSON/).check();
  await dialog.getByRole('button', { name: 'Choose file and download' }).click();
  const bar = app.getByRole('region', { name: 'Downloads' });
  const expected = expectedMessages(GROUPS, '-START');
  await expect(bar).toContainText(`Saved ${events(expected.length)}`);
  await app.screenshot({ path: `${SCREENSHOTS}download-light.png` });
  const file = harness.saved.at(-1)!;
  const written = readFileSync(file, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as { message: string; timestamp: number });
  expect(written.map((event) => event.message).sort()).toEqual([...expected].sort());
  expect(written.map((event) => event.timestamp)).toEqual([...written.map((event) => event.timestamp)].sort((a, b) => a - b));
});

test('hostile messages found by a search are inert, truthful text', async ({ app, harness }) => {
  const group: SeedLogGroup = {
    name: '/e2e/hostile',
    creationTime: NOW - 86_400_000,
    streams: [
      {
        name: 'evil',
        events: [...HOSTILE_MESSAGES, `invalid utf-8 ${Buffer.from([0x62, 0xff, 0xfe, 0x63]).toString('utf8')}`].map((message, index) => ({
          timestamp: NOW - 10 * MINUTE + index,
          message,
        })),
      },
    ],
  };
  seedOnce(harness, [group]);
  await switchRegion(app, REGION);
  const form = await openSearch(app, [group.name]);
  await search(form, '');
  const grid = resultsGrid(app);
  await expect(summary(app)).toContainText(events(HOSTILE_MESSAGES.length + 1));
  expect(await grid.locator('img, script, iframe').count()).toBe(0);
  expect(await app.evaluate(() => (window as unknown as { hostileRan?: boolean }).hostileRan)).toBeUndefined();
  await expect(grid.locator('[data-marker]', { hasText: 'RLO' })).toBeVisible();
  await expect(grid).toContainText('b\uFFFD\uFFFDc');
  const viewport = app.viewportSize()!.height;
  for (const height of await grid.locator('[role="row"][data-index]').evaluateAll((rows) => rows.map((row) => row.getBoundingClientRect().height))) {
    expect(height).toBeLessThan(viewport / 2);
  }
  await app.screenshot({ path: `${SCREENSHOTS}hostile-light.png` });
});

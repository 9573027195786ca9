/**
 * Live tail in the Logs view: the real renderer in Chromium, `window.api` over the bridge to main/api,
 * the sandbox's StartLiveTail behind it. New events are written the way any producer writes them
 * (CreateLogStream and PutLogEvents with the AWS SDK) while the tail runs; what the table should show
 * comes from what the test wrote, never from the UI.
 */
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
  ResourceAlreadyExistsException,
} from '@aws-sdk/client-cloudwatch-logs';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { LIVE_TAIL_SESSION_MS } from '../src/shared/contract/logs-rules';
import { expect, test } from './fixtures';
import { escapeRegExp, switchRegion } from './support/app';
import type { Harness } from './harness';

declare const window: Window & { readonly hostileRan?: boolean };

const REGION = 'eu-west-3';
const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
mkdirSync(SCREENSHOTS, { recursive: true });
/** The promise: an event written while the tail runs is on screen within this long. */
const NEW_EVENT_WITHIN_MS = 2000;

test.afterEach(async ({ harness }) => {
  harness.sandbox.liveTail.configure({ sessionMs: LIVE_TAIL_SESSION_MS });
  const result = await harness.api.dispatcher.call('connections.select', { connectionId: 'demo', region: 'us-east-1' }, new AbortController().signal);
  if (!result.ok) throw new Error(result.error.message);
});

/** A producer of log events, as an application using the AWS SDK would be. */
function producer(harness: Harness) {
  const client = new CloudWatchLogsClient({
    endpoint: harness.sandbox.endpoint,
    region: REGION,
    credentials: { accessKeyId: 'AKIDLIVETAILE2E', secretAccessKey: 'e2e-secret' },
    maxAttempts: 1,
  });
  return {
    async createGroup(logGroupName: string, streams: readonly string[]) {
      await ignoreExisting(client.send(new CreateLogGroupCommand({ logGroupName })));
      for (const logStreamName of streams) await this.createStream(logGroupName, logStreamName);
    },
    async createStream(logGroupName: string, logStreamName: string) {
      await ignoreExisting(client.send(new CreateLogStreamCommand({ logGroupName, logStreamName })));
    },
    /** Writes the messages, a millisecond apart so their order is their time order. */
    async put(logGroupName: string, logStreamName: string, messages: readonly string[]) {
      const now = Date.now();
      const logEvents = messages.map((message, index) => ({ timestamp: now - messages.length + index, message }));
      await client.send(new PutLogEventsCommand({ logGroupName, logStreamName, logEvents }));
    },
  };
}

async function ignoreExisting(call: Promise<unknown>): Promise<void> {
  try {
    await call;
  } catch (error) {
    // A retry of the test finds what its first run created.
    if (!(error instanceof ResourceAlreadyExistsException)) throw error;
  }
}

/**
 * Shows the live tail of one group. This is the one place that knows how the Logs view offers a tail:
 * open the group from the list, then press its "Live tail" button.
 */
async function showLiveTail(page: Page, groupName: string, beforeStart?: () => void): Promise<Locator> {
  await switchRegion(page, REGION);
  const groups = page.getByRole('grid', { name: 'Log groups' });
  await groups.getByRole('row', { name: new RegExp(`${escapeRegExp(groupName)}\\b`) }).click();
  await page.getByRole('button', { name: 'Search and tail' }).click();
  const start = page.getByRole('button', { name: 'Live tail', exact: true });
  await expect(start).toBeVisible();
  beforeStart?.();
  await start.click();
  return page.getByRole('region', { name: 'Live tail' });
}

/** Shows the live tail of one group and waits until its Live Tail session runs. */
async function openLiveTail(page: Page, groupName: string): Promise<Locator> {
  const panel = await showLiveTail(page, groupName);
  await expect(panel.getByRole('status').filter({ hasText: /^Live Tail$/ })).toBeVisible();
  return panel;
}

/** Creates a group with some streams and opens its live tail. */
async function tailNewGroup(page: Page, harness: Harness, group: string, streams: readonly string[]) {
  const logs = producer(harness);
  await logs.createGroup(group, streams);
  const panel = await openLiveTail(page, group);
  return { logs, panel, grid: tailGrid(panel, group) };
}

function tailGrid(panel: Locator, groupName: string): Locator {
  return panel.getByRole('grid', { name: `Live tail of ${groupName}` });
}

function rows(grid: Locator): Locator {
  return grid.locator('.event-body-row');
}

/** The header row counts in aria-rowcount. */
async function expectRowCount(grid: Locator, events: number): Promise<void> {
  await expect(grid).toHaveAttribute('aria-rowcount', String(events + 1));
}

test('events written after the tail started appear within 2 s, from streams created after it too', async ({ app, harness }) => {
  const group = '/e2e/tail/checkout-api';
  const logs = producer(harness);
  await logs.createGroup(group, ['web-1']);
  await logs.put(group, 'web-1', ['INFO written before the tail started']);

  const panel = await openLiveTail(app, group);
  const grid = tailGrid(panel, group);
  await expect(panel.getByText('Waiting for new events')).toBeVisible();
  expect(harness.sandbox.liveTail.openSessions(REGION)).toBe(1);
  await expect(panel.getByText('Live Tail covers up to 10 log groups per session.', { exact: false })).toBeVisible();

  await logs.put(group, 'web-1', ['INFO order 1001 accepted']);
  await expect(rows(grid).filter({ hasText: 'order 1001 accepted' })).toBeVisible({ timeout: NEW_EVENT_WITHIN_MS });

  await logs.createStream(group, 'web-2');
  await logs.put(group, 'web-2', ['INFO from a stream created after the tail started']);
  const fromNewStream = rows(grid).filter({ hasText: 'from a stream created after the tail started' });
  await expect(fromNewStream).toBeVisible({ timeout: NEW_EVENT_WITHIN_MS });
  await expect(fromNewStream).toContainText('web-2');

  // Only what was written while the tail ran, once each.
  await expectRowCount(grid, 2);
  await expect(rows(grid).filter({ hasText: 'written before the tail started' })).toHaveCount(0);
  await expect(panel.getByText('2 events', { exact: true })).toBeVisible();

  // Stop ends the Live Tail session in the sandbox, and keeps what arrived on screen.
  await panel.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(panel.getByRole('status').filter({ hasText: /^Stopped$/ })).toBeVisible();
  await expect.poll(() => harness.sandbox.liveTail.openSessions(REGION)).toBe(0);
  await expectRowCount(grid, 2);

  // Starting again starts a new session.
  await panel.getByRole('button', { name: 'Start again' }).click();
  await expect(panel.getByRole('status').filter({ hasText: /^Live Tail$/ })).toBeVisible();
  await expect.poll(() => harness.sandbox.liveTail.openSessions(REGION)).toBe(1);
  await logs.put(group, 'web-1', ['INFO order 1002 accepted']);
  await expect(rows(grid).filter({ hasText: 'order 1002 accepted' })).toBeVisible({ timeout: NEW_EVENT_WITHIN_MS });

  // Leaving the tail (back to the list of groups) ends its session too.
  await app.getByRole('button', { name: 'Log groups', exact: true }).click();
  await expect(panel).toHaveCount(0);
  await expect.poll(() => harness.sandbox.liveTail.openSessions(REGION)).toBe(0);
});

test('pause keeps new events aside with their count, and resume adds them in order', async ({ app, harness }) => {
  const group = '/e2e/tail/pause';
  const { logs, panel, grid } = await tailNewGroup(app, harness, group, ['worker-1']);

  await logs.put(group, 'worker-1', ['job 1 done', 'job 2 done']);
  await expectRowCount(grid, 2);

  await panel.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(panel.getByRole('status').filter({ hasText: /^Live Tail · paused$/ })).toBeVisible();
  await logs.put(group, 'worker-1', ['job 3 done', 'job 4 done']);
  await logs.put(group, 'worker-1', ['job 5 done']);
  const resumeWithCount = panel.getByRole('button', { name: '3 new events — Resume' });
  await expect(resumeWithCount).toBeVisible();
  await expectRowCount(grid, 2);
  await expect(rows(grid).filter({ hasText: 'job 3 done' })).toHaveCount(0);

  await resumeWithCount.click();
  await expectRowCount(grid, 5);
  await expect(rows(grid).locator('.event-cell-message')).toHaveText(['job 1 done', 'job 2 done', 'job 3 done', 'job 4 done', 'job 5 done']);
  await expect(panel.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await expect(resumeWithCount).toHaveCount(0);

  // Events that come after the resume go straight to the table again.
  await logs.put(group, 'worker-1', ['job 6 done']);
  await expect(rows(grid).last()).toContainText('job 6 done', { timeout: NEW_EVENT_WITHIN_MS });
});

test('scrolling up stops following the newest events; Jump to newest follows them again', async ({ app, harness }) => {
  const group = '/e2e/tail/scroll';
  const { logs, panel, grid } = await tailNewGroup(app, harness, group, ['api-1']);

  await logs.put(group, 'api-1', Array.from({ length: 300 }, (_, index) => `GET /orders/${index} 200`));
  await expectRowCount(grid, 300);
  await expect(rows(grid).filter({ hasText: 'GET /orders/299 200' })).toBeInViewport();

  await grid.locator('.event-table-scroll').hover();
  await app.mouse.wheel(0, -1500);
  const jump = panel.getByRole('button', { name: 'Jump to newest' });
  await expect(jump).toBeVisible();

  await logs.put(group, 'api-1', ['GET /orders/300 200', 'GET /orders/301 200']);
  await expectRowCount(grid, 302);
  // The reader stays where they were reading.
  await expect(rows(grid).filter({ hasText: 'GET /orders/301 200' })).not.toBeInViewport();

  await jump.click();
  await expect(rows(grid).filter({ hasText: 'GET /orders/301 200' })).toBeInViewport();
  await expect(jump).toHaveCount(0);
  await logs.put(group, 'api-1', ['GET /orders/302 200']);
  await expect(rows(grid).filter({ hasText: 'GET /orders/302 200' })).toBeInViewport({ timeout: NEW_EVENT_WITHIN_MS });
});

test('hostile content arriving in a tail renders as inert text', async ({ app, harness }) => {
  const group = '/e2e/tail/hostile';
  const { logs, grid } = await tailNewGroup(app, harness, group, ['intake']);

  await logs.put(group, 'intake', [
    '<img src=x onerror="window.hostileRan=true"> image payload',
    '<script>window.hostileRan = true</script> script payload',
    'invoice for \u202Egpj.exe direction override',
    '\u001b[31mred\u001b[0m and \u001b[1;32mbold green\u001b[0m ansi colours',
    'zero\u200Bwidth and \uFFFD replacement',
  ]);
  await expectRowCount(grid, 5);

  expect(await grid.locator('img, script, iframe, a').count()).toBe(0);
  await expect(grid.getByText('<img src=x onerror="window.hostileRan=true"> image payload')).toBeVisible();
  await expect(grid.getByText('<script>window.hostileRan = true</script> script payload')).toBeVisible();
  expect(await app.evaluate(() => window.hostileRan)).toBeUndefined();

  const override = rows(grid).filter({ hasText: 'direction override' });
  await expect(override.locator('[data-marker]', { hasText: 'RLO' })).toBeVisible();
  await expect(override).toContainText('gpj.exe');
  const ansi = rows(grid).filter({ hasText: 'ansi colours' });
  await expect(ansi.getByText('red', { exact: true })).toHaveCSS('color', 'rgb(205, 49, 49)');
  await expect(rows(grid).filter({ hasText: 'replacement' }).locator('[data-marker]', { hasText: 'ZWSP' })).toBeVisible();
});

test('AWS’s sample above 500 events a second is said, with what to do', async ({ app, harness }) => {
  const group = '/e2e/tail/flood';
  const { logs, panel, grid } = await tailNewGroup(app, harness, group, ['burst']);

  await logs.put(group, 'burst', Array.from({ length: 800 }, (_, index) => `burst event ${index}`));
  await expect(
    panel.getByText('AWS is sending a sample: more than 500 events a second match. Narrow the filter pattern to see every event.'),
  ).toBeVisible();
  await expect(panel.getByRole('status').filter({ hasText: 'AWS is sending a sample of the matching events.' })).toBeAttached();
  await expectRowCount(grid, 500);
});

test('a session AWS ends is renewed, said, and loses or repeats no event', async ({ app, harness }) => {
  const group = '/e2e/tail/renewal';
  // Sessions end after 2 s instead of 3 hours.
  harness.sandbox.liveTail.configure({ sessionMs: 2000 });
  const { logs, panel, grid } = await tailNewGroup(app, harness, group, ['steady']);

  const written: string[] = [];
  for (let index = 0; index < 12; index++) {
    const message = `heartbeat ${index}`;
    await logs.put(group, 'steady', [message]);
    written.push(message);
    await app.waitForTimeout(400);
  }
  await expect(panel.getByRole('status').filter({ hasText: /^Session renewed at / })).toContainText(
    'AWS ends Live Tail sessions after 3 hours. A new session took over without losing or repeating an event.',
  );
  await expectRowCount(grid, written.length);
  await expect(rows(grid).locator('.event-cell-message')).toHaveText(written);
});

test('a tail that cannot start says why in a sentence, without a pointless Retry', async ({ app, harness }) => {
  const group = '/e2e/tail/deleted';
  const logs = producer(harness);
  await logs.createGroup(group, ['only']);
  const panel = await showLiveTail(app, group, () => harness.sandbox.logs(REGION).deleteGroup(group));

  const alert = panel.getByRole('alert');
  await expect(alert).toContainText('The tail stopped: not found');
  await expect(alert).toContainText(`The log group ${group} does not exist.`);
  await expect(alert.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  await expect(panel.getByRole('status').filter({ hasText: /^Tail failed$/ })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Start again' })).toHaveCount(0);
  expect(harness.sandbox.liveTail.openSessions(REGION)).toBe(0);
});

test('screenshot: a live tail of a busy group', async ({ app, harness }) => {
  const group = '/aws/lambda/checkout-api';
  // Lambda names a stream by the day its instance started.
  const stream = `${new Date().toISOString().slice(0, 10).replaceAll('-', '/')}/[$LATEST]5f0c7d1e9a8b4c2d`;
  const { logs, panel, grid } = await tailNewGroup(app, harness, group, [stream]);
  for (let second = 0; second < 4; second++) {
    await logs.put(group, stream, invocationLines(second));
    await app.waitForTimeout(1000);
  }
  await expectRowCount(grid, 4 * invocationLines(0).length);
  await expect(panel.getByText(/^[1-9][0-9.]* events\/s$/)).toBeVisible();
  await app.screenshot({ path: `${SCREENSHOTS}live-tail-light.png` });
});

/** What one Lambda invocation of a checkout API logs. */
function invocationLines(serial: number): string[] {
  const requestId = `8f4c2a1e-5b7d-4e9a-b3c6-${String(1000 + serial).padStart(12, '0')}`;
  return [
    `START RequestId: ${requestId} Version: $LATEST`,
    JSON.stringify({ level: 'info', msg: 'cart loaded', requestId, cartId: `c-${4200 + serial}`, items: 3 }),
    JSON.stringify({ level: 'info', msg: 'payment authorized', requestId, amount: 42.5 + serial, currency: 'EUR' }),
    serial === 2
      ? JSON.stringify({ level: 'warn', msg: 'inventory low', requestId, sku: 'SKU-1182', left: 2 })
      : JSON.stringify({ level: 'info', msg: 'order placed', requestId, orderId: `o-${9100 + serial}` }),
    `END RequestId: ${requestId}`,
    `REPORT RequestId: ${requestId}\tDuration: ${(112.4 + serial * 7.3).toFixed(2)} ms\tBilled Duration: 113 ms\tMemory Size: 512 MB\tMax Memory Used: 94 MB`,
  ];
}

/**
 * Logs Insights end to end on the demo account (us-east-1, read only): a query written with completion,
 * its cost estimate, a run watched to Complete, a stats … by bin() result charted, a slow query stopped,
 * a result's record opened and followed into its stream, results downloaded and checked, and a query
 * found again in the history. Query definitions are written in eu-north-1 only, so no other spec sees them.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CloudWatchLogsClient, DescribeQueriesCommand, StartQueryCommand } from '@aws-sdk/client-cloudwatch-logs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { switchRegion } from './support/app';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
mkdirSync(SCREENSHOTS, { recursive: true });

const GROUP = '/ecs/orders-service';
const WRITE_REGION = 'eu-north-1';
const WRITE_GROUP = '/e2e/insights/orders';

test.afterEach(async ({ harness }) => {
  if (harness.sandbox.logs(WRITE_REGION).group(WRITE_GROUP)) harness.sandbox.logs(WRITE_REGION).deleteGroup(WRITE_GROUP);
  // The session lives as long as the worker: the next spec expects the demo connection in us-east-1.
  const result = await harness.api.dispatcher.call('connections.select', { connectionId: 'demo', region: 'us-east-1' }, new AbortController().signal);
  expect(result.ok).toBe(true);
});

async function openInsights(app: Page): Promise<void> {
  await app.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Insights' }).click();
  await expect(app.getByRole('heading', { name: 'Insights', exact: true })).toBeAttached();
}

async function chooseGroup(app: Page, name: string): Promise<void> {
  const search = app.getByRole('combobox', { name: 'Add log groups' });
  await search.fill(name.slice(1, 12));
  await app.getByRole('option', { name, exact: true }).click();
  await expect(app.getByRole('list', { name: 'Chosen log groups' }).getByText(name, { exact: true })).toBeVisible();
}

function editor(app: Page) {
  return app.getByRole('textbox', { name: 'Logs Insights query' });
}

/** Replaces the editor's text, typing it as a person would (completion and brackets take part). */
async function typeQuery(app: Page, text: string): Promise<void> {
  await editor(app).click();
  await app.keyboard.press('ControlOrMeta+a');
  await app.keyboard.press('Delete');
  // Typed keys must land in the emptied editor, not race its redraw.
  await expect(editor(app).locator('.cm-placeholder')).toBeVisible();
  if (text === '') return;
  await app.keyboard.type(text);
  await app.keyboard.press('Escape');
  await expect(editor(app)).toHaveText(text);
}

async function setRange(app: Page, text: string): Promise<void> {
  await app.getByRole('button', { name: /^Time range/ }).click();
  const typed = app.getByRole('textbox', { name: /range/i }).first();
  await typed.fill(text);
  await typed.press('Enter');
}

/** Enter on the selected completion; CodeMirror ignores it for its first 75 ms, so a quick key is not taken for a choice. */
async function acceptCompletion(app: Page): Promise<void> {
  await expect(app.getByRole('option', { selected: true })).toBeVisible();
  await app.waitForTimeout(150);
  await app.keyboard.press('Enter');
}

function status(app: Page) {
  return app.locator('.insights-tab:not([hidden]) .insights-status');
}

test('writes a query with completion, sees its cost, runs it and charts the stats by bin() result', async ({ app }) => {
  await openInsights(app);
  await chooseGroup(app, GROUP);

  // Completion: commands at the start, then functions and the group's fields.
  await typeQuery(app, '');
  await app.keyboard.type('sta');
  const completions = app.getByRole('listbox').filter({ has: app.getByRole('option', { name: /^stats/ }) });
  await expect(completions).toBeVisible();
  await acceptCompletion(app);
  await expect(editor(app)).toHaveText('stats ');
  await app.keyboard.type('cou');
  await expect(app.getByRole('option', { name: /^count(?!_)/ }).first()).toBeVisible();
  await app.screenshot({ path: `${SCREENSHOTS}insights-completion.png` });
  await acceptCompletion(app);
  await expect(editor(app)).toHaveText('stats count(');
  await app.keyboard.type('*) as requests by bin(5m), level');
  await app.keyboard.press('Escape');
  await expect(editor(app)).toHaveText('stats count(*) as requests by bin(5m), level');

  // A mistake is marked before anything is sent.
  await app.keyboard.type(' |');
  await expect(app.getByRole('alert').filter({ hasText: /character/ })).toBeVisible();
  await app.keyboard.press('Backspace');
  await app.keyboard.press('Backspace');

  await setRange(app, '-3h');
  await expect(app.getByText(/Estimated scan: .+ per GB scanned/)).toBeVisible();

  await app.keyboard.press('Escape');
  await editor(app).click();
  await app.keyboard.press('ControlOrMeta+Enter');
  await expect(status(app)).toContainText('Complete', { timeout: 30_000 });
  await expect(status(app)).toContainText(/matched · .* scanned/);
  await expect(app.getByText(/^Scanned .+ per GB scanned/)).toBeVisible();
  const grid = app.getByRole('grid', { name: 'Query results' });
  await expect(grid.getByRole('columnheader', { name: 'bin(5m)' })).toBeVisible();
  await expect(grid.getByRole('columnheader', { name: 'requests' })).toBeVisible();
  await app.screenshot({ path: `${SCREENSHOTS}insights-table.png` });

  await app.getByRole('button', { name: 'Chart', exact: true }).click();
  await expect(app.getByRole('img', { name: /Query results over time/ }).or(app.locator('.insights-chart canvas')).first()).toBeVisible();
  await app.getByRole('button', { name: 'Stacked area' }).click();
  await expect(app.getByRole('button', { name: 'Stacked area' })).toHaveAttribute('aria-pressed', 'true');
  await app.screenshot({ path: `${SCREENSHOTS}insights-chart.png` });
  await app.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot({ path: `${SCREENSHOTS}insights-chart-dark.png` });
  await app.emulateMedia({ colorScheme: 'light' });

  // The run is in the history, found by its text, and runs again from there.
  await app.getByRole('button', { name: 'History', exact: true }).click();
  await app.getByRole('searchbox', { name: 'Search history' }).fill('bin(5m) level');
  const entries = app.getByRole('list', { name: 'Query history' }).getByRole('listitem');
  await expect(entries.first()).toContainText('stats count(*) as requests by bin(5m), level');
  await expect(entries.first()).toContainText('Complete');
  await app.screenshot({ path: `${SCREENSHOTS}insights-history.png` });
  await entries.first().getByRole('button', { name: 'Run again' }).click();
  await expect(status(app)).toContainText('Complete', { timeout: 30_000 });

  // The tab on screen is in the location hash: a reload opens the same query, groups and range.
  await app.reload();
  await expect(editor(app)).toHaveText('stats count(*) as requests by bin(5m), level');
  await expect(app.getByRole('list', { name: 'Chosen log groups' }).getByText(GROUP, { exact: true })).toBeVisible();
  await expect(app.getByRole('button', { name: /^Time range/ })).toContainText('Last 3 hours');
});

test("marks the server's MalformedQueryException in the editor, at its position", async ({ app }) => {
  await openInsights(app);
  await chooseGroup(app, GROUP);
  // Valid Insights that the sandbox does not run: the local check only warns, so it is sent, and refused.
  await typeQuery(app, 'fields @message | pattern @message');
  await app.getByRole('button', { name: 'Run query' }).click();
  // "pattern" starts at offset 18: the 19th character.
  const mistake = app.getByRole('alert').filter({ hasText: /^AWS could not read the query: [^(]+\(character 19\)/ });
  await expect(mistake).toBeVisible();
  await expect(mistake.locator('mark')).toHaveText('pattern');
  await app.screenshot({ path: `${SCREENSHOTS}insights-malformed.png` });
});

test('watches a slow query run and stops it on the server', async ({ app, harness }) => {
  const defaults = harness.sandbox.insights.settings();
  harness.sandbox.insights.configure({ eventsPerSecond: 300 });
  try {
    await openInsights(app);
    await chooseGroup(app, GROUP);
    await typeQuery(app, 'fields @timestamp, @message | filter level = "error"');
    await setRange(app, '-2w');
    await app.getByRole('button', { name: 'Run query' }).click();
    await expect(status(app)).toContainText('Running', { timeout: 15_000 });
    await expect(status(app)).toContainText(/[1-9][\d,]* scanned/);
    await app.screenshot({ path: `${SCREENSHOTS}insights-running.png` });
    await app.getByRole('button', { name: 'Stop' }).click();
    await expect(status(app)).toContainText('Cancelled', { timeout: 15_000 });
    await expect(app.getByRole('button', { name: 'Run query' })).toBeVisible();
  } finally {
    harness.sandbox.insights.configure(defaults);
  }
});

test("waits while another tool's query holds the account's only slot, lists it, and frees the slot from here", async ({ app, harness }) => {
  const defaults = harness.sandbox.insights.settings();
  harness.sandbox.insights.configure({ eventsPerSecond: 300, maxConcurrent: 1 });
  const logs = new CloudWatchLogsClient({ region: 'us-east-1', endpoint: harness.sandbox.endpoint, credentials: { accessKeyId: 'AKIDE2E', secretAccessKey: 'secret' } });
  try {
    // A slow query started elsewhere (a script, a dashboard) holds the account's one slot.
    const now = Math.floor(Date.now() / 1000);
    const { queryId } = await logs.send(new StartQueryCommand({ logGroupName: GROUP, queryString: 'fields @message | filter @message like /elsewhere/', startTime: now - 14 * 86_400, endTime: now }));
    await openInsights(app);
    await chooseGroup(app, GROUP);
    await typeQuery(app, 'fields @timestamp, @message | limit 5');
    await setRange(app, '-1h');
    await app.getByRole('button', { name: 'Run query' }).click();
    await expect(status(app)).toContainText('Waiting');
    const holding = app.getByRole('region', { name: "Queries holding the account's slots" });
    await expect(holding.getByRole('listitem')).toHaveCount(1);
    await expect(holding.getByRole('listitem')).toContainText('fields @message | filter @message like /elsewhere/');
    await app.screenshot({ path: `${SCREENSHOTS}insights-account-queries.png` });
    // Stopping it frees the slot, on the server: this query then starts at its next try.
    await holding.getByRole('button', { name: `Stop query ${queryId}` }).click();
    await expect(status(app)).toContainText('Complete', { timeout: 30_000 });
    await expect(holding).toHaveCount(0);
    const described = await logs.send(new DescribeQueriesCommand({ logGroupName: GROUP }));
    expect(described.queries?.find((query) => query.queryId === queryId)?.status).toBe('Cancelled');
  } finally {
    harness.sandbox.insights.configure(defaults);
    logs.destroy();
  }
});

test("opens a result's record, follows it into its stream, and downloads the results", async ({ app, harness }) => {
  await openInsights(app);
  await chooseGroup(app, GROUP);
  await typeQuery(app, 'fields @timestamp, @message, @logStream, @log | filter level = "error" | sort @timestamp desc | limit 25');
  await setRange(app, '-1d');
  await app.getByRole('button', { name: 'Run query' }).click();
  await expect(status(app)).toContainText('Complete', { timeout: 30_000 });
  const grid = app.getByRole('grid', { name: 'Query results' });
  const firstRow = grid.getByRole('row').nth(1);
  await expect(firstRow).toBeVisible();
  const stream = (await firstRow.getByRole('gridcell').nth(2).innerText()).trim();

  // Download: the file holds every row shown.
  await app.getByRole('button', { name: 'Download NDJSON' }).click();
  await expect(app.getByText(/^Saved \d+ rows? to /)).toBeVisible();
  const saved = readFileSync(harness.saved.at(-1)!, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, string>);
  expect(saved.length).toBeGreaterThan(0);
  expect(saved.length).toBeLessThanOrEqual(25);
  expect(saved.every((row) => row['@log']?.endsWith(GROUP) && JSON.parse(row['@message'] ?? '{}').level === 'error')).toBe(true);

  // The record: its fields, its message as a JSON tree, then its stream around it in the Logs view.
  await firstRow.click();
  const pane = app.getByRole('complementary', { name: 'Result' });
  await expect(pane.getByRole('tree', { name: '@message as JSON' })).toBeVisible();
  await expect(pane).toContainText(stream);
  await app.screenshot({ path: `${SCREENSHOTS}insights-record.png` });
  const time = (await firstRow.getByRole('gridcell').nth(0).innerText()).trim();
  const event = saved.find((row) => row['@timestamp'] === time && row['@logStream'] === stream);
  expect(event).toBeDefined();
  await pane.getByRole('button', { name: 'Show in stream' }).click();

  // The stream viewer of its stream, opened at the event: marked, selected and with the keyboard on it.
  await expect(app.getByRole('button', { name: 'Logs', exact: true })).toHaveAttribute('aria-current', 'page');
  const breadcrumb = app.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(breadcrumb).toContainText(GROUP);
  await expect(breadcrumb.getByText(stream, { exact: true })).toHaveAttribute('aria-current', 'page');
  const events = app.getByRole('grid', { name: `Events of ${stream}` });
  const marked = events.locator('[aria-current="true"]');
  await expect(marked).toHaveCount(1, { timeout: 30_000 });
  await expect(marked).toHaveAttribute('aria-selected', 'true');
  await expect(marked).toBeFocused();
  await expect(marked).toContainText(event!['@message']!.slice(0, 40));
  // Insights shows @timestamp in UTC as the events table does in UTC.
  await app.getByRole('button', { name: 'UTC', exact: true }).click();
  await expect(marked).toContainText(time);
  await app.getByRole('button', { name: 'Local', exact: true }).click();
  // The events before it are read in as well, above it.
  await expect(events.locator('.event-body-row').first()).not.toHaveAttribute('aria-current', 'true');

  // Back returns to the result it came from.
  await marked.focus();
  await app.keyboard.press('Alt+ArrowLeft');
  await expect(app.getByRole('button', { name: 'Insights', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(pane).toBeVisible();

  // Leaving the stream by the views instead, the same link opens it at the event again.
  await pane.getByRole('button', { name: 'Show in stream' }).click();
  await expect(marked).toBeFocused({ timeout: 30_000 });
  await app.keyboard.press('End');
  // Far from the event: its row is no longer drawn.
  await expect(marked).toBeHidden();
  await app.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Insights' }).click();
  await pane.getByRole('button', { name: 'Show in stream' }).click();
  await expect(marked).toBeFocused({ timeout: 30_000 });
  await expect(marked).toContainText(event!['@message']!.slice(0, 40));
});

test(`saves a query definition in ${WRITE_REGION} with its group, finds it in its folder, and deletes it`, async ({ app, harness }) => {
  // Other specs count the groups of this region: the group lives only as long as this test (see afterEach).
  const logs = harness.sandbox.logs(WRITE_REGION);
  if (!logs.group(WRITE_GROUP)) logs.createGroup({ name: WRITE_GROUP, creationTime: Date.now() - 3_600_000 });
  await switchRegion(app, WRITE_REGION);
  await openInsights(app);
  await chooseGroup(app, WRITE_GROUP);
  await typeQuery(app, 'stats count(*) by bin(1h)');
  await app.getByRole('button', { name: 'Save…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Save query' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('e2e/hourly volume');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  const saved = app.getByRole('tree', { name: 'Saved queries' });
  await expect(saved.getByRole('treeitem', { name: /e2e/ }).first()).toBeVisible();
  await expect(saved.getByRole('button', { name: /^hourly volume/ })).toContainText('1 group');
  await app.screenshot({ path: `${SCREENSHOTS}insights-saved.png` });
  await app.getByRole('searchbox', { name: 'Search saved queries' }).fill('hourly');
  await expect(saved.getByRole('button', { name: /^hourly volume/ })).toBeVisible();

  await saved.getByRole('button', { name: 'Delete e2e/hourly volume' }).click();
  await expect(saved.getByRole('button', { name: /^hourly volume/ })).toBeHidden();
});

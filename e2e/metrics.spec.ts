/**
 * Metrics end to end, as issue 10's "Done when" tells it: against the demo account, find Lambda Duration
 * of one function, graph p50/p90/p99 at one minute over the incident, add Errors on a right axis and
 * `100*m2/m1` as an error rate, switch to 15 months and see the period change with the reason, export
 * PNG and CSV, and save the graph to a dashboard. What the graph shows is checked against the sandbox's
 * own GetMetricData answers (asked here with the SDK), never against the UI.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CloudWatchClient, GetDashboardCommand, GetMetricDataCommand, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { parse } from 'csv-parse/sync';
import type { Locator, Page } from '@playwright/test';
import { createScenario } from '../src/sandbox/seed/demo/scenario';
import { formatTimeRange } from '../src/shared/time-range';
import { expect, test } from './fixtures';
import type { Harness } from './harness';

const MINUTE = 60_000;
const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const FUNCTION = 'tallybird-prod-orders-api';
/** Unique to this spec: dashboards are global, and other specs may list them. */
const DASHBOARD = `e2e-metrics-${Date.now().toString(36)}`;

function graphedTable(app: Page): Locator {
  return app.locator('.series-table');
}

async function showTab(app: Page, name: RegExp | string): Promise<void> {
  await app.getByRole('group', { name: 'Show' }).getByRole('button', { name }).click();
}

/** Adds the demo function's metric from the browser, found by searching. */
async function addFromBrowser(app: Page, metricName: string): Promise<void> {
  await showTab(app, 'Browse');
  const search = app.getByRole('searchbox', { name: 'Search metrics' });
  await search.fill(`lambda ${metricName} ${FUNCTION}`);
  const row = app.getByRole('grid', { name: 'Metrics' }).getByRole('row').filter({ hasText: new RegExp(`^\\s*AWS/Lambda\\s*${metricName}\\s*FunctionName=${FUNCTION}\\s*$`) });
  await expect(row).toHaveCount(1);
  await row.click();
}

/** Sets a text field of a graphed series and applies it with Enter. */
async function setSeriesField(app: Page, field: 'Id' | 'Statistic' | 'Label', id: string, value: string): Promise<void> {
  const input = graphedTable(app).getByLabel(`${field} of series ${id}`, { exact: true });
  await input.fill(value);
  await input.press('Enter');
}

/** The metrics.getData requests the page made, newest last. */
function dataRequests(harness: Harness): { queries: { id: string; metricStat?: { period: number; stat: string }; expression?: string; returnData?: boolean }[]; startTime: number; endTime: number }[] {
  return harness.requests.filter((request) => request.method === 'metrics.getData').map((request) => request.request as never);
}

test('graphs the demo incident: percentiles, errors on the right, an error rate; 15 months; PNG, CSV and a dashboard', async ({ app, harness }) => {
  // The whole story in one test, each step building on the last: it takes several usual test lengths.
  test.slow();
  const { incident } = createScenario(Date.now());
  const incidentRange = { kind: 'absolute' as const, start: Math.floor((incident.deployAt - 20 * MINUTE) / MINUTE) * MINUTE, end: Math.ceil((incident.end + 20 * MINUTE) / MINUTE) * MINUTE };
  await app.goto(`${harness.bridge.url}/index.html#/metrics`);
  await app.getByRole('group', { name: 'Time zone' }).first().getByRole('button', { name: 'UTC' }).click();

  // The browser lists AWS's namespaces and finds the function's Duration.
  await expect(app.getByRole('navigation', { name: 'Namespaces' }).getByRole('button', { name: /AWS\/Lambda/ })).toBeVisible();
  await addFromBrowser(app, 'Duration');
  await app.screenshot({ path: `${SCREENSHOTS}metrics-browser.png` });
  await addFromBrowser(app, 'Duration');
  await addFromBrowser(app, 'Duration');

  // Three percentiles, with ids that say what they are.
  await showTab(app, /Graphed metrics/);
  for (const [id, stat] of [
    ['m1', 'p50'],
    ['m2', 'p90'],
    ['m3', 'p99'],
  ] as const) {
    await setSeriesField(app, 'Statistic', id, stat);
    await setSeriesField(app, 'Id', id, stat);
  }
  // A statistic CloudWatch does not know is refused in the form, with the reason.
  const stat = graphedTable(app).getByLabel('Statistic of series p99', { exact: true });
  await stat.fill('p101');
  await expect(app.getByRole('alert').filter({ hasText: 'The percentile in p101 must be between 0 and 100' })).toBeVisible();
  await stat.press('Escape');

  // The incident, at one minute.
  await app.getByRole('button', { name: /^Time range: / }).click();
  await app.getByRole('dialog').getByRole('textbox', { name: 'Range' }).fill(formatTimeRange(incidentRange, 'utc'));
  await app.getByRole('dialog').getByRole('button', { name: 'Apply' }).click();
  await app.getByRole('combobox', { name: 'Period', exact: true }).selectOption({ label: '1 minute' });

  // Invocations (only an input) and Errors (on the right axis) make the error rate 100*m2/m1.
  await addFromBrowser(app, 'Invocations');
  await addFromBrowser(app, 'Errors');
  await showTab(app, /Graphed metrics/);
  await setSeriesField(app, 'Statistic', 'm1', 'Sum');
  await setSeriesField(app, 'Statistic', 'm2', 'Sum');
  await graphedTable(app).getByRole('checkbox', { name: 'Show series m1' }).uncheck();
  await graphedTable(app).getByRole('combobox', { name: 'Y axis of series m2' }).selectOption('right');
  const expression = app.getByRole('textbox', { name: 'Add a math expression' });
  await expression.fill('100*m2/m9');
  await expect(app.getByRole('alert').filter({ hasText: 'm9 is not a series of this graph' })).toBeVisible();
  await expression.fill('100*m2/m1');
  await app.getByRole('button', { name: 'Add expression' }).click();
  await setSeriesField(app, 'Label', 'e1', 'Error rate (%)');
  await graphedTable(app).getByRole('combobox', { name: 'Y axis of series e1' }).selectOption('right');

  // What was asked: the percentiles and sums at 60 s over the incident, Invocations not returned.
  await expect.poll(() => dataRequests(harness).at(-1)?.queries.length).toBe(6);
  const asked = dataRequests(harness).at(-1)!;
  expect(asked.startTime).toBe(incidentRange.start);
  expect(asked.endTime).toBe(incidentRange.end);
  expect(asked.queries.map((query) => [query.id, query.metricStat?.stat ?? query.expression, query.metricStat?.period, query.returnData])).toEqual([
    ['p50', 'p50', 60, true],
    ['p90', 'p90', 60, true],
    ['p99', 'p99', 60, true],
    ['m1', 'Sum', 60, false],
    ['m2', 'Sum', 60, true],
    ['e1', '100*m2/m1', undefined, true],
  ]);
  const legend = app.getByRole('list', { name: /series$/ });
  for (const label of [`${FUNCTION} · Duration p50`, `${FUNCTION} · Duration p99`, `${FUNCTION} · Errors Sum`, 'Error rate (%)']) {
    await expect(legend.getByRole('button', { name: new RegExp(label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })).toBeVisible();
  }
  await expect(app.getByText('Period 1 minute (chosen).')).toBeVisible();
  await app.getByRole('combobox', { name: 'Left Y axis unit' }).selectOption('Milliseconds');
  await app.getByRole('combobox', { name: 'Right Y axis unit' }).selectOption('Count');
  await app.getByRole('textbox', { name: 'Graph title' }).fill('orders-api during the incident');
  await app.screenshot({ path: `${SCREENSHOTS}metrics-incident.png` });

  // CSV: the same numbers the sandbox answers for these queries.
  await app.getByRole('button', { name: 'Export CSV' }).click();
  await expect(app.getByText(/^Saved \d+ rows to orders-api-during-the-incident-/)).toBeVisible();
  const csvPath = harness.saved.at(-1)!;
  const rows = parse(readFileSync(csvPath, 'utf8'), { columns: true }) as Record<string, string>[];
  const expected = await sandboxAnswer(harness, asked);
  const p99 = expected.find((series) => series.Id === 'p99')!;
  expect(p99.Timestamps?.length).toBeGreaterThan(30);
  const csvP99 = new Map(rows.filter((row) => row[`${FUNCTION} · Duration p99`] !== '').map((row) => [Date.parse(row['Time (UTC)']!), Number(row[`${FUNCTION} · Duration p99`])]));
  expect(csvP99.size).toBe(p99.Timestamps?.length);
  p99.Timestamps?.forEach((time, index) => expect(csvP99.get(time.getTime())).toBeCloseTo(p99.Values![index]!, 6));
  // The incident shows: the error rate while it lasted is far above the rate around it.
  const rate = expected.find((series) => series.Id === 'e1')!;
  const during = (rate.Timestamps ?? []).flatMap((time, index) => (time.getTime() >= incident.start && time.getTime() < incident.end ? [rate.Values![index]!] : []));
  const around = (rate.Timestamps ?? []).flatMap((time, index) => (time.getTime() < incident.deployAt || time.getTime() >= incident.end + 5 * MINUTE ? [rate.Values![index]!] : []));
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  expect(mean(during)).toBeGreaterThan(5 * mean(around));

  // PNG: a real image, with the legend drawn in.
  const [download] = await Promise.all([app.waitForEvent('download'), app.getByRole('button', { name: 'Export PNG' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^orders-api-during-the-incident-\d{4}-\d{2}-\d{2}\.png$/);
  const png = readFileSync((await download.path())!);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

  // Source: the request as JSON, edited back into the graph.
  await showTab(app, 'Source');
  const source = app.getByRole('textbox', { name: 'GetMetricData request as JSON' });
  await expect(source).toHaveValue(/"Expression": "100\*m2\/m1"/);
  await source.fill((await source.inputValue()).replace('"Stat": "p90"', '"Stat": "p95"'));
  await app.getByRole('button', { name: 'Apply to graph' }).click();
  await expect.poll(() => dataRequests(harness).at(-1)?.queries[1]?.metricStat?.stat).toBe('p95');
  await app.getByRole('group', { name: 'Source as' }).getByRole('button', { name: 'AWS CLI command' }).click();
  await expect(app.getByRole('textbox', { name: 'AWS CLI command' })).toHaveValue(/^aws cloudwatch get-metric-data \\\n {2}--region us-east-1/);
  await app.screenshot({ path: `${SCREENSHOTS}metrics-source.png` });

  // 15 months: the chosen minute is kept, with the reason it cannot be served; then the automatic period and why.
  await app.getByRole('group', { name: 'Quick ranges' }).getByRole('button', { name: '15mo' }).click();
  const warning = app.locator('.period-note-warning');
  await expect(warning).toContainText('Period 1 minute (chosen): Data older than 63 days is kept only at 1 hour resolution');
  await warning.getByRole('button', { name: 'Use automatic' }).click();
  await expect(app.getByText(/^Period 12 hours \(automatic\): CloudWatch keeps data older than 63 days only at 1 hour resolution; 1 hour would be 10,9\d\d datapoints per series/)).toBeVisible();
  await expect.poll(() => dataRequests(harness).at(-1)?.queries[0]?.metricStat?.period).toBe(43_200);
  await showTab(app, /Graphed metrics/);
  await app.screenshot({ path: `${SCREENSHOTS}metrics-15-months.png` });

  // Saved to a new dashboard, which then shows the graph among its widgets.
  await app.getByRole('button', { name: 'Save to dashboard…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Save graph to a dashboard' });
  await dialog.getByRole('textbox', { name: 'Dashboard name' }).fill('has spaces');
  await expect(dialog.getByText("The name may contain only letters, digits, '-' and '_'.")).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Dashboard name' }).fill(DASHBOARD);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText(`Saved to ${DASHBOARD} — the dashboard now has 1 widget.`)).toBeVisible();
  await dialog.locator('footer').getByRole('button', { name: 'Close' }).click();
  await showTab(app, 'Dashboards');
  await app.getByRole('button', { name: new RegExp(`^${DASHBOARD}`) }).click();
  const tile = app.getByRole('article', { name: 'orders-api during the incident' });
  await expect(tile.getByRole('img', { name: /orders-api during the incident/ })).toBeVisible();
  await app.screenshot({ path: `${SCREENSHOTS}metrics-dashboard.png` });
});

test('a link holds a graph: reloading shows the same series, range and period', async ({ app, harness }) => {
  await app.goto(`${harness.bridge.url}/index.html#/metrics`);
  await addFromBrowser(app, 'Duration');
  await app.getByRole('combobox', { name: 'Period', exact: true }).selectOption({ label: '5 minutes' });
  await expect.poll(() => dataRequests(harness).at(-1)?.queries[0]?.metricStat?.period).toBe(300);
  const count = dataRequests(harness).length;
  await app.reload();
  await expect.poll(() => dataRequests(harness).length).toBeGreaterThan(count);
  const again = dataRequests(harness).at(-1)!;
  expect(again.queries).toEqual([expect.objectContaining({ id: 'm1', metricStat: expect.objectContaining({ period: 300, stat: 'Average' }) })]);
  await expect(app.getByRole('combobox', { name: 'Period', exact: true })).toHaveValue('300');

  // A link followed while the view is open replaces the graph.
  const linked = { period: 60, range: '-1h', series: [{ kind: 'metric', id: 'errors', stat: 'Sum', metric: { namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: [{ name: 'FunctionName', value: FUNCTION }] } }] };
  await app.evaluate((hash) => (window.location.hash = hash), `#/metrics?${new URLSearchParams({ graph: JSON.stringify(linked) })}`);
  await expect.poll(() => dataRequests(harness).at(-1)?.queries[0]).toMatchObject({ id: 'errors', metricStat: { period: 60, stat: 'Sum' } });
  await expect(app.getByRole('button', { name: /^Time range: Last 1 hour/ })).toBeVisible();

  // The chart follows the OS's dark theme.
  await app.emulateMedia({ colorScheme: 'dark' });
  await expect(app.locator('.graph-area').getByRole('img')).toBeVisible();
  await app.screenshot({ path: `${SCREENSHOTS}metrics-dark.png` });
});

/** The sandbox's own answer to a request, asked with the SDK (as AWS would be). */
async function sandboxAnswer(harness: Harness, request: ReturnType<typeof dataRequests>[number]) {
  const client = new CloudWatchClient({ region: 'us-east-1', endpoint: harness.sandbox.endpoint, credentials: { accessKeyId: 'AKIDE2E', secretAccessKey: 'secret' } });
  try {
    const output = await client.send(
      new GetMetricDataCommand({
        MetricDataQueries: request.queries.map((query) => {
          const stat = query as { metricStat?: { metric: { namespace: string; metricName: string; dimensions: { name: string; value: string }[] }; period: number; stat: string } };
          return {
            Id: query.id,
            ReturnData: query.returnData,
            Expression: query.expression,
            MetricStat: stat.metricStat && {
              Metric: { Namespace: stat.metricStat.metric.namespace, MetricName: stat.metricStat.metric.metricName, Dimensions: stat.metricStat.metric.dimensions.map((d) => ({ Name: d.name, Value: d.value })) },
              Period: stat.metricStat.period,
              Stat: stat.metricStat.stat,
            },
          } satisfies MetricDataQuery;
        }),
        StartTime: new Date(request.startTime),
        EndTime: new Date(request.endTime),
        ScanBy: 'TimestampAscending',
      }),
    );
    return output.MetricDataResults ?? [];
  } finally {
    client.destroy();
  }
}

test('opens a demo dashboard: its metric widgets drawn, the others listed; a widget opened in the graph zooms and back', async ({ app, harness }) => {
  await app.goto(`${harness.bridge.url}/index.html#/metrics`);
  await showTab(app, 'Dashboards');
  await app.getByRole('button', { name: /^Tallybird-Production-Overview/ }).click();
  const dashboard = app.getByRole('region', { name: 'Dashboard Tallybird-Production-Overview' });
  for (const title of ['Orders API: invocations and errors', 'Aurora writer connections', 'Public API 5xx rate', 'Orders placed and payment failures']) {
    await expect(dashboard.getByRole('article', { name: title }).getByRole('img', { name: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })).toBeVisible();
  }
  await expect(dashboard.getByRole('heading', { name: 'Not shown (2 widgets)' })).toBeVisible();
  await expect(dashboard.getByText('a text widget; Cloudscope shows metric widgets')).toBeVisible();
  await expect(dashboard.getByText('an alarm widget; Cloudscope shows metric widgets')).toBeVisible();

  await dashboard.getByRole('article', { name: 'Public API 5xx rate' }).getByRole('button', { name: 'Open in graph' }).click();
  await expect(app.getByRole('textbox', { name: 'Graph title' })).toHaveValue('Public API 5xx rate');
  const rangeButton = app.getByRole('button', { name: /^Time range: / });
  const before = await rangeButton.getAttribute('aria-label');

  // Drag across the middle of the chart: the graph narrows to that range; Zoom out goes back.
  const chart = app.locator('.graph-area').getByRole('img', { name: /^Public API 5xx rate/ });
  const box = (await chart.boundingBox())!;
  await app.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.5);
  await app.mouse.down();
  await app.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5, { steps: 5 });
  await app.mouse.up();
  await expect(rangeButton).not.toHaveAttribute('aria-label', before!);
  await expect(rangeButton).toHaveAttribute('aria-label', /^Time range: \d{4}-\d\d-\d\d \d\d:\d\d to (\d{4}-\d\d-\d\d )?\d\d:\d\d$/);
  await app.getByRole('button', { name: 'Zoom out' }).click();
  await expect(rangeButton).toHaveAttribute('aria-label', before!);

  // The keyboard does the same: + narrows around the middle.
  await chart.focus();
  await chart.press('+');
  await expect(rangeButton).not.toHaveAttribute('aria-label', before!);
});

test('a dashboard whose body Cloudscope cannot read is shown read-only, and saving to it is refused, leaving it as it was', async ({ app, harness }) => {
  const name = `e2e-metrics-unreadable-${Date.now().toString(36)}`;
  const body = '{"widgets":[{"type":"metric","x":"left","properties":{"metrics":[["AWS/Lambda","Errors"]]}}]}';
  harness.sandbox.seed({ regions: [{ region: 'us-east-1', logGroups: [], dashboards: [{ name, body, lastModified: Date.now() }] }] });
  await app.goto(`${harness.bridge.url}/index.html#/metrics`);
  await showTab(app, 'Dashboards');
  await app.getByRole('button', { name: new RegExp(`^${name}`) }).click();
  await expect(app.getByText('Cloudscope cannot read this dashboard, so it shows it read-only and never saves to it.')).toBeVisible();
  await expect(app.getByText('Widget 1 has a "x" that is not a whole number.')).toBeVisible();
  await expect(app.getByLabel('Dashboard body (read-only)')).toHaveText(body);

  await addFromBrowser(app, 'Errors');
  await app.getByRole('button', { name: 'Save to dashboard…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Save graph to a dashboard' });
  await dialog.getByRole('button', { name: 'Existing dashboard' }).click();
  await dialog.getByRole('combobox', { name: 'Dashboard' }).selectOption(name);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText(`Cloudscope cannot read the dashboard ${name}`);
  const client = new CloudWatchClient({ region: 'us-east-1', endpoint: harness.sandbox.endpoint, credentials: { accessKeyId: 'AKIDE2E', secretAccessKey: 'secret' } });
  try {
    const stored = await client.send(new GetDashboardCommand({ DashboardName: name }));
    expect(stored.DashboardBody).toBe(body);
  } finally {
    client.destroy();
  }
});

test('live refresh fetches the graph again as the clock moves, while the view is on screen', async ({ app, harness }) => {
  await app.goto(`${harness.bridge.url}/index.html#/metrics`);
  await addFromBrowser(app, 'Invocations');
  await expect.poll(() => dataRequests(harness).length).toBeGreaterThan(0);
  const before = dataRequests(harness).length;
  await app.getByRole('combobox', { name: 'Live refresh' }).selectOption({ label: 'Live, 10 s' });
  // Changing the graph fetches once at once; the live ones follow every 10 seconds.
  await expect.poll(() => dataRequests(harness).length).toBe(before + 1);
  const changedAt = Date.now();
  const lastEnd = dataRequests(harness).at(-1)!.endTime;
  await expect.poll(() => dataRequests(harness).length, { timeout: 25_000 }).toBe(before + 2);
  expect(Date.now() - changedAt).toBeGreaterThan(8_000);
  expect(dataRequests(harness).at(-1)!.endTime).toBeGreaterThan(lastEnd);
});

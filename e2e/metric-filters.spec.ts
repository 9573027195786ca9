/**
 * Metric filters end to end, as issue 11 tells it: against the demo account with its live traffic, open a
 * group with events, test a pattern against its real events (matches, extracted values, what the metric
 * gets), see a refused pattern with its position and a refused metric value with its reason, save, see
 * the first datapoints arrive from live events, find the filter's metric in the metric browser, create an
 * alarm on the filter and see it fire with the filter as its "why did it fire", edit the filter without
 * overwriting someone else's change unasked, and delete it.
 * What is saved is checked against the sandbox's own state, never against what the UI says.
 *
 * The demo's live traffic writes only to us-east-1, so the filter is made there with a name unique to this
 * run and deleted at the end; this file has its own sandbox (with the live demo on) and worker.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { MetricAlarm } from '../src/shared/contract';
import { expect, test as base } from './fixtures';
import { startHarness, type Harness } from './harness';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const REGION = 'us-east-1';
/** orders-service's JSON log: the live demo writes a few lines a second to it. */
const GROUP = '/ecs/orders-service';
const FILTER = `e2e-latency-${Date.now().toString(36)}`;
const NAMESPACE = 'E2E/MetricFilters';
const METRIC = `Latency-${FILTER}`;
const ALARM = `${FILTER}-slow-posts`;

const test = base.extend<object, { harness: Harness }>({
  harness: [
    async ({}, use) => {
      const harness = await startHarness({ liveDemo: true });
      await use(harness);
      await harness.close();
    },
    { scope: 'worker' },
  ],
});

function storedFilter(harness: Harness) {
  return harness.sandbox.logs(REGION).group(GROUP)?.metricFilters.get(FILTER);
}

test.afterEach(async ({ harness }) => {
  harness.sandbox.logs(REGION).group(GROUP)?.metricFilters.delete(FILTER);
  await harness.api.dispatcher.call('alarms.delete', { names: [ALARM] }, new AbortController().signal);
});

async function openGroup(app: Page, name: string): Promise<void> {
  const search = app.getByRole('searchbox', { name: 'Search log groups' });
  await search.fill(name);
  const rows = app.getByRole('grid', { name: 'Log groups' }).locator('[role="row"][data-index]');
  await expect(rows).toHaveCount(1);
  await rows.first().click();
  await expect(app.getByRole('navigation', { name: 'Breadcrumb' })).toContainText(name);
}

test('creates a metric filter tested on real events, sees its first live datapoints, alarms on it and deletes it', async ({ app, harness }) => {
  await openGroup(app, GROUP);
  await app.getByRole('button', { name: `Show the metric filters of ${GROUP}` }).click();
  const panel = app.getByRole('region', { name: 'Metric filters' });
  await panel.getByRole('button', { name: 'Create metric filter' }).first().click();

  const editor = app.getByRole('dialog', { name: 'Create metric filter' });
  await expect(editor.getByRole('note')).toContainText('Metric filters are not retroactive');
  await editor.getByLabel('Filter name').fill(FILTER);

  // A pattern with a mistake is refused with its position.
  const pattern = editor.getByLabel('Filter pattern');
  await pattern.fill('{ $.latencyMs > }');
  await expect(editor.getByRole('alert').filter({ hasText: 'character' })).toContainText(/\(character \d+\)/);

  // Tested against the group's newest real events: each match with what the pattern extracted.
  await pattern.fill('{ $.latencyMs > 0 && $.method = "POST" }');
  const summary = editor.locator('.filter-tester-summary');
  await expect(summary).toContainText(/^\d+ of 200 lines match/);
  const matches = editor.getByRole('table', { name: 'Matching events' });
  await expect(matches.getByRole('row').nth(1)).toContainText('$.latencyMs');
  await expect(matches.getByRole('row').nth(1)).toContainText('$.method POST');

  // A metric value the pattern cannot extract is refused with the reason.
  await editor.getByLabel('Namespace').fill(NAMESPACE);
  await editor.getByLabel('Metric name').fill(METRIC);
  const value = editor.getByLabel('Metric value');
  await value.fill('$latencyMs');
  await expect(editor.getByText('$latencyMs names a field, but the filter pattern is not a space-delimited pattern.')).toBeVisible();
  await value.fill('$.latencyMs');
  await editor.getByLabel('Unit').selectOption('Milliseconds');

  // Each match now says what the metric would get from it.
  await expect(matches.getByRole('columnheader', { name: 'Metric gets' })).toBeVisible();
  const firstMatch = matches.getByRole('row').nth(1);
  const extracted = (await firstMatch.locator('li').filter({ hasText: '$.latencyMs' }).innerText()).replace('$.latencyMs', '').trim();
  await expect(firstMatch.getByRole('cell').last()).toHaveText(extracted);
  await editor.getByRole('region', { name: 'Test the pattern' }).scrollIntoViewIfNeeded();
  await app.screenshot({ path: `${SCREENSHOTS}metric-filters-test.png` });

  // Before saving: what the metric would have been over the last hour, from the events the pattern matches there.
  const preview = editor.getByRole('region', { name: 'What the metric would have been' });
  await preview.getByRole('button', { name: 'Preview' }).click();
  const previewSummary = preview.getByRole('status');
  await expect(previewSummary).toContainText(/^[\d,]+ matching events? since \d{4}-\d\d-\d\d \d\d:\d\d; each would have published a value — Average per minute, at most [\d,.]+\.$/, { timeout: 30_000 });
  await expect(preview.getByRole('img', { name: `Graph of what ${METRIC} would have been` })).toBeVisible();
  // The metric value applies to the events already read: a counting filter sums them per minute at once.
  await value.fill('1');
  await expect(previewSummary).toContainText('Sum per minute');
  await value.fill('$.latencyMs');
  await expect(previewSummary).toContainText('Average per minute');
  await preview.scrollIntoViewIfNeeded();
  await app.screenshot({ path: `${SCREENSHOTS}metric-filters-preview.png` });

  await editor.getByRole('button', { name: 'Create metric filter' }).click();
  await expect(editor).toHaveCount(0);
  expect(storedFilter(harness)).toMatchObject({
    filterPattern: '{ $.latencyMs > 0 && $.method = "POST" }',
    transformation: { metricNamespace: NAMESPACE, metricName: METRIC, metricValue: '$.latencyMs', unit: 'Milliseconds' },
  });
  const row = panel.getByRole('table', { name: `Metric filters of ${GROUP}` }).getByRole('row', { name: new RegExp(FILTER) });
  await expect(row).toContainText(`${NAMESPACE} / ${METRIC}`);
  await expect(app.locator('.group-summary')).toContainText('Metric filters1');

  // The first datapoints come from events the live demo ingests after the filter exists.
  const metric = panel.getByRole('region', { name: `Metric of ${FILTER}` });
  await expect(metric.getByRole('status')).toContainText(/\d+ datapoints? from events ingested since the filter was saved/, { timeout: 45_000 });
  await expect(metric.getByRole('img', { name: new RegExp(`^Graph of ${METRIC}`) })).toBeVisible();
  await app.screenshot({ path: `${SCREENSHOTS}metric-filters-datapoints.png` });

  // The metric browser opened from the group lists the filters' metrics only.
  await panel.getByRole('link', { name: 'Metrics of these filters' }).click();
  await expect(app.getByText(`Showing the metrics of the metric filters of ${GROUP}`)).toBeVisible();
  await expect(app.getByRole('grid', { name: 'Metrics' })).toContainText(METRIC);
  await app.screenshot({ path: `${SCREENSHOTS}metric-filters-browser.png` });
  await app.goBack();

  // "Create alarm" opens the alarms view on a new alarm for the filter's metric (the editor is the alarms view's).
  await expect(row).toBeVisible();
  await row.getByRole('link', { name: `Create an alarm on ${FILTER}` }).click();
  await expect(app.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Alarms' })).toHaveAttribute('aria-current', 'page');
  const link = JSON.parse(new URLSearchParams(new URL(app.url()).hash.split('?')[1]).get('new') ?? 'null') as unknown;
  expect(link).toEqual({
    metric: { namespace: NAMESPACE, metricName: METRIC, dimensions: [] },
    stat: 'Average',
    period: 60,
    metricFilter: { logGroupName: GROUP, filterName: FILTER, pattern: '{ $.latencyMs > 0 && $.method = "POST" }' },
  });
  // The editor opens on the filter's metric; the alarm is saved, and the next evaluation puts it in ALARM
  // (the live events' latency is above 0 ms), its "why did it fire" pointing at the filter's group and pattern.
  const alarmEditor = app.getByRole('region', { name: 'New alarm' });
  await expect(alarmEditor).toContainText(`${NAMESPACE} · ${METRIC}`);
  await expect(alarmEditor.getByLabel('Statistic', { exact: true })).toHaveValue('Average');
  await alarmEditor.getByLabel('Threshold', { exact: true }).fill('0');
  await alarmEditor.getByLabel('Name', { exact: true }).fill(ALARM);
  await alarmEditor.getByRole('button', { name: 'Create alarm' }).click();
  await expect(alarmEditor).toHaveCount(0);
  const created = await harness.api.dispatcher.call('alarms.get', { name: ALARM }, new AbortController().signal);
  expect(created.ok && created.value).toMatchObject({ alarm: { namespace: NAMESPACE, metricName: METRIC, statistic: 'Average', period: 60, threshold: 0 } });
  // The sandbox evaluates every alarm at each whole minute; the first evaluation after the minute of the filter's
  // first datapoint decides it. That evaluation is run here, at its minute, rather than waited for.
  const now = Date.now();
  const series = harness.sandbox.cloudwatch.metrics(REGION).get({ namespace: NAMESPACE, metricName: METRIC, dimensions: [] });
  const firstMinute = series?.periods(Math.floor(now / 60_000) * 60_000 - 3_600_000, now, 60, now)[0]?.timestamp;
  expect(firstMinute).toBeDefined();
  await harness.sandbox.cloudwatch.evaluateAlarms(Math.max(firstMinute! + 60_000, now));
  const evaluated = await harness.api.dispatcher.call('alarms.get', { name: ALARM }, new AbortController().signal);
  expect(evaluated.ok && (evaluated.value as { alarm: MetricAlarm }).alarm.state).toBe('ALARM');
  await app.reload();
  const why = app.getByRole('region', { name: 'Why did it fire' });
  await expect(why).toContainText(`The metric comes from the metric filter ${FILTER} of ${GROUP}`, { timeout: 15_000 });
  await expect(why.getByRole('link', { name: 'Open the logs of the breach' })).toBeVisible();
  await app.goto(`${harness.bridge.url}/index.html#/logs`);
  await openGroup(app, GROUP);
  await app.getByRole('button', { name: `Show the metric filters of ${GROUP}` }).click();

  // An edit is not saved over someone else's change without asking.
  await row.getByRole('button', { name: `Edit ${FILTER}` }).click();
  const edit = app.getByRole('dialog', { name: `Edit metric filter ${FILTER}` });
  await expect(edit.getByLabel('Filter name')).toHaveAttribute('readonly', '');
  const meanwhile = await harness.api.dispatcher.call(
    'metricFilters.put',
    { logGroupName: GROUP, filterName: FILTER, filterPattern: '{ $.latencyMs > 1000 }', transformation: { metricNamespace: NAMESPACE, metricName: METRIC, metricValue: '$.latencyMs' } },
    new AbortController().signal,
  );
  expect(meanwhile.ok).toBe(true);
  await edit.getByLabel('Metric value').fill('1');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit.getByRole('alert').filter({ hasText: 'This filter changed since you opened it' })).toContainText('{ $.latencyMs > 1000 }');
  expect(storedFilter(harness)?.filterPattern).toBe('{ $.latencyMs > 1000 }');
  await edit.getByRole('button', { name: 'Overwrite with my changes' }).click();
  await expect(edit).toHaveCount(0);
  expect(storedFilter(harness)).toMatchObject({ filterPattern: '{ $.latencyMs > 0 && $.method = "POST" }', transformation: { metricValue: '1', unit: 'Milliseconds' } });

  // Deleting asks first, then the filter is gone from AWS.
  await row.getByRole('button', { name: `Delete ${FILTER}` }).click();
  const confirm = app.getByRole('alertdialog', { name: 'Delete metric filter?' });
  await expect(confirm).toContainText(`${NAMESPACE} / ${METRIC}`);
  await confirm.getByRole('button', { name: 'Delete metric filter' }).click();
  await expect(confirm).toHaveCount(0);
  expect(storedFilter(harness)).toBeUndefined();
  await expect(panel.getByText('No metric filters in this group')).toBeVisible();
});

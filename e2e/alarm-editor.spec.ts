/**
 * Creating and editing an alarm on its chart, as issue 11 tells it: from a metric's graph ("Create alarm"),
 * drag the threshold and watch the backtest's count and ALARM periods change, see a form CloudWatch would
 * refuse (M > N) with its reason, save; then edit one field of an alarm with every field set and check, in
 * the sandbox, that nothing else changed; then save over a change made behind the editor's back and see the
 * comparison. Every write is in eu-south-2, on a metric this spec writes there.
 */
import { fileURLToPath } from 'node:url';
import { CloudWatchClient, DescribeAnomalyDetectorsCommand } from '@aws-sdk/client-cloudwatch';
import type { Locator, Page } from '@playwright/test';
import { backtest as runBacktest } from '../src/shared/alarms';
import type { MetricAlarm, MetricAlarmDefinition, MetricData, MetricDataRequest } from '../src/shared/contract';
import { editAlarmHash, newAlarmHash } from '../src/renderer/src/app/links/alarms';
import { addMetric, emptyGraph } from '../src/renderer/src/features/metrics/graph/graph';
import { toParameters } from '../src/renderer/src/features/metrics/graph/graphHash';
import { expect, test } from './fixtures';
import type { Harness } from './harness';
import { switchRegion } from './support/app';

const REGION = 'eu-south-2';
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const METRIC = { namespace: 'E2E/Checkout', metricName: 'Latency', dimensions: [{ name: 'InstanceId', value: 'i-0e2e5ca1ab1e00001' }] };
const NAME = `checkout latency ${Date.now().toString(36)}`;

/**
 * 15 days of one-minute latency in eu-south-2: a daily swell between 80 and 140 ms, and every day from 10:00
 * UTC an incident, each longer and higher than the day before (up to about 500 ms), so the threshold decides
 * how often the alarm would have fired.
 */
function seedLatency(harness: Harness): void {
  const now = Date.now();
  const end = Math.floor(now / MINUTE) * MINUTE;
  const series = harness.sandbox.cloudwatch.metrics(REGION).obtain(
    { namespace: METRIC.namespace, metricName: METRIC.metricName, dimensions: METRIC.dimensions.map((d) => ({ Name: d.name, Value: d.value })) },
    now,
  );
  for (let t = end - 15 * DAY; t < end; t += MINUTE) {
    const day = Math.floor((t - (end - 15 * DAY)) / DAY);
    const minuteOfDay = Math.floor((t % DAY) / MINUTE);
    const swell = 110 + 30 * Math.sin((2 * Math.PI * minuteOfDay) / 1440);
    const incident = minuteOfDay >= 600 && minuteOfDay < 615 + 3 * day ? 20 + 25 * day : 0;
    const base = swell + incident;
    series.add({ timestamp: t, unit: 'Milliseconds', values: [base - 5, base, base + 5] }, now);
  }
}

async function api<T>(harness: Harness, method: string, request: unknown): Promise<T> {
  const result = await harness.api.dispatcher.call(method, request, new AbortController().signal);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

/** Every PutMetricAlarm field of the alarm as the sandbox describes it now. */
async function definitionNow(harness: Harness, name: string): Promise<{ definition: MetricAlarmDefinition; alarm: MetricAlarm }> {
  const { alarm } = await api<{ alarm: MetricAlarm }>(harness, 'alarms.get', { name });
  const { kind: _kind, arn: _arn, state: _state, stateReason: _reason, stateReasonData: _data, stateUpdatedAt: _updated, stateTransitionedAt: _transitioned, configurationUpdatedAt: _configured, evaluationState: _evaluation, ...definition } = alarm;
  return { definition: JSON.parse(JSON.stringify(definition)) as MetricAlarmDefinition, alarm };
}

/** The history request the editor made last at this period, and what the shared engine makes of it at a threshold. */
async function expectedAlarms(harness: Harness, period: number): Promise<(threshold: number) => number> {
  const requests = harness.requests.filter((request) => request.method === 'metrics.getData').map((request) => request.request as MetricDataRequest);
  const request = requests.reverse().find((item) => item.queries[0]?.metricStat?.period === period);
  if (!request) throw new Error(`The editor read no history at ${period} s`);
  const data = await api<MetricData>(harness, 'metrics.getData', request);
  const history = data.series[0]!.timestamps.map((timestamp, index) => ({ timestamp, value: data.series[0]!.values[index]! }));
  return (threshold) =>
    runBacktest({ period, evaluationPeriods: 1, threshold, comparisonOperator: 'GreaterThanThreshold', extendedStatistic: 'p90' }, history, { start: request.startTime, end: request.endTime }).alarmCount;
}

function backtest(app: Page): Locator {
  return app.getByRole('status').filter({ hasText: /^Over the last 14 days/ });
}

async function alarmCount(app: Page): Promise<number> {
  const text = (await backtest(app).textContent()) ?? '';
  const match = /ALARM (\d+) times?/.exec(text);
  return match ? Number(match[1]) : 0;
}

async function periodsListed(app: Page): Promise<string> {
  const list = app.getByRole('list', { name: 'Backtest ALARM periods' });
  return (await list.count()) === 0 ? '' : ((await list.textContent()) ?? '');
}

test('tunes an alarm on its chart: drag and backtest, refusal, save, a lossless edit, a conflict', async ({ app, harness }) => {
  test.slow();
  seedLatency(harness);
  await switchRegion(app, REGION);

  // From the metric's graph: "Create alarm" opens the editor on it.
  const graph = { ...addMetric({ ...emptyGraph(), title: 'Checkout latency' }, METRIC, 'p90'), period: 300 };
  await app.goto(`${harness.bridge.url}/index.html#/metrics?${toParameters(graph).toString()}`);
  await app.getByRole('group', { name: 'Time zone' }).first().getByRole('button', { name: 'UTC' }).click();
  await app.getByRole('link', { name: 'Create alarm' }).click();
  const editor = app.getByRole('region', { name: 'New alarm' });
  await expect(editor).toBeVisible();
  await expect(editor.getByLabel('Statistic', { exact: true })).toHaveValue('p90');
  await expect(editor.getByLabel('Period', { exact: true })).toHaveValue('300');

  // The backtest is there as soon as the history is: the suggested threshold is the highest value seen.
  await expect(backtest(app)).toBeVisible();
  await editor.getByLabel('Period', { exact: true }).selectOption('60');
  const threshold = editor.getByLabel('Threshold', { exact: true });
  await threshold.fill('300');
  // What the editor shows is checked against the shared engine over the sandbox's own answer to its request.
  await expect.poll(() => harness.requests.some((request) => request.method === 'metrics.getData' && (request.request as MetricDataRequest).queries[0]?.metricStat?.period === 60)).toBe(true);
  const expected = await expectedAlarms(harness, 60);
  await expect.poll(() => alarmCount(app)).toBe(expected(300));
  const atThree = expected(300);
  expect(atThree).toBeGreaterThan(0);
  // The shaded periods are listed too (the canvas says nothing to a screen reader).
  await editor.getByText('When it would have been in ALARM').click();
  const periodsAtThree = await periodsListed(app);
  expect(periodsAtThree.match(/ – /g)).toHaveLength(atThree);

  // Drag the line down: more of the history breaches, more ALARM periods, and the field follows.
  const handle = editor.getByRole('slider', { name: /Threshold/ });
  const box = await handle.boundingBox();
  if (!box) throw new Error('The threshold handle is not on screen');
  await app.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await app.mouse.down();
  await app.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 40, { steps: 8 });
  await app.mouse.up();
  await expect.poll(async () => Number(await threshold.inputValue())).toBeLessThan(300);
  const draggedTo = Number(await threshold.inputValue());
  expect(expected(draggedTo)).toBeGreaterThan(atThree);
  await expect.poll(() => alarmCount(app)).toBe(expected(draggedTo));
  await expect(handle).toHaveAttribute('aria-valuenow', String(draggedTo));
  expect((await periodsListed(app)).match(/ – /g)).toHaveLength(expected(draggedTo));

  // And with the keyboard: ten steps up at a time, the value said by the slider.
  await handle.focus();
  await handle.press('PageUp');
  await expect.poll(async () => Number(await threshold.inputValue())).toBeGreaterThan(draggedTo);
  const stepped = Number(await threshold.inputValue());
  await expect(handle).toHaveAttribute('aria-valuenow', String(stepped));
  await expect.poll(() => alarmCount(app)).toBe(expected(stepped));
  await threshold.fill('250');
  await expect.poll(() => alarmCount(app)).toBe(expected(250));
  await app.screenshot({ path: `${SCREENSHOTS}alarm-tuning.png` });

  // An anomaly band instead of the line: band operators, no threshold; back to static, the threshold is kept.
  await editor.getByRole('group', { name: 'Threshold type' }).getByRole('button', { name: 'Anomaly band' }).click();
  await expect(editor.getByLabel('Alarm when the value is')).toHaveValue('LessThanLowerOrGreaterThanUpperThreshold');
  await expect(editor.getByLabel('Band width (standard deviations)')).toHaveValue('2');
  await expect(editor.getByLabel('Threshold', { exact: true })).toHaveCount(0);
  await editor.getByRole('group', { name: 'Threshold type' }).getByRole('button', { name: 'Static threshold' }).click();
  await expect(threshold).toHaveValue('250');
  await expect.poll(() => alarmCount(app)).toBe(expected(250));

  // A form CloudWatch would refuse: 4 out of 3.
  await editor.getByLabel('Datapoints to alarm (M)').fill('4');
  await editor.getByLabel('out of evaluation periods (N)').fill('3');
  await expect(editor.getByText('DatapointsToAlarm (4) cannot be more than EvaluationPeriods (3).')).toBeVisible();
  await expect(editor.getByLabel('Datapoints to alarm (M)')).toHaveAttribute('aria-invalid', 'true');
  const save = editor.getByRole('button', { name: /Save \(1 problem to fix\)/ });
  await expect(save).toBeDisabled();
  await editor.getByLabel('Datapoints to alarm (M)').fill('2');

  // EC2 actions are offered for an instance's metric; a new topic is created and added in place.
  await editor.getByLabel('Add an action for ALARM').selectOption({ label: 'EC2: reboot the instance' });
  await editor.getByLabel('Create an SNS topic').fill('checkout-oncall');
  await editor.getByRole('button', { name: 'Create topic' }).click();
  await expect(editor.getByRole('list', { name: 'Actions for ALARM' })).toContainText('SNS topic checkout-oncall');
  await editor.getByLabel('Name', { exact: true }).fill(NAME);
  await editor.getByRole('button', { name: 'Create alarm' }).click();
  await expect(app.getByRole('region', { name: 'New alarm' })).toHaveCount(0);

  const created = await definitionNow(harness, NAME);
  expect(created.definition).toMatchObject({
    namespace: METRIC.namespace,
    metricName: METRIC.metricName,
    dimensions: METRIC.dimensions,
    extendedStatistic: 'p90',
    period: 60,
    threshold: 250,
    evaluationPeriods: 3,
    datapointsToAlarm: 2,
    comparisonOperator: 'GreaterThanThreshold',
    alarmActions: [`arn:aws:automate:${REGION}:ec2:reboot`, `arn:aws:sns:${REGION}:${harness.sandbox.accountId}:checkout-oncall`],
  });

  // Every field set (those the form never shows too), then one edited in the editor: the rest stays.
  const full: MetricAlarmDefinition = {
    ...created.definition,
    description: 'Checkout p90 over the line',
    actionsEnabled: false,
    okActions: [`arn:aws:autoscaling:${REGION}:${harness.sandbox.accountId}:scalingPolicy:1a2b:autoScalingGroupName/web:policyName/down`],
    insufficientDataActions: [`arn:aws:ssm:${REGION}:${harness.sandbox.accountId}:opsitem:3#CATEGORY=Availability`],
    unit: 'Milliseconds',
    treatMissingData: 'breaching',
    evaluateLowSampleCountPercentile: 'ignore',
  };
  await api(harness, 'alarms.put', { alarm: full, expectedConfigurationUpdatedAt: created.alarm.configurationUpdatedAt });
  await app.goto(`${harness.bridge.url}/index.html${editAlarmHash(NAME)}`);
  const edit = app.getByRole('region', { name: `Edit ${NAME}` });
  await expect(edit.getByLabel('Description')).toHaveValue('Checkout p90 over the line');
  await edit.getByLabel('Description').fill('Checkout p90 over the line for 2 of 3 minutes');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(app.getByRole('region', { name: `Edit ${NAME}` })).toHaveCount(0);
  const afterEdit = await definitionNow(harness, NAME);
  expect(afterEdit.definition).toEqual({ ...full, description: 'Checkout p90 over the line for 2 of 3 minutes' });

  // Someone changes the alarm while it is open here: saving shows their version beside mine and asks.
  await app.goto(`${harness.bridge.url}/index.html${editAlarmHash(NAME)}`);
  const again = app.getByRole('region', { name: `Edit ${NAME}` });
  await expect(again.getByLabel('Threshold', { exact: true })).toHaveValue('250');
  await api(harness, 'alarms.put', { alarm: { ...afterEdit.definition, threshold: 900 }, expectedConfigurationUpdatedAt: afterEdit.alarm.configurationUpdatedAt });
  await again.getByLabel('Threshold', { exact: true }).fill('275');
  await again.getByRole('button', { name: 'Save changes' }).click();
  const conflict = app.getByRole('alertdialog', { name: `${NAME} changed since you opened it` });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole('row', { name: /threshold/ })).toContainText('900');
  await expect(conflict.getByRole('row', { name: /threshold/ })).toContainText('275');
  expect((await definitionNow(harness, NAME)).definition.threshold).toBe(900);
  await conflict.getByRole('button', { name: 'Overwrite with mine' }).click();
  await expect(conflict).toHaveCount(0);
  await expect.poll(async () => (await definitionNow(harness, NAME)).definition).toEqual({ ...afterEdit.definition, threshold: 275 });
});

test('an anomaly-band alarm: the sandbox’s band drawn and backtested, a wider band alarming less, saved with its band expression', async ({ app, harness }) => {
  test.slow();
  seedLatency(harness);
  await switchRegion(app, REGION);
  const graph = { ...addMetric({ ...emptyGraph(), title: 'Checkout latency' }, METRIC, 'Average'), period: 300 };
  await app.goto(`${harness.bridge.url}/index.html#/metrics?${toParameters(graph).toString()}`);
  await app.getByRole('link', { name: 'Create alarm' }).click();
  const editor = app.getByRole('region', { name: 'New alarm' });
  await expect(backtest(app)).toBeVisible();

  await editor.getByRole('group', { name: 'Threshold type' }).getByRole('button', { name: 'Anomaly band' }).click();
  const bandRequests = () =>
    harness.requests.filter((request) => request.method === 'metrics.getData' && (request.request as MetricDataRequest).queries.some((query) => query.expression?.startsWith('ANOMALY_DETECTION_BAND')));
  await expect.poll(() => bandRequests().length).toBeGreaterThan(0);
  // The backtest now compares the metric with the band the sandbox computed: the daily incidents leave it.
  await expect.poll(() => alarmCount(app)).toBeGreaterThan(0);
  const atTwo = await alarmCount(app);
  await editor.getByLabel('Band width (standard deviations)').fill('6');
  await expect.poll(() => bandRequests().some((request) => (request.request as MetricDataRequest).queries.some((query) => query.expression?.includes(', 6)')))).toBe(true);
  await expect.poll(() => alarmCount(app)).toBeLessThan(atTwo);
  await app.screenshot({ path: `${SCREENSHOTS}alarm-band.png` });

  const name = `${NAME} band`;
  await editor.getByLabel('Name', { exact: true }).fill(name);
  await editor.getByRole('button', { name: 'Create alarm' }).click();
  await expect(app.getByRole('region', { name: 'New alarm' })).toHaveCount(0);
  const { definition } = await definitionNow(harness, name);
  expect(definition.comparisonOperator).toBe('LessThanLowerOrGreaterThanUpperThreshold');
  expect(definition.threshold).toBeUndefined();
  const band = definition.metrics?.find((query) => query.id === definition.thresholdMetricId);
  expect(band?.expression).toMatch(/^ANOMALY_DETECTION_BAND\(\w+, 6\)$/);

  // Evaluating the alarm creates the anomaly detector it needs, as CloudWatch does.
  await harness.sandbox.cloudwatch.evaluateAlarms();
  const cloudwatch = new CloudWatchClient({ region: REGION, endpoint: harness.sandbox.endpoint, credentials: { accessKeyId: 'AKIDE2E', secretAccessKey: 'secret' } });
  const detectors = await cloudwatch.send(new DescribeAnomalyDetectorsCommand({ Namespace: METRIC.namespace, MetricName: METRIC.metricName }));
  expect(detectors.AnomalyDetectors?.length).toBeGreaterThan(0);
});

test('a math alarm over two metrics: each read with its own statistic, changed in the form, saved as changed', async ({ app, harness }) => {
  seedLatency(harness);
  await switchRegion(app, REGION);
  const stat = (id: string, statistic: string) => ({ id, metricStat: { metric: METRIC, period: 60, stat: statistic }, returnData: false });
  const link = { metrics: [stat('fast', 'p10'), stat('slow', 'p90'), { id: 'spread', expression: 'slow - fast', label: 'Latency spread', returnData: true }] };
  await app.goto(`${harness.bridge.url}/index.html${newAlarmHash(link)}`);
  const editor = app.getByRole('region', { name: 'New alarm' });
  await expect(backtest(app)).toBeVisible();
  await expect(editor.getByLabel('Statistic of fast')).toHaveValue('p10');
  await expect(editor.getByLabel('Statistic of slow')).toHaveValue('p90');

  // The slow side read as p99 instead: the history is read again with it, the other metric as it was.
  await editor.getByLabel('Statistic of slow').fill('p99');
  await expect
    .poll(() =>
      harness.requests.some((request) => {
        if (request.method !== 'metrics.getData') return false;
        const stats = (request.request as MetricDataRequest).queries.map((query) => query.metricStat?.stat);
        return stats.includes('p99') && stats.includes('p10');
      }),
    )
    .toBe(true);
  await editor.getByLabel('Statistic of slow').fill('p101');
  await expect(editor.locator('.field-error').filter({ hasText: 'The percentile in p101 must be between 0 and 100' })).toBeVisible();
  await editor.getByLabel('Statistic of slow').fill('p99');

  const name = `${NAME} spread`;
  await editor.getByLabel('Threshold', { exact: true }).fill('40');
  await editor.getByLabel('Name', { exact: true }).fill(name);
  await editor.getByRole('button', { name: 'Create alarm' }).click();
  await expect(app.getByRole('region', { name: 'New alarm' })).toHaveCount(0);
  const { definition } = await definitionNow(harness, name);
  expect(definition.metrics?.map((query) => [query.id, query.metricStat?.stat ?? query.expression])).toEqual([
    ['fast', 'p10'],
    ['slow', 'p99'],
    ['spread', 'slow - fast'],
  ]);
});

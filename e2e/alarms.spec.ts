/**
 * The Alarms view end to end. Writes happen in eu-south-1 only: an alarm on a metric filter's metric,
 * fed by real log events, fires; the list shows it first with its sparkline; its detail shows the
 * threshold, the state bands and the history; "why did it fire" opens the filter's group with its
 * pattern over the breach; mute, unmute and set state are checked against the sandbox's own state;
 * delete asks for the name. In the demo account (read only): ALARM first, the incident's alarm with its
 * bands and history, and its logs of the breach through a linked log group (no metric filter emits its metric).
 */
import { fileURLToPath } from 'node:url';
import { CloudWatchClient, DeleteAlarmsCommand, DescribeAlarmsCommand, PutCompositeAlarmCommand, PutMetricAlarmCommand, PutMetricDataCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand, PutMetricFilterCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { Harness } from './harness';
import { withDefaultActions } from '../src/sandbox/services/cloudwatch/alarms/model';
import { initialState } from '../src/sandbox/services/cloudwatch/alarms/save-alarm';
import { switchRegion } from './support/app';

const REGION = 'eu-south-1';
const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const MINUTE = 60_000;
const NAMESPACE = 'E2E/Checkout';
const GROUP = '/e2e/alarms/checkout';
const FILTERED = 'e2e-checkout-errors';
const LINKED = 'e2e-checkout-latency';
const COMPOSITE = 'e2e-checkout-health';

function clients(harness: Harness) {
  const options = { region: REGION, endpoint: harness.sandbox.endpoint, credentials: { accessKeyId: 'AKIDE2E', secretAccessKey: 'secret' } };
  return { cloudwatch: new CloudWatchClient(options), logs: new CloudWatchLogsClient(options), sns: new SNSClient(options) };
}

/**
 * A checkout service in eu-south-1: a metric filter counting its ERROR lines, an alarm on that count
 * notifying a topic, ERROR lines logged after the filter exists (never retroactive), and a latency
 * alarm on a metric published directly.
 */
async function seedCheckout(harness: Harness): Promise<{ topicArn: string }> {
  const { cloudwatch, logs, sns } = clients(harness);
  const now = Date.now();
  const topic = await sns.send(new CreateTopicCommand({ Name: 'e2e-checkout-pager' }));
  const topicArn = topic.TopicArn ?? '';
  await logs.send(new CreateLogGroupCommand({ logGroupName: GROUP }));
  await logs.send(new CreateLogStreamCommand({ logGroupName: GROUP, logStreamName: 'web-1' }));
  await logs.send(
    new PutMetricFilterCommand({
      logGroupName: GROUP,
      filterName: 'checkout-errors',
      filterPattern: 'ERROR',
      metricTransformations: [{ metricName: 'CheckoutErrors', metricNamespace: NAMESPACE, metricValue: '1' }],
    }),
  );
  await cloudwatch.send(
    new PutMetricAlarmCommand({
      AlarmName: FILTERED,
      AlarmDescription: 'Checkout is failing payments',
      Namespace: NAMESPACE,
      MetricName: 'CheckoutErrors',
      Statistic: 'Sum',
      Period: 60,
      EvaluationPeriods: 3,
      DatapointsToAlarm: 2,
      Threshold: 2,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: [topicArn],
      OKActions: [topicArn],
    }),
  );
  const events = [];
  for (let minute = 4; minute >= 1; minute -= 1) {
    for (let line = 0; line < 5; line += 1) events.push({ timestamp: now - minute * MINUTE + line * 1000, message: `ERROR payment declined order=${minute}${line} gateway=timeout` });
  }
  await logs.send(new PutLogEventsCommand({ logGroupName: GROUP, logStreamName: 'web-1', logEvents: events }));

  await cloudwatch.send(
    new PutMetricDataCommand({
      Namespace: NAMESPACE,
      MetricData: Array.from({ length: 30 }, (_, index) => ({ MetricName: 'Latency', Unit: 'Milliseconds', Timestamp: new Date(now - (30 - index) * MINUTE), Value: 200 + index * 40 })),
    }),
  );
  await cloudwatch.send(
    new PutMetricAlarmCommand({
      AlarmName: LINKED,
      Namespace: NAMESPACE,
      MetricName: 'Latency',
      ExtendedStatistic: 'p99',
      Period: 60,
      Unit: 'Milliseconds',
      EvaluationPeriods: 5,
      DatapointsToAlarm: 3,
      Threshold: 1200,
      ComparisonOperator: 'GreaterThanThreshold',
    }),
  );
  await harness.sandbox.cloudwatch.evaluateAlarms();
  await cloudwatch.send(
    new PutCompositeAlarmCommand({
      AlarmName: COMPOSITE,
      AlarmRule: `ALARM("${FILTERED}") OR ALARM("${LINKED}")`,
      ActionsSuppressor: LINKED,
      ActionsSuppressorWaitPeriod: 120,
      ActionsSuppressorExtensionPeriod: 180,
    }),
  );
  return { topicArn };
}

async function storedAlarm(harness: Harness, name: string) {
  const output = await clients(harness).cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: [name] }));
  return output.MetricAlarms?.[0];
}

/** The list's row of an alarm (not a composite alarm's child row, nor a row whose rule names it). */
function alarmRow(app: Page, name: string) {
  return app
    .getByRole('grid', { name: 'Alarms' })
    .locator('[role="row"][data-index]:not([aria-level])')
    .filter({ has: app.locator(`.alarm-name-cell [title="${name}"]`) });
}

test('the demo account: ALARM first; the incident’s alarm with its threshold, bands and history; its logs through a linked group', async ({ app, harness }) => {
  await app.goto(`${harness.bridge.url}/index.html#/alarms`);
  const grid = app.getByRole('grid', { name: 'Alarms' });
  // The Aurora writer's storage is in ALARM now: it comes before every alarm in another state.
  await expect(grid.locator('[role="row"][data-index="0"]')).toContainText('In alarm');
  await expect(alarmRow(app, 'aurora-writer-free-storage')).toContainText('In alarm');
  await expect(alarmRow(app, 'fraud-score-duration-p90')).toContainText('Muted');
  // Only the muted ones, then all again.
  await app.getByRole('checkbox', { name: 'Muted' }).check();
  await expect(grid.locator('[role="row"][data-index]')).toHaveCount(1);
  await expect(grid.locator('[role="row"][data-index="0"]')).toContainText('fraud-score-duration-p90');
  await app.getByRole('checkbox', { name: 'Muted' }).uncheck();
  await expect(alarmRow(app, 'orders-api-errors')).toContainText('Sum Errors > 10 for 2 of 3 datapoints of 1 min');
  const states = await grid.locator('[role="row"][data-index] .alarm-state').allTextContents();
  const rank = (state: string) => ['In alarm', 'Insufficient data', 'OK'].indexOf(state);
  expect(states.map(rank)).toEqual([...states.map(rank)].sort((a, b) => a - b));
  await expect(alarmRow(app, 'orders-api-errors').locator('svg.sparkline')).toHaveCount(1);
  // The demo's composite alarm opens to its two children, with their states.
  await alarmRow(app, 'checkout-outage').getByRole('button', { name: 'Show the alarms of checkout-outage' }).click();
  const children = grid.locator('[role="row"][aria-level="2"]');
  await expect(children).toHaveCount(2);
  await expect(children.nth(0)).toContainText('public-api-5xx-rate');
  await expect(children.nth(1)).toContainText('aurora-writer-connections');
  await expect(children.nth(1)).toContainText('OK');
  await app.screenshot({ path: `${SCREENSHOTS}alarms-list.png` });

  // Sorted by the last change from its header, newest first: the times the rows show never go up.
  const lastChange = grid.getByRole('columnheader', { name: 'Last change' });
  await lastChange.getByRole('button').click();
  await expect(lastChange).toHaveAttribute('aria-sort', 'descending');
  const topLevel = grid.locator('[role="row"][data-index]:not([aria-level])');
  const times = await topLevel.locator('.alarm-changed').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('title') ?? ''));
  expect(times.length).toBeGreaterThan(5);
  expect(times).toEqual([...times].sort().reverse());
  await grid.getByRole('columnheader', { name: 'State' }).getByRole('button').click();
  await expect(grid.getByRole('columnheader', { name: 'State' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(grid.locator('[role="row"][data-index="0"]')).toContainText('In alarm');

  // The incident's alarm: back to OK now, its ALARM stretch shaded on the day around its last change.
  await alarmRow(app, 'orders-api-errors').click();
  await expect(app.getByRole('heading', { name: 'orders-api-errors' })).toBeVisible();
  await app.getByRole('group', { name: 'Time zone' }).getByRole('button', { name: 'UTC' }).click();
  const chart = app.getByRole('region', { name: 'Metric' });
  await chart.getByRole('group', { name: 'Range around the last change' }).getByRole('button', { name: '1d' }).click();
  await expect(chart.getByRole('note')).toContainText('Threshold 10');
  await expect(chart.getByRole('note')).toContainText(/In alarm \(\d+ min in this range\)/);
  const history = app.getByRole('region', { name: 'History' });
  await expect(history).toContainText('Alarm updated from OK to ALARM');
  await expect(history).toContainText('Alarm updated from ALARM to OK');
  await expect(app.getByRole('region', { name: 'Actions' })).toContainText('tallybird-prod-oncall');
  await expect(app.getByRole('region', { name: 'Actions' })).toContainText('Delivered');
  await app.screenshot({ path: `${SCREENSHOTS}alarms-detail.png` });

  // No metric filter emits Lambda's Errors: link the function's group, and its errors of the breach open.
  const why = app.getByRole('region', { name: 'Why did it fire' });
  await expect(why).toContainText('No metric filter emits this metric');
  await why.getByRole('button', { name: 'Link a log group…' }).click();
  const link = app.getByRole('dialog', { name: 'Link a log group' });
  await link.getByLabel('Log group').fill('/aws/lambda/tallybird-prod-orders-api');
  await link.getByLabel('Filter pattern').fill('ERROR');
  await link.getByRole('button', { name: 'Link' }).click();
  await expect(why).toContainText('in the linked group /aws/lambda/tallybird-prod-orders-api');
  // Remembered on this computer: still linked after a reload.
  await app.reload();
  await expect(app.getByRole('region', { name: 'Why did it fire' })).toContainText('in the linked group /aws/lambda/tallybird-prod-orders-api');
  await app.getByRole('region', { name: 'Why did it fire' }).getByRole('link', { name: 'Open the logs of the breach' }).click();
  await expect(app).toHaveURL(/#\/logs\?group=%2Faws%2Flambda%2Ftallybird-prod-orders-api&pattern=ERROR&range=/);
  await expect(app.getByRole('grid').first()).toContainText('ERROR');
  // Back to the Alarms view from the navigation: the alarm is still open there.
  await app.getByRole('navigation').getByRole('button', { name: 'Alarms', exact: true }).click();
  await expect(app.getByRole('heading', { name: 'orders-api-errors' })).toBeVisible();
  await expect(app).toHaveURL(/#\/alarms\?alarm=orders-api-errors$/);
});

test('10,000 alarms: listed by prefix at AWS, ALARM first, only the rows on screen drawn and graphed', async ({ app, harness }) => {
  const SCALE = 10_000;
  const now = Date.now();
  const { metrics } = harness.sandbox.cloudwatch.seedBulk({ region: REGION, metrics: 50, minutes: 180, valuesPerMinute: 2, namespace: 'E2E/Scale' });
  const store = harness.sandbox.cloudwatch.alarms(REGION);
  const names = Array.from({ length: SCALE }, (_, index) => `scale-${String(index).padStart(5, '0')}`);
  names.forEach((name, index) => {
    const metric = metrics[index % metrics.length]!;
    const state = index % 97 === 0 ? 'ALARM' : index % 31 === 0 ? 'INSUFFICIENT_DATA' : 'OK';
    store.put({
      type: 'MetricAlarm',
      arn: store.arnOf(name),
      configurationUpdatedAt: now,
      state: initialState(now, state),
      config: withDefaultActions({
        AlarmName: name,
        ActionsEnabled: index % 500 !== 0,
        Namespace: metric.namespace,
        MetricName: metric.metricName,
        Dimensions: metric.dimensions,
        Statistic: 'Average',
        Period: 300,
        EvaluationPeriods: 3,
        Threshold: 100,
        ComparisonOperator: 'GreaterThanThreshold',
      }),
    });
  });
  try {
    await app.goto(`${harness.bridge.url}/index.html#/alarms`);
    await switchRegion(app, REGION);
    // Only names starting with "scale-", asked of AWS (AlarmNamePrefix).
    await app.getByRole('searchbox', { name: 'Search alarms' }).fill('scale-');
    await app.getByRole('button', { name: 'Load names starting with this' }).click();
    await expect(app.getByRole('button', { name: 'Names starting with “scale-” — load all' })).toHaveAttribute('aria-pressed', 'true');
    await app.getByRole('searchbox', { name: 'Search alarms' }).fill('');
    await expect(app.getByRole('status').filter({ hasText: /^10,000 alarms$/ })).toBeVisible({ timeout: 60_000 });
    const grid = app.getByRole('grid', { name: 'Alarms' });
    // The sandbox's evaluator may move some alarms on the minute: what holds is ALARM first, every alarm counted once.
    await expect(grid.locator('[role="row"][data-index="0"]')).toContainText('In alarm');
    const counts = (await app.getByRole('group', { name: 'States' }).innerText()).match(/[\d,]+/g)?.map((count) => Number(count.replaceAll(',', ''))) ?? [];
    expect(counts).toHaveLength(3);
    expect(counts.reduce((total, count) => total + count, 0)).toBe(SCALE);
    // Virtualized: a screenful of rows in the page, not 10,000.
    expect(await grid.locator('[role="row"][data-index]').count()).toBeLessThan(80);
    await expect(grid.locator('svg.sparkline').first()).toBeVisible();

    // The keyboard reaches the last alarm; its row's sparkline is asked for once it is on screen.
    await grid.locator('[role="row"][data-index="0"]').focus();
    await app.keyboard.press('End');
    const last = grid.locator(`[role="row"][data-index="${SCALE - 1}"]`);
    await expect(last).toBeFocused();
    await expect(last).toContainText('OK');
    await expect(last.locator('svg.sparkline')).toBeVisible();

    // Sparklines were asked for the rows on screen only, many alarms per GetMetricData call, within its limits.
    const asked = harness.requests.filter((request) => request.method === 'metrics.getData').map((request) => (request.request as { queries: unknown[] }).queries.length);
    expect(asked.every((queries) => queries <= 500)).toBe(true);
    expect(asked.reduce((total, queries) => total + queries, 0)).toBeLessThan(300);
    expect(Math.max(...asked)).toBeGreaterThan(1);
  } finally {
    for (const name of names) store.delete(name);
  }
});

test.afterEach(async ({ harness }) => {
  await harness.api.dispatcher.call('connections.select', { connectionId: 'demo', region: 'us-east-1' }, new AbortController().signal);
});

test('an alarm on a metric filter fires; its chart, history and logs explain it; mute, set state and delete', async ({ app, harness }) => {
  test.slow();
  const { topicArn } = await seedCheckout(harness);
  expect((await storedAlarm(harness, FILTERED))?.StateValue).toBe('ALARM');

  await app.goto(`${harness.bridge.url}/index.html#/alarms`);
  await switchRegion(app, REGION);

  // ALARM first, with the condition in words and a sparkline with the threshold.
  const grid = app.getByRole('grid', { name: 'Alarms' });
  await expect(grid.locator('[role="row"][data-index="0"]')).toContainText(FILTERED);
  await expect(alarmRow(app, FILTERED)).toContainText('In alarm');
  await expect(alarmRow(app, FILTERED)).toContainText('Sum CheckoutErrors > 2 for 2 of 3 datapoints of 1 min');
  await expect(alarmRow(app, FILTERED).locator('svg.sparkline line.sparkline-threshold')).toHaveCount(1);
  await expect(alarmRow(app, LINKED)).toContainText('p99 Latency > 1,200 ms for 3 of 5 datapoints of 1 min');

  // Kept current without reloading the list: an alarm changed elsewhere is read again each minute and when
  // the window comes back into view.
  const elsewhere = (await storedAlarm(harness, LINKED))?.StateValue === 'OK' ? 'INSUFFICIENT_DATA' : 'OK';
  await clients(harness).cloudwatch.send(new SetAlarmStateCommand({ AlarmName: LINKED, StateValue: elsewhere, StateReason: 'e2e: changed elsewhere' }));
  await app.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
  await expect(alarmRow(app, LINKED)).toContainText(elsewhere === 'OK' ? 'OK' : 'Insufficient data');
  await expect(app.getByText(/^Kept current: changed alarms are read again each minute \(last checked \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\)\.$/)).toBeVisible();

  // A composite alarm opens to show the alarms its rule names, with their states.
  const composite = alarmRow(app, COMPOSITE);
  await expect(composite).toContainText('Composite');
  await expect(composite).toHaveAttribute('aria-expanded', 'false');
  await composite.getByRole('button', { name: `Show the alarms of ${COMPOSITE}` }).click();
  await expect(composite).toHaveAttribute('aria-expanded', 'true');
  const children = grid.locator('[role="row"][aria-level="2"]');
  await expect(children).toHaveCount(2);
  await expect(children.nth(0)).toContainText(FILTERED);
  await expect(children.nth(0)).toContainText('In alarm');
  await expect(children.nth(1)).toContainText(LINKED);
  await composite.focus();
  await app.keyboard.press('ArrowLeft');
  await expect(children).toHaveCount(0);
  await app.keyboard.press('ArrowRight');
  await expect(children).toHaveCount(2);
  await composite.getByRole('button', { name: `Hide the alarms of ${COMPOSITE}` }).click();
  // Its detail: the rule and its alarms' states, each a way into that alarm.
  await composite.click();
  const rule = app.getByRole('region', { name: 'Alarms in the rule' });
  await expect(rule.getByRole('listitem')).toHaveCount(2);
  await expect(rule.getByRole('listitem').nth(0)).toContainText('In alarm');
  await expect(app.getByRole('region', { name: 'State' })).toContainText(`ALARM("${FILTERED}") OR ALARM("${LINKED}")`);
  await expect(app.getByRole('region', { name: 'State' })).toContainText(
    `Suppressed by${LINKED} while it is in ALARM; waits up to 120 seconds for it to go into ALARM; holds the actions 180 seconds after it leaves ALARM`,
  );
  // No metric to graph: its own states are drawn over time instead.
  const states = app.getByRole('region', { name: 'Timeline' });
  await expect(states.getByRole('note')).toContainText(/In alarm \((\d+ min|under a minute) in this range\)/);
  await expect(states.getByRole('img', { name: `${COMPOSITE}'s states over time` })).toBeVisible();
  await app.getByRole('button', { name: 'Back to the list of alarms' }).click();

  // Filters: by state and by a piece of the name.
  await app.getByRole('group', { name: 'States' }).getByRole('button', { name: /^OK/ }).click();
  await expect(alarmRow(app, FILTERED)).toHaveCount(0);
  await app.getByRole('group', { name: 'States' }).getByRole('button', { name: /^OK/ }).click();
  await app.getByRole('searchbox', { name: 'Search alarms' }).fill('LATENCY');
  await expect(grid.locator('[role="row"][data-index]')).toHaveCount(1);
  await app.getByRole('searchbox', { name: 'Search alarms' }).fill('');
  await expect(grid.locator('svg.sparkline')).toHaveCount(2);

  // Keyboard: arrows move through the rows, Enter opens one.
  await grid.locator('[role="row"][data-index="0"]').focus();
  await app.keyboard.press('ArrowDown');
  await expect(grid.locator('[role="row"][data-index="1"]')).toBeFocused();
  await app.keyboard.press('ArrowUp');
  await expect(grid.locator('[role="row"][data-index="0"]')).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { name: FILTERED })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Back to the list of alarms' })).toBeFocused();
  await app.getByRole('group', { name: 'Time zone' }).getByRole('button', { name: 'UTC' }).click();
  await expect(app.getByText('Sum CheckoutErrors > 2 for 2 of 3 datapoints of 1 min; missing data: not breaching')).toBeVisible();
  const chart = app.getByRole('region', { name: 'Metric' });
  await expect(chart.getByRole('note')).toContainText('Threshold 2');
  await expect(chart.getByRole('note')).toContainText(/In alarm \((\d+ min|under a minute) in this range\)/);
  const history = app.getByRole('region', { name: 'History' });
  await expect(history).toContainText('Alarm updated from INSUFFICIENT_DATA to ALARM');
  await expect(app.getByRole('region', { name: 'Actions' })).toContainText(topicArn);
  await expect(app.getByRole('region', { name: 'Actions' })).toContainText('SNS topic');
  await expect(app.getByRole('region', { name: 'State' })).toContainText('Threshold Crossed');
  // The datapoints that decided it, as a JSON tree.
  await app.getByText('The data that decided it').click();
  await expect(app.getByRole('tree', { name: 'State reason data' })).toContainText('recentDatapoints');

  // History data opens as JSON; the type filter narrows the timeline.
  await history.getByRole('group', { name: 'History items' }).getByRole('button', { name: 'Configuration' }).click();
  await expect(history.locator('.alarm-history-item')).toHaveCount(1);
  await history.getByRole('group', { name: 'History items' }).getByRole('button', { name: 'All' }).click();

  // Why did it fire: the filter's group with its pattern, over the breach.
  const why = app.getByRole('region', { name: 'Why did it fire' });
  await expect(why).toContainText('checkout-errors');
  await why.getByRole('link', { name: 'Open the logs of the breach' }).click();
  await expect(app).toHaveURL(/#\/logs\?group=%2Fe2e%2Falarms%2Fcheckout&pattern=ERROR&range=/);
  await expect(app.getByText('ERROR payment declined order=10 gateway=timeout')).toBeVisible();
  await app.goBack();
  await expect(app.getByRole('heading', { name: FILTERED })).toBeVisible();

  // Edit opens the editor on this alarm (the hash says so, for a reload or a link); Back returns.
  await app.getByRole('link', { name: 'Edit' }).click();
  await expect(app).toHaveURL(/#\/alarms\?alarm=e2e-checkout-errors&edit=1$/);
  await app.goBack();
  await expect(app.getByRole('heading', { name: FILTERED })).toBeVisible();

  // Mute and unmute, as the sandbox has it.
  await app.getByRole('button', { name: 'Mute actions' }).click();
  await expect(app.getByRole('button', { name: 'Unmute actions' })).toBeVisible();
  expect((await storedAlarm(harness, FILTERED))?.ActionsEnabled).toBe(false);
  await expect(app.getByRole('region', { name: 'Actions' })).toContainText('Muted: none of these run');
  await app.getByRole('button', { name: 'Unmute actions' }).click();
  await expect(app.getByRole('button', { name: 'Mute actions' })).toBeVisible();
  expect((await storedAlarm(harness, FILTERED))?.ActionsEnabled).toBe(true);

  // Set state for testing: the warning names the action that will run; the change shows in the history.
  await app.getByRole('button', { name: 'Set state…' }).click();
  const setState = app.getByRole('dialog', { name: 'Set the alarm’s state' });
  await setState.getByRole('group', { name: 'New state' }).getByRole('button', { name: 'OK', exact: true }).click();
  await expect(setState.getByRole('note')).toContainText(`runs 1 action: ${topicArn}`);
  await setState.getByLabel('Reason').fill('e2e: checking the pager on recovery');
  await setState.getByRole('button', { name: 'Set to OK' }).click();
  await expect(setState).toHaveCount(0);
  expect((await storedAlarm(harness, FILTERED))?.StateValue).toBe('OK');
  await expect(history).toContainText('Alarm updated from ALARM to OK');
  await expect(app.getByRole('region', { name: 'State' })).toContainText('e2e: checking the pager on recovery');
  await expect(app.getByRole('region', { name: 'Actions' })).toContainText('Delivered');

  // Who changed this: the alarm's writes just made, in CloudTrail.
  await app.getByRole('link', { name: 'Who changed this' }).click();
  await expect(app).toHaveURL(/#\/trail\?attribute=ResourceName&value=e2e-checkout-errors&also=ResourceType%3DAWS%3A%3ACloudWatch%3A%3AAlarm/);
  await expect(app.getByRole('grid').first()).toContainText('DisableAlarmActions');
  await expect(app.getByRole('grid').first()).toContainText('SetAlarmState');
  await app.goBack();
  await expect(app.getByRole('heading', { name: FILTERED })).toBeVisible();

  // Delete asks for the name.
  await app.getByRole('button', { name: 'Delete…' }).click();
  const remove = app.getByRole('alertdialog', { name: 'Delete alarm?' });
  await remove.getByLabel('Type the alarm’s name to confirm').fill('e2e-checkout');
  await expect(remove.getByRole('button', { name: 'Delete alarm' })).toHaveAttribute('aria-disabled', 'true');
  await remove.getByLabel('Type the alarm’s name to confirm').fill(FILTERED);
  await remove.getByRole('button', { name: 'Delete alarm' }).click();
  // The composite alarm still names it: CloudWatch refuses, and the dialog says why.
  await expect(remove.getByRole('alert')).toContainText(`the composite alarm ${COMPOSITE} refers to it`);
  expect(await storedAlarm(harness, FILTERED)).toBeDefined();
  await clients(harness).cloudwatch.send(new DeleteAlarmsCommand({ AlarmNames: [COMPOSITE] }));
  await remove.getByRole('button', { name: 'Delete alarm' }).click();
  await expect(app.getByRole('grid', { name: 'Alarms' })).toBeVisible();
  await expect(alarmRow(app, FILTERED)).toHaveCount(0);
  expect(await storedAlarm(harness, FILTERED)).toBeUndefined();

  // A link to the deleted alarm says so.
  await app.goto(`${harness.bridge.url}/index.html#/alarms?alarm=${FILTERED}`);
  await expect(app.getByText('This alarm no longer exists')).toBeVisible();
});

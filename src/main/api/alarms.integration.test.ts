/**
 * main/api/alarms against the sandbox through the real CloudWatch and SNS clients: the list's pages, one
 * alarm with its tags, history, a lossless edit round trip that refuses to overwrite someone else's
 * change, mute, set state (with its notification), delete, the changes since a time, and the SNS topics.
 */
import { CloudWatchClient, DeleteAlarmsCommand, PutCompositeAlarmCommand, PutMetricAlarmCommand, SetAlarmStateCommand } from '@aws-sdk/client-cloudwatch';
import { describe, expect, it } from 'vitest';
import type { Alarm, AlarmChanges, AlarmHistoryItem, AlarmPage, MetricAlarm, MetricAlarmDefinition, SnsTopic } from '../../shared/contract';
import { call, ok, subscribe, valuesOf } from './dispatcher-testing';
import { sandboxApi } from './sandbox-testing';

const REGION = 'us-east-1';
// States change only by the test's calls, never by an evaluation at a minute boundary in between.
const suite = sandboxApi({ seed: 'empty', evaluateAlarms: false });

function sdk(): CloudWatchClient {
  return new CloudWatchClient({ region: REGION, endpoint: suite.sandbox.endpoint, credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' } });
}

/** Every field PutMetricAlarm takes, set. */
function everyField(name: string, topicArn: string): MetricAlarmDefinition {
  return {
    name,
    description: 'p99 latency of the orders API',
    actionsEnabled: true,
    okActions: [topicArn],
    alarmActions: [topicArn, 'arn:aws:automate:us-east-1:ec2:reboot'],
    insufficientDataActions: ['arn:aws:ssm:us-east-1:123456789012:opsitem:3'],
    namespace: 'Test/Shop',
    metricName: 'Latency',
    dimensions: [{ name: 'Service', value: 'orders' }],
    extendedStatistic: 'p99',
    period: 300,
    unit: 'Milliseconds',
    evaluationPeriods: 5,
    datapointsToAlarm: 3,
    threshold: 1200.5,
    comparisonOperator: 'GreaterThanThreshold',
    treatMissingData: 'notBreaching',
    evaluateLowSampleCountPercentile: 'ignore',
  };
}

/** The definition part of an alarm as described. */
function definitionOf(alarm: MetricAlarm): MetricAlarmDefinition {
  const { kind: _kind, arn: _arn, state: _state, stateReason: _reason, stateReasonData: _data, stateUpdatedAt: _updated, stateTransitionedAt: _transitioned, configurationUpdatedAt: _configured, evaluationState: _evaluation, ...definition } = alarm;
  return JSON.parse(JSON.stringify(definition)) as MetricAlarmDefinition;
}

async function put(dispatcher: ReturnType<typeof suite.start>, alarm: MetricAlarmDefinition, expectedConfigurationUpdatedAt?: number): Promise<MetricAlarm> {
  const saved = await ok<{ alarm: MetricAlarm }>(call(dispatcher, 'alarms.put', { alarm, ...(expectedConfigurationUpdatedAt === undefined ? {} : { expectedConfigurationUpdatedAt }), tags: [{ key: 'team', value: 'orders' }] }));
  return saved.alarm;
}

describe('alarms.put and alarms.get', () => {
  it('round-trips every field, then edits one and sends back everything else unchanged', async () => {
    const dispatcher = suite.start();
    const topic = await ok<SnsTopic>(call(dispatcher, 'alarms.createTopic', { name: 'orders-pager' }));
    const definition = everyField('roundtrip-latency', topic.arn);
    const created = await put(dispatcher, definition);
    expect(definitionOf(created)).toEqual(definition);
    const read = await ok<{ alarm: Alarm; tags: { key: string; value: string }[] }>(call(dispatcher, 'alarms.get', { name: 'roundtrip-latency' }));
    expect(read.tags).toEqual([{ key: 'team', value: 'orders' }]);
    expect(read.alarm).toEqual(created);

    const edited = await put(dispatcher, { ...definitionOf(created), threshold: 900 }, created.configurationUpdatedAt);
    expect(definitionOf(edited)).toEqual({ ...definition, threshold: 900 });
    expect(edited.configurationUpdatedAt).toBeGreaterThanOrEqual(created.configurationUpdatedAt);
  });

  it('round-trips a metric-math alarm', async () => {
    const dispatcher = suite.start();
    const math: MetricAlarmDefinition = {
      name: 'roundtrip-error-rate',
      actionsEnabled: true,
      okActions: [],
      alarmActions: [],
      insufficientDataActions: [],
      dimensions: [],
      evaluationPeriods: 3,
      threshold: 5,
      comparisonOperator: 'GreaterThanOrEqualToThreshold',
      metrics: [
        { id: 'errors', metricStat: { metric: { namespace: 'Test/Shop', metricName: 'Errors', dimensions: [] }, period: 60, stat: 'Sum' }, returnData: false },
        { id: 'calls', metricStat: { metric: { namespace: 'Test/Shop', metricName: 'Requests', dimensions: [] }, period: 60, stat: 'Sum' }, returnData: false },
        { id: 'rate', expression: '100 * errors / calls', label: 'Error rate', returnData: true },
      ],
    };
    expect(definitionOf(await put(dispatcher, math))).toEqual(math);
  });

  it('refuses a new alarm with a taken name, an edit of an alarm changed since, and says NotFound for a deleted one', async () => {
    const dispatcher = suite.start();
    const created = await put(dispatcher, everyField('conflicted', 'arn:aws:sns:us-east-1:123456789012:nowhere'));
    const taken = await call(dispatcher, 'alarms.put', { alarm: everyField('conflicted', 'arn:aws:sns:us-east-1:123456789012:nowhere') });
    expect(taken).toMatchObject({ ok: false, error: { code: 'AlreadyExists' } });

    // Someone else changes it (with the SDK, as another tool would)…
    await new Promise((resolve) => setTimeout(resolve, 5));
    await sdk().send(
      new PutMetricAlarmCommand({ AlarmName: 'conflicted', Namespace: 'Test/Shop', MetricName: 'Latency', Statistic: 'Average', Period: 60, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanThreshold' }),
    );
    // …so the edit made on the version read before is refused and nothing is written.
    const stale = await call(dispatcher, 'alarms.put', { alarm: { ...definitionOf(created), threshold: 2 }, expectedConfigurationUpdatedAt: created.configurationUpdatedAt });
    expect(stale).toMatchObject({ ok: false, error: { code: 'Conflict' } });
    const now = await ok<{ alarm: MetricAlarm }>(call(dispatcher, 'alarms.get', { name: 'conflicted' }));
    expect(now.alarm).toMatchObject({ statistic: 'Average', threshold: 1 });

    await ok(call(dispatcher, 'alarms.delete', { names: ['conflicted'] }));
    expect(await call(dispatcher, 'alarms.get', { name: 'conflicted' })).toMatchObject({ ok: false, error: { code: 'NotFound' } });
    const deleted = await call(dispatcher, 'alarms.put', { alarm: definitionOf(now.alarm), expectedConfigurationUpdatedAt: now.alarm.configurationUpdatedAt });
    expect(deleted).toMatchObject({ ok: false, error: { code: 'Conflict' } });
  });
});

describe('alarms.list', () => {
  it('streams every page of metric and composite alarms, by name prefix and state', async () => {
    const dispatcher = suite.start();
    const client = sdk();
    for (let index = 0; index < 230; index += 1) {
      await client.send(
        new PutMetricAlarmCommand({
          AlarmName: `bulk-${String(index).padStart(3, '0')}`,
          Namespace: 'Test/Bulk',
          MetricName: 'Depth',
          Statistic: 'Maximum',
          Period: 60,
          EvaluationPeriods: 1,
          Threshold: index,
          ComparisonOperator: 'GreaterThanThreshold',
        }),
      );
    }

    await client.send(new PutCompositeAlarmCommand({ AlarmName: 'bulk-composite', AlarmRule: 'ALARM("bulk-001") OR ALARM("bulk-002")' }));

    const pages = valuesOf<AlarmPage>(await subscribe(dispatcher, 'alarms.list', { namePrefix: 'bulk-' }));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages.map((page) => page.pages)).toEqual(pages.map((_, index) => index + 1));
    const alarms = pages.flatMap((page) => page.alarms);
    expect(alarms).toHaveLength(231);
    expect(new Set(alarms.map((alarm) => alarm.name)).size).toBe(231);
    expect(alarms.find((alarm) => alarm.name === 'bulk-composite')).toMatchObject({ kind: 'composite', alarmRule: 'ALARM("bulk-001") OR ALARM("bulk-002")' });

    // Past a quota of 1 call a second, throttled pages are retried, none skipped.
    suite.sandbox.setFaults({ quotas: { 'monitoring:DescribeAlarms': 1 } });
    const throttled = valuesOf<AlarmPage>(await subscribe(dispatcher, 'alarms.list', { namePrefix: 'bulk-' }));
    suite.sandbox.setFaults({});
    expect(throttled.at(-1)?.throttled).toBeGreaterThan(0);
    expect(throttled.flatMap((page) => page.alarms).map((alarm) => alarm.name)).toEqual(alarms.map((alarm) => alarm.name));

    await ok(call(dispatcher, 'alarms.setState', { name: 'bulk-007', state: 'ALARM', reason: 'integration test' }));
    const inAlarm = valuesOf<AlarmPage>(await subscribe(dispatcher, 'alarms.list', { namePrefix: 'bulk-', state: 'ALARM' })).flatMap((page) => page.alarms);
    expect(inAlarm.map((alarm) => alarm.name)).toContain('bulk-007');
    expect(inAlarm.every((alarm) => alarm.state === 'ALARM')).toBe(true);
  });
});

describe('alarms.setState, setActionsEnabled and history', () => {
  it('records a state set for testing, runs its SNS action, and mutes and unmutes the actions', async () => {
    const dispatcher = suite.start();
    const topic = await ok<SnsTopic>(call(dispatcher, 'alarms.createTopic', { name: 'state-pager' }));
    const topics = await ok<{ topics: SnsTopic[] }>(call(dispatcher, 'alarms.topics', {}));
    expect(topics.topics).toContainEqual(topic);
    await put(dispatcher, { ...everyField('stateful', topic.arn), insufficientDataActions: [] });

    await ok(call(dispatcher, 'alarms.setState', { name: 'stateful', state: 'ALARM', reason: 'Testing the pager' }));
    const read = await ok<{ alarm: Alarm }>(call(dispatcher, 'alarms.get', { name: 'stateful' }));
    expect(read.alarm).toMatchObject({ state: 'ALARM', stateReason: 'Testing the pager' });

    const { items } = await ok<{ items: AlarmHistoryItem[] }>(call(dispatcher, 'alarms.history', { name: 'stateful' }));
    expect(items.map((item) => item.timestamp)).toEqual([...items.map((item) => item.timestamp)].sort((a, b) => b - a));
    const update = items.find((item) => item.type === 'StateUpdate');
    expect(JSON.parse(update?.data ?? '{}')).toMatchObject({ newState: { stateValue: 'ALARM', stateReason: 'Testing the pager' } });
    expect(items.find((item) => item.type === 'Action' && item.summary.includes(topic.arn))).toMatchObject({ summary: `Successfully executed action ${topic.arn}` });
    expect(items.some((item) => item.type === 'ConfigurationUpdate')).toBe(true);
    const onlyState = await ok<{ items: AlarmHistoryItem[] }>(call(dispatcher, 'alarms.history', { name: 'stateful', type: 'StateUpdate' }));
    expect(onlyState.items.length).toBeGreaterThan(0);
    expect(onlyState.items.every((item) => item.type === 'StateUpdate')).toBe(true);

    await ok(call(dispatcher, 'alarms.setActionsEnabled', { names: ['stateful'], enabled: false }));
    expect((await ok<{ alarm: Alarm }>(call(dispatcher, 'alarms.get', { name: 'stateful' }))).alarm.actionsEnabled).toBe(false);
    await ok(call(dispatcher, 'alarms.setActionsEnabled', { names: ['stateful'], enabled: true }));
    expect((await ok<{ alarm: Alarm }>(call(dispatcher, 'alarms.get', { name: 'stateful' }))).alarm.actionsEnabled).toBe(true);
  });

  it('finds the alarms of a metric', async () => {
    const dispatcher = suite.start();
    await put(dispatcher, everyField('for-metric', 'arn:aws:sns:us-east-1:123456789012:nowhere'));
    const found = await ok<{ alarms: MetricAlarm[] }>(call(dispatcher, 'alarms.forMetric', { namespace: 'Test/Shop', metricName: 'Latency', dimensions: [{ name: 'Service', value: 'orders' }] }));
    expect(found.alarms.map((alarm) => alarm.name)).toContain('for-metric');
  });
});

describe('alarms.changes', () => {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const metricAlarm = (name: string) =>
    new PutMetricAlarmCommand({ AlarmName: name, Namespace: 'Test/Changes', MetricName: 'Depth', Statistic: 'Maximum', Period: 60, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanThreshold' });

  it('finds the alarms whose state or configuration changed since a time, as they are now, and the deleted ones', async () => {
    const dispatcher = suite.start();
    const client = sdk();
    for (const name of ['changes-steady', 'changes-flapping', 'changes-doomed']) await client.send(metricAlarm(name));
    await client.send(new PutCompositeAlarmCommand({ AlarmName: 'changes-composite', AlarmRule: 'ALARM("changes-flapping")' }));
    await sleep(5);
    const since = Date.now();
    await sleep(5);

    await client.send(new SetAlarmStateCommand({ AlarmName: 'changes-flapping', StateValue: 'ALARM', StateReason: 'integration test' }));
    await client.send(new PutCompositeAlarmCommand({ AlarmName: 'changes-composite', AlarmRule: 'ALARM("changes-flapping") OR ALARM("changes-steady")' }));
    await client.send(new DeleteAlarmsCommand({ AlarmNames: ['changes-doomed'] }));
    await client.send(metricAlarm('changes-new'));

    const changes = await ok<AlarmChanges>(call(dispatcher, 'alarms.changes', { since }));
    expect(changes.tooMany).toBe(false);
    expect(Object.fromEntries(changes.alarms.map((alarm) => [alarm.name, alarm.state]))).toEqual({
      'changes-flapping': 'ALARM',
      'changes-composite': 'ALARM',
      'changes-new': 'INSUFFICIENT_DATA',
    });
    expect(changes.alarms.find((alarm) => alarm.name === 'changes-composite')).toMatchObject({ kind: 'composite', alarmRule: 'ALARM("changes-flapping") OR ALARM("changes-steady")' });
    expect(changes.removed).toEqual(['changes-doomed']);
    // The next check starts where this one could still miss nothing: not later than now.
    expect(changes.until).toBeGreaterThanOrEqual(since);
    expect(changes.until).toBeLessThanOrEqual(Date.now());
  });

  it('says to list everything again when more changed than are worth reading one by one', async () => {
    const dispatcher = suite.start();
    const client = sdk();
    await client.send(metricAlarm('changes-storm'));
    const since = Date.now();
    await sleep(5);
    for (let batch = 0; batch < 21; batch += 1) {
      await Promise.all(
        Array.from({ length: 50 }, (_, index) =>
          client.send(new SetAlarmStateCommand({ AlarmName: 'changes-storm', StateValue: (batch * 50 + index) % 2 === 0 ? 'ALARM' : 'OK', StateReason: 'storm' })),
        ),
      );
    }
    const changes = await ok<AlarmChanges>(call(dispatcher, 'alarms.changes', { since }));
    expect(changes).toMatchObject({ tooMany: true, alarms: [], removed: [] });
  });
});

/**
 * The alarm editor's save paths through the SDK against the sandbox, beyond alarms.integration.test.ts (which
 * covers the single-metric and math round trips, AlreadyExists and the Conflict refusal): a band alarm, as the
 * editor builds it from one metric, keeps its queries whole through an edit, and the editor's answers to a Conflict —
 * overwrite with mine (saved against their version), take theirs (an edit based on it) — write what they say.
 */
import { describe, expect, it } from 'vitest';
import type { Dispatcher } from '../../shared/rpc';
import { MetricAlarmDefinition, type MetricAlarm, type SnsTopic } from '../../shared/contract';
import { call, ok } from './dispatcher-testing';
import { sandboxApi } from './sandbox-testing';

const REGION = 'eu-south-2';
// States change only by the test's calls, never by an evaluation at a minute boundary in between.
const suite = sandboxApi({ seed: 'empty', evaluateAlarms: false });

async function inRegion(): Promise<Dispatcher> {
  const dispatcher = suite.start();
  await ok(call(dispatcher, 'connections.select', { connectionId: 'demo', region: REGION }));
  return dispatcher;
}

/** Every PutMetricAlarm field of a described alarm: what the editor starts from. */
function definitionOf(alarm: MetricAlarm): MetricAlarmDefinition {
  const definition: Record<string, unknown> = {};
  for (const field of Object.keys(MetricAlarmDefinition.shape)) {
    const value = alarm[field as keyof MetricAlarm];
    if (value !== undefined) definition[field] = value;
  }
  return definition as MetricAlarmDefinition;
}

async function get(dispatcher: Dispatcher, name: string): Promise<MetricAlarm> {
  const { alarm } = await ok<{ alarm: MetricAlarm }>(call(dispatcher, 'alarms.get', { name }));
  return alarm;
}

async function everyFieldAlarm(dispatcher: Dispatcher, name: string): Promise<MetricAlarmDefinition> {
  const topic = await ok<SnsTopic>(call(dispatcher, 'alarms.createTopic', { name: 'editor-ops' }));
  return {
    name,
    description: 'Checkout is slow: page the on-call',
    actionsEnabled: false,
    okActions: [topic.arn],
    alarmActions: [topic.arn, `arn:aws:automate:${REGION}:ec2:reboot`, `arn:aws:autoscaling:${REGION}:123456789012:scalingPolicy:1a2b:autoScalingGroupName/web:policyName/up`],
    insufficientDataActions: [`arn:aws:ssm:${REGION}:123456789012:opsitem:3#CATEGORY=Availability`],
    namespace: 'Editor/Test',
    metricName: 'Latency',
    dimensions: [
      { name: 'InstanceId', value: 'i-0123456789abcdef0' },
      { name: 'Route', value: '/checkout' },
    ],
    extendedStatistic: 'p99',
    period: 60,
    unit: 'Milliseconds',
    evaluationPeriods: 5,
    datapointsToAlarm: 3,
    threshold: 800,
    comparisonOperator: 'GreaterThanOrEqualToThreshold',
    treatMissingData: 'notBreaching',
    evaluateLowSampleCountPercentile: 'ignore',
  };
}

describe('the lossless edit', () => {
  it('keeps a band alarm\'s queries whole through an edit: labels, units, return flags and the band', async () => {
    const dispatcher = await inRegion();
    const original: MetricAlarmDefinition = {
      name: 'editor math band',
      actionsEnabled: true,
      okActions: [],
      alarmActions: [],
      insufficientDataActions: [],
      dimensions: [],
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      comparisonOperator: 'GreaterThanUpperThreshold',
      thresholdMetricId: 'ad1',
      treatMissingData: 'ignore',
      metrics: [
        { id: 'm1', metricStat: { metric: { namespace: 'Editor/Test', metricName: 'Errors', dimensions: [{ name: 'Route', value: '/checkout' }] }, period: 300, stat: 'Sum', unit: 'Count' }, returnData: true, label: 'Checkout errors' },
        { id: 'ad1', expression: 'ANOMALY_DETECTION_BAND(m1, 3)', label: 'Checkout errors (expected)', returnData: true },
      ],
    };
    await ok(call(dispatcher, 'alarms.put', { alarm: original }));
    const read = await get(dispatcher, original.name);
    expect(definitionOf(read)).toEqual(original);
    const edited = { ...definitionOf(read), evaluationPeriods: 4 };
    await ok(call(dispatcher, 'alarms.put', { alarm: edited, expectedConfigurationUpdatedAt: read.configurationUpdatedAt }));
    expect(definitionOf(await get(dispatcher, original.name))).toEqual({ ...original, evaluationPeriods: 4 });
  });
});

describe('conflicts', () => {
  it('refuses a save over a change made since the alarm was read, and writes nothing', async () => {
    const dispatcher = await inRegion();
    const original = { ...(await everyFieldAlarm(dispatcher, 'editor conflict')), actionsEnabled: true };
    await ok(call(dispatcher, 'alarms.put', { alarm: original }));
    const mine = await get(dispatcher, original.name);
    // Someone else saves the alarm in between (AlarmConfigurationUpdatedTimestamp moves on).
    await new Promise((resolve) => setTimeout(resolve, 5));
    await ok(call(dispatcher, 'alarms.put', { alarm: { ...original, threshold: 1200 }, expectedConfigurationUpdatedAt: mine.configurationUpdatedAt }));
    const theirs = await get(dispatcher, original.name);
    expect(theirs.configurationUpdatedAt).toBeGreaterThan(mine.configurationUpdatedAt);

    const refused = await call(dispatcher, 'alarms.put', { alarm: { ...definitionOf(mine), datapointsToAlarm: 4 }, expectedConfigurationUpdatedAt: mine.configurationUpdatedAt });
    expect(refused).toMatchObject({ ok: false, error: { code: 'Conflict' } });
    expect(definitionOf(await get(dispatcher, original.name))).toEqual({ ...original, threshold: 1200 });

    // "Overwrite with mine": saved against their version.
    await ok(call(dispatcher, 'alarms.put', { alarm: { ...definitionOf(mine), datapointsToAlarm: 4 }, expectedConfigurationUpdatedAt: theirs.configurationUpdatedAt }));
    expect(definitionOf(await get(dispatcher, original.name))).toEqual({ ...original, datapointsToAlarm: 4 });
  });

  it('takes theirs: an edit based on their version saves, with their change kept', async () => {
    const dispatcher = await inRegion();
    const original = await everyFieldAlarm(dispatcher, 'editor take theirs');
    await ok(call(dispatcher, 'alarms.put', { alarm: original }));
    const mine = await get(dispatcher, original.name);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await ok(call(dispatcher, 'alarms.put', { alarm: { ...original, description: 'their words' }, expectedConfigurationUpdatedAt: mine.configurationUpdatedAt }));
    expect(await call(dispatcher, 'alarms.put', { alarm: { ...definitionOf(mine), threshold: 700 }, expectedConfigurationUpdatedAt: mine.configurationUpdatedAt })).toMatchObject({ ok: false, error: { code: 'Conflict' } });

    const theirs = await get(dispatcher, original.name);
    await ok(call(dispatcher, 'alarms.put', { alarm: { ...definitionOf(theirs), threshold: 700 }, expectedConfigurationUpdatedAt: theirs.configurationUpdatedAt }));
    expect(definitionOf(await get(dispatcher, original.name))).toEqual({ ...original, description: 'their words', threshold: 700 });
  });
});

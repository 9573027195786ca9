/**
 * Alarms through the SDK for JavaScript v3 (AWS JSON 1.0) against a sandbox on a loopback port: a lossless
 * round trip of every PutMetricAlarm field, a second put replacing the whole alarm, history items, SetAlarmState
 * with its SNS notification, actions muted, tags, DeleteAlarms and AWS's errors; and CloudTrail's record of
 * each write under the alarm's name.
 */
import {
  CloudWatchClient,
  DeleteAlarmsCommand,
  DescribeAlarmHistoryCommand,
  DescribeAlarmsCommand,
  DescribeAlarmsForMetricCommand,
  DisableAlarmActionsCommand,
  ListTagsForResourceCommand,
  PutCompositeAlarmCommand,
  PutMetricAlarmCommand,
  SetAlarmStateCommand,
  TagResourceCommand,
  UntagResourceCommand,
  type PutMetricAlarmCommandInput,
} from '@aws-sdk/client-cloudwatch';
import { CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../index';
import { cloudWatchCbor, rejectionOf } from '../../../test-support';

const REGION = 'ap-southeast-2';
const START = Date.UTC(2026, 10, 30, 9, 0, 0);
let now = START;
let sandbox: Sandbox;
let cloudwatch: CloudWatchClient;
let topicArn: string;

const credentials = { accessKeyId: 'AKIDALARMS', secretAccessKey: 'x' };

beforeAll(async () => {
  // The clock moves by the test's steps: an evaluation of its own between them would undo SetAlarmState.
  sandbox = await startSandbox({ clock: () => now, evaluateAlarms: false });
  cloudwatch = new CloudWatchClient({ endpoint: sandbox.endpoint, region: REGION, credentials });
  const sns = new SNSClient({ endpoint: sandbox.endpoint, region: REGION, credentials });
  topicArn = (await sns.send(new CreateTopicCommand({ Name: 'ops-pager' }))).TopicArn!;
});

afterAll(async () => {
  await sandbox.close();
});

function everyField(): PutMetricAlarmCommandInput {
  return {
    AlarmName: 'checkout-p99-latency',
    AlarmDescription: 'p99 latency of checkout above 800 ms',
    ActionsEnabled: true,
    OKActions: [topicArn],
    AlarmActions: [topicArn, `arn:aws:automate:${REGION}:ec2:reboot`],
    InsufficientDataActions: [`arn:aws:sns:${REGION}:123456789012:missing-topic`],
    MetricName: 'Latency',
    Namespace: 'Shop/Checkout',
    ExtendedStatistic: 'p99',
    Dimensions: [
      { Name: 'Service', Value: 'checkout' },
      { Name: 'InstanceId', Value: 'i-0abc' },
    ],
    Period: 300,
    Unit: 'Milliseconds',
    EvaluationPeriods: 5,
    DatapointsToAlarm: 3,
    Threshold: 800.5,
    ComparisonOperator: 'GreaterThanThreshold',
    TreatMissingData: 'notBreaching',
    EvaluateLowSampleCountPercentile: 'ignore',
    Tags: [{ Key: 'team', Value: 'payments' }],
  };
}

async function describeOne(name: string) {
  const { MetricAlarms = [] } = await cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: [name] }));
  expect(MetricAlarms).toHaveLength(1);
  return MetricAlarms[0]!;
}

describe('PutMetricAlarm and DescribeAlarms', () => {
  it('returns every field it was given, unchanged, with the state of a new alarm', async () => {
    const input = everyField();
    await cloudwatch.send(new PutMetricAlarmCommand(input));
    const alarm = await describeOne(input.AlarmName!);
    const { Tags: _tags, ...fields } = input;
    for (const [key, value] of Object.entries(fields)) expect(alarm[key as keyof typeof alarm], key).toEqual(value);
    expect(alarm.AlarmArn).toBe(`arn:aws:cloudwatch:${REGION}:123456789012:alarm:checkout-p99-latency`);
    expect(alarm.StateValue).toBe('INSUFFICIENT_DATA');
    expect(alarm.StateReason).toBe('Unchecked: Initial alarm creation');
    expect(alarm.StateUpdatedTimestamp?.getTime()).toBe(START);
    expect(alarm.StateTransitionedTimestamp?.getTime()).toBe(START);
    expect(alarm.AlarmConfigurationUpdatedTimestamp?.getTime()).toBe(START);
    const tags = await cloudwatch.send(new ListTagsForResourceCommand({ ResourceARN: alarm.AlarmArn }));
    expect(tags.Tags).toEqual([{ Key: 'team', Value: 'payments' }]);
  });

  it('round-trips a metric-math alarm and an anomaly-band alarm', async () => {
    const metric = { Namespace: 'Shop/Checkout', MetricName: 'Errors', Dimensions: [{ Name: 'Service', Value: 'checkout' }] };
    const math: PutMetricAlarmCommandInput = {
      AlarmName: 'checkout-error-rate',
      EvaluationPeriods: 3,
      Threshold: 5,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      Metrics: [
        { Id: 'errors', MetricStat: { Metric: metric, Period: 60, Stat: 'Sum' }, ReturnData: false },
        { Id: 'requests', MetricStat: { Metric: { ...metric, MetricName: 'Requests' }, Period: 60, Stat: 'Sum', Unit: 'Count' }, ReturnData: false },
        { Id: 'rate', Expression: '100 * errors / requests', Label: 'Error rate', ReturnData: true },
      ],
    };
    await cloudwatch.send(new PutMetricAlarmCommand(math));
    const stored = await describeOne('checkout-error-rate');
    expect(stored.Metrics).toEqual(math.Metrics);
    expect(stored.Dimensions).toEqual([]);
    expect(stored.Period).toBeUndefined();

    const band: PutMetricAlarmCommandInput = {
      AlarmName: 'checkout-latency-band',
      EvaluationPeriods: 2,
      ComparisonOperator: 'LessThanLowerOrGreaterThanUpperThreshold',
      ThresholdMetricId: 'band',
      Metrics: [
        { Id: 'm1', MetricStat: { Metric: { ...metric, MetricName: 'Latency' }, Period: 300, Stat: 'Average' }, ReturnData: true },
        { Id: 'band', Expression: 'ANOMALY_DETECTION_BAND(m1, 2)', ReturnData: true },
      ],
    };
    await cloudwatch.send(new PutMetricAlarmCommand(band));
    expect((await describeOne('checkout-latency-band')).ThresholdMetricId).toBe('band');
  });

  it('takes back every field DescribeAlarms gives (the lossless edit) and describes the alarm the same', async () => {
    for (const name of ['checkout-p99-latency', 'checkout-error-rate', 'checkout-latency-band']) {
      const before = await describeOne(name);
      const {
        AlarmArn: _arn,
        AlarmConfigurationUpdatedTimestamp: _updated,
        StateValue: _state,
        StateReason: _reason,
        StateReasonData: _data,
        StateUpdatedTimestamp: _stateUpdated,
        StateTransitionedTimestamp: _transitioned,
        EvaluationState: _evaluation,
        ...fields
      } = before;
      await cloudwatch.send(new PutMetricAlarmCommand({ ...fields, AlarmName: name }));
      const after = await describeOne(name);
      expect({ ...after, AlarmConfigurationUpdatedTimestamp: undefined }, name).toEqual({ ...before, AlarmConfigurationUpdatedTimestamp: undefined });
    }
  });

  it('replaces the whole alarm on a second put, keeps its state and tags, and records both versions', async () => {
    now += 60_000;
    const { AlarmName, MetricName, Namespace, Period, EvaluationPeriods, ComparisonOperator } = everyField();
    await cloudwatch.send(
      new PutMetricAlarmCommand({ AlarmName, MetricName, Namespace, Period, EvaluationPeriods, ComparisonOperator, Statistic: 'Maximum', Threshold: 900, Tags: [{ Key: 'ignored', Value: 'yes' }] }),
    );
    const alarm = await describeOne(AlarmName!);
    expect(alarm.Statistic).toBe('Maximum');
    expect(alarm.ExtendedStatistic).toBeUndefined();
    expect(alarm.AlarmDescription).toBeUndefined();
    expect(alarm.Dimensions).toEqual([]);
    expect(alarm.AlarmActions).toEqual([]);
    expect(alarm.ActionsEnabled).toBe(true);
    expect(alarm.DatapointsToAlarm).toBeUndefined();
    expect(alarm.StateValue).toBe('INSUFFICIENT_DATA');
    expect(alarm.StateUpdatedTimestamp?.getTime()).toBe(START);
    expect(alarm.AlarmConfigurationUpdatedTimestamp?.getTime()).toBe(START + 60_000);
    expect((await cloudwatch.send(new ListTagsForResourceCommand({ ResourceARN: alarm.AlarmArn }))).Tags).toEqual([{ Key: 'team', Value: 'payments' }]);

    const history = await cloudwatch.send(new DescribeAlarmHistoryCommand({ AlarmName, HistoryItemType: 'ConfigurationUpdate' }));
    // Newest first: this put, the lossless re-put before it, the creation.
    expect(history.AlarmHistoryItems?.map((i) => i.HistorySummary)).toEqual([`Alarm "${AlarmName}" updated`, `Alarm "${AlarmName}" updated`, `Alarm "${AlarmName}" created`]);
    const update = JSON.parse(history.AlarmHistoryItems![0]!.HistoryData!) as { type: string; originalUpdatedAlarm: Record<string, unknown>; updatedAlarm: Record<string, unknown> };
    expect(update.type).toBe('Update');
    expect(update.originalUpdatedAlarm.extendedStatistic).toBe('p99');
    expect(update.updatedAlarm.statistic).toBe('Maximum');
    expect(history.AlarmHistoryItems![0]!.HistoryData).toContain('"threshold":900.0');
  });

  it("refuses what AWS refuses, with AWS's codes", async () => {
    const base = everyField();
    const cases: [PutMetricAlarmCommandInput, string, RegExp][] = [
      [{ ...base, DatapointsToAlarm: 6 }, 'ValidationError', /DatapointsToAlarm \(6\) cannot be more than EvaluationPeriods \(5\)/],
      [{ ...base, AlarmActions: Array.from({ length: 6 }, (_, i) => `arn:aws:sns:${REGION}:123456789012:t${i}`) }, 'ValidationError', /length less than or equal to 5/],
      [{ ...base, OKActions: ['arn:aws:sns:us-west-2:123456789012:elsewhere'] }, 'ValidationError', /Invalid region us-west-2 specified\. Only ap-southeast-2 is supported\./],
      [{ ...base, OKActions: ['not-an-arn'] }, 'ValidationError', /Invalid arn syntax: not-an-arn/],
      [{ ...base, Statistic: 'Average' }, 'InvalidParameterCombination', /Exactly one of the parameters Statistic and ExtendedStatistic/],
      [{ ...base, Period: 45 }, 'InvalidParameterValue', /Period/],
      [{ ...base, Threshold: undefined }, 'ValidationError', /needs a numeric Threshold/],
      [{ ...base, Namespace: undefined }, 'MissingParameter', /Namespace/],
      [{ ...base, Metrics: [{ Id: 'e1', Expression: '1' }] }, 'InvalidParameterCombination', /If you use the Metrics parameter/],
    ];
    for (const [input, code, message] of cases) {
      const error = await rejectionOf<Error & { Code?: string }>(cloudwatch.send(new PutMetricAlarmCommand(input)));
      expect(error.name === code || error.Code === code, `${code}: ${error.name} ${error.message}`).toBe(true);
      expect(error.message).toMatch(message);
    }
    const noReturn = await rejectionOf(
      cloudwatch.send(
        new PutMetricAlarmCommand({
          AlarmName: 'x',
          EvaluationPeriods: 1,
          Threshold: 1,
          ComparisonOperator: 'GreaterThanThreshold',
          Metrics: [{ Id: 'm1', ReturnData: false, MetricStat: { Metric: { Namespace: 'A', MetricName: 'B' }, Period: 60, Stat: 'Sum' } }],
        }),
      ),
    );
    expect(noReturn.message).toBe('Exactly one element of the metrics list should return data.');
  });
});

describe('state, actions and history', () => {
  it('SetAlarmState records a StateUpdate, publishes the notification to the topic and records each action', async () => {
    now += 60_000;
    await cloudwatch.send(new PutMetricAlarmCommand(everyField()));
    await cloudwatch.send(new SetAlarmStateCommand({ AlarmName: 'checkout-p99-latency', StateValue: 'ALARM', StateReason: 'testing the pager', StateReasonData: '{"reason":"test"}' }));
    const alarm = await describeOne('checkout-p99-latency');
    expect(alarm.StateValue).toBe('ALARM');
    expect(alarm.StateReasonData).toBe('{"reason":"test"}');
    expect(alarm.StateTransitionedTimestamp?.getTime()).toBe(now);

    const published = sandbox.sns(REGION).published(topicArn);
    expect(published).toHaveLength(1);
    expect(published[0]!.subject).toBe('ALARM: "checkout-p99-latency" in Asia Pacific (Sydney)');
    const message = JSON.parse(published[0]!.message) as Record<string, unknown> & { Trigger: Record<string, unknown> };
    expect(message).toMatchObject({
      AlarmName: 'checkout-p99-latency',
      AWSAccountId: '123456789012',
      NewStateValue: 'ALARM',
      NewStateReason: 'testing the pager',
      OldStateValue: 'INSUFFICIENT_DATA',
      Region: 'Asia Pacific (Sydney)',
      AlarmArn: alarm.AlarmArn,
      AlarmActions: alarm.AlarmActions,
    });
    expect(message.Trigger).toMatchObject({
      MetricName: 'Latency',
      StatisticType: 'ExtendedStatistic',
      ExtendedStatistic: 'p99',
      Dimensions: [
        { value: 'checkout', name: 'Service' },
        { value: 'i-0abc', name: 'InstanceId' },
      ],
      Period: 300,
      EvaluationPeriods: 5,
      DatapointsToAlarm: 3,
      Threshold: 800.5,
      TreatMissingData: 'notBreaching',
      EvaluateLowSampleCountPercentile: 'ignore',
    });
    expect(published[0]!.message).toContain(`"StateChangeTime":"${new Date(now).toISOString().slice(0, 23)}+0000"`);

    const history = await cloudwatch.send(new DescribeAlarmHistoryCommand({ AlarmName: 'checkout-p99-latency', ScanBy: 'TimestampAscending', StartDate: new Date(now) }));
    const items = history.AlarmHistoryItems ?? [];
    expect(items.map((i) => [i.HistoryItemType, i.HistorySummary])).toEqual([
      ['ConfigurationUpdate', 'Alarm "checkout-p99-latency" updated'],
      ['StateUpdate', 'Alarm updated from INSUFFICIENT_DATA to ALARM'],
      ['Action', `Successfully executed action ${topicArn}`],
      ['Action', `Successfully executed action arn:aws:automate:${REGION}:ec2:reboot`],
    ]);
    expect(JSON.parse(items[1]!.HistoryData!)).toEqual({
      version: '1.0',
      oldState: { stateValue: 'INSUFFICIENT_DATA', stateReason: 'Unchecked: Initial alarm creation' },
      newState: { stateValue: 'ALARM', stateReason: 'testing the pager', stateReasonData: { reason: 'test' } },
    });
    expect(JSON.parse(items[2]!.HistoryData!)).toMatchObject({ actionState: 'Succeeded', notificationResource: topicArn });
  });

  it('records a failed action for a topic that does not exist, and none when actions are disabled', async () => {
    now += 60_000;
    await cloudwatch.send(new SetAlarmStateCommand({ AlarmName: 'checkout-p99-latency', StateValue: 'INSUFFICIENT_DATA', StateReason: 'no data' }));
    const failed = await cloudwatch.send(new DescribeAlarmHistoryCommand({ AlarmName: 'checkout-p99-latency', HistoryItemType: 'Action', MaxRecords: 1 }));
    expect(failed.AlarmHistoryItems?.[0]?.HistorySummary).toBe(`Failed to execute action arn:aws:sns:${REGION}:123456789012:missing-topic`);
    expect(failed.NextToken).toBeDefined();

    await cloudwatch.send(new DisableAlarmActionsCommand({ AlarmNames: ['checkout-p99-latency'] }));
    expect((await describeOne('checkout-p99-latency')).ActionsEnabled).toBe(false);
    now += 60_000;
    await cloudwatch.send(new SetAlarmStateCommand({ AlarmName: 'checkout-p99-latency', StateValue: 'OK', StateReason: 'muted' }));
    expect(sandbox.sns(REGION).published(topicArn)).toHaveLength(1);
  });

  it('SetAlarmState on an unknown alarm is ResourceNotFound; bad StateReasonData is InvalidFormat', async () => {
    const missing = await rejectionOf(cloudwatch.send(new SetAlarmStateCommand({ AlarmName: 'nope', StateValue: 'OK', StateReason: 'x' })));
    expect(missing.name).toBe('ResourceNotFound');
    const invalid = await rejectionOf(cloudwatch.send(new SetAlarmStateCommand({ AlarmName: 'checkout-p99-latency', StateValue: 'OK', StateReason: 'x', StateReasonData: '{' })));
    expect(invalid.name).toBe('InvalidFormatFault');
  });
});

/** A Smithy RPC v2 CBOR call (current botocore's protocol for CloudWatch), dated by the sandbox clock. */
function viaCbor(operation: string, input: object) {
  return cloudWatchCbor(sandbox.endpoint, operation, input, { region: REGION, at: now });
}

describe('RPC v2 CBOR', () => {
  it('puts and describes an alarm, timestamps as CBOR dates; an unknown alarm is the ResourceNotFound shape', async () => {
    const put = await viaCbor('PutMetricAlarm', { AlarmName: 'cbor-alarm', Namespace: 'Cbor', MetricName: 'M', Statistic: 'Sum', Period: 60, EvaluationPeriods: 1, Threshold: 1.5, ComparisonOperator: 'GreaterThanThreshold' });
    expect(put.status).toBe(200);
    const described = await viaCbor('DescribeAlarms', { AlarmNames: ['cbor-alarm'] });
    const [alarm] = described.body.MetricAlarms as Record<string, unknown>[];
    expect(alarm).toMatchObject({ AlarmName: 'cbor-alarm', Threshold: 1.5, StateValue: 'INSUFFICIENT_DATA' });
    expect((alarm!.StateUpdatedTimestamp as Date).getTime()).toBe(now);
    const missing = await viaCbor('SetAlarmState', { AlarmName: 'cbor-nope', StateValue: 'OK', StateReason: 'x' });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-amzn-query-error')).toBe('ResourceNotFound;Sender');
    expect(missing.body).toEqual({ __type: 'com.amazonaws.cloudwatch#ResourceNotFound', message: 'Alarm cbor-nope not found' });
    await viaCbor('DeleteAlarms', { AlarmNames: ['cbor-alarm'] });
  });
});

describe('composite alarms', () => {
  it('round-trips every PutCompositeAlarm field, evaluates the rule at once, and lists children and parents', async () => {
    now += 60_000;
    const input = {
      AlarmName: 'checkout-down',
      AlarmDescription: 'errors while latency is high',
      AlarmRule: 'ALARM("checkout-p99-latency") OR (ALARM(checkout-error-rate) AND NOT OK(checkout-latency-band))',
      ActionsEnabled: true,
      AlarmActions: [topicArn],
      OKActions: [topicArn],
      InsufficientDataActions: [],
      ActionsSuppressor: 'checkout-error-rate',
      ActionsSuppressorWaitPeriod: 60,
      ActionsSuppressorExtensionPeriod: 120,
      Tags: [{ Key: 'team', Value: 'payments' }],
    };
    await cloudwatch.send(new PutCompositeAlarmCommand(input));
    const { CompositeAlarms = [], MetricAlarms = [] } = await cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: ['checkout-down'], AlarmTypes: ['CompositeAlarm'] }));
    expect(MetricAlarms).toEqual([]);
    const alarm = CompositeAlarms[0]!;
    const { Tags: _tags, ...fields } = input;
    for (const [key, value] of Object.entries(fields)) expect(alarm[key as keyof typeof alarm], key).toEqual(value);
    // checkout-p99-latency is in OK (muted), the others INSUFFICIENT_DATA: the rule is FALSE.
    expect(alarm.StateValue).toBe('OK');
    expect(alarm.StateTransitionedTimestamp?.getTime()).toBe(now);
    const children = await cloudwatch.send(new DescribeAlarmsCommand({ ChildrenOfAlarmName: 'checkout-down' }));
    expect(children.MetricAlarms?.map((a) => a.AlarmName)).toEqual(['checkout-error-rate', 'checkout-latency-band', 'checkout-p99-latency']);
    const parents = await cloudwatch.send(new DescribeAlarmsCommand({ ParentsOfAlarmName: 'checkout-error-rate' }));
    expect(parents.CompositeAlarms?.map((a) => a.AlarmName)).toEqual(['checkout-down']);
    const history = await cloudwatch.send(new DescribeAlarmHistoryCommand({ AlarmName: 'checkout-down', AlarmTypes: ['CompositeAlarm'], ScanBy: 'TimestampAscending' }));
    expect(history.AlarmHistoryItems?.map((i) => [i.AlarmType, i.HistorySummary])).toEqual([
      ['CompositeAlarm', 'Alarm "checkout-down" created'],
      ['CompositeAlarm', 'Alarm updated from INSUFFICIENT_DATA to OK'],
    ]);
    const refused = await rejectionOf<Error & { Code?: string }>(cloudwatch.send(new PutCompositeAlarmCommand({ AlarmName: 'x', AlarmRule: 'ALARM(checkout-down) AND' })));
    // The SDK names the query code ValidationError's exception ValidationException.
    expect(refused.Code ?? refused.name).toBe('ValidationError');
    expect(refused.message).toMatch(/^Error in AlarmRule \[/);
    const deleting = await rejectionOf(cloudwatch.send(new DeleteAlarmsCommand({ AlarmNames: ['checkout-error-rate'] })));
    expect(deleting.message).toContain('the composite alarm checkout-down refers to it');
    await cloudwatch.send(new DeleteAlarmsCommand({ AlarmNames: ['checkout-down'] }));
  });
});

describe('filters, tags, deletion and CloudTrail', () => {
  it('filters DescribeAlarms by prefix, state, action prefix and pages with NextToken', async () => {
    for (let i = 0; i < 5; i++) {
      await cloudwatch.send(
        new PutMetricAlarmCommand({ AlarmName: `paged-${i}`, MetricName: 'M', Namespace: 'Paging', Period: 60, EvaluationPeriods: 1, Statistic: 'Sum', Threshold: i, ComparisonOperator: 'GreaterThanThreshold' }),
      );
    }
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await cloudwatch.send(new DescribeAlarmsCommand({ AlarmNamePrefix: 'paged-', MaxRecords: 2, NextToken: token }));
      names.push(...(page.MetricAlarms ?? []).map((a) => a.AlarmName!));
      token = page.NextToken;
    } while (token !== undefined);
    expect(names).toEqual(['paged-0', 'paged-1', 'paged-2', 'paged-3', 'paged-4']);
    const byAction = await cloudwatch.send(new DescribeAlarmsCommand({ ActionPrefix: `arn:aws:sns:${REGION}:123456789012:ops` }));
    expect(byAction.MetricAlarms?.map((a) => a.AlarmName)).toEqual(['checkout-p99-latency']);
    const inOk = await cloudwatch.send(new DescribeAlarmsCommand({ StateValue: 'OK' }));
    expect(inOk.MetricAlarms?.map((a) => a.AlarmName)).toEqual(['checkout-p99-latency']);
    const forMetric = await cloudwatch.send(new DescribeAlarmsForMetricCommand({ Namespace: 'Shop/Checkout', MetricName: 'Errors', Dimensions: [{ Name: 'Service', Value: 'checkout' }] }));
    expect(forMetric.MetricAlarms?.map((a) => a.AlarmName)).toEqual(['checkout-error-rate']);
    const composites = await cloudwatch.send(new DescribeAlarmsCommand({ AlarmTypes: ['CompositeAlarm'] }));
    expect(composites.MetricAlarms).toEqual([]);
  });

  it('tags and untags an alarm; an unknown ARN is ResourceNotFoundException', async () => {
    const arn = `arn:aws:cloudwatch:${REGION}:123456789012:alarm:paged-0`;
    await cloudwatch.send(new TagResourceCommand({ ResourceARN: arn, Tags: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '' }] }));
    await cloudwatch.send(new UntagResourceCommand({ ResourceARN: arn, TagKeys: ['a'] }));
    expect((await cloudwatch.send(new ListTagsForResourceCommand({ ResourceARN: arn }))).Tags).toEqual([{ Key: 'b', Value: '' }]);
    const error = await rejectionOf(cloudwatch.send(new ListTagsForResourceCommand({ ResourceARN: `${arn}-gone` })));
    expect(error.name).toBe('ResourceNotFoundException');
  });

  it('deletes alarms (ignoring unknown names), keeps their history, and CloudTrail names the alarm of each write', async () => {
    now += 60_000;
    await cloudwatch.send(new DeleteAlarmsCommand({ AlarmNames: ['paged-0', 'never-existed'] }));
    expect((await cloudwatch.send(new DescribeAlarmsCommand({ AlarmNames: ['paged-0'] }))).MetricAlarms).toEqual([]);
    const history = await cloudwatch.send(new DescribeAlarmHistoryCommand({ AlarmName: 'paged-0' }));
    expect(history.AlarmHistoryItems?.map((i) => i.HistorySummary)).toEqual(['Alarm "paged-0" deleted', 'Alarm "paged-0" created']);

    const trail = new CloudTrailClient({ endpoint: sandbox.endpoint, region: REGION, credentials });
    const events = await trail.send(new LookupEventsCommand({ LookupAttributes: [{ AttributeKey: 'ResourceName', AttributeValue: 'checkout-p99-latency' }] }));
    const names = (events.Events ?? []).map((e) => e.EventName);
    expect(names).toContain('PutMetricAlarm');
    expect(names).toContain('SetAlarmState');
    expect(names).toContain('DisableAlarmActions');
    expect(events.Events?.[0]?.Resources).toEqual([{ ResourceType: 'AWS::CloudWatch::Alarm', ResourceName: 'checkout-p99-latency' }]);
  });
});

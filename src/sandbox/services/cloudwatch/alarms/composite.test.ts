import { describe, expect, it } from 'vitest';
import { RouterHarness } from '../../../test-support';
import { SNS_STORE } from '../../sns/store';
import { compositeReasonDate } from './composite-evaluation';
import { AlarmEvaluator } from './evaluator';
import type { StoredCompositeAlarm } from './model';
import { ALARMS_STORE } from './store';

const REGION = 'us-east-1';
const MINUTE = 60_000;

function setup() {
  const harness = new RouterHarness();
  const call = (operation: string, body: object) => harness.cloudwatch(operation, body);
  const ok = (operation: string, body: object) => {
    const response = call(operation, body);
    if (response.status !== 200) throw new Error(`${operation}: ${response.body}`);
    return response.body === '' ? {} : (JSON.parse(response.body) as Record<string, unknown>);
  };
  // Without data and ignoring missing data, the children keep the states the tests set.
  for (const name of ['api-errors', 'db-connections', 'deploying']) {
    ok('PutMetricAlarm', { AlarmName: name, Namespace: 'App', MetricName: name, Statistic: 'Sum', Period: 60, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanThreshold', TreatMissingData: 'ignore' });
  }
  const topic = harness.sns({ Action: 'CreateTopic', Name: 'pager' });
  const topicArn = /<TopicArn>([^<]+)<\/TopicArn>/.exec(topic.body)![1]!;
  const alarms = harness.state.region(REGION).store(ALARMS_STORE);
  const published = () => harness.state.region(REGION).store(SNS_STORE).published(topicArn);
  const evaluator = new AlarmEvaluator(harness.state, () => harness.now);
  const setState = (name: string, value: string) => ok('SetAlarmState', { AlarmName: name, StateValue: value, StateReason: 'test' });
  return { harness, call, ok, alarms, topicArn, published, evaluator, setState };
}

describe('PutCompositeAlarm', () => {
  it('evaluates the rule at once and after each change of its children, naming the child that decided', () => {
    const { harness, ok, alarms, topicArn, published, evaluator, setState } = setup();
    ok('PutCompositeAlarm', { AlarmName: 'outage', AlarmRule: 'ALARM("api-errors") AND ALARM(db-connections)', AlarmActions: [topicArn], OKActions: [topicArn] });
    const outage = () => alarms.get('outage') as StoredCompositeAlarm;
    // Its children are in INSUFFICIENT_DATA: the rule is FALSE, so OK at once.
    expect(outage().state.value).toBe('OK');
    setState('api-errors', 'ALARM');
    harness.now += MINUTE;
    setState('db-connections', 'ALARM');
    evaluator.evaluateNow();
    expect(outage().state.value).toBe('ALARM');
    const child = alarms.get('db-connections')!;
    expect(outage().state.reason).toBe(`${child.arn} transitioned to ALARM at ${compositeReasonDate(harness.now)}`);
    expect(JSON.parse(outage().state.reasonData!)).toEqual({ triggeringAlarms: [{ arn: child.arn, state: { value: 'ALARM', timestamp: new Date(harness.now).toISOString().slice(0, 23) + '+0000' } }] });
    expect(published().map((m) => m.subject)).toEqual(['OK: "outage" in US East (N. Virginia)', 'ALARM: "outage" in US East (N. Virginia)']);
    expect(JSON.parse(published()[1]!.message)).toMatchObject({ AlarmName: 'outage', AlarmRule: 'ALARM("api-errors") AND ALARM(db-connections)', NewStateValue: 'ALARM' });
    expect(compositeReasonDate(Date.UTC(2020, 11, 4, 23, 46, 52, 541))).toBe('Friday 04 December, 2020 23:46:52 UTC');
  });

  it("refuses a rule that does not parse, names alarms that do not exist, or an EC2 action, in AWS's words", () => {
    const { call } = setup();
    const bad = call('PutCompositeAlarm', { AlarmName: 'x', AlarmRule: '()' });
    expect(JSON.parse(bad.body)).toMatchObject({ message: 'Error in AlarmRule [Unsupported token \')\' at char 1]' });
    const missing = call('PutCompositeAlarm', { AlarmName: 'x', AlarmRule: 'ALARM(api-errors) OR ALARM(nowhere)' });
    expect(JSON.parse(missing.body)).toMatchObject({ message: 'Could not save the composite alarm as alarms [nowhere] in the alarm rule do not exist' });
    const ec2 = call('PutCompositeAlarm', { AlarmName: 'x', AlarmRule: 'TRUE', AlarmActions: ['arn:aws:automate:us-east-1:ec2:stop'] });
    expect(ec2.status).toBe(400);
    expect(ec2.body).toContain('Composite alarms cannot take the action arn:aws:automate:us-east-1:ec2:stop');
  });

  it('lists children and parents, and keeps a child from being deleted while a composite alarm uses it', () => {
    const { ok, call } = setup();
    ok('PutCompositeAlarm', { AlarmName: 'outage', AlarmRule: 'ALARM(api-errors) AND NOT ALARM(deploying)' });
    ok('PutCompositeAlarm', { AlarmName: 'page', AlarmRule: 'ALARM(outage)' });
    const children = ok('DescribeAlarms', { ChildrenOfAlarmName: 'outage' });
    expect((children.MetricAlarms as { AlarmName: string }[]).map((a) => a.AlarmName)).toEqual(['api-errors', 'deploying']);
    expect(Object.keys((children.MetricAlarms as object[])[0]!).sort()).toEqual(['AlarmArn', 'AlarmName', 'StateUpdatedTimestamp', 'StateValue']);
    const parents = ok('DescribeAlarms', { ParentsOfAlarmName: 'outage' });
    expect(parents.CompositeAlarms).toEqual([{ AlarmName: 'page', AlarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:page' }]);
    const refused = call('DeleteAlarms', { AlarmNames: ['api-errors'] });
    expect(refused.body).toContain('the composite alarm outage refers to it');
    ok('DeleteAlarms', { AlarmNames: ['page'] });
    ok('DeleteAlarms', { AlarmNames: ['outage', 'api-errors'] });
    expect(ok('DescribeAlarms', { AlarmTypes: ['CompositeAlarm', 'MetricAlarm'] }).MetricAlarms).toHaveLength(2);
    const two = call('DeleteAlarms', { AlarmNames: ['a'] });
    expect(two.status).toBe(200);
  });

  it('follows a child set by SetAlarmState at once, through composites of composites, and leaves other composites as set', () => {
    const { ok, alarms, setState } = setup();
    ok('PutCompositeAlarm', { AlarmName: 'outage', AlarmRule: 'ALARM(api-errors)' });
    ok('PutCompositeAlarm', { AlarmName: 'page', AlarmRule: 'ALARM(outage)' });
    ok('PutCompositeAlarm', { AlarmName: 'unrelated', AlarmRule: 'ALARM(db-connections)' });
    setState('unrelated', 'ALARM');
    setState('api-errors', 'ALARM');
    // No minute's evaluation in between: CloudWatch evaluates a composite alarm when one of its alarms changes.
    expect(alarms.get('outage')?.state.value).toBe('ALARM');
    expect(alarms.get('page')?.state.value).toBe('ALARM');
    expect(alarms.get('unrelated')?.state.value).toBe('ALARM');
    setState('api-errors', 'OK');
    expect(alarms.get('page')?.state.value).toBe('OK');
  });

  it('holds its actions while the suppressor is in ALARM, then for the extension period; waits for it otherwise', () => {
    const { harness, ok, alarms, topicArn, published, evaluator, setState } = setup();
    ok('PutCompositeAlarm', {
      AlarmName: 'outage',
      AlarmRule: 'ALARM(api-errors)',
      AlarmActions: [topicArn],
      ActionsSuppressor: 'deploying',
      ActionsSuppressorWaitPeriod: 120,
      ActionsSuppressorExtensionPeriod: 180,
    });
    const outage = () => alarms.get('outage') as StoredCompositeAlarm;
    const described = ok('DescribeAlarms', { AlarmNames: ['outage'], AlarmTypes: ['CompositeAlarm'] }).CompositeAlarms as Record<string, unknown>[];
    expect(described[0]).toMatchObject({ ActionsSuppressor: 'deploying', ActionsSuppressorWaitPeriod: 120, ActionsSuppressorExtensionPeriod: 180 });

    setState('api-errors', 'ALARM');
    evaluator.evaluateNow();
    expect(outage()).toMatchObject({ state: { value: 'ALARM' }, suppressedBy: 'WaitPeriod' });
    setState('deploying', 'ALARM');
    harness.now += MINUTE;
    evaluator.evaluateNow();
    expect(outage().suppressedBy).toBe('Alarm');
    const listed = (ok('DescribeAlarms', { AlarmNames: ['outage'], AlarmTypes: ['CompositeAlarm'] }).CompositeAlarms as Record<string, unknown>[])[0]!;
    expect(listed).toMatchObject({ ActionsSuppressedBy: 'Alarm', ActionsSuppressedReason: `Alarm ${alarms.get('deploying')!.arn} is in ALARM state` });
    harness.now += MINUTE;
    setState('deploying', 'OK');
    harness.now += 2 * MINUTE;
    evaluator.evaluateNow();
    expect(outage().suppressedBy).toBe('ExtensionPeriod');
    expect(published()).toHaveLength(0);
    harness.now += 2 * MINUTE;
    evaluator.evaluateNow();
    expect(outage().suppressedBy).toBeUndefined();
    expect(published().map((m) => m.subject)).toEqual(['ALARM: "outage" in US East (N. Virginia)']);
  });
});

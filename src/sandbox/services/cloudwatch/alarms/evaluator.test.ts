import { describe, expect, it, vi } from 'vitest';
import { RouterHarness } from '../../../test-support';
import { SNS_STORE } from '../../sns/store';
import { AlarmEvaluator } from './evaluator';
import { ALARMS_STORE } from './store';

const MINUTE = 60_000;
const REGION = 'us-east-1';

function setup() {
  const harness = new RouterHarness();
  const call = (operation: string, body: object) => {
    const response = harness.cloudwatch(operation, body);
    if (response.status !== 200) throw new Error(`${operation}: ${response.body}`);
    return response.body === '' ? {} : (JSON.parse(response.body) as Record<string, unknown>);
  };
  const put = (metricName: string, minutesAgo: number, values: number[], unit = 'Count') =>
    call('PutMetricData', { Namespace: 'Shop', MetricData: [{ MetricName: metricName, Dimensions: [{ Name: 'Service', Value: 'cart' }], Timestamp: (harness.now - minutesAgo * MINUTE) / 1000, Values: values, Unit: unit }] });
  const evaluator = new AlarmEvaluator(harness.state, () => harness.now);
  const alarms = harness.state.region(REGION).store(ALARMS_STORE);
  const topic = harness.sns({ Action: 'CreateTopic', Name: 'pager' });
  const topicArn = /<TopicArn>([^<]+)<\/TopicArn>/.exec(topic.body)![1]!;
  return { harness, call, put, evaluator, alarms, topicArn };
}

const errorsAlarm = (topicArn: string) => ({
  AlarmName: 'cart-errors',
  Namespace: 'Shop',
  MetricName: 'Errors',
  Dimensions: [{ Name: 'Service', Value: 'cart' }],
  Statistic: 'Sum',
  Period: 60,
  EvaluationPeriods: 1,
  Threshold: 10,
  ComparisonOperator: 'GreaterThanThreshold',
  AlarmActions: [topicArn],
  OKActions: [topicArn],
});

describe('AlarmEvaluator', () => {
  it("moves an alarm to ALARM on its metric's data, with AWS's reason, a history item and a notification", () => {
    const { harness, call, put, evaluator, alarms, topicArn } = setup();
    call('PutMetricAlarm', errorsAlarm(topicArn));
    put('Errors', 1, [8, 12]);
    const summary = evaluator.evaluateNow();
    expect(summary).toMatchObject({ evaluated: 1, changed: 1 });
    const alarm = alarms.get('cart-errors')!;
    expect(alarm.state.value).toBe('ALARM');
    // TEST_NOW is 2025-01-15 12:00: the datapoint is the minute before.
    const stamp = '15/01/25 11:59:00';
    expect(alarm.state.reason).toBe(`Threshold Crossed: 1 out of the last 1 datapoints [20.0 (${stamp})] was greater than the threshold (10.0) (minimum 1 datapoint for INSUFFICIENT_DATA -> ALARM transition).`);
    const item = alarms.historyAt(harness.now).find((i) => i.HistoryItemType === 'StateUpdate')!;
    const data = JSON.parse(item.HistoryData) as { newState: { stateReasonData: { statistic: string; recentDatapoints: number[]; threshold: number } } };
    expect(data.newState.stateReasonData).toMatchObject({ statistic: 'Sum', recentDatapoints: [20], threshold: 10 });
    const published = harness.state.region(REGION).store(SNS_STORE).published(topicArn);
    expect(published.map((m) => m.subject)).toEqual(['ALARM: "cart-errors" in US East (N. Virginia)']);

    // Nothing changes at the next minute with the same data in range: no new history, no new message.
    harness.now += MINUTE;
    put('Errors', 1, [30]);
    expect(evaluator.evaluateNow().changed).toBe(0);
    expect(published).toHaveLength(1);
  });

  it('takes the state back after SetAlarmState, as AWS does at the next evaluation', () => {
    const { harness, call, put, evaluator, alarms, topicArn } = setup();
    call('PutMetricAlarm', errorsAlarm(topicArn));
    put('Errors', 1, [1]);
    evaluator.evaluateNow();
    expect(alarms.get('cart-errors')!.state.value).toBe('OK');
    call('SetAlarmState', { AlarmName: 'cart-errors', StateValue: 'ALARM', StateReason: 'drill' });
    expect(alarms.get('cart-errors')!.state.value).toBe('ALARM');
    evaluator.evaluateNow();
    expect(alarms.get('cart-errors')!.state.value).toBe('OK');
    const summaries = alarms.historyAt(harness.now).filter((i) => i.HistoryItemType === 'StateUpdate').map((i) => i.HistorySummary);
    expect(summaries).toEqual(['Alarm updated from INSUFFICIENT_DATA to OK', 'Alarm updated from OK to ALARM', 'Alarm updated from ALARM to OK']);
  });

  it('evaluates a metric-math alarm through GetMetricData, M out of N', () => {
    const { put, call, evaluator, alarms } = setup();
    const metric = (MetricName: string) => ({ Namespace: 'Shop', MetricName, Dimensions: [{ Name: 'Service', Value: 'cart' }] });
    call('PutMetricAlarm', {
      AlarmName: 'cart-error-rate',
      EvaluationPeriods: 3,
      DatapointsToAlarm: 2,
      Threshold: 5,
      ComparisonOperator: 'GreaterThanThreshold',
      Metrics: [
        { Id: 'e', MetricStat: { Metric: metric('Errors'), Period: 60, Stat: 'Sum' }, ReturnData: false },
        { Id: 'r', MetricStat: { Metric: metric('Requests'), Period: 60, Stat: 'Sum' }, ReturnData: false },
        { Id: 'rate', Expression: '100 * e / r', ReturnData: true },
      ],
    });
    for (const [ago, errors] of [[3, 1], [2, 9], [1, 7]] as const) {
      put('Errors', ago, [errors]);
      put('Requests', ago, [100]);
    }
    evaluator.evaluateNow();
    const alarm = alarms.get('cart-error-rate')!;
    expect(alarm.state.value).toBe('ALARM');
    expect(alarm.state.reason).toMatch(/^Threshold Crossed: 2 out of the last 3 datapoints \[7\.0 \(.*\), 9\.0 \(.*\)\] were greater than the threshold \(5\.0\)/);
    expect(JSON.parse(alarm.state.reasonData!)).not.toHaveProperty('statistic');
  });

  it('keeps a p99 alarm with too few samples where it is when told to ignore them', () => {
    const { put, call, evaluator, alarms } = setup();
    call('PutMetricAlarm', {
      AlarmName: 'cart-p99',
      Namespace: 'Shop',
      MetricName: 'Latency',
      Dimensions: [{ Name: 'Service', Value: 'cart' }],
      ExtendedStatistic: 'p99',
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 100,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluateLowSampleCountPercentile: 'ignore',
    });
    put('Latency', 1, [500, 600], 'Milliseconds');
    evaluator.evaluateNow();
    expect(alarms.get('cart-p99')!.state.value).toBe('INSUFFICIENT_DATA');
  });

  it('polls the sandbox clock and evaluates once when it enters a new minute', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const { harness, call, put, evaluator, alarms, topicArn } = setup();
      call('PutMetricAlarm', errorsAlarm(topicArn));
      evaluator.start();
      put('Errors', 0, [50]);
      vi.advanceTimersByTime(5_000);
      await new Promise((resolve) => setImmediate(resolve));
      expect(alarms.get('cart-errors')!.state.value).toBe('INSUFFICIENT_DATA');
      harness.now += MINUTE;
      vi.advanceTimersByTime(1_000);
      await vi.waitFor(() => expect(alarms.get('cart-errors')!.state.value).toBe('ALARM'));
      evaluator.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives the same answer sliced as at once', async () => {
    const { harness, call, put, evaluator, alarms, topicArn } = setup();
    for (let i = 0; i < 50; i++) call('PutMetricAlarm', { ...errorsAlarm(topicArn), AlarmName: `a${i}`, Threshold: i });
    put('Errors', 1, [25]);
    const summary = await evaluator.tick(harness.now, true);
    expect(summary).toMatchObject({ evaluated: 50, changed: 50 });
    expect(alarms.all().filter((a) => a.state.value === 'ALARM')).toHaveLength(25);
  });
});

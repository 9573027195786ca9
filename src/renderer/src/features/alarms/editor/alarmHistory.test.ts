import { describe, expect, it } from 'vitest';
import type { MetricAlarmDefinition, MetricData } from '../../../../../shared/contract';
import { toBand } from './alarmDraft';
import { backtestView, historyFromData, historyRequest, historyWindow, resolutionProblem } from './alarmHistory';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const NOW = Date.UTC(2026, 10, 30, 10, 30, 17);

const ALARM: MetricAlarmDefinition = {
  name: 'latency',
  actionsEnabled: true,
  okActions: [],
  alarmActions: [],
  insufficientDataActions: [],
  namespace: 'AWS/Lambda',
  metricName: 'Duration',
  dimensions: [{ name: 'FunctionName', value: 'orders-api' }],
  extendedStatistic: 'p99',
  period: 60,
  evaluationPeriods: 3,
  datapointsToAlarm: 2,
  threshold: 100,
  comparisonOperator: 'GreaterThanThreshold',
};

function series(id: string, start: number, values: readonly number[], label = id): MetricData['series'][number] {
  return { id, label, timestamps: values.map((_, index) => start + index * MINUTE), values, status: 'Complete', messages: [] };
}

describe('the history request', () => {
  it('reads 14 days up to the last whole period at the alarm\'s period and statistic', () => {
    const request = historyRequest(ALARM, NOW);
    const end = Date.UTC(2026, 10, 30, 10, 30);
    expect(request).toEqual({
      queries: [{ id: 'm1', metricStat: { metric: { namespace: 'AWS/Lambda', metricName: 'Duration', dimensions: ALARM.dimensions }, period: 60, stat: 'p99' }, returnData: true }],
      startTime: end - 14 * DAY,
      endTime: end,
    });
  });

  it('is the same request whatever the threshold, M, N or actions: dragging never refetches', () => {
    const dragged = { ...ALARM, threshold: 250, datapointsToAlarm: 3, evaluationPeriods: 5, alarmActions: ['arn:aws:sns:x:1:t'] };
    expect(historyRequest(dragged, NOW)).toEqual(historyRequest(ALARM, NOW));
  });

  it('adds sample counts when the low-sample percentile rule is on', () => {
    const request = historyRequest({ ...ALARM, evaluateLowSampleCountPercentile: 'ignore' }, NOW);
    expect(request?.queries.map((query) => [query.id, query.metricStat?.stat])).toEqual([['m1', 'p99'], ['samples', 'SampleCount']]);
  });

  it('reads a band alarm\'s queries, the band included', () => {
    const request = historyRequest(toBand(ALARM, 2), NOW);
    expect(request?.queries.map((query) => query.id)).toEqual(['m1', 'ad1']);
    expect(request?.queries[1]?.expression).toBe('ANOMALY_DETECTION_BAND(m1, 2)');
  });

  it('looks back 3 hours for sub-minute periods, all CloudWatch keeps at that resolution', () => {
    const window = historyWindow(10, NOW);
    expect(window.end - window.start).toBe(3 * 60 * MINUTE);
    expect(window.end % 10_000).toBe(0);
  });
});

describe('the answer, for the engine and the chart', () => {
  it('pairs each value with its band, lower and upper read from the values', () => {
    const band = toBand(ALARM, 2);
    const data: MetricData = { series: [series('m1', 0, [5, 50]), series('ad1', 0, [10, 60], 'upper'), series('ad1', 0, [1, 20], 'lower')], messages: [], calls: 1 };
    const history = historyFromData(band, data);
    expect(history.datapoints).toEqual([
      { timestamp: 0, value: 5, sampleCount: undefined, lower: 1, upper: 10 },
      { timestamp: MINUTE, value: 50, sampleCount: undefined, lower: 20, upper: 60 },
    ]);
    expect(history.band?.points).toEqual([[0, 1, 10], [MINUTE, 20, 60]]);
  });

  it('says when a sub-minute period meets a standard-resolution metric', () => {
    const draft = { ...ALARM, period: 10 };
    const minutely = historyFromData(draft, { series: [series('m1', 0, [1, 2, 3])], messages: [], calls: 1 });
    expect(resolutionProblem(draft, minutely)).toMatch(/standard resolution/);
    const fine = historyFromData(draft, { series: [{ ...series('m1', 0, [1, 2, 3]), timestamps: [0, 10_000, 20_000] }], messages: [], calls: 1 });
    expect(resolutionProblem(draft, fine)).toBeUndefined();
  });
});

describe('the backtest', () => {
  it('counts the ALARM episodes and their minutes, and shades them', () => {
    const window = { start: 0, end: 10 * MINUTE };
    // 2 of 3 above 100: ALARM after minute 2 (150, 150), OK after minute 5 (90, 150, 90): 3 minutes.
    const values = [150, 150, 90, 150, 90, 90, 90, 90, 90, 90];
    const history = historyFromData(ALARM, { series: [series('m1', 0, values)], messages: [], calls: 1 });
    const view = backtestView(ALARM, history, window, 'red');
    expect(view.result.alarmCount).toBe(1);
    expect(view.intervals).toEqual([{ start: 2 * MINUTE, end: 5 * MINUTE, color: 'red', label: 'ALARM' }]);
    expect(view.sentence).toBe('Over the last 10 minutes this alarm would have gone to ALARM 1 time, for 3 minutes in all.');
    const higher = backtestView({ ...ALARM, threshold: 200 }, history, window, 'red');
    expect(higher.sentence).toBe('Over the last 10 minutes this alarm would not have gone to ALARM.');
  });
});

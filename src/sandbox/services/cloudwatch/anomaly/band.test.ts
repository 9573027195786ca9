/**
 * ANOMALY_DETECTION_BAND in GetMetricData, through the router in AWS JSON 1.0: two weeks of a metric with a
 * daily cycle, and the band the sandbox's model draws around it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { RouterHarness } from '../../../test-support';
import { ensureAnomalyDetectors } from './implicit';
import { ANOMALY_DETECTORS_STORE } from './store';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const PERIOD = 300;
const METRIC = { Namespace: 'Band', MetricName: 'Load', Dimensions: [{ Name: 'Host', Value: 'web-1' }] };
/** A 30-minute spike to 1,000 on the third day, 10:00–10:30 UTC. */
let spike: { start: number; end: number };

let harness: RouterHarness;
let end: number;

function noise(i: number): number {
  const x = Math.sin(i * 12.9898) * 43758.5453;
  return 2 * (x - Math.floor(x)) - 1;
}

/** Fifteen days of 5-minute points, put as time goes by (PutMetricData takes at most two weeks old data). */
beforeAll(() => {
  harness = new RouterHarness();
  end = Math.floor(harness.now / HOUR) * HOUR;
  const start = end - 15 * DAY;
  spike = { start: start + 2 * DAY + 10 * HOUR, end: start + 2 * DAY + 10.5 * HOUR };
  const data: { Timestamp: number; Value: number }[] = [];
  for (let t = start, i = 0; t < end; t += PERIOD * 1000, i++) {
    const cycle = 50 + 30 * Math.sin(((t % DAY) / DAY) * 2 * Math.PI) + 4 * noise(i);
    data.push({ Timestamp: t / 1000, Value: t >= spike.start && t < spike.end ? 1000 : cycle });
  }
  for (let i = 0; i < data.length; i += 500) {
    const chunk = data.slice(i, i + 500);
    harness.now = chunk.at(-1)!.Timestamp * 1000 + MINUTE;
    const metricData = chunk.map((d) => ({ MetricName: METRIC.MetricName, Dimensions: METRIC.Dimensions, ...d }));
    expect(harness.cloudwatch('PutMetricData', { Namespace: METRIC.Namespace, MetricData: metricData }).status).toBe(200);
  }
  harness.now = end;
});

interface Result {
  Id: string;
  Label: string;
  Timestamps: number[];
  Values: number[];
}

const metricQuery = { Id: 'm1', MetricStat: { Metric: METRIC, Period: PERIOD, Stat: 'Average' } };

function getMetricData(queries: object[], range = { start: end - 7 * DAY, end }): Result[] {
  const response = harness.cloudwatch('GetMetricData', { StartTime: range.start / 1000, EndTime: range.end / 1000, ScanBy: 'TimestampAscending', MetricDataQueries: queries });
  expect(response.status, response.body).toBe(200);
  return (JSON.parse(response.body) as { MetricDataResults: Result[] }).MetricDataResults;
}

function refusal(queries: object[]): string {
  const response = harness.cloudwatch('GetMetricData', { StartTime: (end - DAY) / 1000, EndTime: end / 1000, MetricDataQueries: queries });
  expect(response.status).toBe(400);
  return (JSON.parse(response.body) as { message: string }).message;
}

function band(width?: number, label?: string): { metric: Result; upper: Result; lower: Result } {
  const expression = width === undefined ? 'ANOMALY_DETECTION_BAND(m1)' : `ANOMALY_DETECTION_BAND(m1, ${width})`;
  const [metric, upper, lower] = getMetricData([metricQuery, { Id: 'ad1', Expression: expression, ...(label !== undefined && { Label: label }) }]);
  return { metric: metric!, upper: upper!, lower: lower! };
}

describe('ANOMALY_DETECTION_BAND', () => {
  it('returns the upper series, then the lower, under the query id, one value per period', () => {
    const { metric, upper, lower } = band();
    expect([upper.Id, upper.Label, lower.Id, lower.Label]).toEqual(['ad1', 'Load Upper', 'ad1', 'Load Lower']);
    expect(upper.Timestamps).toEqual(metric.Timestamps);
    expect(lower.Timestamps).toEqual(metric.Timestamps);
    expect(upper.Values.every((v, i) => v > lower.Values[i]!)).toBe(true);
    const labelled = band(2, 'Load (expected)');
    expect([labelled.upper.Label, labelled.lower.Label]).toEqual(['Load (expected)', 'Load (expected)']);
  });

  it('holds nearly all of the metric, follows its daily cycle, and is wider with a larger width (2 by default)', () => {
    const { metric, upper, lower } = band();
    const inside = metric.Values.filter((v, i) => v >= lower.Values[i]! && v <= upper.Values[i]!).length;
    expect(inside / metric.Values.length).toBeGreaterThan(0.9);
    const midnight = Math.floor(end / DAY) * DAY - DAY;
    const at = (hour: number): number => metric.Timestamps.indexOf((midnight + hour * HOUR) / 1000);
    expect(lower.Values[at(6)]!).toBeGreaterThan(upper.Values[at(18)]!);
    expect(band(2)).toEqual(band());
    const wide = band(3.5);
    const narrow = band(0.5);
    wide.upper.Values.forEach((v, i) => expect(v).toBeGreaterThan(narrow.upper.Values[i]!));
    wide.lower.Values.forEach((v, i) => expect(v).toBeLessThanOrEqual(narrow.lower.Values[i]!));
  });

  it('gives FIRST the upper bound and LAST the lower, as the user guide says', () => {
    const results = getMetricData([
      { ...metricQuery, ReturnData: false },
      { Id: 'ad1', Expression: 'ANOMALY_DETECTION_BAND(m1)', ReturnData: false },
      { Id: 'hi', Expression: 'FIRST(ad1)' },
      { Id: 'lo', Expression: 'LAST(ad1)' },
    ]);
    const { upper, lower } = band();
    expect(results.map((r) => [r.Id, r.Values])).toEqual([
      ['hi', upper.Values],
      ['lo', lower.Values],
    ]);
  });

  it('draws a band for a math expression, scaling with it', () => {
    const [, , upper] = getMetricData([metricQuery, { Id: 'e1', Expression: 'm1 * 2' }, { Id: 'ad1', Expression: 'ANOMALY_DETECTION_BAND(e1)' }]);
    band().upper.Values.forEach((v, i) => expect(upper!.Values[i]).toBeCloseTo(2 * v, 6));
    expect(upper!.Label).toBe('e1 Upper');
  });

  it("trains on the detector's configuration: excluding the spike narrows the band at that hour of the week", () => {
    // The spike's slot a week later, and on the last day the same hour.
    const range = { start: spike.start + 7 * DAY, end: spike.start + 7 * DAY + 30 * MINUTE };
    const upperAtSpike = (): number => Math.max(...getMetricData([metricQuery, { Id: 'ad1', Expression: 'ANOMALY_DETECTION_BAND(m1)' }], range)[1]!.Values);
    const withSpike = upperAtSpike();
    const detector = {
      SingleMetricAnomalyDetector: { ...METRIC, Stat: 'Average' },
      Configuration: { ExcludedTimeRanges: [{ StartTime: spike.start / 1000, EndTime: spike.end / 1000 }] },
    };
    expect(harness.cloudwatch('PutAnomalyDetector', detector).status).toBe(200);
    const withoutSpike = upperAtSpike();
    expect(withoutSpike).toBeLessThan(withSpike);
    expect(harness.cloudwatch('DeleteAnomalyDetector', { SingleMetricAnomalyDetector: detector.SingleMetricAnomalyDetector }).status).toBe(200);
    expect(upperAtSpike()).toBe(withSpike);
  });

  it('creates no detector; a band alarm creates the missing ones, once', () => {
    const store = harness.state.region('us-east-1').store(ANOMALY_DETECTORS_STORE);
    band();
    expect(store.size).toBe(0);
    const alarmMetrics = [
      metricQuery,
      { Id: 'e1', Expression: 'm1 * 2', ReturnData: false },
      { Id: 'ad1', Expression: 'ANOMALY_DETECTION_BAND(m1, 3)' },
      { Id: 'ad2', Expression: 'ANOMALY_DETECTION_BAND(e1)' },
    ];
    const created = ensureAnomalyDetectors(store, alarmMetrics, harness.now);
    expect(created).toHaveLength(2);
    expect(ensureAnomalyDetectors(store, alarmMetrics, harness.now)).toEqual([]);
    const described = (types: string[]): unknown[] =>
      (JSON.parse(harness.cloudwatch('DescribeAnomalyDetectors', { AnomalyDetectorTypes: types }).body) as { AnomalyDetectors: unknown[] }).AnomalyDetectors;
    expect(described(['SINGLE_METRIC'])).toMatchObject([{ SingleMetricAnomalyDetector: { ...METRIC, Stat: 'Average' } }]);
    expect(described(['METRIC_MATH'])).toMatchObject([
      { MetricMathAnomalyDetector: { MetricDataQueries: [{ ...metricQuery, ReturnData: false }, { Id: 'e1', Expression: 'm1 * 2', ReturnData: true }] } },
    ]);
    // The metric-math detector the alarm created is the one PutAnomalyDetector names with the same queries.
    const math = { MetricMathAnomalyDetector: { MetricDataQueries: [{ ...metricQuery, ReturnData: false }, { Id: 'e1', Expression: 'm1 * 2', ReturnData: true }] } };
    expect(harness.cloudwatch('DeleteAnomalyDetector', math).status).toBe(200);
    expect(harness.cloudwatch('DeleteAnomalyDetector', { ...METRIC, Stat: 'Average' }).status).toBe(200);
    expect(store.size).toBe(0);
  });

  it('has an empty band for a metric without data', () => {
    const [, upper, lower] = getMetricData([
      { Id: 'm1', MetricStat: { Metric: { ...METRIC, MetricName: 'Nothing' }, Period: PERIOD, Stat: 'Average' } },
      { Id: 'ad1', Expression: 'ANOMALY_DETECTION_BAND(m1)' },
    ]);
    expect([upper!.Values, lower!.Values]).toEqual([[], []]);
  });

  it.each<[string, object[], RegExp]>([
    ['a width of 0', [metricQuery, { Id: 'ad1', Expression: 'ANOMALY_DETECTION_BAND(m1, 0)' }], /must be a positive number/],
    ['a width that is a series', [metricQuery, { Id: 'ad1', Expression: 'ANOMALY_DETECTION_BAND(m1, m1)' }], /must be a positive number/],
    ['an expression instead of an id', [metricQuery, { Id: 'ad1', Expression: 'ANOMALY_DETECTION_BAND(m1 * 2)' }], /must be the Id of a metric or expression/],
    [
      'an array of series',
      [metricQuery, { Id: 'e1', Expression: 'METRICS()', ReturnData: false }, { Id: 'ad1', Expression: 'ANOMALY_DETECTION_BAND(e1)' }],
      /Error in expression ad1: Unsupported operand type\(s\) for ANOMALY_DETECTION_BAND: '\[Array\[TimeSeries\], Scalar\]'/,
    ],
    [
      'a high-resolution metric under math',
      [{ ...metricQuery, MetricStat: { ...metricQuery.MetricStat, Period: 10 } }, { Id: 'e1', Expression: 'm1 + 1' }, { Id: 'ad1', Expression: 'ANOMALY_DETECTION_BAND(e1)' }],
      /high-resolution/,
    ],
  ])('refuses %s', (_case, queries, message) => {
    expect(refusal(queries)).toMatch(message);
  });
});

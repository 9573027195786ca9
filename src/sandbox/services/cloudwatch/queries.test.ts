/**
 * A table of CloudWatch queries with the answers worked out by hand from AWS's documentation ("CloudWatch
 * statistics definitions", "Metrics retention", the GetMetricStatistics / GetMetricData / PutMetricData API
 * reference, "Metric math syntax and functions"), run against the sandbox through its router in AWS JSON 1.0.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { RouterHarness } from '../../test-support';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const NAMESPACE = 'Table';
const DIMS = [{ Name: 'Service', Value: 'api' }];

let harness: RouterHarness;
/** A whole hour, so periods line up. */
let T0: number;

function call(operation: string, body: object): { status: number; body: Record<string, unknown> } {
  const response = harness.cloudwatch(operation, body);
  return { status: response.status, body: response.body === '' ? {} : (JSON.parse(response.body) as Record<string, unknown>) };
}

function ok(operation: string, body: object): Record<string, unknown> {
  const response = call(operation, body);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

function put(metricName: string, data: object[], dimensions = DIMS): void {
  ok('PutMetricData', { Namespace: NAMESPACE, MetricData: data.map((d) => ({ MetricName: metricName, Dimensions: dimensions, ...d })) });
}

const at = (ms: number): number => ms / 1000;

/** One metric's values in GetMetricData, oldest first, as [minutes after T0, value]. */
function series(queries: object[], options: { start?: number; end?: number; id?: string } = {}): [number, number][] {
  const output = ok('GetMetricData', {
    StartTime: at(options.start ?? T0),
    EndTime: at(options.end ?? T0 + 10 * MINUTE),
    ScanBy: 'TimestampAscending',
    MetricDataQueries: queries,
  }) as { MetricDataResults: { Id: string; Timestamps: number[]; Values: number[] }[] };
  const result = output.MetricDataResults.find((r) => r.Id === (options.id ?? (queries.at(-1) as { Id: string }).Id))!;
  return result.Timestamps.map((t, i) => [Math.round((t * 1000 - T0) / MINUTE), Number(result.Values[i]!.toFixed(6))]);
}

function stat(metricName: string, statistic: string, period = 60, id = 'm1'): object {
  return { Id: id, MetricStat: { Metric: { Namespace: NAMESPACE, MetricName: metricName, Dimensions: DIMS }, Period: period, Stat: statistic } };
}

function error(operation: string, body: object): { code: string; message: string; status: number } {
  const response = harness.cloudwatch(operation, body);
  expect(response.status).toBeGreaterThanOrEqual(400);
  const parsed = JSON.parse(response.body) as { message: string };
  return { code: response.headers['x-amzn-query-error']!.split(';')[0]!, message: parsed.message, status: response.status };
}

beforeEach(() => {
  harness = new RouterHarness();
  harness.now = Date.UTC(2026, 10, 30, 12, 0, 0);
  T0 = harness.now - HOUR;
});

describe('statistics of one period (values 1..10 in one minute)', () => {
  beforeEach(() => put('Latency', [{ Timestamp: at(T0), Values: [7, 3, 10, 1, 5, 2, 9, 4, 8, 6] }]));

  it.each([
    // The five standard statistics.
    ['SampleCount', 10],
    ['Sum', 55],
    ['Average', 5.5],
    ['Minimum', 1],
    ['Maximum', 10],
    // p90: 90% of the values are at or below it.
    ['p50', 5],
    ['p90', 9],
    ['p99', 10],
    ['p99.9', 10],
    // tm90: the mean after removing the highest 10%; TM(10%:90%) also the lowest 10%.
    ['tm90', 5],
    ['TM(10%:90%)', 5.5],
    // TM(2:8): the values > 2 and <= 8.
    ['TM(2:8)', 5.5],
    // IQM = TM(25%:75%): the middle five values, 3.5 to 7.5 by rank (3 and 8 half in).
    ['IQM', 5.5],
    // wm90: the highest 10% count as the 90% boundary's value (10 counts as 9).
    ['wm90', 5.4],
    // tc / ts: count and sum of the values the trimmed mean keeps.
    ['tc90', 9],
    ['ts90', 45],
    ['TC(10%:90%)', 8],
    // PR(:3): 30% of the values are <= 3; PR(3:8): 50% are > 3 and <= 8.
    ['PR(:3)', 30],
    ['PR(3:8)', 50],
  ])('%s = %d (GetMetricData and GetMetricStatistics)', (statistic, expected) => {
    expect(series([stat('Latency', statistic)])).toEqual([[0, expected]]);
    const standard = ['SampleCount', 'Sum', 'Average', 'Minimum', 'Maximum'].includes(statistic);
    const output = ok('GetMetricStatistics', {
      Namespace: NAMESPACE,
      MetricName: 'Latency',
      Dimensions: DIMS,
      StartTime: at(T0),
      EndTime: at(T0 + MINUTE),
      Period: 60,
      ...(standard ? { Statistics: [statistic] } : { ExtendedStatistics: [statistic] }),
    }) as { Datapoints: Record<string, unknown>[] };
    const datapoint = output.Datapoints[0]!;
    expect(standard ? datapoint[statistic] : (datapoint.ExtendedStatistics as Record<string, number>)[statistic]).toBeCloseTo(expected, 10);
  });
});

describe('aggregation across periods and data kinds', () => {
  it('a 5-minute period aggregates the raw values of its minutes, whatever way they were sent', () => {
    put('Latency', [
      { Timestamp: at(T0), Value: 10 },
      { Timestamp: at(T0 + MINUTE), Values: [20, 30], Counts: [1, 2] },
      { Timestamp: at(T0 + 2 * MINUTE), Values: [40] },
    ]);
    expect(series([stat('Latency', 'Sum', 300)])).toEqual([[0, 130]]);
    expect(series([stat('Latency', 'SampleCount', 300)])).toEqual([[0, 5]]);
    expect(series([stat('Latency', 'Average', 300)])).toEqual([[0, 26]]);
    // Ranked 10, 20, 30, 30, 40: the median is the third.
    expect(series([stat('Latency', 'p50', 300)])).toEqual([[0, 30]]);
    expect(series([stat('Latency', 'Sum', 60)])).toEqual([
      [0, 10],
      [1, 80],
      [2, 40],
    ]);
  });

  it('percentiles are not computed from statistic sets, except sets whose values are all equal', () => {
    put('Sets', [
      { Timestamp: at(T0), StatisticValues: { SampleCount: 4, Sum: 10, Minimum: 1, Maximum: 4 } },
      { Timestamp: at(T0 + MINUTE), StatisticValues: { SampleCount: 3, Sum: 6, Minimum: 2, Maximum: 2 } },
    ]);
    expect(series([stat('Sets', 'Sum')])).toEqual([
      [0, 10],
      [1, 6],
    ]);
    expect(series([stat('Sets', 'Average')])).toEqual([
      [0, 2.5],
      [1, 2],
    ]);
    expect(series([stat('Sets', 'p50')])).toEqual([[1, 2]]);
    // Over 5 minutes the period mixes a real set in: no percentile at all.
    expect(series([stat('Sets', 'p50', 300)])).toEqual([]);
  });

  it('matches the exact dimension set, and filters by unit', () => {
    put('Latency', [{ Timestamp: at(T0), Value: 1, Unit: 'Milliseconds' }]);
    put('Latency', [{ Timestamp: at(T0), Value: 100, Unit: 'Seconds' }], [...DIMS, { Name: 'Stage', Value: 'prod' }]);
    expect(series([stat('Latency', 'Sum')])).toEqual([[0, 1]]);
    expect(series([{ Id: 'm1', MetricStat: { Metric: { Namespace: NAMESPACE, MetricName: 'Latency' }, Period: 60, Stat: 'Sum' } }])).toEqual([]);
    expect(series([{ ...stat('Latency', 'Sum'), MetricStat: { ...(stat('Latency', 'Sum') as { MetricStat: object }).MetricStat, Unit: 'Seconds' } }])).toEqual([]);
  });
});

describe('retention tiers', () => {
  it('high-resolution data is served at 1 to 30 seconds for 3 hours, then only at a minute or more', () => {
    put('Fast', [
      { Timestamp: at(harness.now - 30 * MINUTE), Values: [1, 2], StorageResolution: 1 },
      { Timestamp: at(harness.now - 30 * MINUTE + 10_000), Value: 3, StorageResolution: 1 },
    ]);
    const window = { start: harness.now - HOUR, end: harness.now };
    expect(series([stat('Fast', 'Sum', 10)], window).map(([, v]) => v)).toEqual([3, 3]);
    harness.now += 4 * HOUR;
    const later = { start: harness.now - 5 * HOUR, end: harness.now };
    expect(series([stat('Fast', 'Sum', 10)], later)).toEqual([]);
    expect(series([stat('Fast', 'Sum', 60)], later).map(([, v]) => v)).toEqual([6]);
  });

  it('after 15 days only 5-minute multiples, after 63 days only hours, after 15 months nothing', () => {
    put('Old', [{ Timestamp: at(T0), Value: 5 }]);
    const window = { start: T0 - HOUR, end: T0 + HOUR };
    harness.now += 20 * DAY;
    expect(series([stat('Old', 'Sum', 60)], window)).toEqual([]);
    expect(series([stat('Old', 'Sum', 300)], window)).toEqual([[0, 5]]);
    harness.now += 50 * DAY;
    expect(series([stat('Old', 'Sum', 300)], window)).toEqual([]);
    expect(series([stat('Old', 'Sum', 3600)], window)).toEqual([[0, 5]]);
    harness.now += 400 * DAY;
    expect(series([stat('Old', 'Sum', 3600)], window)).toEqual([]);
  });
});

describe('metric math', () => {
  beforeEach(() => {
    // requests: 10, 20, -, 40, 50; errors: 1, 0, 3, 4, 5 (no request count at minute 2).
    put('Requests', [0, 1, 3, 4].map((m, i) => ({ Timestamp: at(T0 + m * MINUTE), Value: [10, 20, 40, 50][i] })));
    put('Errors', [0, 1, 2, 3, 4].map((m) => ({ Timestamp: at(T0 + m * MINUTE), Value: [1, 0, 3, 4, 5][m] })));
  });
  const requests = stat('Requests', 'Sum', 60, 'requests');
  const errors = stat('Errors', 'Sum', 60, 'errors');
  const math = (expression: string, period?: number): [number, number][] =>
    series([{ ...requests, ReturnData: false }, { ...errors, ReturnData: false }, { Id: 'e1', Expression: expression, ...(period !== undefined && { Period: period }) }]);

  it.each([
    // Arithmetic at the timestamps both series have.
    ['100 * errors / requests', [[0, 10], [1, 0], [3, 10], [4, 10]]],
    ['requests - errors', [[0, 9], [1, 20], [3, 36], [4, 45]]],
    ['-errors + 1', [[0, 0], [1, 1], [2, -2], [3, -3], [4, -4]]],
    ['errors ^ 2', [[0, 1], [1, 0], [2, 9], [3, 16], [4, 25]]],
    ['ABS(0 - errors)', [[0, 1], [1, 0], [2, 3], [3, 4], [4, 5]]],
    ['CEIL(errors / 2)', [[0, 1], [1, 0], [2, 2], [3, 2], [4, 3]]],
    ['FLOOR(errors / 2)', [[0, 0], [1, 0], [2, 1], [3, 2], [4, 2]]],
    // Of one series: a scalar, drawn at every period of the range.
    ['SUM(errors)', Array.from({ length: 10 }, (_, m) => [m, 13])],
    ['AVG(errors)', Array.from({ length: 10 }, (_, m) => [m, 2.6])],
    ['MAX(requests) - MIN(requests)', Array.from({ length: 10 }, (_, m) => [m, 40])],
    ['STDDEV(requests)', Array.from({ length: 10 }, (_, m) => [m, 15.811388])],
    // Of several series: their values at each timestamp.
    ['SUM(METRICS())', [[0, 11], [1, 20], [2, 3], [3, 44], [4, 55]]],
    ['MAX([requests, errors])', [[0, 10], [1, 20], [2, 3], [3, 40], [4, 50]]],
    ["SUM(METRICS('err'))", [[0, 1], [1, 0], [2, 3], [3, 4], [4, 5]]],
    // RATE: change per second; DIFF: change; both from the second point.
    ['DIFF(requests)', [[1, 10], [3, 20], [4, 10]]],
    ['RATE(requests)', [[1, 10 / 60], [3, 20 / 120], [4, 10 / 60]].map(([m, v]) => [m!, Number(v!.toFixed(6))])],
    ['PERIOD(requests)', Array.from({ length: 10 }, (_, m) => [m, 60])],
    // FILL over the range's periods.
    ['FILL(requests, 0)', [[0, 10], [1, 20], [2, 0], [3, 40], [4, 50], [5, 0], [6, 0], [7, 0], [8, 0], [9, 0]]],
    ['FILL(requests, REPEAT)', [[0, 10], [1, 20], [2, 20], [3, 40], [4, 50], [5, 50], [6, 50], [7, 50], [8, 50], [9, 50]]],
    ['FILL(requests, LINEAR)', [[0, 10], [1, 20], [2, 30], [3, 40], [4, 50]]],
    // IF: a where the condition holds, else b (or no point).
    ['IF(errors > 2, 1, 0)', [[0, 0], [1, 0], [2, 1], [3, 1], [4, 1]]],
    ['IF(errors >= 3 AND errors < 5, errors)', [[2, 3], [3, 4]]],
    ['IF(errors == 0 OR errors == 5, requests, -1)', [[0, -1], [1, 20], [2, -1], [3, -1], [4, 50]]],
  ])('%s', (expression, expected) => {
    expect(math(expression)).toEqual(expected);
  });

  it('drops points that are not numbers and says so, as AWS does', () => {
    const output = ok('GetMetricData', {
      StartTime: at(T0),
      EndTime: at(T0 + 5 * MINUTE),
      MetricDataQueries: [{ ...requests, ReturnData: false }, { ...errors, ReturnData: false }, { Id: 'e1', Expression: 'requests / errors' }],
    }) as { MetricDataResults: { Values: number[]; Messages: unknown[] }[] };
    // 10/1, 20/0 (dropped), 40/4, 50/5, newest first.
    expect(output.MetricDataResults[0]!.Values).toEqual([10, 10, 10]);
    expect(output.MetricDataResults[0]!.Messages).toEqual([{ Code: 'ArithmeticError', Value: 'One or more data-points have been dropped due to non-numeric values (NaN, -Infinite, +Infinite)' }]);
  });

  it("SEARCH finds metrics by schema and terms, each result labelled by its dimensions' values and name", () => {
    put('Requests', [{ Timestamp: at(T0), Value: 7 }], [{ Name: 'Service', Value: 'web' }]);
    const output = ok('GetMetricData', {
      StartTime: at(T0),
      EndTime: at(T0 + MINUTE),
      MetricDataQueries: [{ Id: 's1', Expression: `SEARCH('{${NAMESPACE},Service} MetricName="Requests"', 'Sum', 60)` }],
    }) as { MetricDataResults: { Id: string; Label: string; Values: number[] }[] };
    expect(output.MetricDataResults.map((r) => [r.Id, r.Label, r.Values])).toEqual([
      ['s1', 'api Requests', [10]],
      ['s1', 'web Requests', [7]],
    ]);
  });

  it('resolves dynamic labels', () => {
    const output = ok('GetMetricData', {
      StartTime: at(T0),
      EndTime: at(T0 + 5 * MINUTE),
      LabelOptions: { Timezone: '+0130' },
      MetricDataQueries: [{ ...errors, Label: "${PROP('Dim.Service')} ${PROP('MetricName')} ${PROP('Stat')}/${PROP('Period')}: max ${MAX} at ${MAX_TIME}, avg ${AVG}" }],
    }) as { MetricDataResults: { Label: string }[] };
    expect(output.MetricDataResults[0]!.Label).toBe('api Errors Sum/60: max 5 at 2026-11-30 12:34, avg 2.6');
  });
});

describe('pagination', () => {
  it('ListMetrics pages 500 metrics at a time, with dimension filters with and without values', () => {
    put('Many', Array.from({ length: 20 }, (_, i) => ({ Value: i, Dimensions: [{ Name: 'Host', Value: `h${i}` }] })), []);
    harness.state.region('us-east-1');
    const all = ok('ListMetrics', { Namespace: NAMESPACE, MetricName: 'Many' }) as { Metrics: unknown[]; NextToken?: string };
    expect(all.Metrics).toHaveLength(20);
    expect(all.NextToken).toBeUndefined();
    expect((ok('ListMetrics', { Dimensions: [{ Name: 'Host' }] }) as { Metrics: unknown[] }).Metrics).toHaveLength(20);
    expect((ok('ListMetrics', { Dimensions: [{ Name: 'Host', Value: 'h3' }] }) as { Metrics: unknown[] }).Metrics).toHaveLength(1);
    for (let batch = 0; batch < 2; batch++) {
      put('Bulk', Array.from({ length: 300 }, (_, i) => ({ Value: i, Dimensions: [{ Name: 'Id', Value: `${batch}-${i}` }] })), []);
    }
    const first = ok('ListMetrics', { MetricName: 'Bulk' }) as { Metrics: unknown[]; NextToken: string };
    expect(first.Metrics).toHaveLength(500);
    const second = ok('ListMetrics', { MetricName: 'Bulk', NextToken: first.NextToken }) as { Metrics: unknown[]; NextToken?: string };
    expect(second.Metrics).toHaveLength(100);
    expect(second.NextToken).toBeUndefined();
    expect(error('ListMetrics', { MetricName: 'Other', NextToken: first.NextToken }).code).toBe('InvalidParameterValue');
  });

  it('RecentlyActive PT3H lists only metrics with data in the last three hours', () => {
    put('Stale', [{ Value: 1 }]);
    harness.now += 4 * HOUR;
    put('Fresh', [{ Value: 1 }]);
    const names = (body: object) => (ok('ListMetrics', body) as { Metrics: { MetricName: string }[] }).Metrics.map((m) => m.MetricName);
    expect(names({})).toEqual(['Fresh', 'Stale']);
    expect(names({ RecentlyActive: 'PT3H' })).toEqual(['Fresh']);
  });

  it('GetMetricData returns at most MaxDatapoints, the rest behind NextToken, cut results saying PartialData', () => {
    put('Paged', Array.from({ length: 5 }, (_, m) => ({ Timestamp: at(T0 + m * MINUTE), Value: m })));
    const body = { StartTime: at(T0), EndTime: at(T0 + 10 * MINUTE), MaxDatapoints: 3, ScanBy: 'TimestampAscending', MetricDataQueries: [stat('Paged', 'Sum')] };
    const first = ok('GetMetricData', body) as { MetricDataResults: { Values: number[]; StatusCode: string }[]; NextToken: string };
    expect(first.MetricDataResults.map((r) => [r.Values, r.StatusCode])).toEqual([[[0, 1, 2], 'PartialData']]);
    const second = ok('GetMetricData', { ...body, NextToken: first.NextToken }) as { MetricDataResults: { Values: number[]; StatusCode: string }[]; NextToken?: string };
    expect(second.MetricDataResults.map((r) => [r.Values, r.StatusCode])).toEqual([[[3, 4], 'Complete']]);
    expect(second.NextToken).toBeUndefined();
  });
});

describe('validation errors', () => {
  const datum = { MetricName: 'M', Value: 1 };
  it.each([
    ['PutMetricData', {}, 'MissingParameter', 'The parameter Namespace is required.'],
    ['PutMetricData', { Namespace: 'AWS/EC2', MetricData: [datum] }, 'InvalidParameterValue', 'namespaces starting with AWS/ are reserved'],
    ['PutMetricData', { Namespace: 'N', MetricData: Array.from({ length: 1001 }, () => datum) }, 'InvalidParameterValue', 'The collection MetricData must not have a size greater than 1000.'],
    [
      'PutMetricData',
      { Namespace: 'N', MetricData: [{ ...datum, Dimensions: Array.from({ length: 31 }, (_, i) => ({ Name: `d${i}`, Value: 'v' })) }] },
      'InvalidParameterValue',
      'The collection MetricData.member.1.Dimensions must not have a size greater than 30.',
    ],
    [
      'PutMetricData',
      { Namespace: 'N', MetricData: [{ ...datum, StatisticValues: { SampleCount: 1, Sum: 1, Minimum: 1, Maximum: 1 } }] },
      'InvalidParameterCombination',
      'The parameters MetricData.member.1.Value and MetricData.member.1.StatisticValues are mutually exclusive and you have specified both.',
    ],
    ['PutMetricData', { Namespace: 'N', MetricData: [{ MetricName: 'M', Values: [1, 2], Counts: [1] }] }, 'InvalidParameterCombination', 'must be of the same size'],
    ['PutMetricData', { Namespace: 'N', MetricData: [{ MetricName: 'M', Values: Array.from({ length: 151 }, () => 1) }] }, 'InvalidParameterValue', 'must not have a size greater than 150'],
    ['PutMetricData', { Namespace: 'N', MetricData: [{ ...datum, Timestamp: at(Date.UTC(2026, 10, 15)) }] }, 'InvalidParameterValue', 'no more than two weeks in the past'],
    ['PutMetricData', { Namespace: 'N', MetricData: [{ ...datum, Timestamp: at(Date.UTC(2026, 10, 30, 14, 30)) }] }, 'InvalidParameterValue', 'no more than two hours in the future'],
    ['PutMetricData', { Namespace: 'N', MetricData: [{ ...datum, StorageResolution: 5 }] }, 'InvalidParameterValue', 'StorageResolution'],
    ['PutMetricData', { Namespace: 'N', MetricData: [{ ...datum, Unit: 'Parsecs' }] }, 'InvalidParameterValue', 'is not a valid unit'],
    ['PutMetricData', { Namespace: 'N', MetricData: [{ MetricName: 'M' }] }, 'MissingParameter', 'MetricData.member.1.Value'],
    ['GetMetricStatistics', { Namespace: 'N', MetricName: 'M', StartTime: 0, EndTime: 86_400 * 3, Period: 60, Statistics: ['Sum'] }, 'InvalidParameterCombination', 'You have requested up to 4,320 datapoints, which exceeds the limit of 1,440.'],
    ['GetMetricStatistics', { Namespace: 'N', MetricName: 'M', StartTime: 0, EndTime: 60, Period: 60, Statistics: ['Sum'], ExtendedStatistics: ['p99'] }, 'InvalidParameterCombination', 'Must specify either Statistics or ExtendedStatistics, but not both.'],
    ['GetMetricStatistics', { Namespace: 'N', MetricName: 'M', StartTime: 0, EndTime: 60, Period: 45, Statistics: ['Sum'] }, 'InvalidParameterValue', 'The parameter Period must be 1, 5, 10, 20, 30, or a multiple of 60'],
    ['GetMetricStatistics', { Namespace: 'N', MetricName: 'M', StartTime: 0, EndTime: 60, Period: 60, ExtendedStatistics: ['p101'] }, 'InvalidParameterValue', 'not a valid extended statistic'],
    ['GetMetricStatistics', { Namespace: 'N', MetricName: 'M', StartTime: 60, EndTime: 0, Period: 60, Statistics: ['Sum'] }, 'InvalidParameterValue', 'The parameter StartTime must be less than the parameter EndTime.'],
    ['GetMetricData', { StartTime: 0, EndTime: 60, MetricDataQueries: [{ Id: 'M1', Expression: '1' }] }, 'InvalidParameterValue', 'must start with a lowercase letter'],
    ['GetMetricData', { StartTime: 0, EndTime: 60, MetricDataQueries: [{ Id: 'e1', Expression: '1' }, { Id: 'e1', Expression: '2' }] }, 'InvalidParameterValue', 'is not unique'],
    ['GetMetricData', { StartTime: 0, EndTime: 60, MetricDataQueries: [{ Id: 'e1', Expression: 'm1 +' }] }, 'ValidationError', 'Error in expression e1: The expression ends too early; expected a value. (at character 5'],
    ['GetMetricData', { StartTime: 0, EndTime: 60, MetricDataQueries: [{ Id: 'e1', Expression: 'm9 * 2' }] }, 'ValidationError', 'Error in expression e1: m9 is not the Id of a query in this request.'],
    ['GetMetricData', { StartTime: 0, EndTime: 60, MetricDataQueries: [{ Id: 'e1', Expression: 'e2' }, { Id: 'e2', Expression: 'e1' }] }, 'ValidationError', 'refers back to itself'],
    ['GetMetricData', { StartTime: 0, EndTime: 60, MetricDataQueries: [{ Id: 'e1', Expression: 'FOO(1)' }] }, 'ValidationError', 'Unknown function FOO.'],
    ['GetMetricData', { StartTime: 0, EndTime: 60, MetricDataQueries: Array.from({ length: 501 }, (_, i) => ({ Id: `e${i}`, Expression: '1' })) }, 'InvalidParameterValue', 'must not have a size greater than 500'],
    ['GetMetricData', { StartTime: 0, EndTime: 60, MetricDataQueries: [{ Id: 'e1' }] }, 'InvalidParameterCombination', 'Exactly one of the parameters'],
    ['GetMetricData', { StartTime: 0, EndTime: 60, LabelOptions: { Timezone: '+25' }, MetricDataQueries: [{ Id: 'e1', Expression: '1' }] }, 'InvalidParameterValue', 'LabelOptions.Timezone'],
    ['GetMetricData', { StartTime: 0, EndTime: 60, ScanBy: 'Sideways', MetricDataQueries: [{ Id: 'e1', Expression: '1' }] }, 'InvalidParameterValue', 'ScanBy'],
    ['GetMetricData', { StartTime: 0, EndTime: 60, MetricDataQueries: [{ Id: 'm1', MetricStat: { Metric: { Namespace: 'N', MetricName: 'M' }, Period: 60, Stat: 'Median' } }] }, 'InvalidParameterValue', 'Median is not a statistic'],
    ['ListMetrics', { RecentlyActive: 'PT1H' }, 'InvalidParameterValue', 'Valid value: PT3H'],
    ['ListMetrics', { NextToken: 'garbage' }, 'InvalidNextToken', 'The specified next token is invalid.'],
    ['PutDashboard', { DashboardName: 'bad name!', DashboardBody: '{"widgets":[]}' }, 'InvalidParameterInput', 'It can only contain alphanumerics, dash (-) and underscore (_).'],
    ['PutDashboard', { DashboardName: 'd', DashboardBody: '{"widgets":[{"type":"metric","properties":{"metrics":[["N"]]}}]}' }, 'InvalidParameterInput', 'The dashboard body is invalid, there are 2 validation errors'],
    ['GetDashboard', { DashboardName: 'missing' }, 'ResourceNotFound', 'Dashboard missing does not exist'],
    ['DeleteDashboards', { DashboardNames: ['missing'] }, 'ResourceNotFound', 'The specified dashboard does not exist. [missing]'],
  ])('%s %j', (operation, body, code, message) => {
    const failure = error(operation, body);
    expect(failure.code).toBe(code);
    expect(failure.message).toContain(message);
  });

  it('PutDashboard lists what is wrong with a body, path by path', () => {
    const response = harness.cloudwatch('PutDashboard', { DashboardName: 'd', DashboardBody: '{"widgets":[{"type":"metric","properties":{"metrics":[["N"]]}}]}' });
    expect(JSON.parse(response.body).dashboardValidationMessages).toEqual([
      { DataPath: '/widgets/0/properties', Message: "Should have required property 'region'" },
      { DataPath: '/widgets/0/properties/metrics/0', Message: 'Should have at least a namespace and a metric name' },
    ]);
  });
});

describe('dashboards', () => {
  it('are saved, listed by prefix, read back and deleted all or nothing', () => {
    const body = JSON.stringify({ widgets: [{ type: 'text', x: 0, y: 0, width: 6, height: 3, properties: { markdown: '# Hi' } }] });
    expect(ok('PutDashboard', { DashboardName: 'ops-main', DashboardBody: body })).toEqual({ DashboardValidationMessages: [] });
    ok('PutDashboard', { DashboardName: 'dev-scratch', DashboardBody: body });
    const listed = ok('ListDashboards', { DashboardNamePrefix: 'ops' }) as { DashboardEntries: Record<string, unknown>[] };
    expect(listed.DashboardEntries).toEqual([
      { DashboardName: 'ops-main', DashboardArn: 'arn:aws:cloudwatch::123456789012:dashboard/ops-main', LastModified: harness.now / 1000, Size: body.length },
    ]);
    expect(ok('GetDashboard', { DashboardName: 'ops-main' })).toEqual({ DashboardArn: 'arn:aws:cloudwatch::123456789012:dashboard/ops-main', DashboardBody: body, DashboardName: 'ops-main' });
    expect(error('DeleteDashboards', { DashboardNames: ['ops-main', 'nope'] }).code).toBe('ResourceNotFound');
    expect(ok('ListDashboards', {}).DashboardEntries).toHaveLength(2);
    ok('DeleteDashboards', { DashboardNames: ['ops-main', 'dev-scratch'] });
    expect(ok('ListDashboards', {}).DashboardEntries).toEqual([]);
  });
});

describe("AWS's default TPS quotas", () => {
  it('throttle ListMetrics past 25 calls a second with the query protocol’s Throttling code', () => {
    const limited = new RouterHarness({ quotas: 'aws' });
    const statuses = Array.from({ length: 26 }, () => limited.cloudwatch('ListMetrics', {}));
    expect(statuses.slice(0, 25).every((r) => r.status === 200)).toBe(true);
    const throttled = statuses[25]!;
    expect(throttled.status).toBe(400);
    expect(throttled.headers['x-amzn-query-error']).toBe('Throttling;Sender');
    expect(JSON.parse(throttled.body)).toEqual({ __type: 'Throttling', message: 'Rate exceeded' });
  });

  it('throttle DescribeAlarms past 9 calls a second and SetAlarmState past 3, as the quotas page lists them', () => {
    const limited = new RouterHarness({ quotas: 'aws' });
    const describes = Array.from({ length: 10 }, () => limited.cloudwatch('DescribeAlarms', {}).status);
    expect(describes).toEqual([...Array<number>(9).fill(200), 400]);
    const sets = Array.from({ length: 4 }, () => limited.cloudwatch('SetAlarmState', { AlarmName: 'missing', StateValue: 'OK', StateReason: 'test' }));
    expect(sets.slice(0, 3).map((r) => (JSON.parse(r.body) as { __type: string }).__type)).toEqual(Array<string>(3).fill('com.amazonaws.cloudwatch#ResourceNotFound'));
    expect(JSON.parse(sets[3]!.body)).toEqual({ __type: 'Throttling', message: 'Rate exceeded' });
  });
});

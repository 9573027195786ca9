/**
 * PutAnomalyDetector, DescribeAnomalyDetectors and DeleteAnomalyDetector through the router in AWS JSON 1.0,
 * with the rules of their API reference pages and the botocore model.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { RouterHarness } from '../../../test-support';
import { ANOMALY_DETECTORS_STORE } from './store';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const METRIC = { Namespace: 'Shop', MetricName: 'Orders', Dimensions: [{ Name: 'Region', Value: 'eu' }] };

let harness: RouterHarness;

beforeEach(() => {
  harness = new RouterHarness();
});

function ok(operation: string, body: object, region?: string): Record<string, unknown> {
  const response = harness.cloudwatch(operation, body, { region });
  expect(response.status, response.body).toBe(200);
  return response.body === '' ? {} : (JSON.parse(response.body) as Record<string, unknown>);
}

function error(operation: string, body: object): { code: string; type: string; message: string; status: number } {
  const response = harness.cloudwatch(operation, body);
  expect(response.status, response.body).toBeGreaterThanOrEqual(400);
  const parsed = JSON.parse(response.body) as { __type: string; message: string };
  return { code: response.headers['x-amzn-query-error']!.split(';')[0]!, type: parsed.__type, message: parsed.message, status: response.status };
}

type Detector = Record<string, unknown> & { AnomalyDetectorId: string; StateValue: string };

function describeAll(body: object = {}): Detector[] {
  return (ok('DescribeAnomalyDetectors', body).AnomalyDetectors as Detector[]) ?? [];
}

const MATH_QUERIES = [
  { Id: 'orders', MetricStat: { Metric: METRIC, Period: 300, Stat: 'Sum' }, ReturnData: false },
  { Id: 'visits', MetricStat: { Metric: { ...METRIC, MetricName: 'Visits' }, Period: 300, Stat: 'Sum' }, ReturnData: false },
  { Id: 'conversion', Expression: 'orders / visits * 100', ReturnData: true },
];

describe('PutAnomalyDetector', () => {
  it('creates a detector named by SingleMetricAnomalyDetector and describes it, also under the deprecated members', () => {
    const { AnomalyDetectorId } = ok('PutAnomalyDetector', {
      SingleMetricAnomalyDetector: { ...METRIC, Stat: 'p90' },
      Configuration: {
        ExcludedTimeRanges: [{ StartTime: (harness.now - 2 * HOUR) / 1000, EndTime: (harness.now - HOUR) / 1000 }],
        MetricTimezone: 'Europe/Paris',
      },
      MetricCharacteristics: { PeriodicSpikes: true },
    }) as { AnomalyDetectorId: string };
    expect(AnomalyDetectorId).toMatch(/^[A-Za-z0-9_./:%()+-]{1,128}$/);
    expect(describeAll()).toEqual([
      {
        AnomalyDetectorId,
        ...METRIC,
        Stat: 'p90',
        SingleMetricAnomalyDetector: { ...METRIC, Stat: 'p90' },
        Configuration: {
          ExcludedTimeRanges: [{ StartTime: (harness.now - 2 * HOUR) / 1000, EndTime: (harness.now - HOUR) / 1000 }],
          MetricTimezone: 'Europe/Paris',
        },
        MetricCharacteristics: { PeriodicSpikes: true },
        StateValue: 'PENDING_TRAINING',
      },
    ]);
  });

  it('takes the deprecated top-level members as the same detector, and a second put replaces its configuration', () => {
    const first = ok('PutAnomalyDetector', { ...METRIC, Stat: 'Average', Configuration: { MetricTimezone: 'UTC' } });
    const second = ok('PutAnomalyDetector', { SingleMetricAnomalyDetector: { ...METRIC, Dimensions: [...METRIC.Dimensions], Stat: 'Average' } });
    expect(second.AnomalyDetectorId).toBe(first.AnomalyDetectorId);
    const [detector] = describeAll();
    expect(detector!.Configuration).toEqual({ ExcludedTimeRanges: [] });
    expect(describeAll()).toHaveLength(1);
  });

  it('keeps one detector per metric and statistic', () => {
    ok('PutAnomalyDetector', { ...METRIC, Stat: 'Average' });
    ok('PutAnomalyDetector', { ...METRIC, Stat: 'Sum' });
    ok('PutAnomalyDetector', { ...METRIC, Dimensions: [], Stat: 'Sum' });
    expect(describeAll().map((d) => `${d.Stat as string}/${(d.Dimensions as unknown[]).length}`).sort()).toEqual(['Average/1', 'Sum/0', 'Sum/1']);
  });

  it('creates a metric-math detector from its designated query', () => {
    const { AnomalyDetectorId } = ok('PutAnomalyDetector', { MetricMathAnomalyDetector: { MetricDataQueries: MATH_QUERIES } });
    expect(describeAll()).toEqual([]);
    expect(describeAll({ AnomalyDetectorTypes: ['METRIC_MATH'] })).toEqual([
      {
        AnomalyDetectorId,
        MetricMathAnomalyDetector: { MetricDataQueries: MATH_QUERIES },
        Configuration: { ExcludedTimeRanges: [] },
        MetricCharacteristics: {},
        StateValue: 'PENDING_TRAINING',
      },
    ]);
  });

  it.each<[string, object, string, RegExp]>([
    ['no metric', { Stat: 'Sum' }, 'MissingParameter', /Namespace is required/],
    ['no statistic', { SingleMetricAnomalyDetector: METRIC }, 'MissingParameter', /SingleMetricAnomalyDetector.Stat is required/],
    ['a statistic that is not one', { ...METRIC, Stat: 'average' }, 'InvalidParameterValue', /case-sensitive/],
    [
      'two ways of naming the metric',
      { ...METRIC, Stat: 'Sum', SingleMetricAnomalyDetector: { ...METRIC, Stat: 'Sum' } },
      'InvalidParameterCombination',
      /only one way/,
    ],
    ['an unknown time zone', { ...METRIC, Stat: 'Sum', Configuration: { MetricTimezone: 'Europe/Atlantis' } }, 'InvalidParameterValue', /tz database/],
    [
      'a range that ends before it starts',
      { ...METRIC, Stat: 'Sum', Configuration: { ExcludedTimeRanges: [{ StartTime: 2000, EndTime: 1000 }] } },
      'InvalidParameterValue',
      /ExcludedTimeRanges.member.1 must be later/,
    ],
    [
      'eleven excluded ranges',
      { ...METRIC, Stat: 'Sum', Configuration: { ExcludedTimeRanges: Array.from({ length: 11 }, (_, i) => ({ StartTime: i * 10, EndTime: i * 10 + 5 })) } },
      'InvalidParameterValue',
      /more than 10 time ranges/,
    ],
    [
      'a math detector with two queries returning data',
      { MetricMathAnomalyDetector: { MetricDataQueries: MATH_QUERIES.map((q) => ({ ...q, ReturnData: true })) } },
      'InvalidParameterValue',
      /Exactly one query .* must have ReturnData true.*found 3/,
    ],
    [
      'a math detector over SEARCH',
      { MetricMathAnomalyDetector: { MetricDataQueries: [{ Id: 'e1', Expression: "SUM(SEARCH('{Shop} Orders', 'Sum', 300))" }] } },
      'InvalidParameterValue',
      /does not support METRICS\(\) or SEARCH/,
    ],
    [
      'a math detector whose metrics have different periods',
      { MetricMathAnomalyDetector: { MetricDataQueries: [MATH_QUERIES[0], { ...MATH_QUERIES[1], MetricStat: { ...MATH_QUERIES[1]!.MetricStat, Period: 60 } }, MATH_QUERIES[2]] } },
      'InvalidParameterValue',
      /same period/,
    ],
  ])('refuses %s', (_case, body, code, message) => {
    const refused = error('PutAnomalyDetector', body);
    expect(refused.code).toBe(code);
    expect(refused.message).toMatch(message);
    expect(describeAll({ AnomalyDetectorTypes: ['SINGLE_METRIC', 'METRIC_MATH'] })).toEqual([]);
  });

  it('stops at 500 detectors in a region with LimitExceededException, and still updates existing ones', () => {
    for (let i = 0; i < 500; i++) ok('PutAnomalyDetector', { Namespace: 'Many', MetricName: `m${i}`, Stat: 'Sum' });
    const refused = error('PutAnomalyDetector', { Namespace: 'Many', MetricName: 'm500', Stat: 'Sum' });
    expect([refused.code, refused.type]).toEqual(['LimitExceededException', 'com.amazonaws.cloudwatch#LimitExceededException']);
    ok('PutAnomalyDetector', { Namespace: 'Many', MetricName: 'm0', Stat: 'Sum', Configuration: { MetricTimezone: 'Asia/Tokyo' } });
    // The limit is per region.
    ok('PutAnomalyDetector', { Namespace: 'Many', MetricName: 'm500', Stat: 'Sum' }, 'eu-west-1');
  });
});

describe('DescribeAnomalyDetectors', () => {
  beforeEach(() => {
    ok('PutAnomalyDetector', { ...METRIC, Stat: 'Sum' });
    ok('PutAnomalyDetector', { ...METRIC, MetricName: 'Visits', Stat: 'Sum' });
    ok('PutAnomalyDetector', { Namespace: 'Other', MetricName: 'Orders', Stat: 'Sum' });
    ok('PutAnomalyDetector', { MetricMathAnomalyDetector: { MetricDataQueries: MATH_QUERIES } });
  });

  it.each<[object, string[]]>([
    [{ Namespace: 'Shop' }, ['Shop/Orders', 'Shop/Visits']],
    [{ MetricName: 'Orders' }, ['Other/Orders', 'Shop/Orders']],
    [{ Dimensions: [{ Name: 'Region', Value: 'eu' }] }, ['Shop/Orders', 'Shop/Visits']],
    [{ Dimensions: [{ Name: 'Region', Value: 'us' }] }, []],
    [{ AnomalyDetectorTypes: ['SINGLE_METRIC', 'METRIC_MATH'], Namespace: 'Other' }, ['Other/Orders', 'math']],
  ])('filters by %j', (filter, expected) => {
    const names = describeAll(filter).map((d) => (d.MetricMathAnomalyDetector !== undefined ? 'math' : `${d.Namespace as string}/${d.MetricName as string}`));
    expect(names.sort()).toEqual(expected);
  });

  it('finds detectors by id, and refuses ids with metric filters', () => {
    const all = describeAll({ AnomalyDetectorTypes: ['SINGLE_METRIC', 'METRIC_MATH'] });
    const wanted = [all[0]!.AnomalyDetectorId, all[3]!.AnomalyDetectorId];
    expect(describeAll({ AnomalyDetectorIds: wanted }).map((d) => d.AnomalyDetectorId)).toEqual(wanted);
    expect(error('DescribeAnomalyDetectors', { AnomalyDetectorIds: wanted, Namespace: 'Shop' }).code).toBe('InvalidParameterCombination');
  });

  it('pages with MaxResults and NextToken, and refuses a token from other filters', () => {
    const first = ok('DescribeAnomalyDetectors', { MaxResults: 2 }) as { AnomalyDetectors: Detector[]; NextToken: string };
    expect(first.AnomalyDetectors).toHaveLength(2);
    const second = ok('DescribeAnomalyDetectors', { MaxResults: 2, NextToken: first.NextToken }) as { AnomalyDetectors: Detector[]; NextToken?: string };
    expect(second.AnomalyDetectors).toHaveLength(1);
    expect(second.NextToken).toBeUndefined();
    expect([...first.AnomalyDetectors, ...second.AnomalyDetectors]).toEqual(describeAll());
    expect(error('DescribeAnomalyDetectors', { Namespace: 'Shop', NextToken: first.NextToken }).code).toBe('InvalidParameterValue');
    expect(error('DescribeAnomalyDetectors', { NextToken: 'garbage' }).code).toBe('InvalidNextToken');
  });

  it.each([[{ MaxResults: 0 }], [{ MaxResults: 101 }], [{ AnomalyDetectorTypes: ['COMPOSITE'] }]])('refuses %j', (body) => {
    expect(error('DescribeAnomalyDetectors', body).code).toBe('InvalidParameterValue');
  });

  it('says PENDING_TRAINING for 15 minutes, then TRAINED once the metric has a day of data, else TRAINED_INSUFFICIENT_DATA', () => {
    const stateOf = (name: string): string => describeAll({ MetricName: name })[0]!.StateValue;
    expect(stateOf('Orders')).toBe('PENDING_TRAINING');
    harness.now += 15 * MINUTE;
    expect(stateOf('Orders')).toBe('TRAINED_INSUFFICIENT_DATA');
    // Visits gets a point every hour for the last 24 hours.
    const data = Array.from({ length: 24 }, (_, i) => ({ ...METRIC, MetricName: 'Visits', Timestamp: (harness.now - (i + 1) * HOUR) / 1000, Value: 1 }));
    ok('PutMetricData', { Namespace: 'Shop', MetricData: data.map(({ Namespace: _ns, ...datum }) => datum) });
    expect(stateOf('Visits')).toBe('TRAINED');
    expect(stateOf('Orders')).toBe('TRAINED_INSUFFICIENT_DATA');
  });
});

describe('DeleteAnomalyDetector', () => {
  it('deletes by metric and statistic, by SingleMetricAnomalyDetector, by id, and a metric-math detector by its queries', () => {
    ok('PutAnomalyDetector', { ...METRIC, Stat: 'Sum' });
    ok('PutAnomalyDetector', { ...METRIC, Stat: 'Average' });
    const { AnomalyDetectorId } = ok('PutAnomalyDetector', { ...METRIC, Stat: 'Maximum' }) as { AnomalyDetectorId: string };
    ok('PutAnomalyDetector', { MetricMathAnomalyDetector: { MetricDataQueries: MATH_QUERIES } });
    ok('DeleteAnomalyDetector', { ...METRIC, Stat: 'Sum' });
    ok('DeleteAnomalyDetector', { SingleMetricAnomalyDetector: { ...METRIC, Stat: 'Average' } });
    ok('DeleteAnomalyDetector', { AnomalyDetectorId });
    ok('DeleteAnomalyDetector', { MetricMathAnomalyDetector: { MetricDataQueries: MATH_QUERIES } });
    expect(describeAll({ AnomalyDetectorTypes: ['SINGLE_METRIC', 'METRIC_MATH'] })).toEqual([]);
    expect(harness.state.region('us-east-1').store(ANOMALY_DETECTORS_STORE).size).toBe(0);
  });

  it('answers ResourceNotFoundException for a detector that does not exist', () => {
    const refused = error('DeleteAnomalyDetector', { ...METRIC, Stat: 'Sum' });
    expect([refused.code, refused.type, refused.status]).toEqual(['ResourceNotFoundException', 'com.amazonaws.cloudwatch#ResourceNotFoundException', 404]);
    expect(error('DeleteAnomalyDetector', { AnomalyDetectorId: 'nope' }).code).toBe('ResourceNotFoundException');
  });
});

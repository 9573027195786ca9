import { describe, expect, it } from 'vitest';
import type { MetricAlarm, MetricAlarmDefinition } from '../../../../../shared/contract';
import {
  alarmConfigOf,
  bandOf,
  definitionDifferences,
  draftFromAlarm,
  draftFromLink,
  draftPeriod,
  draftProblems,
  draftMetricQueries,
  draftStatistic,
  ec2ActionArn,
  formatDimensions,
  parseDimensions,
  setMetric,
  hasInstanceDimension,
  setBandWidth,
  setPeriod,
  setQueryStatistic,
  setStatistic,
  toBand,
  toStatic,
  type AlarmDraft,
} from './alarmDraft';

const TOPIC = 'arn:aws:sns:eu-south-2:123456789012:ops';

/** An alarm with every PutMetricAlarm field set, as alarms.get describes it. */
const EVERY_FIELD: MetricAlarmDefinition = {
  name: 'orders-api p99 latency',
  description: 'Pages the on-call when checkout is slow',
  actionsEnabled: false,
  okActions: [TOPIC],
  alarmActions: [TOPIC, 'arn:aws:autoscaling:eu-south-2:123456789012:scalingPolicy:abc:autoScalingGroupName/web:policyName/up'],
  insufficientDataActions: ['arn:aws:ssm:eu-south-2:123456789012:opsitem:3#CATEGORY=Availability'],
  namespace: 'AWS/Lambda',
  metricName: 'Duration',
  dimensions: [{ name: 'FunctionName', value: 'orders-api' }],
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

const MATH_BAND: MetricAlarmDefinition = {
  name: 'cross-account errors band',
  actionsEnabled: true,
  okActions: [],
  alarmActions: [TOPIC],
  insufficientDataActions: [],
  dimensions: [],
  evaluationPeriods: 3,
  comparisonOperator: 'GreaterThanUpperThreshold',
  thresholdMetricId: 'ad1',
  metrics: [
    {
      id: 'm1',
      metricStat: { metric: { namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: [{ name: 'FunctionName', value: 'orders-api' }] }, period: 300, stat: 'Sum', unit: 'Count' },
      returnData: true,
      label: 'Errors of orders-api',
      accountId: '210987654321',
    },
    { id: 'ad1', expression: 'ANOMALY_DETECTION_BAND(m1, 3)', label: 'Errors (expected)', returnData: true },
  ],
};

function described(definition: MetricAlarmDefinition): MetricAlarm {
  return {
    ...definition,
    kind: 'metric',
    arn: `arn:aws:cloudwatch:eu-south-2:123456789012:alarm:${definition.name}`,
    state: 'OK',
    stateReason: 'Threshold Crossed',
    stateUpdatedAt: 1,
    configurationUpdatedAt: 2,
  };
}

describe('the lossless edit', () => {
  it('starts from every field read, and nothing of the alarm\'s state', () => {
    expect(draftFromAlarm(described(EVERY_FIELD))).toEqual(EVERY_FIELD);
    expect(draftFromAlarm(described(MATH_BAND))).toEqual(MATH_BAND);
  });

  it.each<[string, (draft: AlarmDraft) => AlarmDraft, Partial<MetricAlarmDefinition>]>([
    ['the threshold', (draft) => ({ ...draft, threshold: 950 }), { threshold: 950 }],
    ['M', (draft) => ({ ...draft, datapointsToAlarm: 4 }), { datapointsToAlarm: 4 }],
    ['the period', (draft) => setPeriod(draft, 300), { period: 300 }],
    ['the statistic, within extended statistics', (draft) => setStatistic(draft, 'p95'), { extendedStatistic: 'p95' }],
    ['the statistic, to a standard one', (draft) => setStatistic(draft, 'Maximum'), { statistic: 'Maximum', extendedStatistic: undefined }],
  ])('changes only %s: the put definition is the original with that change', (_name, edit, change) => {
    const put = edit(draftFromAlarm(described(EVERY_FIELD)));
    expect(put).toEqual({ ...EVERY_FIELD, ...change });
    expect(definitionDifferences(put, EVERY_FIELD).map((difference) => difference.field)).toEqual(Object.keys(change));
  });

  it('keeps a math alarm\'s account ids, labels and units through a period change', () => {
    const put = setPeriod(draftFromAlarm(described(MATH_BAND)), 600);
    expect(put.metrics?.[0]).toEqual({ ...MATH_BAND.metrics![0], metricStat: { ...MATH_BAND.metrics![0]!.metricStat!, period: 600 } });
    expect(put.metrics?.[1]).toEqual(MATH_BAND.metrics![1]);
    expect(draftPeriod(put)).toBe(600);
  });
});

describe('new alarms', () => {
  it('from a metric: its statistic in the right field, its period when an alarm may use it, else 5 minutes', () => {
    const metric = { namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: [{ name: 'InstanceId', value: 'i-0abc' }] };
    const draft = draftFromLink({ metric, stat: 'p90', period: 60 });
    expect(draft).toMatchObject({ namespace: 'AWS/EC2', metricName: 'CPUUtilization', extendedStatistic: 'p90', period: 60, evaluationPeriods: 1, name: 'i-0abc CPUUtilization' });
    expect(draft.statistic).toBeUndefined();
    expect(draftFromLink({ metric, period: 1 }).period).toBe(300);
    expect(hasInstanceDimension(draft)).toBe(true);
  });

  it('from a graph\'s math: its queries, exactly one returning data', () => {
    const draft = draftFromLink({
      metrics: [
        { id: 'm1', metricStat: { metric: { namespace: 'N', metricName: 'A', dimensions: [] }, period: 60, stat: 'Sum' }, returnData: false },
        { id: 'e1', expression: 'm1 * 2', label: 'double', returnData: true },
      ],
    });
    expect(draft.metrics?.map((query) => query.returnData)).toEqual([false, true]);
    expect(alarmConfigOf(draft)).toMatchObject({ period: 60, metricMath: true });
  });

  it('reads each metric of a math alarm with its own statistic, keeping the rest of its query', () => {
    const draft = draftFromLink({
      metrics: [
        { id: 'errors', metricStat: { metric: { namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: [] }, period: 60, stat: 'Sum', unit: 'Count' }, returnData: false },
        { id: 'calls', metricStat: { metric: { namespace: 'AWS/Lambda', metricName: 'Invocations', dimensions: [] }, period: 60, stat: 'Sum' }, returnData: false },
        { id: 'rate', expression: '100 * errors / calls', returnData: true },
      ],
    });
    expect(draftStatistic(draft)).toBeUndefined();
    expect(setStatistic(draft, 'Maximum')).toBe(draft);
    const changed = setQueryStatistic(draft, 'calls', 'SampleCount');
    expect(draftMetricQueries(changed).map((query) => [query.id, query.stat])).toEqual([
      ['errors', 'Sum'],
      ['calls', 'SampleCount'],
    ]);
    expect(changed.metrics?.[0]).toEqual(draft.metrics?.[0]);
    expect(changed.metrics?.[2]).toEqual(draft.metrics?.[2]);
    expect(draftProblems({ ...setQueryStatistic(changed, 'errors', 'p101'), name: 'error-rate', threshold: 5 }).map((problem) => problem.field)).toEqual(['statistic']);
  });

  it('leaves the threshold to set: the form says so', () => {
    const draft = draftFromLink({ metric: { namespace: 'N', metricName: 'A', dimensions: [] } });
    expect(draftProblems(draft)).toEqual([{ field: 'threshold', message: 'GreaterThanThreshold needs a numeric Threshold.' }]);
  });
});

describe('static threshold and anomaly band', () => {
  it('turns a single-metric alarm into a band alarm on its metric, and back without loss', () => {
    const band = toBand(EVERY_FIELD, 2);
    expect(band).toMatchObject({ thresholdMetricId: 'ad1', comparisonOperator: 'LessThanLowerOrGreaterThanUpperThreshold', namespace: undefined, period: undefined });
    expect(band.threshold).toBeUndefined();
    expect(band.metrics?.[0]?.metricStat).toEqual({ metric: { namespace: 'AWS/Lambda', metricName: 'Duration', dimensions: EVERY_FIELD.dimensions }, period: 60, stat: 'p99', unit: 'Milliseconds' });
    expect(bandOf(band)?.width).toBe(2);
    expect(draftStatistic(band)).toBe('p99');
    expect(draftProblems(band)).toEqual([]);
    const back = toStatic(band, 800);
    expect(back).toEqual({ ...EVERY_FIELD, comparisonOperator: 'GreaterThanThreshold', metrics: undefined, thresholdMetricId: undefined, statistic: undefined });
  });

  it('changes the band width in the expression only', () => {
    const wider = setBandWidth(MATH_BAND, 4);
    expect(wider.metrics?.[1]?.expression).toBe('ANOMALY_DETECTION_BAND(m1, 4)');
    expect(definitionDifferences(wider, MATH_BAND).map((difference) => difference.field)).toEqual(['metrics']);
  });
});

describe('bad input, beside its field', () => {
  const problems = (draft: AlarmDraft) => draftProblems(draft).map((problem) => [problem.field, problem.message]);

  it('M out of N with M > N', () => {
    expect(problems({ ...EVERY_FIELD, datapointsToAlarm: 6 })).toEqual([['datapointsToAlarm', 'DatapointsToAlarm (6) cannot be more than EvaluationPeriods (5).']]);
  });

  it('a threshold on a band alarm', () => {
    expect(problems({ ...MATH_BAND, threshold: 5 })).toEqual([['threshold', 'An alarm on an anomaly band takes no Threshold: the band is the threshold.']]);
  });

  it('a period CloudWatch does not take, and one too short for a band', () => {
    expect(problems({ ...EVERY_FIELD, period: 90 })).toEqual([['period', 'The period must be 10, 20, 30 or a multiple of 60 seconds (got 90).']]);
    expect(problems(setPeriod(MATH_BAND, 30))).toEqual([['period', 'An anomaly-band alarm needs a period of at least 60 seconds (got 30).']]);
  });

  it('too long an evaluation', () => {
    expect(problems({ ...EVERY_FIELD, evaluationPeriods: 1441, datapointsToAlarm: 1 })[0]?.[0]).toBe('evaluationPeriods');
  });

  it('too many actions for a state, and an action that is not an ARN', () => {
    const many = Array.from({ length: 6 }, (_, index) => `${TOPIC}${index}`);
    expect(problems({ ...EVERY_FIELD, okActions: many, insufficientDataActions: ['mailto:ops'] })).toEqual([
      ['okActions', 'OK actions: at most 5 actions per state.'],
      ['insufficientDataActions', 'Action 1 for INSUFFICIENT_DATA: must be an ARN (arn:aws:sns:…, arn:aws:automate:…:ec2:stop, …).'],
    ]);
  });

  it('an empty name, and a statistic CloudWatch does not know', () => {
    expect(problems({ ...EVERY_FIELD, name: '' })).toEqual([['name', 'The alarm needs a name.']]);
    expect(problems(setStatistic(EVERY_FIELD, 'p101'))[0]?.[0]).toBe('statistic');
  });

  it('a threshold that is not a number is one problem, not two', () => {
    expect(problems({ ...EVERY_FIELD, threshold: Number.NaN })).toEqual([['threshold', 'GreaterThanOrEqualToThreshold needs a numeric Threshold.']]);
  });

  it('a band width that is not positive', () => {
    expect(problems(setBandWidth(MATH_BAND, 0))).toEqual([['bandWidth', 'The band width is a number of standard deviations, more than 0 (2 is the default).']]);
  });
});

describe('conflicts', () => {
  it('lists the fields that differ, with both values in words', () => {
    const theirs = { ...EVERY_FIELD, threshold: 1200, alarmActions: [] };
    const mine = { ...EVERY_FIELD, threshold: 700 };
    expect(definitionDifferences(mine, theirs)).toEqual([
      { field: 'alarmActions', mine: JSON.stringify(EVERY_FIELD.alarmActions), theirs: '(none)' },
      { field: 'threshold', mine: '700', theirs: '1200' },
    ]);
  });
});

it('writes EC2 actions as automate ARNs of the region', () => {
  expect(ec2ActionArn('eu-south-2', 'recover')).toBe('arn:aws:automate:eu-south-2:ec2:recover');
});

describe('choosing the metric', () => {
  it('starts a blank alarm as one metric to name, and says so until it is named', () => {
    const blank = draftFromLink({ metrics: [] });
    expect(blank).toMatchObject({ namespace: '', metricName: '', statistic: 'Average', period: 300 });
    expect(draftProblems({ ...blank, name: 'cpu', threshold: 1 })).toEqual([{ field: 'metric', message: 'Name the metric to watch: its namespace and metric name (and its dimensions, if it has any).' }]);
    const named = setMetric({ ...blank, name: 'cpu', threshold: 1 }, { namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: [{ name: 'InstanceId', value: 'i-1' }] });
    expect(draftProblems(named)).toEqual([]);
    expect(hasInstanceDimension(named)).toBe(true);
  });

  it('reads dimensions as Name=Value pairs and says which piece does not read', () => {
    expect(parseDimensions(' InstanceId=i-0abc , Route=/a=b ')).toEqual({ dimensions: [{ name: 'InstanceId', value: 'i-0abc' }, { name: 'Route', value: '/a=b' }] });
    expect(parseDimensions('')).toEqual({ dimensions: [] });
    expect(parseDimensions('InstanceId=i-1, Route')).toEqual({ problem: 'Dimension 2 (Route) should read Name=Value, e.g. InstanceId=i-0abc.' });
    expect(parseDimensions('A=1, A=2')).toEqual({ problem: 'The dimension A is given twice; a metric has each dimension once.' });
    expect(formatDimensions([{ name: 'InstanceId', value: 'i-1' }, { name: 'Route', value: '/' }])).toBe('InstanceId=i-1, Route=/');
  });
});

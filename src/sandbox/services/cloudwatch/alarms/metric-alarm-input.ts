/**
 * Reads and checks a PutMetricAlarm request as CloudWatch does (botocore cloudwatch/2010-08-01
 * `PutMetricAlarmInput` and the API reference): a single-metric alarm (Namespace, MetricName, Dimensions,
 * Period, Statistic or ExtendedStatistic, Unit) or a metric-math alarm (Metrics, one item of which returns
 * data, plus the ANOMALY_DETECTION_BAND named by ThresholdMetricId for band alarms), never both; the
 * evaluation rules through the shared engine's `alarmConfigProblems`; actions, at most 5 per state.
 */
import { alarmConfigProblems, COMPARISON_OPERATORS, TREAT_MISSING_DATA, type AlarmConfig, type ComparisonOperator } from '../../../../shared/alarms';
import { parseMetricMath, queryIdError } from '../../../../shared/languages/metric-math';
import { isExtendedStatistic, parseStatistic, STANDARD_STATISTICS } from '../../../../shared/metric-statistics';
import { ServiceError } from '../../../core/errors';
import { CloudWatchInput, invalidCombination, invalidValue, missingParameter, readDimensions, readNamespace, readUnit } from '../common';
import { checkPeriod } from '../query-time';
import { checkActions } from './action-arns';
import type { AlarmActionsConfig, AlarmMetricQuery, MetricAlarmConfig } from './model';

/** TagList: at most 50 tags; keys 1–128 characters, values 0–256. */
export const MAX_TAGS = 50;

const SINGLE_METRIC_PARAMETERS = ['Namespace', 'MetricName', 'Dimensions', 'Period', 'Unit', 'Statistic', 'ExtendedStatistic'] as const;
const UNSUPPORTED = ['EvaluationCriteria', 'EvaluationWindow', 'EvaluationInterval'] as const;

export function validationError(message: string): ServiceError {
  return new ServiceError('ValidationError', message);
}

/** A value outside a model enum, in the words of AWS's request validation. */
export function enumError(value: string, member: string, allowed: readonly string[]): ServiceError {
  return validationError(`1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(', ')}]`);
}

function camel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

export function readDescription(input: CloudWatchInput): string | undefined {
  return input.string('AlarmDescription', { maxLength: 1024, minLength: 0 });
}

/** ActionsEnabled (default true) and the three action lists. */
export function readActions(input: CloudWatchInput, region: string): AlarmActionsConfig {
  const list = (name: 'OKActions' | 'AlarmActions' | 'InsufficientDataActions'): string[] => {
    const actions = input.strings(name) ?? [];
    checkActions(actions, name, region);
    return actions;
  };
  return { ActionsEnabled: input.boolean('ActionsEnabled') ?? true, OKActions: list('OKActions'), AlarmActions: list('AlarmActions'), InsufficientDataActions: list('InsufficientDataActions') };
}

/** Tags (`Tags.member.N.Key/Value`). */
export function readTags(input: CloudWatchInput, name = 'Tags'): Record<string, string> {
  const tags: Record<string, string> = {};
  const items = input.structures(name) ?? [];
  if (items.length > MAX_TAGS) throw validationError(`1 validation error detected: Value at '${camel(name)}' failed to satisfy constraint: Member must have length less than or equal to ${MAX_TAGS}`);
  for (const item of items) {
    const key = item.string('Key', { required: true, maxLength: 128 })!;
    tags[key] = item.string('Value', { required: true, maxLength: 256, minLength: 0 })!;
  }
  return tags;
}

export interface MetricAlarmRequest {
  readonly config: MetricAlarmConfig;
  readonly tags: Record<string, string>;
}

export function readMetricAlarm(body: unknown, region: string): MetricAlarmRequest {
  const input = CloudWatchInput.of(body);
  const name = input.string('AlarmName', { required: true, maxLength: 255 })!;
  for (const member of UNSUPPORTED) {
    if (input.has(member)) throw invalidValue(`The sandbox does not support ${member} (alarms on Metrics Insights and PromQL queries); use MetricName or Metrics.`);
  }
  const evaluationPeriods = input.integer('EvaluationPeriods', { required: true })!;
  const comparisonOperator = input.string('ComparisonOperator', { required: true })!;
  if (!COMPARISON_OPERATORS.includes(comparisonOperator as ComparisonOperator)) throw enumError(comparisonOperator, 'comparisonOperator', COMPARISON_OPERATORS);
  const treatMissingData = input.string('TreatMissingData', { maxLength: 255 });
  if (treatMissingData !== undefined && !TREAT_MISSING_DATA.includes(treatMissingData as never)) {
    throw validationError(`The value ${treatMissingData} is not valid for TreatMissingData. Valid values: ${TREAT_MISSING_DATA.join(', ')}.`);
  }
  const lowSample = input.string('EvaluateLowSampleCountPercentile', { maxLength: 255 });
  if (lowSample !== undefined && lowSample !== 'evaluate' && lowSample !== 'ignore') {
    throw validationError(`The value ${lowSample} is not valid for EvaluateLowSampleCountPercentile. Valid values: evaluate, ignore.`);
  }
  const common = {
    AlarmName: name,
    ...optional('AlarmDescription', readDescription(input)),
    ...readActions(input, region),
    EvaluationPeriods: evaluationPeriods,
    ...optional('DatapointsToAlarm', input.integer('DatapointsToAlarm')),
    ...optional('Threshold', input.number('Threshold')),
    ComparisonOperator: comparisonOperator,
    ...optional('TreatMissingData', treatMissingData),
    ...optional('EvaluateLowSampleCountPercentile', lowSample),
    ...optional('ThresholdMetricId', input.string('ThresholdMetricId', { maxLength: 255 })),
  };
  const config: MetricAlarmConfig = input.has('Metrics') ? { ...common, Dimensions: [], Metrics: readMetrics(input) } : { ...common, ...readSingleMetric(input) };
  if (config.Metrics !== undefined) checkMathAlarm(config);
  else if (config.ThresholdMetricId !== undefined) throw invalidCombination('ThresholdMetricId needs Metrics: the ANOMALY_DETECTION_BAND expression it names is one of them.');
  const problems = alarmConfigProblems(engineConfig(config));
  if (problems.length > 0) throw validationError(problems.join(' '));
  return { config, tags: readTags(input) };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function readSingleMetric(input: CloudWatchInput): Pick<MetricAlarmConfig, 'MetricName' | 'Namespace' | 'Statistic' | 'ExtendedStatistic' | 'Dimensions' | 'Period' | 'Unit'> {
  const metricName = input.string('MetricName', { maxLength: 255 });
  if (metricName === undefined) throw missingParameter('MetricName');
  const namespace = readNamespace(input, { required: true })!;
  const period = input.integer('Period', { required: true })!;
  checkPeriod(period, 'Period');
  const statistic = input.string('Statistic');
  const extended = input.string('ExtendedStatistic');
  if ((statistic === undefined) === (extended === undefined)) throw invalidCombination('Exactly one of the parameters Statistic and ExtendedStatistic must be specified.');
  if (statistic !== undefined && !(STANDARD_STATISTICS as readonly string[]).includes(statistic)) throw enumError(statistic, 'statistic', STANDARD_STATISTICS);
  if (extended !== undefined) {
    const parsed = parseStatistic(extended);
    if (!parsed.ok || !isExtendedStatistic(parsed.statistic)) {
      throw invalidValue(`The value ${extended} for parameter ExtendedStatistic is not a valid extended statistic. ${parsed.ok ? 'Use Statistic for SampleCount, Average, Sum, Minimum and Maximum.' : parsed.message}`);
    }
  }
  return {
    MetricName: metricName,
    Namespace: namespace,
    ...optional('Statistic', statistic),
    ...optional('ExtendedStatistic', extended),
    Dimensions: readDimensions(input),
    Period: period,
    ...optional('Unit', readUnit(input)),
  };
}

function readMetrics(input: CloudWatchInput): AlarmMetricQuery[] {
  const present = SINGLE_METRIC_PARAMETERS.filter((member) => input.has(member));
  if (present.length > 0) {
    throw invalidCombination(`If you use the Metrics parameter, you cannot include the Namespace, MetricName, Dimensions, Period, Unit, Statistic, or ExtendedStatistic parameters (got ${present.join(', ')}).`);
  }
  const items = input.structures('Metrics', { required: true })!;
  if (items.length === 0) throw missingParameter('Metrics');
  const ids = new Set<string>();
  return items.map((item) => {
    const id = item.string('Id', { required: true, maxLength: 255 })!;
    const idProblem = queryIdError(id);
    if (idProblem !== undefined) throw invalidValue(`The value ${id} for parameter ${item.pathOf('Id')} is invalid. ${idProblem}`);
    if (ids.has(id)) throw invalidValue(`The value ${id} for parameter ${item.pathOf('Id')} is not unique: each metric needs its own Id.`);
    ids.add(id);
    if (item.has('MetricStat') === item.has('Expression')) {
      throw invalidCombination(`Exactly one of the parameters ${item.pathOf('MetricStat')} and ${item.pathOf('Expression')} must be specified.`);
    }
    const period = item.integer('Period');
    if (period !== undefined) checkPeriod(period, item.pathOf('Period'));
    const expression = item.string('Expression', { maxLength: 2048 });
    if (expression !== undefined) {
      const parsed = parseMetricMath(expression);
      if (!parsed.ok) throw validationError(`Error in expression ${id}: ${parsed.error.message} (at character ${parsed.error.start + 1} of "${expression}")`);
    }
    const stat = item.structure('MetricStat');
    return {
      Id: id,
      ...optional('MetricStat', stat === undefined ? undefined : readMetricStat(stat)),
      ...optional('Expression', expression),
      ...optional('Label', item.string('Label')),
      ...optional('ReturnData', item.boolean('ReturnData')),
      ...optional('Period', period),
      ...optional('AccountId', item.string('AccountId', { maxLength: 255 })),
    };
  });
}

function readMetricStat(stat: CloudWatchInput): NonNullable<AlarmMetricQuery['MetricStat']> {
  const metric = stat.structure('Metric', { required: true })!;
  const namespace = readNamespace(metric, { required: true })!;
  const metricName = metric.string('MetricName', { required: true, maxLength: 255 })!;
  const period = stat.integer('Period', { required: true })!;
  checkPeriod(period, stat.pathOf('Period'));
  const text = stat.string('Stat', { required: true })!;
  const parsed = parseStatistic(text);
  if (!parsed.ok) throw invalidValue(`The value ${text} for parameter ${stat.pathOf('Stat')} is not a valid statistic. ${parsed.message}`);
  return { Metric: { Namespace: namespace, MetricName: metricName, Dimensions: readDimensions(metric) }, Period: period, Stat: text, ...optional('Unit', readUnit(stat)) };
}

/** The item a math alarm watches: the one that returns data, besides the band it may compare with. */
export function watchedQuery(config: MetricAlarmConfig): AlarmMetricQuery | undefined {
  return config.Metrics?.find((m) => m.ReturnData !== false && m.Id !== config.ThresholdMetricId);
}

function checkMathAlarm(config: MetricAlarmConfig): void {
  const metrics = config.Metrics!;
  const returning = metrics.filter((m) => m.ReturnData !== false && m.Id !== config.ThresholdMetricId);
  if (returning.length !== 1) throw validationError('Exactly one element of the metrics list should return data.');
  if (config.ThresholdMetricId !== undefined) {
    const band = metrics.find((m) => m.Id === config.ThresholdMetricId);
    if (band?.Expression === undefined || !/^\s*ANOMALY_DETECTION_BAND\s*\(/i.test(band.Expression)) {
      throw validationError(`ThresholdMetricId ${config.ThresholdMetricId} must be the Id of an ANOMALY_DETECTION_BAND expression in Metrics.`);
    }
  }
  const periods = new Set(metrics.map((m) => m.MetricStat?.Period).filter((p) => p !== undefined));
  if (periods.size > 1) throw validationError(`All metrics of an alarm must have the same period (got ${[...periods].join(', ')}).`);
}

/** The period an alarm evaluates at: its Period, or for a math alarm its watched expression's or its metrics'. */
export function alarmPeriod(config: MetricAlarmConfig): number {
  if (config.Period !== undefined) return config.Period;
  const watched = watchedQuery(config);
  return watched?.MetricStat?.Period ?? watched?.Period ?? config.Metrics?.find((m) => m.MetricStat !== undefined)?.MetricStat?.Period ?? 60;
}

/** The shared engine's view of the alarm. */
export function engineConfig(config: MetricAlarmConfig): AlarmConfig {
  return {
    period: alarmPeriod(config),
    evaluationPeriods: config.EvaluationPeriods,
    datapointsToAlarm: config.DatapointsToAlarm,
    threshold: config.Threshold,
    thresholdMetricId: config.ThresholdMetricId,
    comparisonOperator: config.ComparisonOperator as ComparisonOperator,
    treatMissingData: config.TreatMissingData as AlarmConfig['treatMissingData'],
    evaluateLowSampleCountPercentile: config.EvaluateLowSampleCountPercentile as AlarmConfig['evaluateLowSampleCountPercentile'],
    statistic: config.Statistic,
    extendedStatistic: config.ExtendedStatistic,
    unit: config.Unit,
    metricMath: config.Metrics !== undefined,
  };
}

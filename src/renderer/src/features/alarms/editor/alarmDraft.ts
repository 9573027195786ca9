/**
 * The alarm being edited, as the exact `MetricAlarmDefinition` that Save sends: PutMetricAlarm replaces the
 * whole alarm, so an edit starts from every field read (those the form never shows too — Unit, Metrics'
 * AccountId and Label, ExtendedStatistic…) and each change below touches only the fields it names.
 * Pure, so what is sent is decided and tested here.
 */
import { alarmConfigProblems, BAND_OPERATORS, isBandOperator, STATIC_THRESHOLD_OPERATORS, type AlarmConfig, type ComparisonOperator } from '../../../../../shared/alarms';
import { MetricAlarmDefinition, type AlarmMetricQuery, type MetricAlarm, type MetricDescriptor } from '../../../../../shared/contract';
import { STANDARD_STATISTICS } from '../../../../../shared/metric-statistics';
import type { NewAlarmLink } from '../../../app/links/alarms';

export type AlarmDraft = MetricAlarmDefinition;

/** The fields PutMetricAlarm takes, in the contract's order: what is kept from a read alarm. */
const DEFINITION_FIELDS = Object.keys(MetricAlarmDefinition.shape) as (keyof MetricAlarmDefinition)[];

/** An existing alarm's definition: every PutMetricAlarm field it has, nothing of its state. */
export function draftFromAlarm(alarm: MetricAlarm): AlarmDraft {
  const draft: Record<string, unknown> = {};
  for (const field of DEFINITION_FIELDS) if (alarm[field as keyof MetricAlarm] !== undefined) draft[field] = alarm[field as keyof MetricAlarm];
  return draft as AlarmDraft;
}

/** The console's default period for a new alarm: 5 minutes. */
export const DEFAULT_ALARM_PERIOD = 300;

/** A new alarm on a metric or a graph's math; the threshold is left for the person (or the chart) to set. */
export function draftFromLink(link: NewAlarmLink): AlarmDraft {
  const common = {
    actionsEnabled: true,
    okActions: [],
    alarmActions: [],
    insufficientDataActions: [],
    dimensions: [],
    evaluationPeriods: 1,
    comparisonOperator: 'GreaterThanThreshold' as const,
  };
  if ('metrics' in link && link.metrics.length === 0) {
    // A blank alarm: one metric, to be named in the form.
    return { ...common, name: '', namespace: '', metricName: '', statistic: 'Average', period: DEFAULT_ALARM_PERIOD };
  }
  if ('metrics' in link) {
    const compared = link.metrics.find((query) => query.returnData !== false) ?? link.metrics[0];
    return { ...common, name: compared?.label ?? '', metrics: link.metrics.map((query) => ({ ...query, returnData: query.id === compared?.id })) };
  }
  const stat = link.stat ?? 'Average';
  return {
    ...common,
    name: suggestedName(link.metric),
    namespace: link.metric.namespace,
    metricName: link.metric.metricName,
    dimensions: [...link.metric.dimensions],
    ...statisticFields(stat),
    period: link.period !== undefined && link.period >= 60 ? link.period : DEFAULT_ALARM_PERIOD,
  };
}

function suggestedName(metric: MetricDescriptor): string {
  return [...metric.dimensions.map((dimension) => dimension.value), metric.metricName].join(' ').slice(0, 255);
}

function isStandardStatistic(stat: string): stat is (typeof STANDARD_STATISTICS)[number] {
  return (STANDARD_STATISTICS as readonly string[]).includes(stat);
}

/** Statistic for the five, ExtendedStatistic for the rest: PutMetricAlarm takes exactly one of them. */
function statisticFields(stat: string): Pick<AlarmDraft, 'statistic' | 'extendedStatistic'> {
  return isStandardStatistic(stat) ? { statistic: stat, extendedStatistic: undefined } : { statistic: undefined, extendedStatistic: stat };
}

/** The query a metric-math alarm compares: the one that returns data and is not the band. */
export function comparedQuery(draft: AlarmDraft): AlarmMetricQuery | undefined {
  return draft.metrics?.find((query) => query.returnData === true && query.id !== draft.thresholdMetricId) ?? draft.metrics?.find((query) => query.id !== draft.thresholdMetricId);
}

/** The metric queries (not expressions) of a math alarm. */
function metricStatQueries(draft: AlarmDraft): AlarmMetricQuery[] {
  return (draft.metrics ?? []).filter((query) => query.metricStat !== undefined);
}

/** Whether the alarm watches one metric (named by Namespace, MetricName and Dimensions), not metric math. */
export function isSingleMetric(draft: AlarmDraft): boolean {
  return draft.metrics === undefined;
}

/** Points a single-metric alarm at another metric; its statistic, period and the rest stay. */
export function setMetric(draft: AlarmDraft, metric: MetricDescriptor): AlarmDraft {
  if (!isSingleMetric(draft)) return draft;
  return { ...draft, namespace: metric.namespace, metricName: metric.metricName, dimensions: metric.dimensions.map((dimension) => ({ ...dimension })) };
}

/** Dimensions as typed, `Name=Value, Name=Value`; the first piece that does not read is the problem. */
export function parseDimensions(text: string): { readonly dimensions: MetricDescriptor['dimensions'] } | { readonly problem: string } {
  const pieces = text
    .split(',')
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '');
  const dimensions: { name: string; value: string }[] = [];
  for (const [index, piece] of pieces.entries()) {
    const equals = piece.indexOf('=');
    const name = piece.slice(0, equals).trim();
    const value = piece.slice(equals + 1).trim();
    if (equals <= 0 || value === '') return { problem: `Dimension ${index + 1} (${piece}) should read Name=Value, e.g. InstanceId=i-0abc.` };
    if (dimensions.some((dimension) => dimension.name === name)) return { problem: `The dimension ${name} is given twice; a metric has each dimension once.` };
    dimensions.push({ name, value });
  }
  return { dimensions };
}

export function formatDimensions(dimensions: MetricDescriptor['dimensions']): string {
  return dimensions.map((dimension) => `${dimension.name}=${dimension.value}`).join(', ');
}

/** The statistic the picker shows: the alarm's, or its one metric's in a band or math alarm with a single metric. */
export function draftStatistic(draft: AlarmDraft): string | undefined {
  if (draft.metrics === undefined) return draft.statistic ?? draft.extendedStatistic;
  const metrics = metricStatQueries(draft);
  return metrics.length === 1 ? metrics[0]!.metricStat!.stat : undefined;
}

/** Whether the statistic can be changed here (single-metric alarms and math over one metric). */
export function canEditStatistic(draft: AlarmDraft): boolean {
  return draft.metrics === undefined || metricStatQueries(draft).length === 1;
}

export function setStatistic(draft: AlarmDraft, stat: string): AlarmDraft {
  if (draft.metrics === undefined) return { ...draft, ...statisticFields(stat) };
  const metrics = metricStatQueries(draft);
  return metrics.length === 1 ? setQueryStatistic(draft, metrics[0]!.id, stat) : draft;
}

/** A math alarm's metric, with the statistic it is read with (each has its own). */
export interface DraftMetricQuery {
  readonly id: string;
  readonly metric: MetricDescriptor;
  readonly stat: string;
}

export function draftMetricQueries(draft: AlarmDraft): DraftMetricQuery[] {
  return metricStatQueries(draft).map((query) => ({ id: query.id, metric: query.metricStat!.metric, stat: query.metricStat!.stat }));
}

/** One metric of a math alarm read with another statistic; the rest of the query (period, unit, account) kept. */
export function setQueryStatistic(draft: AlarmDraft, id: string, stat: string): AlarmDraft {
  return { ...draft, metrics: draft.metrics?.map((query) => (query.id === id && query.metricStat ? { ...query, metricStat: { ...query.metricStat, stat } } : query)) };
}

/**
 * The alarm's period in seconds: its Period, or for a math alarm the period of its metrics ("all metrics in
 * a math alarm must have the same period"), read from the compared query first.
 */
export function draftPeriod(draft: AlarmDraft): number | undefined {
  if (draft.metrics === undefined) return draft.period;
  const compared = comparedQuery(draft);
  return compared?.metricStat?.period ?? compared?.period ?? metricStatQueries(draft)[0]?.metricStat?.period;
}

export function setPeriod(draft: AlarmDraft, period: number): AlarmDraft {
  if (draft.metrics === undefined) return { ...draft, period };
  return {
    ...draft,
    metrics: draft.metrics.map((query) => {
      if (query.metricStat) return { ...query, metricStat: { ...query.metricStat, period } };
      return query.period === undefined ? query : { ...query, period };
    }),
  };
}

export function isBandDraft(draft: AlarmDraft): boolean {
  return draft.thresholdMetricId !== undefined || isBandOperator(draft.comparisonOperator);
}

const BAND_CALL = /^\s*ANOMALY_DETECTION_BAND\s*\(\s*([a-z][A-Za-z0-9_]*)\s*(?:,\s*([^)]*?)\s*)?\)\s*$/;
/** ANOMALY_DETECTION_BAND's default width, in standard deviations. */
export const DEFAULT_BAND_WIDTH = 2;

/** The band query of a band alarm, the id it watches and its width. */
export function bandOf(draft: AlarmDraft): { readonly query: AlarmMetricQuery; readonly watches: string; readonly width: number } | undefined {
  const query = draft.metrics?.find((item) => item.id === draft.thresholdMetricId);
  const match = query?.expression === undefined ? null : BAND_CALL.exec(query.expression);
  if (!query || !match) return undefined;
  return { query, watches: match[1]!, width: match[2] === undefined ? DEFAULT_BAND_WIDTH : Number(match[2]) };
}

function bandExpression(watches: string, width: number): string {
  return `ANOMALY_DETECTION_BAND(${watches}, ${width})`;
}

function unusedId(metrics: readonly AlarmMetricQuery[], prefix: string): string {
  const used = new Set(metrics.map((query) => query.id));
  for (let number = 1; ; number++) if (!used.has(`${prefix}${number}`)) return `${prefix}${number}`;
}

/**
 * Turns a static-threshold alarm into one on an anomaly band of `width` standard deviations. A band alarm is a
 * math alarm (PutMetricAlarm's Metrics with ThresholdMetricId): a single metric moves into a MetricStat query.
 */
export function toBand(draft: AlarmDraft, width = DEFAULT_BAND_WIDTH): AlarmDraft {
  if (isBandDraft(draft)) return draft;
  const comparisonOperator: ComparisonOperator = 'LessThanLowerOrGreaterThanUpperThreshold';
  if (draft.metrics !== undefined) {
    const watched = comparedQuery(draft);
    if (!watched) return draft;
    const id = unusedId(draft.metrics, 'ad');
    return {
      ...draft,
      threshold: undefined,
      comparisonOperator,
      thresholdMetricId: id,
      metrics: [...draft.metrics, { id, expression: bandExpression(watched.id, width), label: 'Expected band', returnData: true }],
    };
  }
  const stat = draft.statistic ?? draft.extendedStatistic ?? 'Average';
  return {
    ...draft,
    namespace: undefined,
    metricName: undefined,
    dimensions: [],
    statistic: undefined,
    extendedStatistic: undefined,
    period: undefined,
    unit: undefined,
    threshold: undefined,
    comparisonOperator,
    thresholdMetricId: 'ad1',
    metrics: [
      {
        id: 'm1',
        metricStat: {
          metric: { namespace: draft.namespace ?? '', metricName: draft.metricName ?? '', dimensions: [...draft.dimensions] },
          period: draft.period ?? DEFAULT_ALARM_PERIOD,
          stat,
          ...(draft.unit === undefined ? {} : { unit: draft.unit }),
        },
        returnData: true,
      },
      { id: 'ad1', expression: bandExpression('m1', width), label: 'Expected band', returnData: true },
    ],
  };
}

/** Back to a static threshold: the band query goes; a band over one metric becomes a single-metric alarm again. */
export function toStatic(draft: AlarmDraft, threshold: number | undefined): AlarmDraft {
  if (!isBandDraft(draft)) return draft;
  const rest = (draft.metrics ?? []).filter((query) => query.id !== draft.thresholdMetricId);
  const comparisonOperator: ComparisonOperator = draft.comparisonOperator === 'LessThanLowerThreshold' ? 'LessThanThreshold' : 'GreaterThanThreshold';
  const base = { ...draft, threshold, comparisonOperator, thresholdMetricId: undefined };
  const only = rest.length === 1 ? rest[0]!.metricStat : undefined;
  if (only === undefined) return { ...base, metrics: rest };
  return {
    ...base,
    metrics: undefined,
    namespace: only.metric.namespace,
    metricName: only.metric.metricName,
    dimensions: [...only.metric.dimensions],
    ...statisticFields(only.stat),
    period: only.period,
    unit: only.unit,
  };
}

export function setBandWidth(draft: AlarmDraft, width: number): AlarmDraft {
  const band = bandOf(draft);
  if (!band || draft.metrics === undefined) return draft;
  return { ...draft, metrics: draft.metrics.map((query) => (query === band.query ? { ...query, expression: bandExpression(band.watches, width) } : query)) };
}

/** The comparison operators that fit the alarm's kind. */
export function operatorsFor(draft: AlarmDraft): readonly ComparisonOperator[] {
  return isBandDraft(draft) ? BAND_OPERATORS : STATIC_THRESHOLD_OPERATORS;
}

/** The metrics the alarm reads, for EC2 actions (an InstanceId dimension) and the summary. */
export function draftMetrics(draft: AlarmDraft): MetricDescriptor[] {
  if (draft.metrics === undefined) {
    return !draft.namespace || !draft.metricName ? [] : [{ namespace: draft.namespace, metricName: draft.metricName, dimensions: draft.dimensions }];
  }
  return metricStatQueries(draft).map((query) => query.metricStat!.metric);
}

/** What the shared engine needs to evaluate the draft. */
export function alarmConfigOf(draft: AlarmDraft): AlarmConfig {
  return {
    period: draftPeriod(draft) ?? Number.NaN,
    evaluationPeriods: draft.evaluationPeriods,
    datapointsToAlarm: draft.datapointsToAlarm,
    threshold: draft.threshold,
    thresholdMetricId: draft.thresholdMetricId,
    comparisonOperator: draft.comparisonOperator,
    treatMissingData: draft.treatMissingData,
    evaluateLowSampleCountPercentile: draft.evaluateLowSampleCountPercentile,
    statistic: draft.statistic,
    extendedStatistic: draft.extendedStatistic,
    unit: draft.unit,
    metricMath: draft.metrics !== undefined,
  };
}

/** Whether the low-sample rule applies: a percentile statistic (pNN). */
export function isPercentileDraft(draft: AlarmDraft): boolean {
  return /^p\d/i.test(draftStatistic(draft) ?? '');
}

/** The form's fields, for showing each problem beside the one it is about. */
export type DraftField =
  | 'name'
  | 'description'
  | 'metric'
  | 'statistic'
  | 'period'
  | 'threshold'
  | 'comparisonOperator'
  | 'bandWidth'
  | 'evaluationPeriods'
  | 'datapointsToAlarm'
  | 'treatMissingData'
  | 'evaluateLowSampleCountPercentile'
  | 'okActions'
  | 'alarmActions'
  | 'insufficientDataActions';

export interface DraftProblem {
  readonly field: DraftField;
  readonly message: string;
}

/** alarmConfigProblems' sentences, by what they are about (the first match wins). */
const CONFIG_PROBLEM_FIELDS: readonly (readonly [RegExp, DraftField])[] = [
  [/^Period × EvaluationPeriods|^With a period under an hour/, 'evaluationPeriods'],
  [/^The period|^An anomaly-band alarm needs a period/, 'period'],
  [/^EvaluationPeriods/, 'evaluationPeriods'],
  [/^DatapointsToAlarm/, 'datapointsToAlarm'],
  [/ThresholdMetricId|^An alarm on an anomaly band takes no Threshold|needs a numeric Threshold/, 'threshold'],
  [/^Unknown comparison operator/, 'comparisonOperator'],
  [/^TreatMissingData/, 'treatMissingData'],
  [/Statistic|statistics/, 'statistic'],
];

/** The contract's fields, mapped to the form's. */
const SCHEMA_FIELDS: Partial<Record<string, DraftField>> = {
  name: 'name',
  description: 'description',
  okActions: 'okActions',
  alarmActions: 'alarmActions',
  insufficientDataActions: 'insufficientDataActions',
  statistic: 'statistic',
  extendedStatistic: 'statistic',
  period: 'period',
  evaluationPeriods: 'evaluationPeriods',
  datapointsToAlarm: 'datapointsToAlarm',
  threshold: 'threshold',
  comparisonOperator: 'comparisonOperator',
  treatMissingData: 'treatMissingData',
  evaluateLowSampleCountPercentile: 'evaluateLowSampleCountPercentile',
  thresholdMetricId: 'threshold',
};

const ACTION_STATES: Partial<Record<DraftField, string>> = { okActions: 'OK', alarmActions: 'ALARM', insufficientDataActions: 'INSUFFICIENT_DATA' };

/**
 * Everything CloudWatch would refuse, each beside its field: the shared engine's rules (AWS's refusals in
 * words) and the contract's schema (names, lengths, action ARNs, five actions per state, statistics).
 * Where both speak about a number field the engine's sentence is kept: it says what AWS says.
 */
export function draftProblems(draft: AlarmDraft): DraftProblem[] {
  const unnamed = isSingleMetric(draft) && (!draft.namespace || !draft.metricName);
  const problems: DraftProblem[] = unnamed ? [{ field: 'metric', message: 'Name the metric to watch: its namespace and metric name (and its dimensions, if it has any).' }] : [];
  problems.push(...alarmConfigProblems(alarmConfigOf(draft)).map((message) => ({
    field: CONFIG_PROBLEM_FIELDS.find(([pattern]) => pattern.test(message))?.[1] ?? 'metric',
    message,
  })));
  const spoken = new Set(problems.map((problem) => problem.field));
  const band = bandOf(draft);
  if (isBandDraft(draft) && band && !(band.width > 0 && Number.isFinite(band.width))) {
    problems.push({ field: 'bandWidth', message: 'The band width is a number of standard deviations, more than 0 (2 is the default).' });
  }
  const parsed = MetricAlarmDefinition.safeParse(draft);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [top, index] = issue.path;
      // A math alarm's metric read with a statistic CloudWatch does not know: metrics[i].metricStat.stat.
      const field = top === 'metrics' && issue.path.at(-1) === 'stat' ? 'statistic' : (SCHEMA_FIELDS[String(top)] ?? 'metric');
      if (unnamed && (top === 'namespace' || top === 'metricName')) continue;
      if (spoken.has(field) && ['period', 'evaluationPeriods', 'datapointsToAlarm', 'threshold'].includes(field)) continue;
      problems.push({ field, message: schemaMessage(field, index, issue.message) });
    }
  }
  return problems;
}

function schemaMessage(field: DraftField, index: PropertyKey | undefined, message: string): string {
  const state = ACTION_STATES[field];
  if (state !== undefined) return typeof index === 'number' ? `Action ${index + 1} for ${state}: ${message}.` : `${state} actions: ${message}.`;
  if (field === 'name') return message.includes('>=1') || message.includes('at least') ? 'The alarm needs a name.' : `The name ${message}.`;
  return message;
}

/** One field of a conflict: what you are about to send and what is on the server now. */
export interface FieldDifference {
  readonly field: keyof MetricAlarmDefinition;
  readonly mine: string;
  readonly theirs: string;
}

/** Every PutMetricAlarm field on which two definitions differ, in the contract's order. */
export function definitionDifferences(mine: AlarmDraft, theirs: AlarmDraft): FieldDifference[] {
  const differences: FieldDifference[] = [];
  for (const field of DEFINITION_FIELDS) {
    const a = describeValue(mine[field]);
    const b = describeValue(theirs[field]);
    if (a !== b) differences.push({ field, mine: a, theirs: b });
  }
  return differences;
}

function describeValue(value: unknown): string {
  if (value === undefined) return '(not set)';
  if (Array.isArray(value) && value.length === 0) return '(none)';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** The EC2 actions an alarm on an instance's metric can take (arn:aws:automate:<region>:ec2:<action>). */
export const EC2_ACTIONS = ['stop', 'terminate', 'reboot', 'recover'] as const;

export function ec2ActionArn(region: string, action: (typeof EC2_ACTIONS)[number]): string {
  return `arn:aws:automate:${region}:ec2:${action}`;
}

export function hasInstanceDimension(draft: AlarmDraft): boolean {
  return draftMetrics(draft).some((metric) => metric.dimensions.some((dimension) => dimension.name === 'InstanceId'));
}

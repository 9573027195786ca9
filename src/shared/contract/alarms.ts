/**
 * CloudWatch alarms: listing and reading metric and composite alarms, their history, and writing metric
 * alarms without losing anything; the SNS topics their actions notify. Times are epoch milliseconds,
 * periods seconds, as in the CloudWatch API.
 *
 * PutMetricAlarm replaces the whole alarm, so `MetricAlarmDefinition` holds every field it takes (the
 * camelCase of its input) and the app sends back the definition it read with only the edited fields
 * changed. Tags are not part of it: AWS ignores them when a put updates an alarm.
 */
import { z } from 'zod';
import { COMPARISON_OPERATORS, TREAT_MISSING_DATA, type AlarmState, type ComparisonOperator, type TreatMissingData } from '../alarms/types';
import { response, stream, unary } from '../rpc';
import { Dimension, MetricExpression, MetricName, MetricQueryId, Namespace, Period, STANDARD_UNITS, Statistic, type MetricDescriptor } from './metrics';
import { Timestamp } from './primitives';

export type { AlarmState } from '../alarms/types';

/** DescribeAlarms returns at most 100 alarms a page. */
export const DESCRIBE_ALARMS_PAGE_SIZE = 100;
/** At most five actions per state (PutMetricAlarm's OKActions, AlarmActions, InsufficientDataActions). */
export const ALARM_MAX_ACTIONS_PER_STATE = 5;
/** AlarmName and AlarmDescription lengths (PutMetricAlarm). */
export const ALARM_NAME_MAX = 255;
export const ALARM_DESCRIPTION_MAX = 1024;
/** PutMetricAlarm's Metrics: at most 10 queries. */
export const ALARM_MAX_METRIC_QUERIES = 10;
/** How far back CloudWatch keeps alarm history. */
export const ALARM_HISTORY_DAYS = 30;

export const AlarmName = z.string().min(1).max(ALARM_NAME_MAX);
export const AlarmActionArn = z.string().min(1).max(1024).regex(/^arn:/, 'must be an ARN (arn:aws:sns:…, arn:aws:automate:…:ec2:stop, …)');
const Actions = z.array(AlarmActionArn).max(ALARM_MAX_ACTIONS_PER_STATE, `at most ${ALARM_MAX_ACTIONS_PER_STATE} actions per state`);

/** One query of a metric-math alarm (PutMetricAlarm's `Metrics`, a MetricDataQuery). */
export const AlarmMetricQuery = z.object({
  id: MetricQueryId,
  metricStat: z
    .object({
      metric: z.object({ namespace: Namespace, metricName: MetricName, dimensions: z.array(Dimension).max(30).default([]) }),
      period: Period,
      stat: Statistic,
      unit: z.enum(STANDARD_UNITS).optional(),
    })
    .optional(),
  expression: MetricExpression.optional(),
  label: z.string().max(1024).optional(),
  /** Exactly one query of an alarm returns data: the one the alarm compares. */
  returnData: z.boolean().optional(),
  period: Period.optional(),
  /** A metric of another account (cross-account observability). */
  accountId: z.string().min(1).max(255).optional(),
});
export type AlarmMetricQuery = z.output<typeof AlarmMetricQuery>;

/** Every field PutMetricAlarm takes but Tags, in camelCase. */
export const MetricAlarmDefinition = z.object({
  name: AlarmName,
  description: z.string().max(ALARM_DESCRIPTION_MAX).optional(),
  /** Whether actions run on state changes (AWS's default: true). */
  actionsEnabled: z.boolean().default(true),
  okActions: Actions.default([]),
  alarmActions: Actions.default([]),
  insufficientDataActions: Actions.default([]),
  /** A single-metric alarm: namespace, metricName, dimensions, one of statistic/extendedStatistic, period, unit. */
  namespace: Namespace.optional(),
  metricName: MetricName.optional(),
  dimensions: z.array(Dimension).max(30).default([]),
  /** SampleCount, Average, Sum, Minimum or Maximum. */
  statistic: z.enum(['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum']).optional(),
  /** p99, tm90, IQM, … */
  extendedStatistic: Statistic.optional(),
  period: z.number().int().positive().optional(),
  unit: z.enum(STANDARD_UNITS).optional(),
  evaluationPeriods: z.number().int().min(1),
  datapointsToAlarm: z.number().int().min(1).optional(),
  /** Absent for anomaly-band alarms, which compare with `thresholdMetricId`. */
  threshold: z.number().finite().optional(),
  comparisonOperator: z.enum(COMPARISON_OPERATORS as [ComparisonOperator, ...ComparisonOperator[]]),
  treatMissingData: z.enum(TREAT_MISSING_DATA as [TreatMissingData, ...TreatMissingData[]]).optional(),
  evaluateLowSampleCountPercentile: z.enum(['evaluate', 'ignore']).optional(),
  /** A metric-math alarm's queries; exclusive with the single-metric fields. */
  metrics: z.array(AlarmMetricQuery).max(ALARM_MAX_METRIC_QUERIES).optional(),
  thresholdMetricId: MetricQueryId.optional(),
});
export type MetricAlarmDefinition = z.output<typeof MetricAlarmDefinition>;

/** What every alarm has, metric or composite. */
interface AlarmCommon {
  readonly name: string;
  readonly arn: string;
  readonly description?: string;
  readonly actionsEnabled: boolean;
  readonly okActions: readonly string[];
  readonly alarmActions: readonly string[];
  readonly insufficientDataActions: readonly string[];
  readonly state: AlarmState;
  /** StateReason, in AWS's words. */
  readonly stateReason: string;
  /** StateReasonData: AWS's JSON beside the reason (the datapoints it evaluated). */
  readonly stateReasonData?: string;
  /** StateUpdatedTimestamp: the last state change or re-evaluation that changed the reason. */
  readonly stateUpdatedAt: number;
  /** StateTransitionedTimestamp: when the state last changed. */
  readonly stateTransitionedAt?: number;
  /** AlarmConfigurationUpdatedTimestamp: the app's token for "changed since you opened it". */
  readonly configurationUpdatedAt: number;
}

export interface MetricAlarm extends AlarmCommon, Readonly<Omit<MetricAlarmDefinition, 'name' | 'description' | 'actionsEnabled' | 'okActions' | 'alarmActions' | 'insufficientDataActions'>> {
  readonly kind: 'metric';
  /** EvaluationState: PARTIAL_DATA when CloudWatch could not read all the data it needed. */
  readonly evaluationState?: string;
}

export interface CompositeAlarm extends AlarmCommon {
  readonly kind: 'composite';
  /** The rule over other alarms' states, e.g. `ALARM("api-5xx") AND ALARM("api-latency")`. */
  readonly alarmRule: string;
  readonly actionsSuppressor?: string;
  readonly actionsSuppressorWaitPeriod?: number;
  readonly actionsSuppressorExtensionPeriod?: number;
  /** WaitPeriod, ExtensionPeriod or Alarm, while actions are suppressed. */
  readonly actionsSuppressedBy?: string;
  readonly actionsSuppressedReason?: string;
}

export type Alarm = MetricAlarm | CompositeAlarm;

/** One page of `alarms.list`, with totals so far (for progress). */
export interface AlarmPage {
  readonly alarms: readonly Alarm[];
  readonly pages: number;
  /** Calls AWS throttled so far; they were retried, none skipped. */
  readonly throttled: number;
}

/** What `alarms.changes` found: the alarms changed since the time asked about, as they are now. */
export interface AlarmChanges {
  /** Alarms whose state or configuration changed (or that were created), as DescribeAlarms has them now. */
  readonly alarms: readonly Alarm[];
  /** Alarms the history names that no longer exist. */
  readonly removed: readonly string[];
  /** More changed than are worth fetching one by one: list everything again instead. */
  readonly tooMany: boolean;
  /** Where the next check starts (`since`), epoch ms. */
  readonly until: number;
}

/** At most this many history items are read for one `alarms.changes` (10 pages of DescribeAlarmHistory). */
export const ALARM_CHANGES_MAX_ITEMS = 1_000;

export type AlarmHistoryItemType = 'ConfigurationUpdate' | 'StateUpdate' | 'Action';

/** One item of DescribeAlarmHistory. */
export interface AlarmHistoryItem {
  readonly alarmName: string;
  readonly alarmType: 'MetricAlarm' | 'CompositeAlarm';
  readonly timestamp: number;
  readonly type: AlarmHistoryItemType;
  readonly summary: string;
  /** HistoryData: AWS's JSON (for StateUpdate, the old and new state with their reasons). */
  readonly data: string;
}

export interface SnsTopic {
  readonly arn: string;
  /** The last part of the ARN. */
  readonly name: string;
}

export const alarmsContract = {
  /**
   * Every alarm that fits the filters (DescribeAlarms, 100 a page, metric and composite), a page at a
   * time until all are loaded or the caller stops; throttled calls are retried, none skipped.
   */
  list: stream(
    z.object({
      namePrefix: AlarmName.optional(),
      state: z.enum(['OK', 'ALARM', 'INSUFFICIENT_DATA']).optional(),
      /** Only alarms with an action whose ARN starts with this (ActionPrefix). */
      actionPrefix: z.string().min(1).max(1024).optional(),
    }),
    response<AlarmPage>(),
  ),
  /**
   * The alarms that changed since `since` (DescribeAlarmHistory of every alarm, then DescribeAlarms of the
   * names it mentions): a loaded list kept current for a few calls a minute, however many alarms there are.
   */
  changes: unary(z.object({ since: Timestamp }), response<AlarmChanges>()),
  /** One alarm as it is now, with its tags; a NotFound error when it was deleted. */
  get: unary(z.object({ name: AlarmName }), response<{ readonly alarm: Alarm; readonly tags: readonly { readonly key: string; readonly value: string }[] }>()),
  /** The alarms on one metric (DescribeAlarmsForMetric). */
  forMetric: unary(
    z.object({ namespace: Namespace, metricName: MetricName, dimensions: z.array(Dimension).max(30).default([]) }),
    response<{ readonly alarms: readonly MetricAlarm[] }>(),
  ),
  /** An alarm's history, newest first, every page read (CloudWatch keeps 30 days). */
  history: unary(
    z.object({
      name: AlarmName,
      type: z.enum(['ConfigurationUpdate', 'StateUpdate', 'Action']).optional(),
      startTime: Timestamp.optional(),
      endTime: Timestamp.optional(),
    }),
    response<{ readonly items: readonly AlarmHistoryItem[] }>(),
  ),
  /**
   * Creates or replaces a metric alarm with exactly this definition. With `expectedConfigurationUpdatedAt`
   * (an edit) the alarm is read first and a Conflict error is raised, nothing written, when it changed on
   * the server since (or was deleted); without it (a new alarm) an AlreadyExists error when the name is taken.
   */
  put: unary(
    z.object({
      alarm: MetricAlarmDefinition,
      expectedConfigurationUpdatedAt: Timestamp.optional(),
      /** Tags for a new alarm (AWS ignores them on an update). */
      tags: z.array(z.object({ key: z.string().min(1).max(128), value: z.string().max(256) })).max(50).optional(),
    }),
    response<{ readonly alarm: MetricAlarm }>(),
  ),
  delete: unary(z.object({ names: z.array(AlarmName).min(1).max(100) }), response<void>()),
  /** Mutes (false) or unmutes (true) alarms' actions (Disable/EnableAlarmActions). */
  setActionsEnabled: unary(z.object({ names: z.array(AlarmName).min(1).max(100), enabled: z.boolean() }), response<void>()),
  /** SetAlarmState, for testing: actions fire as for a real change; the next evaluation may change it back. */
  setState: unary(
    z.object({ name: AlarmName, state: z.enum(['OK', 'ALARM', 'INSUFFICIENT_DATA']), reason: z.string().min(1).max(1023) }),
    response<void>(),
  ),
  /** The account's SNS topics in the region, for alarm actions. */
  topics: unary(z.object({}), response<{ readonly topics: readonly SnsTopic[] }>()),
  /** Creates an SNS topic (idempotent for the same name, as CreateTopic is). */
  createTopic: unary(z.object({ name: z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, "may contain only letters, digits, '-' and '_' (1–256)") }), response<SnsTopic>()),
} as const;

/** The metric an alarm watches, for a single-metric alarm. */
export function alarmMetric(alarm: MetricAlarm): MetricDescriptor | undefined {
  if (alarm.namespace === undefined || alarm.metricName === undefined) return undefined;
  return { namespace: alarm.namespace, metricName: alarm.metricName, dimensions: alarm.dimensions };
}

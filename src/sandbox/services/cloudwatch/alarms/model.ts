/**
 * An alarm as the sandbox keeps it: the fields PutMetricAlarm / PutCompositeAlarm were given (named as in
 * the API, so DescribeAlarms returns exactly what was put) and the state the evaluator keeps.
 */
import type { AlarmState } from '../../../../shared/alarms';
import type { Dimension } from '../series';

/** One item of an alarm's `Metrics` (a MetricDataQuery), as it was put. */
export interface AlarmMetricQuery {
  readonly Id: string;
  readonly MetricStat?: {
    readonly Metric: { readonly Namespace: string; readonly MetricName: string; readonly Dimensions?: readonly Dimension[] };
    readonly Period: number;
    readonly Stat: string;
    readonly Unit?: string;
  };
  readonly Expression?: string;
  readonly Label?: string;
  readonly ReturnData?: boolean;
  readonly Period?: number;
  readonly AccountId?: string;
}

export interface AlarmActionsConfig {
  readonly ActionsEnabled: boolean;
  readonly OKActions: readonly string[];
  readonly AlarmActions: readonly string[];
  readonly InsufficientDataActions: readonly string[];
}

/** What PutMetricAlarm defines; a second put replaces all of it. */
export interface MetricAlarmConfig extends AlarmActionsConfig {
  readonly AlarmName: string;
  readonly AlarmDescription?: string;
  readonly MetricName?: string;
  readonly Namespace?: string;
  readonly Statistic?: string;
  readonly ExtendedStatistic?: string;
  readonly Dimensions: readonly Dimension[];
  readonly Period?: number;
  readonly Unit?: string;
  readonly EvaluationPeriods: number;
  readonly DatapointsToAlarm?: number;
  readonly Threshold?: number;
  readonly ComparisonOperator: string;
  readonly TreatMissingData?: string;
  readonly EvaluateLowSampleCountPercentile?: string;
  readonly Metrics?: readonly AlarmMetricQuery[];
  readonly ThresholdMetricId?: string;
}

/** A metric alarm's configuration that may leave out its actions, as PutMetricAlarm's input may. */
export type MetricAlarmSpec = Omit<MetricAlarmConfig, keyof AlarmActionsConfig> & Partial<AlarmActionsConfig>;

/** The configuration with AWS's defaults for the actions a spec leaves out: actions enabled, none set. */
export function withDefaultActions(spec: MetricAlarmSpec): MetricAlarmConfig {
  return { ActionsEnabled: true, OKActions: [], AlarmActions: [], InsufficientDataActions: [], ...spec };
}

/** What PutCompositeAlarm defines. */
export interface CompositeAlarmConfig extends AlarmActionsConfig {
  readonly AlarmName: string;
  readonly AlarmDescription?: string;
  readonly AlarmRule: string;
  readonly ActionsSuppressor?: string;
  readonly ActionsSuppressorWaitPeriod?: number;
  readonly ActionsSuppressorExtensionPeriod?: number;
}

export interface AlarmStateRecord {
  value: AlarmState;
  reason: string;
  /** StateReasonData JSON; absent for the initial state and for SetAlarmState without data. */
  reasonData?: string;
  /** Epoch ms: the last change of state or of its reason. */
  updatedAt: number;
  /** Epoch ms: the last change of state value. */
  transitionedAt: number;
}

interface StoredAlarmBase {
  readonly arn: string;
  /** Epoch ms. */
  readonly configurationUpdatedAt: number;
  state: AlarmStateRecord;
}

export interface StoredMetricAlarm extends StoredAlarmBase {
  readonly type: 'MetricAlarm';
  config: MetricAlarmConfig;
}

export interface StoredCompositeAlarm extends StoredAlarmBase {
  readonly type: 'CompositeAlarm';
  config: CompositeAlarmConfig;
  /** Why actions are suppressed now, if they are (ActionsSuppressedBy / ActionsSuppressedReason). */
  suppressedBy?: 'WaitPeriod' | 'ExtensionPeriod' | 'Alarm';
  suppressedReason?: string;
  /** The actions of the last transition while its ActionsSuppressor holds them back. */
  pendingActions?: PendingActions;
}

export interface PendingActions {
  readonly from: AlarmStateRecord;
  readonly to: AlarmStateRecord;
  /** When the transition happened, epoch ms. */
  readonly since: number;
  /** Whether the suppressor has been in ALARM since: then the extension period, not the wait period, applies. */
  sawSuppressorInAlarm: boolean;
}

export type StoredAlarm = StoredMetricAlarm | StoredCompositeAlarm;

export type AlarmType = StoredAlarm['type'];

export const ALARM_TYPES: readonly AlarmType[] = ['CompositeAlarm', 'MetricAlarm'];

export type HistoryItemType = 'ConfigurationUpdate' | 'StateUpdate' | 'Action';

export const HISTORY_ITEM_TYPES: readonly HistoryItemType[] = ['ConfigurationUpdate', 'StateUpdate', 'Action'];

/** One AlarmHistoryItem, as DescribeAlarmHistory returns it. */
export interface HistoryItem {
  readonly AlarmName: string;
  readonly AlarmType: AlarmType;
  /** Epoch ms. */
  readonly timestamp: number;
  readonly HistoryItemType: HistoryItemType;
  readonly HistorySummary: string;
  readonly HistoryData: string;
}

export function alarmArn(region: string, accountId: string, name: string): string {
  return `arn:aws:cloudwatch:${region}:${accountId}:alarm:${name}`;
}

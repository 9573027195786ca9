/**
 * CloudWatch's alarm shapes ↔ the contract's. `toDefinition` and `toPutMetricAlarmInput` are exact
 * inverses over every field PutMetricAlarm takes, which is what makes an edit lossless: the app sends
 * back what it read with only the edited fields changed.
 */
import type {
  AlarmHistoryItem as SdkHistoryItem,
  CompositeAlarm as SdkCompositeAlarm,
  MetricAlarm as SdkMetricAlarm,
  MetricDataQuery,
  PutMetricAlarmInput,
} from '@aws-sdk/client-cloudwatch';
import type { AlarmState, ComparisonOperator, TreatMissingData } from '../../../shared/alarms';
import type { AlarmHistoryItem, AlarmMetricQuery, CompositeAlarm, MetricAlarm, MetricAlarmDefinition } from '../../../shared/contract';

export function toMetricAlarm(alarm: SdkMetricAlarm): MetricAlarm {
  return {
    kind: 'metric',
    ...toDefinition(alarm),
    ...stateOf(alarm),
    evaluationState: alarm.EvaluationState,
  };
}

export function toCompositeAlarm(alarm: SdkCompositeAlarm): CompositeAlarm {
  return {
    kind: 'composite',
    ...nameAndActionsOf(alarm),
    alarmRule: alarm.AlarmRule ?? '',
    ...stateOf(alarm),
    actionsSuppressor: alarm.ActionsSuppressor,
    actionsSuppressorWaitPeriod: alarm.ActionsSuppressorWaitPeriod,
    actionsSuppressorExtensionPeriod: alarm.ActionsSuppressorExtensionPeriod,
    actionsSuppressedBy: alarm.ActionsSuppressedBy,
    actionsSuppressedReason: alarm.ActionsSuppressedReason,
  };
}

/** The name, description and actions every alarm has, metric or composite. */
function nameAndActionsOf(alarm: SdkMetricAlarm | SdkCompositeAlarm) {
  return {
    name: alarm.AlarmName ?? '',
    description: alarm.AlarmDescription,
    actionsEnabled: alarm.ActionsEnabled ?? true,
    okActions: alarm.OKActions ?? [],
    alarmActions: alarm.AlarmActions ?? [],
    insufficientDataActions: alarm.InsufficientDataActions ?? [],
  };
}

/** The ARN, state and timestamps every alarm has, metric or composite. */
function stateOf(alarm: SdkMetricAlarm | SdkCompositeAlarm) {
  return {
    arn: alarm.AlarmArn ?? '',
    state: (alarm.StateValue ?? 'INSUFFICIENT_DATA') as AlarmState,
    stateReason: alarm.StateReason ?? '',
    stateReasonData: alarm.StateReasonData,
    stateUpdatedAt: alarm.StateUpdatedTimestamp?.getTime() ?? 0,
    stateTransitionedAt: alarm.StateTransitionedTimestamp?.getTime(),
    configurationUpdatedAt: alarm.AlarmConfigurationUpdatedTimestamp?.getTime() ?? 0,
  };
}

/** Every PutMetricAlarm field of a described alarm; a field AWS did not return stays absent. */
export function toDefinition(alarm: SdkMetricAlarm): MetricAlarmDefinition {
  return {
    ...nameAndActionsOf(alarm),
    namespace: alarm.Namespace,
    metricName: alarm.MetricName,
    dimensions: (alarm.Dimensions ?? []).map((dimension) => ({ name: dimension.Name ?? '', value: dimension.Value ?? '' })),
    statistic: alarm.Statistic,
    extendedStatistic: alarm.ExtendedStatistic,
    period: alarm.Period,
    unit: alarm.Unit,
    evaluationPeriods: alarm.EvaluationPeriods ?? 1,
    datapointsToAlarm: alarm.DatapointsToAlarm,
    threshold: alarm.Threshold,
    comparisonOperator: (alarm.ComparisonOperator ?? 'GreaterThanThreshold') as ComparisonOperator,
    treatMissingData: alarm.TreatMissingData as TreatMissingData | undefined,
    evaluateLowSampleCountPercentile: alarm.EvaluateLowSampleCountPercentile as 'evaluate' | 'ignore' | undefined,
    metrics: alarm.Metrics?.map(toAlarmMetricQuery),
    thresholdMetricId: alarm.ThresholdMetricId,
  };
}

export function toPutMetricAlarmInput(definition: MetricAlarmDefinition, tags?: readonly { key: string; value: string }[]): PutMetricAlarmInput {
  return {
    AlarmName: definition.name,
    AlarmDescription: definition.description,
    ActionsEnabled: definition.actionsEnabled,
    OKActions: [...definition.okActions],
    AlarmActions: [...definition.alarmActions],
    InsufficientDataActions: [...definition.insufficientDataActions],
    Namespace: definition.namespace,
    MetricName: definition.metricName,
    Dimensions: definition.namespace === undefined ? undefined : definition.dimensions.map((dimension) => ({ Name: dimension.name, Value: dimension.value })),
    Statistic: definition.statistic,
    ExtendedStatistic: definition.extendedStatistic,
    Period: definition.period,
    Unit: definition.unit,
    EvaluationPeriods: definition.evaluationPeriods,
    DatapointsToAlarm: definition.datapointsToAlarm,
    Threshold: definition.threshold,
    ComparisonOperator: definition.comparisonOperator,
    TreatMissingData: definition.treatMissingData,
    EvaluateLowSampleCountPercentile: definition.evaluateLowSampleCountPercentile,
    Metrics: definition.metrics?.map(toMetricDataQuery),
    ThresholdMetricId: definition.thresholdMetricId,
    Tags: tags?.map((tag) => ({ Key: tag.key, Value: tag.value })),
  };
}

export function toHistoryItem(item: SdkHistoryItem): AlarmHistoryItem {
  return {
    alarmName: item.AlarmName ?? '',
    alarmType: item.AlarmType === 'CompositeAlarm' ? 'CompositeAlarm' : 'MetricAlarm',
    timestamp: item.Timestamp?.getTime() ?? 0,
    type: (item.HistoryItemType ?? 'StateUpdate') as AlarmHistoryItem['type'],
    summary: item.HistorySummary ?? '',
    data: item.HistoryData ?? '',
  };
}

function toAlarmMetricQuery(query: MetricDataQuery): AlarmMetricQuery {
  const stat = query.MetricStat;
  return {
    id: query.Id ?? '',
    metricStat: stat && {
      metric: {
        namespace: stat.Metric?.Namespace ?? '',
        metricName: stat.Metric?.MetricName ?? '',
        dimensions: (stat.Metric?.Dimensions ?? []).map((dimension) => ({ name: dimension.Name ?? '', value: dimension.Value ?? '' })),
      },
      period: stat.Period ?? 60,
      stat: stat.Stat ?? 'Average',
      unit: stat.Unit,
    },
    expression: query.Expression,
    label: query.Label,
    returnData: query.ReturnData,
    period: query.Period,
    accountId: query.AccountId,
  };
}

function toMetricDataQuery(query: AlarmMetricQuery): MetricDataQuery {
  const stat = query.metricStat;
  return {
    Id: query.id,
    MetricStat: stat && {
      Metric: {
        Namespace: stat.metric.namespace,
        MetricName: stat.metric.metricName,
        Dimensions: stat.metric.dimensions.map((dimension) => ({ Name: dimension.name, Value: dimension.value })),
      },
      Period: stat.period,
      Stat: stat.stat,
      Unit: stat.unit,
    },
    Expression: query.expression,
    Label: query.label,
    ReturnData: query.returnData,
    Period: query.period,
    AccountId: query.accountId,
  };
}

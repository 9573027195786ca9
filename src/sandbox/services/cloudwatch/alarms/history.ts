/**
 * Alarm history items as CloudWatch writes them (DescribeAlarmHistory's AlarmHistoryItem): a StateUpdate
 * with HistorySummary "Alarm updated from OK to ALARM" and HistoryData `{"version":"1.0","oldState":{…},
 * "newState":{"stateValue","stateReason","stateReasonData":{…}}}` (the AWS CLI's describe-alarm-history
 * example); a ConfigurationUpdate `Alarm "name" created|updated|deleted` with `{"version":"1.0","type":
 * "Create","createdAlarm":{…}}`, `{"type":"Update","originalUpdatedAlarm":{…},"updatedAlarm":{…}}` or
 * `{"type":"Delete","deletedAlarm":{…}}`; an Action "Successfully executed action <arn>" / "Failed to execute
 * action <arn>" with `{"actionState":"Succeeded"|"Failed","stateUpdateTimestamp":<ms>,"notificationResource":
 * <arn>,"publishedMessage":…}`. Numbers are written as CloudWatch's Java service writes them (`70.0`).
 */
import { jsonInteger as integer, JsonInteger as Integer, RawJson, stringifyAlarmJson, type AlarmJson } from './alarm-json';
import type { AlarmStateRecord, HistoryItem, StoredAlarm } from './model';

/** The alarm's configuration as history items show it: its fields in camelCase. */
export function alarmDocument(alarm: StoredAlarm): AlarmJson {
  const base = {
    alarmName: alarm.config.AlarmName,
    alarmArn: alarm.arn,
    alarmDescription: alarm.config.AlarmDescription,
    actionsEnabled: alarm.config.ActionsEnabled,
    okActions: alarm.config.OKActions,
    alarmActions: alarm.config.AlarmActions,
    insufficientDataActions: alarm.config.InsufficientDataActions,
  };
  if (alarm.type === 'CompositeAlarm') {
    const c = alarm.config;
    return {
      ...base,
      alarmRule: c.AlarmRule,
      actionsSuppressor: c.ActionsSuppressor,
      actionsSuppressorWaitPeriod: integer(c.ActionsSuppressorWaitPeriod),
      actionsSuppressorExtensionPeriod: integer(c.ActionsSuppressorExtensionPeriod),
    };
  }
  const c = alarm.config;
  return {
    ...base,
    metricName: c.MetricName,
    namespace: c.Namespace,
    statistic: c.Statistic,
    extendedStatistic: c.ExtendedStatistic,
    dimensions: c.Dimensions.map((d) => ({ name: d.Name, value: d.Value })),
    period: integer(c.Period),
    unit: c.Unit,
    evaluationPeriods: integer(c.EvaluationPeriods),
    datapointsToAlarm: integer(c.DatapointsToAlarm),
    threshold: c.Threshold,
    comparisonOperator: c.ComparisonOperator,
    treatMissingData: c.TreatMissingData,
    evaluateLowSampleCountPercentile: c.EvaluateLowSampleCountPercentile,
    metrics: c.Metrics?.map((m) => ({
      id: m.Id,
      metricStat:
        m.MetricStat === undefined
          ? undefined
          : {
              metric: {
                namespace: m.MetricStat.Metric.Namespace,
                metricName: m.MetricStat.Metric.MetricName,
                dimensions: m.MetricStat.Metric.Dimensions.map((d) => ({ name: d.Name, value: d.Value })),
              },
              period: new Integer(m.MetricStat.Period),
              stat: m.MetricStat.Stat,
              unit: m.MetricStat.Unit,
            },
      expression: m.Expression,
      label: m.Label,
      returnData: m.ReturnData,
      period: integer(m.Period),
      accountId: m.AccountId,
    })),
    thresholdMetricId: c.ThresholdMetricId,
  };
}

export function configurationItem(kind: 'Create' | 'Update' | 'Delete', alarm: StoredAlarm, timestamp: number, original?: StoredAlarm): HistoryItem {
  const name = alarm.config.AlarmName;
  const data =
    kind === 'Create'
      ? { version: '1.0', type: kind, createdAlarm: alarmDocument(alarm) }
      : kind === 'Delete'
        ? { version: '1.0', type: kind, deletedAlarm: alarmDocument(alarm) }
        : { version: '1.0', type: kind, originalUpdatedAlarm: alarmDocument(original ?? alarm), updatedAlarm: alarmDocument(alarm) };
  const verb = kind === 'Create' ? 'created' : kind === 'Delete' ? 'deleted' : 'updated';
  return {
    AlarmName: name,
    AlarmType: alarm.type,
    timestamp,
    HistoryItemType: 'ConfigurationUpdate',
    HistorySummary: `Alarm "${name}" ${verb}`,
    HistoryData: stringifyAlarmJson(data),
  };
}

function stateDocument(state: AlarmStateRecord): AlarmJson {
  return {
    stateValue: state.value,
    stateReason: state.reason,
    stateReasonData: state.reasonData === undefined ? undefined : new RawJson(state.reasonData),
  };
}

export function stateUpdateItem(alarm: StoredAlarm, from: AlarmStateRecord, to: AlarmStateRecord): HistoryItem {
  return {
    AlarmName: alarm.config.AlarmName,
    AlarmType: alarm.type,
    timestamp: to.updatedAt,
    HistoryItemType: 'StateUpdate',
    HistorySummary: `Alarm updated from ${from.value} to ${to.value}`,
    HistoryData: stringifyAlarmJson({ version: '1.0', oldState: stateDocument(from), newState: stateDocument(to) }),
  };
}

export interface ActionOutcome {
  readonly action: string;
  readonly succeeded: boolean;
  /** What was published, for SNS actions. */
  readonly publishedMessage?: string;
  /** Why it failed. */
  readonly error?: string;
}

export function actionItem(alarm: StoredAlarm, timestamp: number, stateUpdatedAt: number, outcome: ActionOutcome): HistoryItem {
  return {
    AlarmName: alarm.config.AlarmName,
    AlarmType: alarm.type,
    timestamp,
    HistoryItemType: 'Action',
    HistorySummary: `${outcome.succeeded ? 'Successfully executed' : 'Failed to execute'} action ${outcome.action}`,
    HistoryData: stringifyAlarmJson({
      actionState: outcome.succeeded ? 'Succeeded' : 'Failed',
      stateUpdateTimestamp: new Integer(stateUpdatedAt),
      notificationResource: outcome.action,
      publishedMessage: outcome.publishedMessage,
      error: outcome.error,
    }),
  };
}

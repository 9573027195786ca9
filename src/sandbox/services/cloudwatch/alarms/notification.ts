/**
 * The message CloudWatch publishes to an alarm's SNS topic when the alarm changes state, with Subject
 * `ALARM: "name" in US East (N. Virginia)`. The format as AWS sends it (a notification of 2025):
 * `{"AlarmName","AlarmDescription":null,"AWSAccountId","AlarmConfigurationUpdatedTimestamp":
 * "2025-05-13T09:50:08.366+0000","NewStateValue","NewStateReason","StateChangeTime","Region":"US East (Ohio)",
 * "AlarmArn","OldStateValue","OKActions":[],"AlarmActions":[…],"InsufficientDataActions":[],"Trigger":
 * {"MetricName","Namespace","StatisticType":"Statistic","Statistic":"MAXIMUM","Unit":null,"Dimensions":
 * [{"value","name"}],"Period":60,"EvaluationPeriods":1,"DatapointsToAlarm":1,"ComparisonOperator",
 * "Threshold":90.0,"TreatMissingData":"missing","EvaluateLowSampleCountPercentile":""}}`. A percentile alarm's
 * trigger has `"StatisticType":"ExtendedStatistic","ExtendedStatistic":"p99"`; a math alarm's trigger has its
 * `Metrics` instead of the metric's fields.
 */
import { reasonDataDate } from '../../../../shared/alarms';
import { COMMERCIAL_REGIONS } from '../../../../shared/regions';
import { jsonInteger, stringifyAlarmJson, type AlarmJson } from './alarm-json';
import type { AlarmStateRecord, StoredAlarm, StoredMetricAlarm } from './model';

/** SNS's limit on a subject. */
const MAX_SUBJECT_LENGTH = 100;

/** `SAMPLE_COUNT`, `AVERAGE`: how a notification names a statistic. */
function statisticName(statistic: string): string {
  return statistic.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}

export function regionLongName(region: string): string {
  return COMMERCIAL_REGIONS.find((r) => r.code === region)?.name ?? region;
}

function dimensions(list: readonly { readonly Name: string; readonly Value: string }[]): AlarmJson {
  return list.map((d) => ({ value: d.Value, name: d.Name }));
}

function trigger(alarm: StoredMetricAlarm): AlarmJson {
  const c = alarm.config;
  const evaluation = {
    Period: jsonInteger(c.Period),
    EvaluationPeriods: jsonInteger(c.EvaluationPeriods),
    DatapointsToAlarm: jsonInteger(c.DatapointsToAlarm ?? c.EvaluationPeriods),
    ComparisonOperator: c.ComparisonOperator,
    Threshold: c.Threshold,
    ThresholdMetricId: c.ThresholdMetricId,
    TreatMissingData: c.TreatMissingData ?? 'missing',
    EvaluateLowSampleCountPercentile: c.EvaluateLowSampleCountPercentile ?? '',
  };
  if (c.Metrics !== undefined) {
    return {
      Metrics: c.Metrics.map((m) => ({
        Expression: m.Expression,
        Id: m.Id,
        Label: m.Label,
        MetricStat:
          m.MetricStat === undefined
            ? undefined
            : {
                Metric: { Dimensions: dimensions(m.MetricStat.Metric.Dimensions), MetricName: m.MetricStat.Metric.MetricName, Namespace: m.MetricStat.Metric.Namespace },
                Period: jsonInteger(m.MetricStat.Period),
                Stat: m.MetricStat.Stat,
                Unit: m.MetricStat.Unit,
              },
        Period: jsonInteger(m.Period),
        ReturnData: m.ReturnData ?? true,
      })),
      ...evaluation,
    };
  }
  const extended = c.ExtendedStatistic !== undefined;
  return {
    MetricName: c.MetricName,
    Namespace: c.Namespace,
    StatisticType: extended ? 'ExtendedStatistic' : 'Statistic',
    ...(extended ? { ExtendedStatistic: c.ExtendedStatistic } : { Statistic: statisticName(c.Statistic ?? '') }),
    Unit: c.Unit ?? null,
    Dimensions: dimensions(c.Dimensions),
    ...evaluation,
  };
}

export interface AlarmNotification {
  readonly subject: string;
  readonly message: string;
}

export function alarmNotification(alarm: StoredAlarm, from: AlarmStateRecord, to: AlarmStateRecord, region: string, accountId: string): AlarmNotification {
  const c = alarm.config;
  const message: AlarmJson = {
    AlarmName: c.AlarmName,
    AlarmDescription: c.AlarmDescription ?? null,
    AWSAccountId: accountId,
    AlarmConfigurationUpdatedTimestamp: reasonDataDate(alarm.configurationUpdatedAt),
    NewStateValue: to.value,
    NewStateReason: to.reason,
    StateChangeTime: reasonDataDate(to.updatedAt),
    Region: regionLongName(region),
    AlarmArn: alarm.arn,
    OldStateValue: from.value,
    OKActions: c.OKActions,
    AlarmActions: c.AlarmActions,
    InsufficientDataActions: c.InsufficientDataActions,
    ...(alarm.type === 'MetricAlarm' ? { Trigger: trigger(alarm) } : { AlarmRule: alarm.config.AlarmRule }),
  };
  const subject = `${to.value}: "${c.AlarmName}" in ${regionLongName(region)}`;
  return { subject: subject.length > MAX_SUBJECT_LENGTH ? subject.slice(0, MAX_SUBJECT_LENGTH) : subject, message: stringifyAlarmJson(message) };
}

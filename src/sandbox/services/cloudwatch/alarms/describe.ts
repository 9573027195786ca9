/** Alarms as DescribeAlarms writes them (MetricAlarm / CompositeAlarm), timestamps as `Date`s. */
import type { StoredAlarm, StoredCompositeAlarm, StoredMetricAlarm } from './model';

function common(alarm: StoredAlarm): Record<string, unknown> {
  const c = alarm.config;
  return {
    AlarmName: c.AlarmName,
    AlarmArn: alarm.arn,
    ...(c.AlarmDescription === undefined ? {} : { AlarmDescription: c.AlarmDescription }),
    AlarmConfigurationUpdatedTimestamp: new Date(alarm.configurationUpdatedAt),
    ActionsEnabled: c.ActionsEnabled,
    OKActions: [...c.OKActions],
    AlarmActions: [...c.AlarmActions],
    InsufficientDataActions: [...c.InsufficientDataActions],
    StateValue: alarm.state.value,
    StateReason: alarm.state.reason,
    ...(alarm.state.reasonData === undefined ? {} : { StateReasonData: alarm.state.reasonData }),
    StateUpdatedTimestamp: new Date(alarm.state.updatedAt),
    StateTransitionedTimestamp: new Date(alarm.state.transitionedAt),
  };
}

export function metricAlarmOutput(alarm: StoredMetricAlarm): Record<string, unknown> {
  const { AlarmName: _name, AlarmDescription: _description, ActionsEnabled: _enabled, OKActions: _ok, AlarmActions: _alarm, InsufficientDataActions: _insufficient, ...rest } = alarm.config;
  return { ...common(alarm), ...rest, Dimensions: [...alarm.config.Dimensions] };
}

export function compositeAlarmOutput(alarm: StoredCompositeAlarm): Record<string, unknown> {
  const c = alarm.config;
  return {
    ...common(alarm),
    AlarmRule: c.AlarmRule,
    ...(c.ActionsSuppressor === undefined ? {} : { ActionsSuppressor: c.ActionsSuppressor }),
    ...(c.ActionsSuppressorWaitPeriod === undefined ? {} : { ActionsSuppressorWaitPeriod: c.ActionsSuppressorWaitPeriod }),
    ...(c.ActionsSuppressorExtensionPeriod === undefined ? {} : { ActionsSuppressorExtensionPeriod: c.ActionsSuppressorExtensionPeriod }),
    ...(alarm.suppressedBy === undefined ? {} : { ActionsSuppressedBy: alarm.suppressedBy, ActionsSuppressedReason: alarm.suppressedReason ?? '' }),
  };
}

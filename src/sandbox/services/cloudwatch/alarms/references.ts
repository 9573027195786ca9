/**
 * Which alarms a composite alarm's rule names (the shared rule parser's references, an ARN reduced to its
 * alarm name), for DescribeAlarms' ChildrenOfAlarmName / ParentsOfAlarmName, DeleteAlarms' rule that an alarm
 * a composite alarm uses cannot be deleted, and the order composite alarms are evaluated in.
 */
import { alarmNameOfReference, alarmRuleReferences, parseAlarmRule, type AlarmRule } from '../../../../shared/alarms';
import type { CompositeAlarmConfig, StoredAlarm, StoredCompositeAlarm } from './model';

const parsed = new WeakMap<CompositeAlarmConfig, AlarmRule | undefined>();

/** The composite alarm's rule, parsed once per configuration; undefined if it does not parse (never stored so). */
export function ruleOf(config: CompositeAlarmConfig): AlarmRule | undefined {
  if (!parsed.has(config)) {
    const result = parseAlarmRule(config.AlarmRule);
    parsed.set(config, result.ok ? result.rule : undefined);
  }
  return parsed.get(config);
}

/** The names the rule refers to, each once. */
export function referencedNames(config: CompositeAlarmConfig): string[] {
  const rule = ruleOf(config);
  return rule === undefined ? [] : [...new Set(alarmRuleReferences(rule).map(alarmNameOfReference))];
}

export function parentsOf(name: string, alarms: readonly StoredAlarm[]): StoredCompositeAlarm[] {
  return alarms.filter((a): a is StoredCompositeAlarm => a.type === 'CompositeAlarm' && referencedNames(a.config).includes(name));
}

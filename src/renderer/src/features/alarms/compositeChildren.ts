/** The alarms a composite alarm's rule refers to, by name, in the order the rule names them. */
import type { Alarm } from '../../../../shared/contract';
import { alarmNameOfReference, alarmRuleReferences, parseAlarmRule } from '../../../../shared/alarms/composite-rule';

export function compositeChildren(alarm: Alarm): readonly string[] {
  if (alarm.kind !== 'composite') return [];
  const parsed = parseAlarmRule(alarm.alarmRule);
  return parsed.ok ? alarmRuleReferences(parsed.rule).map(alarmNameOfReference) : [];
}

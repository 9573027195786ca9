/**
 * Which alarms a composite alarm's rule names: every `ALARM(…)`, `OK(…)` and `INSUFFICIENT_DATA(…)` argument,
 * an alarm name or ARN, quoted or not ("Creating a composite alarm", rule syntax). For DescribeAlarms'
 * ChildrenOfAlarmName / ParentsOfAlarmName and DeleteAlarms' rule that an alarm a composite alarm uses
 * cannot be deleted.
 */
import type { StoredAlarm, StoredCompositeAlarm } from './model';

const REFERENCE = /\b(?:ALARM|OK|INSUFFICIENT_DATA)\s*\(\s*(?:"((?:[^"\\]|\\.)*)"|([^()\s"]+))\s*\)/g;

/** The names the rule refers to (an ARN is reduced to the name after `:alarm:`), each once. */
export function referencedNames(rule: string): string[] {
  const names = new Set<string>();
  for (const match of rule.matchAll(REFERENCE)) {
    const raw = match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : match[2]!;
    const at = raw.indexOf(':alarm:');
    names.add(raw.startsWith('arn:') && at >= 0 ? raw.slice(at + ':alarm:'.length) : raw);
  }
  return [...names];
}

export function parentsOf(name: string, alarms: readonly StoredAlarm[]): StoredCompositeAlarm[] {
  return alarms.filter((a): a is StoredCompositeAlarm => a.type === 'CompositeAlarm' && referencedNames(a.config.AlarmRule).includes(name));
}

/**
 * Composite alarms' evaluation: the rule over its children's states gives ALARM when TRUE and OK when FALSE
 * ("For a composite alarm, this initial time after creation is the only time that the alarm can be in
 * INSUFFICIENT_DATA state", PutCompositeAlarm). Composite alarms run after the metric alarms, children before
 * parents; "the evaluation of composite alarms stops if CloudWatch detects a cycle": alarms in a cycle, or
 * depending on one, are not evaluated. The reason names the child whose transition decided, as AWS's
 * composite alarm events do: StateReason "arn:…:alarm:ServerCpuTooHigh transitioned to ALARM at Friday 04
 * December, 2020 23:46:52 UTC" and StateReasonData {"triggeringAlarms":[{"arn","state":{"value","timestamp"}}]}
 * ("Alarm events and EventBridge").
 */
import { alarmNameOfReference, evaluateAlarmRule, reasonDataDate } from '../../../../shared/alarms';
import type { AlarmRegion } from './actions';
import { stringifyAlarmJson } from './alarm-json';
import type { StoredAlarm, StoredCompositeAlarm } from './model';
import { parentsOf, referencedNames, ruleOf } from './references';
import { changeState } from './state-change';
import { settleSuppression } from './suppression';
import type { AlarmsStore } from './store';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `Friday 04 December, 2020 23:46:52 UTC` */
export function compositeReasonDate(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]}, ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
}

export function referencedAlarm(alarms: AlarmsStore, reference: string): StoredAlarm | undefined {
  return reference.startsWith('arn:') ? alarms.byArn(reference) : alarms.get(reference);
}

/** The composite alarms in the order they can be evaluated (children first), without those a cycle blocks. */
export function compositeOrder(alarms: AlarmsStore): StoredCompositeAlarm[] {
  const composites = alarms.all().filter((a): a is StoredCompositeAlarm => a.type === 'CompositeAlarm');
  const children = new Map(composites.map((a) => [a.config.AlarmName, referencedNames(a.config).filter((name) => alarms.get(name)?.type === 'CompositeAlarm')]));
  const ordered: StoredCompositeAlarm[] = [];
  const done = new Set<string>();
  let progress = true;
  while (progress) {
    progress = false;
    for (const alarm of composites) {
      const name = alarm.config.AlarmName;
      if (done.has(name) || !children.get(name)!.every((child) => done.has(child))) continue;
      done.add(name);
      ordered.push(alarm);
      progress = true;
    }
  }
  return ordered;
}

/** Evaluates one composite alarm now; returns whether its state changed. */
export function evaluateComposite(where: AlarmRegion, alarm: StoredCompositeAlarm, now: number): boolean {
  const rule = ruleOf(alarm.config);
  if (rule === undefined) return false;
  const value = evaluateAlarmRule(rule, (reference) => referencedAlarm(where.alarms, reference)?.state.value) ? 'ALARM' : 'OK';
  if (value === alarm.state.value) return false;
  const trigger = referencedNames(alarm.config)
    .map((name) => where.alarms.get(name))
    .filter((child): child is StoredAlarm => child !== undefined)
    .reduce<StoredAlarm | undefined>((latest, child) => (latest === undefined || child.state.transitionedAt > latest.state.transitionedAt ? child : latest), undefined);
  const reason =
    trigger === undefined
      ? `The rule ${alarm.config.AlarmRule} evaluated to ${value === 'ALARM' ? 'TRUE' : 'FALSE'}`
      : `${trigger.arn} transitioned to ${trigger.state.value} at ${compositeReasonDate(trigger.state.transitionedAt)}`;
  const reasonData =
    trigger === undefined
      ? undefined
      : stringifyAlarmJson({ triggeringAlarms: [{ arn: trigger.arn, state: { value: trigger.state.value, timestamp: reasonDataDate(trigger.state.transitionedAt) } }] });
  return changeState(where, alarm, { value, reason, reasonData }, now);
}

/**
 * After an alarm's state was set outside the minute's evaluation (SetAlarmState): the composite alarms over it
 * (or held by it as their ActionsSuppressor), directly or through other composites, are evaluated at once,
 * children first, and their held actions settled,
 * as CloudWatch evaluates a composite alarm when one of its alarms changes state. Other composites are left
 * as they are (one set by SetAlarmState keeps that state until its own alarms change).
 */
export function evaluateParents(where: AlarmRegion, changed: string, now: number): void {
  const all = where.alarms.all();
  const affected = new Set<string>();
  const pending = [changed];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    const suppressed = all.filter((a): a is StoredCompositeAlarm => a.type === 'CompositeAlarm' && a.config.ActionsSuppressor !== undefined && alarmNameOfReference(a.config.ActionsSuppressor) === name);
    for (const parent of [...parentsOf(name, all), ...suppressed]) {
      if (affected.has(parent.config.AlarmName)) continue;
      affected.add(parent.config.AlarmName);
      pending.push(parent.config.AlarmName);
    }
  }
  for (const composite of compositeOrder(where.alarms)) {
    if (!affected.has(composite.config.AlarmName)) continue;
    evaluateComposite(where, composite, now);
    settleSuppression(where, composite, now);
  }
}

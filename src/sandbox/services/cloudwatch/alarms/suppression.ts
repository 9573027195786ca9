/**
 * A composite alarm's ActionsSuppressor (PutCompositeAlarm): "Actions will be suppressed if the suppressor
 * alarm is in the ALARM state." After a transition the composite alarm waits up to ActionsSuppressorWaitPeriod
 * seconds "for the suppressor alarm to go into the ALARM state. After this time, the composite alarm performs
 * its actions"; once the suppressor has been in ALARM, it waits ActionsSuppressorExtensionPeriod seconds "after
 * suppressor alarm goes out of the ALARM state". Meanwhile DescribeAlarms shows ActionsSuppressedBy
 * (WaitPeriod, Alarm, ExtensionPeriod) and ActionsSuppressedReason. The evaluator settles held actions each
 * minute; a new transition replaces the actions still held.
 */
import { runActions, type AlarmRegion } from './actions';
import type { AlarmStateRecord, StoredAlarm, StoredCompositeAlarm } from './model';
import type { AlarmsStore } from './store';

function suppressorOf(alarms: AlarmsStore, reference: string): StoredAlarm | undefined {
  return reference.startsWith('arn:') ? alarms.byArn(reference) : alarms.get(reference);
}

/** Runs a composite alarm's actions for a transition now, or holds them while its suppressor says so. */
export function actOnComposite(where: AlarmRegion, alarm: StoredCompositeAlarm, from: AlarmStateRecord, to: AlarmStateRecord, now: number): void {
  if (!alarm.config.ActionsEnabled) return;
  if (alarm.config.ActionsSuppressor === undefined) {
    runActions(where, alarm, from, to, now);
    return;
  }
  alarm.pendingActions = { from, to, since: now, sawSuppressorInAlarm: false };
  settleSuppression(where, alarm, now);
}

/** Runs held actions whose suppression is over; otherwise says why they are held. */
export function settleSuppression(where: AlarmRegion, alarm: StoredCompositeAlarm, now: number): void {
  const pending = alarm.pendingActions;
  if (pending === undefined) return;
  const c = alarm.config;
  const suppressor = suppressorOf(where.alarms, c.ActionsSuppressor ?? '');
  if (suppressor?.state.value === 'ALARM') {
    pending.sawSuppressorInAlarm = true;
    hold(alarm, 'Alarm', `Alarm ${suppressor.arn} is in ALARM state`);
    return;
  }
  if (pending.sawSuppressorInAlarm) {
    const until = (suppressor?.state.transitionedAt ?? now) + (c.ActionsSuppressorExtensionPeriod ?? 0) * 1000;
    if (now < until) {
      hold(alarm, 'ExtensionPeriod', `Extension period of ${c.ActionsSuppressorExtensionPeriod ?? 0} seconds after ${c.ActionsSuppressor} left the ALARM state`);
      return;
    }
  } else if (now < pending.since + (c.ActionsSuppressorWaitPeriod ?? 0) * 1000) {
    hold(alarm, 'WaitPeriod', `Waiting ${c.ActionsSuppressorWaitPeriod ?? 0} seconds for ${c.ActionsSuppressor} to go into the ALARM state`);
    return;
  }
  alarm.pendingActions = undefined;
  alarm.suppressedBy = undefined;
  alarm.suppressedReason = undefined;
  // The actions of the state the alarm is still in; a transition since would have replaced them.
  runActions(where, alarm, pending.from, pending.to, now);
}

function hold(alarm: StoredCompositeAlarm, by: NonNullable<StoredCompositeAlarm['suppressedBy']>, reason: string): void {
  alarm.suppressedBy = by;
  alarm.suppressedReason = reason;
}

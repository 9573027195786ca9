/**
 * Moves an alarm to a state: the evaluator's decision or SetAlarmState's. A change of state value records a
 * StateUpdate history item and runs the new state's actions; StateUpdatedTimestamp and
 * StateTransitionedTimestamp follow the API reference (the first changes with the state or its reason, the
 * second only with the value).
 */
import type { AlarmState } from '../../../../shared/alarms';
import { runActions, type AlarmRegion } from './actions';
import { stateUpdateItem } from './history';
import type { AlarmStateRecord, StoredAlarm } from './model';

export interface NextState {
  readonly value: AlarmState;
  readonly reason: string;
  readonly reasonData?: string | undefined;
}

/** Returns whether the value changed. `always` records the item even when it did not (SetAlarmState). */
export function changeState(where: AlarmRegion, alarm: StoredAlarm, next: NextState, now: number, always = false): boolean {
  const from = alarm.state;
  const changed = from.value !== next.value;
  if (!changed && !always) return false;
  const to: AlarmStateRecord = {
    value: next.value,
    reason: next.reason,
    ...(next.reasonData === undefined ? {} : { reasonData: next.reasonData }),
    updatedAt: now,
    transitionedAt: changed ? now : from.transitionedAt,
  };
  alarm.state = to;
  where.alarms.record(stateUpdateItem(alarm, from, to));
  if (changed) runActions(where, alarm, from, to, now);
  return changed;
}

/**
 * What PutMetricAlarm and PutCompositeAlarm do once the alarm is read: "When this operation creates an alarm,
 * the alarm state is immediately set to INSUFFICIENT_DATA … When you update an existing alarm, its state is left
 * unchanged, but the update completely overwrites the previous configuration of the alarm"; tags are taken on
 * creation only ("If you are using this operation to update an existing alarm, any tags you specify in this
 * parameter are ignored"); a ConfigurationUpdate history item records the change.
 */
import { INITIAL_STATE_REASON, type AlarmState } from '../../../../shared/alarms';
import type { AlarmRegion } from './actions';
import { configurationItem } from './history';
import type { AlarmStateRecord, StoredAlarm } from './model';

/**
 * A new alarm's state: INSUFFICIENT_DATA, "Unchecked: Initial alarm creation". Seeds (benchmarks, tests) may
 * start an alarm in another state with the same reason.
 */
export function initialState(now: number, value: AlarmState = 'INSUFFICIENT_DATA'): AlarmStateRecord {
  return { value, reason: INITIAL_STATE_REASON, updatedAt: now, transitionedAt: now };
}

export function saveAlarm(where: AlarmRegion, alarm: StoredAlarm, existing: StoredAlarm | undefined, tags: Readonly<Record<string, string>>, now: number): void {
  where.alarms.put(alarm);
  if (existing === undefined) where.alarms.setTags(alarm.arn, tags);
  where.alarms.record(existing === undefined ? configurationItem('Create', alarm, now) : configurationItem('Update', alarm, now, existing));
}

import { describe, expect, it } from 'vitest';
import type { Alarm } from '../../../../shared/contract';
import { alarmRows, DEFAULT_ALARM_SORT, nextAlarmSort, NO_FILTER, sortedAlarms, stateCounts } from './alarmList';
import { compositeAlarm, metricAlarm } from './testAlarms';

const alarms: Alarm[] = [
  metricAlarm({ name: 'b-ok', state: 'OK' }),
  metricAlarm({ name: 'a-ok', state: 'OK', actionsEnabled: false }),
  metricAlarm({ name: 'z-alarm', state: 'ALARM' }),
  metricAlarm({ name: 'insufficient', state: 'INSUFFICIENT_DATA' }),
  compositeAlarm({ name: 'c-health', state: 'ALARM', alarmRule: 'ALARM("z-alarm") OR ALARM("gone")' }),
];

describe('sortedAlarms', () => {
  it('puts ALARM first, then INSUFFICIENT_DATA, then OK, by name within a state', () => {
    expect(sortedAlarms(alarms, NO_FILTER).map((alarm) => alarm.name)).toEqual(['c-health', 'z-alarm', 'insufficient', 'a-ok', 'b-ok']);
  });

  it('filters by state, by a piece of the name in any case, and by muted actions', () => {
    expect(sortedAlarms(alarms, { ...NO_FILTER, states: new Set(['OK', 'INSUFFICIENT_DATA']) }).map((alarm) => alarm.name)).toEqual(['insufficient', 'a-ok', 'b-ok']);
    expect(sortedAlarms(alarms, { ...NO_FILTER, text: 'OK' }).map((alarm) => alarm.name)).toEqual(['a-ok', 'b-ok']);
    expect(sortedAlarms(alarms, { ...NO_FILTER, mutedOnly: true }).map((alarm) => alarm.name)).toEqual(['a-ok']);
  });

  it('sorts by name or by the last change either way, ties by name', () => {
    const at = (name: string, state: Alarm['state'], stateUpdatedAt: number, stateTransitionedAt?: number) =>
      metricAlarm({ name, state, stateUpdatedAt, ...(stateTransitionedAt === undefined ? {} : { stateTransitionedAt }) });
    // The last change is the transition, not a later re-evaluation in the same state.
    const timed = [at('old', 'OK', 1_000), at('new', 'ALARM', 9_000, 3_000), at('b-newest', 'OK', 5_000), at('a-newest', 'OK', 5_000)];
    const names = (sort: Parameters<typeof sortedAlarms>[2]) => sortedAlarms(timed, NO_FILTER, sort).map((alarm) => alarm.name);
    expect(names({ key: 'changed', descending: true })).toEqual(['a-newest', 'b-newest', 'new', 'old']);
    expect(names({ key: 'changed', descending: false })).toEqual(['old', 'new', 'a-newest', 'b-newest']);
    expect(names({ key: 'name', descending: true })).toEqual(['old', 'new', 'b-newest', 'a-newest']);
    expect(names({ key: 'state', descending: true })).toEqual(['a-newest', 'b-newest', 'old', 'new']);
  });

  it('starts a column in the order wanted first from it, and flips it on a second click', () => {
    expect(nextAlarmSort(DEFAULT_ALARM_SORT, 'changed')).toEqual({ key: 'changed', descending: true });
    expect(nextAlarmSort(DEFAULT_ALARM_SORT, 'name')).toEqual({ key: 'name', descending: false });
    expect(nextAlarmSort(DEFAULT_ALARM_SORT, 'state')).toEqual({ key: 'state', descending: true });
    expect(nextAlarmSort({ key: 'changed', descending: true }, 'changed')).toEqual({ key: 'changed', descending: false });
  });

  it('counts each state', () => {
    expect(stateCounts(alarms)).toEqual({ ALARM: 2, INSUFFICIENT_DATA: 1, OK: 2 });
  });
});

describe('alarmRows', () => {
  const byName = new Map(alarms.map((alarm) => [alarm.name, alarm]));
  const children = () => ['z-alarm', 'gone'];

  it('lists an expanded composite alarm’s children under it, loaded or not', () => {
    const rows = alarmRows(sortedAlarms(alarms, NO_FILTER), byName, new Set(['c-health']), children);
    expect(rows.slice(0, 4).map((row) => (row.kind === 'alarm' ? row.alarm.name : `  ${row.name}:${row.alarm?.state ?? 'unknown'}`))).toEqual([
      'c-health',
      '  z-alarm:ALARM',
      '  gone:unknown',
      'z-alarm',
    ]);
  });

  it('shows no children of a collapsed composite alarm', () => {
    expect(alarmRows(sortedAlarms(alarms, NO_FILTER), byName, new Set(), children)).toHaveLength(5);
  });
});

/**
 * The alarm list's rows: every alarm by state (ALARM first, then INSUFFICIENT_DATA, then OK; by name
 * within a state) unless sorted by name or by the last change, filtered by state, a piece of the name and
 * muted actions, with composite alarms' children listed under them when expanded.
 */
import type { Alarm, AlarmState } from '../../../../shared/contract';

export const STATE_ORDER: readonly AlarmState[] = ['ALARM', 'INSUFFICIENT_DATA', 'OK'];

const STATE_RANK: Readonly<Record<AlarmState, number>> = { ALARM: 0, INSUFFICIENT_DATA: 1, OK: 2 };

export interface AlarmFilter {
  /** Empty: every state. */
  readonly states: ReadonlySet<AlarmState>;
  /** A piece of the name, any case. */
  readonly text: string;
  readonly mutedOnly: boolean;
}

export const NO_FILTER: AlarmFilter = { states: new Set(), text: '', mutedOnly: false };

export type AlarmRow =
  | { readonly kind: 'alarm'; readonly alarm: Alarm; readonly expanded: boolean }
  /** A composite alarm's child: the alarm itself when it is loaded, only its name otherwise. */
  | { readonly kind: 'child'; readonly parent: string; readonly name: string; readonly alarm: Alarm | undefined };

export type AlarmSortKey = 'state' | 'name' | 'changed';

export interface AlarmSort {
  readonly key: AlarmSortKey;
  readonly descending: boolean;
}

/** ALARM first. */
export const DEFAULT_ALARM_SORT: AlarmSort = { key: 'state', descending: false };

/**
 * The sort after a click on a column's header: the same column flips; another starts in the order one
 * wants first from it, newest first for the last change.
 */
export function nextAlarmSort(current: AlarmSort, key: AlarmSortKey): AlarmSort {
  return current.key === key ? { key, descending: !current.descending } : { key, descending: key === 'changed' };
}

function byName(a: Alarm, b: Alarm): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

const COMPARE: Readonly<Record<AlarmSortKey, (a: Alarm, b: Alarm) => number>> = {
  state: (a, b) => STATE_RANK[a.state] - STATE_RANK[b.state],
  name: byName,
  changed: (a, b) => changedAt(a) - changedAt(b),
};

/** Alarms in `sort`'s order; ties (same state, same time) by name, A to Z. */
export function alarmComparator(sort: AlarmSort): (a: Alarm, b: Alarm) => number {
  const compare = COMPARE[sort.key];
  const sign = sort.descending ? -1 : 1;
  return (a, b) => sign * compare(a, b) || byName(a, b);
}

export function matchesFilter(alarm: Alarm, filter: AlarmFilter): boolean {
  if (filter.states.size > 0 && !filter.states.has(alarm.state)) return false;
  if (filter.mutedOnly && alarm.actionsEnabled) return false;
  const text = filter.text.trim().toLowerCase();
  return text === '' || alarm.name.toLowerCase().includes(text);
}

/** How many alarms are in each state. */
export function stateCounts(alarms: readonly Alarm[]): Record<AlarmState, number> {
  const counts: Record<AlarmState, number> = { ALARM: 0, INSUFFICIENT_DATA: 0, OK: 0 };
  for (const alarm of alarms) counts[alarm.state] += 1;
  return counts;
}

/** The alarms a filter keeps, in `sort`'s order. */
export function sortedAlarms(alarms: readonly Alarm[], filter: AlarmFilter, sort: AlarmSort = DEFAULT_ALARM_SORT): Alarm[] {
  return alarms.filter((alarm) => matchesFilter(alarm, filter)).sort(alarmComparator(sort));
}

/**
 * The rows of the list: each alarm, and under an expanded composite alarm its children (`childrenOf`
 * gives the names its rule refers to), looked up among all loaded alarms.
 */
export function alarmRows(
  sorted: readonly Alarm[],
  byName: ReadonlyMap<string, Alarm>,
  expanded: ReadonlySet<string>,
  childrenOf: (alarm: Alarm) => readonly string[],
): AlarmRow[] {
  const rows: AlarmRow[] = [];
  for (const alarm of sorted) {
    const open = alarm.kind === 'composite' && expanded.has(alarm.name);
    rows.push({ kind: 'alarm', alarm, expanded: open });
    if (!open) continue;
    for (const name of childrenOf(alarm)) rows.push({ kind: 'child', parent: alarm.name, name, alarm: byName.get(name) });
  }
  return rows;
}

export function rowKey(row: AlarmRow): string {
  return row.kind === 'alarm' ? row.alarm.name : `${row.parent}\u0000${row.name}`;
}

/** When the state last changed (StateTransitionedTimestamp, else the last update). */
export function changedAt(alarm: Alarm): number {
  return alarm.stateTransitionedAt ?? alarm.stateUpdatedAt;
}

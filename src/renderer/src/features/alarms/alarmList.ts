/**
 * The alarm list's rows: every alarm by state (ALARM first, then INSUFFICIENT_DATA, then OK; by name
 * within a state), filtered by state, a piece of the name and muted actions, with composite alarms'
 * children listed under them when expanded.
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

export function compareAlarms(a: Alarm, b: Alarm): number {
  return STATE_RANK[a.state] - STATE_RANK[b.state] || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
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

/** The alarms a filter keeps, in list order. */
export function sortedAlarms(alarms: readonly Alarm[], filter: AlarmFilter): Alarm[] {
  return alarms.filter((alarm) => matchesFilter(alarm, filter)).sort(compareAlarms);
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

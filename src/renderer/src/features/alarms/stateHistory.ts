/**
 * An alarm's past states, read from its StateUpdate history items (HistoryData
 * `{"version":"1.0","oldState":{"stateValue":"OK",…},"newState":{"stateValue":"ALARM",…}}`, as
 * DescribeAlarmHistory returns it): the stretches of time it spent in each state, for the chart's bands,
 * and the window of its last breach, for "why did it fire".
 */
import type { AlarmHistoryItem, AlarmState } from '../../../../shared/contract';

export interface StateChange {
  readonly timestamp: number;
  readonly from: AlarmState | undefined;
  readonly to: AlarmState;
}

export interface StateStretch {
  readonly start: number;
  readonly end: number;
  readonly state: AlarmState;
}

const STATES: ReadonlySet<string> = new Set(['OK', 'ALARM', 'INSUFFICIENT_DATA']);

function stateOf(value: unknown): AlarmState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const state = (value as { stateValue?: unknown }).stateValue;
  return typeof state === 'string' && STATES.has(state) ? (state as AlarmState) : undefined;
}

/** The state change a StateUpdate item records, or undefined for other items and unreadable data. */
export function stateChangeOf(item: AlarmHistoryItem): StateChange | undefined {
  if (item.type !== 'StateUpdate') return undefined;
  let data: unknown;
  try {
    data = JSON.parse(item.data);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const { oldState, newState } = data as { oldState?: unknown; newState?: unknown };
  const to = stateOf(newState);
  return to && { timestamp: item.timestamp, from: stateOf(oldState), to };
}

/** The state changes of a history (any order, any item types), oldest first. */
export function stateChanges(items: readonly AlarmHistoryItem[]): StateChange[] {
  return items.flatMap((item) => stateChangeOf(item) ?? []).sort((a, b) => a.timestamp - b.timestamp);
}

/**
 * The stretches between `start` and `end` spent in each state. Before the first change in the range the
 * alarm was in that change's old state; after the last, in `current` (the alarm's state now).
 */
export function stateStretches(changes: readonly StateChange[], current: AlarmState, start: number, end: number): StateStretch[] {
  const before = changes.filter((change) => change.timestamp <= start);
  const within = changes.filter((change) => change.timestamp > start && change.timestamp < end);
  const later = changes.some((change) => change.timestamp >= end);
  let state: AlarmState | undefined = before.length > 0 ? before[before.length - 1]!.to : (within[0]?.from ?? (within.length === 0 && !later ? current : undefined));
  let since = start;
  const stretches: StateStretch[] = [];
  for (const change of within) {
    if (state !== undefined && change.timestamp > since) stretches.push({ start: since, end: change.timestamp, state });
    state = change.to;
    since = change.timestamp;
  }
  // After the last change the alarm is in its state of now, whatever an incomplete history says.
  const final = later ? state : current;
  if (final !== undefined && since < end) stretches.push({ start: since, end, state: final });
  return stretches;
}

/**
 * The window that made the alarm fire last: from the evaluation range before it went to ALARM
 * (`lookBackMs`, its evaluation periods) until it left ALARM, or `now` while it is still there.
 * Undefined when the history holds no change to ALARM and the alarm is not in ALARM.
 */
export function breachWindow(
  changes: readonly StateChange[],
  alarm: { readonly state: AlarmState; readonly stateTransitionedAt?: number; readonly stateUpdatedAt: number },
  lookBackMs: number,
  now: number,
): { readonly start: number; readonly end: number } | undefined {
  let firedAt: number | undefined;
  let endedAt: number | undefined;
  for (let index = changes.length - 1; index >= 0; index -= 1) {
    const change = changes[index]!;
    if (change.to === 'ALARM') {
      firedAt = change.timestamp;
      endedAt = changes[index + 1]?.timestamp;
      break;
    }
  }
  if (firedAt === undefined && alarm.state === 'ALARM') firedAt = alarm.stateTransitionedAt ?? alarm.stateUpdatedAt;
  if (firedAt === undefined) return undefined;
  return { start: firedAt - lookBackMs, end: Math.min(endedAt ?? now, now) };
}

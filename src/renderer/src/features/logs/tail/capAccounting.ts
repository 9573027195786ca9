/**
 * A tail can run for hours: at most a fixed number of events stay in memory, the newest, counting
 * those in the table and those waiting while the tail is paused. Over that, the oldest go first — the
 * table's, as every waiting event is newer than every event in the table.
 */

/** Events a tail keeps in memory, table and pause buffer together. */
export const TAIL_EVENT_CAP = 200_000;

export interface CapPlan {
  /** Drop the table's oldest events until it holds about this many; undefined: leave the table alone. */
  readonly tableKeeps: number | undefined;
  /** Drop this many of the oldest waiting events. */
  readonly bufferDrops: number;
}

export function capPlan(loaded: number, waiting: number, cap: number): CapPlan {
  if (loaded + waiting <= cap) return { tableKeeps: undefined, bufferDrops: 0 };
  return { tableKeeps: Math.max(0, cap - waiting), bufferDrops: Math.max(0, waiting - cap) };
}

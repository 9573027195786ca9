/**
 * Which rows of a view are handed to the virtualizer. A view can hold a million rows; giving them
 * all to the virtualizer would make each change cost time in proportion to all of them (it lays out
 * every row again when rows are added above) and make the list taller than browsers can draw. So it
 * sees a window of at most WINDOW_ROWS rows around the reading position, which moves along as the
 * reader nears one of its edges, grows to take in rows added at an edge it touches, and jumps to any
 * row asked for.
 */

/** Rows `start` up to (not including) `end` of the view. */
export interface RowWindow {
  readonly start: number;
  readonly end: number;
}

export const WINDOW_ROWS = 20_000;
/** The window moves when the rows on screen come this close to one of its edges. */
export const WINDOW_MARGIN = 2_500;

export interface WindowInput {
  readonly count: number;
  /** The window as it was, in the view's current row numbers; undefined at first. */
  readonly previous: RowWindow | undefined;
  /** The previous window began at the view's first row, or ended at its last (before the change). */
  readonly touchedStart: boolean;
  readonly touchedEnd: boolean;
  /** The rows on screen, in the view's row numbers. */
  readonly visible: { readonly first: number; readonly last: number } | undefined;
  /**
   * A row the table is scrolling to. The window holds it and keeps still until it is on screen:
   * until then the rows on screen are where the reader is leaving.
   */
  readonly target?: number;
}

export function nextWindow(input: WindowInput, size = WINDOW_ROWS, margin = WINDOW_MARGIN): RowWindow {
  const { count, previous, visible, target } = input;
  if (count <= size) return { start: 0, end: count };
  if (target !== undefined) {
    const holds = previous !== undefined && target >= previous.start && target < previous.end && previous.end <= count;
    return holds ? previous : around(target, count, size);
  }
  if (previous === undefined) return visible ? around(visible.first, count, size) : { start: count - size, end: count };

  let start = Math.min(Math.max(previous.start, 0), count);
  let end = Math.min(Math.max(previous.end, start), count);
  // Take in rows added at an edge the window touched.
  if (input.touchedStart) start = 0;
  if (input.touchedEnd) end = count;
  if (end - start > size) {
    // Too big now: give up rows on the side away from the reader.
    const before = visible ? visible.first - start : 0;
    const after = visible ? end - 1 - visible.last : end - start;
    if (after >= before) end = start + size;
    else start = end - size;
  }
  if (!visible) return { start, end };
  if (visible.first < start || visible.last >= end) return around(visible.first, count, size);
  if (visible.first - start < margin && start > 0) {
    start = Math.max(0, visible.last - size + margin * 2);
    return { start, end: Math.min(count, start + size) };
  }
  if (end - 1 - visible.last < margin && end < count) {
    end = Math.min(count, visible.first + size - margin * 2);
    return { start: Math.max(0, end - size), end };
  }
  return { start, end };
}

/** A window with `row` in its middle. */
function around(row: number, count: number, size: number): RowWindow {
  const start = Math.min(Math.max(0, row - Math.floor(size / 2)), count - size);
  return { start, end: start + size };
}

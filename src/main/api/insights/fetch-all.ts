/**
 * Every row of a query that hits the 10,000-row cap: the range (in StartQuery's whole seconds) is cut
 * into slices run as separate queries, a few at a time; a slice that hits the cap itself is cut in two
 * and run again. Rows are delivered slice by slice in the result's order (newest slice first for
 * Insights' default `sort @timestamp desc`), so the merged rows are in the same order one query without
 * a cap would give. A single second that still holds more rows than the cap cannot be cut: its rows are
 * delivered capped and the second is reported.
 */
import type { FetchAllUpdate, QueryRow } from '../../../shared/contract';
import { mergeFields } from './results';

/** Both ends included, in epoch seconds. */
export interface SecondRange {
  readonly start: number;
  readonly end: number;
}

export interface SliceResult {
  readonly fields: readonly string[];
  readonly rows: readonly QueryRow[];
  /** The slice returned as many rows as a query can: it may hold more. */
  readonly capped: boolean;
  readonly bytesScanned: number;
}

export type SliceRunner = (range: SecondRange) => Promise<SliceResult>;

export const INITIAL_SLICES = 4;
export const PARALLEL_SLICES = 4;

/** `count` slices of a range, as even as whole seconds allow, earliest first. */
export function cutRange(range: SecondRange, count: number): SecondRange[] {
  const seconds = range.end - range.start + 1;
  const pieces = Math.max(1, Math.min(count, seconds));
  const slices: SecondRange[] = [];
  let start = range.start;
  for (let index = 0; index < pieces; index += 1) {
    const end = index === pieces - 1 ? range.end : start + Math.floor(seconds / pieces) - 1 + (index < seconds % pieces ? 1 : 0);
    slices.push({ start, end });
    start = end + 1;
  }
  return slices;
}

export async function* fetchAllRows(range: SecondRange, order: 'newest-first' | 'oldest-first', run: SliceRunner): AsyncGenerator<FetchAllUpdate> {
  const inOrder = (slices: SecondRange[]) => (order === 'newest-first' ? slices.reverse() : slices);
  const totalMs = (range.end - range.start + 1) * 1000;
  const pending = inOrder(cutRange(range, INITIAL_SLICES));
  /** Started slices, in delivery order. */
  const started: Array<{ readonly range: SecondRange; readonly result: Promise<SliceResult> }> = [];
  const start = (slice: SecondRange) => {
    const result = run(slice);
    result.catch(() => undefined); // awaited in order below; a later slice's failure must not go unhandled meanwhile
    started.push({ range: slice, result });
  };
  let fields: string[] = [];
  let rows = 0;
  let queries = 0;
  let bytesScanned = 0;
  let coveredMs = 0;
  const incompleteSeconds: number[] = [];

  while (pending.length > 0 || started.length > 0) {
    while (started.length < PARALLEL_SLICES && pending.length > 0) start(pending.shift() as SecondRange);
    const head = started.shift() as (typeof started)[number];
    const result = await head.result;
    queries += 1;
    bytesScanned += result.bytesScanned;
    if (result.capped && head.range.end > head.range.start) {
      // Run its halves next, ahead of the later slices already running.
      const halves = inOrder(cutRange(head.range, 2));
      const waiting = started.splice(0);
      for (const half of halves) start(half);
      started.push(...waiting);
    } else {
      if (result.capped) incompleteSeconds.push(head.range.start);
      fields = mergeFields(fields, result.fields);
      rows += result.rows.length;
      coveredMs += (head.range.end - head.range.start + 1) * 1000;
      if (result.rows.length > 0) yield { type: 'rows', fields, rows: result.rows };
    }
    yield { type: 'progress', coveredMs, totalMs, rows, queries, bytesScanned };
  }
  yield { type: 'done', rows, queries, bytesScanned, incompleteSeconds };
}

/**
 * Whether the rows on screen are near the oldest or the newest loaded event, so that more should be
 * loaded there. While the table is still on its way to a row it was sent to (after opening or a
 * jump), the rows it reports are where it is leaving from, and say nothing.
 */

/** Rows within this distance of an end of what is loaded count as near it. */
export const NEAR_ROWS = 30;

export interface NearEdges {
  readonly older: boolean;
  readonly newer: boolean;
}

/**
 * `first` and `last`: the rows on screen; `count`: the rows loaded; `landing`: the row the table was
 * sent to, while it has not been seen on screen (-1 or undefined: none).
 */
export function nearEdges(first: number, last: number, count: number, landing?: number): NearEdges | undefined {
  if (landing !== undefined && landing !== -1 && (landing < first || landing > last)) return undefined;
  return { older: first < NEAR_ROWS, newer: last >= count - NEAR_ROWS };
}

/**
 * The selected rows: a contiguous range from an anchor row to a focus row, named by key so it stays
 * on the same events when rows are added above. Click selects one row; Shift+click and Shift+arrows
 * move the focus end and keep the anchor.
 */
import type { RowKey } from './eventStore';
import type { RowView } from './rowView';

export interface RowSelection {
  readonly anchor: RowKey;
  readonly focus: RowKey;
}

/** The selection after choosing the row with `key`; `extend` (Shift) keeps the anchor. */
export function selectRow(previous: RowSelection | undefined, key: RowKey, extend: boolean): RowSelection {
  return extend && previous ? { anchor: previous.anchor, focus: key } : { anchor: key, focus: key };
}

/** The selected rows of `view`, first and last included; undefined when the selection is not in it. */
export function selectedRows(selection: RowSelection | undefined, view: Pick<RowView<unknown>, 'indexOfKey'>): { first: number; last: number } | undefined {
  if (!selection) return undefined;
  const anchor = view.indexOfKey(selection.anchor);
  const focus = view.indexOfKey(selection.focus);
  if (anchor === -1 && focus === -1) return undefined;
  // One end gone (e.g. its events were dropped): what is left of the range is the other end.
  const a = anchor === -1 ? focus : anchor;
  const b = focus === -1 ? anchor : focus;
  return { first: Math.min(a, b), last: Math.max(a, b) };
}

import { describe, expect, it } from 'vitest';
import { selectedRows, selectRow } from './selection';

/** A view whose row i has key 100 + i, of 50 rows. */
const view = { indexOfKey: (key: number) => (key >= 100 && key < 150 ? key - 100 : -1) };

describe('selection', () => {
  it('selects one row on a plain click and extends from the anchor with Shift', () => {
    const one = selectRow(undefined, 105, false);
    expect(selectedRows(one, view)).toEqual({ first: 5, last: 5 });
    const range = selectRow(one, 102, true);
    expect(selectedRows(range, view)).toEqual({ first: 2, last: 5 });
    const further = selectRow(range, 110, true);
    expect(selectedRows(further, view)).toEqual({ first: 5, last: 10 });
    expect(selectedRows(selectRow(further, 120, false), view)).toEqual({ first: 20, last: 20 });
  });

  it('starts a range at the row itself when nothing was selected', () => {
    expect(selectedRows(selectRow(undefined, 107, true), view)).toEqual({ first: 7, last: 7 });
  });

  it('keeps what is left of a range whose end is gone, and nothing when both are', () => {
    expect(selectedRows({ anchor: 90, focus: 103 }, view)).toEqual({ first: 3, last: 3 });
    expect(selectedRows({ anchor: 90, focus: 95 }, view)).toBeUndefined();
    expect(selectedRows(undefined, view)).toBeUndefined();
  });
});

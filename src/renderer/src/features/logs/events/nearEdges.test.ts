import { describe, expect, it } from 'vitest';
import { NEAR_ROWS, nearEdges } from './nearEdges';

describe('nearEdges', () => {
  it('is near the older end within a few rows of the first, and near the newer end within a few of the last', () => {
    expect(nearEdges(0, 40, 1_000)).toEqual({ older: true, newer: false });
    expect(nearEdges(NEAR_ROWS - 1, NEAR_ROWS + 40, 1_000)).toEqual({ older: true, newer: false });
    expect(nearEdges(NEAR_ROWS, NEAR_ROWS + 40, 1_000)).toEqual({ older: false, newer: false });
    expect(nearEdges(950, 999, 1_000)).toEqual({ older: false, newer: true });
    expect(nearEdges(920, 1_000 - NEAR_ROWS - 1, 1_000)).toEqual({ older: false, newer: false });
  });

  it('is near both ends when everything loaded fits on screen', () => {
    expect(nearEdges(0, 9, 10)).toEqual({ older: true, newer: true });
  });

  it('says nothing while the row the table was sent to is not on screen yet', () => {
    // Opening on the newest row: the table first reports the top, where it starts from.
    expect(nearEdges(0, 40, 1_000, 999)).toBeUndefined();
    expect(nearEdges(960, 999, 1_000, 999)).toEqual({ older: false, newer: true });
    // A row no longer loaded, or none, holds nothing back.
    expect(nearEdges(0, 40, 1_000, -1)).toEqual({ older: true, newer: false });
  });
});

import { describe, expect, it } from 'vitest';
import { tokenRanges } from './highlighting';

describe('tokenRanges', () => {
  it('orders tokens, drops empty ones and clips overlaps and the end', () => {
    expect(
      tokenRanges(
        [
          { start: 6, end: 9, kind: 'field' },
          { start: 0, end: 6, kind: 'command' },
          { start: 7, end: 8, kind: 'number' },
          { start: 9, end: 9, kind: 'operator' },
          { start: 10, end: 40, kind: 'string' },
        ],
        20,
      ),
    ).toEqual([
      { from: 0, to: 6, kind: 'command' },
      { from: 6, to: 9, kind: 'field' },
      { from: 10, to: 20, kind: 'string' },
    ]);
  });
});

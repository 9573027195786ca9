import { describe, expect, it } from 'vitest';
import type { QueryRow } from '../../../../shared/contract';
import { sortRows } from './resultSort';

describe('sortRows', () => {
  const rows: QueryRow[] = [{ n: '10', s: 'b' }, { n: '9', s: 'a10' }, { n: '', s: 'a2' }, { n: '100' }];
  it('sorts numbers as numbers and keeps missing values last both ways', () => {
    expect(sortRows(rows, 'n', false).map((row) => row.n)).toEqual(['9', '10', '100', '']);
    expect(sortRows(rows, 'n', true).map((row) => row.n)).toEqual(['100', '10', '9', '']);
  });

  it('sorts text naturally and stably', () => {
    expect(sortRows(rows, 's', false).map((row) => row.s)).toEqual(['a2', 'a10', 'b', undefined]);
  });
});

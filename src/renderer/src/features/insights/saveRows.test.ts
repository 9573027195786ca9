import { describe, expect, it } from 'vitest';
import { SAVE_ROWS_PER_CALL } from '../../../../shared/contract/files';
import { rowChunks, SAVE_CHUNK_CHARS } from './saveRows';

describe('rowChunks', () => {
  it('keeps every row once, in order, within the row count per call', () => {
    const rows = Array.from({ length: SAVE_ROWS_PER_CALL * 2 + 3 }, (_, index) => ({ n: String(index) }));
    const chunks = [...rowChunks(rows)];
    expect(chunks.map((chunk) => chunk.length)).toEqual([SAVE_ROWS_PER_CALL, SAVE_ROWS_PER_CALL, 3]);
    expect(chunks.flat()).toEqual(rows);
  });

  it('cuts big rows into smaller calls, and sends a huge row alone', () => {
    const big = { m: 'x'.repeat(SAVE_CHUNK_CHARS / 2) };
    expect([...rowChunks([big, big, big])].map((chunk) => chunk.length)).toEqual([2, 1]);
    const huge = { m: 'x'.repeat(SAVE_CHUNK_CHARS * 2) };
    expect([...rowChunks([huge, { m: 'y' }])].map((chunk) => chunk.length)).toEqual([1, 1]);
  });
});

import { describe, expect, it } from 'vitest';
import type { FetchAllUpdate, QueryRow } from '../../../shared/contract';
import { cutRange, fetchAllRows, type SecondRange, type SliceRunner } from './fetch-all';

describe('cutRange', () => {
  it('cuts into even whole-second slices that cover the range once', () => {
    expect(cutRange({ start: 0, end: 9 }, 4)).toEqual([
      { start: 0, end: 2 },
      { start: 3, end: 5 },
      { start: 6, end: 7 },
      { start: 8, end: 9 },
    ]);
    expect(cutRange({ start: 5, end: 6 }, 4)).toEqual([
      { start: 5, end: 5 },
      { start: 6, end: 6 },
    ]);
  });
});

/** One event per second at these seconds; a query returns at most `cap` of them, newest first. */
function fakeQueries(seconds: number[], cap: number, order: 'newest-first' | 'oldest-first' = 'newest-first') {
  const ranges: SecondRange[] = [];
  const run: SliceRunner = async (range) => {
    ranges.push(range);
    await new Promise((resolve) => setTimeout(resolve, (range.end * 7) % 5)); // finish out of order
    const inRange = seconds.filter((second) => second >= range.start && second <= range.end);
    const sorted = order === 'newest-first' ? inRange.sort((a, b) => b - a) : inRange.sort((a, b) => a - b);
    const rows: QueryRow[] = sorted.slice(0, cap).map((second) => ({ '@timestamp': String(second), '@ptr': `p${second}` }));
    return { fields: ['@timestamp', '@ptr'], rows, capped: rows.length >= cap, bytesScanned: rows.length * 10 };
  };
  return { run, ranges };
}

async function collect(updates: AsyncGenerator<FetchAllUpdate>): Promise<FetchAllUpdate[]> {
  const all: FetchAllUpdate[] = [];
  for await (const update of updates) all.push(update);
  return all;
}

const rowsOf = (updates: FetchAllUpdate[]) => updates.flatMap((update) => (update.type === 'rows' ? update.rows.map((row) => Number(row['@timestamp'])) : []));

describe('fetchAllRows', () => {
  it('splits slices that hit the cap until each stays under it, and merges every row newest first', async () => {
    const seconds = Array.from({ length: 100 }, (_, index) => index * 3);
    const { run, ranges } = fakeQueries(seconds, 10);
    const updates = await collect(fetchAllRows({ start: 0, end: 299 }, 'newest-first', run));
    expect(rowsOf(updates)).toEqual([...seconds].reverse());
    const done = updates.at(-1);
    expect(done).toMatchObject({ type: 'done', rows: 100, incompleteSeconds: [], bytesScanned: expect.any(Number) });
    expect(ranges.length).toBeGreaterThan(10);
    const progress = updates.filter((update) => update.type === 'progress');
    expect(progress.at(-1)).toMatchObject({ coveredMs: 300_000, totalMs: 300_000, rows: 100, queries: ranges.length });
  });

  it('merges oldest first when the query sorts that way', async () => {
    const seconds = [1, 2, 3, 50, 51, 52, 53, 99];
    const { run } = fakeQueries(seconds, 3, 'oldest-first');
    const updates = await collect(fetchAllRows({ start: 0, end: 99 }, 'oldest-first', run));
    expect(rowsOf(updates)).toEqual(seconds);
  });

  it('reports a second holding more rows than the cap, with the rows it could get', async () => {
    const run: SliceRunner = async (range) => {
      const busy = range.start <= 5 && range.end >= 5;
      const rows = busy ? [{ n: '1' }, { n: '2' }] : [];
      return { fields: ['n'], rows, capped: busy, bytesScanned: 0 };
    };
    const updates = await collect(fetchAllRows({ start: 0, end: 9 }, 'newest-first', run));
    expect(updates.at(-1)).toMatchObject({ type: 'done', rows: 2, incompleteSeconds: [5] });
  });

  it('fails with the first failing slice', async () => {
    const run: SliceRunner = async (range) => {
      if (range.start === 0) throw new Error('AWS failed');
      return { fields: [], rows: [], capped: false, bytesScanned: 0 };
    };
    await expect(collect(fetchAllRows({ start: 0, end: 9 }, 'newest-first', run))).rejects.toThrow('AWS failed');
  });
});

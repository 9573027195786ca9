import { describe, expect, it } from 'vitest';
import { LogsStore } from '../store';
import { runQuery } from './testing';

const T0 = Date.UTC(2025, 0, 15, 0, 0, 0);

/** Group `g`: `count` JSON events a second apart, `n` a scrambled number, `k` one of ten keys. */
function store(count: number): LogsStore {
  const logs = new LogsStore('123456789012', 'us-east-1');
  const group = logs.createGroup({ name: 'g', creationTime: T0 });
  const stream = group.createStream('s', T0);
  group.ingest(
    stream,
    Array.from({ length: count }, (_, i) => {
      const message = JSON.stringify({ i, n: (i * 7919) % count, k: `k${i % 10}` });
      return { timestamp: T0 + i * 1000, message, size: message.length };
    }),
    (event) => event.timestamp,
  );
  return logs;
}

const LOGS = store(5000);
const run = (text: string, resultCap?: number) => runQuery(LOGS, ['g'], text, { from: T0, to: T0 + 5000 * 1000 }, resultCap);

describe('compileQuery', () => {
  it('sorts then limits correctly while keeping only about as many rows as can be shown', () => {
    expect(run('sort n desc | limit 3 | fields n').map((row) => row.n)).toEqual(['4999', '4998', '4997']);
    expect(run('sort n asc | fields n | limit 2').map((row) => row.n)).toEqual(['0', '1']);
  });

  it('keeps equal sort keys in the order their events came', () => {
    expect(run('sort k | limit 3 | fields i').map((row) => row.i)).toEqual(['0', '10', '20']);
  });

  it('sorts every row when a later command may drop some (dedup, filter)', () => {
    // 500 events share each k: keeping only the first three sorted rows would leave one k after dedup.
    expect(run('fields k | sort k | dedup k | limit 3').map((row) => row.k)).toEqual(['k0', 'k1', 'k2']);
    expect(run('sort i desc | filter i < 5 | fields i').map((row) => row.i)).toEqual(['4', '3', '2', '1', '0']);
  });

  it('gives unsorted events newest first, also to limit and dedup (AWS’s default order)', () => {
    expect(run('fields i | limit 2').map((row) => row.i)).toEqual(['4999', '4998']);
    expect(run('fields k | dedup k | limit 2').map((row) => row.k)).toEqual(['k9', 'k8']);
    expect(run('filter i < 3 | fields i').map((row) => row.i)).toEqual(['2', '1', '0']);
  });

  it('stops scanning at limit any, taking events as found', () => {
    const logs = store(100);
    const run100 = (text: string) => runQuery(logs, ['g'], text, { from: T0, to: T0 + 100 * 1000 });
    expect(run100('filter i >= 10 | limit any 2 | fields i').map((row) => row.i).sort()).toEqual(['10', '11']);
  });

  it('holds results to the result cap, after sorting', () => {
    expect(run('sort i desc | fields i', 4).map((row) => row.i)).toEqual(['4999', '4998', '4997', '4996']);
    expect(run('stats count(*) as c by k | sort k', 2)).toEqual([{ k: 'k0', c: '500' }, { k: 'k1', c: '500' }]);
  });
});

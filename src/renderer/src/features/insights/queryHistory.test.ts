import { describe, expect, it } from 'vitest';
import { HISTORY_KEPT, parseHistory, searchHistory, withEntry, type HistoryEntry } from './queryHistory';

const entry = (id: string, queryString: string, extra: Partial<HistoryEntry> = {}): HistoryEntry => ({
  id,
  queryString,
  logGroupNames: ['/aws/lambda/orders'],
  range: '-1h',
  region: 'us-east-1',
  status: 'Complete',
  ranAt: 1,
  ...extra,
});

describe('query history', () => {
  it('keeps the newest first, once each, up to a limit', () => {
    let history: HistoryEntry[] = [];
    for (let index = 0; index < HISTORY_KEPT + 5; index += 1) history = withEntry(history, entry(`q${index}`, 'fields @message'));
    expect(history).toHaveLength(HISTORY_KEPT);
    expect(history[0]?.id).toBe(`q${HISTORY_KEPT + 4}`);
    expect(withEntry(history, { ...entry('q10', 'x'), status: 'Cancelled' })[0]).toMatchObject({ id: 'q10', status: 'Cancelled' });
  });

  it('finds entries by every word, in the text, the groups or the status', () => {
    const history = [entry('a', 'filter @message like /ERROR/'), entry('b', 'stats count(*) by bin(5m)', { logGroupNames: ['/nginx/access'], status: 'Cancelled' })];
    expect(searchHistory(history, 'error').map((found) => found.id)).toEqual(['a']);
    expect(searchHistory(history, 'nginx cancelled').map((found) => found.id)).toEqual(['b']);
    expect(searchHistory(history, '  ')).toBe(history);
  });

  it('reads back what it stored, and nothing from garbage', () => {
    const history = [entry('a', 'fields @message', { rows: 3 })];
    expect(parseHistory(JSON.stringify(history))).toEqual(history);
    expect(parseHistory('{')).toEqual([]);
    expect(parseHistory(JSON.stringify([{ id: 1 }, 'x', entry('b', 'y')]))).toEqual([entry('b', 'y')]);
  });
});

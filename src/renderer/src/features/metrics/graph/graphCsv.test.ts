import { describe, expect, it } from 'vitest';
import { csvTableOf, TIME_COLUMN } from './graphCsv';

describe('csvTableOf', () => {
  it('has a row per time any series has, empty where one has no datapoint, and unique column names', () => {
    const table = csvTableOf([
      { id: 'm1', label: 'Errors', points: [[0, 1], [60_000, null], [120_000, 3]] },
      { id: 'm2', label: 'Errors', points: [[60_000, 0]] },
    ]);
    expect(table.columns).toEqual([TIME_COLUMN, 'Errors', 'Errors (2)']);
    expect(table.rows).toEqual([
      { [TIME_COLUMN]: '1970-01-01T00:00:00.000Z', Errors: 1, 'Errors (2)': null },
      { [TIME_COLUMN]: '1970-01-01T00:01:00.000Z', Errors: null, 'Errors (2)': 0 },
      { [TIME_COLUMN]: '1970-01-01T00:02:00.000Z', Errors: 3, 'Errors (2)': null },
    ]);
  });
});

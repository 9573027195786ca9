import { describe, expect, it } from 'vitest';
import { columnId, columnTitle, DEFAULT_COLUMNS, withFieldColumn, withoutColumn } from './columns';

describe('field columns', () => {
  it('are added before the message, once', () => {
    const once = withFieldColumn(DEFAULT_COLUMNS, ['http', 'status']);
    expect(once.map(columnTitle)).toEqual(['Time', 'Stream', '$.http.status', 'Message']);
    expect(withFieldColumn(once, ['http', 'status'])).toBe(once);
    expect(withFieldColumn([{ kind: 'time' }], ['level']).map(columnTitle)).toEqual(['Time', '$.level']);
  });

  it('are told apart by their whole path, and removed by it', () => {
    const columns = withFieldColumn(withFieldColumn(DEFAULT_COLUMNS, ['a', 0]), ['a', '0']);
    expect(new Set(columns.map(columnId)).size).toBe(columns.length);
    expect(withoutColumn(columns, { kind: 'field', path: ['a', 0] }).map(columnTitle)).toEqual(['Time', 'Stream', '$.a.0', 'Message']);
  });
});

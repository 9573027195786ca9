import { describe, expect, it } from 'vitest';
import { fetchAllOrder } from './fetchAllPlan';

describe('fetchAllOrder', () => {
  it('merges in the order the query sorts by time', () => {
    expect(fetchAllOrder('fields @timestamp, @message | filter @message like /ERROR/ | sort @timestamp desc')).toBe('newest-first');
    expect(fetchAllOrder('fields @message | sort @timestamp desc')).toBe('newest-first');
    expect(fetchAllOrder('fields @message | sort @timestamp asc')).toBe('oldest-first');
  });

  it('refuses results that splitting the range would change', () => {
    expect(fetchAllOrder('fields @message')).toBeUndefined();
    expect(fetchAllOrder('stats count(*) by bin(5m)')).toBeUndefined();
    expect(fetchAllOrder('fields @message | sort status desc')).toBeUndefined();
    expect(fetchAllOrder('fields @message | limit 20000')).toBeUndefined();
    expect(fetchAllOrder('fields @message | dedup @logStream')).toBeUndefined();
    expect(fetchAllOrder('fields (')).toBeUndefined();
  });
});

import { describe, expect, it, vi } from 'vitest';
import { apiError } from '../../../shared/errors';
import { ThrottleNotices } from './throttleNotices';

function throttled(operation: string, region = 'us-east-1', quotaTps?: number) {
  return apiError('Throttled', `AWS is rate-limiting ${operation} in ${region}…`, {
    details: { service: 'logs', operation, region, quotaUrl: `https://${region}.console.aws.amazon.com/servicequotas/home/services/logs/quotas`, ...(quotaTps ? { quotaTps } : {}) },
  });
}

describe('ThrottleNotices', () => {
  it('keeps one notice per region, naming each throttled API once, most recent first', () => {
    const notices = new ThrottleNotices();
    notices.report(throttled('DescribeLogStreams', 'us-east-1', 25), 1);
    notices.report(throttled('GetLogEvents', 'us-east-1', 25), 2);
    notices.report(throttled('DescribeLogStreams', 'us-east-1', 25), 3);
    notices.report(throttled('FilterLogEvents', 'eu-west-1', 10), 4);
    expect(notices.noticeFor('us-east-1')).toEqual({
      region: 'us-east-1',
      quotaUrl: 'https://us-east-1.console.aws.amazon.com/servicequotas/home/services/logs/quotas',
      operations: [
        { operation: 'DescribeLogStreams', quotaTps: 25, times: 2, lastAt: 3 },
        { operation: 'GetLogEvents', quotaTps: 25, times: 1, lastAt: 2 },
      ],
    });
    expect(notices.noticeFor('eu-west-1')?.operations).toHaveLength(1);
  });

  it('ignores other errors and throttling it cannot place', () => {
    const notices = new ThrottleNotices();
    const listener = vi.fn();
    notices.subscribe(listener);
    notices.report(apiError('NotFound', 'Gone.'));
    notices.report(apiError('Throttled', 'Somewhere.'));
    notices.report(new Error('boom'));
    expect(listener).not.toHaveBeenCalled();
    expect(notices.noticeFor('us-east-1')).toBeUndefined();
  });

  it('tells subscribers about changes and forgets a dismissed region', () => {
    const notices = new ThrottleNotices();
    const listener = vi.fn();
    const unsubscribe = notices.subscribe(listener);
    notices.report(throttled('DescribeLogGroups'));
    const first = notices.noticeFor('us-east-1');
    expect(notices.noticeFor('us-east-1')).toBe(first);
    notices.dismiss('us-east-1');
    expect(notices.noticeFor('us-east-1')).toBeUndefined();
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    notices.report(throttled('DescribeLogGroups'));
    expect(listener).toHaveBeenCalledTimes(2);
  });
});

import { describe, expect, it } from 'vitest';
import { parseTimeRange } from '../../../../shared/time-range';
import { streamContextHash } from './logs';

describe('streamContextHash', () => {
  it('names the group, the stream and a range around the event that the Logs view reads back', () => {
    const timestamp = Date.UTC(2026, 10, 30, 10, 0, 0);
    const hash = streamContextHash({ logGroupName: '/aws/lambda/orders', logStreamName: '2026/11/30/[$LATEST]abc', timestamp });
    expect(hash.startsWith('#/logs?')).toBe(true);
    const parameters = new URLSearchParams(hash.slice('#/logs?'.length));
    expect(parameters.getAll('group')).toEqual(['/aws/lambda/orders']);
    expect(parameters.getAll('stream')).toEqual(['2026/11/30/[$LATEST]abc']);
    const range = parseTimeRange(parameters.get('range') ?? '', 'utc', Date.now());
    expect(range).toEqual({ ok: true, range: { kind: 'absolute', start: timestamp - 120_000, end: timestamp + 120_000 } });
  });
});

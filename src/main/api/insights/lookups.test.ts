import { describe, expect, it } from 'vitest';
import { mergeGroupFields, toLogRecord } from './lookups';

describe('mergeGroupFields', () => {
  it('averages each field over the groups, most common first', () => {
    expect(
      mergeGroupFields([
        [
          { name: '@message', percent: 100 },
          { name: 'status', percent: 50 },
        ],
        [
          { name: '@message', percent: 100 },
          { name: 'level', percent: 80 },
        ],
      ]),
    ).toEqual([
      { name: '@message', percent: 100 },
      { name: 'level', percent: 40 },
      { name: 'status', percent: 25 },
    ]);
  });
});

describe('toLogRecord', () => {
  it('says where the event is: group (without the account), stream and time', () => {
    expect(
      toLogRecord({ '@log': '123456789012:/aws/lambda/orders', '@logStream': '2024/01/01/[$LATEST]abc', '@timestamp': '1714567890123', '@message': 'x' }),
    ).toEqual({
      fields: { '@log': '123456789012:/aws/lambda/orders', '@logStream': '2024/01/01/[$LATEST]abc', '@timestamp': '1714567890123', '@message': 'x' },
      logGroupName: '/aws/lambda/orders',
      logStreamName: '2024/01/01/[$LATEST]abc',
      timestamp: 1714567890123,
    });
    expect(toLogRecord({ '@timestamp': '2024-05-01 00:00:00.000' }).timestamp).toBe(Date.UTC(2024, 4, 1));
  });
});

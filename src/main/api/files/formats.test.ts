import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { FoundEvent } from '../../../shared/contract';
import { eventFormatter, eventRecord, rowFormatter, type Row } from './formats';

const hostile = 'a "quoted", comma\nsecond line\r\nand \u202e reversed';
const event: FoundEvent = { timestamp: 1_750_000_000_123, ingestionTime: 1_750_000_001_000, message: hostile, logGroupName: '/g', logStreamName: 's/1', eventId: '42' };

describe('event formats', () => {
  it('NDJSON: one object per line with the ISO time', () => {
    const text = eventFormatter('ndjson').format([event, { ...event, eventId: undefined }]);
    const lines = text.split('\n');
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[0] as string)).toEqual({
      timestamp: event.timestamp,
      time: '2025-06-15T15:06:40.123Z',
      logGroupName: '/g',
      logStreamName: 's/1',
      eventId: '42',
      ingestionTime: event.ingestionTime,
      message: hostile,
    });
    expect(JSON.parse(lines[1] as string).eventId).toBeNull();
  });

  it('NDJSON lines are exactly what JSON.stringify makes of each record, for any time and text', () => {
    const events: FoundEvent[] = [
      { ...event, timestamp: 0, ingestionTime: 5 },
      { ...event, timestamp: 1_750_000_000_001 },
      { ...event, timestamp: 1_750_000_000_010, logGroupName: '/g"\\', logStreamName: 'ü\u0000' },
      { ...event, timestamp: 1_750_000_000_999, message: '\ud800 lone surrogate \u2028 \u0007' },
      { ...event, timestamp: 253_402_300_800_000, eventId: undefined },
    ];
    expect(eventFormatter('ndjson').format(events)).toBe(events.map((one) => JSON.stringify(eventRecord(one)) + '\n').join(''));
  });

  it('CSV: a header, and a message with quotes, commas and line breaks stays one field', () => {
    const formatter = eventFormatter('csv');
    const rows = parse(formatter.header + formatter.format([event, event]), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(2);
    expect(rows[0]?.message).toBe(hostile);
    expect(rows[0]?.time).toBe('2025-06-15T15:06:40.123Z');
  });

  it('text: the messages as logged, one per line', () => {
    expect(eventFormatter('text').format([event, { ...event, message: 'own newline\n' }, { ...event, message: '' }])).toBe(`${hostile}\nown newline\n\n`);
  });
});

describe('row formats', () => {
  const columns = ['n', 'flag', 'message'];
  const rows: Row[] = [{ n: 1, flag: true, message: 'x,y', ignored: 'z' }, { n: null, message: 'second' }];

  it('keeps the columns given, in order, and nothing else', () => {
    expect(rowFormatter('ndjson', columns).format(rows)).toBe('{"n":1,"flag":true,"message":"x,y"}\n{"n":null,"flag":null,"message":"second"}\n');
    const csv = rowFormatter('csv', columns);
    expect(csv.header + csv.format(rows)).toBe('n,flag,message\n1,true,"x,y"\n,,second\n');
  });

  it('text holds the message column, or every column tab-separated', () => {
    expect(rowFormatter('text', columns).format(rows)).toBe('x,y\nsecond\n');
    expect(rowFormatter('text', ['n', 'flag']).format(rows)).toBe('1\ttrue\n\t\n');
  });

  it('treats a column named like an object property as data', () => {
    expect(rowFormatter('ndjson', ['__proto__']).format([JSON.parse('{"__proto__": 1}')])).toBe('{"__proto__":1}\n');
  });
});

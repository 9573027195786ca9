import { describe, expect, it } from 'vitest';
import { discoverFields, MAX_JSON_FIELDS } from './discovered-fields';

const fields = (message: string, lambda = false): Record<string, unknown> => Object.fromEntries(discoverFields(message, lambda));

describe('discoverFields', () => {
  it('flattens JSON objects with dots, arrays by index, keeping numbers, booleans and nulls', () => {
    expect(fields('  {"a":{"b":[{"c":1},"x"]},"ok":true,"none":null,"n":1.5}')).toEqual({ 'a.b.0.c': 1, 'a.b.1': 'x', ok: true, none: null, n: 1.5 });
  });

  it('takes at most 200 fields from one JSON event, and nothing from invalid JSON or arrays', () => {
    const wide = JSON.stringify(Object.fromEntries(Array.from({ length: 250 }, (_, i) => [`f${i}`, i])));
    expect(Object.keys(fields(wide))).toHaveLength(MAX_JSON_FIELDS);
    expect(fields('{"broken":')).toEqual({});
    expect(fields('[1,2]')).toEqual({});
  });

  it('reads Lambda START, END and REPORT lines in Lambda groups only, memory in bytes', () => {
    const report = 'REPORT RequestId: abc\tDuration: 1.5 ms\tBilled Duration: 2 ms\tMemory Size: 128 MB\tMax Memory Used: 64 MB\t\n';
    expect(fields(report, true)).toEqual({ '@type': 'REPORT', '@requestId': 'abc', '@duration': 1.5, '@billedDuration': 2, '@memorySize': 128_000_000, '@maxMemoryUsed': 64_000_000 });
    expect(fields('START RequestId: abc Version: $LATEST\n', true)).toEqual({ '@type': 'START', '@requestId': 'abc' });
    expect(fields(report, false)).toEqual({});
    expect(fields('2025-01-01T00:00:00Z\tabc\tINFO\thello', true)).toEqual({});
  });

  it('reads default-format VPC flow log records, keeping the account ID as text', () => {
    expect(fields('2 012345678901 eni-1 10.0.0.1 10.0.0.2 443 5000 6 3 900 1700000000 1700000060 ACCEPT OK')).toEqual({
      version: 2,
      accountId: '012345678901',
      interfaceId: 'eni-1',
      srcAddr: '10.0.0.1',
      dstAddr: '10.0.0.2',
      srcPort: 443,
      dstPort: 5000,
      protocol: 6,
      packets: 3,
      bytes: 900,
      startTime: 1700000000,
      endTime: 1700000060,
      action: 'ACCEPT',
      logStatus: 'OK',
    });
    expect(fields('2 012345678901 - - - - - - - - 1700000000 1700000060 - NODATA')).toEqual({ version: 2, accountId: '012345678901', startTime: 1700000000, endTime: 1700000060, logStatus: 'NODATA' });
    expect(fields('2 apples and 3 pears')).toEqual({});
  });
});

import { describe, expect, it } from 'vitest';
import { mergeFields, toRows, toStatistics } from './results';

describe('toRows', () => {
  it('turns field/value lists into rows and collects the fields in order, @ptr last', () => {
    const { fields, rows } = toRows([
      [
        { field: '@ptr', value: 'p1' },
        { field: '@timestamp', value: '2024-01-01 00:00:00.000' },
        { field: '@message', value: 'a' },
      ],
      [
        { field: '@timestamp', value: '2024-01-01 00:00:01.000' },
        { field: 'status', value: '500' },
      ],
    ]);
    expect(fields).toEqual(['@timestamp', '@message', 'status', '@ptr']);
    expect(rows).toEqual([
      { '@ptr': 'p1', '@timestamp': '2024-01-01 00:00:00.000', '@message': 'a' },
      { '@timestamp': '2024-01-01 00:00:01.000', status: '500' },
    ]);
  });

  it('keeps an empty value as empty text', () => {
    expect(toRows([[{ field: 'x' }]]).rows).toEqual([{ x: '' }]);
  });
});

describe('toStatistics', () => {
  it('reads zero for what AWS left out', () => {
    expect(toStatistics({ recordsMatched: 3 })).toEqual({ recordsMatched: 3, recordsScanned: 0, bytesScanned: 0 });
    expect(toStatistics(undefined)).toEqual({ recordsMatched: 0, recordsScanned: 0, bytesScanned: 0 });
  });
});

describe('mergeFields', () => {
  it('adds new fields before @ptr', () => {
    expect(mergeFields(['@timestamp', '@ptr'], ['@message', '@timestamp'])).toEqual(['@timestamp', '@message', '@ptr']);
  });
});

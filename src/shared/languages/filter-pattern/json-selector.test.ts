import { describe, expect, it } from 'vitest';
import type { JsonSelector } from './ast';
import { parseSelector, selectValues } from './json-selector';
import { Scanner } from './scanner';

function selector(text: string): JsonSelector {
  const scanner = new Scanner(text);
  const parsed = parseSelector(scanner, { used: 0 });
  expect(scanner.pos, `${text} should be read to its end`).toBe(text.length);
  return parsed;
}

const event = {
  eventType: 'UpdateTrail',
  arrayKey: ['value', 'another value'],
  objectList: [
    { name: 'a', id: 1 },
    { name: 'b', id: 2 },
  ],
  coordinates: [
    [0, 1, 2],
    [4, 5, 6],
  ],
  'cluster.name': 'c',
  'user-id': 7,
  SomeObject: null,
};

describe('parseSelector', () => {
  it('reads dotted names, array indexes, bracketed names and wildcards', () => {
    expect(selector('$.eventType').steps).toEqual([{ type: 'key', key: 'eventType' }]);
    expect(selector('$.objectList[1].id').steps).toEqual([
      { type: 'key', key: 'objectList' },
      { type: 'index', index: 1 },
      { type: 'key', key: 'id' },
    ]);
    expect(selector('$.coordinates[0][1]').steps).toHaveLength(3);
    expect(selector("$.['cluster.name']").steps).toEqual([{ type: 'key', key: 'cluster.name' }]);
    expect(selector('$.["@timestamp"]').steps).toEqual([{ type: 'key', key: '@timestamp' }]);
    expect(selector('$.arrayKey[*]').steps[1]).toEqual({ type: 'wildcard' });
    expect(selector('$.*').steps).toEqual([{ type: 'wildcard' }]);
    expect(selector('$.user-id').text).toBe('$.user-id');
  });

  it('stops at the first character that cannot continue the selector', () => {
    const scanner = new Scanner('$.a.b = 1');
    expect(parseSelector(scanner, { used: 0 }).text).toBe('$.a.b');
    expect(scanner.pos).toBe(5);
  });
});

describe('selectValues', () => {
  const select = (text: string): unknown[] => selectValues(event, selector(text).steps);

  it('follows names and indexes', () => {
    expect(select('$.eventType')).toEqual(['UpdateTrail']);
    expect(select('$.objectList[1].id')).toEqual([2]);
    expect(select('$.coordinates[1][2]')).toEqual([6]);
    expect(select("$.['cluster.name']")).toEqual(['c']);
    expect(select('$.SomeObject')).toEqual([null]);
  });

  it('finds nothing on a missing name, an index out of range, or a step into the wrong type', () => {
    expect(select('$.missing')).toEqual([]);
    expect(select('$.arrayKey[2]')).toEqual([]);
    expect(select('$.eventType.length')).toEqual([]);
    expect(select('$.objectList.name')).toEqual([]);
    expect(select('$.SomeObject.x')).toEqual([]);
  });

  it('does not find inherited properties', () => {
    expect(select('$.constructor')).toEqual([]);
    expect(select('$.__proto__')).toEqual([]);
  });

  it('selects every element or field through a wildcard', () => {
    expect(select('$.arrayKey[*]')).toEqual(['value', 'another value']);
    expect(select('$.objectList[*].name')).toEqual(['a', 'b']);
    expect(select('$.objectList.*')).toHaveLength(2);
    expect(select('$.*')).toContain('UpdateTrail');
  });
});

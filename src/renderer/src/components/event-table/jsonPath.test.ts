import { describe, expect, it } from 'vitest';
import { parseFilterPattern, selectValues } from '../../../../shared/languages/filter-pattern';
import { discoverJsonFields, formatJsonPath, jsonValueText, parseJsonMessage, samePath, valueAtPath } from './jsonPath';

describe('parseJsonMessage', () => {
  it('reads messages that are a JSON object or array, and nothing else', () => {
    expect(parseJsonMessage(' {"a": 1}')).toEqual({ a: 1 });
    expect(parseJsonMessage('[1, 2]')).toEqual([1, 2]);
    expect(parseJsonMessage('"text"')).toBeUndefined();
    expect(parseJsonMessage('42')).toBeUndefined();
    expect(parseJsonMessage('{"broken": ')).toBeUndefined();
    expect(parseJsonMessage('START RequestId: 1 {"a": 1}')).toBeUndefined();
  });
});

describe('formatJsonPath', () => {
  it('writes paths as filter-pattern selectors', () => {
    expect(formatJsonPath([])).toBe('$');
    expect(formatJsonPath(['user', 'roles', 0])).toBe('$.user.roles[0]');
    expect(formatJsonPath(['cluster.name'])).toBe("$.['cluster.name']");
    expect(formatJsonPath(["it's"])).toBe('$.["it\'s"]');
  });

  it('writes selectors the filter-pattern parser reads back to the same value', () => {
    const event = { user: { roles: ['admin'] }, 'cluster.name': 'prod', "it's": 1 };
    for (const path of [['user', 'roles', 0], ['cluster.name'], ["it's"]] as const) {
      const parsed = parseFilterPattern(`{ ${formatJsonPath(path)} = * }`);
      if (!parsed.ok || parsed.pattern.kind !== 'json' || parsed.pattern.expression.type !== 'condition') throw new Error(formatJsonPath(path));
      expect(selectValues(event, parsed.pattern.expression.selector.steps)).toEqual([valueAtPath(event, path)]);
    }
  });
});

describe('valueAtPath', () => {
  const value = { a: { b: [10, { c: null }] }, 'x.y': true };

  it('follows keys and indexes', () => {
    expect(valueAtPath(value, ['a', 'b', 0])).toBe(10);
    expect(valueAtPath(value, ['a', 'b', 1, 'c'])).toBeNull();
    expect(valueAtPath(value, ['x.y'])).toBe(true);
  });

  it('leads nowhere through missing keys, wrong types and inherited properties', () => {
    expect(valueAtPath(value, ['a', 'z'])).toBeUndefined();
    expect(valueAtPath(value, ['a', 'b', 5])).toBeUndefined();
    expect(valueAtPath(value, ['a', 0])).toBeUndefined();
    expect(valueAtPath(value, ['toString'])).toBeUndefined();
  });
});

describe('jsonValueText', () => {
  it('shows strings as they are and the rest as JSON', () => {
    expect(jsonValueText('a "b"')).toBe('a "b"');
    expect(jsonValueText(1.5)).toBe('1.5');
    expect(jsonValueText(null)).toBe('null');
    expect(jsonValueText({ a: [1] })).toBe('{"a":[1]}');
    expect(jsonValueText(undefined)).toBe('');
  });
});

describe('discoverJsonFields', () => {
  it('counts leaf fields of JSON messages, most common first', () => {
    const fields = discoverJsonFields([
      '{"level": "INFO", "http": {"status": 200, "path": "/a"}}',
      '{"level": "ERROR", "http": {"status": 500}, "tags": ["x"]}',
      'plain text',
      '[1, 2]',
    ]);
    expect(fields).toEqual([
      { path: ['http', 'status'], count: 2 },
      { path: ['level'], count: 2 },
      { path: ['http', 'path'], count: 1 },
      { path: ['tags'], count: 1 },
    ]);
  });

  it('stops entering objects at the depth asked for', () => {
    expect(discoverJsonFields(['{"a": {"b": {"c": 1}}}'], { maxDepth: 2 })).toEqual([{ path: ['a', 'b'], count: 1 }]);
  });

  it('compares paths by their steps', () => {
    expect(samePath(['a', 0], ['a', 0])).toBe(true);
    expect(samePath(['a', 0], ['a', '0'])).toBe(false);
  });
});

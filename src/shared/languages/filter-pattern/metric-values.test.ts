import { describe, expect, it } from 'vitest';
import { parseFilterPattern, type FilterPattern } from '.';
import { dimensionsProblem, metricPublisher, metricValueProblem, readFieldReference } from './metric-values';

function pattern(text: string): FilterPattern {
  const parsed = parseFilterPattern(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.pattern;
}

describe('readFieldReference', () => {
  it('reads a JSON path of a JSON pattern and a named field of a space-delimited one', () => {
    expect(readFieldReference('$.latency', pattern('{ $.latency > 0 }'))).toEqual({ kind: 'json', steps: [{ type: 'key', key: 'latency' }] });
    expect(readFieldReference('$bytes', pattern('[ip, status, bytes]'))).toEqual({ kind: 'field', key: '$bytes' });
  });

  it.each([
    ['$.latency', 'ERROR', 'is a JSON path, but the filter pattern is not a JSON pattern'],
    ['$.[', '{ $.a = 1 }', 'is not a valid JSON path'],
    ['$bytes', '{ $.a = 1 }', 'names a field, but the filter pattern is not a space-delimited pattern'],
    ['$size', '[ip, status, bytes]', 'is not a field of the filter pattern'],
  ])('says why %s cannot be read from %s', (text, patternText, reason) => {
    expect(readFieldReference(text, pattern(patternText))).toBe(`${text} ${reason}`);
  });
});

describe('metricValueProblem', () => {
  it('accepts a number, a field of the pattern and a JSON path', () => {
    expect(metricValueProblem('1', pattern('ERROR'))).toBeUndefined();
    expect(metricValueProblem('-2.5e3', pattern(''))).toBeUndefined();
    expect(metricValueProblem('$bytes', pattern('[ip, bytes]'))).toBeUndefined();
    expect(metricValueProblem('$.a.b', pattern('{ $.a.b > 1 }'))).toBeUndefined();
  });

  it('refuses text that is neither, with the reason', () => {
    expect(metricValueProblem('one', pattern('ERROR'))).toBe('one is neither a number nor a $field or $.path of the filter pattern');
    expect(metricValueProblem(' ', pattern('ERROR'))).toContain('is neither a number');
    expect(metricValueProblem('$status', pattern('[ip, bytes]'))).toBe('$status is not a field of the filter pattern');
  });
});

describe('dimensionsProblem', () => {
  it('accepts none, and up to three fields of the pattern', () => {
    expect(dimensionsProblem(undefined, 0, pattern('ERROR'))).toBeUndefined();
    expect(dimensionsProblem({}, 0, pattern('ERROR'))).toBeUndefined();
    expect(dimensionsProblem({ A: '$a', B: '$b', C: '$c' }, undefined, pattern('[a, b, c]'))).toBeUndefined();
    expect(dimensionsProblem({ Code: '$.code' }, undefined, pattern('{ $.code = * }'))).toBeUndefined();
  });

  it.each([
    ['a terms pattern', { A: '$a' }, undefined, 'ERROR', { message: 'The specified filter pattern does not support dimensions' }],
    ['four dimensions', { A: '$a', B: '$b', C: '$c', D: '$d' }, undefined, '[a, b, c, d]', { message: 'A metric filter can have at most 3 dimensions' }],
    ['a default value', { A: '$a' }, 0, '[a]', { message: 'A metric filter with dimensions cannot have a default value' }],
    ['a literal value', { A: 'web' }, undefined, '[a]', { dimension: 'A', message: 'web is not a $field or $.path' }],
    ['a field the pattern lacks', { A: '$a', Host: '$host' }, undefined, '[a]', { dimension: 'Host', message: '$host is not a field of the filter pattern' }],
  ])('refuses %s', (_, dimensions, defaultValue, patternText, problem) => {
    expect(dimensionsProblem(dimensions, defaultValue, pattern(patternText))).toEqual(problem);
  });
});

describe('metricPublisher', () => {
  it('publishes a number for each match, and the default value for the rest', () => {
    const publish = metricPublisher({ metricValue: '1', defaultValue: 0 }, pattern('ERROR'));
    expect(publish('ERROR disk full')).toEqual({ kind: 'datapoint', value: 1, matched: true, dimensions: [] });
    expect(publish('all good')).toEqual({ kind: 'datapoint', value: 0, matched: false, dimensions: [] });
    expect(metricPublisher({ metricValue: '1' }, pattern('ERROR'))('all good')).toEqual({ kind: 'nothing', reason: 'no match, and no default value' });
  });

  it('publishes an extracted field with its dimensions, sorted by name', () => {
    const publish = metricPublisher({ metricValue: '$bytes', dimensions: { Status: '$status', Host: '$host' } }, pattern('[host, status, bytes]'));
    expect(publish('web-1 200 512')).toEqual({
      kind: 'datapoint',
      value: 512,
      matched: true,
      dimensions: [
        { name: 'Host', value: 'web-1' },
        { name: 'Status', value: '200' },
      ],
    });
    expect(publish('web-1 200 lots')).toEqual({ kind: 'nothing', reason: '$bytes is “lots”, not a number' });
  });

  it('publishes a JSON value by path, and nothing when a dimension is missing', () => {
    const publish = metricPublisher({ metricValue: '$.latency', dimensions: { Route: '$.route' } }, pattern('{ $.latency > 0 }'));
    expect(publish('{"latency": 12.5, "route": "/orders"}')).toEqual({ kind: 'datapoint', value: 12.5, matched: true, dimensions: [{ name: 'Route', value: '/orders' }] });
    expect(publish('{"latency": 3}')).toEqual({ kind: 'nothing', reason: 'dimension Route ($.route) is missing' });
  });
});

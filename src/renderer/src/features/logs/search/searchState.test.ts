import { describe, expect, it } from 'vitest';
import { lastDuration } from '../../../../../shared/time-range';
import { fromParameters, searchOf, searchProblem, selectionOf, tailRequestOf, toParameters, type SearchState } from './searchState';

const NOW = Date.UTC(2026, 10, 30, 12);
const HOUR = 3_600_000;

describe('search state', () => {
  it('round-trips through the hash', () => {
    const states: SearchState[] = [
      searchOf(['/aws/lambda/a', '/aws/lambda/b'], '{ $.level = "error" }', lastDuration(2 * HOUR)),
      { groups: { kind: 'pattern', pattern: '/aws/lambda/orders-*' }, streams: { kind: 'all' }, filterPattern: '', range: { kind: 'absolute', start: NOW - HOUR, end: NOW } },
      { groups: { kind: 'names', names: ['/ecs/web'] }, streams: { kind: 'prefix', prefix: 'web/' }, filterPattern: '?ERROR ?WARN', range: { kind: 'relative', startAgoMs: 3 * HOUR, endAgoMs: HOUR } },
      { groups: { kind: 'names', names: ['/ecs/web'] }, streams: { kind: 'names', names: ['a', 'b'] }, filterPattern: '', range: lastDuration(HOUR) },
    ];
    for (const state of states) expect(fromParameters(toParameters(state), NOW)).toEqual(state);
  });

  it('holds no search without groups, and reads a bad range as the default', () => {
    expect(fromParameters(new URLSearchParams('pattern=x'), NOW)).toBeUndefined();
    expect(fromParameters(new URLSearchParams('group=/g&range=yesterday'), NOW)?.range).toEqual(lastDuration(HOUR));
  });

  it('becomes the contract’s selection for the range as it is now', () => {
    expect(selectionOf(searchOf(['/g'], 'ERROR', lastDuration(HOUR)), NOW)).toEqual({
      logGroupNames: ['/g'],
      filterPattern: 'ERROR',
      startTime: NOW - HOUR,
      endTime: NOW,
    });
  });

  it('says what keeps a search from running', () => {
    expect(searchProblem(searchOf([]))).toBe('Choose at least one log group.');
    expect(searchProblem({ ...searchOf(['/a', '/b']), streams: { kind: 'prefix', prefix: 'x' } })).toBe(
      'Streams can only be chosen when searching one log group.',
    );
    expect(searchProblem(searchOf(['/a'], '', { kind: 'absolute', start: NOW, end: NOW - 1 }))).toBe('The start must be before the end.');
    expect(searchProblem(searchOf(Array.from({ length: 51 }, (_, index) => `/g${index}`)))).toMatch(/at most 50/);
    expect(searchProblem(searchOf(['/a']))).toBeUndefined();
  });

  it('becomes a live tail’s request for the same groups, streams and pattern', () => {
    expect(tailRequestOf({ ...searchOf(['/g'], 'ERROR'), streams: { kind: 'prefix', prefix: 'web-' } })).toEqual({
      logGroupNames: ['/g'],
      logStreamNamePrefixes: ['web-'],
      filterPattern: 'ERROR',
    });
    expect(tailRequestOf(searchOf(['/a', '/b']))).toEqual({ logGroupNames: ['/a', '/b'], filterPattern: '' });
  });
});

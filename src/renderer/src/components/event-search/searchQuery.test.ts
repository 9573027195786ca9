import { describe, expect, it } from 'vitest';
import { adjacentMatch, compileQuery, matchNumber, type SearchQuery } from './searchQuery';

function matcher(query: SearchQuery): (message: string) => boolean {
  const compiled = compileQuery(query);
  if (!compiled.ok) throw new Error(compiled.message);
  return compiled.matches;
}

describe('compileQuery', () => {
  it('finds text anywhere, ignoring case', () => {
    const matches = matcher({ kind: 'text', text: 'Time OUT' });
    expect(matches('request TIME out after 3 s')).toBe(true);
    expect(matches('timeout')).toBe(false);
  });

  it('finds text without letters exactly as written', () => {
    const matches = matcher({ kind: 'text', text: ' 503 ' });
    expect(matches('GET /a 503 12ms')).toBe(true);
    expect(matches('GET /a 5030 12ms')).toBe(false);
  });

  it('ignores case beyond ASCII', () => {
    expect(matcher({ kind: 'text', text: 'ÉCHEC' })('échec de connexion')).toBe(true);
    expect(matcher({ kind: 'text', text: 'straße' })('STRASSE')).toBe(false);
  });

  it('matches everything for empty text', () => {
    expect(matcher({ kind: 'text', text: '' })('anything')).toBe(true);
  });

  it('matches filter patterns as CloudWatch does, case-sensitively', () => {
    const matches = matcher({ kind: 'pattern', pattern: 'ERROR -retry' });
    expect(matches('ERROR disk full')).toBe(true);
    expect(matches('error disk full')).toBe(false);
    expect(matches('ERROR will retry')).toBe(false);
    expect(matcher({ kind: 'pattern', pattern: '{ $.status >= 500 }' })('{"status": 503}')).toBe(true);
  });

  it('refuses a broken pattern with the position of the mistake', () => {
    expect(compileQuery({ kind: 'pattern', pattern: '{ $.status >= }' })).toEqual({
      ok: false,
      message: expect.stringMatching(/\(at character 15\)$/),
    });
  });
});

describe('adjacentMatch', () => {
  const keys = Int32Array.from([-5, 3, 10, 42]);

  it('steps to the next or previous match from any row', () => {
    expect(adjacentMatch(keys, 3, 'next')).toBe(10);
    expect(adjacentMatch(keys, 4, 'next')).toBe(10);
    expect(adjacentMatch(keys, 3, 'previous')).toBe(-5);
    expect(adjacentMatch(keys, 4, 'previous')).toBe(3);
  });

  it('goes round at the ends', () => {
    expect(adjacentMatch(keys, 42, 'next')).toBe(-5);
    expect(adjacentMatch(keys, 100, 'next')).toBe(-5);
    expect(adjacentMatch(keys, -5, 'previous')).toBe(42);
    expect(adjacentMatch(keys, -50, 'previous')).toBe(42);
  });

  it('starts at the first or last match without a current row, and finds nothing without matches', () => {
    expect(adjacentMatch(keys, undefined, 'next')).toBe(-5);
    expect(adjacentMatch(keys, undefined, 'previous')).toBe(42);
    expect(adjacentMatch(new Int32Array(0), 3, 'next')).toBeUndefined();
  });
});

describe('matchNumber', () => {
  it('counts matches from 1, and 0 for a row that is not one', () => {
    const keys = Int32Array.from([-5, 3, 10]);
    expect(matchNumber(keys, -5)).toBe(1);
    expect(matchNumber(keys, 10)).toBe(3);
    expect(matchNumber(keys, 4)).toBe(0);
    expect(matchNumber(keys, undefined)).toBe(0);
  });
});

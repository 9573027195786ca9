import { describe, expect, it } from 'vitest';
import { matchesAllTerms, matchRanges, searchTerms, segmentByMatches } from './textMatch';

describe('searchTerms', () => {
  it('splits on any whitespace, lower-cases and de-duplicates', () => {
    expect(searchTerms('  Lambda\tPROD  lambda ')).toEqual(['lambda', 'prod']);
  });

  it('is empty for a blank query', () => {
    expect(searchTerms('')).toEqual([]);
    expect(searchTerms('   ')).toEqual([]);
  });
});

describe('matchesAllTerms', () => {
  const name = '/aws/lambda/Checkout-Prod';

  it('matches case-insensitive substrings', () => {
    expect(matchesAllTerms(name, ['checkout'])).toBe(true);
    expect(matchesAllTerms(name, ['da/che'])).toBe(true);
  });

  it('requires every word, in any order', () => {
    expect(matchesAllTerms(name, ['prod', 'lambda'])).toBe(true);
    expect(matchesAllTerms(name, ['prod', 'ecs'])).toBe(false);
  });

  it('matches everything when there are no terms', () => {
    expect(matchesAllTerms(name, [])).toBe(true);
  });
});

describe('matchRanges', () => {
  it('finds every occurrence of every term', () => {
    expect(matchRanges('/ecs/api/api-worker', ['api'])).toEqual([
      { start: 5, end: 8 },
      { start: 9, end: 12 },
    ]);
  });

  it('merges overlapping and touching ranges', () => {
    expect(matchRanges('abcdef', ['abc', 'bcd', 'ef'])).toEqual([{ start: 0, end: 6 }]);
    expect(matchRanges('aaaa', ['aa'])).toEqual([{ start: 0, end: 4 }]);
  });

  it('is case-insensitive', () => {
    expect(matchRanges('NGINX/access', ['nginx'])).toEqual([{ start: 0, end: 5 }]);
  });
});

describe('segmentByMatches', () => {
  it('alternates plain and matching text, keeping the original case', () => {
    expect(segmentByMatches('/aws/Lambda/orders', ['lambda', 'ord'])).toEqual([
      { text: '/aws/', match: false },
      { text: 'Lambda', match: true },
      { text: '/', match: false },
      { text: 'ord', match: true },
      { text: 'ers', match: false },
    ]);
  });

  it('returns the whole text when nothing matches', () => {
    expect(segmentByMatches('plain', ['zzz'])).toEqual([{ text: 'plain', match: false }]);
    expect(segmentByMatches('', [])).toEqual([{ text: '', match: false }]);
  });

  it('handles a match at the very end', () => {
    expect(segmentByMatches('api-gw', ['gw'])).toEqual([
      { text: 'api-', match: false },
      { text: 'gw', match: true },
    ]);
  });
});

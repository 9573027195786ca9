import { describe, expect, it } from 'vitest';
import { compileRegex } from './regex';
import type { TextSpan } from './regex-spans';

function spans(source: string, text: string): [number, number][] {
  return compileRegex(source, 0)
    .spans(text)
    .map((span) => [span.start, span.end]);
}

describe('regex spans', () => {
  it.each([
    ['ERROR', 'an ERROR and another ERROR', [[3, 8], [21, 26]]],
    ['\\d+', 'took 1234 ms, 56 retries', [[5, 9], [14, 16]]],
    ['a|ab|abc', 'xabcx', [[1, 4]]],
    ['ab|abcd|c', 'abcd', [[0, 4]]],
    ['a*', 'baab', [[1, 3]]],
    ['^ab', 'abab', [[0, 2]]],
    ['ab$', 'abab', [[2, 4]]],
    ['^$', '', []],
    ['x*', 'yyy', []],
    ['colou?r', 'color colour colouur', [[0, 5], [6, 12]]],
    ['[^ ]+', 'two words', [[0, 3], [4, 9]]],
    ['a{2}', 'aaaaa', [[0, 2], [2, 4]]],
    ['.', 'é€', [[0, 1], [1, 2]]],
    ['a.c', 'a\nc abc', [[4, 7]]],
  ])('%%%s%% in %j', (source, text, expected) => {
    expect(spans(source, text)).toEqual(expected);
  });

  it('finds the leftmost match, not the one that ends first', () => {
    const regex = compileRegex('abcd|c', 0);
    expect(regex.spans('abcd')[0]).toEqual<TextSpan>({ start: 0, end: 4 });
  });

  it('agrees with a brute-force leftmost-longest search on random regexes and texts', () => {
    const random = randomGenerator(7);
    let withMatches = 0;
    for (let round = 0; round < 400; round++) {
      const source = randomRegex(random, 3);
      const reference = new RegExp(source, 'y');
      const regex = compileRegex(source, 0);
      for (let t = 0; t < 20; t++) {
        const text = Array.from({ length: random(12) }, () => 'ab c'.charAt(random(4))).join('');
        const expected = bruteForceSpans(reference, text);
        if (expected.length > 0) withMatches++;
        expect(regex.spans(text).map((span) => [span.start, span.end]), `%${source}% in ${JSON.stringify(text)}`).toEqual(expected);
      }
    }
    // Most cases must have something to find, or the comparison proves little.
    expect(withMatches).toBeGreaterThan(4000);
  });

  it('stays linear where repeated forward searches would go quadratic', () => {
    // From every "a" a match could go on to a "b" that never comes: a naive search reads to the end each time.
    const text = 'a'.repeat(200_000);
    const found = spans('a|a.*b', text);
    expect(found).toHaveLength(200_000);
    expect(found[199_999]).toEqual([199_999, 200_000]);
  });

  it('handles a 256 KB line of one long match', () => {
    const text = `start ${'x'.repeat(262_144)} end`;
    expect(spans('x+', text)).toEqual([[6, 262_150]]);
  });
});

/** Leftmost-longest non-empty matches by trying every start and every end, with `^`/`$` meaning the whole text's ends. */
function bruteForceSpans(reference: RegExp, text: string): [number, number][] {
  const found: [number, number][] = [];
  let position = 0;
  while (position < text.length) {
    let match: [number, number] | undefined;
    for (let start = position; start < text.length && !match; start++) {
      for (let end = text.length; end > start; end--) {
        if (matchesExactly(reference, text, start, end)) {
          match = [start, end];
          break;
        }
      }
    }
    if (!match) break;
    found.push(match);
    position = match[1];
  }
  return found;
}

function matchesExactly(reference: RegExp, text: string, start: number, end: number): boolean {
  const exact = new RegExp(`(?:${reference.source})(?=[^]{${text.length - end}}$)`, 'y');
  exact.lastIndex = start;
  const result = exact.exec(text);
  return result !== null && result.index === start && start + result[0].length === end;
}

/** Only syntax that means the same in JavaScript for texts of "a", "b", "c" and spaces. */
function randomRegex(random: (n: number) => number, depth: number): string {
  const atoms = ['a', 'b', 'c', ' ', '[ab]', '[^a]', '.', '\\s', '\\w'];
  const branch = (): string => {
    const items: string[] = [];
    const length = 1 + random(3);
    for (let i = 0; i < length; i++) {
      let atom = atoms[random(atoms.length)]!;
      const quantifier = ['', '', '?', '*', '+', '{1,2}', '{2}'][random(7)]!;
      atom += quantifier;
      items.push(atom);
    }
    if (random(6) === 0) items.unshift('^');
    if (random(6) === 0) items.push('$');
    return items.join('');
  };
  const branches = Array.from({ length: 1 + (depth > 0 ? random(3) : 0) }, branch);
  return branches.join('|');
}

function randomGenerator(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor((state / 2147483648) * n);
  };
}

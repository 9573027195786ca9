import { describe, expect, it } from 'vitest';
import { FilterPatternSyntaxError, type FilterPatternError } from './errors';
import { compileRegex } from './regex';
import { MAX_NFA_STATES } from './regex-nfa';

/** Compiles `%source%` as if it started the pattern, so error offsets are offsets in `%source%`. */
function regex(source: string) {
  return compileRegex(source, 0);
}

function errorOf(source: string): FilterPatternError {
  try {
    regex(source);
  } catch (error) {
    if (error instanceof FilterPatternSyntaxError) return error.error;
    throw error;
  }
  throw new Error(`expected %${source}% to be rejected`);
}

describe('regex operators, with the examples of the AWS docs', () => {
  it.each([
    ['AUTHORIZED', '[ERROR 401] UNAUTHORIZED REQUEST', true],
    ['AUTHORIZED', '[SUCCESS 200] AUTHORIZED REQUEST', true],
    ['AUTHORIZED', '[SUCCESS 200] OK', false],
    ['^[hc]at', 'hat trick', true],
    ['^[hc]at', 'a cat', false],
    ['[hc]at$', 'the cat', true],
    ['[hc]at$', 'cats', false],
    ['colou?r', 'color', true],
    ['colou?r', 'colour', true],
    ['colou?r', 'colouur', false],
    ['[abc]', 'xxbxx', true],
    ['[abc]', 'xyz', false],
    ['[a-z]', 'ABC1q', true],
    ['^[abcx-z]$', 'y', true],
    ['^[abcx-z]$', 'w', false],
    ['^a{3,5}$', 'aa', false],
    ['^a{3,5}$', 'aaa', true],
    ['^a{3,5}$', 'aaaaa', true],
    ['^a{3,5}$', 'aaaaaa', false],
    ['^a{3, 5}$', 'aaaa', true],
    ['^a{,2}$', 'aa', true],
    ['^a{,2}$', 'aaa', false],
    ['^a{2,}$', 'aaaaaaaa', true],
    ['^a{2}$', 'aaa', false],
    ['gra|ey', 'gray', true],
    ['gra|ey', 'grey', true],
    ['^starting|^initializing|^shutting down', 'initializing the cache', true],
    ['^starting|^initializing|^shutting down', 'shutting down', true],
    ['^starting|^initializing|^shutting down', 'skipping initializing ...', false],
    ['abcc|ab[^c]$', 'abcc ...', true],
    ['abcc|ab[^c]$', 'aba', true],
    ['abcc|ab[^c]$', 'aac ...', false],
    ['\\[.\\]', 'value [7] here', true],
    ['\\[.\\]', '[]]', true],
    ['\\[.\\]', '[ ]', true],
    ['\\[.\\]', '[ab]', false],
    ['10\\.10\\.0\\.1', 'from 10.10.0.1', true],
    ['10\\.10\\.0\\.1', '10010,051', false],
    ['10.10.0.1', '10010,051', true],
    ['ab*c', 'ac', true],
    ['ab*c', 'abbbc', true],
    ['^ab[0-9]*$', 'ab129', true],
    ['ab+c', 'abbc', true],
    ['ab+c', 'ac', false],
    ['.at', '#at', true],
    ['.at', ' at', true],
    ['.at', 'at', false],
    ['\\d', 'port 80', true],
    ['\\d', 'port', false],
    ['^\\D+$', 'port', true],
    ['\\s', 'a\tb', true],
    ['\\S', '   ', false],
    ['^\\w+$', 'snake_case_9', true],
    ['\\W', 'snake_case_9', false],
    ['\\x3A', 'key:value', true],
    ['\\x28', 'f(x)', true],
    ['\\x28', 'fx', false],
  ])('%%%s%% on %j is %s', (source, text, expected) => {
    expect(regex(source).test(text)).toBe(expected);
  });

  it('is case-sensitive', () => {
    expect(regex('error').test('ERROR')).toBe(false);
    expect(regex('[Ee]rror|[Ff]ail').test('Fail here')).toBe(true);
  });

  it('matches non-ASCII text with negated classes, "." and \\W, but never with a named character', () => {
    expect(regex('caf.').test('café')).toBe(true);
    expect(regex('\\W').test('é')).toBe(true);
    expect(regex('[^a]').test('é')).toBe(true);
    expect(regex('^\\w+$').test('café')).toBe(false);
  });

  it('treats an anchor in the middle of a sequence as a position that can never be passed', () => {
    expect(regex('a^b').test('a^b')).toBe(false);
    expect(regex('a$b').test('ab')).toBe(false);
  });

  it('matches everything when the regex can match the empty string', () => {
    expect(regex('x*').test('')).toBe(true);
    expect(regex('^$').test('')).toBe(true);
    expect(regex('^$').test('a')).toBe(false);
  });
});

/** The same regex for JavaScript's engine, to check ours against on random input. */
function toNative(source: string): RegExp {
  return new RegExp(source.replace(/\{,/g, '{0,').replace(/\\s/g, '[\\t\\n\\v\\f\\r ]').replace(/(^|[^\\])\./g, '$1[^\\n\\r]'));
}

describe('agrees with a backtracking engine on random regexes and texts', () => {
  it('gives the same answer as RegExp', () => {
    let seed = 42;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const atoms = ['a', 'b', '.', '[ab]', '[^a]', '\\d', '\\s', '1', ' ', '^', '$'];
    const quantifiers = ['', '', '', '*', '+', '?', '{2}', '{1,3}', '{,2}', '{2,}'];
    const alphabet = 'ab1 \n';
    for (let round = 0; round < 400; round++) {
      let source = '';
      const atomCount = 1 + random(5);
      for (let i = 0; i < atomCount; i++) {
        const atom = atoms[random(atoms.length)]!;
        source += atom + (atom === '^' || atom === '$' ? '' : quantifiers[random(quantifiers.length)]!);
        if (random(6) === 0 && i < atomCount - 1) source += '|';
      }
      const ours = regex(source);
      const native = toNative(source);
      for (let t = 0; t < 30; t++) {
        let text = '';
        const length = random(12);
        for (let i = 0; i < length; i++) text += alphabet[random(alphabet.length)]!;
        expect(ours.test(text), `%${source}% on ${JSON.stringify(text)}`).toBe(native.test(text));
      }
    }
  });
});

describe('matching time', () => {
  it('stays linear on regexes that make backtracking engines explode', () => {
    const text = `${'a'.repeat(50_000)}!`;
    const started = performance.now();
    expect(regex('a*a*a*a*a*a*a*a*a*a*b').test(text)).toBe(false);
    expect(regex('^\\w+\\w+\\w+\\w+@').test(text)).toBe(false);
    expect(regex('a{1,1000}a{1,1000}b').test(text)).toBe(false);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('stays correct when the lazily built automaton outgrows its cache', () => {
    // Matching "an a 12 characters before the end" needs thousands of automaton states.
    const source = 'a[ab]{12}$';
    let seed = 7;
    let text = '';
    for (let i = 0; i < 20_000; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      text += seed % 2 === 0 ? 'a' : 'b';
    }
    const native = /a[ab]{12}$/;
    for (let cut = 19_000; cut < 20_000; cut += 37) {
      expect(regex(source).test(text.slice(0, cut))).toBe(native.test(text.slice(0, cut)));
    }
  });
});

describe('rejected regexes, pointing at the mistake', () => {
  // Offsets count from the opening % sign.
  it.each([
    ['', 0, 2, 'empty'],
    ['something!', 10, 1, '"!" isn\'t supported'],
    ['a(b)', 2, 1, 'Parentheses aren\'t supported'],
    ['a)b', 2, 1, 'Parentheses'],
    ['café', 4, 1, 'Multi-byte characters'],
    ['say "hi"', 5, 1, `'"' isn't supported`],
    ['a]', 2, 1, 'Unmatched "]"'],
    ['a}', 2, 1, 'Unmatched "}"'],
    ['a{x}', 2, 3, 'Expected a repeat count'],
    ['a{3', 2, 1, 'Expected a repeat count'],
    ['a{}', 2, 2, 'Expected a repeat count'],
    ['a{5,3}', 2, 5, 'minimum above its maximum'],
    ['a{1001}', 2, 6, 'at most 1000'],
    ['*a', 1, 1, 'Nothing to repeat before "*"'],
    ['^+', 2, 1, 'Nothing to repeat'],
    ['a**', 3, 1, 'Two repeat operators'],
    ['a|', 2, 1, 'Empty alternative'],
    ['|a', 1, 1, 'Empty alternative'],
    ['a||b', 3, 1, 'Empty alternative'],
    ['\\b', 1, 2, 'Unsupported escape "\\b"'],
    ['\\(', 1, 2, 'Unsupported escape'],
    ['\\xZ1', 1, 2, 'two hexadecimal digits'],
    ['a\\', 2, 1, 'Nothing follows'],
    ['[abc', 1, 1, 'never closed'],
    ['[]', 1, 2, 'Empty character class'],
    ['[z-a]', 3, 1, 'backwards'],
    ['[a-\\d]', 3, 1, 'two single characters'],
    ['[a[b]', 3, 1, 'Write \\[ to use "["'],
    ['[a!]', 3, 1, '"!" isn\'t supported'],
  ])('%%%s%% fails at %i (+%i): %s', (source, offset, length, message) => {
    const error = errorOf(source);
    expect(error.message).toContain(message);
    expect({ offset: error.offset, length: error.length }).toEqual({ offset, length });
  });

  it('accepts the operators inside a character class, and escaped brackets', () => {
    expect(regex('[.*+?$|{}^]').test('x+y')).toBe(true);
    expect(regex('[\\[\\]]').test(']')).toBe(true);
    expect(regex('[-a]').test('-')).toBe(true);
    expect(regex('[a-]').test('-')).toBe(true);
    expect(regex('[\\x41-\\x43]').test('B')).toBe(true);
  });

  it('rejects a regex that would expand beyond the size limit', () => {
    const source = 'a{1000}'.repeat(Math.ceil(MAX_NFA_STATES / 1000) + 1);
    const error = errorOf(source);
    expect(error.message).toContain('too large');
    expect(error).toMatchObject({ offset: 0, length: source.length + 2 });
  });
});

import { describe, expect, it } from 'vitest';
import { FILTER_PATTERN_MAX_LENGTH } from '../../contract/logs-rules';
import { extractFields, matchesFilterPattern, parseFilterPattern } from './index';

describe('parseFilterPattern', () => {
  it('tells the kind of pattern from its first character', () => {
    const kindOf = (text: string): string => {
      const result = parseFilterPattern(text);
      return result.ok ? result.pattern.kind : `error: ${result.error.message}`;
    };
    expect(kindOf('')).toBe('all');
    expect(kindOf('ERROR')).toBe('terms');
    expect(kindOf('%ERROR%')).toBe('terms');
    expect(kindOf('  { $.a = 1 }')).toBe('json');
    expect(kindOf('\n[a, b]')).toBe('delimited');
  });

  it('keeps the source text as given', () => {
    const result = parseFilterPattern('  ERROR  ');
    expect(result.ok && result.pattern.source).toBe('  ERROR  ');
  });

  it(`accepts patterns of up to ${FILTER_PATTERN_MAX_LENGTH} characters and points past the limit for longer ones`, () => {
    const atLimit = 'x'.repeat(FILTER_PATTERN_MAX_LENGTH);
    expect(parseFilterPattern(atLimit).ok).toBe(true);
    const result = parseFilterPattern(`${atLimit}yz`);
    expect(result).toEqual({
      ok: false,
      error: {
        message: 'A filter pattern can be at most 1,024 characters; this one has 1,026.',
        offset: FILTER_PATTERN_MAX_LENGTH,
        length: 2,
      },
    });
  });
});

/** A small deterministic generator, so a failure can be reproduced. */
function randomGenerator(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % n;
  };
}

describe('robustness', () => {
  const pieces = [
    '{', '}', '[', ']', '(', ')', '$', '$.', '.', '*', '%', '"', '\\', "'", ' ', ',', '=', '!=', '<', '>=', '&&', '||', '&', '|',
    '?', '-', '...', 'IS', 'NOT', 'EXISTS', 'TRUE', 'NULL', 'a', 'Z9', '0', '1e3', '_', ':', '/', '^', '+', '{2,3}', 'é', '\t', '😀',
  ];
  const messages = ['{"a":1,"b":[1,"x",null,true],"c":{"d":"e"}}', 'ERROR 404 [a b] "c d" x', '', ' ', '{"a":', '[unclosed "quote', 'é 😀'];

  it('never throws on random input, and reports mistakes within the text', () => {
    const random = randomGenerator(2024);
    let accepted = 0;
    for (let round = 0; round < 20_000; round++) {
      let text = '';
      const count = random(16);
      for (let i = 0; i < count; i++) text += pieces[random(pieces.length)]!;
      if (random(3) === 0) text = `{ $.a ${text} }`;
      else if (random(3) === 0) text = `[a${text}]`;
      const result = parseFilterPattern(text);
      if (result.ok) {
        accepted++;
        for (const message of messages) {
          expect(typeof matchesFilterPattern(result.pattern, message)).toBe('boolean');
          extractFields(result.pattern, message);
        }
      } else {
        const { offset, length, message } = result.error;
        expect(message.length, text).toBeGreaterThan(10);
        expect(offset, text).toBeGreaterThanOrEqual(0);
        expect(offset + length, text).toBeLessThanOrEqual(text.length);
        expect(length >= 1 || offset === text.length, `${text}: empty span before the end`).toBe(true);
      }
    }
    // The generator must reach the matchers too, not only the error paths.
    expect(accepted).toBeGreaterThan(500);
  });

  it('never throws on random printable strings', () => {
    const random = randomGenerator(7);
    for (let round = 0; round < 5_000; round++) {
      let text = '';
      const length = random(40);
      for (let i = 0; i < length; i++) text += String.fromCharCode(32 + random(95));
      expect(() => parseFilterPattern(text)).not.toThrow();
    }
  });

  it('parses and matches quickly even for adversarial patterns at the length limit', () => {
    const adversarial = [
      `{ ${'('.repeat(500)}$.a = 1${')'.repeat(500)} }`,
      `{ ${'('.repeat(1020)}`,
      `%${'a*'.repeat(511)}%`,
      `%${'a{1000}'.repeat(4)}%`,
      '%\\d{1,1000}\\d{1,1000}\\d{1,1000}\\d{1,1000}x%',
      `%${'[a-z]?'.repeat(170)}%`,
      '"'.repeat(1024),
      `[${'a,'.repeat(511)}]`,
      `{ ${Array.from({ length: 60 }, (_, i) => `$.f${i} = %x*y*z%`).join(' || ')} }`.slice(0, 1024),
    ];
    const messages = [`${'a'.repeat(5_000)} {"a": "${'x'.repeat(5_000)}"}`, '1'.repeat(20_000)];
    for (const text of adversarial) {
      const started = performance.now();
      const result = parseFilterPattern(text);
      expect(result.ok || result.error.message.length > 0).toBe(true);
      if (result.ok) for (const message of messages) matchesFilterPattern(result.pattern, message);
      expect(performance.now() - started, text.slice(0, 40)).toBeLessThan(5_000);
    }
  });
});

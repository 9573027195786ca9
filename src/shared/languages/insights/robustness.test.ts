/**
 * Editor input is any text, mid-typing: the parser answers every string with a result (never throws,
 * errors inside the text), and the tokenizer's tokens are in order, inside the text, and cover every
 * character that is not white space.
 */
import { describe, expect, it } from 'vitest';
import { parseInsightsQuery, tokenizeInsightsQuery } from './index';
import { randomQueries } from './testing';

describe('robustness on arbitrary text', () => {
  it('parses and tokenizes 3,000 random queries without throwing, covering the text', () => {
    for (const text of randomQueries(3000, 42)) {
      const result = parseInsightsQuery(text);
      if (!result.ok) {
        expect(result.error.start).toBeGreaterThanOrEqual(0);
        expect(result.error.end).toBeLessThanOrEqual(text.length);
        expect(result.error.start).toBeLessThanOrEqual(result.error.end);
      }
      const tokens = tokenizeInsightsQuery(text);
      let covered = 0;
      for (const token of tokens) {
        expect(token.start).toBeGreaterThanOrEqual(covered);
        expect(text.slice(covered, token.start).trim()).toBe('');
        expect(token.end).toBeGreaterThan(token.start);
        covered = token.end;
      }
      expect(text.slice(covered).trim()).toBe('');
    }
  });
});

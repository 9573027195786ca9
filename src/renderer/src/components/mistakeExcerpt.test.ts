import { describe, expect, it } from 'vitest';
import { mistakeExcerpt } from './mistakeExcerpt';

describe('mistakeExcerpt', () => {
  it('splits a short text around the mistake', () => {
    expect(mistakeExcerpt('{ $.a = }', 8, 1)).toEqual({ before: '{ $.a = ', mistake: '}', after: '', cutStart: false, cutEnd: false });
  });

  it('marks a missing piece at the end with an empty mistake', () => {
    expect(mistakeExcerpt('-3h to', 6, 0)).toEqual({ before: '-3h to', mistake: '', after: '', cutStart: false, cutEnd: false });
  });

  it('cuts a long text to a window that shows the mistake', () => {
    const text = `${'a'.repeat(500)}!${'b'.repeat(500)}`;
    const excerpt = mistakeExcerpt(text, 500, 1, 40);
    expect(excerpt.mistake).toBe('!');
    expect(excerpt.cutStart && excerpt.cutEnd).toBe(true);
    expect(excerpt.before.length + excerpt.after.length + 1).toBeLessThanOrEqual(41);
    expect(excerpt.before.length).toBeGreaterThan(10);
    expect(excerpt.after.length).toBeGreaterThan(10);
  });

  it('keeps positions inside the text', () => {
    expect(mistakeExcerpt('abc', 10, 5)).toEqual({ before: 'abc', mistake: '', after: '', cutStart: false, cutEnd: false });
  });
});

import { describe, expect, it } from 'vitest';
import { collapsedLimit, collapsedLines, COLLAPSED_LINES, estimateRowHeight } from './rowEstimate';

describe('collapsedLines', () => {
  it('counts text lines of a short message', () => {
    expect(collapsedLines('one line', 80, true)).toBe(1);
    expect(collapsedLines('', 80, true)).toBe(1);
    expect(collapsedLines('a\nb\nc', 80, true)).toBe(3);
    expect(collapsedLines('ends with a break\n', 80, true)).toBe(1);
  });

  it('counts wrapped screen lines when wrapping', () => {
    expect(collapsedLines('x'.repeat(200), 80, true)).toBe(3);
    expect(collapsedLines('x'.repeat(200), 80, false)).toBe(1);
  });

  it('stops at the collapsed height and adds the "show all" line', () => {
    expect(collapsedLines('x'.repeat(100_000), 80, true)).toBe(COLLAPSED_LINES + 1);
    expect(collapsedLines(Array.from({ length: 3000 }, () => 'line').join('\n'), 80, false)).toBe(COLLAPSED_LINES + 1);
    expect(collapsedLines('1\n2\n3\n4\n5', 80, true)).toBe(5);
    expect(collapsedLines('1\n2\n3\n4\n5\n6', 80, true)).toBe(COLLAPSED_LINES + 1);
  });
});

describe('collapsedLimit', () => {
  it('reads what fits on the collapsed lines', () => {
    expect(collapsedLimit(120, true)).toEqual({ lines: COLLAPSED_LINES, chars: COLLAPSED_LINES * 120 });
    expect(collapsedLimit(120, false).chars).toBeGreaterThan(COLLAPSED_LINES * 120);
  });
});

describe('estimateRowHeight', () => {
  it('is lines times line height plus the row chrome, and never more than a collapsed row', () => {
    const metrics = { charsPerLine: 100, lineHeight: 18, chrome: 9 };
    expect(estimateRowHeight('short', true, metrics)).toBe(27);
    expect(estimateRowHeight('x'.repeat(262_144), true, metrics)).toBe((COLLAPSED_LINES + 1) * 18 + 9);
  });
});

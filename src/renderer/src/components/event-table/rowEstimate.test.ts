import { describe, expect, it } from 'vitest';
import { collapsedLimit, collapsedLines, COLLAPSED_LINES, estimateRowHeight, wrappedLines } from './rowEstimate';

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

  it('wraps whole words onto the next line', () => {
    // "aaaa bbbb" in 6 columns: "aaaa " then "bbbb".
    expect(collapsedLines('aaaa bbbb', 6, true)).toBe(2);
    expect(collapsedLines('aaa bb', 6, true)).toBe(1);
    // Spaces at the end of a line hang past its edge instead of starting a new one.
    expect(collapsedLines('aaaaaa      b', 6, true)).toBe(2);
  });

  it('stops at the collapsed height and adds the "show all" line', () => {
    expect(collapsedLines('x'.repeat(100_000), 80, true)).toBe(COLLAPSED_LINES + 1);
    expect(collapsedLines(Array.from({ length: 3000 }, () => 'line').join('\n'), 80, false)).toBe(COLLAPSED_LINES + 1);
    expect(collapsedLines('1\n2\n3\n4\n5', 80, true)).toBe(5);
    expect(collapsedLines('1\n2\n3\n4\n5\n6', 80, true)).toBe(COLLAPSED_LINES + 1);
  });
});

describe('wrappedLines', () => {
  it('starts a word longer than a line on a line of its own and cuts it into line-long pieces', () => {
    const text = `ab ${'x'.repeat(25)}`;
    // "ab " | 10 x | 10 x | 5 x
    expect(wrappedLines(text, 0, text.length, 10)).toBe(4);
    expect(wrappedLines('x'.repeat(20), 0, 20, 10)).toBe(2);
  });

  it('breaks a JSON line where the browser does: after its spaces, and anywhere in a word too long for a line', () => {
    const json = '{"level":"info","msg":"request completed","path":"/api/v1/orders/123","status":200,"duration_ms":12.5}';
    // '{"level":"info","msg":"request ' (31) then the rest (69) on lines of 40.
    expect(wrappedLines(json, 0, json.length, 40)).toBe(3);
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

import { describe, expect, it } from 'vitest';
import { MAX_COMBINING_MARKS, messageStats, segmentMessage, type MessageSegment } from './messageSegments';

/** Segments written compactly: text as is, markers as ⟦label⟧, highlighted pieces in «». */
function shown(message: string, options?: Parameters<typeof segmentMessage>[1]): string {
  return segmentMessage(message, options)
    .segments.map((segment) => {
      const body = segment.kind === 'marker' ? `⟦${segment.label}⟧` : segment.text;
      return segment.highlight ? `«${body}»` : body;
    })
    .join('');
}

function segments(message: string): readonly MessageSegment[] {
  return segmentMessage(message).segments;
}

describe('segmentMessage', () => {
  it('keeps ordinary text, HTML included, as one text piece', () => {
    expect(segments('<img src=x onerror=alert(1)> & "quotes"')).toEqual([
      { kind: 'text', text: '<img src=x onerror=alert(1)> & "quotes"', style: {}, highlight: false },
    ]);
  });

  it('applies ANSI colours and drops the SGR codes', () => {
    expect(segments('\x1b[31mred\x1b[0m plain')).toEqual([
      { kind: 'text', text: 'red', style: { fg: { palette: 1 } }, highlight: false },
      { kind: 'text', text: ' plain', style: {}, highlight: false },
    ]);
  });

  it('shows other escape sequences instead of applying them', () => {
    expect(shown('a\x1b[2Jb')).toBe('a⟦ESC⟧[2Jb');
    expect(shown('\x1b]8;;https://evil.example\x07link')).toBe('⟦ESC⟧]8;;https://evil.example⟦BEL⟧link');
  });

  it('names control characters, and keeps tabs and line breaks', () => {
    expect(shown('a\x00b\x07c\x7fd\x85e\tf\ng')).toBe('a⟦NUL⟧b⟦BEL⟧c⟦DEL⟧d⟦U+0085⟧e\tf\ng');
  });

  it('treats a Windows line ending as a line break, and shows a lone carriage return', () => {
    expect(shown('one\r\ntwo\rthree')).toBe('one\ntwo⟦CR⟧three');
  });

  it('shows direction overrides and isolates, so they cannot reorder the text', () => {
    expect(shown('invoice\u202Efdp.exe')).toBe('invoice⟦RLO⟧fdp.exe');
    expect(shown('\u2066a\u2069\u200E\u200F\u061C\u202A\u202B\u202C\u202D\u2067\u2068')).toBe(
      '⟦LRI⟧a⟦PDI⟧⟦LRM⟧⟦RLM⟧⟦ALM⟧⟦LRE⟧⟦RLE⟧⟦PDF⟧⟦LRO⟧⟦RLI⟧⟦FSI⟧',
    );
  });

  it('shows invisible characters', () => {
    expect(shown('pass\u200Bword\uFEFF\u00AD\u2060\u034F\u2028x')).toBe('pass⟦ZWSP⟧word⟦BOM⟧⟦SHY⟧⟦WJ⟧⟦CGJ⟧⟦LSEP⟧x');
    // Tag characters can smuggle hidden text.
    expect(shown('hi\u{E0041}\u{E0042}')).toBe('hi⟦U+E0041⟧⟦U+E0042⟧');
  });

  it('gives every marker a title that names the character', () => {
    const [, marker] = segments('a\u202Eb');
    expect(marker).toMatchObject({ kind: 'marker', label: 'RLO', title: 'right-to-left override (U+202E)' });
  });

  it('keeps emoji sequences whole but shows a joiner between letters', () => {
    expect(shown('👩\u200D💻 ❤\uFE0F')).toBe('👩\u200D💻 ❤\uFE0F');
    expect(shown('a\u200Db')).toBe('a⟦ZWJ⟧b');
  });

  it('shows replacement characters and unpaired surrogates', () => {
    expect(shown('bad \uFFFD byte')).toBe('bad \uFFFD byte');
    expect(shown('x\uD800y')).toBe('x⟦U+D800⟧y');
  });

  it('keeps a few combining marks and counts the rest of a long stack', () => {
    expect(shown('e\u0301')).toBe('e\u0301');
    const zalgo = `Z${'\u0336'.repeat(40)}!`;
    expect(shown(zalgo)).toBe(`Z${'\u0336'.repeat(MAX_COMBINING_MARKS)}⟦+${40 - MAX_COMBINING_MARKS}⟧!`);
  });

  it('marks highlight ranges of the original text, across colours and markers', () => {
    const message = '\x1b[1mERROR\x1b[0m in\u200Bside';
    // "ERROR" is at 4–9 in the original; "in\u200Bside" at 14–21.
    expect(shown(message, { highlights: [{ start: 4, end: 9 }, { start: 14, end: 21 }] })).toBe('«ERROR» «in»«⟦ZWSP⟧»«side»');
  });

  it('splits text where a highlight starts and ends', () => {
    expect(shown('abcdef', { highlights: [{ start: 1, end: 3 }, { start: 4, end: 5 }] })).toBe('a«bc»d«e»f');
  });

  describe('with a limit', () => {
    it('stops after the last allowed line and says it cut', () => {
      expect(segmentMessage('1\n2\n3\n4', { limit: { lines: 2, chars: 1000 } })).toMatchObject({ truncated: true });
      expect(shown('1\n2\n3\n4', { limit: { lines: 2, chars: 1000 } })).toBe('1\n2');
    });

    it('does not call a message cut when only a final line break is left out', () => {
      expect(segmentMessage('1\n2\n', { limit: { lines: 2, chars: 1000 } }).truncated).toBe(false);
    });

    it('stops after the allowed characters, never inside a surrogate pair', () => {
      const long = 'x'.repeat(100_000);
      const result = segmentMessage(long, { limit: { lines: 5, chars: 2000 } });
      expect(result.truncated).toBe(true);
      expect(shown(long, { limit: { lines: 5, chars: 2000 } })).toHaveLength(2000);
      expect(shown('ab😀', { limit: { lines: 5, chars: 3 } })).toBe('ab');
    });

    it('is not truncated when everything fits', () => {
      expect(segmentMessage('short', { limit: { lines: 1, chars: 5 } }).truncated).toBe(false);
    });
  });
});

describe('messageStats', () => {
  it('counts UTF-8 bytes and lines', () => {
    expect(messageStats('a\nb')).toEqual({ bytes: 3, lines: 2 });
    expect(messageStats('é€😀')).toEqual({ bytes: 2 + 3 + 4, lines: 1 });
    expect(messageStats('\uD800')).toEqual({ bytes: 3, lines: 1 });
  });
});

import { describe, expect, it } from 'vitest';
import { tokenizeInsightsQuery } from './index';

function kinds(text: string): Array<[string, string]> {
  return tokenizeInsightsQuery(text).map((token) => [text.slice(token.start, token.end), token.kind]);
}

describe('tokenizeInsightsQuery', () => {
  it('classifies every token of a query', () => {
    expect(kinds('filter @message like /ERROR/ | stats count(*) as n by bin(5m) # per 5 minutes')).toEqual([
      ['filter', 'command'],
      ['@message', 'field'],
      ['like', 'keyword'],
      ['/ERROR/', 'regex'],
      ['|', 'punctuation'],
      ['stats', 'command'],
      ['count', 'function'],
      ['(', 'punctuation'],
      ['*', 'operator'],
      [')', 'punctuation'],
      ['as', 'keyword'],
      ['n', 'field'],
      ['by', 'keyword'],
      ['bin', 'function'],
      ['(', 'punctuation'],
      ['5m', 'duration'],
      [')', 'punctuation'],
      ['# per 5 minutes', 'comment'],
    ]);
  });

  it('marks strings, numbers, backquoted fields and operators', () => {
    expect(kinds('filter `a-b` >= 1.5 and c != "x"')).toEqual([
      ['filter', 'command'],
      ['`a-b`', 'field'],
      ['>=', 'operator'],
      ['1.5', 'number'],
      ['and', 'keyword'],
      ['c', 'field'],
      ['!=', 'operator'],
      ['"x"', 'string'],
    ]);
  });

  it('covers bad input without throwing: unknown commands and functions, unclosed strings, stray characters', () => {
    expect(kinds('frob x | fields nope(1) ~ "open')).toEqual([
      ['frob', 'invalid'],
      ['x', 'field'],
      ['|', 'punctuation'],
      ['fields', 'command'],
      ['nope', 'invalid'],
      ['(', 'punctuation'],
      ['1', 'number'],
      [')', 'punctuation'],
      ['~', 'invalid'],
      ['"open', 'invalid'],
    ]);
    expect(() => tokenizeInsightsQuery('`/"\'\\#|||((')).not.toThrow();
  });

  it('marks the any of limit any as a keyword', () => {
    expect(kinds('limit any 5')).toEqual([
      ['limit', 'command'],
      ['any', 'keyword'],
      ['5', 'number'],
    ]);
  });

  it('reads a slash after a value as division', () => {
    expect(kinds('fields a / 2')).toEqual([
      ['fields', 'command'],
      ['a', 'field'],
      ['/', 'operator'],
      ['2', 'number'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { matchesFilterPattern } from './index';
import { errorOf, parse } from './testing';

/** Which of the messages the pattern matches. */
function matching(pattern: string, messages: readonly string[]): string[] {
  const parsed = parse(pattern);
  return messages.filter((message) => matchesFilterPattern(parsed, message));
}

// Log events modelled on the unstructured examples of the AWS docs.
const events = [
  '[ERROR 400] BAD REQUEST',
  '[ERROR 401] UNAUTHORIZED REQUEST',
  '[ERROR 419] MISSING ARGUMENTS',
  '[ERROR 420] INVALID ARGUMENTS',
  '[ERROR 500] INTERNAL SERVER ERROR',
  '[INFO] REQUEST FAILED',
  '[WARN] Server error: retrying',
];

describe('unstructured terms', () => {
  it('matches a single term anywhere in the message, case-sensitively', () => {
    expect(matching('ERROR', events)).toEqual(events.slice(0, 5));
    expect(matching('error', events)).toEqual(['[WARN] Server error: retrying']);
  });

  it('matches a term inside a longer word, as "ERROR" matches "ERRORCODE" in the AWS docs', () => {
    expect(matching('ERROR', ['Exiting with ERRORCODE: -1'])).toHaveLength(1);
    expect(matching('AUTHORIZED', events)).toEqual(['[ERROR 401] UNAUTHORIZED REQUEST']);
  });

  it('requires every term when there are several', () => {
    expect(matching('ERROR ARGUMENTS', events)).toEqual(['[ERROR 419] MISSING ARGUMENTS', '[ERROR 420] INVALID ARGUMENTS']);
    expect(matching('ARGUMENTS   ERROR', events)).toHaveLength(2);
  });

  it('requires one of the ?terms when there are only ?terms', () => {
    expect(matching('?BAD ?MISSING', events)).toEqual(['[ERROR 400] BAD REQUEST', '[ERROR 419] MISSING ARGUMENTS']);
    expect(matching('?ERROR ?ARGUMENTS', events)).toEqual(events.slice(0, 5));
  });

  it('ignores ?terms combined with other terms, as the AWS docs say', () => {
    expect(matching('?ERROR ?ARGUMENTS REQUEST', events)).toEqual(matching('REQUEST', events));
    expect(matching('?BAD -ERROR', events)).toEqual(matching('-ERROR', events));
  });

  it('matches an exact phrase in double quotes', () => {
    expect(matching('"INTERNAL SERVER ERROR"', events)).toEqual(['[ERROR 500] INTERNAL SERVER ERROR']);
    expect(matching('"SERVER INTERNAL"', events)).toEqual([]);
    expect(matching('"ERROR 4"', events)).toHaveLength(4);
  });

  it('needs double quotes for terms with characters other than letters, digits and _, and then matches them', () => {
    expect(matching('"[ERROR"', events)).toHaveLength(5);
    expect(matching('"error:"', events)).toEqual(['[WARN] Server error: retrying']);
    expect(matching('MISSING_ARG', ['MISSING_ARG=1'])).toHaveLength(1);
  });

  it('excludes -terms, including quoted ones', () => {
    expect(matching('ERROR -ARGUMENTS', events)).toEqual([events[0], events[1], events[4]]);
    expect(matching('-ERROR', events)).toEqual(events.slice(5));
    expect(matching('ERROR -"INTERNAL SERVER"', events)).toHaveLength(4);
    expect(matching('REQUEST -BAD -UNAUTHORIZED', events)).toEqual(['[INFO] REQUEST FAILED']);
  });

  it('reads \\" and \\\\ in a quoted phrase as a quote and a backslash, and keeps other backslashes', () => {
    expect(matching('"say \\"hi\\""', ['they say "hi" twice'])).toHaveLength(1);
    expect(matching('"C:\\temp"', ['opened C:\\temp\\x'])).toHaveLength(1);
    expect(matching('"a\\\\b"', ['a\\b'])).toHaveLength(1);
  });
});

describe('patterns that match everything', () => {
  it.each(['', '   ', '\t\n', '""', '" "', '"  " ""', '?" " ?ERROR'])('%j is "all"', (text) => {
    expect(parse(text).kind).toBe('all');
    expect(matching(text, events)).toEqual(events);
  });

  it('ignores an empty phrase next to real terms', () => {
    expect(matching('"" ARGUMENTS', events)).toHaveLength(2);
  });
});

describe('a standalone %regex%', () => {
  it('matches anywhere in the message', () => {
    expect(parse('%AUTHORIZED%').kind).toBe('terms');
    expect(matching('%AUTHORIZED%', ['[ERROR 401] UNAUTHORIZED REQUEST', '[SUCCESS 200] AUTHORIZED REQUEST', 'nothing'])).toHaveLength(2);
    expect(matching('  %^\\[ERROR 4[0-9]{2}\\]%  ', events)).toHaveLength(4);
  });
});

describe('mistakes in unstructured patterns', () => {
  it.each([
    ['ERROR:', 5, 1, 'Terms containing ":" must be in double quotes, e.g. "ERROR:"'],
    ['user@example.com', 4, 1, 'e.g. "user@example.com"'],
    ['ok 10.0.0.1', 5, 1, 'Terms containing "."'],
    ['foo"bar"', 3, 1, 'Terms containing """ must be in double quotes;'],
    ['"INTERNAL SERVER', 0, 1, 'This quote is never closed'],
    ['ERROR "abc', 6, 1, 'never closed'],
    ['"abc"def', 5, 3, 'Expected a space after the closing quote'],
    ['?', 0, 1, 'Expected a term right after "?"'],
    ['ERROR - Exiting', 6, 1, 'Expected a term right after "-"'],
    ['ERROR -', 6, 1, 'Expected a term right after "-"'],
    ['-?ERROR', 1, 1, 'Terms containing "?"'],
    ['ERROR -""', 6, 3, 'nothing to exclude'],
    ['ERROR %4[0-9]{2}%', 6, 1, 'must be the whole filter pattern'],
    ['%ERROR% WARN', 8, 4, 'must be the whole filter pattern'],
    ['%ERROR', 0, 1, 'This regex is never closed'],
    ['%ERROR!%', 6, 1, '"!" isn\'t supported'],
  ])('%j fails at %i (+%i): %s', (text, offset, length, message) => {
    const error = errorOf(text);
    expect(error.message).toContain(message);
    expect({ offset: error.offset, length: error.length }).toEqual({ offset, length });
  });
});

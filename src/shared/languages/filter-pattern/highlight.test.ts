import { describe, expect, it } from 'vitest';
import { highlightRanges, mergeSpans } from './highlight';
import { parse } from './testing';

/** The highlighted pieces of `message`, in order. */
function marked(pattern: string, message: string): string[] {
  return highlightRanges(parse(pattern), message).map((span) => message.slice(span.start, span.end));
}

describe('highlightRanges: terms', () => {
  it('marks every occurrence of every term, case-sensitively', () => {
    expect(marked('ERROR timeout', 'ERROR: timeout after ERROR; error Timeout timeout')).toEqual(['ERROR', 'timeout', 'ERROR', 'timeout']);
  });

  it('marks quoted phrases whole, spaces and symbols included', () => {
    expect(marked('"user id=42"', 'login user id=42 ok')).toEqual(['user id=42']);
  });

  it('joins occurrences that overlap or touch', () => {
    expect(highlightRanges(parse('aa'), 'xaaay')).toEqual([{ start: 1, end: 4 }]);
    expect(highlightRanges(parse('ab cd'), 'abcd')).toEqual([{ start: 0, end: 4 }]);
  });

  it('marks the ?terms that occur and never the excluded ones', () => {
    expect(marked('?ERROR ?WARN', 'WARN disk almost full')).toEqual(['WARN']);
    expect(marked('ERROR -DEBUG', 'ERROR in handler')).toEqual(['ERROR']);
  });

  it('marks nothing in a message the pattern does not match', () => {
    expect(marked('ERROR -DEBUG', 'ERROR DEBUG details')).toEqual([]);
    expect(marked('ERROR', 'error in lower case')).toEqual([]);
  });

  it('marks nothing for the pattern that matches everything', () => {
    expect(marked('', 'anything')).toEqual([]);
  });

  it('marks each match of a regex', () => {
    expect(marked('%\\d{3} ms%', 'took 120 ms, then 5 ms, then 999 ms')).toEqual(['120 ms', '999 ms']);
    expect(marked('%^[A-Z]+%', 'INFO started INFO')).toEqual(['INFO']);
  });
});

describe('highlightRanges: JSON', () => {
  const event = '{"eventType": "UpdateTrail", "latency": 1500, "user": {"name": "ana", "id": 7}, "tags": ["a", "prod"], "ok": true, "gone": null}';

  it('marks the string value inside its quotes', () => {
    expect(marked('{ $.eventType = "UpdateTrail" }', event)).toEqual(['UpdateTrail']);
  });

  it('marks numbers, nested values and booleans', () => {
    expect(marked('{ $.latency > 1000 && $.user.id = 7 && $.ok IS TRUE }', event)).toEqual(['1500', '7', 'true']);
    expect(marked('{ $.gone IS NULL }', event)).toEqual(['null']);
  });

  it('marks only the values a wildcard reaches that satisfy the test', () => {
    expect(marked('{ $.tags[*] = "prod" }', event)).toEqual(['prod']);
    expect(marked('{ $.tags[1] = "prod" }', event)).toEqual(['prod']);
  });

  it('marks the branches of || that hold, and nothing of an && that fails', () => {
    expect(marked('{ $.latency > 5000 || $.user.name = "ana" }', event)).toEqual(['ana']);
    expect(marked('{ ($.latency > 1000 && $.user.id = 8) || $.eventType = "UpdateTrail" }', event)).toEqual(['UpdateTrail']);
  });

  it('has nothing to mark for a field that must be absent', () => {
    expect(marked('{ $.missing NOT EXISTS }', event)).toEqual([]);
  });

  it('marks the value JSON.parse keeps when a key repeats', () => {
    expect(marked('{ $.a = 2 }', '{"a": 1, "a": 2}')).toEqual(['2']);
    expect(highlightRanges(parse('{ $.a = 2 }'), '{"a": 1, "a": 2}')).toEqual([{ start: 14, end: 15 }]);
  });

  it('finds keys written with escapes and values inside deep nesting', () => {
    expect(marked('{ $.["k.x"] = "v" }', '{"k\\u002ex": "v"}')).toEqual(['v']);
    const deep = `{"a": ${'['.repeat(5000)}1${']'.repeat(5000)}, "b": "here"}`;
    expect(marked('{ $.b = "here" }', deep)).toEqual(['here']);
  });

  it('marks nothing in a message that is not JSON', () => {
    expect(marked('{ $.a = 1 }', 'a=1')).toEqual([]);
  });
});

describe('highlightRanges: space-delimited', () => {
  it('marks the fields with conditions, without their brackets or quotes', () => {
    const message = '127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /index.html HTTP/1.0" 404 1534';
    expect(marked('[ip, user, username, timestamp, request = "*html*", status_code = 4*, bytes]', message)).toEqual([
      'GET /index.html HTTP/1.0',
      '404',
    ]);
  });

  it('marks the whole rest of the line when the last condition takes it', () => {
    expect(marked('[level = ERROR, rest = "*disk*"]', 'ERROR disk full on /var')).toEqual(['ERROR', 'disk full on /var']);
  });

  it('marks the fields after an ellipsis', () => {
    expect(marked('[..., status = 500]', 'GET /a 500')).toEqual(['500']);
  });

  it('marks nothing when a condition fails', () => {
    expect(marked('[level = ERROR, rest]', 'INFO fine')).toEqual([]);
  });
});

describe('mergeSpans', () => {
  it('sorts, joins overlapping and touching spans, and drops empty ones', () => {
    expect(
      mergeSpans([
        { start: 8, end: 9 },
        { start: 0, end: 2 },
        { start: 1, end: 4 },
        { start: 4, end: 5 },
        { start: 6, end: 6 },
      ]),
    ).toEqual([
      { start: 0, end: 5 },
      { start: 8, end: 9 },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { extractFields, matchesFilterPattern } from './index';
import { errorOf, parse } from './testing';

function matches(pattern: string, message: string): boolean {
  return matchesFilterPattern(parse(pattern), message);
}

// Modelled on the space-delimited examples of the AWS docs.
const accessLog = '127.0.0.1 Prod frank [10/Oct/2000:13:25:15 -0700] "GET /index.html HTTP/1.0" 404 1534';
const appLog = [
  'INFO 09/25/2014 12:00:00 GET /service/resource/67 1200',
  'INFO 09/25/2014 12:00:01 POST /service/resource/67/part/111 1310',
  'WARNING 09/25/2014 12:00:02 Invalid user request',
  'ERROR 09/25/2014 12:00:02 Failed to process request',
];

describe('space-delimited fields and conditions', () => {
  it.each([
    ['[ip, user, username, timestamp, request, status_code, bytes]', true],
    ['[ip=%127\\.0\\.0\\.[1-9]%, user, username, timestamp, request =*.html*, status_code = 4*, bytes]', true],
    ['[ip=%127\\.0\\.0\\.[1-9]%, user, username, timestamp, request =*.gif*, status_code = 4*, bytes]', false],
    ['[ip, user, username, timestamp, request, status_code = 404 || status_code = 410, bytes]', true],
    ['[ip, user, username, timestamp, request, status_code = 403 || status_code = 410, bytes]', false],
    ['[ip, user, username, timestamp, request, status_code = 4* && status_code != 403, bytes]', true],
    ['[ip, user, username, timestamp, request, status_code, bytes > 1000]', true],
    ['[ip, user, username, timestamp, request, status_code, bytes >= 1534]', true],
    ['[ip, user, username, timestamp, request, status_code, bytes < 1000]', false],
    ['[ip, user = Prod, username != bob, timestamp = "10/Oct/2000:13:25:15 -0700", request, status_code, bytes]', true],
    ['[ip, user = prod, username, timestamp, request, status_code, bytes]', false],
    ['[ip,user,username,timestamp,request="GET /index.html HTTP/1.0",status_code=404,bytes=1534]', true],
  ])('%s is %s', (pattern, expected) => {
    expect(matches(pattern, accessLog)).toBe(expected);
  });

  it('compares numerically when the field is a number, and as text otherwise', () => {
    expect(matches('[a, b = 200]', 'x 200.0')).toBe(true);
    expect(matches('[a, b != 200]', 'x -')).toBe(true);
    expect(matches('[a, b > 200]', 'x -')).toBe(false);
    expect(matches('[a, b > -1]', 'x 0')).toBe(true);
  });
});

describe('how fields line up with the message', () => {
  it('needs at least as many fields in the message as in the pattern', () => {
    expect(matches('[a, b, c]', 'one two')).toBe(false);
    expect(matches('[a]', '')).toBe(false);
  });

  it('gives any extra fields to the last field, so [w1=ERROR, w2] matches a line starting with ERROR (AWS docs)', () => {
    expect(appLog.filter((line) => matches('[w1=ERROR, w2]', line))).toEqual([appLog[3]]);
    expect(appLog.filter((line) => matches('[w1=ERROR]', line))).toEqual([]);
    expect(matches('[w1=ERROR]', 'ERROR')).toBe(true);
    expect(matches('[a, rest = "two  three"]', 'one two  three')).toBe(true);
  });

  it('uses || and && within a field, and != to exclude values (AWS docs)', () => {
    expect(appLog.filter((line) => matches('[w1=ERROR || w1=WARNING, w2]', line))).toEqual(appLog.slice(2));
    expect(appLog.filter((line) => matches('[w1!=ERROR && w1!=WARNING, w2]', line))).toEqual(appLog.slice(0, 2));
  });

  it('matches resource URIs with regex, as in the AWS docs', () => {
    expect(appLog.filter((line) => matches('[logLevel, date, time, method, url=%/service/resource/[0-9]+$%, response_time]', line))).toEqual([
      appLog[0],
    ]);
    expect(
      appLog.filter((line) => matches('[logLevel, date, time, method, url=%/service/resource/[0-9]+/part/[0-9]+$%, response_time]', line)),
    ).toEqual([appLog[1]]);
  });

  it('lets "..." stand for any number of fields, including none, at the start, middle or end', () => {
    expect(matches('[..., request =*.html*, status_code = 4*, bytes]', accessLog)).toBe(true);
    expect(matches('[..., status_code = 4*, bytes]', accessLog)).toBe(true);
    expect(matches('[..., status_code = 5*, bytes]', accessLog)).toBe(false);
    expect(matches('[ip, user, ..., status_code, bytes]', accessLog)).toBe(true);
    expect(matches('[ip = 127.0.0.1, user, ...]', accessLog)).toBe(true);
    expect(matches('[ip, ..., bytes = 1534]', 'a 1534')).toBe(true);
    expect(matches('[ip, ..., x, bytes = 1534]', 'a 1534')).toBe(false);
    expect(matches('[...]', '')).toBe(true);
    expect(matches('[..., last = b]', 'a b')).toBe(true);
    expect(matches('[..., last = b]', 'a b c')).toBe(false);
  });

  it('accepts empty slots, such as the one after a trailing comma', () => {
    expect(matches('[..., request=*.html*, status_code=4*,]', accessLog)).toBe(true);
    expect(matches('[a,,c]', 'x y z')).toBe(true);
  });
});

describe('extractFields', () => {
  it('names the fields of a match as in the AWS docs example', () => {
    const pattern = parse('[..., request=*.html*, status_code=4*,]');
    expect(extractFields(pattern, '127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /index.html HTTP/1.0" 404 1534')).toEqual({
      $1: '127.0.0.1',
      $2: '-',
      $3: 'frank',
      $4: '10/Oct/2000:13:25:15 -0700',
      $request: 'GET /index.html HTTP/1.0',
      $status_code: '404',
      $7: '1534',
    });
  });

  it('gives the last field the rest of the line', () => {
    expect(extractFields(parse('[level, message]'), 'ERROR disk  is "full"')).toEqual({ $level: 'ERROR', $message: 'disk  is "full"' });
  });

  it('is null when the message does not match, and empty for other kinds of pattern', () => {
    expect(extractFields(parse('[a, b = 2]'), 'x 3')).toBeNull();
    expect(extractFields(parse('ERROR'), 'ERROR here')).toEqual({});
    expect(extractFields(parse('ERROR'), 'fine')).toBeNull();
  });
});

describe('mistakes in space-delimited patterns', () => {
  it.each([
    ['[ip, user', 0, 1, 'This "[" is never closed'],
    ['[ip user]', 4, 4, 'Expected "," or "]" after the field "ip", but found "user"'],
    ['[..., a, ...]', 9, 3, 'Only one "..." is allowed'],
    ['[]', 0, 2, 'Expected at least one field name'],
    [' [ ] ', 1, 3, 'Expected at least one field name'],
    ['[a] ERROR', 4, 5, 'Unexpected text after the closing "]"'],
    ['[ip, user, username, timestamp, request, status_code = 4* && bytes > 1000]', 61, 5, 'This condition tests "bytes", but it is in the field "status_code"'],
    ['[a = 1 || = 2]', 10, 1, 'Expected the field name "a" and a comparison, but found "="'],
    ['[a = 1 || a 2]', 12, 1, 'Expected a comparison operator (=, !=, <, <=, >, >=) after "a", but found "2"'],
    ['[a > b]', 5, 1, '">" compares numbers'],
    ['[a = ]', 5, 1, 'Expected a value after "="'],
    ['[a = x/y]', 6, 1, 'Values containing "/" must be in double quotes, e.g. "x/y"'],
    ['[a == 1]', 3, 2, 'Use a single "="'],
    ['[a = 1 & a = 2]', 7, 1, 'Expected "&&"'],
    ['[$a]', 1, 2, 'Expected a field name'],
    ['[a = "x]', 5, 1, 'This quote is never closed'],
    ['[a = %x(%]', 7, 1, 'Parentheses'],
    ['[a = %a%, b = %b%, c = %c%]', 23, 1, 'at most 2 regular expressions'],
  ])('%j fails at %i (+%i): %s', (text, offset, length, message) => {
    const error = errorOf(text);
    expect(error.message).toContain(message);
    expect({ offset: error.offset, length: error.length }).toEqual({ offset, length });
  });
});

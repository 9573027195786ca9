import { describe, expect, it } from 'vitest';
import { matchesFilterPattern } from './index';
import { errorOf, parse } from './testing';

function matches(pattern: string, event: unknown): boolean {
  return matchesFilterPattern(parse(pattern), typeof event === 'string' ? event : JSON.stringify(event));
}

// Modelled on the JSON log events of the AWS docs.
const trailEvent = {
  eventType: 'UpdateTrail',
  sourceIPAddress: '111.111.111.111',
  arrayKey: ['value', 'another value'],
  objectList: [
    { name: 'a', id: 1 },
    { name: 'b', id: 2 },
  ],
  SomeObject: null,
  ThisFlag: true,
  OtherFlag: false,
  'cluster.name': 'c',
  latency: 755,
  bandwidth: 80.5,
  errorCode: 'AccessDenied',
  statusText: '404',
};

const userEvent = {
  user: { id: 1, email: 'John.Stiles@example.com' },
  users: [
    { id: 2, email: 'John.Doe@example.com' },
    { id: 3, email: 'Jane.Doe@example.com' },
  ],
  actions: ['GET', 'PUT', 'DELETE'],
  coordinates: [
    [0, 1, 2],
    [4, 5, 6],
    [7, 8, 9],
  ],
};

describe('JSON string conditions', () => {
  it.each([
    ['{ $.eventType = "UpdateTrail" }', true],
    ['{$.eventType=UpdateTrail}', true],
    ['{ $.eventType = "updatetrail" }', false],
    ['{ $.eventType != "UpdateTrail" }', false],
    ['{ $.eventType = "Update*" }', true],
    ['{ $.eventType = *Trail }', true],
    ['{ $.eventType = "*date*" }', true],
    ['{ $.eventType = Up*Trail }', false],
    ['{ $.sourceIPAddress != 123.123.* }', true],
    ['{ $.sourceIPAddress = 111.111.* }', true],
    ['{ $.arrayKey[0] = "value" }', true],
    ['{ $.arrayKey[1] = "value" }', false],
    ['{ $.objectList[1].name = b }', true],
    ["{ $.['cluster.name'] = \"c\" }", true],
    ['{ $.errorCode = "*Denied" || $.errorCode = "*UnauthorizedOperation" }', true],
  ])('%s is %s', (pattern, expected) => {
    expect(matches(pattern, trailEvent)).toBe(expected);
  });
});

describe('JSON numeric conditions', () => {
  it.each([
    ['{ $.latency >= 500 }', true],
    ['{ $.latency > 755 }', false],
    ['{ $.latency <= 755 }', true],
    ['{ $.latency < 1e3 }', true],
    ['{ $.latency = 755.0 }', true],
    ['{ $.latency = +755 }', true],
    ['{ $.latency != 500 }', true],
    ['{ $.bandwidth > 75 }', true],
    ['{ $.objectList[1].id = 2 }', true],
    ['{ $.objectList[0].id < -1 }', false],
    ['{ $.latency = 7* }', true],
    // A string holding a plain decimal number compares as a number.
    ['{ $.statusText = 404 }', true],
    ['{ $.statusText >= 400 }', true],
    // A string that is not a number never satisfies an ordering comparison.
    ['{ $.eventType > 1 }', false],
    ['{ $.eventType != 1 }', true],
  ])('%s is %s', (pattern, expected) => {
    expect(matches(pattern, trailEvent)).toBe(expected);
  });
});

describe('IS and NOT EXISTS', () => {
  it.each([
    ['{ $.SomeObject IS NULL }', true],
    ['{ $.eventType IS NULL }', false],
    ['{ $.SomeOtherObject IS NULL }', false],
    ['{ $.SomeOtherObject NOT EXISTS }', true],
    ['{ $.SomeObject NOT EXISTS }', false],
    ['{ $.objectList[5] NOT EXISTS }', true],
    ['{ $.eventType.inner NOT EXISTS }', true],
    ['{ $.ThisFlag IS TRUE }', true],
    ['{ $.ThisFlag IS FALSE }', false],
    ['{ $.OtherFlag IS FALSE }', true],
    ['{ $.eventType IS TRUE }', false],
  ])('%s is %s', (pattern, expected) => {
    expect(matches(pattern, trailEvent)).toBe(expected);
  });

  it('compares only strings and numbers: booleans, null, objects and arrays match neither = nor !=', () => {
    for (const selector of ['$.ThisFlag', '$.SomeObject', '$.objectList', '$.objectList[0]']) {
      expect(matches(`{ ${selector} = true }`, trailEvent), selector).toBe(false);
      expect(matches(`{ ${selector} != 1 }`, trailEvent), selector).toBe(false);
      expect(matches(`{ ${selector} = * }`, trailEvent), selector).toBe(false);
    }
  });

  it('matches neither = nor != when the property is missing', () => {
    expect(matches('{ $.missing = 1 }', trailEvent)).toBe(false);
    expect(matches('{ $.missing != 1 }', trailEvent)).toBe(false);
  });

  it('uses = * to ask that a value exists', () => {
    expect(matches('{ $.latency = * }', trailEvent)).toBe(true);
    expect(matches('{ $.missing = * }', trailEvent)).toBe(false);
  });
});

describe('JSON regex values and wildcard selectors', () => {
  it.each([
    ['{ $.eventType = %Trail% }', true],
    ['{ $.eventType = %^Trail% }', false],
    ['{ $.eventType != %Trail% }', false],
    ['{ $.arrayKey[*] = %val.{2}% }', true],
    ['{ $.arrayKey[*] = "another value" }', true],
    ['{ $.* = %111\\.111\\.111\\.1[0-9]{1,2}% }', true],
    ['{ $.objectList[*].id = 2 }', true],
    ['{ $.objectList[*].id > 5 }', false],
    ['{ $.objectList.*.name = a }', true],
    ['{ $.arrayKey[*] = %^x% || $.eventType = %Update% }', true],
  ])('%s is %s', (pattern, expected) => {
    expect(matches(pattern, trailEvent)).toBe(expected);
  });
});

describe('compound JSON conditions (() > && > ||), with the AWS docs examples', () => {
  it.each([
    ['{ ($.user.id = 1) && ($.users[0].email = "John.Doe@example.com") }', true],
    ['{ $.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = "nonmatch" && $.actions[2] = "nonmatch" }', true],
    ['{ ($.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = "nonmatch") && $.actions[2] = "nonmatch" }', false],
    ['{ ($.user.id = 2 && $.users[0].email = "nonmatch") || $.actions[2] = "GET" }', false],
    ['{ $.coordinates[1][2] = 6 && $.actions[1] = PUT && $.users[1].id = 3 }', true],
    ['{ $.user.id = 9 || $.user.id = 8 || $.user.id = 1 }', true],
    ['{ (($.user.id = 1)) }', true],
    ['{ $.actions[0] = GET && ($.user.id = 2 || $.users[1].email = "Jane.Doe@example.com") }', true],
  ])('%s is %s', (pattern, expected) => {
    expect(matches(pattern, userEvent)).toBe(expected);
  });

  it('keeps the structure of the expression for later use', () => {
    expect(parse('{ $.a = 1 || $.b = 2 && $.c = 3 }')).toMatchObject({
      kind: 'json',
      expression: { type: 'or', operands: [{ type: 'condition' }, { type: 'and', operands: [{}, {}] }] },
    });
  });
});

describe('JSON patterns and messages that are not JSON objects', () => {
  it('never matches a message that is not a JSON object', () => {
    for (const message of ['UpdateTrail', '{"eventType": "UpdateTrail"', '["UpdateTrail"]', '"UpdateTrail"', '', 'null']) {
      expect(matches('{ $.eventType NOT EXISTS }', message), message).toBe(false);
    }
  });

  it('accepts whitespace around the object, and reads own properties only', () => {
    expect(matches('{ $.eventType = UpdateTrail }', '  {"eventType":"UpdateTrail"}\n')).toBe(true);
    expect(matches('{ $.constructor NOT EXISTS }', '{}')).toBe(true);
    expect(matches('{ $.__proto__ = 1 }', '{"__proto__": 1}')).toBe(true);
  });
});

describe('mistakes in JSON patterns', () => {
  it.each([
    ['{ $.eventType = "UpdateTrail"', 0, 1, 'This "{" is never closed'],
    ['  { $.a = 1 } }', 14, 1, 'Unexpected text after the closing "}"'],
    ['{ }', 2, 1, 'Expected a condition such as $.eventType = "UpdateTrail", but found "}"'],
    ['{ eventType = 1 }', 2, 9, 'Expected a condition'],
    ['{ ($.a = 1 }', 2, 1, 'This "(" is never closed'],
    ['{ ($.a = 1', 2, 1, 'This "(" is never closed'],
    ['{ $.a = 1) }', 9, 1, 'This ")" has no matching "("'],
    ['{ $.status 500 }', 11, 3, 'Expected a comparison operator (=, !=, <, <=, >, >=), IS or NOT EXISTS after "$.status", but found "500"'],
    ['{ $.status }', 11, 1, 'after "$.status", but found "}"'],
    ['{ $.status', 10, 0, 'after "$.status", but found the end of the pattern'],
    ['{ $.a == 1 }', 6, 2, 'Use a single "="'],
    ['{ $.a ! 1 }', 6, 1, 'Expected "!="'],
    ['{ $.a = }', 8, 1, 'Expected a value after "="'],
    ['{ $.a = 1 & $.b = 2 }', 10, 1, 'Expected "&&"'],
    ['{ $.a = 1 | $.b = 2 }', 10, 1, 'Expected "||"'],
    ['{ $.a = 1 $.b = 2 }', 10, 3, 'Expected "&&", "||" or "}", but found "$.b"'],
    ['{ $.a > abc }', 8, 3, '">" compares numbers; expected a number after it, not "abc"'],
    ['{ $.a <= "5" }', 9, 3, '"<=" compares numbers'],
    ['{ $.a < %5% }', 8, 3, '"<" compares numbers'],
    ['{ $.a = user@example.com }', 12, 1, 'Values containing "@" must be in double quotes, e.g. "user@example.com"'],
    ['{ $.a = "abc }', 8, 1, 'This quote is never closed'],
    ['{ $.a = %abc }', 8, 1, 'This regex is never closed'],
    ['{ $.a = %a(b% }', 10, 1, 'Parentheses'],
    ['{ $.a IS NOT NULL }', 6, 6, '"IS NOT" isn\'t supported'],
    ['{ $.a IS EMPTY }', 9, 5, 'Expected TRUE, FALSE or NULL after "IS"'],
    ['{ $.a NOT NULL }', 10, 4, 'Expected EXISTS after "NOT"'],
    ['{ $.a EXISTS }', 6, 6, '"EXISTS" on its own isn\'t supported'],
    ['{ $.a is null }', 6, 2, 'Write "IS" in capital letters'],
    ['{ $.a IS null }', 9, 4, 'Write "NULL" in capital letters'],
    ['{ $ = 1 }', 3, 1, 'Expected "." after "$"'],
    ['{ $.@timestamp = 1 }', 4, 1, 'Expected a property name after "."'],
    ['{ $.a[x] = 1 }', 6, 1, 'Expected an array index, * or a quoted property name'],
    ['{ $.a[0 = 1 }', 7, 1, 'Expected "]" to close the "[", but found " "'],
    ['{ $.a[0', 5, 1, 'This "[" is never closed'],
    ["{ $.['a.b = 1 }", 5, 1, "This quote is never closed; expected a closing '"],
    ['{ $.a[*][*] = 1 }', 8, 3, 'at most one wildcard'],
    ['{ $.a.* = 1 || $.b.* = 2 || $.c.* = 3 || $.d.* = 4 }', 44, 2, 'at most 3 wildcard selectors'],
    ['{ $.a = %a% || $.b = %b% || $.c = %c% }', 34, 1, 'at most 2 regular expressions'],
  ])('%j fails at %i (+%i): %s', (text, offset, length, message) => {
    const error = errorOf(text);
    expect(error.message).toContain(message);
    expect({ offset: error.offset, length: error.length }).toEqual({ offset, length });
  });

  it('accepts up to the quotas: 2 regexes, 3 wildcards, one wildcard per selector', () => {
    expect(parse('{ $.a = %a% || $.b = %b% }').kind).toBe('json');
    expect(parse('{ $.a.* = 1 || $.b[*] = 2 || $.* = 3 }').kind).toBe('json');
  });
});

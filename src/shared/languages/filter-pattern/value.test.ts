import { describe, expect, it } from 'vitest';
import type { ComparisonOperator, Value } from './ast';
import { Scanner } from './scanner';
import { compareValue, parseValue } from './value';

function value(text: string): Value {
  return parseValue(new Scanner(text), '=', () => false, { used: 0 });
}

function compare(operator: ComparisonOperator, valueText: string, subject: string | number): boolean {
  return compareValue(operator, value(valueText), subject);
}

describe('parseValue', () => {
  it('reads numbers in the forms the AWS docs list', () => {
    for (const text of ['400', '-1', '+1000', '55.5', '10e3', '10e-3', '1e+3', '.5', '-0.25']) {
      expect(value(text), text).toMatchObject({ type: 'number', value: Number(text), text });
    }
  });

  it('reads anything else unquoted as a string, with leading and trailing * as wildcards', () => {
    expect(value('UpdateTrail')).toMatchObject({ type: 'string', mode: 'exact', core: 'UpdateTrail' });
    expect(value('Event*')).toMatchObject({ mode: 'prefix', core: 'Event' });
    expect(value('*Event')).toMatchObject({ mode: 'suffix', core: 'Event' });
    expect(value('*html*')).toMatchObject({ mode: 'contains', core: 'html' });
    expect(value('*')).toMatchObject({ mode: 'any' });
    expect(value('123.123.*')).toMatchObject({ mode: 'prefix', core: '123.123.' });
    expect(value('4*')).toMatchObject({ type: 'string', mode: 'prefix', core: '4' });
  });

  it('reads quoted strings as strings, wildcards included, even when they look like numbers', () => {
    expect(value('"400"')).toMatchObject({ type: 'string', mode: 'exact', core: '400' });
    expect(value('"*UnauthorizedOperation"')).toMatchObject({ mode: 'suffix', core: 'UnauthorizedOperation' });
    expect(value('"a \\"quoted\\" word"')).toMatchObject({ core: 'a "quoted" word' });
  });
});

describe('compareValue', () => {
  it('compares numbers numerically, including numbers written in strings', () => {
    expect(compare('=', '400', 400)).toBe(true);
    expect(compare('=', '400', '400.0')).toBe(true);
    expect(compare('=', '1e3', 1000)).toBe(true);
    expect(compare('>', '1000', '1534')).toBe(true);
    expect(compare('>', '1000', 999)).toBe(false);
    expect(compare('>=', '60', 60)).toBe(true);
    expect(compare('<', '50', '-3')).toBe(true);
    expect(compare('<=', '5', 5.01)).toBe(false);
    expect(compare('<', '10e-3', 0.001)).toBe(true);
  });

  it('never matches an ordering operator when the field is not a plain decimal number', () => {
    expect(compare('>', '1', '-')).toBe(false);
    expect(compare('<', '1', 'abc')).toBe(false);
    // The AWS docs: strings don't support scientific notation.
    expect(compare('>', '1', '1e3')).toBe(false);
  });

  it('makes != the exact negation of =', () => {
    expect(compare('!=', '403', '404')).toBe(true);
    expect(compare('!=', '403', '403')).toBe(false);
    expect(compare('!=', '403', '-')).toBe(true);
    expect(compare('!=', 'ERROR', 'WARN')).toBe(true);
    expect(compare('!=', '123.123.*', '111.111.111.111')).toBe(true);
    expect(compare('!=', '123.123.*', '123.123.0.1')).toBe(false);
  });

  it('matches strings exactly and case-sensitively, or by wildcard at the ends; an interior * is literal', () => {
    expect(compare('=', 'UpdateTrail', 'UpdateTrail')).toBe(true);
    expect(compare('=', 'UpdateTrail', 'updatetrail')).toBe(false);
    expect(compare('=', 'UpdateTrail', 'UpdateTrails')).toBe(false);
    expect(compare('=', '*Event', 'PutEvent')).toBe(true);
    expect(compare('=', 'Event*', 'EventId')).toBe(true);
    expect(compare('=', '*html*', 'GET /index.html HTTP/1.0')).toBe(true);
    expect(compare('=', 'Ev*ent', 'Event')).toBe(false);
    expect(compare('=', 'Ev*ent', 'Ev*ent')).toBe(true);
    expect(compare('=', '*', '')).toBe(true);
  });

  it('compares a number field with a string by its text', () => {
    expect(compare('=', '4*', 404)).toBe(true);
    expect(compare('=', '"400"', 400)).toBe(true);
    expect(compare('=', 'abc', 400)).toBe(false);
  });

  it('searches regex values anywhere in the field', () => {
    expect(compare('=', '%Trail%', 'UpdateTrail')).toBe(true);
    expect(compare('!=', '%Trail%', 'UpdateTrail')).toBe(false);
    expect(compare('=', '%^4[0-9]{2}$%', 404)).toBe(true);
  });
});

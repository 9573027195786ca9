import { describe, expect, it } from 'vitest';
import { parseInsightsQuery } from '../../../../shared/languages/insights';
import { compileExpression } from './compile-expression';
import { ValuesRow } from './row';
import type { Value } from './values';

/** Evaluates one expression (written as in `fields`) over a row with these fields. */
function evaluate(expression: string, fields: Record<string, Value> = {}): Value {
  const parsed = parseInsightsQuery(`fields ${expression}`);
  if (!parsed.ok || parsed.query.commands[0]?.kind !== 'fields') throw new Error(`not an expression: ${expression}`);
  const item = parsed.query.commands[0].items[0];
  if (item === undefined) throw new Error('no item');
  return compileExpression(item.expression, { typeOf: () => 'other' }).evaluate(new ValuesRow(new Map(Object.entries(fields))));
}

describe('scalar functions', () => {
  it('tests IP addresses and subnets of either family', () => {
    expect(evaluate('isValidIp(a)', { a: '2001:db8::1' })).toBe(true);
    expect(evaluate('isValidIpV4(a)', { a: '2001:db8::1' })).toBe(false);
    expect(evaluate('isValidIpV4(a)', { a: '10.0.0.300' })).toBe(false);
    expect(evaluate('isIpv6InSubnet(a, "2001:db8::/32")', { a: '2001:db8:ffff::1' })).toBe(true);
    expect(evaluate('isIpInSubnet(a, "2001:db8::/32")', { a: '2001:db9::1' })).toBe(false);
    expect(evaluate('isIpv4InSubnet(a, "10.1.0.0/16")', { a: '10.1.255.4' })).toBe(true);
    expect(evaluate('isIpv4InSubnet(a, "10.1.0.0/16")', { a: '2001:db8::1' })).toBe(false);
    expect(evaluate('isIpInSubnet(a, "10.1.0.0/99")', { a: '10.1.0.1' })).toBe(false);
    expect(evaluate('isIpInSubnet(a, "not a subnet")', { a: '10.1.0.1' })).toBe(false);
    expect(evaluate('isIpInSubnet(missing, "10.0.0.0/8")')).toBe(false);
  });

  it('leaves missing arguments missing in string and number functions', () => {
    expect(evaluate('strlen(missing)')).toBeUndefined();
    expect(evaluate('abs(missing)')).toBeUndefined();
    expect(evaluate('concat(missing, "x")')).toBe('x');
    expect(evaluate('coalesce(missing, b, "c")', { b: 'b' })).toBe('b');
  });

  it('reads timestamps from milliseconds or date text', () => {
    expect(evaluate('toMillis(t)', { t: '2025-01-15 12:00:00.000' })).toBe(Date.UTC(2025, 0, 15, 12));
    expect(evaluate('toMillis(t)', { t: '2025-01-15T12:00:00Z' })).toBe(Date.UTC(2025, 0, 15, 12));
    expect(evaluate('datefloor(t, 1d)', { t: Date.UTC(2025, 0, 15, 12) })).toBe(Date.UTC(2025, 0, 15));
    expect(evaluate('toMillis(t)', { t: 'yesterday' })).toBeUndefined();
  });
});

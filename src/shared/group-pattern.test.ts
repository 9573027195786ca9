import { describe, expect, it } from 'vitest';
import { groupNameMatcher, literalPrefix } from './group-pattern';

describe('group name patterns', () => {
  it('lists by the literal part before the first wildcard', () => {
    expect(literalPrefix('/aws/lambda/orders-*')).toBe('/aws/lambda/orders-');
    expect(literalPrefix('/aws/?ambda/x')).toBe('/aws/');
    expect(literalPrefix('*-prod')).toBe('');
    expect(literalPrefix('/exact/name')).toBe('/exact/name');
  });

  it('matches * as any run of characters and ? as one, everything else literally', () => {
    const matches = groupNameMatcher('/aws/lambda/orders-*');
    expect(matches('/aws/lambda/orders-api')).toBe(true);
    expect(matches('/aws/lambda/orders-')).toBe(true);
    expect(matches('/aws/lambda/order-api')).toBe(false);
    expect(groupNameMatcher('/app/v?')('/app/v2')).toBe(true);
    expect(groupNameMatcher('/app/v?')('/app/v22')).toBe(false);
    // '.' is a character of group names, not "any character".
    expect(groupNameMatcher('/app.v1')('/appXv1')).toBe(false);
    expect(groupNameMatcher('*#*')('/a#b')).toBe(true);
  });
});

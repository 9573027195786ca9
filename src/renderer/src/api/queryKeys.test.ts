import { describe, expect, it } from 'vitest';
import type { Scope } from '../../../shared/contract';
import { isOtherScope, isScopedTo, scopeKey } from './queryKeys';

const demo: Scope = {
  connection: { id: 'demo', name: 'Demo', kind: 'demo', defaultRegion: 'us-east-1' },
  region: 'us-east-1',
  regions: [{ code: 'us-east-1', name: 'US East (N. Virginia)' }],
};
const groups = (connectionId: string, region: string) => ({ queryKey: ['scoped', connectionId, region, 'logs', 'groups'] });
const unscoped = { queryKey: ['connections'] };

describe('query keys', () => {
  it('starts with the kind, the connection and the region', () => {
    expect(scopeKey(demo)).toEqual(['scoped', 'demo', 'us-east-1']);
  });

  it('tells other scopes apart, by connection or by region', () => {
    const key = scopeKey(demo);
    expect(isOtherScope(groups('demo', 'us-east-1'), key)).toBe(false);
    expect(isOtherScope(groups('demo', 'eu-west-1'), key)).toBe(true);
    expect(isOtherScope(groups('prod', 'us-east-1'), key)).toBe(true);
    expect(isOtherScope(unscoped, key)).toBe(false);
  });

  it('finds every query of one connection, in any region', () => {
    expect(isScopedTo(groups('demo', 'eu-west-1'), 'demo')).toBe(true);
    expect(isScopedTo(groups('prod', 'us-east-1'), 'demo')).toBe(false);
    expect(isScopedTo(unscoped, 'demo')).toBe(false);
  });
});

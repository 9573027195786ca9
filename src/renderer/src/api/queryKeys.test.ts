import { describe, expect, it } from 'vitest';
import type { Scope } from '../../../shared/contract';
import { currentScopeKey, isOtherScope, isScopedTo, logsKeys, scopeKey } from './queryKeys';

const demo: Scope = {
  connection: { id: 'demo', name: 'Demo', kind: 'demo', defaultRegion: 'us-east-1' },
  region: 'us-east-1',
  regions: [{ code: 'us-east-1', name: 'US East (N. Virginia)' }],
};

describe('query keys', () => {
  it('puts the scope first in every AWS key', () => {
    const key = scopeKey(demo);
    expect(logsKeys.groups(key)).toEqual(['scoped', 'demo', 'us-east-1', 'logs', 'groups']);
    expect(logsKeys.events(key, '/g', 's').slice(0, 3)).toEqual(key);
  });

  it('tells other scopes apart, by connection or by region', () => {
    const key = scopeKey(demo);
    expect(isOtherScope({ queryKey: logsKeys.groups(key) }, key)).toBe(false);
    expect(isOtherScope({ queryKey: logsKeys.groups(['scoped', 'demo', 'eu-west-1']) }, key)).toBe(true);
    expect(isOtherScope({ queryKey: logsKeys.groups(['scoped', 'prod', 'us-east-1']) }, key)).toBe(true);
    expect(isOtherScope({ queryKey: currentScopeKey }, key)).toBe(false);
  });

  it('finds every query of one connection, in any region', () => {
    expect(isScopedTo({ queryKey: logsKeys.groups(['scoped', 'demo', 'eu-west-1']) }, 'demo')).toBe(true);
    expect(isScopedTo({ queryKey: logsKeys.groups(['scoped', 'prod', 'us-east-1']) }, 'demo')).toBe(false);
    expect(isScopedTo({ queryKey: currentScopeKey }, 'demo')).toBe(false);
  });
});

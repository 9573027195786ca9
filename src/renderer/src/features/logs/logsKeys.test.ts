import { describe, expect, it } from 'vitest';
import type { ScopeKey } from '../../api/queryKeys';
import { logsKeys } from './logsKeys';

const scope: ScopeKey = ['scoped', 'demo', 'us-east-1'];

describe('logsKeys', () => {
  it('puts the scope first in every key', () => {
    expect(logsKeys.groups(scope)).toEqual(['scoped', 'demo', 'us-east-1', 'logs', 'groups']);
    expect(logsKeys.streams(scope, '/g', 'web-').slice(0, 3)).toEqual(scope);
    expect(logsKeys.events(scope, '/g', 's').slice(0, 3)).toEqual(scope);
  });

  it('keeps the streams of each prefix apart', () => {
    expect(logsKeys.streams(scope, '/g', 'a')).not.toEqual(logsKeys.streams(scope, '/g', ''));
  });
});

/**
 * The scope part of query keys. Everything that comes from AWS is keyed by the scope (connection +
 * region) first, so a scope switch can never show the old region's data, and dropping the old scope
 * is one predicate. Each feature builds its own keys on top of `scopeKey`.
 */
import type { Query } from '@tanstack/react-query';
import type { Scope } from '../../../shared/contract';

export type ScopeKey = readonly ['scoped', string, string];

export function scopeKey(scope: Scope): ScopeKey {
  return ['scoped', scope.connection.id, scope.region];
}

/** Whether a query belongs to a scope other than `scope`. */
export function isOtherScope(query: Pick<Query, 'queryKey'>, scope: ScopeKey): boolean {
  const [kind, connectionId, region] = query.queryKey;
  return kind === 'scoped' && (connectionId !== scope[1] || region !== scope[2]);
}

/** Whether a query is AWS data of `connectionId` (in any region). */
export function isScopedTo(query: Pick<Query, 'queryKey'>, connectionId: string): boolean {
  const [kind, id] = query.queryKey;
  return kind === 'scoped' && id === connectionId;
}

/**
 * Query keys. Everything that comes from AWS is keyed by the scope (connection + region) first, so a
 * scope switch can never show the old region's data, and dropping the old scope is one predicate.
 */
import type { Query } from '@tanstack/react-query';
import type { Scope } from '../../../shared/contract';

export const currentScopeKey = ['scope'] as const;

/** The connection list (`connections.list`); not scoped: it is the same whatever is selected. */
export const connectionsKey = ['connections'] as const;

export type ScopeKey = readonly ['scoped', string, string];

export function scopeKey(scope: Scope): ScopeKey {
  return ['scoped', scope.connection.id, scope.region];
}

export const logsKeys = {
  groups: (scope: ScopeKey) => [...scope, 'logs', 'groups'] as const,
  streams: (scope: ScopeKey, groupName: string, prefix: string) =>
    [...scope, 'logs', 'streams', groupName, prefix] as const,
  events: (scope: ScopeKey, groupName: string, streamName: string) =>
    [...scope, 'logs', 'events', groupName, streamName] as const,
};

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

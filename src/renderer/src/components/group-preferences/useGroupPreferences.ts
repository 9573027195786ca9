/** The favourite and recently opened groups of a connection and region, kept in local storage and shared by every view that picks groups. */
import type { ScopeKey } from '../../api/queryKeys';
import { useStoredValue } from '../useStoredValue';
import { parseGroupPreferences } from './groupPreferences';

/** `scope`: the key of the scope the view works in (its `useScope().key`). */
export function useGroupPreferences(scope: ScopeKey) {
  const [, connectionId, region] = scope;
  return useStoredValue(`cloudscope.logs.groupPreferences.${connectionId}.${region}`, parseGroupPreferences);
}

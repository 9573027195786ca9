/** The searches run lately in the current connection and region, kept in local storage. */
import { useScope } from '../../../app/scope';
import { useStoredValue } from '../../../components/useStoredValue';
import { parseRecentSearches } from './recentSearches';

export function useRecentSearches() {
  const { key } = useScope();
  const [, connectionId, region] = key;
  return useStoredValue(`cloudscope.logs.recentSearches.${connectionId}.${region}`, parseRecentSearches);
}

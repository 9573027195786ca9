/** The searches run lately in one connection and region, newest first, kept as their hash parameters. */
import { storedStrings, withMostRecent } from '../../../components/storedLists';

export const RECENT_SEARCHES_KEPT = 15;

export function rememberSearch(recent: readonly string[], parameters: string): string[] {
  return withMostRecent(recent, parameters, RECENT_SEARCHES_KEPT);
}

export function parseRecentSearches(raw: string | null): readonly string[] {
  if (raw === null) return [];
  try {
    return storedStrings(JSON.parse(raw)).slice(0, RECENT_SEARCHES_KEPT);
  } catch {
    return [];
  }
}

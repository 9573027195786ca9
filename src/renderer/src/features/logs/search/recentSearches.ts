/** The searches run lately in one connection and region, newest first, kept as their hash parameters. */

export const RECENT_SEARCHES_KEPT = 15;

export function rememberSearch(recent: readonly string[], parameters: string): string[] {
  return [parameters, ...recent.filter((earlier) => earlier !== parameters)].slice(0, RECENT_SEARCHES_KEPT);
}

export function parseRecentSearches(raw: string | null): readonly string[] {
  if (raw === null) return [];
  try {
    const value = JSON.parse(raw) as unknown;
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string').slice(0, RECENT_SEARCHES_KEPT) : [];
  } catch {
    return [];
  }
}

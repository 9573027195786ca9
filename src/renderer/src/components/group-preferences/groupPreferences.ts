/** Favourite and recently opened log groups of one connection and region: plain lists, newest first. */
import { storedStrings, withMostRecent } from '../storedLists';

export interface GroupPreferences {
  readonly favourites: readonly string[];
  /** Most recently opened first. */
  readonly recent: readonly string[];
}

export const RECENT_GROUPS_KEPT = 12;

export const NO_PREFERENCES: GroupPreferences = { favourites: [], recent: [] };

export function toggleFavourite(preferences: GroupPreferences, name: string): GroupPreferences {
  const favourites = preferences.favourites.includes(name)
    ? preferences.favourites.filter((favourite) => favourite !== name)
    : [name, ...preferences.favourites];
  return { ...preferences, favourites };
}

export function rememberOpened(preferences: GroupPreferences, name: string): GroupPreferences {
  if (preferences.recent[0] === name) return preferences;
  return { ...preferences, recent: withMostRecent(preferences.recent, name, RECENT_GROUPS_KEPT) };
}

/** A deleted group leaves both lists. */
export function forgetGroup(preferences: GroupPreferences, name: string): GroupPreferences {
  return {
    favourites: preferences.favourites.filter((favourite) => favourite !== name),
    recent: preferences.recent.filter((opened) => opened !== name),
  };
}

/** Whatever is stored (nothing, garbage, an older shape) becomes valid preferences. */
export function parseGroupPreferences(raw: string | null): GroupPreferences {
  if (raw === null) return NO_PREFERENCES;
  try {
    const value = JSON.parse(raw) as Partial<Record<keyof GroupPreferences, unknown>>;
    return { favourites: storedStrings(value.favourites), recent: storedStrings(value.recent).slice(0, RECENT_GROUPS_KEPT) };
  } catch {
    return NO_PREFERENCES;
  }
}

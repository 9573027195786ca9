import { describe, expect, it } from 'vitest';
import { forgetGroup, NO_PREFERENCES, parseGroupPreferences, RECENT_GROUPS_KEPT, rememberOpened, toggleFavourite } from './groupPreferences';

describe('group preferences', () => {
  it('toggles favourites, newest first', () => {
    const one = toggleFavourite(NO_PREFERENCES, '/a');
    const two = toggleFavourite(one, '/b');
    expect(two.favourites).toEqual(['/b', '/a']);
    expect(toggleFavourite(two, '/a').favourites).toEqual(['/b']);
  });

  it('keeps the recently opened groups, most recent first, without repeats, up to a limit', () => {
    let preferences = NO_PREFERENCES;
    for (let index = 0; index < RECENT_GROUPS_KEPT + 3; index++) preferences = rememberOpened(preferences, `/g${index}`);
    preferences = rememberOpened(preferences, '/g5');
    expect(preferences.recent[0]).toBe('/g5');
    expect(preferences.recent).toHaveLength(RECENT_GROUPS_KEPT);
    expect(new Set(preferences.recent).size).toBe(RECENT_GROUPS_KEPT);
    expect(rememberOpened(preferences, '/g5')).toBe(preferences);
  });

  it('forgets a deleted group everywhere', () => {
    const preferences = rememberOpened(toggleFavourite(NO_PREFERENCES, '/gone'), '/gone');
    expect(forgetGroup(preferences, '/gone')).toEqual(NO_PREFERENCES);
  });

  it('reads whatever storage holds without failing', () => {
    expect(parseGroupPreferences(null)).toEqual(NO_PREFERENCES);
    expect(parseGroupPreferences('not json')).toEqual(NO_PREFERENCES);
    expect(parseGroupPreferences('{"favourites":["/a",3,"/a",""],"recent":"x"}')).toEqual({ favourites: ['/a'], recent: [] });
  });
});

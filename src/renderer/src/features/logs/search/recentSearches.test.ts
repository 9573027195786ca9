import { describe, expect, it } from 'vitest';
import { parseRecentSearches, RECENT_SEARCHES_KEPT, rememberSearch } from './recentSearches';

describe('recent searches', () => {
  it('keeps the newest first, once each, up to a limit', () => {
    let recent: readonly string[] = [];
    for (let index = 0; index < RECENT_SEARCHES_KEPT + 2; index++) recent = rememberSearch(recent, `group=/g${index}`);
    recent = rememberSearch(recent, 'group=/g5');
    expect(recent[0]).toBe('group=/g5');
    expect(recent).toHaveLength(RECENT_SEARCHES_KEPT);
    expect(new Set(recent).size).toBe(RECENT_SEARCHES_KEPT);
  });

  it('reads whatever storage holds without failing', () => {
    expect(parseRecentSearches(null)).toEqual([]);
    expect(parseRecentSearches('{')).toEqual([]);
    expect(parseRecentSearches('["a", 1, "b"]')).toEqual(['a', 'b']);
  });
});

/** Lists of names kept in local storage (favourites, recent items): reading them back, and the most-recent-first rule. */

/** `item` first, once, then the others in their order, at most `limit` in all. */
export function withMostRecent(list: readonly string[], item: string, limit: number): string[] {
  return [item, ...list.filter((other) => other !== item)].slice(0, limit);
}

/** The distinct non-empty strings of a stored value that should be a list of them; anything else reads as none. */
export function storedStrings(value: unknown): string[] {
  return Array.isArray(value) ? [...new Set(value.filter((item): item is string => typeof item === 'string' && item !== ''))] : [];
}

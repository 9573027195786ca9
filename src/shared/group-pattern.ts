/**
 * Log group name patterns, as a search's "groups by pattern" takes them: `*` any run of characters, `?`
 * one character, everything else literally. Main expands them; the window says how many groups fit.
 */

/** The part of a pattern before its first wildcard. */
export function literalPrefix(pattern: string): string {
  const wildcard = pattern.search(/[*?]/);
  return wildcard === -1 ? pattern : pattern.slice(0, wildcard);
}

export function groupNameMatcher(pattern: string): (name: string) => boolean {
  const source = [...pattern]
    .map((character) => (character === '*' ? '.*' : character === '?' ? '.' : character.replace(/[.\\^$+()[\]{}|/-]/g, '\\$&')))
    .join('');
  const expression = new RegExp(`^${source}$`, 's');
  return (name) => expression.test(name);
}

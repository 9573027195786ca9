/**
 * The entry type-ahead jumps to: the first label starting with `typed` (case-insensitively), searching
 * after `current` and wrapping around. A single repeated letter cycles through entries with that letter.
 */
export function typeaheadMatch(labels: readonly string[], typed: string, current: number): number | undefined {
  const query = typed.toLowerCase();
  if (query === '') return undefined;
  const cycling = query.length > 1 && [...query].every((letter) => letter === query[0]);
  const prefix = cycling ? query.slice(0, 1) : query;
  // A longer prefix may still match the current entry; a single letter moves on to the next one.
  const firstOffset = prefix.length > 1 ? 0 : 1;
  for (let offset = firstOffset; offset < labels.length + firstOffset; offset += 1) {
    const index = (current + offset + labels.length) % labels.length;
    if (labels[index]?.trim().toLowerCase().startsWith(prefix)) return index;
  }
  return undefined;
}

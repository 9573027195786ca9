/** For tests: random query-like texts, half nonsense and half nearly right, the same for the same seed. */
const PIECES = ['fields', 'filter', 'stats', 'sort', 'limit', 'parse', 'dedup', 'display', 'by', 'as', 'and', 'not', 'like', 'in', 'any', 'count(*)', 'bin(5m)', 'pct(', 'x', '@message', '`a b`', '"s', '"t"', "'u'", '/re/', '/', '5', '5m', '1.5e3', '(', ')', '[', ']', ',', '|', '=', '=~', '!=', '<=', '+', '-', '^', '#c\n', '\n', ' ', '😀', '~', '\\'];

export function randomQueries(count: number, seed: number): string[] {
  let state = seed;
  const next = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  return Array.from({ length: count }, () => {
    const length = Math.floor(next() * 12);
    return Array.from({ length }, () => PIECES[Math.floor(next() * PIECES.length)]).join(next() < 0.5 ? ' ' : '');
  });
}

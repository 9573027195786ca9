/** Which row a navigation key moves to in a list of `count` rows; undefined for keys that do not move. */
export function targetRow(key: string, current: number, count: number, pageSize: number): number | undefined {
  if (count === 0) return undefined;
  const last = count - 1;
  const from = Math.min(Math.max(current, 0), last);
  switch (key) {
    case 'ArrowDown':
      return Math.min(from + 1, last);
    case 'ArrowUp':
      return Math.max(from - 1, 0);
    case 'PageDown':
      return Math.min(from + Math.max(pageSize, 1), last);
    case 'PageUp':
      return Math.max(from - Math.max(pageSize, 1), 0);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return undefined;
  }
}

/** Sorting result rows by a column: numbers as numbers, other text (timestamps included, which sort as text) in natural order. */
import type { QueryRow } from '../../../../shared/contract';

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export function compareValues(a: string | undefined, b: string | undefined): number {
  if (a === undefined || a === '') return b === undefined || b === '' ? 0 : 1;
  if (b === undefined || b === '') return -1;
  const x = Number(a);
  const y = Number(b);
  if (Number.isFinite(x) && Number.isFinite(y) && a.trim() !== '' && b.trim() !== '') return x - y;
  return collator.compare(a, b);
}

/** A sorted copy (stable); missing values last in either direction. */
export function sortRows(rows: readonly QueryRow[], column: string, descending: boolean): QueryRow[] {
  const indexed = rows.map((row, index) => ({ row, index }));
  indexed.sort((p, q) => {
    const a = p.row[column];
    const b = q.row[column];
    const missingA = a === undefined || a === '';
    const missingB = b === undefined || b === '';
    if (missingA || missingB) return missingA === missingB ? p.index - q.index : missingA ? 1 : -1;
    const order = compareValues(a, b);
    return (descending ? -order : order) || p.index - q.index;
  });
  return indexed.map((entry) => entry.row);
}

/** Pagination of a list the sandbox holds in full (queries, query definitions): tokens carry the next offset. */
import { invalidNextToken } from '../common';
import { decodeCursor, encodeCursor } from '../tokens';

export function pageOf<T>(items: readonly T[], nextToken: string | undefined, maxResults: number): { page: T[]; nextToken?: string } {
  const from = nextToken === undefined ? 0 : decodeCursor(nextToken, isOffset).offset;
  if (from > items.length) throw invalidNextToken();
  const page = items.slice(from, from + maxResults);
  const next = from + page.length;
  return next < items.length ? { page, nextToken: encodeCursor({ offset: next }) } : { page };
}

function isOffset(value: unknown): value is { offset: number } {
  if (typeof value !== 'object' || value === null) return false;
  const { offset } = value as Record<string, unknown>;
  return typeof offset === 'number' && Number.isInteger(offset) && offset >= 0;
}

/**
 * Every query run in this window's storage, newest first: its text, groups, range, region, how it
 * ended and when, searchable, to run again.
 */
import { storedStrings } from '../../components/storedLists';

export interface HistoryEntry {
  readonly id: string;
  readonly queryString: string;
  readonly logGroupNames: readonly string[];
  /** The range as the time-range picker writes it (e.g. "-1h", or two ISO times). */
  readonly range: string;
  readonly region: string;
  readonly status: string;
  readonly ranAt: number;
  readonly rows?: number;
  readonly bytesScanned?: number;
}

/** Older runs are dropped past this many. */
export const HISTORY_KEPT = 500;

export function withEntry(history: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  return [entry, ...history.filter((other) => other.id !== entry.id)].slice(0, HISTORY_KEPT);
}

/** Entries whose text, groups or status contain every word of `search` (case-insensitive). */
export function searchHistory(history: readonly HistoryEntry[], search: string): readonly HistoryEntry[] {
  const words = search.toLowerCase().split(/\s+/).filter((word) => word !== '');
  if (words.length === 0) return history;
  return history.filter((entry) => {
    const text = `${entry.queryString}\n${entry.logGroupNames.join('\n')}\n${entry.status}\n${entry.region}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

/** Whatever is stored (nothing, garbage, an older shape) becomes a valid history. */
export function parseHistory(raw: string | null): readonly HistoryEntry[] {
  if (raw === null) return [];
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return [];
    return value.flatMap((item: unknown): HistoryEntry[] => {
      if (typeof item !== 'object' || item === null) return [];
      const entry = item as Record<string, unknown>;
      if (typeof entry.id !== 'string' || typeof entry.queryString !== 'string' || typeof entry.ranAt !== 'number') return [];
      return [
        {
          id: entry.id,
          queryString: entry.queryString,
          logGroupNames: storedStrings(entry.logGroupNames),
          range: typeof entry.range === 'string' ? entry.range : '-1h',
          region: typeof entry.region === 'string' ? entry.region : '',
          status: typeof entry.status === 'string' ? entry.status : '',
          ranAt: entry.ranAt,
          ...(typeof entry.rows === 'number' ? { rows: entry.rows } : {}),
          ...(typeof entry.bytesScanned === 'number' ? { bytesScanned: entry.bytesScanned } : {}),
        },
      ];
    }).slice(0, HISTORY_KEPT);
  } catch {
    return [];
  }
}

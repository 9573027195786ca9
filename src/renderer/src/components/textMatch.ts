/**
 * Case-insensitive multi-word matching, as the log group search uses it: every word must occur
 * somewhere in the text, in any order. Also finds the ranges to highlight.
 */

/** "  Lambda  PROD lambda" → ["lambda", "prod"]: lower-cased, de-duplicated words. */
export function searchTerms(query: string): readonly string[] {
  const words = query.toLowerCase().split(/\s+/).filter((word) => word.length > 0);
  return [...new Set(words)];
}

/** Whether every term occurs in `text` (case-insensitively); true when there are no terms. */
export function matchesAllTerms(text: string, terms: readonly string[]): boolean {
  if (terms.length === 0) return true;
  const haystack = text.toLowerCase();
  return terms.every((term) => haystack.includes(term));
}

export interface TextRange {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

/** Every occurrence of every term in `text`, merged where they touch or overlap, in order. */
export function matchRanges(text: string, terms: readonly string[]): readonly TextRange[] {
  const haystack = text.toLowerCase();
  const ranges: TextRange[] = [];
  for (const term of terms) {
    for (let at = haystack.indexOf(term); at >= 0; at = haystack.indexOf(term, at + 1)) {
      ranges.push({ start: at, end: at + term.length });
    }
  }
  ranges.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: TextRange[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, range.end) };
    else merged.push(range);
  }
  return merged;
}

export interface TextSegment {
  readonly text: string;
  readonly match: boolean;
}

/** Splits `text` into plain and matching segments, ready to render as text spans. */
export function segmentByMatches(text: string, terms: readonly string[]): readonly TextSegment[] {
  const segments: TextSegment[] = [];
  let position = 0;
  for (const { start, end } of matchRanges(text, terms)) {
    if (start > position) segments.push({ text: text.slice(position, start), match: false });
    segments.push({ text: text.slice(start, end), match: true });
    position = end;
  }
  if (position < text.length || segments.length === 0) segments.push({ text: text.slice(position), match: false });
  return segments;
}

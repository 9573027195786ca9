/** A filter pattern regex (`%...%`), validated against the AWS subset and compiled for linear-time search. */
import { buildNfa } from './regex-nfa';
import { RegexSearcher } from './regex-search';
import { RegexSpanFinder, type TextSpan } from './regex-spans';
import { parseRegex } from './regex-syntax';

export interface FilterRegex {
  /** The text between the `%` signs. */
  readonly source: string;
  /** True if the regex matches anywhere in `text` (use `^`/`$` to anchor). */
  test(text: string): boolean;
  /** Where it matches: every non-empty leftmost-longest match, left to right, none overlapping. */
  spans(text: string): TextSpan[];
}

/** `offset` is where the opening `%` is in the pattern text; errors are reported relative to it. */
export function compileRegex(source: string, offset: number): FilterRegex {
  const node = parseRegex(source, offset + 1);
  const nfa = buildNfa(node, offset, source.length + 2);
  const searcher = new RegexSearcher(nfa);
  // Built on first use: only highlighting needs spans.
  let finder: RegexSpanFinder | undefined;
  return {
    source,
    test: (text) => searcher.test(text),
    spans: (text) => (finder ??= new RegexSpanFinder(nfa)).spans(text),
  };
}

/** A filter pattern regex (`%...%`), validated against the AWS subset and compiled for linear-time search. */
import { buildNfa } from './regex-nfa';
import { RegexSearcher } from './regex-search';
import { parseRegex } from './regex-syntax';

export interface FilterRegex {
  /** The text between the `%` signs. */
  readonly source: string;
  /** True if the regex matches anywhere in `text` (use `^`/`$` to anchor). */
  test(text: string): boolean;
}

/** `offset` is where the opening `%` is in the pattern text; errors are reported relative to it. */
export function compileRegex(source: string, offset: number): FilterRegex {
  const node = parseRegex(source, offset + 1);
  const searcher = new RegexSearcher(buildNfa(node, offset, source.length + 2));
  return { source, test: (text) => searcher.test(text) };
}

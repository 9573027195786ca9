/**
 * Unstructured patterns: terms and "quoted phrases" that must all occur, `?term`s of which one
 * must occur, `-term`s that must not occur; or one standalone `%regex%`.
 */
import type { AllPattern, TermsPattern, TextMatcher } from './ast';
import { fail } from './errors';
import { compileRegex } from './regex';
import { Scanner } from './scanner';

/** Unquoted terms may only contain letters, digits and underscores (AWS docs); others must be quoted. */
const BARE_TERM_CHAR = /[A-Za-z0-9_]/;

export function parseTermsPattern(text: string): TermsPattern | AllPattern {
  const scanner = new Scanner(text);
  const required: TextMatcher[] = [];
  const anyOf: TextMatcher[] = [];
  const excluded: TextMatcher[] = [];
  for (;;) {
    scanner.skipSpaces();
    if (scanner.atEnd()) break;
    const termStart = scanner.pos;
    const prefix = scanner.peek() === '?' || scanner.peek() === '-' ? scanner.peek() : '';
    if (prefix !== '') {
      scanner.pos++;
      if (scanner.atEnd() || /\s/.test(scanner.peek())) fail(`Expected a term right after "${prefix}", with no space.`, termStart);
    }
    const phrase = readTerm(scanner);
    if (prefix === '-' && phrase === '') fail('There is nothing to exclude: the quotes are empty.', termStart, scanner.pos - termStart);
    const matcher: TextMatcher = { type: 'phrase', text: phrase };
    if (prefix === '?') anyOf.push(matcher);
    else if (prefix === '-') excluded.push(matcher);
    else required.push(matcher);
  }
  return termsPattern(text, required, anyOf, excluded);
}

/** Reads one term or quoted phrase. A phrase of only spaces matches everything, as `" "` does in the AWS docs. */
function readTerm(scanner: Scanner): string {
  if (scanner.peek() === '"') {
    const phrase = scanner.readQuoted();
    if (!scanner.atEnd() && !/\s/.test(scanner.peek())) scanner.failHere('Expected a space after the closing quote, before the next term.');
    return phrase.trim() === '' ? '' : phrase;
  }
  if (scanner.peek() === '%') {
    fail('A regex (%...%) must be the whole filter pattern; it can\'t be combined with terms.', scanner.pos);
  }
  const start = scanner.pos;
  while (!scanner.atEnd() && !/\s/.test(scanner.peek())) {
    const ch = scanner.peek();
    if (!BARE_TERM_CHAR.test(ch)) {
      let end = scanner.pos;
      while (end < scanner.text.length && !/\s/.test(scanner.text.charAt(end))) end++;
      const word = scanner.text.slice(start, end);
      const example = word.includes('"') ? '' : `, e.g. "${word}"`;
      fail(`Terms containing "${ch}" must be in double quotes${example}; unquoted terms can only contain letters, digits and _.`, scanner.pos);
    }
    scanner.pos++;
  }
  return scanner.text.slice(start, scanner.pos);
}

function termsPattern(
  source: string,
  required: TextMatcher[],
  anyOf: TextMatcher[],
  excluded: TextMatcher[],
): TermsPattern | AllPattern {
  const isEmpty = (matcher: TextMatcher): boolean => matcher.type === 'phrase' && matcher.text === '';
  const nonEmptyRequired = required.filter((matcher) => !isEmpty(matcher));
  // AWS docs: combined with any other term, `?terms` are ignored. An empty `?""` is always satisfied.
  const effectiveAnyOf = required.length > 0 || excluded.length > 0 || anyOf.some(isEmpty) ? [] : anyOf;
  if (nonEmptyRequired.length === 0 && effectiveAnyOf.length === 0 && excluded.length === 0) return { kind: 'all', source };
  return { kind: 'terms', source, required: nonEmptyRequired, anyOf: effectiveAnyOf, excluded };
}

/** A `%regex%` on its own: AWS allows regex in unstructured patterns only as the whole pattern. */
export function parseRegexPattern(text: string): TermsPattern {
  const scanner = new Scanner(text);
  scanner.skipSpaces();
  const open = scanner.pos;
  const source = scanner.readRegexSource();
  const regex = compileRegex(source, open);
  scanner.skipSpaces();
  if (!scanner.atEnd()) {
    scanner.failHere('A regex (%...%) must be the whole filter pattern; remove what follows the closing %.');
  }
  return { kind: 'terms', source: text, required: [{ type: 'regex', regex }], anyOf: [], excluded: [] };
}

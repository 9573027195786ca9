/** Entry point of parsing: length limit, then the kind of pattern chosen by its first character. */
import { FILTER_PATTERN_MAX_LENGTH } from '../../contract/logs-rules';
import type { FilterPattern } from './ast';
import { FilterPatternSyntaxError, type FilterPatternError } from './errors';
import { parseDelimitedPattern } from './parse-delimited';
import { parseJsonPattern } from './parse-json';
import { parseRegexPattern, parseTermsPattern } from './parse-terms';

export type FilterPatternParseResult =
  | { readonly ok: true; readonly pattern: FilterPattern }
  | { readonly ok: false; readonly error: FilterPatternError };

function parseByKind(text: string): FilterPattern {
  const first = text.trimStart().charAt(0);
  if (first === '') return { kind: 'all', source: text };
  if (first === '{') return parseJsonPattern(text);
  if (first === '[') return parseDelimitedPattern(text);
  if (first === '%') return parseRegexPattern(text);
  return parseTermsPattern(text);
}

/** Parses a filter pattern; never throws: a mistake comes back with its position. */
export function parseFilterPattern(text: string): FilterPatternParseResult {
  if (text.length > FILTER_PATTERN_MAX_LENGTH) {
    return {
      ok: false,
      error: {
        message: `A filter pattern can be at most ${FILTER_PATTERN_MAX_LENGTH.toLocaleString('en-US')} characters; this one has ${text.length.toLocaleString('en-US')}.`,
        offset: FILTER_PATTERN_MAX_LENGTH,
        length: text.length - FILTER_PATTERN_MAX_LENGTH,
      },
    };
  }
  try {
    return { ok: true, pattern: parseByKind(text) };
  } catch (error) {
    if (error instanceof FilterPatternSyntaxError) return { ok: false, error: error.error };
    throw error;
  }
}

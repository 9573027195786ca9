/** Helpers for the filter-pattern tests: parse or fail loudly. */
import { parseFilterPattern, type FilterPattern, type FilterPatternError } from './index';

export function parse(text: string): FilterPattern {
  const result = parseFilterPattern(text);
  if (!result.ok) throw new Error(`${text}: ${result.error.message}`);
  return result.pattern;
}

export function errorOf(text: string): FilterPatternError {
  const result = parseFilterPattern(text);
  if (result.ok) throw new Error(`expected ${text} to be rejected`);
  return result.error;
}

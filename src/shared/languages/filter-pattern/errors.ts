/** A mistake in a filter pattern, with where it is so the UI can underline it. */
export interface FilterPatternError {
  /** A sentence saying what is wrong, e.g. `Expected a value after "=".` */
  readonly message: string;
  /** Zero-based offset of the mistake in the pattern text. */
  readonly offset: number;
  /** How many characters the mistake spans (at least 1, except at the end of the text). */
  readonly length: number;
}

/**
 * Thrown inside the parsers and caught by `parseFilterPattern`, so each parser can stop at the
 * first mistake without threading results through every call.
 */
export class FilterPatternSyntaxError extends Error {
  constructor(readonly error: FilterPatternError) {
    super(error.message);
    this.name = 'FilterPatternSyntaxError';
  }
}

export function fail(message: string, offset: number, length = 1): never {
  throw new FilterPatternSyntaxError({ message, offset, length });
}

/** Quotes a piece of pattern text for an error message, shortening long pieces. */
export function quote(text: string): string {
  return `"${text.length > 40 ? `${text.slice(0, 37)}...` : text}"`;
}

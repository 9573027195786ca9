/** A mistake in a metric math expression, with where it is so the editor can underline it. */
export interface MetricMathError {
  /** A sentence saying what is wrong. */
  readonly message: string;
  /** Zero-based offset of the first character of the mistake. */
  readonly start: number;
  /** Offset just after it (equal to `start` at the end of the text). */
  readonly end: number;
}

/** Thrown inside the parser and caught by `parseMetricMath`, so each rule can stop at the first mistake. */
export class MetricMathSyntaxError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
    this.name = 'MetricMathSyntaxError';
  }

  get error(): MetricMathError {
    return { message: this.message, start: this.start, end: this.end };
  }
}

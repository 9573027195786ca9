import type { Span } from '../../../../shared/languages/insights';

/** A query that parses but cannot run as written (e.g. sorting by an aggregation stats did not make). */
export class QueryCompileError extends Error {
  constructor(
    message: string,
    readonly span: Span,
  ) {
    super(message);
    this.name = 'QueryCompileError';
  }
}

import type { RequestContext } from '../../../core/context';
import { invalidParameter, readLogsInput } from '../common';
import { findQuery, queryIdRule } from '../insights/find-query';

/** Cancels a Scheduled or Running query; one that has ended is an error, as on AWS. */
export function stopQuery(body: unknown, context: RequestContext): object {
  const input = readLogsInput(body);
  const id = input.string('queryId', { ...queryIdRule, required: true }) as string;
  input.finish();
  const run = findQuery(context, id);
  if (!run.stop()) throw invalidParameter(`Query ${id} is not running; it ended with status ${run.status}.`);
  return { success: true };
}

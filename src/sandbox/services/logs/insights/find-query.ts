/** Looking up a query by the ID StartQuery gave, as GetQueryResults and StopQuery do. */
import type { RequestContext } from '../../../core/context';
import { ServiceError } from '../../../core/errors';
import { INSIGHTS_QUERIES } from './queries';
import type { QueryRun } from './query-run';

/** The model's QueryId: 1 to 256 characters. */
export const queryIdRule = { min: 1, max: 256 } as const;

export function findQuery(context: RequestContext, id: string): QueryRun {
  const run = context.state.store(INSIGHTS_QUERIES).get(id, context.now);
  if (run === undefined) throw new ServiceError('ResourceNotFoundException', `Query does not exist: ${id}`);
  return run;
}

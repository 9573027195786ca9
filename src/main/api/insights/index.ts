/** CloudWatch Logs Insights: the `insights.*` handlers, one module per concern. */
import { CloudWatchLogsClient, StopQueryCommand } from '@aws-sdk/client-cloudwatch-logs';
import type { CloudscopeHandlers, FetchAllUpdate, QueryUpdate } from '../../../shared/contract';
import { INSIGHTS_MAX_CONCURRENT_QUERIES, INSIGHTS_RESULTS_CAP } from '../../../shared/contract/insights-rules';
import type { Session } from '../session';
import { definitionHandlers } from './definitions';
import { fetchAllRows, type SliceResult } from './fetch-all';
import { QuerySlots } from './query-slots';
import { querySeconds, runQuery } from './run';
import { lookupHandlers } from './lookups';

export function insightsHandlers(session: Session): CloudscopeHandlers['insights'] {
  // One line for every query of the app, shared by tabs and by fetch-all's slices.
  const slots = new QuerySlots(INSIGHTS_MAX_CONCURRENT_QUERIES);
  return {
    async *run(request, { signal }): AsyncGenerator<QueryUpdate> {
      const scoped = await session.client(CloudWatchLogsClient, signal, 'background');
      yield* runQuery(scoped, request.query, { slots, limit: request.limit, signal: scoped.abortSignal });
    },

    async stop(request, { signal }) {
      const { client, abortSignal } = await session.client(CloudWatchLogsClient, signal);
      const output = await client.send(new StopQueryCommand({ queryId: request.queryId }), { abortSignal });
      return { stopped: output.success ?? false };
    },

    async *fetchAll(request, { signal }): AsyncGenerator<FetchAllUpdate> {
      const scoped = await session.client(CloudWatchLogsClient, signal, 'background');
      const seconds = querySeconds(request.query);
      const runSlice = async (range: { start: number; end: number }): Promise<SliceResult> => {
        const slice = { ...request.query, startTime: range.start * 1000, endTime: range.end * 1000 + 999 };
        let result: SliceResult = { fields: [], rows: [], capped: false, bytesScanned: 0 };
        for await (const update of runQuery(scoped, slice, { slots, limit: INSIGHTS_RESULTS_CAP, signal: scoped.abortSignal })) {
          if (update.type === 'results') result = { ...result, fields: update.fields, rows: update.rows };
          if (update.type === 'done') {
            if (update.status !== 'Complete') throw new Error(`A query of the range ${new Date(slice.startTime).toISOString()} – ${new Date(slice.endTime).toISOString()} ended ${update.status}.`);
            result = { ...result, capped: update.capped, bytesScanned: update.statistics.bytesScanned };
          }
        }
        return result;
      };
      yield* fetchAllRows({ start: seconds.startTime, end: seconds.endTime }, request.order, runSlice);
    },

    ...lookupHandlers(session),
    ...definitionHandlers(session),
  };
}

/** What the editor and the results need besides running queries: a record, the groups' fields, the account's queries. */
import {
  CloudWatchLogsClient,
  DescribeQueriesCommand,
  GetLogGroupFieldsCommand,
  GetLogRecordCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import type { CloudscopeHandlers, GroupField, LogRecord, QueryInfo, QueryStatus } from '../../../shared/contract';
import { QUERY_LIST_PAGE_LIMIT } from '../../../shared/contract/insights-rules';
import { logGroupOfLogField, parseInsightsTimestamp } from '../../../shared/insights-values';
import { paced } from '../paced';
import type { Session } from '../session';

type LookupHandlers = Pick<CloudscopeHandlers['insights'], 'getRecord' | 'groupFields' | 'describeQueries'>;

export function lookupHandlers(session: Session): LookupHandlers {
  return {
    async getRecord(request, { signal }) {
      const { client, abortSignal } = await session.client(CloudWatchLogsClient, signal);
      const output = await client.send(new GetLogRecordCommand({ logRecordPointer: request.logRecordPointer }), { abortSignal });
      return toLogRecord(output.logRecord ?? {});
    },

    async groupFields(request, { signal }) {
      const scoped = await session.client(CloudWatchLogsClient, signal);
      const perGroup = await Promise.all(
        request.logGroupNames.map(async (logGroupName) => {
          const output = await scoped.client.send(
            paced(new GetLogGroupFieldsCommand({ logGroupName }), scoped.limiter('GetLogGroupFields'), scoped.abortSignal),
            { abortSignal: scoped.abortSignal },
          );
          return (output.logGroupFields ?? []).flatMap((field) => (field.name ? [{ name: field.name, percent: field.percent ?? 0 }] : []));
        }),
      );
      return mergeGroupFields(perGroup);
    },

    async describeQueries(request, { signal }) {
      const { client, abortSignal } = await session.client(CloudWatchLogsClient, signal);
      const output = await client.send(
        new DescribeQueriesCommand({ maxResults: QUERY_LIST_PAGE_LIMIT, ...(request.status ? { status: request.status } : {}) }),
        { abortSignal },
      );
      return (output.queries ?? [])
        .map(
          (query): QueryInfo => ({
            queryId: query.queryId ?? '',
            queryString: query.queryString ?? '',
            status: (query.status ?? 'Unknown') as QueryStatus,
            createTime: query.createTime ?? 0,
            ...(query.logGroupName ? { logGroupName: query.logGroupName } : {}),
          }),
        )
        .sort((a, b) => b.createTime - a.createTime);
    },
  };
}

/** Each field's share averaged over the groups (a group without the field counts 0), most common first. */
export function mergeGroupFields(perGroup: ReadonlyArray<readonly GroupField[]>): GroupField[] {
  const totals = new Map<string, number>();
  for (const fields of perGroup) for (const field of fields) totals.set(field.name, (totals.get(field.name) ?? 0) + field.percent);
  const groups = Math.max(perGroup.length, 1);
  return [...totals]
    .map(([name, total]) => ({ name, percent: Math.round((total / groups) * 10) / 10 }))
    .sort((a, b) => b.percent - a.percent || a.name.localeCompare(b.name));
}

export function toLogRecord(fields: Readonly<Record<string, string>>): LogRecord {
  const log = fields['@log'];
  const stream = fields['@logStream'];
  const time = fields['@timestamp'];
  const timestamp = time === undefined ? undefined : /^\d+$/.test(time) ? Number(time) : parseInsightsTimestamp(time);
  return {
    fields,
    ...(log ? { logGroupName: logGroupOfLogField(log) } : {}),
    ...(stream ? { logStreamName: stream } : {}),
    ...(timestamp === undefined ? {} : { timestamp }),
  };
}

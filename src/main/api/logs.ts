/** CloudWatch Logs: log groups, streams and events. */
import {
  CloudWatchLogsClient,
  GetLogEventsCommand,
  DescribeLogStreamsCommand,
  paginateDescribeLogGroups,
  type LogGroup as AwsLogGroup,
  type LogStream as AwsLogStream,
} from '@aws-sdk/client-cloudwatch-logs';
import type { CloudscopeHandlers, LogGroup, LogStream } from '../../shared/contract';
import { DESCRIBE_PAGE_LIMIT } from '../../shared/contract/logs-rules';
import type { Session } from './session';

export function logsHandlers(session: Session): CloudscopeHandlers['logs'] {
  return {
    async *listGroups(request, { signal }) {
      // A whole account's listing runs with progress and Stop: it keeps retrying under the quota.
      const { client, abortSignal } = await session.client(CloudWatchLogsClient, signal, 'background');
      const pages = paginateDescribeLogGroups(
        { client, pageSize: DESCRIBE_PAGE_LIMIT },
        request.prefix ? { logGroupNamePrefix: request.prefix } : {},
        { abortSignal },
      );
      for await (const page of pages) {
        yield { groups: (page.logGroups ?? []).map(toLogGroup) };
      }
    },

    async listStreams(request, { signal }) {
      const { client, abortSignal } = await session.client(CloudWatchLogsClient, signal);
      const output = await client.send(
        new DescribeLogStreamsCommand({
          logGroupName: request.logGroupName,
          orderBy: request.orderBy,
          descending: request.descending,
          // AWS refuses a prefix together with LastEventTime ordering.
          logStreamNamePrefix: request.orderBy === 'LogStreamName' ? request.prefix || undefined : undefined,
          limit: request.limit,
          nextToken: request.nextToken,
        }),
        { abortSignal },
      );
      return { streams: (output.logStreams ?? []).map(toLogStream), nextToken: output.nextToken };
    },

    async getEvents(request, { signal }) {
      const { client, abortSignal } = await session.client(CloudWatchLogsClient, signal);
      const output = await client.send(
        new GetLogEventsCommand({
          logGroupName: request.logGroupName,
          logStreamName: request.logStreamName,
          startFromHead: request.startFromHead,
          startTime: request.startTime,
          endTime: request.endTime,
          limit: request.limit,
          nextToken: request.nextToken,
        }),
        { abortSignal },
      );
      return {
        events: (output.events ?? []).map((event) => ({
          timestamp: event.timestamp ?? 0,
          ingestionTime: event.ingestionTime ?? 0,
          message: event.message ?? '',
        })),
        nextForwardToken: output.nextForwardToken ?? '',
        nextBackwardToken: output.nextBackwardToken ?? '',
      };
    },
  };
}

function toLogGroup(group: AwsLogGroup): LogGroup {
  const name = group.logGroupName ?? '';
  return {
    name,
    arn: group.logGroupArn ?? group.arn?.replace(/:\*$/, '') ?? '',
    creationTime: group.creationTime ?? 0,
    retentionInDays: group.retentionInDays ?? null,
    storedBytes: group.storedBytes ?? 0,
    metricFilterCount: group.metricFilterCount ?? 0,
    logGroupClass: group.logGroupClass ?? 'STANDARD',
    kmsKeyId: group.kmsKeyId,
  };
}

function toLogStream(stream: AwsLogStream): LogStream {
  return {
    name: stream.logStreamName ?? '',
    arn: stream.arn ?? '',
    creationTime: stream.creationTime ?? 0,
    firstEventTimestamp: stream.firstEventTimestamp,
    lastEventTimestamp: stream.lastEventTimestamp,
    lastIngestionTime: stream.lastIngestionTime,
  };
}

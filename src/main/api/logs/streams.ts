/** One group's streams, and one stream's events page by page. */
import { CloudWatchLogsClient, DescribeLogStreamsCommand, GetLogEventsCommand, type LogStream as AwsLogStream, type OutputLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import type { CloudscopeHandlers, LogEvent, LogStream } from '../../../shared/contract';
import type { Session } from '../session';

type StreamHandlers = Pick<CloudscopeHandlers['logs'], 'listStreams' | 'getEvents'>;

export function streamHandlers(session: Session): StreamHandlers {
  return {
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
        events: (output.events ?? []).map(toLogEvent),
        nextForwardToken: output.nextForwardToken ?? '',
        nextBackwardToken: output.nextBackwardToken ?? '',
      };
    },
  };
}

export function toLogEvent(event: OutputLogEvent): LogEvent {
  return { timestamp: event.timestamp ?? 0, ingestionTime: event.ingestionTime ?? 0, message: event.message ?? '' };
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

/** Log groups: listing, one group's details, retention, creating and deleting. */
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  DeleteLogGroupCommand,
  DeleteRetentionPolicyCommand,
  DescribeLogGroupsCommand,
  paginateDescribeLogGroups,
  PutRetentionPolicyCommand,
  type LogGroup as AwsLogGroup,
} from '@aws-sdk/client-cloudwatch-logs';
import type { CloudscopeHandlers, LogGroup } from '../../../shared/contract';
import { DESCRIBE_PAGE_LIMIT } from '../../../shared/contract/logs-rules';
import { apiError } from '../../../shared/errors';
import type { ScopedClient, Session } from '../session';

type GroupHandlers = Pick<CloudscopeHandlers['logs'], 'listGroups' | 'describeGroup' | 'setRetention' | 'createGroup' | 'deleteGroup'>;

export function groupHandlers(session: Session): GroupHandlers {
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

    async describeGroup(request, { signal }) {
      return describeGroup(await session.client(CloudWatchLogsClient, signal), request.logGroupName);
    },

    async setRetention(request, { signal }) {
      const scoped = await session.client(CloudWatchLogsClient, signal);
      const { client, abortSignal } = scoped;
      const { logGroupName, retentionInDays } = request;
      if (retentionInDays === null) await client.send(new DeleteRetentionPolicyCommand({ logGroupName }), { abortSignal });
      else await client.send(new PutRetentionPolicyCommand({ logGroupName, retentionInDays }), { abortSignal });
      return describeGroup(scoped, logGroupName);
    },

    async createGroup(request, { signal }) {
      const scoped = await session.client(CloudWatchLogsClient, signal);
      const { client, abortSignal } = scoped;
      const { logGroupName, logGroupClass, retentionInDays } = request;
      await client.send(new CreateLogGroupCommand({ logGroupName, logGroupClass }), { abortSignal });
      if (retentionInDays !== undefined) {
        await client.send(new PutRetentionPolicyCommand({ logGroupName, retentionInDays }), { abortSignal });
      }
      return describeGroup(scoped, logGroupName);
    },

    async deleteGroup(request, { signal }) {
      const { client, abortSignal } = await session.client(CloudWatchLogsClient, signal);
      await client.send(new DeleteLogGroupCommand({ logGroupName: request.logGroupName }), { abortSignal });
    },
  };
}

/**
 * One group by its exact name. DescribeLogGroups has no exact-name filter that every endpoint knows, but
 * a name sorts before every longer name it prefixes, so it is the first of its own prefix's listing.
 */
export async function describeGroup({ client, abortSignal }: ScopedClient<CloudWatchLogsClient>, logGroupName: string): Promise<LogGroup> {
  const output = await client.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: logGroupName, limit: 1 }), { abortSignal });
  const found = output.logGroups?.find((group) => group.logGroupName === logGroupName);
  if (found === undefined) {
    throw apiError('NotFound', `The log group ${logGroupName} does not exist. It may have been deleted, or it is in another region.`);
  }
  return toLogGroup(found);
}

export function toLogGroup(group: AwsLogGroup): LogGroup {
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

/**
 * The export queue's AWS calls, made with clients of the connection and region each export was queued in
 * (not the current scope: the queue goes on while the person looks at another region or account).
 */
import { CancelExportTaskCommand, CloudWatchLogsClient, CreateExportTaskCommand, DescribeExportTasksCommand } from '@aws-sdk/client-cloudwatch-logs';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { taskKeyPrefix } from '../../../shared/exports/export-keys';
import type { ExportItem } from '../../../shared/contract';
import type { AwsClient, AwsClientClass } from '../aws-clients';
import type { Session } from '../session';
import type { ExportTaskApi, TaskStatus } from './export-queue';

const STATES: Readonly<Record<string, TaskStatus['state']>> = {
  PENDING: 'pending',
  RUNNING: 'running',
  PENDING_CANCEL: 'cancelling',
  COMPLETED: 'completed',
  FAILED: 'failed',
  CANCELLED: 'cancelled',
};

/** How many of the newest tasks are searched for one the app may have created before it stopped. */
const FIND_BY_NAME_PAGES = 4;

export function awsExportTasks(session: Session): ExportTaskApi {
  const withClient = async <C extends AwsClient, T>(Client: AwsClientClass<C>, item: ExportItem, use: (client: C) => Promise<T>): Promise<T> => {
    const client = await session.clientFor(Client, await session.entry(item.connectionId), item.region);
    try {
      return await use(client);
    } finally {
      client.destroy();
    }
  };
  return {
    create: (item, taskName) =>
      withClient(CloudWatchLogsClient, item, async (logs) => {
        const { taskId } = await logs.send(
          new CreateExportTaskCommand({
            taskName,
            logGroupName: item.logGroupName,
            from: item.from,
            to: item.to,
            destination: item.bucket,
            destinationPrefix: item.prefix,
          }),
        );
        if (taskId === undefined) throw new Error('CreateExportTask answered without a task id.');
        return taskId;
      }),
    describe: (item) =>
      withClient(CloudWatchLogsClient, item, async (logs) => {
        const { exportTasks } = await logs.send(new DescribeExportTasksCommand({ taskId: item.taskId }));
        const task = exportTasks?.find((candidate) => candidate.taskId === item.taskId);
        const state = task?.status?.code === undefined ? undefined : STATES[task.status.code];
        if (task === undefined || state === undefined) return undefined;
        return {
          state,
          ...(task.status?.message === undefined ? {} : { message: task.status.message }),
          ...(task.executionInfo?.completionTime === undefined ? {} : { completionTime: task.executionInfo.completionTime }),
        };
      }),
    findByName: (item, taskName) =>
      withClient(CloudWatchLogsClient, item, async (logs) => {
        let nextToken: string | undefined;
        for (let page = 0; page < FIND_BY_NAME_PAGES; page++) {
          const answer = await logs.send(new DescribeExportTasksCommand({ limit: 50, ...(nextToken === undefined ? {} : { nextToken }) }));
          const found = answer.exportTasks?.find((task) => task.taskName === taskName);
          if (found?.taskId !== undefined) return found.taskId;
          nextToken = answer.nextToken;
          if (nextToken === undefined) break;
        }
        return undefined;
      }),
    cancel: (item) =>
      withClient(CloudWatchLogsClient, item, async (logs) => {
        await logs.send(new CancelExportTaskCommand({ taskId: item.taskId }));
      }),
    usage: (item) =>
      withClient(S3Client, item, async (s3) => {
        let objects = 0;
        let bytes = 0;
        let token: string | undefined;
        do {
          const page = await s3.send(
            new ListObjectsV2Command({ Bucket: item.bucket, Prefix: taskKeyPrefix(item.prefix, item.taskId), ...(token === undefined ? {} : { ContinuationToken: token }) }),
          );
          for (const object of page.Contents ?? []) {
            objects++;
            bytes += object.Size ?? 0;
          }
          token = page.NextContinuationToken;
        } while (token !== undefined);
        return { objects, bytes };
      }),
    describeFailure: (error) => session.describeFailure(error),
  };
}

/** Log exports to S3: the `exports.*` handlers, one module per concern, and the queue that runs export tasks. */
import type { CloudscopeHandlers } from '../../../shared/contract';
import type { Session } from '../session';
import { bucketHandlers } from './buckets';
import { ExportQueue } from './export-queue';
import { awsExportTasks } from './export-tasks-aws';
import { objectHandlers } from './objects';
import { policyHandlers } from './policy';
import { memoryExportQueueStore, type ExportQueueStore } from './queue-store';

export interface ExportsOptions {
  /** Where the queue is kept between runs; default: in memory only. */
  readonly store?: ExportQueueStore;
  /** How often running export tasks are asked about, in ms (default 2 s). */
  readonly pollMs?: number;
}

export interface ExportsApi {
  readonly handlers: CloudscopeHandlers['exports'];
  dispose(): Promise<void>;
}

export function exportsApi(session: Session, options: ExportsOptions = {}): ExportsApi {
  const queue = new ExportQueue({
    store: options.store ?? memoryExportQueueStore(),
    aws: awsExportTasks(session),
    ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs }),
  });
  return {
    handlers: {
      queue: (_request, { signal }) => queue.watch(signal),
      async enqueue(request) {
        const scope = await session.current();
        return queue.enqueue({ ...request, connectionId: scope.connection.id, region: scope.region });
      },
      cancel: (request) => queue.cancel(request.id),
      clearFinished: () => queue.clearFinished(),
      ...bucketHandlers(session),
      ...policyHandlers(session),
      ...objectHandlers(session),
    },
    dispose: () => queue.dispose(),
  };
}

/**
 * Log exports to S3: the app's queue of CloudWatch Logs export tasks (one task per log group, run one at a
 * time as AWS allows, kept across restarts), the buckets they go to, the bucket policy they need, and the
 * exported objects. Times are epoch milliseconds.
 */
import { z } from 'zod';
import { bucketNameProblem } from '../exports/bucket-names';
import type { DiffLine } from '../exports/line-diff';
import { response, stream, unary } from '../rpc';
import { LOG_GROUP_NAME } from './logs-rules';
import { FileName, NextToken, stringOf, Timestamp } from './primitives';

export type { DiffLine } from '../exports/line-diff';

/**
 * Where an export is in its life: `queued` in the app; `starting` while CreateExportTask is sent; then AWS's
 * statuses (`pending`, `running`, `cancelling` = PENDING_CANCEL); and how it ended.
 */
export type ExportState = 'queued' | 'starting' | 'pending' | 'running' | 'cancelling' | 'completed' | 'failed' | 'cancelled';

export const FINISHED_EXPORT_STATES: readonly ExportState[] = ['completed', 'failed', 'cancelled'];

export interface ExportItem {
  /** The queue's own id; the export task's name is `cloudscope-<id>`. */
  readonly id: string;
  /** The connection and region the export runs in (the scope it was queued from). */
  readonly connectionId: string;
  readonly region: string;
  readonly logGroupName: string;
  readonly from: number;
  readonly to: number;
  readonly bucket: string;
  /** The destination prefix; objects go under `<prefix>/<taskId>/`. */
  readonly prefix: string;
  readonly state: ExportState;
  /** AWS's export task id, once it has one. */
  readonly taskId?: string;
  /** AWS's status message, or why the export failed or waits, in words. */
  readonly message?: string;
  readonly queuedAt: number;
  readonly startedAt?: number;
  readonly finishedAt?: number;
  /** What is in S3 under the task's prefix so far (read while it runs, and when it ends). */
  readonly objects?: number;
  readonly bytes?: number;
}

export interface ExportQueue {
  /** Oldest first. */
  readonly items: readonly ExportItem[];
}

export interface BucketSummary {
  readonly name: string;
  /** Null when the endpoint does not say (and GetBucketLocation failed). */
  readonly region: string | null;
  readonly creationDate?: number;
}

export interface BucketList {
  readonly buckets: readonly BucketSummary[];
}

/**
 * Whether a bucket can take exports from the current region, and if not, what to do:
 * - `ready`: its policy lets CloudWatch Logs check it and write under the prefix;
 * - `needs-policy`: statements are missing; `proposed` is the whole policy after adding them (every existing
 *   statement kept as it is), `diff` the change line by line, `current` the policy as it is (null: none);
 * - `denied`: a Deny statement blocks exports; the app will not remove statements, a person must;
 * - `other-region`: exports go only to buckets in the log groups' region;
 * - `missing`: no such bucket;
 * - `unreadable`: the policy could not be read (e.g. no s3:GetBucketPolicy permission).
 */
export type PolicyCheck =
  | { readonly status: 'ready'; readonly bucket: string; readonly region: string }
  | {
      readonly status: 'needs-policy';
      readonly bucket: string;
      readonly region: string;
      readonly current: string | null;
      readonly proposed: string;
      readonly diff: readonly DiffLine[];
      readonly missing: readonly ('aclCheck' | 'write')[];
    }
  | { readonly status: 'denied'; readonly bucket: string; readonly region: string; readonly statement: string; readonly sid?: string }
  | { readonly status: 'other-region'; readonly bucket: string; readonly region: string; readonly bucketRegion: string }
  | { readonly status: 'missing'; readonly bucket: string; readonly region: string }
  | { readonly status: 'unreadable'; readonly bucket: string; readonly region: string; readonly reason: string };

export interface ExportedObject {
  readonly key: string;
  readonly size: number;
  readonly lastModified: number;
}

export interface ObjectPage {
  readonly objects: readonly ExportedObject[];
  /** Absent on the last page. */
  readonly nextToken?: string;
}

/** What downloading one object to a local file reports. */
export type ObjectDownloadUpdate =
  | { readonly type: 'file'; readonly fileName: string }
  | { readonly type: 'dismissed' }
  | { readonly type: 'progress'; readonly bytes: number; readonly totalBytes: number }
  | { readonly type: 'done'; readonly fileName: string; readonly bytes: number };

/** At most this many groups per request (each becomes one export task). */
export const EXPORT_MAX_GROUPS = 50;

export const BucketName = z.string().superRefine((name, context) => {
  const problem = bucketNameProblem(name);
  if (problem !== undefined) context.addIssue({ code: 'custom', message: `The bucket name ${problem}.` });
});

/** S3 keys are at most 1,024 bytes; the prefix leaves room for the task id and stream names. */
export const ExportPrefix = z
  .string()
  .min(1)
  .max(512)
  .refine((prefix) => !prefix.startsWith('/') && !prefix.endsWith('/'), 'The prefix may not start or end with "/".');

const QueueItemId = z.string().min(1).max(64);
const ObjectKey = z.string().min(1).max(1024);

export const exportsContract = {
  /** The queue now, then again whenever it changes, until cancelled. */
  queue: stream(z.object({}), response<ExportQueue>()),
  /** Queues one export task per group, in the current scope; they run one at a time. */
  enqueue: unary(
    z
      .object({
        logGroupNames: z.array(stringOf(LOG_GROUP_NAME)).min(1).max(EXPORT_MAX_GROUPS),
        from: Timestamp,
        to: Timestamp,
        bucket: BucketName,
        prefix: ExportPrefix.default('exportedlogs'),
      })
      .refine((request) => request.from <= request.to, { message: 'The start of the range must not be after its end.' }),
    response<ExportQueue>(),
  ),
  /** Cancels a queued export (it never starts) or a running one (CancelExportTask). */
  cancel: unary(z.object({ id: QueueItemId }), response<ExportQueue>()),
  /** Removes finished exports from the queue (their objects stay in S3). */
  clearFinished: unary(z.object({}), response<ExportQueue>()),
  /** Every bucket of the account, with its region. */
  listBuckets: unary(z.object({}), response<BucketList>()),
  /** Creates a bucket in the current region. */
  createBucket: unary(z.object({ name: BucketName }), response<BucketSummary>()),
  /** Whether the bucket can take exports under `prefix` from the current region, and the fix when not. */
  checkPolicy: unary(z.object({ bucket: BucketName, prefix: ExportPrefix.default('exportedlogs') }), response<PolicyCheck>()),
  /**
   * Adds the missing statements to the bucket's policy. `current` is the policy the person saw in the diff
   * (null: none): if it changed since, nothing is written and the new check comes back to be confirmed.
   */
  applyPolicy: unary(
    z.object({ bucket: BucketName, prefix: ExportPrefix.default('exportedlogs'), current: z.string().max(20_480).nullable() }),
    response<PolicyCheck>(),
  ),
  /** The objects under a prefix (e.g. one export's `<prefix>/<taskId>/`), a page at a time. */
  listObjects: unary(
    z.object({ bucket: BucketName, prefix: z.string().max(1024).default(''), nextToken: NextToken.optional() }),
    response<ObjectPage>(),
  ),
  /** Saves one object to a file the person picks; `decompress` gunzips it on the way. */
  download: stream(
    z.object({ bucket: BucketName, key: ObjectKey, decompress: z.boolean().default(false), suggestedName: FileName }),
    response<ObjectDownloadUpdate>(),
  ),
} as const;


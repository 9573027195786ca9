/**
 * Where CloudWatch Logs export tasks write in S3, and what they write: under the destination prefix, one
 * `aws-logs-write-test` object (the permission check, written first), then per log stream numbered gzip
 * parts, `<prefix>/<taskId>/<logStreamName>/000000.gz`, each line `<ISO-8601 timestamp> <message>`.
 */
import { DEFAULT_EXPORT_PREFIX } from './bucket-policy';

export const WRITE_TEST_OBJECT = 'aws-logs-write-test';
/** The body of the permission-check object, as AWS writes it. */
export const WRITE_TEST_BODY = 'Permission Check Successful';

export function writeTestKey(prefix: string = DEFAULT_EXPORT_PREFIX): string {
  return `${prefix}/${WRITE_TEST_OBJECT}`;
}

/** The key prefix under which one task's objects are: `<prefix>/<taskId>/`. */
export function taskKeyPrefix(prefix: string, taskId: string): string {
  return `${prefix}/${taskId}/`;
}

export function exportObjectKey(prefix: string, taskId: string, logStreamName: string, part: number): string {
  return `${taskKeyPrefix(prefix, taskId)}${logStreamName}/${String(part).padStart(6, '0')}.gz`;
}

export interface ExportObjectKey {
  readonly prefix: string;
  readonly taskId: string;
  readonly logStreamName: string;
  readonly part: number;
}

/**
 * Reads a key written by an export of `taskId`; undefined for anything else. Stream names may contain `/`,
 * so the task id anchors the key: everything between it and the part number is the stream's name.
 */
export function parseExportObjectKey(key: string, taskId: string): ExportObjectKey | undefined {
  const marker = `/${taskId}/`;
  const at = key.indexOf(marker);
  if (at < 0) return undefined;
  const match = /^(.+)\/(\d{6,})\.gz$/s.exec(key.slice(at + marker.length));
  if (match === null) return undefined;
  return { prefix: key.slice(0, at), taskId, logStreamName: match[1] as string, part: Number(match[2]) };
}

/** One event as a line of an exported object, without the line break. */
export function exportLine(timestamp: number, message: string): string {
  return `${new Date(timestamp).toISOString()} ${message}`;
}

/** What the Exports view says about exports and buckets, in words: pure, so it is tested on its own. */
import type { ExportItem, ExportState, PolicyCheck } from '../../../../shared/contract';
import { formatBytes, plural } from '../../../../shared/format';

export const STATE_LABELS: Readonly<Record<ExportState, string>> = {
  queued: 'Queued',
  starting: 'Starting',
  pending: 'Pending',
  running: 'Running',
  cancelling: 'Cancelling',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

export function canCancel(item: ExportItem): boolean {
  return item.state === 'queued' || item.state === 'starting' || item.state === 'pending' || item.state === 'running';
}

/** The line under an export: where it is in the queue, what AWS says, and what it has written. */
export function progressText(item: ExportItem, items: readonly ExportItem[]): string {
  if (item.state === 'queued') {
    const ahead = items.filter((other) => other.queuedAt <= item.queuedAt && other.id !== item.id && ['queued', 'starting', 'pending', 'running', 'cancelling'].includes(other.state)).length;
    const waiting = ahead === 0 ? 'Next to start' : `Waiting for ${plural(ahead, 'export')} ahead of it`;
    return item.message === undefined ? waiting : `${waiting}. ${item.message}`;
  }
  const written = item.objects === undefined ? '' : `${plural(item.objects, 'object')}, ${formatBytes(item.bytes ?? 0)} written`;
  return [item.message, written].filter((part) => part !== undefined && part !== '').join(' · ');
}

/** The key prefix under which an export's objects are. */
export function exportKeyPrefix(item: Pick<ExportItem, 'prefix' | 'taskId'>): string {
  return `${item.prefix}/${item.taskId ?? ''}/`;
}

/** A downloaded object's suggested file name: the stream and part, without folders. */
export function suggestedFileName(key: string, prefix: string, decompress: boolean): string {
  const relative = key.startsWith(prefix) ? key.slice(prefix.length) : key;
  const flat = relative.replace(/[/\\:*?"<>|\x00-\x1f]+/g, '_').replace(/^_+/, '') || 'export';
  return decompress ? flat.replace(/\.gz$/, '.log') : flat;
}

/** What the bucket's check means for the form: whether it can export, and the sentence that says so. */
export function policySentence(check: PolicyCheck): { readonly ready: boolean; readonly text: string } {
  switch (check.status) {
    case 'ready':
      return { ready: true, text: `${check.bucket} (${check.region}) lets CloudWatch Logs write exports under this prefix.` };
    case 'needs-policy':
      return {
        ready: false,
        text: `${check.bucket} does not yet let CloudWatch Logs ${check.missing.includes('aclCheck') ? 'check the bucket and write to it' : 'write under this prefix'}. Review the policy change and apply it.`,
      };
    case 'denied':
      return {
        ready: false,
        text: `A Deny statement${check.sid === undefined ? '' : ` (${check.sid})`} in the policy of ${check.bucket} blocks CloudWatch Logs. Cloudscope never removes statements: change that statement in S3, then check again.`,
      };
    case 'other-region':
      return {
        ready: false,
        text: `${check.bucket} is in ${check.bucketRegion}, but exports from ${check.region} can only go to a bucket in ${check.region}. Pick or create a bucket in ${check.region}, or switch the region to ${check.bucketRegion}.`,
      };
    case 'missing':
      return { ready: false, text: `There is no bucket named ${check.bucket}. Create it, or pick another one.` };
    case 'unreadable':
      return { ready: false, text: `Cannot read the policy of ${check.bucket}: ${check.reason}` };
  }
}

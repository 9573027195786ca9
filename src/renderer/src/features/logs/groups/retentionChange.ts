/** What changing a group's retention does to the events it already holds. */
import type { LogGroup } from '../../../../../shared/contract';

const DAY = 86_400_000;

export type RetentionChange =
  | { readonly kind: 'unchanged' | 'longer' }
  /**
   * Events before `deletesBefore` will be deleted (CloudWatch Logs removes them over the following days).
   * `estimatedBytes` assumes the group received events at a steady rate over the days it holds.
   */
  | { readonly kind: 'shorter'; readonly deletesBefore: number; readonly estimatedBytes: number };

export function retentionChange(group: LogGroup, next: number | null, now: number): RetentionChange {
  const current = group.retentionInDays;
  if (next === current) return { kind: 'unchanged' };
  if (next === null || (current !== null && next > current)) return { kind: 'longer' };
  const heldDays = Math.min(current ?? Number.POSITIVE_INFINITY, Math.max(0, (now - group.creationTime) / DAY));
  const deletedShare = heldDays > next ? (heldDays - next) / heldDays : 0;
  return { kind: 'shorter', deletesBefore: now - next * DAY, estimatedBytes: Math.round(group.storedBytes * deletedShare) };
}

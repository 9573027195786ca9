/**
 * Sorting log groups by a column. The table sorts the whole list once per sort change (not per
 * keystroke of the search, which then only filters the sorted list), so this stays plain and cheap.
 */
import type { SortingState } from '@tanstack/react-table';
import type { LogGroup } from '../../../../../shared/contract';

/** The value each column shows and sorts by, keyed by column id. */
export const GROUP_SORT_VALUES = {
  name: (group: LogGroup) => group.name,
  // Never expire keeps events longest, so it sorts after every number of days.
  retention: (group: LogGroup) => group.retentionInDays ?? Number.POSITIVE_INFINITY,
  storedBytes: (group: LogGroup) => group.storedBytes,
  creationTime: (group: LogGroup) => group.creationTime,
  logGroupClass: (group: LogGroup) => group.logGroupClass,
  metricFilterCount: (group: LogGroup) => group.metricFilterCount,
  kms: (group: LogGroup) => (group.kmsKeyId ? 1 : 0),
} as const satisfies Record<string, (group: LogGroup) => string | number>;

export type GroupColumnId = keyof typeof GROUP_SORT_VALUES;

function isGroupColumn(id: string): id is GroupColumnId {
  return Object.hasOwn(GROUP_SORT_VALUES, id);
}

/**
 * A sorted copy of `groups`; ties keep the name order AWS lists groups in (plain code-unit order,
 * which is also how names themselves sort).
 */
export function sortGroups(groups: readonly LogGroup[], sorting: SortingState): readonly LogGroup[] {
  const keys = sorting.filter((sort) => isGroupColumn(sort.id));
  if (keys.length === 0) return groups;
  return [...groups].sort((a, b) => {
    for (const { id, desc } of keys) {
      const value = GROUP_SORT_VALUES[id as GroupColumnId];
      const order = compare(value(a), value(b));
      if (order !== 0) return desc ? -order : order;
    }
    return compare(a.name, b.name);
  });
}

function compare(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The log group table's columns: what each shows and how wide it is (sorting: see groupSort.ts). */
import { createColumnHelper } from '@tanstack/react-table';
import type { LogGroup } from '../../../../../shared/contract';
import { formatBytes, formatCount, formatLogGroupClass, formatRetention, formatTimestamp, type TimeZoneMode } from '../../../../../shared/format';
import { Highlight } from '../../../components/Highlight';
import { LockIcon, StarIcon } from '../../../components/icons';
import { GROUP_SORT_VALUES } from './groupSort';

const column = createColumnHelper<LogGroup>();
const NO_TERMS: readonly string[] = [];

export function groupColumns(zone: TimeZoneMode, favourites: ReadonlySet<string>) {
  return [
    column.display({
      id: 'favourite',
      header: () => <span className="visually-hidden">Favourite</span>,
      cell: (info) =>
        favourites.has(info.row.original.name) ? (
          <span className="favourite-mark" title="Favourite">
            <StarIcon filled />
            <span className="visually-hidden">Favourite</span>
          </span>
        ) : null,
      meta: { width: '2rem', align: 'center' },
    }),
    column.accessor(GROUP_SORT_VALUES.name, {
      id: 'name',
      header: 'Name',
      cell: (info) => (
        <span className="cell-name" title={info.getValue()}>
          <Highlight text={info.getValue()} terms={info.table.options.meta?.searchTerms ?? NO_TERMS} />
        </span>
      ),
      meta: { width: 'minmax(18rem, 1fr)' },
    }),
    column.accessor(GROUP_SORT_VALUES.retention, {
      id: 'retention',
      header: 'Retention',
      sortDescFirst: true,
      cell: (info) => {
        const days = info.row.original.retentionInDays;
        return <span className={days === null ? 'muted' : undefined}>{formatRetention(days)}</span>;
      },
      meta: { width: '7.5rem' },
    }),
    column.accessor(GROUP_SORT_VALUES.storedBytes, {
      id: 'storedBytes',
      header: 'Stored',
      sortDescFirst: true,
      cell: (info) => <span className="numeric">{formatBytes(info.getValue())}</span>,
      meta: { width: '6.5rem', align: 'end' },
    }),
    column.accessor(GROUP_SORT_VALUES.creationTime, {
      id: 'creationTime',
      header: 'Created',
      sortDescFirst: true,
      cell: (info) => (
        <span className="numeric" title={formatTimestamp(info.getValue(), zone, 'second')}>
          {formatTimestamp(info.getValue(), zone, 'date')}
        </span>
      ),
      meta: { width: '7.5rem' },
    }),
    column.accessor(GROUP_SORT_VALUES.logGroupClass, {
      id: 'logGroupClass',
      header: 'Class',
      cell: (info) => formatLogGroupClass(info.getValue()),
      meta: { width: '9rem' },
    }),
    column.accessor(GROUP_SORT_VALUES.metricFilterCount, {
      id: 'metricFilterCount',
      header: 'Metric filters',
      sortDescFirst: true,
      cell: (info) => (
        <span className={info.getValue() === 0 ? 'numeric muted' : 'numeric'}>{formatCount(info.getValue())}</span>
      ),
      meta: { width: '7rem', align: 'end' },
    }),
    column.accessor(GROUP_SORT_VALUES.kms, {
      id: 'kms',
      header: 'KMS',
      sortDescFirst: true,
      cell: (info) =>
        info.row.original.kmsKeyId ? (
          <span className="kms-badge" title={`Encrypted with KMS key ${info.row.original.kmsKeyId}`}>
            <LockIcon />
            <span className="visually-hidden">Encrypted with KMS</span>
          </span>
        ) : (
          <>
            <span className="muted" aria-hidden="true">
              —
            </span>
            <span className="visually-hidden">Not KMS-encrypted</span>
          </>
        ),
      meta: { width: '4.5rem', align: 'center' },
    }),
  ];
}

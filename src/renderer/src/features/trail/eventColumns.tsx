/** The event history table's columns: time, event name, user, source, resources, region, error. */
import { createColumnHelper } from '@tanstack/react-table';
import type { TrailEvent } from '../../../../shared/contract';
import { formatTimestamp, type TimeZoneMode } from '../../../../shared/format';
import { Highlight } from '../../components/Highlight';

const column = createColumnHelper<TrailEvent>();
const NO_TERMS: readonly string[] = [];

/** `logs.amazonaws.com` → `logs` */
export function shortSource(eventSource: string): string {
  return eventSource.replace(/\.amazonaws\.com$/, '');
}

/** The resources' names, for the table and its filter. */
export function resourcesText(event: TrailEvent): string {
  return event.resources.map((resource) => resource.name).join(', ');
}

/** Every text of an event the instant filter looks in. */
export function searchableText(event: TrailEvent): string {
  return [
    event.eventName,
    event.username,
    event.eventSource,
    resourcesText(event),
    event.region,
    event.errorCode,
    event.sourceIPAddress,
    event.accessKeyId,
    event.eventId,
  ]
    .filter((part) => part !== undefined)
    .join('\n');
}

function text(value: string | undefined, terms: readonly string[]) {
  return value === undefined || value === '' ? <span className="muted">—</span> : <Highlight text={value} terms={terms} />;
}

export function eventColumns(zone: TimeZoneMode) {
  const termsOf = (meta: { searchTerms?: readonly string[] } | undefined) => meta?.searchTerms ?? NO_TERMS;
  return [
    column.accessor('eventTime', {
      id: 'time',
      header: 'Time',
      cell: (info) => <span className="numeric">{formatTimestamp(info.getValue(), zone, 'second')}</span>,
      meta: { width: '11.5rem' },
    }),
    column.accessor('eventName', {
      id: 'eventName',
      header: 'Event name',
      cell: (info) => <span className={info.row.original.readOnly === false ? 'trail-write' : undefined}>{text(info.getValue(), termsOf(info.table.options.meta))}</span>,
      meta: { width: 'minmax(10rem, 1fr)' },
    }),
    column.accessor('username', {
      id: 'user',
      header: 'User',
      cell: (info) => <span title={info.getValue()}>{text(info.getValue(), termsOf(info.table.options.meta))}</span>,
      meta: { width: 'minmax(9rem, 1fr)' },
    }),
    column.accessor((event) => shortSource(event.eventSource), {
      id: 'source',
      header: 'Source',
      cell: (info) => text(info.getValue(), termsOf(info.table.options.meta)),
      meta: { width: '8.5rem' },
    }),
    column.accessor(resourcesText, {
      id: 'resources',
      header: 'Resources',
      cell: (info) => <span title={info.getValue()}>{text(info.getValue(), termsOf(info.table.options.meta))}</span>,
      meta: { width: 'minmax(12rem, 2fr)' },
    }),
    column.accessor('region', {
      id: 'region',
      header: 'Region',
      cell: (info) => text(info.getValue(), termsOf(info.table.options.meta)),
      meta: { width: '7rem' },
    }),
    column.accessor('errorCode', {
      id: 'error',
      header: 'Error',
      cell: (info) => <span className={info.getValue() ? 'trail-error' : undefined}>{text(info.getValue(), termsOf(info.table.options.meta))}</span>,
      meta: { width: '9rem' },
    }),
  ];
}

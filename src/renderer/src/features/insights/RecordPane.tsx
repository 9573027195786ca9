/**
 * One result row, whole: its fields as inert text, `@message` as an expandable JSON tree when it is
 * JSON, then the event's full record from AWS (GetLogRecord on its `@ptr`), and a way to read it in
 * its stream (the Logs view's stream viewer, at the event). Escape closes it.
 */
import { useId, useMemo } from 'react';
import type { QueryRow } from '../../../../shared/contract';
import { logGroupOfLogField, parseInsightsTimestamp } from '../../../../shared/insights-values';
import { openStreamEvent, type EventPlace } from '../../app/links/logs';
import { JsonTree } from '../../components/detail-pane/JsonTree';
import { usePaneFocus } from '../../components/detail-pane/usePaneFocus';
import { parseJsonMessage } from '../../components/event-table/jsonPath';
import { ErrorNotice } from '../../components/ErrorNotice';
import { CloseIcon } from '../../components/icons';
import { MessageText } from '../../components/message/MessageText';
import { useLogRecord } from './useInsightsData';

interface RecordPaneProps {
  readonly row: QueryRow;
  readonly onClose: () => void;
  /** Where the keyboard goes when the pane closes (the table's row). */
  readonly returnFocus?: () => void;
}

/** Where a row's event is, from the row itself or its full record; undefined when either lacks a part. */
export function placeOf(fields: Readonly<Record<string, string>>): EventPlace | undefined {
  const log = fields['@log'];
  const stream = fields['@logStream'];
  const time = fields['@timestamp'];
  const timestamp = time === undefined ? undefined : /^\d+$/.test(time) ? Number(time) : parseInsightsTimestamp(time);
  if (!log || !stream || timestamp === undefined) return undefined;
  return { logGroupName: logGroupOfLogField(log), logStreamName: stream, timestamp };
}

export function RecordPane({ row, onClose, returnFocus }: RecordPaneProps) {
  const titleId = useId();
  const pointer = row['@ptr'];
  const record = useLogRecord(pointer);
  const message = row['@message'] ?? record.data?.fields['@message'];
  const json = useMemo(() => (message === undefined ? undefined : parseJsonMessage(message)), [message]);
  const place = placeOf(row) ?? (record.data ? placeOf(record.data.fields) : undefined);

  const { paneRef: pane, onKeyDown } = usePaneFocus<HTMLElement>(onClose, returnFocus);

  // The row's own fields, then those only the whole record has.
  const fields = [
    ...Object.entries(row).filter(([field]) => field !== '@ptr' && field !== '@message'),
    ...(record.data ? Object.entries(record.data.fields).filter(([field]) => field !== '@message' && !(field in row)) : []),
  ];
  return (
    <aside className="detail-pane insights-record" aria-labelledby={titleId} ref={pane} tabIndex={-1} onKeyDown={onKeyDown}>
      <header className="detail-header">
        <h2 id={titleId} className="detail-title">
          Result
        </h2>
        <button type="button" className="button button-quiet" disabled={place === undefined} onClick={() => place && openStreamEvent({ ...place, message })} title={place ? 'Read the events around this one in its stream, in the Logs view' : 'Loading where the event is…'}>
          Show in stream
        </button>
        <button type="button" className="icon-button" aria-label="Close" title="Close (Esc)" onClick={onClose}>
          <CloseIcon />
        </button>
      </header>
      <dl className="detail-facts">
        {fields.map(([field, value]) => (
          <div key={field}>
            <dt className="mono">{field}</dt>
            <dd className="mono">
              <MessageText text={value} wrap />
            </dd>
          </div>
        ))}
      </dl>
      {record.isFetching && <p className="muted insights-record-note">Loading the whole record…</p>}
      {record.isError && <ErrorNotice error={record.error} context="Could not load the whole record" />}
      {message !== undefined && (
        <div className="detail-body">
          <h3 className="field-label">@message</h3>
          {typeof json === 'object' && json !== null ? <JsonTree value={json} label="@message as JSON" /> : <MessageText text={message} wrap className="detail-raw" />}
        </div>
      )}
    </aside>
  );
}

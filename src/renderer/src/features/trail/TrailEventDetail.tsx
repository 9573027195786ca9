/**
 * One event of event history: the key facts first — what, when, where, who in words (through which
 * role, from where), the error — then "more by this user" and "more on this resource", then the
 * record as CloudTrail wrote it, as a tree or raw. Every value is shown as inert text.
 */
import { useId, useMemo } from 'react';
import type { LookupAttribute, TrailEvent } from '../../../../shared/contract';
import { formatTimestamp } from '../../../../shared/format';
import { JsonOrRaw } from '../../components/detail-pane/JsonOrRaw';
import { usePaneFocus } from '../../components/detail-pane/usePaneFocus';
import { CheckIcon, CloseIcon, CopyIcon } from '../../components/icons';
import { MessageText } from '../../components/message/MessageText';
import { useTimeZone } from '../../components/TimeZone';
import { useCopy } from '../../components/useCopy';
import '../../components/detail-pane/DetailPane.css';
import { identityInWords } from './identity';

interface TrailEventDetailProps {
  readonly event: TrailEvent;
  readonly onClose: () => void;
  /** Gives focus back to the table when the pane goes away while it has focus. */
  readonly returnFocus?: () => void;
  /** Looks up other events by an attribute of this one. */
  readonly onLookup: (attribute: LookupAttribute) => void;
}

function parsed(record: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(record);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function TrailEventDetail({ event, onClose, returnFocus, onLookup }: TrailEventDetailProps) {
  const { zone } = useTimeZone();
  const titleId = useId();
  const { paneRef, onKeyDown } = usePaneFocus<HTMLElement>(onClose, returnFocus);
  const record = useMemo(() => parsed(event.record), [event.record]);
  const identity = useMemo(() => identityInWords(record), [record]);
  const { copy, stateOf } = useCopy();
  const otherZone = zone === 'utc' ? 'local' : 'utc';

  return (
    <aside className="detail-pane trail-detail" aria-labelledby={titleId} ref={paneRef} tabIndex={-1} onKeyDown={onKeyDown}>
      <header className="detail-header">
        <h2 id={titleId} className="detail-title">
          <MessageText text={event.eventName} wrap={false} />
        </h2>
        <button type="button" className="button button-quiet" onClick={() => void copy('record', event.record)} title="Copy the event’s record (JSON)">
          {stateOf('record') === 'copied' ? <CheckIcon /> : <CopyIcon />}
          {stateOf('record') === 'copied' ? 'Copied' : 'Copy'}
        </button>
        <button type="button" className="icon-button" aria-label="Close" title="Close (Esc)" onClick={onClose}>
          <CloseIcon />
        </button>
      </header>
      <section className="trail-who" aria-label="Who">
        <p className="trail-who-line">
          <strong>Who: </strong>
          <MessageText text={identity.who} wrap />
        </p>
        {identity.via && (
          <p className="trail-who-line">
            <strong>Through: </strong>
            <MessageText text={identity.via} wrap />
          </p>
        )}
        {identity.from && (
          <p className="trail-who-line">
            <strong>From: </strong>
            <MessageText text={identity.from} wrap />
          </p>
        )}
      </section>
      <dl className="detail-facts">
        <div>
          <dt>Time</dt>
          <dd className="mono">
            {formatTimestamp(event.eventTime, zone, 'second')}
            {zone === 'utc' && ' UTC'}
          </dd>
        </div>
        <div>
          <dt>{otherZone === 'utc' ? 'UTC' : 'Local time'}</dt>
          <dd className="mono">{formatTimestamp(event.eventTime, otherZone, 'second')}</dd>
        </div>
        <div>
          <dt>Source</dt>
          <dd>
            <MessageText text={event.eventSource} wrap />
          </dd>
        </div>
        {event.region && (
          <div>
            <dt>Region</dt>
            <dd>{event.region}</dd>
          </div>
        )}
        <div>
          <dt>Kind</dt>
          <dd>{event.readOnly === false ? 'Write (changes something)' : event.readOnly ? 'Read' : 'Unknown'}</dd>
        </div>
        {event.errorCode && (
          <div>
            <dt>Error</dt>
            <dd className="trail-error">
              <MessageText text={event.errorMessage ? `${event.errorCode}: ${event.errorMessage}` : event.errorCode} wrap />
            </dd>
          </div>
        )}
        {event.username && (
          <div>
            <dt>User name</dt>
            <dd>
              <MessageText text={event.username} wrap />
            </dd>
          </div>
        )}
        {event.accessKeyId && (
          <div>
            <dt>Access key</dt>
            <dd className="mono">
              <MessageText text={event.accessKeyId} wrap />
            </dd>
          </div>
        )}
        {event.resources.length > 0 && (
          <div>
            <dt>Resources</dt>
            <dd>
              <ul className="trail-resources">
                {event.resources.map((resource, index) => (
                  <li key={index}>
                    <MessageText text={resource.name} wrap />
                    {resource.type && <span className="muted"> ({resource.type})</span>}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
        <div>
          <dt>Event ID</dt>
          <dd className="mono detail-id">{event.eventId}</dd>
        </div>
      </dl>
      <div className="detail-actions">
        {event.username && (
          <button type="button" className="button button-quiet" onClick={() => onLookup({ key: 'Username', value: event.username ?? '' })}>
            More by this user
          </button>
        )}
        {event.resources.slice(0, 3).map((resource, index) => (
          <button
            key={index}
            type="button"
            className="button button-quiet trail-resource-button"
            title={resource.name}
            onClick={() => onLookup({ key: 'ResourceName', value: resource.name })}
          >
            More on {event.resources.length > 1 ? shortName(resource.name) : 'this resource'}
          </button>
        ))}
      </div>
      <JsonOrRaw text={event.record} json={record} treeLabel="The event’s record" switchLabel="Show the record as" />
    </aside>
  );
}

/** The last part of an ARN or path, for a button. */
function shortName(name: string): string {
  const last = name.split('/').filter((part) => part !== '').at(-1) ?? name;
  return last.length > 30 ? `${last.slice(0, 30)}…` : last;
}

/**
 * An alarm's history, newest first: state changes, configuration changes and actions, filterable by
 * type; each item's HistoryData opens as a JSON tree (or its raw text), inert either way.
 */
import { useState } from 'react';
import type { AlarmHistoryItem, AlarmHistoryItemType } from '../../../../shared/contract';
import { formatAge, formatTimestamp, plural } from '../../../../shared/format';
import { JsonOrRaw } from '../../components/detail-pane/JsonOrRaw';
import { parseJsonMessage } from '../../components/event-table/jsonPath';
import { EmptyState } from '../../components/States';
import { useTimeZone } from '../../components/TimeZone';

const TYPES: readonly { readonly type: AlarmHistoryItemType | 'all'; readonly label: string }[] = [
  { type: 'all', label: 'All' },
  { type: 'StateUpdate', label: 'State changes' },
  { type: 'ConfigurationUpdate', label: 'Configuration' },
  { type: 'Action', label: 'Actions' },
];

const TYPE_LABELS: Readonly<Record<AlarmHistoryItemType, string>> = { StateUpdate: 'State', ConfigurationUpdate: 'Configuration', Action: 'Action' };

export function HistoryTimeline({ items, now }: { readonly items: readonly AlarmHistoryItem[]; readonly now: number }) {
  const [type, setType] = useState<AlarmHistoryItemType | 'all'>('all');
  const [open, setOpen] = useState<number | undefined>(undefined);
  const { zone } = useTimeZone();
  const shown = type === 'all' ? items : items.filter((item) => item.type === type);
  return (
    <section className="alarm-section" aria-label="History">
      <div className="alarm-section-head">
        <h2 className="alarm-section-title">History</h2>
        <div className="segmented" role="group" aria-label="History items">
          {TYPES.map((choice) => (
            <button key={choice.type} type="button" aria-pressed={type === choice.type} onClick={() => setType(choice.type)}>
              {choice.label}
            </button>
          ))}
        </div>
        <span className="muted">{plural(shown.length, 'item')} in the last 30 days</span>
      </div>
      {shown.length === 0 ? (
        <EmptyState title="Nothing in the history">
          {type === 'all' ? 'CloudWatch keeps 30 days of an alarm’s history; nothing happened to this alarm in that time.' : 'No item of this type in the last 30 days; choose All to see the others.'}
        </EmptyState>
      ) : (
        <ol className="alarm-history">
          {shown.map((item, index) => {
            const expanded = open === index;
            return (
              <li key={`${item.timestamp}-${index}`} className={`alarm-history-item alarm-history-${item.type}`}>
                <span className="alarm-history-time" title={formatAge(item.timestamp, now)}>
                  {formatTimestamp(item.timestamp, zone, 'second')}
                </span>
                <span className="badge">{TYPE_LABELS[item.type]}</span>
                <span className="alarm-history-summary">{item.summary}</span>
                <button type="button" className="link-button" aria-expanded={expanded} onClick={() => setOpen(expanded ? undefined : index)}>
                  {expanded ? 'Hide data' : 'Data'}
                </button>
                {expanded && (
                  <div className="alarm-history-data">
                    <JsonOrRaw text={item.data} json={parseJsonMessage(item.data)} treeLabel="History data" switchLabel="Show the history data as" />
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

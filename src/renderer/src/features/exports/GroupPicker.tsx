/**
 * Picks one or more log groups to export: a filter box over every group of the scope, a list of the
 * matches with checkboxes (the first 200; the filter narrows the rest), and the picked groups as chips.
 */
import { useId, useMemo, useState } from 'react';
import { EXPORT_MAX_GROUPS } from '../../../../shared/contract';
import { plural } from '../../../../shared/format';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useGroupNames } from './useExports';

const SHOWN_MATCHES = 200;

interface GroupPickerProps {
  readonly selected: readonly string[];
  readonly onChange: (names: string[]) => void;
}

export function GroupPicker({ selected, onChange }: GroupPickerProps) {
  const names = useGroupNames();
  const [filter, setFilter] = useState('');
  const listId = useId();
  const matches = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return (names.data ?? []).filter((name) => needle === '' || name.toLowerCase().includes(needle));
  }, [names.data, filter]);
  const picked = new Set(selected);
  const toggle = (name: string) => onChange(picked.has(name) ? selected.filter((other) => other !== name) : [...selected, name]);
  const full = selected.length >= EXPORT_MAX_GROUPS;

  return (
    <fieldset className="export-groups">
      <legend className="field-label">Log groups</legend>
      <input
        className="input"
        type="search"
        placeholder="Filter log groups"
        aria-label="Filter log groups"
        aria-controls={listId}
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      {names.error !== null && <ErrorNotice error={names.error} context="Could not load the log groups" />}
      <ul id={listId} className="export-group-list" aria-label="Log groups to export" aria-busy={names.fetchStatus === 'fetching'}>
        {matches.slice(0, SHOWN_MATCHES).map((name) => (
          <li key={name}>
            <label className="export-group-option">
              <input type="checkbox" checked={picked.has(name)} disabled={!picked.has(name) && full} onChange={() => toggle(name)} />
              <span className="mono">{name}</span>
            </label>
          </li>
        ))}
        {names.isSuccess && matches.length === 0 && (
          <li className="export-group-empty">
            {(names.data ?? []).length === 0 ? 'This region has no log groups: create one in the Logs view, or switch the region.' : `No log group contains “${filter}”.`}
          </li>
        )}
        {matches.length > SHOWN_MATCHES && <li className="export-group-empty">{matches.length - SHOWN_MATCHES} more: type more of the name to find them.</li>}
      </ul>
      <p className="field-hint" role="status">
        {selected.length === 0
          ? 'Pick the groups to export: each becomes one export task, and they run one after another.'
          : `${plural(selected.length, 'group')} picked${full ? ` (at most ${EXPORT_MAX_GROUPS} at a time)` : ''}.`}
      </p>
      {selected.length > 0 && (
        <ul className="export-chips" aria-label="Picked log groups">
          {selected.map((name) => (
            <li key={name} className="chip">
              <span className="mono">{name}</span>
              <button type="button" className="chip-remove" aria-label={`Remove ${name}`} onClick={() => toggle(name)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

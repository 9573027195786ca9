/**
 * The log groups of a query: chosen ones as chips; a search over the loaded groups with a list of
 * suggestions (arrows move, Enter adds, Escape closes); "Add all N starting with …" for a prefix;
 * the favourites the Logs view keeps; never more than AWS's limit of groups per query.
 */
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { plural } from '../../../../shared/format';
import { INSIGHTS_MAX_LOG_GROUPS } from '../../../../shared/contract/insights-rules';
import { useLogGroups } from '../../api/useLogGroups';
import { useScope } from '../../app/scope';
import { useGroupPreferences } from '../../components/group-preferences/useGroupPreferences';
import { CloseIcon, StarIcon } from '../../components/icons';
import { addGroups, suggestions, withPrefix } from './groupPicking';

interface GroupPickerProps {
  readonly value: readonly string[];
  readonly onChange: (groups: readonly string[]) => void;
}

export function GroupPicker({ value, onChange }: GroupPickerProps) {
  const { key } = useScope();
  const { query } = useLogGroups(key);
  const [preferences] = useGroupPreferences(key);
  const [typed, setTyped] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [note, setNote] = useState<string | undefined>(undefined);
  const ids = { input: useId(), list: useId(), note: useId() };
  const names = useMemo(() => (query.data ?? []).map((group) => group.name), [query.data]);
  const matches = useMemo(() => suggestions(names, typed, value), [names, typed, value]);
  const prefixed = useMemo(() => (typed.trim().length >= 2 ? withPrefix(names, typed, value) : []), [names, typed, value]);
  const full = value.length >= INSIGHTS_MAX_LOG_GROUPS;
  const shown = open && matches.length > 0;

  function add(added: readonly string[]) {
    const { groups, leftOut } = addGroups(value, added);
    onChange(groups);
    setTyped('');
    setActive(0);
    setNote(leftOut > 0 ? `${plural(leftOut, 'group')} did not fit: a query covers at most ${INSIGHTS_MAX_LOG_GROUPS} log groups (AWS's limit).` : undefined);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      setActive((index) => Math.max(0, Math.min(matches.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1))));
    } else if (event.key === 'Enter') {
      const picked = shown ? matches[active] : names.includes(typed.trim()) ? typed.trim() : undefined;
      if (picked !== undefined) {
        event.preventDefault();
        add([picked]);
      }
    } else if (event.key === 'Escape' && shown) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    } else if (event.key === 'Backspace' && typed === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  }

  const favourites = preferences.favourites.filter((name) => !value.includes(name)).slice(0, 6);
  return (
    <fieldset className="insights-groups">
      <legend className="field-label">
        Log groups <span className="muted">({value.length} of {INSIGHTS_MAX_LOG_GROUPS})</span>
      </legend>
      <div className="group-chips">
        <ul aria-label="Chosen log groups">
          {value.map((name) => (
            <li key={name} className="chip">
              <span className="mono">{name}</span>
              <button type="button" className="chip-remove" aria-label={`Remove ${name}`} onClick={() => onChange(value.filter((other) => other !== name))}>
                <CloseIcon />
              </button>
            </li>
          ))}
        </ul>
        <div className="insights-group-search">
          <label className="visually-hidden" htmlFor={ids.input}>
            Add log groups
          </label>
          <input
            id={ids.input}
            className="input mono"
            role="combobox"
            aria-expanded={shown}
            aria-controls={ids.list}
            aria-autocomplete="list"
            aria-activedescendant={shown ? `${ids.list}-${active}` : undefined}
            aria-describedby={note ? ids.note : undefined}
            placeholder={full ? `${INSIGHTS_MAX_LOG_GROUPS} groups chosen (the most a query covers)` : value.length === 0 ? 'Search log groups, e.g. /aws/lambda/' : 'Add another group'}
            disabled={full}
            value={typed}
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => {
              setTyped(event.target.value);
              setActive(0);
              setOpen(true);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => setOpen(false)}
            onKeyDown={onKeyDown}
          />
          {shown && (
            <ul id={ids.list} role="listbox" className="insights-group-list" aria-label="Matching log groups">
              {matches.map((name, index) => (
                <li
                  key={name}
                  id={`${ids.list}-${index}`}
                  role="option"
                  aria-selected={index === active}
                  className="mono"
                  // Before the input's blur, so the click lands.
                  onMouseDown={(event) => {
                    event.preventDefault();
                    add([name]);
                  }}
                >
                  {name}
                </li>
              ))}
            </ul>
          )}
        </div>
        {prefixed.length > 1 && (
          <button type="button" className="link-button" onClick={() => add(prefixed)}>
            Add all {prefixed.length} starting with <span className="mono">{typed.trim()}</span>
          </button>
        )}
        {value.length > 0 && (
          <button type="button" className="link-button" onClick={() => onChange([])}>
            Clear
          </button>
        )}
      </div>
      {favourites.length > 0 && !full && (
        <div className="group-favourites">
          {favourites.map((name) => (
            <button key={name} type="button" className="link-button" onClick={() => add([name])} title={`Add ${name}`}>
              <StarIcon filled />
              <span className="mono">{name}</span>
            </button>
          ))}
        </div>
      )}
      {note && (
        <p id={ids.note} className="field-hint" role="status">
          {note}
        </p>
      )}
      {query.isFetching && names.length === 0 && <p className="field-hint">Loading log groups…</p>}
    </fieldset>
  );
}

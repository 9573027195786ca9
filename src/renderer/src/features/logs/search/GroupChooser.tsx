/**
 * Which log groups a search or a tail covers: groups picked by name (typed with suggestions from the
 * loaded list, or added from the favourites), or every group whose name fits a pattern such as
 * `/aws/lambda/orders-*`, with how many of the loaded groups fit it now.
 */
import { useId, useMemo, useState } from 'react';
import { plural } from '../../../../../shared/format';
import { groupNameMatcher } from '../../../../../shared/group-pattern';
import { CloseIcon, StarIcon } from '../../../components/icons';
import { useGroupPreferences } from '../groups/useGroupPreferences';
import { useLogGroups } from '../groups/useLogGroups';
import type { GroupChoice } from './searchState';

interface GroupChooserProps {
  readonly value: GroupChoice;
  readonly onChange: (choice: GroupChoice) => void;
}

export function GroupChooser({ value, onChange }: GroupChooserProps) {
  const { query } = useLogGroups();
  const [preferences] = useGroupPreferences();
  const [typed, setTyped] = useState('');
  const listId = useId();
  const inputId = useId();
  const names = useMemo(() => (query.data ?? []).map((group) => group.name), [query.data]);
  const chosen = value.kind === 'names' ? value.names : [];

  function add(name: string) {
    const trimmed = name.trim();
    if (trimmed === '' || chosen.includes(trimmed)) return;
    onChange({ kind: 'names', names: [...chosen, trimmed] });
    setTyped('');
  }

  const patternMatches = useMemo(() => {
    if (value.kind !== 'pattern' || value.pattern.trim() === '') return undefined;
    const matches = groupNameMatcher(value.pattern.trim());
    return names.filter(matches).length;
  }, [value, names]);

  const unusedFavourites = preferences.favourites.filter((name) => !chosen.includes(name));

  return (
    <fieldset className="group-chooser">
      <legend className="field-label">Log groups</legend>
      <div className="segmented" role="group" aria-label="Choose groups">
        <button type="button" aria-pressed={value.kind === 'names'} onClick={() => value.kind !== 'names' && onChange({ kind: 'names', names: [] })}>
          By name
        </button>
        <button type="button" aria-pressed={value.kind === 'pattern'} onClick={() => value.kind !== 'pattern' && onChange({ kind: 'pattern', pattern: '' })}>
          By pattern
        </button>
      </div>
      {value.kind === 'names' ? (
        <div className="group-chips">
          <ul aria-label="Chosen log groups">
            {chosen.map((name) => (
              <li key={name} className="chip">
                <span className="mono">{name}</span>
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={`Remove ${name}`}
                  onClick={() => onChange({ kind: 'names', names: chosen.filter((other) => other !== name) })}
                >
                  <CloseIcon />
                </button>
              </li>
            ))}
          </ul>
          <label className="visually-hidden" htmlFor={inputId}>
            Add a log group
          </label>
          <input
            id={inputId}
            className="input mono group-chooser-input"
            list={listId}
            placeholder={chosen.length === 0 ? 'Type a group name, e.g. /aws/lambda/' : 'Add another group'}
            value={typed}
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => {
              // Picking a suggestion fills the whole name at once: add it.
              if (names.includes(event.target.value)) add(event.target.value);
              else setTyped(event.target.value);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && typed.trim() !== '') {
                event.preventDefault();
                add(typed);
              } else if (event.key === 'Backspace' && typed === '' && chosen.length > 0) {
                onChange({ kind: 'names', names: chosen.slice(0, -1) });
              }
            }}
          />
          <datalist id={listId}>
            {names
              .filter((name) => typed.length >= 1 && name.includes(typed) && !chosen.includes(name))
              .slice(0, 50)
              .map((name) => (
                <option key={name} value={name} />
              ))}
          </datalist>
          {unusedFavourites.length > 0 && (
            <div className="group-favourites">
              {unusedFavourites.slice(0, 6).map((name) => (
                <button key={name} type="button" className="link-button" onClick={() => add(name)} title={`Add ${name}`}>
                  <StarIcon filled />
                  <span className="mono">{name}</span>
                </button>
              ))}
            </div>
          )}
        </div>
      ) : (
        <div className="group-pattern">
          <label className="visually-hidden" htmlFor={inputId}>
            Group name pattern
          </label>
          <input
            id={inputId}
            className="input mono"
            placeholder="/aws/lambda/orders-*"
            value={value.pattern}
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => onChange({ kind: 'pattern', pattern: event.target.value })}
          />
          {patternMatches !== undefined && (
            <span className="field-hint" role="status">
              Fits {plural(patternMatches, 'loaded group')} now; the search lists them again when it starts.
            </span>
          )}
        </div>
      )}
    </fieldset>
  );
}

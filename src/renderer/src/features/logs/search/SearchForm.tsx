/**
 * What to look for: groups, streams (with one group), a filter pattern and a time range — and what to
 * do with it: search, tail it live, download it. Submitting hands the whole state to the page, which
 * keeps it in the location hash.
 */
import { useState } from 'react';
import { LIVE_TAIL_MAX_LOG_GROUPS } from '../../../../../shared/contract/logs-rules';
import { logSearchConsoleUrl } from '../../../../../shared/console-links';
import { useScope } from '../../../app/scope';
import { FilterPatternInput } from '../../../components/filter-pattern/FilterPatternInput';
import { ExternalLinkIcon, SearchIcon } from '../../../components/icons';
import { TimeRangePicker } from '../../../components/time-range/TimeRangePicker';
import { GroupChooser } from './GroupChooser';
import { fromParameters, searchProblem, type SearchState, type StreamChoice } from './searchState';
import { useRecentSearches } from './useRecentSearches';

interface SearchFormProps {
  readonly initial: SearchState;
  readonly onSearch: (state: SearchState) => void;
  readonly onTail: (state: SearchState) => void;
  readonly onDownload: (state: SearchState) => void;
}

export function SearchForm({ initial, onSearch, onTail, onDownload }: SearchFormProps) {
  const { scope } = useScope();
  const [state, setState] = useState(initial);
  // A new key remounts the choosers with a recent search's values.
  const [formKey, setFormKey] = useState(0);
  const [recent] = useRecentSearches();
  const problem = searchProblem(state);
  const oneGroup = state.groups.kind === 'names' && state.groups.names.length === 1 ? state.groups.names[0] : undefined;
  const tailProblem =
    problem ??
    (state.groups.kind === 'pattern'
      ? 'Live tail needs the groups by name.'
      : state.groups.names.length > LIVE_TAIL_MAX_LOG_GROUPS
        ? `Live tail covers at most ${LIVE_TAIL_MAX_LOG_GROUPS} groups (an AWS limit).`
        : undefined);

  function change(next: Partial<SearchState>) {
    setState((current) => {
      const merged = { ...current, ...next };
      // Streams belong to one group: choosing other groups forgets them.
      const single = merged.groups.kind === 'names' && merged.groups.names.length === 1;
      return single ? merged : { ...merged, streams: { kind: 'all' } };
    });
  }

  return (
    <form
      className="search-form"
      aria-label="Search log events"
      onSubmit={(event) => {
        event.preventDefault();
        if (!problem) onSearch(state);
      }}
    >
      <div className="search-form-head">
        <GroupChooser key={formKey} value={state.groups} onChange={(groups) => change({ groups })} />
        {recent.length > 0 && (
          <select
            className="select recent-searches"
            aria-label="Recent searches"
            value=""
            onChange={(event) => {
              const picked = fromParameters(new URLSearchParams(event.target.value), Date.now());
              if (!picked) return;
              setState(picked);
              setFormKey((key) => key + 1);
            }}
          >
            <option value="">Recent searches…</option>
            {recent.map((parameters) => (
              <option key={parameters} value={parameters}>
                {describeRecent(parameters)}
              </option>
            ))}
          </select>
        )}
      </div>
      {oneGroup && <StreamChooser key={formKey} value={state.streams} onChange={(streams) => change({ streams })} />}
      <div className="search-form-row">
        <div className="search-form-pattern">
          <FilterPatternInput
            value={state.filterPattern}
            onChange={(filterPattern) => change({ filterPattern })}
            onSubmit={(filterPattern) => {
              const next = { ...state, filterPattern };
              if (!searchProblem(next)) onSearch(next);
            }}
          />
        </div>
        <TimeRangePicker value={state.range} onChange={(range) => change({ range })} />
        <button type="submit" className="button" aria-disabled={problem !== undefined || undefined} title={problem}>
          <SearchIcon />
          Search
        </button>
        <button
          type="button"
          className="button button-quiet"
          aria-disabled={tailProblem !== undefined || undefined}
          title={tailProblem ?? 'New events as they arrive'}
          onClick={() => !tailProblem && onTail(state)}
        >
          Live tail
        </button>
        <button
          type="button"
          className="button button-quiet"
          aria-disabled={problem !== undefined || undefined}
          title={problem ?? 'Every event of the range to a local file'}
          onClick={() => !problem && onDownload(state)}
        >
          Download…
        </button>
        {oneGroup && (
          <a className="link-button" href={logSearchConsoleUrl(scope.region, oneGroup, state.filterPattern, state.range)} target="_blank" rel="noreferrer">
            Open in AWS console
            <ExternalLinkIcon />
          </a>
        )}
      </div>
      {problem && (
        <p className="field-hint" role="status">
          {problem}
        </p>
      )}
    </form>
  );
}

/** "/aws/lambda/orders · ERROR · -1h" */
function describeRecent(parameters: string): string {
  const read = new URLSearchParams(parameters);
  const groups = read.getAll('group');
  const where = groups.length > 0 ? (groups.length > 2 ? `${groups.slice(0, 2).join(', ')} +${groups.length - 2}` : groups.join(', ')) : (read.get('groupPattern') ?? '');
  return [where, read.get('pattern'), read.get('range')].filter(Boolean).join(' · ');
}

function StreamChooser({ value, onChange }: { readonly value: StreamChoice; readonly onChange: (choice: StreamChoice) => void }) {
  // The typed text, so "web-1, " can be typed on the way to "web-1, web-2".
  const [text, setText] = useState(value.kind === 'names' ? value.names.join(', ') : value.kind === 'prefix' ? value.prefix : '');
  return (
    <fieldset className="stream-chooser">
      <legend className="field-label">Streams</legend>
      <select
        className="select"
        aria-label="Which streams"
        value={value.kind}
        onChange={(event) => {
          const kind = event.target.value;
          setText('');
          onChange(kind === 'prefix' ? { kind: 'prefix', prefix: '' } : kind === 'names' ? { kind: 'names', names: [] } : { kind: 'all' });
        }}
      >
        <option value="all">All streams</option>
        <option value="prefix">Streams starting with…</option>
        <option value="names">These streams…</option>
      </select>
      {value.kind !== 'all' && (
        <input
          className="input mono"
          aria-label={value.kind === 'prefix' ? 'Stream name prefix' : 'Stream names, separated by commas'}
          placeholder={value.kind === 'prefix' ? '2026/11/30/' : 'web-1, web-2'}
          value={text}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => {
            setText(event.target.value);
            onChange(
              value.kind === 'prefix'
                ? { kind: 'prefix', prefix: event.target.value }
                : { kind: 'names', names: event.target.value.split(',').map((name) => name.trim()).filter((name) => name !== '') },
            );
          }}
        />
      )}
    </fieldset>
  );
}

/**
 * Tests the pattern as it stands against real lines — the group's newest events or lines pasted in — with
 * TestMetricFilter: each matching line with the values the pattern extracted, and what the metric would
 * get from it (value and dimensions, or why nothing). Runs again shortly after the pattern changes.
 */
import { useId, useMemo, useState } from 'react';
import { METRIC_FILTER_TEST_MAX_LINES, type MetricFilterMatch } from '../../../../../shared/contract';
import { formatCount, plural } from '../../../../../shared/format';
import { metricPublisher, parseFilterPattern, type Publication, type PublishedValueRules } from '../../../../../shared/languages/filter-pattern';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { MessageText } from '../../../components/message/MessageText';
import { useDebouncedValue } from '../../../components/useDebouncedValue';
import { useFilterTest, useRecentEvents } from './useMetricFilters';

/** Test again this long after the last change to the pattern. */
const TEST_DELAY_MS = 400;
const RECENT_COUNTS = [50, 200, 500] as const;
/** Matches drawn at most; the count says how many there are. */
const SHOWN_MATCHES = 200;
const LINE_LIMIT = { lines: 3, chars: 2000 };

interface FilterTesterProps {
  readonly logGroupName: string;
  readonly filterPattern: string;
  /** The metric value, default and dimensions when the form has them right: each match then shows what it publishes. */
  readonly publishing?: PublishedValueRules;
}

export function FilterTester({ logGroupName, filterPattern, publishing }: FilterTesterProps) {
  const ids = { source: useId(), pasted: useId() };
  const [source, setSource] = useState<'recent' | 'pasted'>('recent');
  const [count, setCount] = useState<(typeof RECENT_COUNTS)[number]>(200);
  const [pasted, setPasted] = useState('');
  const recent = useRecentEvents(logGroupName, count, source === 'recent');

  const settledPaste = useDebouncedValue(pasted, TEST_DELAY_MS);
  const { lines, cut } = useMemo(() => {
    const all = (source === 'recent' ? (recent.data ?? []).map((event) => event.message) : settledPaste.split(/\r?\n/)).filter((line) => line !== '');
    return { lines: all.slice(0, METRIC_FILTER_TEST_MAX_LINES), cut: all.length > METRIC_FILTER_TEST_MAX_LINES };
  }, [source, recent.data, settledPaste]);
  const settledPattern = useDebouncedValue(filterPattern, TEST_DELAY_MS);
  const parsed = useMemo(() => parseFilterPattern(settledPattern), [settledPattern]);
  const test = useFilterTest(logGroupName, parsed.ok ? settledPattern : undefined, lines);
  const matches = test.data?.matches;
  const stale = settledPattern !== filterPattern || test.isPlaceholderData;

  const publish = useMemo(() => (publishing && parsed.ok ? metricPublisher(publishing, parsed.pattern) : undefined), [publishing, parsed]);
  const defaults = publishing?.defaultValue !== undefined && matches ? lines.length - matches.length : 0;

  return (
    <section className="filter-tester" aria-label="Test the pattern">
      <div className="filter-tester-source">
        <span className="field-label" id={ids.source}>
          Test against
        </span>
        <div className="segmented" role="group" aria-labelledby={ids.source}>
          <button type="button" aria-pressed={source === 'recent'} onClick={() => setSource('recent')}>
            Recent events
          </button>
          <button type="button" aria-pressed={source === 'pasted'} onClick={() => setSource('pasted')}>
            Pasted lines
          </button>
        </div>
        {source === 'recent' && (
          <label className="filter-tester-count">
            Newest
            <select className="select" value={count} onChange={(event) => setCount(Number(event.target.value) as (typeof RECENT_COUNTS)[number])}>
              {RECENT_COUNTS.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
            events of the past day
          </label>
        )}
      </div>
      {source === 'pasted' && (
        <div className="field">
          <label className="field-label" htmlFor={ids.pasted}>
            Log lines, one event per line (up to {formatCount(METRIC_FILTER_TEST_MAX_LINES)})
          </label>
          <textarea id={ids.pasted} className="input mono filter-tester-paste" rows={5} spellCheck={false} value={pasted} onChange={(event) => setPasted(event.target.value)} />
        </div>
      )}
      {source === 'recent' && recent.isError && <ErrorNotice error={recent.error} context="Could not read the group's recent events" />}
      {test.isError && <ErrorNotice error={test.error} context="Could not test the pattern" />}
      <p className="filter-tester-summary" role="status" data-stale={stale || undefined}>
        {summary()}
      </p>
      {matches && matches.length > 0 && (
        <table className="filter-test-table" aria-label="Matching events">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Event</th>
              <th scope="col">Extracted values</th>
              {publish && <th scope="col">Metric gets</th>}
            </tr>
          </thead>
          <tbody>
            {matches.slice(0, SHOWN_MATCHES).map((match) => (
              <MatchRow key={match.eventNumber} match={match} published={publish?.(match.eventMessage)} showPublished={publish !== undefined} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );

  function summary(): string {
    if (source === 'recent' && recent.isPending) return 'Reading the group’s newest events…';
    if (lines.length === 0) return source === 'recent' ? 'The group has no events in the past day: paste some lines to test against.' : 'Paste lines to test the pattern against them.';
    if (!parsed.ok) return 'The pattern has a mistake; it is tested once it reads.';
    if (!matches) return test.isFetching ? `Testing ${plural(lines.length, 'line')}…` : '';
    const shown = matches.length > SHOWN_MATCHES ? ` (the first ${formatCount(SHOWN_MATCHES)} shown)` : '';
    const rest = defaults > 0 ? ` The other ${plural(defaults, 'line')} publish the default value ${publishing?.defaultValue}.` : '';
    const first = cut ? ` (only the first ${formatCount(METRIC_FILTER_TEST_MAX_LINES)} pasted lines are tested)` : '';
    return `${formatCount(matches.length)} of ${plural(lines.length, 'line')}${first} match${shown}.${rest}`;
  }
}

function MatchRow({ match, published, showPublished }: { readonly match: MetricFilterMatch; readonly published: Publication | undefined; readonly showPublished: boolean }) {
  const values = Object.entries(match.extractedValues);
  return (
    <tr>
      <td className="numeric muted">{match.eventNumber}</td>
      <td className="mono filter-test-line">
        <MessageText text={match.eventMessage} wrap limit={LINE_LIMIT} />
      </td>
      <td>
        {values.length === 0 ? (
          <span className="muted">none</span>
        ) : (
          <ul className="extracted-values">
            {values.map(([key, value]) => (
              <li key={key} className="mono">
                <span className="muted">{key}</span> <MessageText text={value} wrap={false} limit={LINE_LIMIT} />
              </li>
            ))}
          </ul>
        )}
      </td>
      {showPublished && <td className="mono">{published && <PublishedCell published={published} />}</td>}
    </tr>
  );
}

function PublishedCell({ published }: { readonly published: Publication }) {
  if (published.kind === 'nothing') return <span className="muted">nothing: {published.reason}</span>;
  return (
    <>
      {published.value}
      {published.dimensions.map((dimension) => (
        <span key={dimension.name} className="published-dimension">
          {' '}
          {dimension.name}=<MessageText text={dimension.value} wrap={false} limit={LINE_LIMIT} />
        </span>
      ))}
    </>
  );
}

/**
 * "What the metric would have been": a filter publishes only from events ingested after it is saved, but
 * the events its pattern matches over the last hours are in the group already. This reads them (on request:
 * it costs FilterLogEvents calls) and draws what the filter would have published from them, by the same
 * rules, so a threshold can be chosen before the first real datapoint. Nothing is published.
 */
import { useMemo, useState } from 'react';
import { formatCount, formatTimestamp, plural } from '../../../../../shared/format';
import { metricPublisher, parseFilterPattern, type PublishedValueRules } from '../../../../../shared/languages/filter-pattern';
import { formatValueWithUnit } from '../../../components/chart/chartValues';
import { TimeSeriesChart } from '../../../components/chart/TimeSeriesChart';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { StopIcon } from '../../../components/icons';
import { useTimeZone } from '../../../components/TimeZone';
import { filterStat } from './filterMetric';
import { historyPreview, PREVIEW_RANGES } from './historyPreview';
import { HISTORY_PREVIEW_MAX_EVENTS, useMatchedHistory } from './useMetricFilters';

interface FilterHistoryPreviewProps {
  readonly logGroupName: string;
  readonly filterPattern: string;
  readonly metricName: string;
  /** The metric value, default and dimensions when the form has them right; the preview needs them. */
  readonly publishing: PublishedValueRules | undefined;
}

interface PreviewRun {
  readonly filterPattern: string;
  readonly startTime: number;
  readonly endTime: number;
  readonly periodMs: number;
}

export function FilterHistoryPreview({ logGroupName, filterPattern, metricName, publishing }: FilterHistoryPreviewProps) {
  const { zone } = useTimeZone();
  const [rangeIndex, setRangeIndex] = useState(0);
  const [run, setRun] = useState<PreviewRun | undefined>(undefined);
  const parsed = useMemo(() => parseFilterPattern(filterPattern), [filterPattern]);
  const { query, stop } = useMatchedHistory(run && { logGroupName, filterPattern: run.filterPattern, startTime: run.startTime, endTime: run.endTime });
  const history = query.data;
  const stat = publishing ? filterStat({ transformation: publishing }) : 'Sum';
  const ranPattern = useMemo(() => (run ? parseFilterPattern(run.filterPattern) : undefined), [run]);
  // The metric value and dimensions apply to the events already read: changing them redraws at once.
  const preview = useMemo(() => {
    if (!history || !run || !publishing || !ranPattern?.ok) return undefined;
    return historyPreview(history.events, metricPublisher(publishing, ranPattern.pattern), { periodMs: run.periodMs, stat, metricName: metricName || 'Metric' });
  }, [history, run, publishing, ranPattern, stat, metricName]);
  const loading = query.fetchStatus === 'fetching';
  const range = PREVIEW_RANGES[rangeIndex] ?? PREVIEW_RANGES[0];
  const ready = parsed.ok && publishing !== undefined;

  function start() {
    const endTime = Date.now();
    setRun({ filterPattern, startTime: endTime - range.ms, endTime, periodMs: range.periodMs });
  }

  return (
    <section className="filter-history" aria-label="What the metric would have been">
      <div className="filter-history-head">
        <h3 className="filter-history-title">What the metric would have been</h3>
        <div className="segmented" role="group" aria-label="Preview range">
          {PREVIEW_RANGES.map((option, index) => (
            <button key={option.label} type="button" aria-pressed={index === rangeIndex} onClick={() => setRangeIndex(index)}>
              {option.label}
            </button>
          ))}
        </div>
        <button type="button" className="button button-quiet" disabled={!ready || loading} onClick={start} title={ready ? undefined : 'Needs a valid pattern and metric value'}>
          {run ? 'Preview again' : 'Preview'}
        </button>
      </div>
      <p className="muted">
        Computed here from the events the pattern matches in the group (read with FilterLogEvents), by the rules the filter publishes with; nothing is
        published.
      </p>
      {query.isError && <ErrorNotice error={query.error} context="Could not read the matching events" />}
      {run && history && (
        <>
          <p className="filter-history-summary" role="status" data-stale={run.filterPattern !== filterPattern || undefined}>
            {loading ? (
              <>
                <span className="spinner spinner-small" aria-hidden="true" /> Reading matching events… {formatCount(history.events.length)} so far{' '}
                <button type="button" className="link-button" onClick={stop}>
                  <StopIcon />
                  Stop
                </button>
              </>
            ) : (
              summary()
            )}
          </p>
          {!loading && notes()}
          {preview && preview.series.length > 0 && (
            <TimeSeriesChart
              className="filter-history-chart"
              kind="bar"
              series={preview.series}
              range={{ start: run.startTime, end: run.endTime }}
              zone={zone}
              label={`Graph of what ${metricName || 'the metric'} would have been`}
              legend={preview.series.length > 1}
            />
          )}
        </>
      )}
    </section>
  );

  function summary(): string {
    if (!run || !history || !preview) return '';
    const per = run.periodMs === 60_000 ? 'minute' : `${run.periodMs / 60_000} minutes`;
    const matched = `${plural(history.events.length, 'matching event')} since ${formatTimestamp(run.startTime, zone, 'minute')}`;
    if (preview.published === 0) return `${matched}; none would have published a value.`;
    const publishing = preview.published === history.events.length ? 'each' : formatCount(preview.published);
    return `${matched}; ${publishing} would have published a value — ${stat} per ${per}, at most ${formatValueWithUnit(preview.max, undefined)}.`;
  }

  function notes() {
    if (!run || !history || !preview) return null;
    const notes: string[] = [];
    const from = formatTimestamp(history.searchedFrom ?? run.endTime, zone, 'minute');
    if (history.capped) notes.push(`Only the newest ${formatCount(HISTORY_PREVIEW_MAX_EVENTS)} matches were read: the graph is complete from ${from} on.`);
    else if (!history.ended) notes.push(`Stopped before the start of the range: the graph is complete from ${from} on.`);
    if (run.filterPattern !== filterPattern) notes.push('The pattern changed since: preview again to read the events it matches.');
    for (const [reason, count] of preview.unpublished) notes.push(`${plural(count, 'matching event')} would publish nothing: ${reason}.`);
    if (publishing?.defaultValue !== undefined) notes.push(`Events that do not match would also publish the default value ${publishing.defaultValue}; they are not read here.`);
    if (notes.length === 0) return null;
    return (
      <ul className="filter-history-notes">
        {notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    );
  }
}

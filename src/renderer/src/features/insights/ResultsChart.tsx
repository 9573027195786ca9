/**
 * A `stats` result drawn: with `bin()`, the shared time-series chart (line, stacked area or bar; one
 * series per group-by value); without, horizontal bars per group-by value, as text and widths only.
 */
import { useState } from 'react';
import { formatCount } from '../../../../shared/format';
import { TimeSeriesChart } from '../../components/chart/TimeSeriesChart';
import type { ChartKind } from '../../components/chart/chartOption';
import { MessageText } from '../../components/message/MessageText';
import { useTimeZone } from '../../components/TimeZone';
import type { ResultChart } from './chartData';

const KINDS: ReadonlyArray<{ readonly kind: ChartKind; readonly label: string }> = [
  { kind: 'line', label: 'Line' },
  { kind: 'stackedArea', label: 'Stacked area' },
  { kind: 'bar', label: 'Bar' },
];

/** Bars beyond this many are left out of the bar list (the table has them all). */
const BARS_SHOWN = 100;

export function ResultsChart({ chart }: { readonly chart: ResultChart }) {
  const { zone } = useTimeZone();
  const [kind, setKind] = useState<ChartKind>('line');
  if (chart.kind === 'category') return <CategoryBars chart={chart} />;
  return (
    <div className="insights-chart">
      <div className="segmented" role="group" aria-label="Chart type">
        {KINDS.map((option) => (
          <button key={option.kind} type="button" aria-pressed={kind === option.kind} onClick={() => setKind(option.kind)}>
            {option.label}
          </button>
        ))}
      </div>
      <TimeSeriesChart series={chart.series} range={chart.range} kind={kind} zone={zone} label="Query results over time" className="insights-chart-body" />
    </div>
  );
}

function CategoryBars({ chart }: { readonly chart: Extract<ResultChart, { kind: 'category' }> }) {
  const max = Math.max(0, ...chart.series.flatMap((series) => series.values.map((value) => Math.abs(value ?? 0))));
  return (
    <div className="insights-bars" role="table" aria-label="Query results as bars">
      {chart.series.map((series) => (
        <div key={series.label} role="rowgroup" className="insights-bars-series">
          {chart.series.length > 1 && (
            <div role="row" className="insights-bars-title">
              <span role="columnheader" className="mono">
                {series.label}
              </span>
            </div>
          )}
          {chart.categories.slice(0, BARS_SHOWN).map((category, index) => {
            const value = series.values[index] ?? null;
            return (
              <div key={`${category}-${index}`} role="row" className="insights-bar-row">
                <span role="rowheader" className="insights-bar-label mono">
                  <MessageText text={category} wrap={false} limit={{ lines: 1, chars: 200 }} />
                </span>
                <span role="cell" className="insights-bar-track">
                  <span className="insights-bar" style={{ width: `${max === 0 || value === null ? 0 : (Math.abs(value) / max) * 100}%` }} />
                </span>
                <span role="cell" className="insights-bar-value numeric">
                  {value === null ? '—' : Number.isInteger(value) ? formatCount(value) : value.toPrecision(6)}
                </span>
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}

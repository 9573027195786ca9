/**
 * The graph itself: the time-series chart (or, as numbers, each series' latest value), with what
 * a person needs around it — the first load, an error with its reason, AWS's notes about partial
 * data, and an empty state that says what to do next.
 */
import type { Ref } from 'react';
import type { MetricData } from '../../../../../shared/contract';
import type { TimeZoneMode } from '../../../../../shared/format';
import type { ResolvedRange } from '../../../../../shared/time-range';
import { seriesColor, type ChartAxis } from '../../../components/chart/chartOption';
import { formatValueWithUnit } from '../../../components/chart/chartValues';
import { TimeSeriesChart, type TimeRangeMs, type TimeSeriesChartHandle } from '../../../components/chart/TimeSeriesChart';
import { WarningIcon } from '../../../components/icons';
import { EmptyState, ErrorState, LoadingState } from '../../../components/States';
import type { Graph } from './graph';
import type { ChartInput } from './graphData';

interface GraphChartProps {
  readonly graph: Graph;
  readonly chart: ChartInput | undefined;
  readonly data: MetricData | undefined;
  readonly error: unknown;
  readonly loading: boolean;
  readonly onRetry: () => void;
  readonly range: ResolvedRange;
  readonly zone: TimeZoneMode;
  readonly onZoom: (range: TimeRangeMs) => void;
  readonly chartRef: Ref<TimeSeriesChartHandle>;
  /** Why the request was not sent (a check in the form failed). */
  readonly problem?: string;
}

export function GraphChart({ graph, chart, data, error, loading, onRetry, range, zone, onZoom, chartRef, problem }: GraphChartProps) {
  if (graph.series.length === 0) {
    return (
      <EmptyState title="Nothing graphed yet">
        Pick a metric under Browse (search finds any namespace, metric name or dimension), or open a dashboard’s graph.
      </EmptyState>
    );
  }
  if (problem) return <ErrorState error={{ code: 'InvalidInput', message: problem, retryable: false }} context="This graph cannot be fetched as it is" />;
  if (!chart) {
    if (error) return <ErrorState error={error} context="Could not load the graph’s data" onRetry={onRetry} />;
    return <LoadingState label="Loading datapoints…" />;
  }
  const axes = { left: axisOf(graph.axes.left), right: axisOf(graph.axes.right) };
  const notes = [...(data?.messages ?? []), ...(data?.series ?? []).flatMap((series) => (series.status === 'Complete' ? [] : [`${series.label}: ${series.status}${series.messages.length ? ` — ${series.messages.join('; ')}` : ''}`]))];
  const empty = chart.series.every((series) => series.points.length === 0);
  return (
    <div className="graph-body" aria-busy={loading}>
      {error !== null && error !== undefined && <ErrorState inline error={error} context="Could not refresh the graph; showing the last data" onRetry={onRetry} />}
      {notes.length > 0 && (
        <div className="graph-notes" role="status">
          <WarningIcon />
          <ul>
            {notes.map((note, index) => (
              <li key={index}>{note}</li>
            ))}
          </ul>
        </div>
      )}
      {empty && <p className="graph-empty-note">No datapoints in this range. The metric may have had no data then, or the period is finer than the data kept for that time.</p>}
      {graph.view === 'number' ? (
        <NumberView chart={chart} axes={axes} />
      ) : (
        <TimeSeriesChart
          className="graph-chart"
          series={chart.series}
          range={range}
          kind={graph.view}
          axes={axes}
          zone={zone}
          label={graph.title || 'Metrics graph'}
          onZoom={onZoom}
          handleRef={chartRef}
        />
      )}
    </div>
  );
}

function axisOf(settings: Graph['axes']['left']): ChartAxis {
  return { unit: settings.unit, label: settings.label || undefined, min: settings.min, max: settings.max };
}

/** Each series' latest value, large, as the console's "Number" widget shows it. */
function NumberView({ chart, axes }: { readonly chart: ChartInput; readonly axes: { readonly left: ChartAxis; readonly right: ChartAxis } }) {
  return (
    <ul className="number-view" aria-label="Latest values">
      {chart.series.map((series, index) => {
        const latest = [...series.points].reverse().find(([, value]) => value !== null);
        const unit = series.axis === 'right' ? axes.right.unit : axes.left.unit;
        return (
          <li key={series.id} className="number-tile">
            <span className="number-swatch" style={{ background: seriesColor(series, index) }} aria-hidden="true" />
            <span className="number-label">{series.label}</span>
            <span className="number-value numeric">{formatValueWithUnit(latest?.[1], unit)}</span>
          </li>
        );
      })}
    </ul>
  );
}

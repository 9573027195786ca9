/**
 * The Metrics view: a graph on top (range, period with its reason, how it is drawn, export, save to a
 * dashboard), and under it the metric browser, the graphed series, the graph's Source and the
 * dashboards. The graph lives in the location hash, so a reload or a link opens the same graph.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MetricDescriptor } from '../../../../shared/contract';
import { formatPeriod } from '../../../../shared/metric-periods';
import type { TimeRange } from '../../../../shared/time-range';
import { newAlarmHash } from '../../app/links/alarms';
import { parametersOf, useViewParameters } from '../../app/viewParameters';
import type { TimeSeriesChartHandle, TimeRangeMs } from '../../components/chart/TimeSeriesChart';
import { WarningIcon } from '../../components/icons';
import { ErrorState } from '../../components/States';
import { browseLinkOf } from './browser/browseLink';
import { metricKey } from './browser/metricCatalog';
import { MetricBrowser } from './browser/MetricBrowser';
import { DashboardsPanel } from './dashboards/DashboardsPanel';
import { SaveToDashboardDialog } from './dashboards/SaveToDashboardDialog';
import { addMetric, emptyGraph, type Graph } from './graph/graph';
import { graphAlarmLink } from './graph/graphAlarm';
import { GraphChart } from './graph/GraphChart';
import { downloadPng, graphFileName, useSaveCsv } from './graph/graphExport';
import { fromParameters, toParameters } from './graph/graphHash';
import { graphPeriod, seriesPeriod } from './graph/graphPeriods';
import { GraphToolbar } from './graph/GraphToolbar';
import { SeriesTable } from './graph/SeriesTable';
import { SourcePanel } from './graph/SourcePanel';
import { useGraphView } from './graph/useGraphView';
import './metrics.css';

type Tab = 'browse' | 'graphed' | 'source' | 'dashboards';

const ROUTE = '/metrics';

export function MetricsView({ active }: { readonly active: boolean }) {
  const [graph, setGraphState] = useState<Graph>(() => fromParameters(parametersOf(window.location.hash, ROUTE), Date.now()) ?? emptyGraph());
  const [now, setNow] = useState(() => Date.now());
  const [, setParameters] = useViewParameters(ROUTE);
  const [zoomedFrom, setZoomedFrom] = useState<readonly TimeRange[]>([]);
  const [linked, setLinked] = useState(() => browseLinkOf(parametersOf(window.location.hash, ROUTE)));
  const [tab, setTab] = useState<Tab>(graph.series.length > 0 && linked === undefined ? 'graphed' : 'browse');
  const [saving, setSaving] = useState(false);
  const chartRef = useRef<TimeSeriesChartHandle>(null);
  const csv = useSaveCsv();

  const setGraph = useCallback(
    (next: Graph) => {
      setGraphState(next);
      // A relative range follows the clock: every change fetches up to now.
      if (next.range.kind === 'relative') setNow(Date.now());
      setParameters(toParameters(next));
    },
    [setParameters],
  );

  // A link opened while the view is mounted (or Back in history) replaces the graph. Our own writes
  // (replaceState) fire no hashchange, so only a graph from elsewhere lands here.
  useEffect(() => {
    const onHashChange = () => {
      const parameters = parametersOf(window.location.hash, ROUTE);
      const browse = browseLinkOf(parameters);
      if (browse) {
        setLinked(browse);
        setTab('browse');
      }
      const linked = fromParameters(parameters, Date.now());
      if (!linked) return;
      setGraphState(linked);
      setZoomedFrom([]);
      setNow(Date.now());
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  // Live refresh while the view is on screen.
  useEffect(() => {
    if (!active || graph.refreshSeconds <= 0) return;
    const timer = setInterval(() => setNow(Date.now()), graph.refreshSeconds * 1000);
    return () => clearInterval(timer);
  }, [active, graph.refreshSeconds]);

  const view = useGraphView(graph, now);
  const period = graphPeriod(graph, view.range, now);
  const graphed = useMemo(() => new Set(graph.series.flatMap((series) => (series.kind === 'metric' ? [metricKey(series.metric)] : []))), [graph.series]);
  const sourceBasis = useMemo(
    () => ({ range: view.range, region: view.region, periods: new Map(graph.series.map((series) => [series.id, seriesPeriod(graph, series, view.range, now).seconds])) }),
    [graph, view.range, view.region, now],
  );

  const setRange = (range: TimeRange) => {
    setZoomedFrom([]);
    setGraph({ ...graph, range });
  };
  const zoom = (range: TimeRangeMs) => {
    // Whole minutes (whole seconds for a few minutes), as a range is read and typed.
    const unit = range.end - range.start >= 10 * 60_000 ? 60_000 : 1000;
    const start = Math.floor(range.start / unit) * unit;
    const end = Math.ceil(range.end / unit) * unit;
    if (end - start < 2000) return;
    setZoomedFrom((stack) => [...stack, graph.range]);
    setGraph({ ...graph, range: { kind: 'absolute', start, end } });
  };
  const zoomBack = () => {
    const previous = zoomedFrom[zoomedFrom.length - 1];
    if (!previous) return;
    setZoomedFrom((stack) => stack.slice(0, -1));
    setGraph({ ...graph, range: previous });
  };
  const add = (metric: MetricDescriptor) => setGraph(addMetric(graph, metric));
  const chartReady = view.chart !== undefined && graph.view !== 'number';
  const alarm = graphAlarmLink(graph, period.seconds);

  return (
    <div className="metrics-view">
      <h1 className="visually-hidden">Metrics</h1>
      <div className="graph-title-row">
        <input
          className="input graph-title"
          aria-label="Graph title"
          placeholder="Untitled graph"
          value={graph.title}
          onChange={(event) => setGraph({ ...graph, title: event.target.value })}
        />
        <div className="graph-actions">
          <button
            type="button"
            className="button button-quiet"
            disabled={!chartReady}
            onClick={() => {
              const url = chartRef.current?.toPngDataUrl({ title: graph.title || undefined });
              if (url) downloadPng(url, graphFileName(graph, now));
            }}
          >
            Export PNG
          </button>
          <button type="button" className="button button-quiet" disabled={!view.chart || csv.state.status === 'saving'} onClick={() => view.chart && void csv.save(view.chart.series, graphFileName(graph, now))}>
            {csv.state.status === 'saving' ? 'Saving CSV…' : 'Export CSV'}
          </button>
          {'link' in alarm ? (
            <a className="button button-quiet" href={newAlarmHash(alarm.link)} title="Create an alarm on this series, tuned on its last 14 days">
              Create alarm
            </a>
          ) : (
            <button type="button" className="button button-quiet" disabled title={alarm.reason}>
              Create alarm
            </button>
          )}
          <button type="button" className="button" disabled={graph.series.length === 0} onClick={() => setSaving(true)}>
            Save to dashboard…
          </button>
        </div>
      </div>
      <GraphToolbar
        graph={graph}
        onChange={setGraph}
        onRange={setRange}
        period={period}
        onRefresh={() => setNow(Date.now())}
        refreshing={view.query.isFetching}
        onZoomBack={zoomedFrom.length > 0 ? zoomBack : undefined}
      />
      <PeriodNote graph={graph} decision={period} onChange={setGraph} />
      {csv.state.status === 'saved' && (
        <p className="graph-status" role="status">
          Saved {csv.state.rows} rows to {csv.state.fileName}.{' '}
          <button type="button" className="link-button" onClick={csv.dismiss}>
            Dismiss
          </button>
        </p>
      )}
      {csv.state.status === 'failed' && <ErrorState inline error={csv.state.error} context="The CSV was not saved" />}
      <div className="graph-area">
        <GraphChart
          graph={graph}
          chart={view.chart}
          data={view.query.data}
          error={view.query.error}
          loading={view.query.isFetching}
          onRetry={() => void view.query.refetch()}
          range={view.range}
          zone={view.zone}
          onZoom={zoom}
          chartRef={chartRef}
          problem={view.problem}
        />
      </div>
      <div className="segmented metrics-tabs" role="group" aria-label="Show">
        <button type="button" aria-pressed={tab === 'browse'} onClick={() => setTab('browse')}>
          Browse
        </button>
        <button type="button" aria-pressed={tab === 'graphed'} onClick={() => setTab('graphed')}>
          Graphed metrics ({graph.series.length})
        </button>
        <button type="button" aria-pressed={tab === 'source'} onClick={() => setTab('source')}>
          Source
        </button>
        <button type="button" aria-pressed={tab === 'dashboards'} onClick={() => setTab('dashboards')}>
          Dashboards
        </button>
      </div>
      <div className="metrics-tab" hidden={tab !== 'browse'}>
        <MetricBrowser onAdd={add} graphed={graphed} linked={linked} onShowAll={() => setLinked(undefined)} />
      </div>
      {tab === 'graphed' && (
        <div className="metrics-tab metrics-tab-scroll">
          <SeriesTable graph={graph} onChange={setGraph} range={view.range} now={now} />
        </div>
      )}
      {tab === 'source' && (
        <div className="metrics-tab metrics-tab-scroll">
          <SourcePanel graph={graph} basis={sourceBasis} onApply={setGraph} />
        </div>
      )}
      {tab === 'dashboards' && (
        <div className="metrics-tab metrics-tab-scroll">
          <DashboardsPanel
            now={now}
            onOpenGraph={(opened) => {
              setZoomedFrom([]);
              setGraph(opened);
              setTab('graphed');
            }}
          />
        </div>
      )}
      {saving && <SaveToDashboardDialog graph={graph} region={view.region} onClose={() => setSaving(false)} />}
    </div>
  );
}

/** Why the period is what it is; for a chosen period the tier cannot serve, the reason and the fix. */
function PeriodNote({ graph, decision, onChange }: { readonly graph: Graph; readonly decision: ReturnType<typeof graphPeriod>; readonly onChange: (graph: Graph) => void }) {
  if (graph.series.length === 0) return null;
  if (decision.problem) {
    const suggestion = decision.suggestion;
    return (
      <div className="period-note period-note-warning" role="status">
        <WarningIcon />
        <span>
          Period {formatPeriod(decision.seconds)} (chosen): {decision.problem}
        </span>
        {suggestion !== undefined && (
          <button type="button" className="link-button" onClick={() => onChange({ ...graph, period: suggestion })}>
            Use {formatPeriod(suggestion)}
          </button>
        )}
        <button type="button" className="link-button" onClick={() => onChange({ ...graph, period: 'auto' })}>
          Use automatic
        </button>
      </div>
    );
  }
  return (
    <p className="period-note" role="status">
      Period {decision.auto ? decision.reason : `${formatPeriod(decision.seconds)} (chosen).`}
    </p>
  );
}

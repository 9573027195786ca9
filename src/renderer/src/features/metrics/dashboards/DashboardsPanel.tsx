/**
 * Dashboards: the list, and one dashboard's metric widgets drawn as graphs (each can be opened in the
 * graph editor); widgets the app does not draw are listed with the reason. A body the app cannot read
 * is shown as it is, read-only — nothing here ever writes it.
 */
import { useMemo, useState } from 'react';
import { formatBytes, formatTimestamp, plural } from '../../../../../shared/format';
import { parseDashboardBody } from '../../../../../shared/metric-dashboards';
import { useScope } from '../../../app/scope';
import { TimeSeriesChart } from '../../../components/chart/TimeSeriesChart';
import { BackIcon, WarningIcon } from '../../../components/icons';
import { EmptyState, ErrorState, LoadingState } from '../../../components/States';
import { useTimeZone } from '../../../components/TimeZone';
import type { Graph } from '../graph/graph';
import { useGraphView } from '../graph/useGraphView';
import { useDashboard, useDashboardList } from './useDashboards';
import { dashboardContents, type DashboardGraph } from './widgetGraph';

interface DashboardsPanelProps {
  readonly onOpenGraph: (graph: Graph) => void;
  readonly now: number;
}

export function DashboardsPanel({ onOpenGraph, now }: DashboardsPanelProps) {
  const [open, setOpen] = useState<string | undefined>(undefined);
  const list = useDashboardList(true);
  const { zone } = useTimeZone();
  if (open) return <DashboardView name={open} onBack={() => setOpen(undefined)} onOpenGraph={onOpenGraph} now={now} />;
  if (list.isPending) return <LoadingState label="Loading dashboards…" />;
  if (list.isError) return <ErrorState error={list.error} context="Could not list dashboards" onRetry={() => void list.refetch()} />;
  if (list.data.dashboards.length === 0) {
    return <EmptyState title="No dashboards in this region">Save a graph to a new dashboard with “Save to dashboard”.</EmptyState>;
  }
  return (
    <ul className="dashboard-list" aria-label="Dashboards">
      {list.data.dashboards.map((dashboard) => (
        <li key={dashboard.name}>
          <button type="button" className="dashboard-entry" onClick={() => setOpen(dashboard.name)}>
            <span className="mono dashboard-name">{dashboard.name}</span>
            <span className="muted numeric">
              {formatBytes(dashboard.size)} · changed {formatTimestamp(dashboard.lastModified, zone, 'minute')}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

function DashboardView({ name, onBack, onOpenGraph, now }: { readonly name: string; readonly onBack: () => void; readonly onOpenGraph: (graph: Graph) => void; readonly now: number }) {
  const { scope } = useScope();
  const dashboard = useDashboard(name);
  const parsed = useMemo(() => (dashboard.data ? parseDashboardBody(dashboard.data.body) : undefined), [dashboard.data]);
  const contents = useMemo(() => (parsed?.ok ? dashboardContents(parsed.dashboard, scope.region, now) : undefined), [parsed, scope.region, now]);
  return (
    <section className="dashboard-view" aria-label={`Dashboard ${name}`}>
      <div className="dashboard-header">
        <button type="button" className="button button-quiet" onClick={onBack}>
          <BackIcon />
          All dashboards
        </button>
        <h2 className="mono">{name}</h2>
      </div>
      {dashboard.isPending && <LoadingState label={`Loading ${name}…`} />}
      {dashboard.isError && <ErrorState error={dashboard.error} context={`Could not open ${name}`} onRetry={() => void dashboard.refetch()} />}
      {parsed && !parsed.ok && (
        <div className="dashboard-unreadable">
          <div className="notice notice-warning" role="status">
            <WarningIcon />
            <div className="notice-body">
              <p className="notice-title">Cloudscope cannot read this dashboard, so it shows it read-only and never saves to it.</p>
              <p>{parsed.message}</p>
            </div>
          </div>
          <pre className="mono dashboard-body" aria-label="Dashboard body (read-only)">
            {dashboard.data?.body}
          </pre>
        </div>
      )}
      {contents && (
        <>
          {contents.graphs.length === 0 && <EmptyState title="No metric widgets on this dashboard" />}
          <div className="dashboard-grid">
            {contents.graphs.map((entry, index) => (
              <DashboardTile key={index} entry={entry} now={now} onOpen={() => onOpenGraph(entry.graph)} />
            ))}
          </div>
          {contents.notShown.length > 0 && (
            <div className="dashboard-not-shown">
              <h3>Not shown ({plural(contents.notShown.length, 'widget')})</h3>
              <ul>
                {contents.notShown.map((widget, index) => (
                  <li key={index}>
                    <strong>{widget.title}</strong> — {widget.reason}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function DashboardTile({ entry, now, onOpen }: { readonly entry: DashboardGraph; readonly now: number; readonly onOpen: () => void }) {
  const view = useGraphView(entry.graph, now);
  const { graph } = entry;
  return (
    <article className="dashboard-tile" aria-label={entry.title}>
      <header>
        <h3>{entry.title}</h3>
        <button type="button" className="link-button" onClick={onOpen}>
          Open in graph
        </button>
      </header>
      {entry.note && <p className="muted dashboard-tile-note">{entry.note}</p>}
      {view.problem ? (
        <p className="field-error">{view.problem}</p>
      ) : view.chart ? (
        <TimeSeriesChart
          className="dashboard-chart"
          series={view.chart.series}
          range={view.range}
          kind={graph.view === 'number' ? 'line' : graph.view}
          axes={{ left: { unit: graph.axes.left.unit, label: graph.axes.left.label || undefined }, right: { unit: graph.axes.right.unit, label: graph.axes.right.label || undefined } }}
          zone={view.zone}
          label={entry.title}
        />
      ) : view.query.isError ? (
        <ErrorState inline error={view.query.error} context="Could not load this widget" onRetry={() => void view.query.refetch()} />
      ) : (
        <LoadingState label="Loading…" />
      )}
    </article>
  );
}

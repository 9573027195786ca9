/**
 * The metric browser: namespaces (AWS's, then custom) beside the metrics of the chosen one with their
 * dimension sets, searchable across everything loaded while ListMetrics pages keep arriving. Enter
 * or a click adds the metric to the graph.
 */
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { MetricDescriptor } from '../../../../../shared/contract';
import { formatCount, plural } from '../../../../../shared/format';
import { useScope } from '../../../app/scope';
import type { DataGridHandle } from '../../../components/DataGrid';
import { ListingProgress, useListingStop } from '../../../components/ListingProgress';
import { Panel } from '../../../components/Panel';
import { QueryStateBody } from '../../../components/QueryStateBody';
import { EmptyState, LoadingState } from '../../../components/States';
import { searchTerms } from '../../../components/textMatch';
import type { MetricBrowseLink } from '../../../app/links/metrics';
import { linkedMetricTest } from './browseLink';
import { filterMetrics, namespacesOf } from './metricCatalog';
import { MetricList } from './MetricList';
import { useMetricList } from './useMetricList';
import { useThrottledValue } from './useThrottledValue';

const NO_METRICS: MetricDescriptor[] = [];
/** How often a growing list is redrawn while pages arrive. */
const REDRAW_MS = 400;

interface MetricBrowserProps {
  readonly onAdd: (metric: MetricDescriptor) => void;
  /** A link's narrowing: only its metrics are listed until "Show all metrics". */
  readonly linked?: MetricBrowseLink;
  readonly onShowAll?: () => void;
  /** Keys (metricKey) of metrics already on the graph, marked in the list. */
  readonly graphed: ReadonlySet<string>;
}

export function MetricBrowser({ onAdd, graphed, linked, onShowAll }: MetricBrowserProps) {
  const { scope } = useScope();
  const [recentlyActive, setRecentlyActive] = useState(false);
  const { query, stop } = useMetricList(recentlyActive);
  const { stopped, stopLoading, reload: refresh } = useListingStop(query.refetch, stop);
  const [namespace, setNamespace] = useState<string | undefined>(undefined);
  const [search, setSearch] = useState('');
  const gridRef = useRef<DataGridHandle>(null);
  const list = useThrottledValue(query.data, REDRAW_MS);
  const metrics = list?.metrics ?? NO_METRICS;
  const terms = searchTerms(useDeferredValue(search));
  const termsKey = terms.join(' ');
  // `list` is a new object on each page (its array grows in place), so it is the dependency.
  const namespaces = useMemo(() => namespacesOf(list?.metrics ?? NO_METRICS), [list]);
  const shown = useMemo(() => {
    const fitting = filterMetrics(list?.metrics ?? NO_METRICS, namespace, termsKey === '' ? [] : termsKey.split(' '));
    return linked === undefined ? fitting : fitting.filter(linkedMetricTest(linked));
  }, [list, namespace, termsKey, linked]);
  const loading = query.fetchStatus === 'fetching';

  // A link names metrics that may be newer than the loaded list (a metric filter's first datapoints): list again.
  const { refetch } = query;
  useEffect(() => {
    if (linked !== undefined) void refetch();
  }, [linked, refetch]);

  const aws = namespaces.filter((entry) => entry.aws);
  const custom = namespaces.filter((entry) => !entry.aws);

  return (
    <Panel
      label="Browse metrics"
      className="panel metric-browser"
      compact
      search={{ label: 'Search metrics', placeholder: 'Search all loaded metrics — e.g. lambda duration orders', value: search, onChange: setSearch, results: gridRef }}
      count={query.data === undefined ? '' : terms.length > 0 || namespace || linked ? `${formatCount(shown.length)} of ${plural(metrics.length, 'metric')}` : plural(metrics.length, 'metric')}
      actions={
        <label className="checkbox" title="Only metrics with data in the past three hours (ListMetrics RecentlyActive)">
          <input type="checkbox" checked={recentlyActive} onChange={(event) => setRecentlyActive(event.target.checked)} />
          Recently active
        </label>
      }
      refresh={{ label: 'Reload metrics', onClick: refresh }}
      status={
        <>
          {linked && (
            <p className="panel-note metric-browser-linked" role="status">
              Showing the metrics of {linked.title} ({plural(linked.metrics.length, 'metric name')}).{' '}
              <button type="button" className="link-button" onClick={onShowAll}>
                Show all metrics
              </button>
            </p>
          )}
          {progress()}
        </>
      }
    >
      <QueryStateBody
        query={query}
        loading={<LoadingState label={`Loading metrics in ${scope.region}…`} />}
        errorContext="Could not list metrics"
        onRetry={refresh}
        empty={metrics.length === 0 && !loading ? noMetrics() : null}
      >
        <div className="metric-browser-body">
          <nav className="namespace-list" aria-label="Namespaces">
            <button type="button" aria-pressed={namespace === undefined} onClick={() => setNamespace(undefined)}>
              <span>All namespaces</span>
              <span className="numeric muted">{formatCount(metrics.length)}</span>
            </button>
            {[
              ['AWS namespaces', aws],
              ['Custom namespaces', custom],
            ].map(([heading, entries]) =>
              (entries as typeof namespaces).length === 0 ? null : (
                <div key={heading as string} role="group" aria-label={heading as string}>
                  <p className="namespace-heading">{heading as string}</p>
                  {(entries as typeof namespaces).map((entry) => (
                    <button key={entry.namespace} type="button" aria-pressed={namespace === entry.namespace} onClick={() => setNamespace(entry.namespace)}>
                      <span className="mono">{entry.namespace}</span>
                      <span className="numeric muted">{formatCount(entry.count)}</span>
                    </button>
                  ))}
                </div>
              ),
            )}
          </nav>
          <div className="metric-list">
            {shown.length === 0 ? (
              <EmptyState title="No metric fits">
                {linked && terms.length === 0
                  ? `None of the metrics of ${linked.title} has data yet: a metric filter publishes once a new event matches it.`
                  : terms.length > 0
                    ? 'Try fewer or other words; the search covers namespace, metric name and dimensions.'
                    : 'This namespace has no metrics loaded.'}
              </EmptyState>
            ) : (
              <MetricList
                metrics={shown}
                showNamespace={namespace === undefined}
                terms={terms}
                handleRef={gridRef}
                onAdd={onAdd}
                footer={graphed.size > 0 ? <p className="panel-note">Enter or click adds a metric to the graph; {plural(graphed.size, 'metric')} graphed.</p> : undefined}
              />
            )}
          </div>
        </div>
      </QueryStateBody>
    </Panel>
  );

  function progress() {
    if (query.data === undefined) return null;
    const { pages, throttled } = query.data;
    return (
      <ListingProgress
        loading={loading}
        stopped={stopped}
        loaded={plural(metrics.length, 'metric')}
        paging={{ pages, throttled, covers: 'search covers what has arrived' }}
        error={query.isError ? query.error : undefined}
        failedContext="Listing stopped"
        onStop={stopLoading}
        onReload={refresh}
      />
    );
  }

  function noMetrics() {
    return (
      <EmptyState
        title={recentlyActive ? 'No metric had data in the past three hours' : `No metrics in ${scope.region}`}
        actions={
          recentlyActive ? (
            <button type="button" className="button" onClick={() => setRecentlyActive(false)}>
              Show all metrics
            </button>
          ) : undefined
        }
      >
        {recentlyActive
          ? 'Turn off “Recently active” to list metrics without recent data.'
          : 'Metrics appear once AWS services or your applications publish them (PutMetricData). Try another region from the header.'}
      </EmptyState>
    );
  }
}

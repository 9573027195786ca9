/**
 * A log group's metric filters, as the console's "Metric filters" tab: each with its pattern, metric,
 * value, default and dimensions; create, edit and delete (asked first); its metric's newest datapoints;
 * "Create alarm" on its metric; and the metrics of all of them in the metric browser.
 */
import { useMemo, useState } from 'react';
import type { LogGroup, MetricFilter } from '../../../../../shared/contract';
import { METRIC_FILTERS_PER_GROUP } from '../../../../../shared/contract/logs-rules';
import { formatTimestamp, plural } from '../../../../../shared/format';
import { metricsBrowseHash } from '../../../app/links/metrics';
import { PlusIcon } from '../../../components/icons';
import { MessageText } from '../../../components/message/MessageText';
import { Panel } from '../../../components/Panel';
import { QueryStateBody } from '../../../components/QueryStateBody';
import { EmptyState, LoadingState } from '../../../components/States';
import { useTimeZone } from '../../../components/TimeZone';
import { DeleteFilterDialog } from './DeleteFilterDialog';
import { filterAlarmHash } from './filterAlarm';
import { FilterMetricChart } from './FilterMetricChart';
import { MetricFilterEditor } from './MetricFilterEditor';
import { useMetricFilters } from './useMetricFilters';
import './metric-filters.css';

interface MetricFiltersPanelProps {
  readonly group: LogGroup;
  readonly onGroupChanged: (group: LogGroup) => void;
}

type Editing = { readonly kind: 'create' } | { readonly kind: 'edit'; readonly filter: MetricFilter };

const PATTERN_LIMIT = { lines: 2, chars: 400 };

export function MetricFiltersPanel({ group, onGroupChanged }: MetricFiltersPanelProps) {
  const { zone } = useTimeZone();
  const { query, filters } = useMetricFilters(group.name);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<MetricFilter | null>(null);
  const [graphed, setGraphed] = useState<string | null>(null);
  const names = useMemo(() => new Set(filters.map((filter) => filter.filterName)), [filters]);
  const graphedFilter = filters.find((filter) => filter.filterName === graphed);
  const full = filters.length >= METRIC_FILTERS_PER_GROUP;

  const browseLink = metricsBrowseHash({
    title: `the metric filters of ${group.name}`,
    metrics: [...new Map(filters.map((filter) => [`${filter.transformation.metricNamespace}\n${filter.transformation.metricName}`, { namespace: filter.transformation.metricNamespace, metricName: filter.transformation.metricName }])).values()],
  });

  return (
    <Panel
      label="Metric filters"
      className="panel metric-filters-panel"
      count={query.data === undefined ? '' : plural(filters.length, 'metric filter')}
      actions={
        <>
          {filters.length > 0 && (
            <a className="link-button" href={browseLink} title="The metrics these filters publish, in the metric browser">
              Metrics of these filters
            </a>
          )}
          <button
            type="button"
            className="button"
            onClick={() => setEditing({ kind: 'create' })}
            aria-disabled={full || undefined}
            disabled={query.data === undefined}
            title={full ? `A log group can have at most ${METRIC_FILTERS_PER_GROUP} metric filters.` : undefined}
          >
            <PlusIcon />
            Create metric filter
          </button>
        </>
      }
      refresh={{ label: 'Reload metric filters', onClick: () => void query.refetch() }}
    >
      <QueryStateBody
        query={query}
        loading={<LoadingState label="Loading metric filters…" />}
        errorContext="Could not list the metric filters"
        onRetry={() => void query.refetch()}
        empty={filters.length === 0 ? noFilters() : null}
      >
        <div className="metric-filters-body">
          <table className="metric-filter-table" aria-label={`Metric filters of ${group.name}`}>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Pattern</th>
                <th scope="col">Metric</th>
                <th scope="col">Value</th>
                <th scope="col">Default</th>
                <th scope="col">Dimensions</th>
                <th scope="col">Created</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {filters.map((filter) => (
                <FilterRow
                  key={filter.filterName}
                  filter={filter}
                  created={formatTimestamp(filter.creationTime, zone, 'second')}
                  graphed={filter.filterName === graphed}
                  onGraph={() => setGraphed((current) => (current === filter.filterName ? null : filter.filterName))}
                  onShowMetric={() => setGraphed(filter.filterName)}
                  onEdit={() => setEditing({ kind: 'edit', filter })}
                  onDelete={() => setDeleting(filter)}
                />
              ))}
            </tbody>
          </table>
          {graphedFilter && <FilterMetricChart key={graphedFilter.filterName + graphedFilter.creationTime} filter={graphedFilter} />}
        </div>
      </QueryStateBody>
      {editing && (
        <MetricFilterEditor
          logGroupName={group.name}
          filter={editing.kind === 'edit' ? editing.filter : undefined}
          existingNames={names}
          onClose={() => setEditing(null)}
          onSaved={(filterName) => {
            setEditing(null);
            setGraphed(filterName);
          }}
          onGroupChanged={onGroupChanged}
        />
      )}
      {deleting && (
        <DeleteFilterDialog
          filter={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            if (graphed === deleting.filterName) setGraphed(null);
            setDeleting(null);
          }}
          onGroupChanged={onGroupChanged}
        />
      )}
    </Panel>
  );

  function noFilters() {
    return (
      <EmptyState
        title="No metric filters in this group"
        actions={
          <button type="button" className="button" onClick={() => setEditing({ kind: 'create' })}>
            <PlusIcon />
            Create metric filter
          </button>
        }
      >
        A metric filter turns matching events into a CloudWatch metric you can graph and alarm on — errors counted, latencies extracted. Test a pattern against this group’s events
        before saving it.
      </EmptyState>
    );
  }
}

interface FilterRowProps {
  readonly filter: MetricFilter;
  readonly created: string;
  readonly graphed: boolean;
  readonly onGraph: () => void;
  /** Shows the filter's metric (and keeps it shown). */
  readonly onShowMetric: () => void;
  readonly onEdit: () => void;
  readonly onDelete: () => void;
}

function FilterRow({ filter, created, graphed, onGraph, onShowMetric, onEdit, onDelete }: FilterRowProps) {
  const t = filter.transformation;
  const dimensions = Object.entries(t.dimensions ?? {});
  return (
    <tr>
      <th scope="row" className="metric-filter-name">
        {filter.filterName}
      </th>
      <td className="mono">{filter.filterPattern === '' ? <span className="muted">every event</span> : <MessageText text={filter.filterPattern} wrap limit={PATTERN_LIMIT} />}</td>
      <td className="mono">
        {t.metricNamespace} / {t.metricName}
        {t.unit && t.unit !== 'None' ? <span className="muted"> ({t.unit})</span> : null}
      </td>
      <td className="mono">{t.metricValue}</td>
      <td className="mono">{t.defaultValue ?? <span className="muted">—</span>}</td>
      <td className="mono">{dimensions.length === 0 ? <span className="muted">—</span> : dimensions.map(([name, value]) => <div key={name}>{`${name}: ${value}`}</div>)}</td>
      <td className="muted">{created}</td>
      <td className="metric-filter-actions">
        <button type="button" className="link-button" aria-pressed={graphed} onClick={onGraph} aria-label={`Graph of ${filter.filterName}`}>
          Graph
        </button>
        <button type="button" className="link-button" onClick={onEdit} aria-label={`Edit ${filter.filterName}`}>
          Edit
        </button>
        {dimensions.length === 0 ? (
          <a className="link-button" href={filterAlarmHash(filter)} aria-label={`Create an alarm on ${filter.filterName}`} title="A new alarm on this filter’s metric">
            Create alarm
          </a>
        ) : (
          <button
            type="button"
            className="link-button"
            onClick={onShowMetric}
            aria-label={`Create an alarm on ${filter.filterName}`}
            title="The filter publishes a metric per dimension value: pick one under its graph."
          >
            Create alarm…
          </button>
        )}
        <button type="button" className="link-button link-danger" onClick={onDelete} aria-label={`Delete ${filter.filterName}`}>
          Delete
        </button>
      </td>
    </tr>
  );
}

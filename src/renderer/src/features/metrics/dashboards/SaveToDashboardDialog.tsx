/**
 * Saves the graph as a widget on a new dashboard or below the widgets of an existing one. Main reads
 * the dashboard fresh and writes it back with everything else kept; one it cannot read is left alone.
 */
import { useState } from 'react';
import { DashboardName } from '../../../../../shared/contract';
import { plural } from '../../../../../shared/format';
import { Dialog } from '../../../components/Dialog';
import { ErrorState } from '../../../components/States';
import type { Graph } from '../graph/graph';
import { useAddWidget, useDashboardList } from './useDashboards';
import { widgetOf } from './widgetGraph';

interface SaveToDashboardDialogProps {
  readonly graph: Graph;
  readonly region: string;
  readonly onClose: () => void;
}

export function SaveToDashboardDialog({ graph, region, onClose }: SaveToDashboardDialogProps) {
  const list = useDashboardList(true);
  const add = useAddWidget();
  const [target, setTarget] = useState<'new' | 'existing'>('new');
  const [newName, setNewName] = useState('');
  const [existing, setExisting] = useState('');
  const [title, setTitle] = useState(graph.title);
  const dashboards = list.data?.dashboards ?? [];
  const nameCheck = DashboardName.safeParse(newName);
  const nameProblem = target === 'new' && newName !== '' && !nameCheck.success ? `The name ${nameCheck.error?.issues[0]?.message ?? 'is not valid'}.` : undefined;
  const takenProblem = target === 'new' && dashboards.some((dashboard) => dashboard.name === newName) ? 'A dashboard with this name exists; choose it under “Existing dashboard”.' : undefined;
  const name = target === 'new' ? newName : existing;
  const ready = name !== '' && !nameProblem && !takenProblem && !add.isPending;

  function save() {
    if (!ready) return;
    add.mutate({ name, widget: widgetOf({ ...graph, title }, region), create: target === 'new' });
  }

  return (
    <Dialog title="Save graph to a dashboard" onClose={onClose}>
      <div className="dialog-body">
        {add.isSuccess ? (
          <div className="notice notice-success" role="status">
            <div className="notice-body">
              <p className="notice-title">
                Saved to {add.data.name} — the dashboard now has {plural(add.data.widgets, 'widget')}.
              </p>
              {add.data.warnings.length > 0 && <p>CloudWatch noted: {add.data.warnings.join('; ')}</p>}
            </div>
          </div>
        ) : (
          <>
            <div className="field">
              <label className="field-label" htmlFor="dashboard-widget-title">
                Widget title
              </label>
              <input id="dashboard-widget-title" className="input" value={title} placeholder="e.g. orders-api latency" onChange={(event) => setTitle(event.target.value)} />
            </div>
            <div className="segmented" role="group" aria-label="Save to">
              <button type="button" aria-pressed={target === 'new'} onClick={() => setTarget('new')}>
                New dashboard
              </button>
              <button type="button" aria-pressed={target === 'existing'} onClick={() => setTarget('existing')} disabled={dashboards.length === 0}>
                Existing dashboard
              </button>
            </div>
            {target === 'new' ? (
              <div className="field">
                <label className="field-label" htmlFor="dashboard-new-name">
                  Dashboard name
                </label>
                <input
                  id="dashboard-new-name"
                  className="input mono"
                  value={newName}
                  data-autofocus
                  aria-invalid={nameProblem !== undefined || takenProblem !== undefined}
                  onChange={(event) => setNewName(event.target.value)}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter') save();
                  }}
                />
                {(nameProblem ?? takenProblem) ? <p className="field-error">{nameProblem ?? takenProblem}</p> : <p className="field-hint">Letters, digits, “-” and “_”.</p>}
              </div>
            ) : (
              <div className="field">
                <label className="field-label" htmlFor="dashboard-existing">
                  Dashboard
                </label>
                <select id="dashboard-existing" className="select" value={existing} onChange={(event) => setExisting(event.target.value)}>
                  <option value="">Choose a dashboard…</option>
                  {dashboards.map((dashboard) => (
                    <option key={dashboard.name} value={dashboard.name}>
                      {dashboard.name}
                    </option>
                  ))}
                </select>
                <p className="field-hint">The graph goes below its widgets; nothing else on it changes.</p>
              </div>
            )}
            {list.isError && <ErrorState inline error={list.error} context="Could not list dashboards" onRetry={() => void list.refetch()} />}
            {add.isError && <ErrorState inline error={add.error} context="The graph was not saved" />}
          </>
        )}
      </div>
      <footer className="dialog-footer">
        <button type="button" className="button button-quiet" onClick={onClose}>
          {add.isSuccess ? 'Close' : 'Cancel'}
        </button>
        {!add.isSuccess && (
          <button type="button" className="button" onClick={save} disabled={!ready}>
            {add.isPending ? 'Saving…' : 'Save'}
          </button>
        )}
      </footer>
    </Dialog>
  );
}

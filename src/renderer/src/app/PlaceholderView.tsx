import { EmptyState } from '../components/States';
import type { ViewInfo } from './views';

/** A view that is not built yet: what it will do, and where to go meanwhile. */
export function PlaceholderView({ view, logsShortcut }: { view: ViewInfo; logsShortcut: string }) {
  return (
    <div className="placeholder-view">
      <h1 className="view-title">{view.label}</h1>
      <EmptyState icon={view.icon} title={`${view.label} is not available yet`}>
        <p>{view.purpose}</p>
        <p className="muted">
          Until then, the Logs view ({logsShortcut}) has your log groups, streams and events.
        </p>
      </EmptyState>
    </div>
  );
}

/** Views that are not built yet: what each will do, and where to go meanwhile. */
import type { ReactNode } from 'react';
import { EmptyState } from '../components/States';
import type { ViewDescriptor } from './viewDescriptor';

interface PlaceholderInfo {
  readonly id: string;
  readonly title: string;
  readonly icon: ReactNode;
  /** What the view is for. */
  readonly purpose: string;
}

/** The descriptor of a view that is not built yet; its feature replaces it with the real one. */
export function placeholderView({ id, title, icon, purpose }: PlaceholderInfo): ViewDescriptor {
  return {
    id,
    title,
    icon,
    route: `/${id}`,
    element: ({ shortcutFor }) => (
      <div className="placeholder-view">
        <h1 className="view-title">{title}</h1>
        <EmptyState icon={icon} title={`${title} is not available yet`}>
          <p>{purpose}</p>
          <p className="muted">Until then, the Logs view ({shortcutFor('logs')}) has your log groups, streams and events.</p>
        </EmptyState>
      </div>
    ),
  };
}

import { ariaShortcut, shortcutLabel } from './shortcuts';
import type { ViewDescriptor } from './viewDescriptor';

interface NavProps {
  readonly views: readonly ViewDescriptor[];
  readonly current: ViewDescriptor;
  readonly onSelect: (view: ViewDescriptor) => void;
  readonly mac: boolean;
}

/** The left navigation; each view is also one Ctrl/Cmd+digit away. */
export function Nav({ views, current, onSelect, mac }: NavProps) {
  return (
    <nav className="nav" aria-label="Views">
      <ul>
        {views.map((view, index) => {
          const key = String(index + 1);
          return (
            <li key={view.id}>
              <button
                type="button"
                className="nav-item"
                aria-current={view.id === current.id ? 'page' : undefined}
                aria-keyshortcuts={ariaShortcut(key, mac)}
                title={`${view.title} (${shortcutLabel(key, mac)})`}
                onClick={() => onSelect(view)}
              >
                {view.icon}
                <span className="nav-label">{view.title}</span>
                <kbd className="nav-shortcut" aria-hidden="true">
                  {shortcutLabel(key, mac)}
                </kbd>
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

import { ariaShortcut, shortcutLabel } from './shortcuts';
import { VIEWS, type ViewId } from './views';

interface NavProps {
  readonly current: ViewId;
  readonly onSelect: (view: ViewId) => void;
  readonly mac: boolean;
}

/** The left navigation; each view is also one Ctrl/Cmd+digit away. */
export function Nav({ current, onSelect, mac }: NavProps) {
  return (
    <nav className="nav" aria-label="Views">
      <ul>
        {VIEWS.map((view, index) => {
          const key = String(index + 1);
          return (
            <li key={view.id}>
              <button
                type="button"
                className="nav-item"
                aria-current={view.id === current ? 'page' : undefined}
                aria-keyshortcuts={ariaShortcut(key, mac)}
                title={`${view.label} (${shortcutLabel(key, mac)})`}
                onClick={() => onSelect(view.id)}
              >
                {view.icon}
                <span className="nav-label">{view.label}</span>
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

/** The keyboard shortcuts, listed in a dialog ("?" opens it; the app binds the key, see `isHelpKey`). */
import { Dialog, DialogBody } from '../Dialog';
import { groupShortcuts, type Shortcut } from './shortcuts';
import './KeyboardHelp.css';

interface KeyboardHelpProps {
  readonly shortcuts: readonly Shortcut[];
  readonly onClose: () => void;
}

export function KeyboardHelp({ shortcuts, onClose }: KeyboardHelpProps) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} size="medium" className="keyboard-help">
      <DialogBody>
        {groupShortcuts(shortcuts).map(({ group, shortcuts: inGroup }) => (
          <section key={group} aria-label={group}>
            <h3 className="keyboard-help-group">{group}</h3>
            <dl className="keyboard-help-list">
              {inGroup.map((shortcut) => (
                <div key={`${shortcut.keys.join('+')} ${shortcut.description}`}>
                  <dt>
                    {shortcut.keys.map((key, index) => (
                      <span key={index}>
                        {index > 0 && <span className="keyboard-help-plus">+</span>}
                        <kbd>{key}</kbd>
                      </span>
                    ))}
                  </dt>
                  <dd>{shortcut.description}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </DialogBody>
    </Dialog>
  );
}

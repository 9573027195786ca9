/**
 * The app-wide keyboard shortcuts, as a pure mapping from a key press to a command, so the rules
 * (which keys, and when typing in a text field suppresses them) are tested without a DOM.
 */
import { isHelpKey, type Shortcut } from '../components/keyboard-help/shortcuts';

export type ShortcutCommand =
  | { readonly type: 'showView'; readonly index: number }
  | { readonly type: 'focusSearch' }
  | { readonly type: 'back' }
  | { readonly type: 'showHelp' };

export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
  /** Whether focus is in a text field, where plain keys type and must not trigger commands. */
  readonly inTextField: boolean;
}

/** `mac` decides whether Cmd (macOS) or Ctrl (elsewhere) is the command modifier. */
export function shortcutFor(press: KeyPress, mac: boolean): ShortcutCommand | undefined {
  const command = mac ? press.metaKey && !press.ctrlKey : press.ctrlKey && !press.metaKey;
  const plain = !press.ctrlKey && !press.metaKey && !press.altKey;

  if (command && !press.altKey && !press.shiftKey && /^[1-9]$/.test(press.key)) {
    return { type: 'showView', index: Number(press.key) - 1 };
  }
  if (command && !press.altKey && !press.shiftKey && press.key.toLowerCase() === 'f') return { type: 'focusSearch' };
  if (plain && !press.shiftKey && press.key === '/' && !press.inTextField) return { type: 'focusSearch' };
  if (press.altKey && !press.ctrlKey && !press.metaKey && press.key === 'ArrowLeft') return { type: 'back' };
  if (plain && press.key === 'Backspace' && !press.inTextField) return { type: 'back' };
  if (isHelpKey(press)) return { type: 'showHelp' };
  return undefined;
}

/** The app-wide shortcuts as the help dialog lists them; `views` in navigation order. */
export function appShortcuts(views: readonly { readonly title: string }[], mac: boolean): Shortcut[] {
  const command = mac ? '⌘' : 'Ctrl';
  return [
    ...views.map((view, index) => ({ group: 'Views', keys: [command, String(index + 1)], description: view.title })),
    { group: 'Anywhere', keys: ['/'], description: 'Go to the search box of the view' },
    { group: 'Anywhere', keys: [command, 'F'], description: 'Go to the search box of the view' },
    { group: 'Anywhere', keys: ['Alt', '←'], description: 'Back (also Backspace outside a text field)' },
    { group: 'Anywhere', keys: ['?'], description: 'This list of shortcuts' },
  ];
}

/** How a shortcut is written in the UI, e.g. "Ctrl+1" or "⌘1". */
export function shortcutLabel(key: string, mac: boolean): string {
  return mac ? `⌘${key}` : `Ctrl+${key}`;
}

/** The `aria-keyshortcuts` value for a command-modified key. */
export function ariaShortcut(key: string, mac: boolean): string {
  return `${mac ? 'Meta' : 'Control'}+${key}`;
}

import { useEffect } from 'react';
import { shortcutFor, type ShortcutCommand } from './shortcuts';

/** Listens for the app-wide shortcuts and hands each command to `run`, which says whether it acted. */
export function useGlobalShortcuts(run: (command: ShortcutCommand) => boolean, mac: boolean): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const press = {
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        shiftKey: event.shiftKey,
        // The element itself, also inside a shadow root (the query editor), where `target` is the host.
        inTextField: isTextField(event.composedPath()[0] ?? event.target),
      };
      const command = shortcutFor(press, mac);
      if (command && run(command)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [run, mac]);
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
}

/** Whether to use macOS conventions (Cmd instead of Ctrl). */
export function isMac(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}

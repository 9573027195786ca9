/** Keyboard shortcuts as the help dialog lists them, and the ones the shared viewer components answer to. */

export interface Shortcut {
  /** The keys pressed together, e.g. ["Ctrl", "C"]; alternatives go in separate entries. */
  readonly keys: readonly string[];
  readonly description: string;
  /** The heading it is listed under, e.g. "Events". */
  readonly group: string;
}

/** The shortcuts in their groups, groups and shortcuts in the order first given. */
export function groupShortcuts(shortcuts: readonly Shortcut[]): { group: string; shortcuts: Shortcut[] }[] {
  const groups = new Map<string, Shortcut[]>();
  for (const shortcut of shortcuts) {
    const list = groups.get(shortcut.group) ?? [];
    list.push(shortcut);
    groups.set(shortcut.group, list);
  }
  return [...groups].map(([group, list]) => ({ group, shortcuts: list }));
}

/** "?" typed outside a text field: open the help. */
export function isHelpKey(press: { readonly key: string; readonly ctrlKey: boolean; readonly metaKey: boolean; readonly altKey: boolean; readonly inTextField: boolean }): boolean {
  return press.key === '?' && !press.ctrlKey && !press.metaKey && !press.altKey && !press.inTextField;
}

/** What EventTable, the detail pane's JSON tree and the time-range picker answer to; `command` is "Ctrl" or "⌘". */
export function viewerShortcuts(command: string): Shortcut[] {
  return [
    { group: 'Events', keys: ['↑'], description: 'Previous event' },
    { group: 'Events', keys: ['↓'], description: 'Next event' },
    { group: 'Events', keys: ['Page Up'], description: 'A screen up' },
    { group: 'Events', keys: ['Page Down'], description: 'A screen down' },
    { group: 'Events', keys: ['Home'], description: 'Oldest loaded event' },
    { group: 'Events', keys: ['End'], description: 'Newest loaded event' },
    { group: 'Events', keys: ['Shift', '↑'], description: 'Extend the selection up' },
    { group: 'Events', keys: ['Shift', '↓'], description: 'Extend the selection down' },
    { group: 'Events', keys: ['Shift', 'Click'], description: 'Select a range of events' },
    { group: 'Events', keys: [command, 'C'], description: 'Copy the selected events' },
    { group: 'Events', keys: ['Enter'], description: 'Open the event in the detail pane' },
    { group: 'Detail pane', keys: ['Esc'], description: 'Close the detail pane' },
    { group: 'Detail pane', keys: ['←'], description: 'Collapse a JSON field, or go to its parent' },
    { group: 'Detail pane', keys: ['→'], description: 'Expand a JSON field, or go into it' },
    { group: 'Detail pane', keys: ['C'], description: 'Copy the value of a JSON field' },
    { group: 'Detail pane', keys: ['P'], description: 'Copy the path of a JSON field' },
    { group: 'Detail pane', keys: ['A'], description: 'Add a JSON field as a column' },
    { group: 'Time range', keys: ['↓'], description: 'Open the time range (on its button)' },
    { group: 'Time range', keys: ['Esc'], description: 'Close it without changing the range' },
  ];
}

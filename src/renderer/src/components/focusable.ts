/**
 * What a modal dialog's focus trap cycles through: the focusable elements that belong to the dialog
 * itself (not to a dialog nested in it), and where Tab goes from the current one.
 */
const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

/** The elements of `container` that Tab reaches, in document order, skipping nested dialogs and hidden ones. */
export function focusableIn(container: HTMLElement): HTMLElement[] {
  const owner = container.closest('dialog') ?? container;
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) =>
      (element.closest('dialog') ?? container) === owner &&
      element.tabIndex >= 0 &&
      (typeof element.checkVisibility !== 'function' || element.checkVisibility()),
  );
}

/**
 * Where Tab (or Shift+Tab) from `current` should go so focus stays in a list of `count` elements;
 * undefined when the browser's own move stays inside. `current` is -1 when focus is on none of them.
 */
export function trapTarget(current: number, count: number, backwards: boolean): number | undefined {
  if (count === 0) return undefined;
  if (current < 0) return backwards ? count - 1 : 0;
  if (backwards && current === 0) return count - 1;
  if (!backwards && current === count - 1) return 0;
  return undefined;
}

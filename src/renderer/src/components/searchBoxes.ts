/**
 * Which search box "/" and Ctrl/Cmd+F focus: the most recently mounted one that is visible. Views stay
 * mounted when hidden, so visibility, not mounting, decides which box is current.
 */
const registered: HTMLInputElement[] = [];

export function registerSearchBox(input: HTMLInputElement): () => void {
  registered.push(input);
  return () => {
    const index = registered.lastIndexOf(input);
    if (index >= 0) registered.splice(index, 1);
  };
}

/** Focuses and selects the current search box; false when no search box is visible. */
export function focusCurrentSearchBox(): boolean {
  for (let index = registered.length - 1; index >= 0; index -= 1) {
    const input = registered[index];
    if (input && input.isConnected && input.checkVisibility()) {
      input.focus();
      input.select();
      return true;
    }
  }
  return false;
}

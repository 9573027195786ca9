import { useCallback, useEffect, useRef, useState } from 'react';

export type CopyState = 'idle' | 'copied' | 'failed';

/** Copies text to the clipboard and reports how that went for a moment, keyed by what was copied. */
export function useCopy(resetAfterMs = 1500) {
  const [state, setState] = useState<{ key: string | number; result: CopyState } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = useCallback(
    async (key: string | number, text: string) => {
      let result: CopyState;
      try {
        await navigator.clipboard.writeText(text);
        result = 'copied';
      } catch {
        result = 'failed';
      }
      setState({ key, result });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setState(null), resetAfterMs);
    },
    [resetAfterMs],
  );

  const stateOf = useCallback((key: string | number): CopyState => (state?.key === key ? state.result : 'idle'), [state]);
  return { copy, stateOf };
}

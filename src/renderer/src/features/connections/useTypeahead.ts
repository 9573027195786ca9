import { useCallback, useRef } from 'react';
import { typeaheadMatch } from './typeahead';

/** Type-ahead for menus: letters typed in quick succession build a prefix to jump to. */
export function useTypeahead(resetAfterMs = 700) {
  const typed = useRef({ text: '', at: 0 });
  return useCallback(
    (key: string, labels: readonly string[], current: number) => {
      const now = Date.now();
      typed.current = { text: now - typed.current.at > resetAfterMs ? key : typed.current.text + key, at: now };
      return typeaheadMatch(labels, typed.current.text, current);
    },
    [resetAfterMs],
  );
}

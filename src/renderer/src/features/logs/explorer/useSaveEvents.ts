/**
 * Saves the loaded events to a file the person picks: main opens the save dialog and owns the file; the
 * events go over in chunks (`files.saveRows`), with progress, and Cancel removes the half-written file.
 */
import { useCallback, useRef, useState } from 'react';
import type { FoundEvent, SaveFormat } from '../../../../../shared/contract';
import type { EventStore } from '../../../components/event-table/eventStore';
import { chunksOf, SAVED_EVENT_COLUMNS, savedRow } from './saveChunks';
import type { SaveState } from '../../../components/saveState';

export type { SaveState };

export function useSaveEvents(store: EventStore<FoundEvent>) {
  const [state, setState] = useState<SaveState>({ status: 'idle' });
  const cancelled = useRef(false);

  const save = useCallback(
    async (format: SaveFormat, suggestedName: string) => {
      cancelled.current = false;
      // What is loaded now: events that arrive while saving (a live tail) are not part of this file.
      const events = store.slice(0, store.count);
      setState({ status: 'choosing' });
      let saveId: string | undefined;
      try {
        const started = await window.api.files.saveBegin({ suggestedName, format, columns: [...SAVED_EVENT_COLUMNS] });
        if ('dismissed' in started) {
          setState({ status: 'idle' });
          return;
        }
        saveId = started.saveId;
        setState({ status: 'saving', fileName: started.fileName, written: 0, total: events.length });
        for (const [from, to] of chunksOf(events.length, (index) => events[index])) {
          if (cancelled.current) break;
          await window.api.files.saveRows({ saveId, rows: events.slice(from, to).map(savedRow) });
          setState({ status: 'saving', fileName: started.fileName, written: to, total: events.length });
        }
        const result = await window.api.files.saveEnd({ saveId, commit: !cancelled.current });
        setState(result === null ? { status: 'idle' } : { status: 'saved', fileName: result.fileName, rows: result.rows });
      } catch (error) {
        if (saveId !== undefined) await window.api.files.saveEnd({ saveId, commit: false }).catch(() => undefined);
        setState({ status: 'failed', error });
      }
    },
    [store],
  );

  const cancel = useCallback(() => {
    cancelled.current = true;
  }, []);

  const dismiss = useCallback(() => setState({ status: 'idle' }), []);

  return { state, save, cancel, dismiss };
}

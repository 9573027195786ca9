/**
 * Saves the loaded events to a file the person picks: main opens the save dialog and owns the file; the
 * events go over in chunks (`files.saveRows`), with progress, and Cancel removes the half-written file.
 */
import { useCallback } from 'react';
import type { FoundEvent, SaveFormat } from '../../../../../shared/contract';
import type { EventStore } from '../../../components/event-table/eventStore';
import { useSaveRows } from '../../../components/save/useSaveRows';
import { SAVED_EVENT_COLUMNS, savedRow } from './saveChunks';

export type { SaveState } from '../../../components/save/SaveButton';

export function useSaveEvents(store: EventStore<FoundEvent>) {
  const { state, save: saveRows, cancel, dismiss } = useSaveRows();

  const save = useCallback(
    (format: SaveFormat, suggestedName: string) => {
      // What is loaded now: events that arrive while saving (a live tail) are not part of this file.
      const events = store.slice(0, store.count);
      return saveRows({
        suggestedName,
        format,
        columns: SAVED_EVENT_COLUMNS,
        count: events.length,
        rowAt: (index) => savedRow(events[index] as FoundEvent),
        sizeAt: (index) => events[index]?.message.length ?? 0,
      });
    },
    [store, saveRows],
  );

  return { state, save, cancel, dismiss };
}

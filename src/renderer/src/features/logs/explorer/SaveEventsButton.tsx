/** "Save loaded…": the loaded events to a local file, as NDJSON, CSV or plain text, with progress and Cancel. */
import type { FoundEvent } from '../../../../../shared/contract';
import { plural } from '../../../../../shared/format';
import type { EventStore } from '../../../components/event-table/eventStore';
import { SaveButton, type SaveFormatOption } from '../../../components/save/SaveButton';
import { useSaveEvents } from './useSaveEvents';

export const FORMATS: readonly SaveFormatOption[] = [
  { format: 'ndjson', label: 'NDJSON', extension: 'ndjson', note: 'one JSON object per event, with its time, group, stream and id' },
  { format: 'csv', label: 'CSV', extension: 'csv', note: 'for spreadsheets; a header row, one row per event' },
  { format: 'text', label: 'Plain text', extension: 'log', note: 'the messages exactly as logged, one per line' },
];

export function SaveEventsButton({ store, saveName }: { readonly store: EventStore<FoundEvent>; readonly saveName: string }) {
  const saving = useSaveEvents(store);
  return (
    <SaveButton
      label="Save loaded…"
      dialogTitle="Save the loaded events"
      intro={`${plural(store.count, 'event')} are loaded. Choose a format; the app then asks where to save the file.`}
      formats={FORMATS}
      noun="event"
      disabled={store.count === 0}
      state={saving.state}
      onSave={(option) => void saving.save(option.format, `${saveName}.${option.extension}`)}
      onCancel={saving.cancel}
      onDismiss={saving.dismiss}
    />
  );
}

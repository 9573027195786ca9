/** "Save loaded…": the loaded events to a local file, as NDJSON, CSV or plain text, with progress and Cancel. */
import { useState } from 'react';
import type { FoundEvent, SaveFormat } from '../../../../../shared/contract';
import { formatCount, plural } from '../../../../../shared/format';
import { Dialog, DialogBody, DialogFooter } from '../../../components/Dialog';
import { ErrorNotice } from '../../../components/ErrorNotice';
import type { EventStore } from '../../../components/event-table/eventStore';
import { useSaveEvents } from './useSaveEvents';

export const FORMATS: readonly { readonly format: SaveFormat; readonly label: string; readonly extension: string; readonly note: string }[] = [
  { format: 'ndjson', label: 'NDJSON', extension: 'ndjson', note: 'one JSON object per event, with its time, group, stream and id' },
  { format: 'csv', label: 'CSV', extension: 'csv', note: 'for spreadsheets; a header row, one row per event' },
  { format: 'text', label: 'Plain text', extension: 'log', note: 'the messages exactly as logged, one per line' },
];

export function SaveEventsButton({ store, saveName }: { readonly store: EventStore<FoundEvent>; readonly saveName: string }) {
  const [choosing, setChoosing] = useState(false);
  const [format, setFormat] = useState<SaveFormat>('ndjson');
  const saving = useSaveEvents(store);
  const { state } = saving;
  const busy = state.status === 'choosing' || state.status === 'saving';

  function start() {
    setChoosing(false);
    const extension = FORMATS.find((candidate) => candidate.format === format)?.extension ?? 'txt';
    void saving.save(format, `${saveName}.${extension}`);
  }

  return (
    <>
      <button type="button" className="button button-quiet" onClick={() => setChoosing(true)} disabled={busy || store.count === 0}>
        Save loaded…
      </button>
      {state.status === 'saving' && (
        <span className="events-find-count" role="status">
          Saving {formatCount(state.written)} of {plural(state.total, 'event')}…{' '}
          <button type="button" className="link-button" onClick={saving.cancel}>
            Cancel
          </button>
        </span>
      )}
      {state.status === 'saved' && (
        <span className="events-find-count" role="status">
          Saved {plural(state.rows, 'event')} to {state.fileName}
        </span>
      )}
      {choosing && (
        <Dialog title="Save the loaded events" size="small" onClose={() => setChoosing(false)}>
          <DialogBody>
            <p className="state-text">{plural(store.count, 'event')} are loaded. Choose a format; the app then asks where to save the file.</p>
            <fieldset className="radio-list">
              <legend className="field-label">Format</legend>
              {FORMATS.map((candidate) => (
                <label key={candidate.format} className="checkbox">
                  <input type="radio" name="save-format" checked={format === candidate.format} onChange={() => setFormat(candidate.format)} />
                  <span>
                    <strong>{candidate.label}</strong> — {candidate.note}
                  </span>
                </label>
              ))}
            </fieldset>
          </DialogBody>
          <DialogFooter>
            <button type="button" className="button button-quiet" onClick={() => setChoosing(false)}>
              Cancel
            </button>
            <button type="button" className="button" onClick={start} data-autofocus>
              Save…
            </button>
          </DialogFooter>
        </Dialog>
      )}
      {state.status === 'failed' && (
        <Dialog title="The events were not saved" size="small" onClose={saving.dismiss}>
          <DialogBody>
            <ErrorNotice error={state.error} context="Could not save" />
          </DialogBody>
          <DialogFooter>
            <button type="button" className="button" onClick={saving.dismiss}>
              Close
            </button>
          </DialogFooter>
        </Dialog>
      )}
    </>
  );
}

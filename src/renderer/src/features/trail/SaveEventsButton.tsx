/** "Download…": the loaded (and shown) events to a local file, as CSV or NDJSON, with progress and Cancel. */
import { useRef, useState } from 'react';
import type { SaveFormat, TrailEvent } from '../../../../shared/contract';
import { formatCount, plural } from '../../../../shared/format';
import { Dialog, DialogBody, DialogFooter } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { saveRows, type SavedRow } from '../../components/saveRows';

/** The columns of a saved event, in file order. */
export const SAVED_TRAIL_COLUMNS = [
  'eventTime',
  'eventName',
  'username',
  'eventSource',
  'resources',
  'region',
  'errorCode',
  'errorMessage',
  'readOnly',
  'sourceIPAddress',
  'accessKeyId',
  'eventId',
  'cloudTrailEvent',
] as const;

export function savedTrailRow(event: TrailEvent): SavedRow {
  return {
    eventTime: new Date(event.eventTime).toISOString(),
    eventName: event.eventName,
    username: event.username ?? null,
    eventSource: event.eventSource,
    resources: event.resources.map((resource) => (resource.type ? `${resource.type} ${resource.name}` : resource.name)).join('; '),
    region: event.region ?? null,
    errorCode: event.errorCode ?? null,
    errorMessage: event.errorMessage ?? null,
    readOnly: event.readOnly ?? null,
    sourceIPAddress: event.sourceIPAddress ?? null,
    accessKeyId: event.accessKeyId ?? null,
    eventId: event.eventId,
    cloudTrailEvent: event.record,
  };
}

const FORMATS: readonly { readonly format: SaveFormat; readonly label: string; readonly extension: string; readonly note: string }[] = [
  { format: 'csv', label: 'CSV', extension: 'csv', note: 'for spreadsheets; a header row, one row per event' },
  { format: 'ndjson', label: 'NDJSON', extension: 'ndjson', note: 'one JSON object per event, its CloudTrail record included' },
];

type SaveState =
  | { readonly status: 'idle' | 'choosing' }
  | { readonly status: 'saving'; readonly fileName: string; readonly written: number }
  | { readonly status: 'saved'; readonly fileName: string; readonly rows: number }
  | { readonly status: 'failed'; readonly error: unknown };

export function SaveEventsButton({ events, saveName }: { readonly events: readonly TrailEvent[]; readonly saveName: string }) {
  const [choosing, setChoosing] = useState(false);
  const [format, setFormat] = useState<SaveFormat>('csv');
  const [state, setState] = useState<SaveState>({ status: 'idle' });
  const cancelled = useRef(false);
  const busy = state.status === 'choosing' || state.status === 'saving';

  async function start() {
    setChoosing(false);
    cancelled.current = false;
    // What is shown now: events that arrive while saving are not part of this file.
    const saved = [...events];
    const extension = FORMATS.find((candidate) => candidate.format === format)?.extension ?? 'txt';
    setState({ status: 'choosing' });
    try {
      const result = await saveRows({
        suggestedName: `${saveName}.${extension}`,
        format,
        columns: SAVED_TRAIL_COLUMNS,
        count: saved.length,
        rowAt: (index) => savedTrailRow(saved[index] as TrailEvent),
        onProgress: (fileName, written) => setState({ status: 'saving', fileName, written }),
        cancelled: () => cancelled.current,
      });
      setState(result === undefined ? { status: 'idle' } : { status: 'saved', fileName: result.fileName, rows: result.rows });
    } catch (error) {
      setState({ status: 'failed', error });
    }
  }

  return (
    <>
      <button type="button" className="button button-quiet" onClick={() => setChoosing(true)} disabled={busy || events.length === 0}>
        Download…
      </button>
      {state.status === 'saving' && (
        <span className="toolbar-count" role="status">
          Saving {formatCount(state.written)} of {plural(events.length, 'event')}…{' '}
          <button type="button" className="link-button" onClick={() => (cancelled.current = true)}>
            Cancel
          </button>
        </span>
      )}
      {state.status === 'saved' && (
        <span className="toolbar-count" role="status">
          Saved {plural(state.rows, 'event')} to {state.fileName}
        </span>
      )}
      {choosing && (
        <Dialog title="Download the events" size="small" onClose={() => setChoosing(false)}>
          <DialogBody>
            <p className="state-text">{plural(events.length, 'event')} are shown. Choose a format; the app then asks where to save the file.</p>
            <fieldset className="radio-list">
              <legend className="field-label">Format</legend>
              {FORMATS.map((candidate) => (
                <label key={candidate.format} className="checkbox">
                  <input type="radio" name="trail-save-format" checked={format === candidate.format} onChange={() => setFormat(candidate.format)} />
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
            <button type="button" className="button" onClick={() => void start()} data-autofocus>
              Save…
            </button>
          </DialogFooter>
        </Dialog>
      )}
      {state.status === 'failed' && (
        <Dialog title="The events were not saved" size="small" onClose={() => setState({ status: 'idle' })}>
          <DialogBody>
            <ErrorNotice error={state.error} context="Could not save" />
          </DialogBody>
          <DialogFooter>
            <button type="button" className="button" onClick={() => setState({ status: 'idle' })}>
              Close
            </button>
          </DialogFooter>
        </Dialog>
      )}
    </>
  );
}

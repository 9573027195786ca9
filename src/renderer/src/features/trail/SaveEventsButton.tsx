/** "Download…": the shown events to a local file, as CSV or NDJSON, with progress and Cancel. */
import type { TrailEvent } from '../../../../shared/contract';
import { plural } from '../../../../shared/format';
import { SaveButton, type SaveFormatOption } from '../../components/save/SaveButton';
import type { SavedRow } from '../../components/save/saveRows';
import { useSaveRows } from '../../components/save/useSaveRows';

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

const FORMATS: readonly SaveFormatOption[] = [
  { format: 'csv', label: 'CSV', extension: 'csv', note: 'for spreadsheets; a header row, one row per event' },
  { format: 'ndjson', label: 'NDJSON', extension: 'ndjson', note: 'one JSON object per event, its CloudTrail record included' },
];

export function SaveEventsButton({ events, saveName }: { readonly events: readonly TrailEvent[]; readonly saveName: string }) {
  const saving = useSaveRows();
  return (
    <SaveButton
      label="Download…"
      dialogTitle="Download the events"
      intro={`${plural(events.length, 'event')} are shown. Choose a format; the app then asks where to save the file.`}
      formats={FORMATS}
      noun="event"
      disabled={events.length === 0}
      state={saving.state}
      onSave={(option) => {
        // What is shown now: events that arrive while saving are not part of this file.
        const saved = [...events];
        void saving.save({
          suggestedName: `${saveName}.${option.extension}`,
          format: option.format,
          columns: SAVED_TRAIL_COLUMNS,
          count: saved.length,
          rowAt: (index) => savedTrailRow(saved[index] as TrailEvent),
          sizeAt: (index) => saved[index]?.record.length ?? 0,
        });
      }}
      onCancel={saving.cancel}
      onDismiss={saving.dismiss}
    />
  );
}

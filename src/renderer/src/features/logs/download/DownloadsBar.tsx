/** Downloads in progress and just finished, under the Logs view: progress, speed, throttling, Cancel. */
import { useSyncExternalStore } from 'react';
import { formatBytes, formatCount, plural } from '../../../../../shared/format';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { CloseIcon } from '../../../components/icons';
import type { Download } from './downloads';
import { useDownloads } from './DownloadsContext';

export function DownloadsBar() {
  const downloads = useDownloads();
  const list = useSyncExternalStore(downloads.subscribe, downloads.getAll);
  if (list.length === 0) return null;
  return (
    <section className="downloads-bar" aria-label="Downloads">
      {list.map((download) => (
        <DownloadLine key={download.id} download={download} onCancel={() => downloads.cancel(download.id)} onDismiss={() => downloads.remove(download.id)} />
      ))}
    </section>
  );
}

function DownloadLine({ download, onCancel, onDismiss }: { readonly download: Download; readonly onCancel: () => void; readonly onDismiss: () => void }) {
  const { state } = download;
  const running = state.status === 'running' || state.status === 'choosing-file';
  return (
    <div className="download-line" role="status" aria-label={`Download of ${download.title}`}>
      <div className="download-text">
        <span className="download-title">{download.title}</span>
        <span className="download-state">{describe(download)}</span>
        {state.status === 'running' && (
          <progress max={1} value={state.fraction} aria-label="How much of the range is fetched">
            {Math.round(state.fraction * 100)}%
          </progress>
        )}
        {state.status === 'failed' && <ErrorNotice error={state.error} context="The download failed" />}
      </div>
      {running ? (
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
      ) : (
        <button type="button" className="icon-button" aria-label="Dismiss" title="Dismiss" onClick={onDismiss}>
          <CloseIcon />
        </button>
      )}
    </div>
  );
}

function describe({ state }: Download): string {
  switch (state.status) {
    case 'choosing-file':
      return 'Choose where to save it…';
    case 'running': {
      const throttled = state.throttled > 0 ? ` · AWS throttled ${plural(state.throttled, 'call')}, retried` : '';
      return `${state.fileName}: ${plural(state.events, 'event')}, ${formatBytes(state.bytes)} · ${formatCount(Math.round(state.eventsPerSecond))} events/s · ${Math.round(state.fraction * 100)}%${throttled}`;
    }
    case 'done':
      return `Saved ${plural(state.events, 'event')} (${formatBytes(state.bytes)}) to ${state.fileName}`;
    case 'cancelled':
      return state.fileName ? `Cancelled; ${state.fileName} was not written` : 'Cancelled';
    case 'failed':
      return state.fileName ? `${state.fileName} was not written` : 'Nothing was written';
  }
}

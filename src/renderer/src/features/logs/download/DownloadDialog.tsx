/**
 * Downloading a search's whole range to a local file: the format, then main's save dialog. The
 * download then runs in the downloads bar, so the view stays usable while it does.
 */
import { useState } from 'react';
import type { SaveFormat } from '../../../../../shared/contract';
import { formatTimestamp } from '../../../../../shared/format';
import { Dialog, DialogBody, DialogFooter } from '../../../components/Dialog';
import { useTimeZone } from '../../../components/TimeZone';
import { FormatChoice } from '../../../components/save/SaveButton';
import { FORMATS } from '../explorer/SaveEventsButton';
import { searchSaveName, selectionOf, type SearchState } from '../search/searchState';
import { useDownloads } from './DownloadsContext';

export function DownloadDialog({ search, onClose }: { readonly search: SearchState; readonly onClose: () => void }) {
  const { zone } = useTimeZone();
  const downloads = useDownloads();
  const [format, setFormat] = useState<SaveFormat>('ndjson');
  // The range as it is now, fixed: a relative range must not move while the download runs.
  const [selection] = useState(() => selectionOf(search, Date.now()));
  const groups = search.groups.kind === 'names' ? search.groups.names.join(', ') : `groups fitting ${search.groups.pattern}`;
  const when = `${formatTimestamp(selection.startTime, zone, 'second')} to ${formatTimestamp(selection.endTime, zone, 'second')}${zone === 'utc' ? ' UTC' : ''}`;

  function start() {
    const extension = FORMATS.find((candidate) => candidate.format === format)?.extension ?? 'txt';
    const title = `${groups}${search.filterPattern ? ` matching ${search.filterPattern}` : ''}, ${when}`;
    downloads.add(title, { selection, format, suggestedName: `${searchSaveName(search)}.${extension}` });
    onClose();
  }

  return (
    <Dialog title="Download events" size="small" onClose={onClose}>
      <DialogBody>
        <dl className="download-summary">
          <dt>Log groups</dt>
          <dd className="mono">{groups}</dd>
          {search.filterPattern && (
            <>
              <dt>Pattern</dt>
              <dd className="mono">{search.filterPattern}</dd>
            </>
          )}
          <dt>Time</dt>
          <dd>{when}</dd>
        </dl>
        <FormatChoice formats={FORMATS} value={format} onChange={(option) => setFormat(option.format)} />
        <p className="field-hint">
          Every event of the range is fetched, in parallel as fast as AWS&apos;s quotas allow, and written in time order. The file
          appears only once it is complete.
        </p>
      </DialogBody>
      <DialogFooter>
        <button type="button" className="button button-quiet" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button" onClick={start} data-autofocus>
          Choose file and download
        </button>
      </DialogFooter>
    </Dialog>
  );
}

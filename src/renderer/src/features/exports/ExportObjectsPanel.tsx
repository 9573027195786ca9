/** What a finished export wrote: its objects and sizes, each downloadable as it is (.gz) or decompressed. */
import type { ExportItem } from '../../../../shared/contract';
import { formatBytes, formatCount } from '../../../../shared/format';
import { ErrorNotice } from '../../components/ErrorNotice';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { Panel } from '../../components/Panel';
import { exportKeyPrefix, suggestedFileName } from './exportText';
import { useObjectDownload, useObjects } from './useExports';

export function ExportObjectsPanel({ item }: { readonly item: ExportItem | undefined }) {
  const prefix = item === undefined ? '' : exportKeyPrefix(item);
  const objects = useObjects(item?.bucket ?? '', prefix, item !== undefined);
  const { download, start, cancel } = useObjectDownload();
  const save = (key: string, decompress: boolean) =>
    item && start({ bucket: item.bucket, key, decompress, suggestedName: suggestedFileName(key, prefix, decompress) });

  return (
    <Panel
      label="Exported objects"
      className="panel export-objects"
      count={objects.data === undefined || item === undefined ? '' : `${formatCount(objects.data.length)} objects exported from ${item.logGroupName}`}
      status={
        download === undefined ? undefined : download.state === 'failed' ? (
          <ErrorNotice error={download.error} context="Could not save the object" />
        ) : (
          <p className="panel-note" role="status">
            {download.state === 'done'
              ? `Saved ${download.fileName} (${formatBytes(download.bytes)}).`
              : `Saving ${download.fileName ?? download.key}… ${download.totalBytes > 0 ? `${Math.round((100 * download.bytes) / download.totalBytes)}%` : ''}`}
            {download.state === 'saving' && (
              <button type="button" className="button button-quiet" onClick={cancel}>
                Stop
              </button>
            )}
          </p>
        )
      }
    >
      {item === undefined ? (
        <EmptyState title="Nothing to browse yet">When an export has completed, choose Browse objects in the queue to see and download what it wrote.</EmptyState>
      ) : objects.error !== null ? (
        <ErrorState error={objects.error} context={`Could not list s3://${item.bucket}/${prefix}`} onRetry={() => void objects.refetch()} />
      ) : objects.data === undefined ? (
        <LoadingState label={`Listing s3://${item.bucket}/${prefix}…`} />
      ) : objects.data.length === 0 ? (
        <EmptyState title="This export wrote no objects">No events of {item.logGroupName} fall in its time range. Export a longer range to get some.</EmptyState>
      ) : (
        <table className="export-object-table">
          <caption className="visually-hidden">Objects under s3://{item.bucket}/{prefix}</caption>
          <thead>
            <tr>
              <th scope="col">Object</th>
              <th scope="col" className="numeric">
                Size
              </th>
              <th scope="col">Download</th>
            </tr>
          </thead>
          <tbody>
            {objects.data.map((object) => (
              <tr key={object.key}>
                <td className="mono">{object.key.slice(prefix.length)}</td>
                <td className="numeric">{formatBytes(object.size)}</td>
                <td className="export-object-actions">
                  <button type="button" className="button button-quiet" onClick={() => save(object.key, true)} aria-label={`Download ${object.key.slice(prefix.length)} decompressed`}>
                    Decompressed
                  </button>
                  <button type="button" className="button button-quiet" onClick={() => save(object.key, false)} aria-label={`Download ${object.key.slice(prefix.length)} as .gz`}>
                    .gz
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}

/** The one place a region's throttling is explained: which APIs, their quotas, and where to raise them. */
import { useSyncExternalStore } from 'react';
import { formatCount } from '../../../shared/format';
import { CloseIcon, ExternalLinkIcon, WarningIcon } from './icons';
import { throttleNotices, type ThrottledOperation } from '../api/throttleNotices';
import './ThrottleNotice.css';

export function useThrottleNotice(region: string) {
  return useSyncExternalStore(throttleNotices.subscribe, () => throttleNotices.noticeFor(region));
}

export function ThrottleNotice({ region }: { readonly region: string }) {
  const notice = useThrottleNotice(region);
  if (!notice) return null;
  return (
    <div className="throttle-notice" role="status" aria-label={`Throttling in ${region}`}>
      <WarningIcon />
      <p className="throttle-notice-text">
        <strong>AWS is rate-limiting this account in {region}.</strong> Calls waited and retried, then gave up:{' '}
        {notice.operations.map(describeOperation).join(', ')}. The quotas are shared by every tool that uses the account in this
        region; wait a few seconds and retry.
      </p>
      {notice.quotaUrl && (
        <a className="link-button" href={notice.quotaUrl} target="_blank" rel="noreferrer">
          Service Quotas
          <ExternalLinkIcon />
        </a>
      )}
      <button type="button" className="icon-button" aria-label="Dismiss the throttling notice" title="Dismiss" onClick={() => throttleNotices.dismiss(region)}>
        <CloseIcon />
      </button>
    </div>
  );
}

function describeOperation({ operation, quotaTps, times }: ThrottledOperation): string {
  const notes = [quotaTps === undefined ? '' : `quota ${formatCount(quotaTps)}/s`, times > 1 ? `${formatCount(times)} times` : ''];
  const said = notes.filter((note) => note !== '');
  return said.length === 0 ? operation : `${operation} (${said.join(', ')})`;
}

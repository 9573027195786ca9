import { describe, expect, it } from 'vitest';
import type { DownloadUpdate } from '../../../../../shared/contract';
import { apiError } from '../../../../../shared/errors';
import type { StreamListener } from '../../../../../shared/rpc';
import { Downloads, type DownloadRequest } from './downloads';

const request: DownloadRequest = {
  selection: { logGroupNames: ['/g'], filterPattern: '', startTime: 0, endTime: 1000 },
  format: 'ndjson',
  suggestedName: 'g.ndjson',
};

function fakeApi() {
  const calls: { listener: StreamListener<DownloadUpdate>; stopped: boolean }[] = [];
  const start = (_request: DownloadRequest, listener: StreamListener<DownloadUpdate>) => {
    const call = { listener, stopped: false };
    calls.push(call);
    return () => {
      call.stopped = true;
    };
  };
  return { start, calls };
}

describe('Downloads', () => {
  it('follows a download from the save dialog to its exact count', () => {
    const api = fakeApi();
    const downloads = new Downloads(api.start);
    const id = downloads.add('/g', request);
    expect(downloads.getAll()[0]?.state).toEqual({ status: 'choosing-file' });
    const listener = api.calls[0]!.listener;
    listener.next({ type: 'file', fileName: 'g.ndjson' });
    listener.next({ type: 'progress', events: 500, bytes: 100_000, fraction: 0.5, eventsPerSecond: 1000, throttled: 2 });
    expect(downloads.getAll()[0]?.state).toEqual({
      status: 'running',
      fileName: 'g.ndjson',
      events: 500,
      bytes: 100_000,
      fraction: 0.5,
      eventsPerSecond: 1000,
      throttled: 2,
    });
    listener.next({ type: 'done', fileName: 'g.ndjson', events: 1000, bytes: 200_000 });
    listener.complete?.();
    expect(downloads.getAll()[0]?.state).toEqual({ status: 'done', fileName: 'g.ndjson', events: 1000, bytes: 200_000 });
    downloads.remove(id);
    expect(downloads.getAll()).toEqual([]);
  });

  it('forgets a download whose save dialog was closed', () => {
    const api = fakeApi();
    const downloads = new Downloads(api.start);
    downloads.add('/g', request);
    api.calls[0]!.listener.next({ type: 'dismissed' });
    api.calls[0]!.listener.complete?.();
    expect(downloads.getAll()).toEqual([]);
  });

  it('cancels, and says when main cancelled or failed', () => {
    const api = fakeApi();
    const downloads = new Downloads(api.start);
    const first = downloads.add('/a', request);
    api.calls[0]!.listener.next({ type: 'file', fileName: 'a.ndjson' });
    downloads.cancel(first);
    expect(api.calls[0]!.stopped).toBe(true);
    expect(downloads.getAll()[0]?.state).toEqual({ status: 'cancelled', fileName: 'a.ndjson' });

    downloads.add('/b', request);
    api.calls[1]!.listener.error?.(apiError('Internal', 'The disk is full.'));
    expect(downloads.getAll()[1]?.state).toMatchObject({ status: 'failed', error: { message: 'The disk is full.' } });
    downloads.add('/c', request);
    api.calls[2]!.listener.error?.(apiError('Cancelled', 'The request was cancelled.'));
    expect(downloads.getAll()[2]?.state).toEqual({ status: 'cancelled' });
  });
});

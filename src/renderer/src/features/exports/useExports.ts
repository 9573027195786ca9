/** The Exports view's data: the queue (live), buckets, the policy check, log group names, objects; and the changes to them. */
import { experimental_streamedQuery as streamedQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ApiError } from '../../../../shared/errors';
import type { BucketSummary, ExportItem, ExportedObject, LogGroupPage, PolicyCheck } from '../../../../shared/contract';
import { streamIterable } from '../../../../shared/stream-iterable';
import { useScope } from '../../app/scope';
import { exportsKeys } from './exportsKeys';

/** The export queue as main keeps it, updated as it changes (it is the app's, not one scope's). */
export function useExportQueue(): { readonly items: readonly ExportItem[] | undefined; readonly error: ApiError | undefined } {
  const [items, setItems] = useState<readonly ExportItem[]>();
  const [error, setError] = useState<ApiError>();
  useEffect(
    () =>
      window.api.exports.queue(
        {},
        {
          next: (queue) => {
            setItems(queue.items);
            setError(undefined);
          },
          error: setError,
        },
      ),
    [],
  );
  return { items, error };
}

/** Cancelling an export (queued: it never starts; running: CancelExportTask) and clearing finished ones; the queue stream shows the result. */
export function useQueueActions() {
  const cancel = useMutation({ mutationFn: (id: string) => window.api.exports.cancel({ id }) });
  const clearFinished = useMutation({ mutationFn: () => window.api.exports.clearFinished({}) });
  return { cancel, clearFinished };
}

export function useBuckets() {
  const { key } = useScope();
  return useQuery({ queryKey: exportsKeys.buckets(key), queryFn: () => window.api.exports.listBuckets({}) });
}

export function useCreateBucket() {
  const { key } = useScope();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => window.api.exports.createBucket({ name }),
    onSuccess: (created: BucketSummary) => {
      queryClient.setQueryData<{ buckets: readonly BucketSummary[] }>(exportsKeys.buckets(key), (list) =>
        list === undefined ? list : { buckets: [...list.buckets, created].sort((a, b) => (a.name < b.name ? -1 : 1)) },
      );
      void queryClient.invalidateQueries({ queryKey: exportsKeys.buckets(key) });
    },
  });
}

export function usePolicyCheck(bucket: string, prefix: string, enabled: boolean) {
  const { key } = useScope();
  return useQuery({
    queryKey: exportsKeys.policy(key, bucket, prefix),
    queryFn: () => window.api.exports.checkPolicy({ bucket, prefix }),
    enabled,
    staleTime: 0,
  });
}

export function useApplyPolicy() {
  const { key } = useScope();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: { bucket: string; prefix: string; current: string | null }) => window.api.exports.applyPolicy(request),
    onSuccess: (check: PolicyCheck, request) => queryClient.setQueryData(exportsKeys.policy(key, request.bucket, request.prefix), check),
  });
}

/** Every log group name of the scope (for picking what to export), loaded page by page. */
export function useGroupNames() {
  const { key } = useScope();
  return useQuery({
    queryKey: exportsKeys.groupNames(key),
    queryFn: streamedQuery<LogGroupPage, string[]>({
      streamFn: ({ signal }) => streamIterable((listener) => window.api.logs.listGroups({}, listener), signal),
      reducer: (names, page) => names.concat(page.groups.map((group) => group.name)),
      initialValue: [],
      refetchMode: 'reset',
    }),
    structuralSharing: false,
  });
}

export function useEnqueue() {
  return useMutation({
    mutationFn: (request: { logGroupNames: string[]; from: number; to: number; bucket: string; prefix: string }) => window.api.exports.enqueue(request),
  });
}

/** Every object under a prefix (an export writes a few per stream), all pages. */
export function useObjects(bucket: string, prefix: string, enabled: boolean) {
  const { key } = useScope();
  return useQuery({
    queryKey: exportsKeys.objects(key, bucket, prefix),
    enabled,
    queryFn: async ({ signal }) => {
      const objects: ExportedObject[] = [];
      let nextToken: string | undefined;
      do {
        if (signal.aborted) break;
        const page = await window.api.exports.listObjects({ bucket, prefix, ...(nextToken === undefined ? {} : { nextToken }) });
        objects.push(...page.objects);
        nextToken = page.nextToken;
      } while (nextToken !== undefined);
      return objects;
    },
  });
}

export type ObjectDownload =
  | { readonly state: 'saving'; readonly key: string; readonly fileName?: string; readonly bytes: number; readonly totalBytes: number }
  | { readonly state: 'done'; readonly key: string; readonly fileName: string; readonly bytes: number }
  | { readonly state: 'failed'; readonly key: string; readonly error: ApiError };

/** Saves one object to a local file (the app's save dialog asks where); one at a time, with progress and Stop. */
export function useObjectDownload() {
  const [download, setDownload] = useState<ObjectDownload>();
  const [stop, setStop] = useState<() => void>();
  function start(request: { bucket: string; key: string; decompress: boolean; suggestedName: string }) {
    stop?.();
    setDownload({ state: 'saving', key: request.key, bytes: 0, totalBytes: 0 });
    const unsubscribe = window.api.exports.download(request, {
      next: (update) => {
        if (update.type === 'dismissed') setDownload(undefined);
        else if (update.type === 'file') setDownload({ state: 'saving', key: request.key, fileName: update.fileName, bytes: 0, totalBytes: 0 });
        else if (update.type === 'progress') setDownload((current) => ({ state: 'saving', key: request.key, ...(current?.state === 'saving' && current.fileName ? { fileName: current.fileName } : {}), bytes: update.bytes, totalBytes: update.totalBytes }));
        else setDownload({ state: 'done', key: request.key, fileName: update.fileName, bytes: update.bytes });
      },
      error: (error) => setDownload({ state: 'failed', key: request.key, error }),
      complete: () => setStop(undefined),
    });
    setStop(() => unsubscribe);
  }
  function cancel() {
    stop?.();
    setStop(undefined);
    setDownload(undefined);
  }
  useEffect(() => () => stop?.(), [stop]);
  return { download, start, cancel };
}

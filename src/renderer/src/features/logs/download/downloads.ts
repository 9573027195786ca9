/**
 * Downloads in progress and finished, for the Logs view's downloads bar. Each one is a `logs.download`
 * stream: main asks where to save, fetches and writes; this keeps what it reports and can cancel it.
 */
import type { DownloadUpdate, EventSelection, SaveFormat } from '../../../../../shared/contract';
import type { ApiError } from '../../../../../shared/errors';
import type { StreamListener, Unsubscribe } from '../../../../../shared/rpc';

export interface DownloadRequest {
  readonly selection: EventSelection;
  readonly format: SaveFormat;
  readonly suggestedName: string;
}

export type StartDownload = (request: DownloadRequest, listener: StreamListener<DownloadUpdate>) => Unsubscribe;

export type DownloadState =
  | { readonly status: 'choosing-file' }
  | {
      readonly status: 'running';
      readonly fileName: string;
      readonly events: number;
      readonly bytes: number;
      readonly fraction: number;
      readonly eventsPerSecond: number;
      readonly throttled: number;
    }
  | { readonly status: 'done'; readonly fileName: string; readonly events: number; readonly bytes: number }
  | { readonly status: 'cancelled'; readonly fileName?: string }
  | { readonly status: 'failed'; readonly fileName?: string; readonly error: ApiError };

export interface Download {
  readonly id: number;
  /** What is downloaded, e.g. "/aws/lambda/orders-api, last 1 hour, ERROR". */
  readonly title: string;
  readonly request: DownloadRequest;
  readonly state: DownloadState;
}

export class Downloads {
  private list: readonly Download[] = [];
  private readonly running = new Map<number, Unsubscribe>();
  private readonly listeners = new Set<() => void>();
  private nextId = 1;

  constructor(private readonly start: StartDownload) {}

  getAll = (): readonly Download[] => this.list;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  add(title: string, request: DownloadRequest): number {
    const id = this.nextId++;
    this.list = [...this.list, { id, title, request, state: { status: 'choosing-file' } }];
    this.emit();
    let fileName: string | undefined;
    const stop = this.start(request, {
      next: (update) => {
        if (update.type === 'file') {
          fileName = update.fileName;
          this.update(id, { status: 'running', fileName, events: 0, bytes: 0, fraction: 0, eventsPerSecond: 0, throttled: 0 });
        } else if (update.type === 'dismissed') {
          this.running.delete(id);
          this.remove(id);
        } else if (update.type === 'progress') {
          this.update(id, { status: 'running', fileName: fileName ?? '', ...progressOf(update) });
        } else {
          this.update(id, { status: 'done', fileName: update.fileName, events: update.events, bytes: update.bytes });
        }
      },
      error: (error) => {
        this.running.delete(id);
        this.update(id, error.code === 'Cancelled' ? { status: 'cancelled', ...(fileName ? { fileName } : {}) } : { status: 'failed', error, ...(fileName ? { fileName } : {}) });
      },
      complete: () => this.running.delete(id),
    });
    if (this.list.some((download) => download.id === id)) this.running.set(id, stop);
    return id;
  }

  /** Stops a download; main removes the part written. */
  cancel(id: number): void {
    const stop = this.running.get(id);
    if (stop === undefined) return;
    stop();
    this.running.delete(id);
    const fileName = this.fileNameOf(id);
    this.update(id, { status: 'cancelled', ...(fileName ? { fileName } : {}) });
  }

  /** Forgets a finished, failed or cancelled download. */
  remove(id: number): void {
    if (this.running.has(id)) return;
    this.list = this.list.filter((download) => download.id !== id);
    this.emit();
  }

  private fileNameOf(id: number): string | undefined {
    const state = this.list.find((download) => download.id === id)?.state;
    return state && 'fileName' in state ? state.fileName : undefined;
  }

  private update(id: number, state: DownloadState): void {
    this.list = this.list.map((download) => (download.id === id ? { ...download, state } : download));
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

function progressOf(update: Extract<DownloadUpdate, { type: 'progress' }>) {
  const { events, bytes, fraction, eventsPerSecond, throttled } = update;
  return { events, bytes, fraction, eventsPerSecond, throttled };
}

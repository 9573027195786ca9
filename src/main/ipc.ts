/**
 * Serves the API dispatcher over IPC. Only frames the app trusts may call; every argument is
 * checked here for shape and by the dispatcher against the contract's schemas.
 */
import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IPC_CHANNELS } from '../shared/ipc-channels';
import { apiError } from '../shared/errors';
import type { Dispatcher, StreamMessage, WireResult } from '../shared/rpc';

export type SenderCheck = (event: IpcMainEvent | IpcMainInvokeEvent) => boolean;

/** Binds the dispatcher to IPC; returns a function that unbinds it and cancels everything running. */
export function bindApiToIpc(dispatcher: Dispatcher, isTrustedSender: SenderCheck): () => void {
  const running = new Map<number, Map<string, AbortController>>();

  function controllerFor(contents: WebContents, key: string): AbortController {
    let perWindow = running.get(contents.id);
    if (!perWindow) {
      const created = new Map<string, AbortController>();
      running.set(contents.id, created);
      perWindow = created;
      contents.once('destroyed', () => {
        for (const controller of created.values()) controller.abort();
        running.delete(contents.id);
      });
    }
    const controller = new AbortController();
    perWindow.set(key, controller);
    return controller;
  }

  function release(contents: WebContents, key: string): void {
    running.get(contents.id)?.delete(key);
  }

  let callCounter = 0;
  ipcMain.handle(IPC_CHANNELS.call, async (event, method: unknown, request: unknown): Promise<WireResult> => {
    if (!isTrustedSender(event)) return { ok: false, error: apiError('AccessDenied', 'Untrusted sender.') };
    if (typeof method !== 'string') return { ok: false, error: apiError('InvalidInput', 'The method must be a string.') };
    const key = `call:${++callCounter}`;
    const controller = controllerFor(event.sender, key);
    try {
      return await dispatcher.call(method, request, controller.signal);
    } finally {
      release(event.sender, key);
    }
  });

  ipcMain.on(IPC_CHANNELS.subscribe, (event, id: unknown, method: unknown, request: unknown) => {
    if (!isTrustedSender(event) || !isStreamId(id) || typeof method !== 'string') return;
    const contents = event.sender;
    const key = `stream:${id}`;
    const controller = controllerFor(contents, key);
    const send = (message: StreamMessage) => {
      if (!contents.isDestroyed()) contents.send(IPC_CHANNELS.stream, id, message);
    };
    void dispatcher.subscribe(method, request, controller.signal, send).finally(() => release(contents, key));
  });

  ipcMain.on(IPC_CHANNELS.cancel, (event, id: unknown) => {
    if (!isTrustedSender(event) || !isStreamId(id)) return;
    const key = `stream:${id}`;
    running.get(event.sender.id)?.get(key)?.abort();
    release(event.sender, key);
  });

  return () => {
    ipcMain.removeHandler(IPC_CHANNELS.call);
    ipcMain.removeAllListeners(IPC_CHANNELS.subscribe);
    ipcMain.removeAllListeners(IPC_CHANNELS.cancel);
    for (const perWindow of running.values()) for (const controller of perWindow.values()) controller.abort();
    running.clear();
  };
}

function isStreamId(id: unknown): id is number {
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0;
}

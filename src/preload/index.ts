/**
 * The only bridge between the page and the app: `window.api`, generated from the shared contract.
 * Nothing else (no ipcRenderer, no Node) is exposed.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { contract } from '../shared/contract';
import { IPC_CHANNELS } from '../shared/ipc-channels';
import { createClient, type ClientTransport, type StreamMessage, type WireResult } from '../shared/rpc';

const streams = new Map<number, (message: StreamMessage) => void>();
let lastStreamId = 0;

ipcRenderer.on(IPC_CHANNELS.stream, (_event, id: number, message: StreamMessage) => {
  const deliver = streams.get(id);
  if (!deliver) return;
  if (message.type !== 'next') streams.delete(id);
  deliver(message);
});

const transport: ClientTransport = {
  call: (method, request) => ipcRenderer.invoke(IPC_CHANNELS.call, method, request) as Promise<WireResult>,
  subscribe(method, request, onMessage) {
    const id = ++lastStreamId;
    streams.set(id, onMessage);
    ipcRenderer.send(IPC_CHANNELS.subscribe, id, method, request);
    return () => {
      if (!streams.delete(id)) return;
      ipcRenderer.send(IPC_CHANNELS.cancel, id);
    };
  },
};

contextBridge.exposeInMainWorld('api', createClient(contract, transport));

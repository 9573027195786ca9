/** The IPC channels between the preload and main/ipc.ts; the only ones that exist. */
export const IPC_CHANNELS = {
  /** invoke(method, request) → WireResult */
  call: 'cloudscope:call',
  /** send(id, method, request); main answers with `stream` messages */
  subscribe: 'cloudscope:subscribe',
  /** send(id) */
  cancel: 'cloudscope:cancel',
  /** main → renderer: (id, StreamMessage) */
  stream: 'cloudscope:stream',
} as const;

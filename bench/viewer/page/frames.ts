/** Waiting for what the browser has drawn, on the benchmark pages. */

/** Resolves after the browser has painted the next frame (a task queued from requestAnimationFrame runs after the paint). */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    }),
  );
}

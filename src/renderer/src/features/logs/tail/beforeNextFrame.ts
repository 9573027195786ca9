/**
 * Runs a function before the next frame is drawn — or after a short while when no frame comes (a
 * hidden window draws none), so a tail's events never pile up behind a frame that does not come.
 */

/** How long to wait for a frame before running without one. */
export const HIDDEN_FLUSH_MS = 250;

/** Runs `flush` once, before the next frame or after HIDDEN_FLUSH_MS; returns a function that cancels it. */
export function beforeNextFrame(flush: () => void): () => void {
  let done = false;
  const frame = requestAnimationFrame(run);
  const timer = setTimeout(run, HIDDEN_FLUSH_MS);
  function cancel() {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  }
  function run() {
    if (done) return;
    cancel();
    flush();
  }
  return cancel;
}

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { beforeNextFrame, HIDDEN_FLUSH_MS } from './beforeNextFrame';

/** A browser's frame callbacks, run when the test draws a frame. */
let frames: Map<number, () => void>;

beforeEach(() => {
  vi.useFakeTimers();
  frames = new Map();
  let next = 1;
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => {
    frames.set(next, callback);
    return next++;
  });
  vi.stubGlobal('cancelAnimationFrame', (handle: number) => frames.delete(handle));
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

function drawFrame() {
  const callbacks = [...frames.values()];
  frames.clear();
  for (const callback of callbacks) callback();
}

describe('beforeNextFrame', () => {
  it('runs once, at the next frame, and not again when the time-out passes', () => {
    const flush = vi.fn();
    beforeNextFrame(flush);
    expect(flush).not.toHaveBeenCalled();
    drawFrame();
    expect(flush).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(HIDDEN_FLUSH_MS * 2);
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('runs after the time-out when no frame is drawn (a hidden window), and not again at a later frame', () => {
    const flush = vi.fn();
    beforeNextFrame(flush);
    vi.advanceTimersByTime(HIDDEN_FLUSH_MS - 1);
    expect(flush).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(flush).toHaveBeenCalledTimes(1);
    drawFrame();
    expect(flush).toHaveBeenCalledTimes(1);
  });

  it('does not run once cancelled', () => {
    const flush = vi.fn();
    const cancel = beforeNextFrame(flush);
    cancel();
    drawFrame();
    vi.advanceTimersByTime(HIDDEN_FLUSH_MS * 2);
    expect(flush).not.toHaveBeenCalled();
  });
});

/**
 * Runs one tail (`logs.tail`) while the panel is mounted and not stopped: its events go to the feed,
 * what it says about its session to the session state. Unmounting, Stop and a new request (the panel
 * keys a new session) end the stream, which ends the Live Tail session in main.
 */
import { useCallback, useEffect, useReducer, useState } from 'react';
import { INITIAL_TAIL_SESSION, tailSessionReducer } from './tailSession';
import type { TailFeed } from './tailFeed';
import type { TailRequest } from './tailRequest';

export function useTail(request: TailRequest, feed: TailFeed) {
  const [session, dispatch] = useReducer(tailSessionReducer, INITIAL_TAIL_SESSION);
  // Each start is a new object, so starting again runs the effect again.
  const [run, setRun] = useState<{ readonly running: boolean }>({ running: true });

  useEffect(() => {
    if (!run.running) return;
    const unsubscribe = window.api.logs.tail(request, {
      next(update) {
        if (update.type === 'events') feed.receive(update.events, update.sampled);
        else dispatch({ type: 'update', update });
      },
      error(error) {
        feed.flushNow();
        dispatch({ type: 'failed', error, at: Date.now() });
      },
      complete() {
        feed.flushNow();
        dispatch({ type: 'ended', at: Date.now() });
      },
    });
    return () => {
      unsubscribe();
      feed.flushNow();
    };
  }, [request, feed, run]);

  const stop = useCallback(() => {
    setRun({ running: false });
    dispatch({ type: 'stopped', at: Date.now() });
  }, []);

  const start = useCallback(() => {
    dispatch({ type: 'connect' });
    setRun({ running: true });
  }, []);

  return { session, stop, start };
}

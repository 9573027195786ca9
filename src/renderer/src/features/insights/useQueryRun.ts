/**
 * Runs a tab's query through `insights.run` and keeps its state; Stop asks AWS to stop it (StopQuery)
 * and the run ends with AWS's Cancelled. Leaving the tab (unmounting) ends the subscription, which
 * stops the query on the server too.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { QueryRequest, QueryUpdate } from '../../../../shared/contract';
import { isApiError, asApiError } from '../../../../shared/errors';
import { applyUpdate, cancelled, failed, IDLE, isActive, started, type RunState } from './queryRun';

export function useQueryRun(onEnd: (state: RunState, request: QueryRequest) => void) {
  const [state, setState] = useState<RunState>(IDLE);
  const subscription = useRef<(() => void) | null>(null);
  const current = useRef<RunState>(IDLE);
  const onEndRef = useRef(onEnd);
  useEffect(() => {
    onEndRef.current = onEnd;
  });
  const update = (next: RunState) => {
    current.current = next;
    setState(next);
  };

  const request = useRef<QueryRequest | null>(null);
  /** The run is over, however it ended: stop listening, show it, tell the caller (the history). */
  const end = useCallback((final: RunState) => {
    subscription.current?.();
    subscription.current = null;
    update(final);
    if (request.current) onEndRef.current(final, request.current);
  }, []);

  const run = useCallback((next: QueryRequest) => {
    subscription.current?.();
    request.current = next;
    update(started(Date.now()));
    subscription.current = window.api.insights.run(
      { query: next },
      {
        next: (event: QueryUpdate) => {
          const updated = applyUpdate(current.current, event, Date.now());
          if (updated.phase === 'done') end(updated);
          else update(updated);
        },
        error: (error) => end(failed(current.current, isApiError(error) ? error : asApiError(error), Date.now())),
        complete: () => {
          if (current.current.phase !== 'done') end(cancelled(current.current, Date.now()));
        },
      },
    );
  }, [end]);

  const stop = useCallback(() => {
    const state = current.current;
    if (!isActive(state)) return;
    if (state.queryId === undefined) {
      // Not started at AWS yet (waiting for a slot): leaving the line is all there is to do.
      end(cancelled(state, Date.now()));
      return;
    }
    update({ ...state, phase: 'stopping' });
    window.api.insights.stop({ queryId: state.queryId }).catch(() => {
      // AWS could not stop it (it may have just ended): stop listening; leaving stops it once more.
      if (isActive(current.current)) end(cancelled(current.current, Date.now()));
    });
  }, [end]);

  useEffect(() => () => subscription.current?.(), []);

  return { state, run, stop };
}

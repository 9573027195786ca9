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

  const run = useCallback((request: QueryRequest) => {
    subscription.current?.();
    update(started(Date.now()));
    const end = (final: RunState) => {
      subscription.current = null;
      update(final);
      onEndRef.current(final, request);
    };
    subscription.current = window.api.insights.run(
      { query: request },
      {
        next: (event: QueryUpdate) => {
          const next = applyUpdate(current.current, event, Date.now());
          if (next.phase === 'done') end(next);
          else update(next);
        },
        error: (error) => end(failed(current.current, isApiError(error) ? error : asApiError(error), Date.now())),
        complete: () => {
          if (current.current.phase !== 'done') end(cancelled(current.current, Date.now()));
        },
      },
    );
  }, []);

  const stop = useCallback(() => {
    const state = current.current;
    if (!isActive(state)) return;
    if (state.queryId === undefined) {
      // Not started at AWS yet (waiting for a slot): leaving the line is all there is to do.
      subscription.current?.();
      subscription.current = null;
      const final = cancelled(state, Date.now());
      update(final);
      return;
    }
    update({ ...state, phase: 'stopping' });
    window.api.insights.stop({ queryId: state.queryId }).catch(() => {
      // AWS could not stop it (it may have just ended): stop listening; leaving stops it once more.
      subscription.current?.();
      subscription.current = null;
      update(cancelled(current.current, Date.now()));
    });
  }, []);

  useEffect(() => () => subscription.current?.(), []);

  return { state, run, stop };
}

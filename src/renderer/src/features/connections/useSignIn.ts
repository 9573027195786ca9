/**
 * IAM Identity Center sign-in for one connection: subscribes to `connections.signIn` while mounted,
 * which opens the verification page in the system browser and reports the code to confirm there.
 * Unmounting unsubscribes, which cancels the sign-in.
 */
import { useCallback, useEffect, useReducer, useState } from 'react';
import { SIGN_IN_STARTING, signInReducer } from './signInState';

export function useSignIn(connectionId: string) {
  const [state, dispatch] = useReducer(signInReducer, SIGN_IN_STARTING);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let unsubscribe: (() => void) | undefined;
    // Deferred a tick: a mount that is undone at once (React's StrictMode) must not open a browser window.
    const timer = setTimeout(() => {
      unsubscribe = window.api.connections.signIn(
        { connectionId },
        {
          next: (progress) => dispatch({ type: 'progress', progress }),
          error: (error) => dispatch({ type: 'error', error }),
          complete: () => dispatch({ type: 'complete' }),
        },
      );
    }, 0);
    return () => {
      clearTimeout(timer);
      unsubscribe?.();
    };
  }, [connectionId, attempt]);

  /** A new sign-in, with a new code, after one failed or expired. */
  const startAgain = useCallback(() => {
    dispatch({ type: 'restart' });
    setAttempt((count) => count + 1);
  }, []);

  return { state, startAgain };
}

/**
 * "Check connection": who each connection signs in as (`connections.check`), kept per connection
 * while the connections dialog is open. A check that finishes after the dialog closed is dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallerIdentity } from '../../../../shared/contract';
import { asApiError, type ApiError } from '../../../../shared/errors';

export type CheckResult =
  | { readonly status: 'ok'; readonly identity: CallerIdentity; readonly at: number }
  | { readonly status: 'failed'; readonly error: ApiError; readonly at: number };

export type CheckState = { readonly status: 'checking' } | CheckResult;

export function useConnectionChecks() {
  const [checks, setChecks] = useState<Readonly<Record<string, CheckState>>>({});
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  /** Checks a connection; the result, or undefined when the dialog closed meanwhile. */
  const check = useCallback(async (connectionId: string): Promise<CheckResult | undefined> => {
    setChecks((previous) => ({ ...previous, [connectionId]: { status: 'checking' } }));
    let result: CheckResult;
    try {
      const identity = await window.api.connections.check({ connectionId });
      result = { status: 'ok', identity, at: Date.now() };
    } catch (error) {
      result = { status: 'failed', error: asApiError(error), at: Date.now() };
    }
    if (!mounted.current) return undefined;
    setChecks((previous) => ({ ...previous, [connectionId]: result }));
    return result;
  }, []);

  /** Drops the result of a connection that is gone. */
  const forget = useCallback((connectionId: string) => setChecks(({ [connectionId]: _removed, ...rest }) => rest), []);

  return { checks, check, forget };
}

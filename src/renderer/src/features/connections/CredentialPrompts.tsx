/**
 * Shows the MFA and sign-in dialogs for the whole app. Views ask through the context (their error
 * states offer "Enter MFA code" / "Sign in"); besides, any query of the current connection that fails
 * with MfaRequired opens the MFA dialog by itself, since nothing works until the code is entered.
 * Once a code is accepted or the sign-in completes, the connection's failed queries run again.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Scope } from '../../../../shared/contract';
import { connectionKeys } from './connectionKeys';
import { automaticMfaRequest, CredentialPromptsContext, type CredentialPrompts, type CredentialRequest } from './credentialPromptsContext';
import { MfaDialog } from './MfaDialog';
import { retryFailedQueries } from './scopeQueries';
import { SignInDialog } from './SignInDialog';
import './CredentialPrompts.css';

export function CredentialPromptsProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [mfa, setMfa] = useState<CredentialRequest | null>(null);
  const [signIn, setSignIn] = useState<CredentialRequest | null>(null);

  // A query of the connection in use failed for want of an MFA code: ask for it (once, however many failed).
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        if (event.type !== 'updated' || event.action.type !== 'error') return;
        const request = automaticMfaRequest(event.query.queryKey, event.action.error, queryClient.getQueryData<Scope>(connectionKeys.current));
        if (request) setMfa((open) => open ?? request);
      }),
    [queryClient],
  );

  const prompts = useMemo<CredentialPrompts>(
    () => ({
      askForMfaCode: (request) => setMfa(request),
      signIn: (request) => setSignIn(request),
    }),
    [],
  );

  const finish = useCallback(
    (request: CredentialRequest) => {
      void retryFailedQueries(queryClient, request.connectionId);
      request.onDone?.();
    },
    [queryClient],
  );

  const closeMfa = useCallback(() => setMfa(null), []);
  const closeSignIn = useCallback(() => setSignIn(null), []);
  const mfaAccepted = useCallback(() => {
    if (!mfa) return;
    setMfa(null);
    finish(mfa);
  }, [mfa, finish]);
  const signedIn = useCallback(() => {
    if (!signIn) return;
    setSignIn(null);
    finish(signIn);
  }, [signIn, finish]);

  return (
    <CredentialPromptsContext.Provider value={prompts}>
      {children}
      {signIn && <SignInDialog key={signIn.connectionId} request={signIn} onCancel={closeSignIn} onSignedIn={signedIn} />}
      {mfa && <MfaDialog key={mfa.connectionId} request={mfa} onCancel={closeMfa} onAccepted={mfaAccepted} />}
    </CredentialPromptsContext.Provider>
  );
}

/**
 * IAM Identity Center sign-in (device authorization) for an SSO profile: signs in while open (see
 * useSignIn), showing the code to confirm in the browser and how long it stays valid. Closing the
 * dialog cancels the sign-in.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { describeError, titleInSentence } from '../../api/errorText';
import { Dialog, DialogBody, DialogFooter } from '../../components/Dialog';
import { AlertIcon, CheckIcon, CopyIcon, ExternalLinkIcon } from '../../components/icons';
import { useCopy } from '../../components/useCopy';
import type { CredentialRequest } from './credentialPromptsContext';
import { formatRemaining, remainingInWords } from './signInState';
import { useSignIn } from './useSignIn';

interface SignInDialogProps {
  readonly request: CredentialRequest;
  readonly onCancel: () => void;
  readonly onSignedIn: () => void;
}

export function SignInDialog({ request, onCancel, onSignedIn }: SignInDialogProps) {
  const { state, startAgain } = useSignIn(request.connectionId);
  const { copy, stateOf } = useCopy();
  const descriptionId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const now = useNow(state.phase === 'authorize');

  const signedIn = state.phase === 'signed-in';
  useEffect(() => {
    if (signedIn) onSignedIn();
  }, [signedIn, onSignedIn]);

  const remaining = state.phase === 'authorize' ? state.expiresAt - now : 0;
  const expired = state.phase === 'authorize' && remaining <= 0;
  const copyState = stateOf('user-code');

  return (
    <Dialog title="Sign in to IAM Identity Center" subtitle={`For ${request.connectionName}`} size="medium" onClose={onCancel} describedBy={descriptionId} initialFocusRef={cancelRef}>
      <DialogBody className="sign-in">
        {state.phase === 'starting' && (
          <div className="sign-in-waiting" role="status" id={descriptionId}>
            <span className="spinner" aria-hidden="true" />
            <p>Starting the sign-in…</p>
          </div>
        )}

        {state.phase === 'authorize' && !expired && (
          <>
            <p id={descriptionId}>
              <strong>A browser window opened; confirm the code there.</strong> Check that the page shows the same code
              before you allow access.
            </p>
            <div className="user-code-box">
              <span className="user-code-label" id={`${descriptionId}-code`}>
                Code
              </span>
              <output className="user-code mono" aria-labelledby={`${descriptionId}-code`}>
                {state.userCode}
              </output>
              <button type="button" className="button button-quiet" onClick={() => void copy('user-code', state.userCode)}>
                {copyState === 'copied' ? <CheckIcon /> : <CopyIcon />}
                {copyState === 'copied' ? 'Copied' : copyState === 'failed' ? 'Copy failed' : 'Copy code'}
              </button>
            </div>
            <p>
              No browser window? Open{' '}
              <a className="external-link" href={state.verificationUriComplete} target="_blank" rel="noreferrer">
                {state.verificationUri}
                <ExternalLinkIcon />
              </a>{' '}
              and enter the code.
            </p>
            <p className="sign-in-countdown" role="timer">
              <span aria-hidden="true">
                The code expires in <span className="numeric">{formatRemaining(remaining)}</span>
              </span>
              <span className="visually-hidden">The code expires in {remainingInWords(remaining)}</span>
            </p>
          </>
        )}

        {expired && (
          <div className="notice notice-warning" role="alert" id={descriptionId}>
            <AlertIcon />
            <div className="notice-body">
              <p className="notice-title">The code expired</p>
              <p>It was not confirmed in time. Start again to get a new code.</p>
            </div>
          </div>
        )}

        {state.phase === 'signed-in' && (
          <p role="status" id={descriptionId}>
            Signed in.
          </p>
        )}

        {state.phase === 'failed' && <SignInFailure error={state.error} id={descriptionId} />}
      </DialogBody>
      <DialogFooter>
        <button ref={cancelRef} type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
        {(state.phase === 'failed' || expired) && (
          <button type="button" className="button" onClick={startAgain}>
            Start again
          </button>
        )}
      </DialogFooter>
    </Dialog>
  );
}

function SignInFailure({ error, id }: { error: unknown; id: string }) {
  const text = describeError(error);
  return (
    <div className="notice notice-error" role="alert" id={id}>
      <AlertIcon />
      <div className="notice-body">
        <p className="notice-title">Sign-in failed: {titleInSentence(text.title)}</p>
        <p>{text.message}</p>
        {text.reference && <p className="state-reference">{text.reference}</p>}
      </div>
    </div>
  );
}

/** The current time, ticking every second while `running`. */
function useNow(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const tick = () => setNow(Date.now());
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [running]);
  return now;
}

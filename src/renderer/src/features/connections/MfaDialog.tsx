/**
 * Asks for the code of the MFA device a role needs, hands it to main (`connections.provideMfaCode`,
 * which assumes the role with it), and reports back. A rejected code keeps the dialog open.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { asApiError } from '../../../../shared/errors';
import { describeError } from '../../api/errorText';
import { Dialog, DialogBody, DialogFooter } from '../../components/Dialog';
import { AlertIcon } from '../../components/icons';
import { mfaCodeError } from './connectionForm';
import { useProvideMfaCode } from './connectionMutations';
import type { CredentialRequest } from './credentialPromptsContext';

interface MfaDialogProps {
  readonly request: CredentialRequest;
  readonly onCancel: () => void;
  readonly onAccepted: () => void;
}

export function MfaDialog({ request, onCancel, onAccepted }: MfaDialogProps) {
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState<string>();
  const provide = useProvideMfaCode();
  const pending = provide.isPending || provide.isSuccess;
  const inputRef = useRef<HTMLInputElement>(null);
  const ids = { description: useId(), hint: useId(), error: useId(), input: useId() };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    const problem = mfaCodeError(request.connectionId, code);
    setInvalid(problem);
    if (problem) {
      inputRef.current?.focus();
      return;
    }
    try {
      await provide.mutateAsync({ connectionId: request.connectionId, code: code.trim() });
    } catch {
      // A code works once: start over with an empty field (the failure shows below it).
      setCode('');
      inputRef.current?.focus();
      return;
    }
    onAccepted();
  }

  const failure = provide.error;
  const failureText = failure === null ? undefined : describeError(failure);
  const rejected = failure !== null && asApiError(failure).code === 'MfaRequired';

  return (
    <Dialog title="Enter MFA code" subtitle={`For ${request.connectionName}`} size="small" onClose={onCancel} describedBy={ids.description} initialFocusRef={inputRef}>
      <form className="dialog-form" noValidate onSubmit={(event) => void submit(event)}>
        <DialogBody>
          <p id={ids.description}>{request.message ?? 'This role needs a code from your MFA device. Enter the code to continue.'}</p>
          <div className="field">
            <label className="field-label" htmlFor={ids.input}>
              MFA code
            </label>
            <input
              ref={inputRef}
              id={ids.input}
              className="input mono mfa-input"
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              spellCheck={false}
              maxLength={12}
              placeholder="123456"
              value={code}
              aria-invalid={invalid ? true : undefined}
              aria-describedby={invalid ? `${ids.hint} ${ids.error}` : ids.hint}
              // Pasted codes often carry spaces ("123 456"): keep the digits.
              onChange={(event) => {
                setCode(event.target.value.replace(/\D/g, '').slice(0, 6));
                setInvalid(undefined);
              }}
            />
            <p id={ids.hint} className="field-hint">
              The 6 digits your authenticator app or device shows now.
            </p>
            {invalid && (
              <p id={ids.error} className="field-error">
                {invalid}
              </p>
            )}
          </div>
          {failureText && (
            <div className="notice notice-error" role="alert">
              <AlertIcon />
              <div className="notice-body">
                <p className="notice-title">{rejected ? 'The code was not accepted' : failureText.title}</p>
                <p>{failureText.message}</p>
                {failureText.reference && <p className="state-reference">{failureText.reference}</p>}
              </div>
            </div>
          )}
        </DialogBody>
        <DialogFooter>
          <button type="button" className="button button-quiet" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button" aria-disabled={pending || undefined}>
            {pending && <span className="spinner spinner-small" aria-hidden="true" />}
            {pending ? 'Checking…' : 'Continue'}
          </button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}

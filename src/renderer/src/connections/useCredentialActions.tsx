/**
 * The button that fixes a credential error where it is shown: "Sign in" for an expired IAM Identity
 * Center sign-in, "Enter MFA code" for a role that needs one. Used by every error state.
 */
import type { ReactNode } from 'react';
import { credentialAction } from '../api/errorText';
import { asApiError } from '../../../shared/errors';
import { useCredentialPrompts } from './credentialPromptsContext';
import { useOptionalScope } from '../app/scope';

/** For an error of `connection` (the current scope's connection when not given); undefined when there is nothing to offer. */
export function useCredentialActions(error: unknown, connection?: { readonly id: string; readonly name: string }): ReactNode {
  const prompts = useCredentialPrompts();
  const loaded = useOptionalScope();
  const action = credentialAction(error);
  const target = connection ?? loaded?.scope.connection;
  if (!prompts || !action || !target) return undefined;
  const request = { connectionId: target.id, connectionName: target.name, message: asApiError(error).message };
  return action === 'sign-in' ? (
    <button type="button" className="button" onClick={() => prompts.signIn(request)}>
      Sign in
    </button>
  ) : (
    <button type="button" className="button" onClick={() => prompts.askForMfaCode(request)}>
      Enter MFA code
    </button>
  );
}

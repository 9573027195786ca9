/**
 * Fills the error states' credential actions (components/credentialActions.ts) for one connection:
 * "Sign in" for an expired IAM Identity Center sign-in, "Enter MFA code" for a role that needs one.
 */
import { useCallback, type ReactNode } from 'react';
import { asApiError } from '../../../../shared/errors';
import { credentialAction } from '../../api/errorText';
import { CredentialActionsContext, type CredentialActions } from '../../components/credentialActions';
import { useCredentialPrompts } from './credentialPromptsContext';

interface CredentialActionsProviderProps {
  /** The connection whose errors the wrapped views show. */
  readonly connection: { readonly id: string; readonly name: string };
  readonly children: ReactNode;
}

export function CredentialActionsProvider({ connection, children }: CredentialActionsProviderProps) {
  const prompts = useCredentialPrompts();
  const { id, name } = connection;
  const actions = useCallback<CredentialActions>(
    (error) => {
      const action = credentialAction(error);
      if (!prompts || !action) return undefined;
      const request = { connectionId: id, connectionName: name, message: asApiError(error).message };
      return action === 'sign-in' ? (
        <button type="button" className="button" onClick={() => prompts.signIn(request)}>
          Sign in
        </button>
      ) : (
        <button type="button" className="button" onClick={() => prompts.askForMfaCode(request)}>
          Enter MFA code
        </button>
      );
    },
    [prompts, id, name],
  );
  return <CredentialActionsContext.Provider value={actions}>{children}</CredentialActionsContext.Provider>;
}

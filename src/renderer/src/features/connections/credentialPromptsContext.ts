/**
 * The app-wide prompts that fix credential errors in place: the MFA code dialog and the IAM Identity
 * Center sign-in dialog. Any view (or the connections dialog) asks for one through this context; the
 * provider shows it and, once it succeeds, retries the connection's failed work.
 */
import { createContext, useContext } from 'react';
import type { Scope } from '../../../../shared/contract';
import { asApiError } from '../../../../shared/errors';
import { credentialAction } from '../../api/errorText';

export interface CredentialRequest {
  readonly connectionId: string;
  readonly connectionName: string;
  /** The error's message, which for MfaRequired names the MFA device. */
  readonly message?: string;
  /** Runs after the code was accepted or the sign-in completed, besides retrying failed queries. */
  readonly onDone?: () => void;
}

export interface CredentialPrompts {
  askForMfaCode(request: CredentialRequest): void;
  signIn(request: CredentialRequest): void;
}

export const CredentialPromptsContext = createContext<CredentialPrompts | null>(null);

/** The prompts; null outside the provider (then views simply offer no such action). */
export function useCredentialPrompts(): CredentialPrompts | null {
  return useContext(CredentialPromptsContext);
}

/**
 * Whether a failed query should open the MFA dialog by itself: it failed for want of an MFA code and
 * it is AWS data of the connection in use (not a leftover of another scope, not the connection list).
 */
export function automaticMfaRequest(queryKey: readonly unknown[], error: unknown, scope: Scope | undefined): CredentialRequest | undefined {
  if (credentialAction(error) !== 'mfa' || !scope) return undefined;
  const [kind, connectionId] = queryKey;
  if (kind !== 'scoped' || connectionId !== scope.connection.id) return undefined;
  return { connectionId: scope.connection.id, connectionName: scope.connection.name, message: asApiError(error).message };
}

/**
 * The slot for what an error state offers to fix a credential error in place ("Sign in", "Enter MFA
 * code"). Components know nothing about connections: the app fills the slot with the connections
 * feature's buttons around the views. Outside it, error states offer no such action.
 */
import { createContext, useContext, type ReactNode } from 'react';

/** The buttons that fix `error`, or nothing when it is not a credential error. */
export type CredentialActions = (error: unknown) => ReactNode;

export const CredentialActionsContext = createContext<CredentialActions>(() => undefined);

export function useCredentialActions(error: unknown): ReactNode {
  return useContext(CredentialActionsContext)(error);
}

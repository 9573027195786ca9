/**
 * The calls that change connections or credentials, with the pending state and error the dialogs
 * show. After success a dialog stays busy until its owner replaces it.
 */
import { useMutation } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { Connection } from '../../../../shared/contract';
import type { CreateRequest, UpdateRequest } from './connectionForm';

export type SaveConnection = { readonly kind: 'create'; readonly request: CreateRequest } | { readonly kind: 'update'; readonly request: UpdateRequest };

export type SaveState = { readonly status: 'idle' | 'saving' | 'saved' } | { readonly status: 'failed'; readonly error: unknown };

/**
 * `connections.create` or `connections.update`; `save` resolves to the stored connection. Not a
 * React Query mutation: a mutation keeps its variables, and these carry the secret access key,
 * which must not stay anywhere in the page once main has it.
 */
export function useSaveConnection() {
  const [state, setState] = useState<SaveState>({ status: 'idle' });
  const save = useCallback(async (toSave: SaveConnection): Promise<Connection> => {
    setState({ status: 'saving' });
    try {
      const saved = await (toSave.kind === 'create' ? window.api.connections.create(toSave.request) : window.api.connections.update(toSave.request));
      setState({ status: 'saved' });
      return saved;
    } catch (error) {
      setState({ status: 'failed', error });
      throw error;
    }
  }, []);
  return { state, save };
}

/** `connections.delete`: a connection created in the app, with its secret in the keychain. */
export function useDeleteConnection() {
  return useMutation({ mutationFn: (connectionId: string) => window.api.connections.delete({ connectionId }) });
}

/** `connections.provideMfaCode`: main assumes the role with the code. */
export function useProvideMfaCode() {
  return useMutation({
    mutationFn: (request: { connectionId: string; code: string }) => window.api.connections.provideMfaCode(request),
  });
}

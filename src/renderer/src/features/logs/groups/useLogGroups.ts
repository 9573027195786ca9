/** Every log group of the current scope (the list every view shares, api/useLogGroups.ts). */
import { useScope } from '../../../app/scope';
import { useLogGroups as useScopeLogGroups } from '../../../api/useLogGroups';

export function useLogGroups() {
  return useScopeLogGroups(useScope().key);
}

/** The favourite and recently opened groups of the current connection and region (shared with other views). */
import { useScope } from '../../../app/scope';
import { useGroupPreferences as useScopeGroupPreferences } from '../../../components/group-preferences/useGroupPreferences';

export function useGroupPreferences() {
  return useScopeGroupPreferences(useScope().key);
}

/** The favourite and recently opened groups of the current connection and region, kept in local storage. */
import { useStoredValue } from '../../../components/useStoredValue';
import { useScope } from '../../../app/scope';
import { parseGroupPreferences } from './groupPreferences';

export function useGroupPreferences() {
  const { key } = useScope();
  const [, connectionId, region] = key;
  return useStoredValue(`cloudscope.logs.groupPreferences.${connectionId}.${region}`, parseGroupPreferences);
}

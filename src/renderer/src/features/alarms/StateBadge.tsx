/** An alarm's state as a coloured word. */
import type { AlarmState } from '../../../../shared/contract';
import { STATE_LABELS } from './alarmText';

export function StateBadge({ state }: { readonly state: AlarmState | undefined }) {
  if (!state) return <span className="alarm-state alarm-state-unknown">Not found</span>;
  return <span className={`alarm-state alarm-state-${state.toLowerCase().replace('_', '-')}`}>{STATE_LABELS[state]}</span>;
}

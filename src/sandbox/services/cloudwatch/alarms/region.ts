/** The stores an alarm operation or evaluation works with in one region. */
import type { RequestContext } from '../../../core/context';
import type { RegionState } from '../../../state';
import { SNS_STORE } from '../../sns/store';
import type { AlarmRegion } from './actions';
import { ALARMS_STORE } from './store';

export function alarmRegion(state: RegionState): AlarmRegion {
  return { alarms: state.store(ALARMS_STORE), sns: state.store(SNS_STORE), region: state.region, accountId: state.accountId };
}

export function alarmRegionOf(context: RequestContext): AlarmRegion {
  return alarmRegion(context.state);
}

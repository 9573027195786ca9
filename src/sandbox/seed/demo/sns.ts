/**
 * SNS SMS delivery status logs (sign-in codes sent by text), which SNS writes to groups it names
 * itself, without a leading slash: `sns/<region>/<account>/DirectPublishToPhoneNumber[/Failure]`.
 */
import type { SeedLogGroup } from '../types';
import { Random } from './random';
import { ACCOUNT_ID, type Scenario, type StreamBuilder, add, arrivals, historyStart, load, logGroup, stream } from './scenario';
import { HOUR, spacedMillis } from './time';

const CARRIERS = [['T-Mobile USA', 310, 260], ['Verizon Wireless', 311, 480], ['AT&T Wireless', 310, 410], ['Rogers Wireless', 302, 720]] as const;

export function snsLogGroups(s: Scenario): SeedLogGroup[] {
  const rng = new Random('sns-sms');
  const name = `sns/us-east-1/${ACCOUNT_ID}/DirectPublishToPhoneNumber`;
  // SNS spreads deliveries over a handful of streams.
  const success: StreamBuilder[] = Array.from({ length: 3 }, () => stream(rng.uuid()));
  const failure = stream(rng.uuid());
  for (const t of arrivals(rng, historyStart(s), s.now - HOUR, (t) => 3 * load(t, 'us-east-1'))) {
    const [carrier, mcc, mnc] = rng.pick(CARRIERS);
    const failed = rng.chance(0.04);
    const dwell = rng.int(80, 600);
    const record = {
      notification: { messageId: rng.uuid(), timestamp: spacedMillis(t) },
      delivery: {
        phoneCarrier: carrier,
        mnc,
        numberOfMessageParts: 1,
        destination: `+1${rng.int(200, 989)}555${String(rng.int(0, 9999)).padStart(4, '0')}`,
        priceInUSD: failed ? 0 : 0.00581,
        smsType: 'Transactional',
        mcc,
        providerResponse: failed ? 'Phone carrier has blocked this message' : 'Message has been accepted by phone carrier',
        dwellTimeMs: dwell,
        ...(failed ? {} : { dwellTimeMsUntilDeviceAck: dwell + rng.int(900, 6000) }),
      },
      status: failed ? 'FAILURE' : 'SUCCESS',
    };
    add(failed ? failure : rng.pick(success), t + dwell, JSON.stringify(record));
  }
  return [
    logGroup(s, { name, createdDaysAgo: 402 }, success),
    logGroup(s, { name: `${name}/Failure`, createdDaysAgo: 402 }, [failure]),
  ];
}

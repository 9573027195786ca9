/**
 * Tallybird's own audit trail of merchant account changes: JSON, a stream per day, kept forever
 * and encrypted with a customer-managed key. A month of history.
 */
import type { SeedLogGroup } from '../types';
import { Random } from './random';
import { type Scenario, type StreamBuilder, add, arrivals, historyStart, kmsKeyArn, load, logGroup, stream } from './scenario';
import { isoDate, isoTime } from './time';

const HISTORY_DAYS = 30;
const ACTIONS = [
  ['user.login', 30],
  ['user.login_failed', 4],
  ['user.mfa_enabled', 1],
  ['staff.invited', 2],
  ['staff.role_changed', 1],
  ['api_key.created', 2],
  ['api_key.revoked', 1],
  ['payout_account.updated', 1],
  ['settings.tax.updated', 1],
  ['webhook_endpoint.created', 1],
  ['refund.issued', 6],
  ['order.export_requested', 3],
] as const;

export function auditLogGroup(s: Scenario): SeedLogGroup {
  const rng = new Random('audit');
  const streams: StreamBuilder[] = [];
  let current: StreamBuilder | undefined;
  for (const t of arrivals(rng, historyStart(s, undefined, HISTORY_DAYS), s.now, (t) => 6 * load(t, 'us-east-1'))) {
    const day = isoDate(t);
    if (current?.name !== day) streams.push((current = stream(day)));
    const action = rng.weighted(ACTIONS);
    const result = action === 'user.login_failed' ? 'denied' : 'success';
    add(
      current,
      t,
      `{"time":"${isoTime(t)}","action":"${action}","result":"${result}","actor":{"type":"user","id":"${rng.pickSkewed(s.users)}"},` +
        `"merchantId":"${rng.pickSkewed(s.merchants)}","ip":"${rng.pickSkewed(s.clientIps)}","requestId":"${rng.uuid()}"}`,
    );
  }
  return logGroup(s, { name: '/tallybird/prod/audit', createdDaysAgo: 480, kmsKeyId: kmsKeyArn('us-east-1', 'a91f3c07-5e2d-4b8a-8c61-f04e29d7b5e3') }, streams);
}

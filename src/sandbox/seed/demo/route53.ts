/**
 * Route 53 public DNS query logs for tallybird.io (they can only go to us-east-1), one stream per
 * hosted zone and edge location:
 * `version timestamp zone-id query-name type response-code protocol edge-location resolver-ip edns-client-subnet`.
 */
import type { SeedLogGroup } from '../types';
import { Random } from './random';
import { type Scenario, type StreamBuilder, add, arrivals, historyStart, load, logGroup, stream } from './scenario';
import { isoTime } from './time';

const RETENTION_DAYS = 5;
const ZONE = 'Z0398127QFXB3GT7D2H1';
const EDGES = ['IAD89-C3', 'IAD12-P1', 'JFK50-C1', 'ORD52-C2', 'DFW56-P3', 'ATL59-P1', 'SFO5-P2', 'SEA19-C2', 'YTO50-C1', 'LHR61-P5', 'FRA56-C2'];
const QUERIES = [
  ['app.tallybird.io A', 30],
  ['app.tallybird.io AAAA', 14],
  ['api.tallybird.io A', 16],
  ['api.tallybird.io AAAA', 6],
  ['tallybird.io A', 6],
  ['www.tallybird.io CNAME', 5],
  ['tallybird.io MX', 2],
  ['tallybird.io TXT', 1],
  ['_dmarc.tallybird.io TXT', 1],
  ['status.tallybird.io CNAME', 1],
] as const;
const RESOLVERS = ['172.253.', '74.125.', '162.158.', '172.68.', '10.128.', '208.67.'];

export function route53LogGroup(s: Scenario): SeedLogGroup {
  const rng = new Random('route53');
  const streams = new Map<string, StreamBuilder>();
  for (const t of arrivals(rng, historyStart(s, RETENTION_DAYS), s.now, (t) => 220 * load(t, 'us-east-1'))) {
    const edge = rng.pickSkewed(EDGES);
    let st = streams.get(edge);
    if (!st) streams.set(edge, (st = stream(`${ZONE}/${edge}`)));
    let query: string = rng.weighted(QUERIES);
    let code = 'NOERROR';
    if (rng.chance(0.03)) {
      query = `${rng.pick(['staging', 'admin', 'mail', 'vpn', 'dev', 'jenkins', 'grafana'])}.tallybird.io A`;
      code = 'NXDOMAIN';
    }
    const client = rng.pickSkewed(s.clientIps);
    const subnet = rng.chance(0.6) ? `${client.slice(0, client.lastIndexOf('.'))}.0/24` : '-';
    add(st, t, `1.0 ${isoTime(t)} ${ZONE} ${query} ${code} ${rng.chance(0.97) ? 'UDP' : 'TCP'} ${edge} ${rng.pick(RESOLVERS)}${rng.int(0, 255)}.${rng.int(1, 254)} ${subnet}`);
  }
  return logGroup(s, { name: '/aws/route53/tallybird.io', retentionInDays: RETENTION_DAYS, createdDaysAgo: 390 }, [...streams.values()]);
}

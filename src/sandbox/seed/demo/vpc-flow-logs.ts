/**
 * VPC flow logs in the default (version 2) format, one stream per network interface
 * (`eni-…-all`), aggregated over 10-minute windows:
 * `version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status`.
 * Anything with a public address is probed by internet scanners, which the security groups reject.
 */
import type { SeedLogGroup } from '../types';
import { Random } from './random';
import { ACCOUNT_ID, type Region, type Scenario, type StreamBuilder, add, historyStart, inIncident, load, logGroup, sortEvents, stream } from './scenario';
import { MINUTE, SECOND } from './time';

const RETENTION_DAYS = 14;
const WINDOW = 10 * MINUTE;

interface Flow {
  readonly peer: () => string;
  /** Inbound: the peer connects to this interface's port; outbound: this interface connects to the peer's. */
  readonly inbound: boolean;
  readonly port: number;
}

interface Interface {
  readonly stream: StreamBuilder;
  readonly id: string;
  readonly ip: string;
  readonly flows: readonly (readonly [Flow, number])[];
  /** Flows per window at peak traffic. */
  readonly perWindow: number;
  /** Has a public address: internet scanners knock and are rejected. */
  readonly exposed: boolean;
}

const SCAN_PORTS = [22, 23, 3389, 445, 1433, 5900, 8080, 6379, 2375, 9200];

export function vpcFlowLogGroup(s: Scenario, region: Region): SeedLogGroup {
  const rng = new Random(`vpc-flow-logs/${region}`);
  const from = historyStart(s, RETENTION_DAYS);
  const scale = region === 'us-east-1' ? 0.8 : 0.25;
  const eni = (ip: string, perWindow: number, exposed: boolean, flows: Interface['flows']): Interface => {
    const id = `eni-0${rng.hex(16)}`;
    return { stream: stream(`${id}-all`), id, ip, flows, perWindow: perWindow * scale, exposed };
  };
  const internet = () => rng.pickSkewed(s.clientIps);
  const subnet = (n: number) => () => `10.0.${n}.${rng.int(10, 250)}`;
  const awsEndpoint = () => `${rng.pick(['52.216', '54.231', '3.5', '52.94'])}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
  const inbound = (peer: () => string, port: number): Flow => ({ peer, inbound: true, port });
  const outbound = (peer: () => string, port: number): Flow => ({ peer, inbound: false, port });

  const interfaces: Interface[] = [
    eni('10.0.1.87', 10, true, [[inbound(internet, 443), 10], [outbound(subnet(11), 80), 6]]), // load balancer, subnet a
    eni('10.0.2.143', 10, true, [[inbound(internet, 443), 10], [outbound(subnet(12), 80), 6]]), // load balancer, subnet b
    eni('10.0.11.52', 8, false, [[inbound(subnet(1), 80), 6], [outbound(subnet(21), 8080), 5]]), // web tier
    eni('10.0.12.196', 8, false, [[inbound(subnet(2), 80), 6], [outbound(subnet(21), 8080), 5]]), // web tier
    eni('10.0.0.24', 9, true, [[outbound(awsEndpoint, 443), 8], [outbound(internet, 443), 3]]), // NAT gateway
    eni('10.0.51.18', 6, false, [[inbound(subnet(21), 5432), 6], [inbound(subnet(22), 5432), 3], [inbound(subnet(31), 5432), 4]]), // Aurora writer
    eni('10.0.52.77', 2, false, [[inbound(subnet(41), 5432), 3], [inbound(subnet(31), 5432), 1]]), // Aurora reader
    eni('10.0.0.201', 0.3, true, [[inbound(() => '203.0.113.24', 22), 1]]), // bastion: SSH from the office only
  ];

  for (const nic of interfaces) {
    for (let window = Math.ceil(from / WINDOW) * WINDOW; window + WINDOW <= s.now; window += WINDOW) {
      // Lambda cold starts and retries hammer the database during the incident.
      const busy = load(window, region) * (nic.ip === '10.0.51.18' && inIncident(s, window) ? 4 : 1);
      const count = Math.round(nic.perWindow * busy * rng.float(0.6, 1.4));
      if (count === 0 && !nic.exposed) {
        const sec = Math.floor(window / SECOND);
        add(nic.stream, window, `2 ${ACCOUNT_ID} ${nic.id} - - - - - - - ${sec} ${sec + 600} - NODATA`);
        continue;
      }
      for (let i = 0; i < count; i++) {
        const flow = rng.weighted(nic.flows);
        const ephemeral = rng.int(32768, 60999);
        const packets = rng.int(3, 400);
        const addresses = flow.inbound ? `${flow.peer()} ${nic.ip} ${ephemeral} ${flow.port}` : `${nic.ip} ${flow.peer()} ${ephemeral} ${flow.port}`;
        record(nic, window, `${addresses} 6 ${packets} ${packets * rng.int(60, 1400)}`, 'ACCEPT');
      }
      if (nic.exposed) {
        for (let i = rng.int(0, 4); i > 0; i--) {
          const scanner = `${rng.pick([45, 80, 89, 141, 162, 185, 193, 194])}.${rng.int(1, 254)}.${rng.int(1, 254)}.${rng.int(1, 254)}`;
          const udp = rng.chance(0.1);
          record(nic, window, `${scanner} ${nic.ip} ${rng.int(1024, 65535)} ${rng.pick(SCAN_PORTS)} ${udp ? 17 : 6} 1 ${udp ? 60 : 40}`, 'REJECT');
        }
      }
    }
  }

  function record(nic: Interface, window: number, traffic: string, action: string): void {
    const first = window + rng.int(0, WINDOW - 2 * MINUTE);
    const firstSec = Math.floor(first / SECOND);
    add(nic.stream, first, `2 ${ACCOUNT_ID} ${nic.id} ${traffic} ${firstSec} ${firstSec + rng.int(1, 90)} ${action} OK`);
  }

  const streams = interfaces.map((i) => i.stream);
  sortEvents(streams);
  return logGroup(
    s,
    { name: '/aws/vpc/flowlogs', retentionInDays: RETENTION_DAYS, createdDaysAgo: region === 'us-east-1' ? 455 : 210, logGroupClass: 'INFREQUENT_ACCESS' },
    streams,
  );
}

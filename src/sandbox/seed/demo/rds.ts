/**
 * Aurora PostgreSQL error logs, one stream per instance, with RDS's log_line_prefix
 * `%t:%r:%u@%d:[%p]:`. Connections are logged; statements slower than 1 s are logged. During the
 * incident the writer refuses connections.
 */
import type { SeedLogGroup } from '../types';
import { Random } from './random';
import { type Region, type Scenario, type StreamBuilder, add, arrivals, historyStart, load, logGroup, schedule, sortEvents, stream } from './scenario';
import { HOUR, MINUTE, SECOND, pgTime } from './time';

const RETENTION_DAYS = 7;

const SLOW_QUERIES = [
  "SELECT o.*, json_agg(i.*) AS items FROM orders o JOIN order_items i ON i.order_id = o.id WHERE o.merchant_id = $1 AND o.status = 'open' GROUP BY o.id ORDER BY o.created_at DESC LIMIT 50",
  "SELECT date_trunc('day', created_at) AS day, sum(total_cents) FROM orders WHERE merchant_id = $1 AND created_at > now() - interval '30 days' GROUP BY 1 ORDER BY 1",
  'UPDATE inventory_items SET quantity = quantity - $1 WHERE sku = $2 AND merchant_id = $3 RETURNING quantity',
  'SELECT * FROM order_events WHERE order_id = ANY($1) ORDER BY created_at',
  'INSERT INTO order_events (order_id, type, payload, created_at) VALUES ($1, $2, $3, now())',
];

const REPORT_QUERY =
  "SELECT merchant_id, date_trunc('day', created_at) AS day, count(*), sum(total_cents), sum(refunded_cents) FROM orders WHERE created_at >= $1 AND created_at < $2 GROUP BY 1, 2";

interface Client {
  readonly user: string;
  readonly app: string;
  readonly subnet: number;
}

interface Session {
  readonly client: Client;
  readonly host: string;
  readonly port: number;
  readonly pid: number;
}

/** `%t:%r:%u@%d:[%p]:`; background workers have no client, and a new connection no user yet. */
function prefix(t: number, conn: Session | number, authenticated = true): string {
  if (typeof conn === 'number') return `${pgTime(t)}::@:[${conn}]:`;
  const who = authenticated ? `${conn.client.user}@tallybird` : '[unknown]@[unknown]';
  return `${pgTime(t)}:${conn.host}(${conn.port}):${who}:[${conn.pid}]:`;
}

const CLIENTS: readonly (readonly [Client, number])[] = [
  [{ user: 'orders_app', app: 'orders-service', subnet: 21 }, 5],
  [{ user: 'payments_app', app: 'payments-service', subnet: 22 }, 3],
  [{ user: 'lambda_app', app: 'tallybird-lambda', subnet: 31 }, 4],
  [{ user: 'reporting_ro', app: 'metabase', subnet: 41 }, 1],
];

export function rdsLogGroup(s: Scenario, region: Region): SeedLogGroup {
  const cluster = region === 'us-east-1' ? 'tallybird-prod' : 'tallybird-eu';
  const rng = new Random(`rds/${region}`);
  const from = historyStart(s, RETENTION_DAYS);
  const writer = stream(`${cluster}-instance-1`);
  const reader = stream(`${cluster}-instance-2`);
  const affected = region === 'us-east-1';
  const scale = region === 'us-east-1' ? 1 : 0.3;
  // Backend pids climb steadily with new connections, and wrap.
  const pidAt = (t: number) => 1000 + ((Math.floor(t / 9000) + rng.int(0, 30)) % 98_000);
  const session = (client: Client, t: number): Session => ({
    client,
    host: `10.0.${client.subnet}.${rng.int(10, 250)}`,
    port: rng.int(32768, 60999),
    pid: pidAt(t),
  });

  // Connections: pooled services reconnect now and then, Lambda cold starts connect every time.
  for (const t of arrivals(rng, from, s.now, (t) => 40 * scale * load(t, region))) {
    const conn = session(rng.weighted(CLIENTS), t);
    const { user, app } = conn.client;
    const st = user === 'reporting_ro' ? reader : writer;
    add(st, t, `${prefix(t, conn, false)}LOG:  connection received: host=${conn.host} port=${conn.port}`);
    add(st, t + 4, `${prefix(t + 4, conn)}LOG:  connection authorized: user=${user} database=tallybird application_name=${app} SSL enabled (protocol=TLSv1.3, cipher=TLS_AES_256_GCM_SHA384, bits=256)`);
    if (rng.chance(0.3)) {
      const end = t + rng.int(MINUTE, 40 * MINUTE);
      if (end < s.now) {
        const duration = new Date(end - t).toISOString().slice(12, 23); // 0:12:31.482
        add(st, end, `${prefix(end, conn)}LOG:  disconnection: session time: ${duration} user=${user} database=tallybird host=${conn.host} port=${conn.port}`);
      }
    } else if (rng.chance(0.02)) {
      const end = t + rng.int(1, 600) * SECOND;
      if (end < s.now) add(st, end, `${prefix(end, conn)}LOG:  could not receive data from client: Connection reset by peer`);
    }
  }

  // Slow statements and the odd constraint violation.
  for (const t of arrivals(rng, from, s.now, (t) => 12 * scale * load(t, region))) {
    const conn = session(rng.weighted(CLIENTS), t);
    if (rng.chance(0.12)) {
      const key = `${rng.pick(s.merchants)}:${rng.hex(16)}`;
      add(writer, t, `${prefix(t, conn)}ERROR:  duplicate key value violates unique constraint "payments_idempotency_key_key"`);
      add(writer, t, `${prefix(t, conn)}DETAIL:  Key (idempotency_key)=(${key}) already exists.`);
      add(writer, t, `${prefix(t, conn)}STATEMENT:  INSERT INTO payments (id, order_id, idempotency_key, amount_cents, currency, status) VALUES ($1, $2, $3, $4, $5, $6)`);
      continue;
    }
    const duration = (1000 + rng.exponential(900)).toFixed(3);
    add(conn.client.user === 'reporting_ro' ? reader : writer, t, `${prefix(t, conn)}LOG:  duration: ${duration} ms  execute <unnamed>: ${rng.pick(SLOW_QUERIES)}`);
  }

  // Autovacuum on the busy tables.
  for (const t of arrivals(rng, from, s.now, () => 1.3)) {
    const table = rng.pick(['order_events', 'orders', 'sessions', 'inventory_items', 'carts']);
    const pages = rng.int(2_000, 90_000);
    const removed = rng.int(500, 40_000);
    add(
      writer,
      t,
      `${prefix(t, pidAt(t))}LOG:  automatic vacuum of table "tallybird.public.${table}": index scans: 1\n` +
        `\tpages: 0 removed, ${pages} remain, 0 skipped due to pins, 0 skipped frozen\n` +
        `\ttuples: ${removed} removed, ${pages * rng.int(20, 60)} remain, 0 are dead but not yet removable, oldest xmin: ${rng.int(10_000_000, 90_000_000)}\n` +
        `\tbuffer usage: ${rng.int(10_000, 200_000)} hits, ${rng.int(0, 4_000)} misses, ${rng.int(100, 9_000)} dirtied\n` +
        `\tavg read rate: ${rng.float(0, 8).toFixed(3)} MB/s, avg write rate: ${rng.float(0, 6).toFixed(3)} MB/s\n` +
        `\tsystem usage: CPU: user: ${rng.float(0, 2).toFixed(2)} s, system: ${rng.float(0, 0.3).toFixed(2)} s, elapsed: ${rng.float(0.5, 9).toFixed(2)} s`,
    );
  }

  // The nightly revenue report reads from the replica.
  for (const t of schedule(rng, from, s.now, 24 * HOUR, 3 * HOUR + 90 * SECOND)) {
    const reporter = session({ user: 'reporting_ro', app: 'nightly-revenue-report', subnet: 31 }, t);
    add(reader, t, `${prefix(t, reporter)}LOG:  duration: ${rng.float(38_000, 61_000).toFixed(3)} ms  execute <unnamed>: ${REPORT_QUERY}`);
  }

  if (affected) incidentLines(s, rng, writer, session);

  sortEvents([writer, reader]);
  return logGroup(s, { name: `/aws/rds/cluster/${cluster}/postgresql`, retentionInDays: RETENTION_DAYS, createdDaysAgo: region === 'us-east-1' ? 610 : 205 }, [writer, reader]);
}

function incidentLines(
  s: Scenario,
  rng: Random,
  writer: StreamBuilder,
  session: (client: Client, t: number) => Session,
): void {
  const { deployAt, start, end } = s.incident;
  const orders = { user: 'orders_app', app: 'orders-service', subnet: 21 };
  // 2.14.0 leaves transactions open on an error path: they pile up, then hold locks.
  for (const t of arrivals(rng, deployAt + 2 * MINUTE, end, (t) => (t < start ? 60 : 400))) {
    if (t < start) {
      add(writer, t, `${prefix(t, session(orders, t))}LOG:  duration: ${rng.float(1000, 4000).toFixed(3)} ms  execute <unnamed>: ${rng.pick(SLOW_QUERIES)}`);
      continue;
    }
    const conn = session(rng.weighted(CLIENTS), t);
    const kind = rng.weighted([['slots', 6], ['too many', 2], ['timeout', 2], ['lock', 1]]);
    if (kind === 'slots') {
      add(writer, t, `${prefix(t, conn)}FATAL:  remaining connection slots are reserved for non-replication superuser connections`);
    } else if (kind === 'too many') {
      add(writer, t, `${prefix(t, conn)}FATAL:  sorry, too many clients already`);
    } else if (kind === 'timeout') {
      add(writer, t, `${prefix(t, conn)}ERROR:  canceling statement due to statement timeout`);
      add(writer, t, `${prefix(t, conn)}STATEMENT:  ${rng.pick(SLOW_QUERIES)}`);
    } else {
      add(writer, t, `${prefix(t, session(orders, t))}LOG:  process ${rng.int(10_000, 30_000)} still waiting for ShareLock on transaction ${rng.int(80_000_000, 90_000_000)} after 1000.${rng.int(100, 999)} ms`);
    }
  }
  const idle = session(orders, end - 3 * HOUR);
  for (let i = 0; i < 14; i++) {
    const t = end - 3 * MINUTE + i * rng.int(200, 900);
    add(writer, t, `${prefix(t, { ...idle, pid: idle.pid + i * 7 })}FATAL:  terminating connection due to idle-in-transaction timeout`);
  }
}

/**
 * JSON application logs of the ECS (Fargate) services, one long-lived stream per task
 * (`ecs/<container>/<task id>`). orders-service is Node.js (pino-style lines), payments-service is
 * Go (zap-style lines): two teams, two conventions, both JSON.
 */
import type { SeedLogGroup } from '../types';
import { Random } from './random';
import {
  ACCOUNT_ID,
  add,
  type Region,
  type Scenario,
  type StreamBuilder,
  arrivals,
  historyStart,
  inIncident,
  kmsKeyArn,
  load,
  logGroup,
  orderId,
  sortEvents,
  stream,
} from './scenario';
import { DAY, HOUR, MINUTE, SECOND, epochMicros, isoTime } from './time';

// ---------------------------------------------------------------------------------------------
// Tasks: replaced at every deployment, plus an extra orders-service task for the afternoon peak

export type ServiceName = 'orders-service' | 'payments-service';

export interface Task {
  readonly id: string;
  readonly service: ServiceName;
  readonly version: string;
  readonly revision: number;
  readonly start: number;
  /** Infinity while still running. */
  readonly stop: number;
}

export interface Deployment {
  readonly at: number;
  readonly version: string;
  readonly revision: number;
}

/** Task definition rollouts, oldest first; the first predates the generated history. */
export function deployments(s: Scenario, region: Region, service: ServiceName): Deployment[] {
  const { deployAt, start, rollbackAt, fixAt } = s.incident;
  if (service === 'payments-service') {
    return [
      { at: start - 20 * DAY, version: '1.31.0', revision: 88 },
      { at: start - 4 * DAY + 2 * HOUR + 11 * MINUTE, version: '1.31.1', revision: 89 },
    ];
  }
  if (region === 'eu-west-1') {
    // The EU deployment lags behind and went from 2.13.1 straight to the fixed 2.14.1.
    return [
      { at: start - 12 * DAY, version: '2.13.0', revision: 61 },
      { at: start - 3 * DAY + 2 * HOUR + 4 * MINUTE, version: '2.13.1', revision: 62 },
      { at: fixAt + 41 * MINUTE, version: '2.14.1', revision: 63 },
    ];
  }
  return [
    { at: start - 9 * DAY, version: '2.13.0', revision: 139 },
    { at: start - 3 * DAY + 14 * MINUTE, version: '2.13.1', revision: 140 },
    { at: deployAt, version: '2.14.0', revision: 141 },
    { at: rollbackAt, version: '2.13.1', revision: 140 },
    { at: fixAt, version: '2.14.1', revision: 142 },
  ];
}

export function serviceTasks(s: Scenario, region: Region, service: ServiceName): Task[] {
  const rng = new Random(`ecs-tasks/${region}/${service}`);
  const deps = deployments(s, region, service);
  const desired = service === 'orders-service' && region === 'us-east-1' ? 3 : 2;
  const tasks: Task[] = [];
  deps.forEach((dep, i) => {
    const next = deps[i + 1];
    for (let k = 0; k < desired; k++) {
      tasks.push({
        id: rng.hex(32),
        service,
        version: dep.version,
        revision: dep.revision,
        start: dep.at + rng.int(25, 90) * SECOND,
        stop: next ? next.at + rng.int(60, 150) * SECOND : Number.POSITIVE_INFINITY,
      });
    }
  });
  if (service === 'orders-service' && region === 'us-east-1') {
    // Target tracking adds a task for the US afternoon and removes it at night.
    for (let day = Math.floor(historyStart(s) / DAY); day * DAY < s.now; day++) {
      const start = day * DAY + 15 * HOUR + rng.int(20 * 60, 70 * 60) * SECOND;
      let stop = day * DAY + 23 * HOUR + rng.int(0, 40 * 60) * SECOND;
      const current = deps.filter((d) => d.at <= start).at(-1);
      const next = deps.find((d) => d.at > start);
      if (next && next.at < stop) stop = next.at + rng.int(60, 150) * SECOND;
      if (current && start < s.now) {
        tasks.push({ id: rng.hex(32), service, version: current.version, revision: current.revision, start, stop });
      }
    }
  }
  return tasks;
}

// ---------------------------------------------------------------------------------------------
// Shared plumbing: who serves a request, startup and shutdown lines, pool stats

export interface Running {
  readonly task: Task;
  readonly stream: StreamBuilder;
}

export function runningTasks(s: Scenario, region: Region, service: ServiceName): Running[] {
  return serviceTasks(s, region, service).map((task) => ({ task, stream: stream(`ecs/${service}/${task.id}`) }));
}

/** A task serving traffic at t: started, healthy, not yet draining. */
export function serving(tasks: readonly Running[], t: number): Running[] {
  return tasks.filter(({ task }) => task.start + 20 * SECOND <= t && t < task.stop - 30 * SECOND);
}

/** How far orders-service's connection pool has drained at t (0–1): the incident is in us-east-1 only. */
function leak(s: Scenario, region: Region, task: Task, t: number): number {
  const { deployAt, start, end } = s.incident;
  if (region !== 'us-east-1') return 0;
  if (t >= start && t < end) return 1;
  if (task.version === '2.14.0' && t >= deployAt && t < start) return (t - deployAt) / (start - deployAt);
  return 0;
}

// ---------------------------------------------------------------------------------------------
// orders-service (Node.js)

const ORDERS_ROUTES = [
  ['GET', '/v1/orders?status=open&limit=50', 25, 45],
  ['GET', '/v1/orders/{id}', 25, 18],
  ['GET', '/v1/carts/{cart}', 15, 12],
  ['POST', '/v1/carts/{cart}/items', 10, 35],
  ['POST', '/v1/orders', 8, 120],
  ['POST', '/v1/checkout', 6, 450],
  ['PATCH', '/v1/orders/{id}', 5, 60],
  ['GET', '/v1/reports/sales?range=30d', 2, 900],
  ['POST', '/v1/orders/{id}/refunds', 1, 380],
] as const;

type Route = (typeof ORDERS_ROUTES)[number];
const ROUTE_CHOICES = ORDERS_ROUTES.map((r) => [r, r[2]] as const);

const POOL_TIMEOUT_STACK =
  'Error: timeout exceeded when trying to connect\\n    at /app/node_modules/pg-pool/index.js:45:11\\n' +
  '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)\\n' +
  '    at async OrdersRepository.withClient (/app/dist/orders/repository.js:41:20)\\n' +
  '    at async CheckoutController.handle (/app/dist/http/checkout.js:58:23)';
const SLOTS_STACK =
  'error: remaining connection slots are reserved for non-replication superuser connections\\n' +
  '    at Parser.parseErrorMessage (/app/node_modules/pg-protocol/dist/parser.js:283:98)\\n' +
  '    at Parser.handlePacket (/app/node_modules/pg-protocol/dist/parser.js:122:29)\\n' +
  '    at Socket.<anonymous> (/app/node_modules/pg-protocol/dist/index.js:11:42)';
const TYPE_ERROR_STACK =
  "TypeError: Cannot read properties of undefined (reading 'sku')\\n" +
  '    at /app/dist/orders/pricing.js:77:38\\n    at Array.map (<anonymous>)\\n' +
  '    at priceLineItems (/app/dist/orders/pricing.js:74:24)\\n' +
  '    at async OrdersController.update (/app/dist/http/orders.js:112:19)';

/** The start of an orders-service line, up to where the line's own fields go. */
function ordersLine(t: number, level: string, task: Task): string {
  return `{"level":"${level}","ts":"${isoTime(t)}","service":"orders-service","version":"${task.version}"`;
}

function ordersLogGroup(s: Scenario, region: Region): SeedLogGroup {
  const rng = new Random(`ecs/${region}/orders-service`);
  const tasks = runningTasks(s, region, 'orders-service');
  const from = historyStart(s, 30);
  const host = region === 'us-east-1' ? 'tallybird-prod.cluster-c8x2kq9vd1lm.us-east-1.rds.amazonaws.com' : 'tallybird-eu.cluster-c3hq7w2mzp0x.eu-west-1.rds.amazonaws.com';
  const peak = region === 'us-east-1' ? 380 : 95;

  for (const { task, stream: st } of tasks) {
    const head = (t: number, level: string) => ordersLine(t, level, task);
    const push = (t: number, message: string) => add(st, t, message);
    if (task.start >= from) {
      const t = task.start;
      push(t, `${head(t, 'info')},"msg":"starting orders-service","node":"v20.18.1","pid":1,"taskArn":"arn:aws:ecs:${region}:${ACCOUNT_ID}:task/tallybird-${region === 'us-east-1' ? 'prod' : 'eu'}/${task.id}"}`);
      push(t + 840, `${head(t + 840, 'info')},"msg":"connected to postgres","host":"${host}","poolMax":20}`);
      push(t + 902, `${head(t + 902, 'info')},"msg":"listening","port":8080}`);
    }
    // Pool statistics every five minutes.
    for (let t = Math.ceil(Math.max(from, task.start + MINUTE) / (5 * MINUTE)) * 5 * MINUTE + 317; t < Math.min(task.stop - MINUTE, s.now); t += 5 * MINUTE) {
      const drained = leak(s, region, task, t);
      const waiting = drained >= 1 ? rng.int(25, 70) : Math.round(drained * drained * 12);
      const idle = drained > 0.6 ? 0 : Math.max(0, 20 - rng.int(1, 6) - Math.round(drained * 20));
      push(t, `${head(t, waiting > 10 ? 'warn' : 'info')},"msg":"db pool stats","total":20,"idle":${idle},"waiting":${waiting}}`);
    }
    if (task.stop <= s.now) {
      const t = task.stop - 30 * SECOND;
      push(t, `${head(t, 'info')},"msg":"received SIGTERM, draining connections"}`);
      push(task.stop - 2100, `${head(task.stop - 2100, 'info')},"msg":"shutdown complete","uptimeSec":${Math.round((task.stop - task.start) / SECOND)}}`);
    }
  }

  for (const t of arrivals(rng, from, s.now, (t) => peak * load(t, region))) {
    const candidates = serving(tasks, t);
    if (candidates.length === 0) continue;
    logOrdersRequest(rng, s, region, rng.pick(candidates), t);
  }

  const streams = tasks.map((r) => r.stream);
  sortEvents(streams);
  return logGroup(s, { name: '/ecs/orders-service', retentionInDays: 30, createdDaysAgo: region === 'us-east-1' ? 520 : 190 }, streams);
}

/** One request served by an orders-service task at t: its access line, and the business event before it, if any. */
export function logOrdersRequest(rng: Random, s: Scenario, region: Region, { task, stream: st }: Running, t: number): void {
  const route: Route = rng.weighted(ROUTE_CHOICES);
  const [method, template, , median] = route;
  const id = orderId(rng);
  const path = template.replace('{id}', id).replace('{cart}', `cart_${rng.alnum(12)}`);
  const user = rng.pickSkewed(s.users);
  const drained = leak(s, region, task, t);
  let latency = Math.round(rng.logNormal(median, 0.55) * (1 + drained * 6));
  let status = method === 'POST' && template !== '/v1/checkout' && template !== '/v1/carts/{cart}/items' ? 201 : 200;
  let level = 'info';
  let msg = 'request completed';
  let extra = '';

  if (region === 'us-east-1' && inIncident(s, t) && rng.chance(0.6)) {
    level = 'error';
    msg = 'request failed';
    if (rng.chance(0.75)) {
      status = 503;
      latency = 5000 + rng.int(1, 40);
      extra = `,"err":{"type":"Error","message":"timeout exceeded when trying to connect","stack":"${POOL_TIMEOUT_STACK}"}`;
    } else {
      status = 500;
      latency = rng.int(3, 30);
      extra = `,"err":{"type":"DatabaseError","code":"53300","message":"remaining connection slots are reserved for non-replication superuser connections","stack":"${SLOTS_STACK}"}`;
    }
  } else if (rng.chance(0.005)) {
    status = 401;
    msg = 'token expired';
  } else if (template === '/v1/orders/{id}' && rng.chance(0.02)) {
    status = 404;
  } else if (method !== 'GET' && rng.chance(0.03)) {
    status = 422;
    level = 'warn';
    msg = 'validation failed';
    extra = `,"issues":[{"path":"lineItems.${rng.int(0, 4)}.quantity","message":"Expected positive integer"}]`;
  } else if (method === 'POST' && rng.chance(0.005)) {
    status = 409;
    level = 'warn';
    msg = 'idempotency key reused with a different body';
  } else if (template === '/v1/orders/{id}' && method === 'PATCH' && rng.chance(0.02)) {
    status = 500;
    level = 'error';
    msg = 'request failed';
    extra = `,"err":{"type":"TypeError","message":"Cannot read properties of undefined (reading 'sku')","stack":"${TYPE_ERROR_STACK}"}`;
  }

  const merchant = rng.pickSkewed(s.merchants);
  if (status < 300 && template === '/v1/orders') {
    const ms = t - Math.round(latency / 3);
    add(
      st,
      ms,
      `${ordersLine(ms, 'info', task)},"msg":"order created","orderId":"${id}","merchantId":"${merchant}","totalCents":${Math.round(rng.logNormal(4200, 0.7))},"currency":"usd","items":${rng.int(1, 6)}}`,
    );
  } else if (status < 300 && template === '/v1/checkout') {
    const ms = t - Math.round(latency / 4);
    if (rng.chance(0.04)) {
      status = 402;
      level = 'warn';
      msg = 'payment declined';
      extra = `,"declineCode":"${rng.pick(['insufficient_funds', 'card_declined', 'expired_card', 'incorrect_cvc'])}"`;
    } else {
      add(
        st,
        ms,
        `${ordersLine(ms, 'info', task)},"msg":"payment authorized","orderId":"${id}","chargeId":"ch_${rng.alnum(24)}","amountCents":${Math.round(rng.logNormal(4200, 0.7))}}`,
      );
    }
  } else if (template.startsWith('/v1/reports') && latency > 1500) {
    const ms = t - 5;
    add(
      st,
      ms,
      `${ordersLine(ms, 'warn', task)},"msg":"slow query","query":"sales_report_30d","durationMs":${latency - rng.int(10, 60)},"merchantId":"${merchant}"}`,
    );
  }
  add(
    st,
    t,
    `${ordersLine(t, level, task)},"msg":"${msg}","requestId":"${rng.uuid()}","method":"${method}","path":"${path}","statusCode":${status},"latencyMs":${latency},"userId":"${user}","merchantId":"${merchant}"${extra}}`,
  );
}

// ---------------------------------------------------------------------------------------------
// payments-service (Go)

const PAYMENTS_ROUTES = [
  ['POST', '/v1/charges', 'charges/service.go:118', 'charge authorized', 40, 310],
  ['POST', '/v1/charges/{id}/capture', 'charges/service.go:164', 'charge captured', 30, 240],
  ['GET', '/v1/charges/{id}', '', '', 20, 9],
  ['POST', '/v1/refunds', 'refunds/service.go:77', 'refund created', 4, 420],
  ['GET', '/v1/payouts?limit=20', '', '', 6, 35],
] as const;

const PAYMENT_CHOICES = PAYMENTS_ROUTES.map((r) => [r, r[4]] as const);

const PGX_BEGIN_STACKTRACE =
  'github.com/tallybird/payments/internal/store.(*Postgres).Begin\\n\\t/src/internal/store/postgres.go:57\\n' +
  'github.com/tallybird/payments/internal/charges.(*Service).Authorize\\n\\t/src/internal/charges/service.go:96\\n' +
  'github.com/tallybird/payments/internal/httpapi.(*Server).createCharge\\n\\t/src/internal/httpapi/charges.go:41\\n' +
  'net/http.HandlerFunc.ServeHTTP\\n\\t/usr/local/go/src/net/http/server.go:2220';

function paymentsLogGroup(s: Scenario, region: Region): SeedLogGroup {
  const rng = new Random(`ecs/${region}/payments-service`);
  const tasks = runningTasks(s, region, 'payments-service');
  const retentionInDays = 365;
  const from = historyStart(s, retentionInDays);
  const peak = region === 'us-east-1' ? 150 : 40;
  const dbHost = region === 'us-east-1' ? 'tallybird-prod.cluster-c8x2kq9vd1lm.us-east-1.rds.amazonaws.com' : 'tallybird-eu.cluster-c3hq7w2mzp0x.eu-west-1.rds.amazonaws.com';
  const head = (t: number, level: string, caller: string) =>
    `{"level":"${level}","ts":${epochMicros(t, rng.int(0, 999))},"caller":"${caller}"`;

  for (const { task, stream: st } of tasks) {
    const push = (t: number, message: string) => add(st, t, message);
    if (task.start >= from) {
      const t = task.start;
      push(t, `${head(t, 'info', 'cmd/payments/main.go:48')},"msg":"starting payments-service","version":"${task.version}","go":"go1.23.4"}`);
      push(t + 412, `${head(t + 412, 'info', 'internal/store/postgres.go:31')},"msg":"database pool ready","host":"${dbHost}","max_conns":15}`);
      push(t + 430, `${head(t + 430, 'info', 'cmd/payments/main.go:77')},"msg":"http server listening","addr":":8443"}`);
    }
    if (task.stop <= s.now) {
      const t = task.stop - 30 * SECOND;
      push(t, `${head(t, 'info', 'cmd/payments/main.go:91')},"msg":"shutting down","signal":"terminated"}`);
    }
  }

  for (const t of arrivals(rng, from, s.now, (t) => peak * load(t, region))) {
    const candidates = serving(tasks, t);
    if (candidates.length === 0) continue;
    const { stream: st } = rng.pick(candidates);
    const [method, template, caller, event, , median] = rng.weighted(PAYMENT_CHOICES);
    const charge = `ch_${rng.alnum(24)}`;
    const path = template.replace('{id}', charge);
    const requestId = rng.uuid();
    const merchant = rng.pickSkewed(s.merchants);
    let duration = rng.logNormal(median, 0.5);
    let status = method === 'POST' && template !== '/v1/charges/{id}/capture' ? 201 : 200;
    const ms = t - Math.round(duration / 3);

    if (region === 'us-east-1' && inIncident(s, t) && method === 'POST' && rng.chance(0.5)) {
      status = 500;
      duration = rng.float(2, 40);
      add(
        st,
        ms,
        `${head(ms, 'error', 'store/postgres.go:57')},"msg":"begin transaction","request_id":"${requestId}","error":"failed to connect to \`host=${dbHost} user=payments database=tallybird\`: server error (FATAL: remaining connection slots are reserved for non-replication superuser connections (SQLSTATE 53300))","stacktrace":"${PGX_BEGIN_STACKTRACE}"}`,
      );
    } else if (event !== '' && rng.chance(0.008)) {
      status = 502;
      add(
        st,
        ms,
        `${head(ms, 'error', caller)},"msg":"psp request failed","request_id":"${requestId}","psp":"paygrid","error":"Post \\"https://api.paygrid.io/v2/charges\\": context deadline exceeded","attempt":3}`,
      );
    } else if (template === '/v1/charges' && rng.chance(0.05)) {
      status = 402;
      add(
        st,
        ms,
        `${head(ms, 'warn', caller)},"msg":"charge declined","request_id":"${requestId}","merchant_id":"${merchant}","decline_code":"${rng.pick(['insufficient_funds', 'do_not_honor', 'expired_card'])}"}`,
      );
    } else if (event !== '') {
      add(
        st,
        ms,
        `${head(ms, 'info', caller)},"msg":"${event}","request_id":"${requestId}","charge_id":"${charge}","amount":${Math.round(rng.logNormal(4200, 0.7))},"currency":"${region === 'us-east-1' ? 'usd' : 'eur'}","psp_latency_ms":${Math.round(duration * 0.8)}}`,
      );
    }
    add(
      st,
      t,
      `${head(t, status >= 500 ? 'error' : 'info', 'httpapi/middleware.go:64')},"msg":"request","request_id":"${requestId}","method":"${method}","path":"${path}","status":${status},"duration_ms":${duration.toFixed(1)},"merchant_id":"${merchant}"}`,
    );
  }

  const streams = tasks.map((r) => r.stream);
  sortEvents(streams);
  return logGroup(
    s,
    {
      name: '/ecs/payments-service',
      retentionInDays,
      createdDaysAgo: region === 'us-east-1' ? 505 : 190,
      // PCI scope: the payments team encrypts its logs with its own key.
      kmsKeyId: kmsKeyArn(region, region === 'us-east-1' ? '7c1e5b2a-94d3-4f0e-b8a6-2d5c9e13f470' : 'c4a0e8d1-3b6f-47a2-9e15-80f2d7b3c6a9'),
    },
    streams,
  );
}

export function ecsLogGroups(s: Scenario, region: Region): SeedLogGroup[] {
  return [ordersLogGroup(s, region), paymentsLogGroup(s, region)];
}


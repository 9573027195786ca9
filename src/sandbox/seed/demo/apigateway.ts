/**
 * API Gateway in front of the public REST API (api.tallybird.io, used by merchants' integrations
 * and the payment provider's webhooks): JSON access logs, INFO execution logs (which share the
 * request ids), and the `welcome` group API Gateway creates when logging is first enabled.
 */
import type { SeedLogGroup } from '../types';
import { Random } from './random';
import { type Scenario, type StreamBuilder, add, arrivals, historyStart, inIncident, load, logGroup, sortEvents, stream } from './scenario';
import { DAY, HOUR, MINUTE, clfTime } from './time';

const API_ID = '4kq7x2m9pd';
const STAGE = `${API_ID}/prod`;
const ACCESS_RETENTION_DAYS = 90;
const EXECUTION_RETENTION_DAYS = 3;

/** [method, resource path, weight, median latency ms, success status, integration] */
const ROUTES = [
  ['GET', '/v1/orders/{orderId}', 35, 60, 200, 'lambda'],
  ['GET', '/v1/orders', 15, 110, 200, 'lambda'],
  ['POST', '/v1/orders', 12, 160, 201, 'lambda'],
  ['POST', '/v1/webhooks/paygrid', 30, 90, 200, 'lambda'],
  ['GET', '/v1/ping', 8, 4, 200, 'mock'],
] as const;
const ROUTE_CHOICES = ROUTES.map((r) => [r, r[2]] as const);

const SDK_AGENTS = ['tallybird-node/3.2.1', 'tallybird-python/2.8.0', 'tallybird-php/1.14.2', 'Shopwired-Connector/4.1', 'okhttp/4.12.0'];
const PAYGRID_IPS = ['54.187.174.169', '54.187.205.235', '54.187.216.72', '54.241.31.99'];

/** Execution-log streams are hash-named and replaced every hour or two. */
class Rotation {
  readonly streams: StreamBuilder[] = [];
  private readonly slots: { stream: StreamBuilder; until: number }[] = [];

  constructor(
    private readonly rng: Random,
    private readonly width: number,
  ) {}

  at(t: number): StreamBuilder {
    const index = this.rng.int(0, this.width - 1);
    const slot = this.slots[index];
    if (slot && t < slot.until) return slot.stream;
    const fresh = { stream: stream(this.rng.hex(32)), until: t + this.rng.float(0.5, 3) * HOUR };
    this.slots[index] = fresh;
    this.streams.push(fresh.stream);
    return fresh.stream;
  }
}

export function apiGatewayLogGroups(s: Scenario): SeedLogGroup[] {
  const rng = new Random('apigateway/us-east-1');
  const access = new Rotation(rng, 2);
  const execution = new Rotation(rng, 4);
  const executionFrom = historyStart(s, EXECUTION_RETENTION_DAYS);
  const apiKeys = Array.from({ length: 40 }, () => rng.alnum(4));

  for (const t of arrivals(rng, historyStart(s, ACCESS_RETENTION_DAYS), s.now - 30_000, (t) => 120 * load(t, 'us-east-1'))) {
    const [method, resource, , median, okStatus, integration] = rng.weighted(ROUTE_CHOICES);
    const requestId = rng.uuid();
    const webhook = resource === '/v1/webhooks/paygrid';
    const ip = webhook ? rng.pick(PAYGRID_IPS) : rng.pickSkewed(s.clientIps);
    let status: number = okStatus;
    let latency = Math.round(rng.logNormal(median, 0.5));
    let integrationStatus = integration === 'lambda' ? '200' : '-';
    let error = '-';
    let failure = '';

    if (integration === 'lambda' && inIncident(s, t) && rng.chance(0.7)) {
      if (rng.chance(0.45)) {
        status = 504;
        latency = 29_000 + rng.int(2, 40);
        integrationStatus = '-';
        error = 'Endpoint request timed out';
        failure = 'Execution failed due to a timeout error';
      } else {
        status = webhook ? 502 : 503;
        latency = rng.int(5_010, 5_200);
        error = webhook ? 'Internal server error' : '-';
        failure = webhook
          ? `Lambda execution failed with status 200 due to customer function error: remaining connection slots are reserved for non-replication superuser connections. Lambda request id: ${rng.uuid()}`
          : '';
      }
    } else if (!webhook && rng.chance(0.03)) {
      status = 403;
      latency = rng.int(2, 12);
      integrationStatus = '-';
      error = 'Forbidden';
      failure = 'API Key not authorized because method requires API key';
    } else if (!webhook && rng.chance(0.005)) {
      status = 429;
      latency = rng.int(1, 4);
      integrationStatus = '-';
      error = 'Too Many Requests';
      failure = 'Request throttled by usage plan';
    } else if (method === 'POST' && !webhook && rng.chance(0.05)) {
      status = 422;
    }
    const end = t + latency;
    const integrationLatency = integrationStatus === '-' ? '-' : String(Math.max(1, latency - rng.int(3, 20)));
    add(
      access.at(t),
      end,
      `{"requestId":"${requestId}","ip":"${ip}","requestTime":"${clfTime(t)}","httpMethod":"${method}","resourcePath":"${resource}",` +
        `"status":${status},"protocol":"HTTP/1.1","responseLength":${status >= 400 ? rng.int(30, 80) : rng.int(60, 4000)},` +
        `"responseLatency":${latency},"integrationLatency":"${integrationLatency}","integrationStatus":"${integrationStatus}",` +
        `"errorMessage":"${error}","userAgent":"${webhook ? 'Paygrid/1.0 (+https://paygrid.io/docs/webhooks)' : rng.pick(SDK_AGENTS)}"}`,
    );

    if (t < executionFrom) continue;
    const st = execution.at(t);
    const key = webhook ? '' : `**********************************${rng.pick(apiKeys)}`;
    const p = `(${requestId}) `;
    add(st, t, `${p}Extended Request Id: ${rng.alnum(15)}=`);
    add(st, t, `${p}Verifying Usage Plan for request: ${requestId}. API Key: ${key} API Stage: ${STAGE}`);
    if (webhook) {
      add(st, t + 1, `${p}API Key  authorized because method '${method} ${resource}' does not require API Key. Request will not contribute to throttle or quota limits`);
    } else if (status === 403) {
      add(st, t + 1, `${p}${failure}`);
      add(st, t + 1, `${p}Method completed with status: 403`);
      continue;
    }
    add(st, t + 1, `${p}Usage Plan check succeeded for API Key ${key} and API Stage ${STAGE}`);
    add(st, t + 1, `${p}Starting execution for request: ${requestId}`);
    add(st, t + 1, `${p}HTTP Method: ${method}, Resource Path: ${resource.replace('{orderId}', `ord_${rng.alnum(14)}`)}`);
    if (failure !== '') add(st, end - 1, `${p}${failure}`);
    add(st, end, `${p}Method completed with status: ${status}`);
  }

  sortEvents([...access.streams, ...execution.streams]);

  const welcome = stream(rng.hex(32));
  const welcomeAt = s.now - 733 * DAY + 9 * HOUR + 12 * MINUTE;
  add(welcome, welcomeAt, 'Cloudwatch logs enabled for API Gateway');

  return [
    logGroup(s, { name: `API-Gateway-Execution-Logs_${STAGE}`, retentionInDays: EXECUTION_RETENTION_DAYS, createdDaysAgo: 733 }, execution.streams),
    logGroup(s, { name: '/aws/apigateway/tallybird-public-api-access', retentionInDays: ACCESS_RETENTION_DAYS, createdDaysAgo: 540 }, access.streams),
    logGroup(s, { name: '/aws/apigateway/welcome', createdDaysAgo: 733.5 }, [welcome]),
  ];
}

/** The EU region got its own welcome group when API Gateway logging was enabled there. */
export function euApiGatewayLogGroups(s: Scenario): SeedLogGroup[] {
  const rng = new Random('apigateway/eu-west-1');
  const welcome = stream(rng.hex(32));
  add(welcome, s.now - 201 * DAY + 14 * HOUR + 3 * MINUTE, 'Cloudwatch logs enabled for API Gateway');
  return [logGroup(s, { name: '/aws/apigateway/welcome', createdDaysAgo: 201.7 }, [welcome])];
}

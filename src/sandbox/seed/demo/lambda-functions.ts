/**
 * Tallybird's Lambda functions and what each one logs. Production functions share the production
 * database with orders-service, so they time out and fail during the incident.
 */
import type { SeedLogGroup } from '../types';
import type { Random } from './random';
import { type Invocation, type LambdaFunction, lambdaLogGroup } from './lambda';
import { type Region, type Scenario, arrivals, inIncident, load, orderId, schedule } from './scenario';
import { DAY, HOUR, MINUTE, isoDate } from './time';

// ---------------------------------------------------------------------------------------------
// When functions run

type Invocations = LambdaFunction['invocations'];

/** Driven by customers: follows the daily traffic curve; callers retry during the incident. */
function traffic(perHourAtPeak: number, region: Region = 'us-east-1', retries = 1.5): Invocations {
  return (rng, from, to, s) =>
    arrivals(rng, from, to, (t) => perHourAtPeak * load(t, region) * (region === 'us-east-1' && inIncident(s, t) ? retries : 1));
}

/** `rate(n minutes)` / `cron(...)` schedules. */
function every(period: number, offset = 0): Invocations {
  return (rng, from, to) => schedule(rng, from, to, period, offset);
}

/** Engineers testing in staging and dev: weekdays, 13:00–23:00 UTC. */
function workHours(perHour: number): Invocations {
  return (rng, from, to) =>
    arrivals(rng, from, to, (t) => {
      const weekday = (Math.floor(t / DAY) + 4) % 7;
      const hour = (t % DAY) / HOUR;
      return weekday >= 1 && weekday <= 5 && hour >= 13 && hour < 23 ? perHour : 0;
    });
}

function steady(perDay: number): Invocations {
  return (rng, from, to) => arrivals(rng, from, to, () => perDay / 24);
}

/** Specific moments of the story, relative to the scenario. */
function moments(times: (s: Scenario) => number[]): Invocations {
  return (_rng, from, to, s) => times(s).filter((t) => t >= from && t < to);
}

// ---------------------------------------------------------------------------------------------
// Shared vocabulary

const CURRENCIES = [['USD', 8], ['CAD', 1], ['GBP', 1]] as const;

function amount(rng: Random): string {
  return (rng.logNormal(4200, 0.7) / 100).toFixed(2);
}

function maskedEmail(rng: Random): string {
  const domain = rng.weighted([['gmail.com', 6], ['yahoo.com', 2], ['outlook.com', 2], ['icloud.com', 2], ['hotmail.com', 1]]);
  return `${rng.alnum(1, 'abcdefghijklmnopqrstuvwxyz')}***@${domain}`;
}

const PG_POOL_TIMEOUT_STACK = [
  '    at /var/task/node_modules/pg-pool/index.js:45:11',
  '    at runNextTicks (node:internal/process/task_queues:60:5)',
  '    at listOnTimeout (node:internal/timers:538:9)',
  '    at process.processTimers (node:internal/timers:512:7)',
];

const PG_SLOTS_MESSAGE = 'remaining connection slots are reserved for non-replication superuser connections';

function pythonTraceback(frames: readonly (readonly [file: string, line: number, fn: string, code: string])[]): string[] {
  const out: string[] = [];
  for (const [file, line, fn, code] of frames) out.push(`  File "${file}", line ${line}, in ${fn}`, `    ${code}`);
  return out;
}

const PSYCOPG_CONNECT_FRAMES = [
  ['/var/task/tallybird/db.py', 27, 'connection', 'conn = psycopg.connect(settings.DATABASE_URL, connect_timeout=5)'],
  ['/var/task/psycopg/connection.py', 748, 'connect', 'raise last_ex.with_traceback(None)'],
] as const;

// ---------------------------------------------------------------------------------------------
// Handlers

function ordersApi(inv: Invocation): void {
  const { rng } = inv;
  const route = rng.weighted([['GET /v1/orders/{orderId}', 5], ['GET /v1/orders', 3], ['POST /v1/orders', 2]]);
  const merchant = rng.pickSkewed(inv.scenario.merchants);
  inv.log('INFO', `${route} merchant=${merchant}`);
  if (inv.incident && rng.chance(0.75)) {
    if (rng.chance(0.35)) return inv.hang();
    inv.work(5000 + rng.float(0, 40));
    const stack = [
      ...PG_POOL_TIMEOUT_STACK,
      '    at async OrdersRepository.withClient (/var/task/src/orders/repository.js:41:20)',
      '    at async Runtime.handler (/var/task/src/handlers/orders.js:33:19)',
    ];
    inv.log('ERROR', `Error: timeout exceeded when trying to connect\n${stack.join('\n')}`);
    inv.log('INFO', 'responded 503 Service Unavailable');
    return;
  }
  inv.work(rng.logNormal(route.startsWith('POST') ? 95 : 38, 0.5));
  if (route === 'POST /v1/orders') {
    if (rng.chance(0.06)) {
      inv.log('WARN', `validation failed: line_items[${rng.int(0, 3)}].quantity must be a positive integer`);
      inv.log('INFO', 'responded 422 Unprocessable Entity');
      return;
    }
    const id = orderId(rng);
    inv.log('INFO', `created order ${id} (${rng.int(1, 6)} items, ${amount(rng)} ${rng.weighted(CURRENCIES)})`);
    inv.log('INFO', 'responded 201 Created');
  } else if (route === 'GET /v1/orders/{orderId}' && rng.chance(0.04)) {
    inv.log('INFO', 'responded 404 Not Found');
  } else {
    inv.log('INFO', 'responded 200 OK');
  }
}

const WEBHOOK_EVENTS = [
  ['charge.succeeded', 10],
  ['charge.captured', 6],
  ['charge.refunded', 1],
  ['charge.failed', 1],
  ['payout.paid', 1],
] as const;

function paymentsWebhook(inv: Invocation): void {
  const { rng } = inv;
  const type = rng.weighted(WEBHOOK_EVENTS);
  const eventId = `evt_${rng.alnum(24)}`;
  inv.log('INFO', `received ${type} ${eventId} (signature ok)`);
  if (inv.incident && rng.chance(0.7)) {
    if (rng.chance(0.45)) return inv.hang();
    inv.work(rng.float(20, 300));
    return inv.fail('error', PG_SLOTS_MESSAGE, [
      '    at Parser.parseErrorMessage (/var/task/node_modules/pg-protocol/dist/parser.js:283:98)',
      '    at Parser.handlePacket (/var/task/node_modules/pg-protocol/dist/parser.js:122:29)',
      '    at Parser.parse (/var/task/node_modules/pg-protocol/dist/parser.js:35:38)',
      '    at Socket.<anonymous> (/var/task/node_modules/pg-protocol/dist/index.js:11:42)',
    ]);
  }
  if (rng.chance(0.03)) {
    inv.log('WARN', `duplicate delivery of ${eventId}, already processed; skipping`);
    return;
  }
  inv.work(rng.logNormal(60, 0.5));
  if (type === 'payout.paid') {
    inv.log('INFO', `recorded payout po_${rng.alnum(24)} for ${rng.pickSkewed(inv.scenario.merchants)}`);
  } else {
    inv.log('INFO', `order ${orderId(rng)} -> ${type === 'charge.failed' ? 'payment_failed' : type.slice(7)}`);
  }
}

function authorizer(inv: Invocation): void {
  const { rng } = inv;
  inv.work(rng.logNormal(6, 0.4));
  if (rng.chance(0.04)) {
    inv.log('WARN', `denied: ${rng.pick(['token expired', 'invalid signature', 'API key revoked'])}`);
  } else {
    const scope = rng.pick(['orders:read', 'orders:write', 'orders:read orders:write', 'webhooks']);
    inv.log('INFO', `allow ${rng.pickSkewed(inv.scenario.merchants)} scope="${scope}"`);
  }
}

const US_CARRIERS = [['UPS', 4], ['USPS', 4], ['FedEx', 2]] as const;
const EU_CARRIERS = [['DHL', 4], ['DPD', 3], ['Royal Mail', 2], ['GLS', 1]] as const;

function trackingNumber(rng: Random, carrier: string): string {
  if (carrier === 'UPS') return `1Z${rng.alnum(16, '0123456789ABCDEFGHJKLMNPRSTUVWXYZ')}`;
  if (carrier === 'USPS') return `9400${rng.alnum(18, '0123456789')}`;
  if (carrier === 'Royal Mail') return `${rng.alnum(2, 'ABCDEFGHJKLMNPRSTUVWXYZ')}${rng.alnum(9, '0123456789')}GB`;
  return rng.alnum(12, '0123456789');
}

const fulfillmentWorker = (carriers: readonly (readonly [string, number])[]) => (inv: Invocation): void => {
  const { rng } = inv;
  const size = rng.weighted([[1, 6], [2, 2], [3, 1], [5, 1], [10, 0.3]]);
  inv.log('INFO', `processing batch of ${size} message${size === 1 ? '' : 's'} from orders-fulfillment`);
  if (inv.incident && rng.chance(0.8)) {
    if (rng.chance(0.5)) return inv.hang();
    inv.work(rng.float(20, 900));
    const traceback = pythonTraceback([
      ['/var/task/fulfillment/handler.py', 41, 'handler', 'with db.connection() as conn:'],
      ['/usr/lib/python3.12/contextlib.py', 137, '__enter__', 'return next(self.gen)'],
      ...PSYCOPG_CONNECT_FRAMES,
    ]);
    const message = `psycopg.OperationalError: connection failed: FATAL:  ${PG_SLOTS_MESSAGE}`;
    inv.log('ERROR', `failed to fulfil batch, returning ${size} item failures\nTraceback (most recent call last):\n${traceback.join('\n')}\n${message}`);
    return;
  }
  for (let i = 0; i < size; i++) {
    inv.work(rng.logNormal(140, 0.4));
    const carrier = rng.weighted(carriers);
    inv.log('INFO', `order ${orderId(rng)}: label created with ${carrier} (${trackingNumber(rng, carrier)})`);
  }
};

function transactionalEmail(inv: Invocation): void {
  const { rng } = inv;
  const template = rng.weighted([['order_confirmation', 6], ['shipping_update', 4], ['receipt', 3], ['password_reset', 1]]);
  const to = maskedEmail(rng);
  inv.log('INFO', `sending ${template} to ${to}`);
  inv.work(rng.logNormal(110, 0.4));
  if (rng.chance(0.01)) {
    inv.log('WARN', `SES rejected ${to}: Address is on the account-level suppression list`);
    return;
  }
  inv.log('INFO', `sent via SES, MessageId 010001${rng.hex(10)}-${rng.uuid()}-000000`);
}

function invoicePdf(inv: Invocation): void {
  const { rng } = inv;
  const invoice = `INV-${isoDate(inv.start).slice(0, 4)}-${String(rng.int(1000, 99999)).padStart(6, '0')}`;
  inv.log('INFO', `rendering ${invoice} for ${rng.pickSkewed(inv.scenario.merchants)}`);
  inv.work(rng.logNormal(1400, 0.35));
  const pages = rng.weighted([[1, 8], [2, 3], [3, 1]]);
  inv.log('INFO', `uploaded ${invoice}.pdf to the invoices bucket (${pages} page${pages === 1 ? '' : 's'}, ${rng.int(38, 140)} KB)`);
}

function imageResize(inv: Invocation): void {
  const { rng } = inv;
  const key = `products/${rng.pickSkewed(inv.scenario.merchants)}/${rng.alnum(10)}.${rng.pick(['jpg', 'jpg', 'png', 'webp', 'heic'])}`;
  inv.log('INFO', `s3:ObjectCreated:Put ${key} (${rng.int(180, 6200)} KB)`);
  inv.work(rng.logNormal(900, 0.5));
  if (key.endsWith('.heic') && rng.chance(0.7)) {
    inv.log('ERROR', [
      'Error: Input file contains unsupported image format',
      '    at Sharp.toBuffer (/var/task/node_modules/sharp/lib/output.js:163:17)',
      '    at resize (/var/task/src/resize.js:28:6)',
      '    at async Runtime.handler (/var/task/src/index.js:19:21)',
    ].join('\n'));
    return;
  }
  inv.log('INFO', `wrote 4 variants (thumb, small, medium, large) in ${Math.round(inv.elapsed)} ms`);
}

function fraudScore(inv: Invocation): void {
  const { rng } = inv;
  inv.work(rng.logNormal(45, 0.4));
  const score = rng.next() ** 4;
  const decision = score > 0.9 ? 'block' : score > 0.65 ? 'review' : 'allow';
  inv.log(decision === 'allow' ? 'INFO' : 'WARN', `order=${orderId(rng)} score=${score.toFixed(3)} decision=${decision} model=gbm-2026-10`);
}

function webhookDispatcher(inv: Invocation): void {
  const { rng } = inv;
  const event = rng.weighted([['order.created', 5], ['order.paid', 4], ['order.shipped', 3], ['order.refunded', 1]]);
  const merchant = rng.pickSkewed(inv.scenario.merchants);
  const url = `https://${merchant.slice(4, 10).toLowerCase()}.myshop-hooks.net/tallybird`;
  inv.work(rng.logNormal(280, 0.6));
  const attempt = rng.weighted([[1, 20], [2, 2], [3, 1], [5, 0.5]]);
  if (rng.chance(0.05)) {
    const status = rng.weighted([['503', 3], ['500', 2], ['404', 1], ['timeout after 10000 ms', 1]]);
    inv.log('WARN', `${event} -> ${url} failed: ${status} (attempt ${attempt}/8, retrying with backoff)`);
  } else {
    inv.log('INFO', `${event} -> ${url} 200 in ${Math.round(inv.elapsed)} ms (attempt ${attempt})`);
  }
}

function searchIndexer(inv: Invocation): void {
  const { rng } = inv;
  const records = rng.int(1, 40);
  inv.work(rng.logNormal(70, 0.5));
  inv.log('INFO', `indexed ${records} records into orders-v3 (${rng.int(0, 2)} deletes) in ${Math.round(inv.elapsed)} ms`);
}

function inventorySync(inv: Invocation): void {
  const { rng } = inv;
  const merchants = rng.int(20, 45);
  inv.log('INFO', `syncing inventory for ${merchants} merchants with connected POS`);
  inv.work(rng.logNormal(4200, 0.3));
  if (rng.chance(0.03)) {
    inv.log('WARN', `POS API for ${rng.pick(inv.scenario.merchants)} returned 429, will retry next run`);
  }
  inv.log('INFO', `updated ${rng.int(40, 900)} SKUs, ${rng.int(0, 12)} now out of stock`);
}

function abandonedCarts(inv: Invocation): void {
  const { rng } = inv;
  inv.work(rng.logNormal(300, 0.3));
  const carts = rng.int(4, 60);
  inv.log('INFO', `found ${carts} carts abandoned for more than 24h`);
  inv.work(rng.logNormal(400, 0.3));
  inv.log('INFO', `queued ${carts - rng.int(0, 3)} reminder emails (skipped opted-out customers)`);
}

function revenueReport(inv: Invocation): void {
  const { rng } = inv;
  const day = isoDate(inv.start - DAY);
  inv.log('INFO', `aggregating orders for ${day}`);
  inv.work(rng.logNormal(95_000, 0.2));
  inv.log('INFO', `read ${rng.int(18_000, 32_000)} orders from read replica`);
  inv.work(rng.logNormal(120_000, 0.2));
  inv.log('INFO', `wrote s3://tallybird-prod-reports/revenue/dt=${day}/part-0000.parquet (${rng.float(12, 26).toFixed(1)} MB)`);
  inv.log('INFO', `emailed daily digest to ${rng.int(180, 230)} merchants`);
}

function currencyRates(inv: Invocation): void {
  const { rng } = inv;
  inv.work(rng.logNormal(350, 0.3));
  inv.log('INFO', `fetched ${rng.int(30, 33)} rates (base EUR), USD=${rng.float(1.04, 1.09).toFixed(4)}`);
}

function sessionCleanup(inv: Invocation): void {
  const { rng } = inv;
  inv.work(rng.logNormal(600, 0.3));
  inv.log('INFO', `deleted ${rng.int(40, 900)} expired sessions`);
}

function preTokenGeneration(inv: Invocation): void {
  const { rng } = inv;
  inv.work(rng.logNormal(25, 0.4));
  const role = rng.weighted([['owner', 3], ['staff', 5], ['accountant', 1]]);
  inv.log('INFO', `claims for ${rng.pickSkewed(inv.scenario.users)}: merchant=${rng.pickSkewed(inv.scenario.merchants)} role=${role}`);
}

function postConfirmation(inv: Invocation): void {
  const { rng } = inv;
  inv.work(rng.logNormal(120, 0.4));
  inv.log('INFO', `created merchant mer_${rng.alnum(14)} for new user usr_${rng.alnum(14)} (plan: trial)`);
}

function dlqRedrive(inv: Invocation): void {
  const { rng } = inv;
  const count = inv.start > inv.scenario.incident.end && inv.start < inv.scenario.incident.end + HOUR ? 214 : rng.int(1, 6);
  inv.log('INFO', `redriving ${count} messages from orders-fulfillment-dlq to orders-fulfillment`);
  inv.work(count * rng.float(8, 12));
  inv.log('INFO', `moved ${count} messages, 0 failed`);
}

function exportCsv(inv: Invocation): void {
  const { rng } = inv;
  const rows = Math.round(rng.logNormal(1800, 1));
  inv.log('INFO', `exporting ${rows} orders for ${rng.pickSkewed(inv.scenario.merchants)}`);
  inv.work(rows * 1.1 + 300);
  inv.log('INFO', `export ready: s3://tallybird-prod-exports/${rng.uuid()}.csv (presigned URL valid 24h)`);
}

function slackAlerts(inv: Invocation): void {
  const { rng } = inv;
  const { start, end } = inv.scenario.incident;
  let alarm = rng.pick(['billing-estimated-charges', 'image-resize-errors', 'webhook-dispatcher-retries']);
  let state = rng.pick(['ALARM', 'OK']);
  if (inv.start >= start && inv.start < end + 30 * MINUTE) {
    alarm = rng.pick(['orders-service-5xx-rate', 'aurora-prod-connections', 'apigw-prod-5xx', 'fulfillment-worker-timeouts']);
    state = inv.start < end ? 'ALARM' : 'OK';
  }
  inv.work(rng.logNormal(180, 0.3));
  inv.log('INFO', `posted "${alarm}" ${state} to #${state === 'ALARM' ? 'oncall' : 'alerts'}`);
}

function cdkLogRetention(inv: Invocation): void {
  const { rng } = inv;
  inv.log('INFO', JSON.stringify({ RequestType: 'Update', ResourceType: 'Custom::LogRetention', LogicalResourceId: `LogRetention${rng.hex(8)}` }));
  inv.work(rng.logNormal(400, 0.3));
  inv.log('INFO', 'Responding {"Status":"SUCCESS","Reason":"OK"}');
}

function autoDeleteObjects(inv: Invocation): void {
  inv.log('INFO', 'submit response to cloudformation {"Status":"SUCCESS","Reason":"SUCCESS","StackId":"..."}');
}

function edgeHeaders(inv: Invocation): void {
  inv.work(inv.rng.logNormal(2, 0.3));
}

function gdprExport(inv: Invocation): void {
  const { rng } = inv;
  const ticket = `DSR-${rng.int(1000, 9999)}`;
  inv.log('INFO', `${ticket}: collecting personal data for ${rng.pick(inv.scenario.users)}`);
  inv.work(rng.logNormal(8000, 0.4));
  inv.log('INFO', `${ticket}: archive written to s3://tallybird-eu-dsr/${ticket}.zip (${rng.int(40, 900)} KB, 7 tables)`);
}

function gdprErasure(inv: Invocation): void {
  const { rng } = inv;
  const ticket = `DSR-${rng.int(1000, 9999)}`;
  inv.log('INFO', `${ticket}: erasing ${rng.pick(inv.scenario.users)}`);
  inv.work(rng.logNormal(2500, 0.4));
  inv.log('INFO', `${ticket}: anonymised ${rng.int(1, 60)} orders, deleted profile and ${rng.int(0, 4)} addresses`);
  if (rng.chance(0.2)) inv.log('WARN', `${ticket}: ${rng.int(1, 3)} invoices kept for 10 years (tax law retention)`);
}

// ---------------------------------------------------------------------------------------------
// The functions

const node = 'nodejs20.x';
const python = 'python3.12';

export function usEastFunctions(): LambdaFunction[] {
  const prod: LambdaFunction[] = [
    { name: 'tallybird-prod-orders-api', runtime: node, memoryMb: 1024, timeoutSec: 28, retentionInDays: 14, createdDaysAgo: 412, memoryUsedMb: 142, initMs: 380, usesProdDatabase: true, invocations: traffic(50), handler: ordersApi },
    { name: 'tallybird-prod-payments-webhook', runtime: node, memoryMb: 512, timeoutSec: 30, createdDaysAgo: 398, memoryUsedMb: 118, initMs: 310, usesProdDatabase: true, invocations: traffic(35), handler: paymentsWebhook },
    { name: 'tallybird-prod-api-authorizer', runtime: node, memoryMb: 256, timeoutSec: 5, retentionInDays: 7, createdDaysAgo: 412, memoryUsedMb: 84, initMs: 240, invocations: traffic(30), handler: authorizer },
    { name: 'tallybird-prod-order-fulfillment-worker', runtime: python, memoryMb: 512, timeoutSec: 30, retentionInDays: 30, createdDaysAgo: 371, memoryUsedMb: 96, initMs: 820, usesProdDatabase: true, invocations: traffic(25, 'us-east-1', 3), handler: fulfillmentWorker(US_CARRIERS) },
    { name: 'tallybird-prod-send-transactional-email', runtime: node, memoryMb: 256, timeoutSec: 10, retentionInDays: 14, createdDaysAgo: 371, memoryUsedMb: 92, initMs: 290, invocations: traffic(30), handler: transactionalEmail },
    { name: 'tallybird-prod-invoice-pdf', runtime: python, memoryMb: 1536, timeoutSec: 60, retentionInDays: 30, createdDaysAgo: 240, memoryUsedMb: 410, initMs: 1900, invocations: traffic(14), handler: invoicePdf },
    { name: 'tallybird-prod-image-resize', runtime: node, memoryMb: 2048, timeoutSec: 30, retentionInDays: 14, createdDaysAgo: 305, memoryUsedMb: 380, initMs: 520, invocations: traffic(9), handler: imageResize },
    { name: 'tallybird-prod-fraud-score', runtime: python, memoryMb: 512, timeoutSec: 10, retentionInDays: 14, createdDaysAgo: 133, memoryUsedMb: 210, initMs: 1400, invocations: traffic(25), handler: fraudScore },
    { name: 'tallybird-prod-webhook-dispatcher', runtime: node, memoryMb: 256, timeoutSec: 15, createdDaysAgo: 280, memoryUsedMb: 101, initMs: 270, invocations: traffic(35), handler: webhookDispatcher },
    { name: 'tallybird-prod-search-indexer', runtime: python, memoryMb: 256, timeoutSec: 60, retentionInDays: 7, createdDaysAgo: 190, memoryUsedMb: 88, initMs: 650, invocations: traffic(20), handler: searchIndexer },
    { name: 'tallybird-prod-inventory-sync', runtime: python, memoryMb: 512, timeoutSec: 300, retentionInDays: 14, createdDaysAgo: 160, memoryUsedMb: 160, initMs: 700, invocations: every(10 * MINUTE), handler: inventorySync },
    { name: 'tallybird-prod-abandoned-cart-reminder', runtime: node, memoryMb: 512, timeoutSec: 120, createdDaysAgo: 220, memoryUsedMb: 130, initMs: 330, invocations: every(HOUR, 5 * MINUTE), handler: abandonedCarts },
    { name: 'tallybird-prod-nightly-revenue-report', runtime: python, memoryMb: 3008, timeoutSec: 900, retentionInDays: 90, createdDaysAgo: 350, memoryUsedMb: 1850, initMs: 2400, invocations: every(DAY, 3 * HOUR), handler: revenueReport },
    { name: 'tallybird-prod-currency-rates-refresh', runtime: python, memoryMb: 128, timeoutSec: 30, retentionInDays: 3, createdDaysAgo: 300, memoryUsedMb: 61, initMs: 450, invocations: every(HOUR), handler: currencyRates },
    { name: 'tallybird-prod-session-cleanup', runtime: python, memoryMb: 256, timeoutSec: 60, retentionInDays: 1, createdDaysAgo: 260, memoryUsedMb: 70, initMs: 480, invocations: every(15 * MINUTE), handler: sessionCleanup },
    { name: 'tallybird-prod-cognito-pre-token-generation', runtime: node, memoryMb: 128, timeoutSec: 5, retentionInDays: 7, createdDaysAgo: 412, memoryUsedMb: 71, initMs: 210, invocations: traffic(22), handler: preTokenGeneration },
    { name: 'tallybird-prod-cognito-post-confirmation', runtime: node, memoryMb: 128, timeoutSec: 5, createdDaysAgo: 412, memoryUsedMb: 74, initMs: 230, invocations: steady(6), handler: postConfirmation },
    { name: 'tallybird-prod-dlq-redrive', runtime: python, memoryMb: 256, timeoutSec: 300, createdDaysAgo: 201, memoryUsedMb: 77, initMs: 520, invocations: moments((s) => [s.incident.end + 37 * MINUTE, s.incident.start - 3 * DAY - 2 * HOUR]), handler: dlqRedrive },
    { name: 'tallybird-prod-export-csv', runtime: python, memoryMb: 1024, timeoutSec: 300, retentionInDays: 30, createdDaysAgo: 176, memoryUsedMb: 260, initMs: 900, invocations: traffic(2), handler: exportCsv },
    {
      name: 'tallybird-prod-slack-alerts', runtime: node, memoryMb: 128, timeoutSec: 10, createdDaysAgo: 330, memoryUsedMb: 69, initMs: 260, handler: slackAlerts,
      invocations: (rng, from, to, s) => {
        const { start, end } = s.incident;
        const incident = [start + 3 * MINUTE, start + 4 * MINUTE, start + 6 * MINUTE, start + 9 * MINUTE, end + 7 * MINUTE, end + 9 * MINUTE, end + 12 * MINUTE];
        return [...steady(2)(rng, from, to, s), ...incident.filter((t) => t >= from && t < to)].sort((a, b) => a - b);
      },
    },
    { name: 'TallybirdProdStack-LogRetentionaae0aa3c5b4d4f87b0-kX3Zp9QwE1Rt', runtime: node, memoryMb: 128, timeoutSec: 900, createdDaysAgo: 412, memoryUsedMb: 88, initMs: 420, invocations: moments((s) => [s.incident.start - 4 * DAY - 50 * MINUTE, s.incident.start - 4 * DAY - 49 * MINUTE]), handler: cdkLogRetention },
    { name: 'TallybirdProdStack-CustomS3AutoDeleteObjectsCustomRes-Q2w3E4r5T6y7', runtime: node, memoryMb: 128, timeoutSec: 900, createdDaysAgo: 412, historyDays: 90, memoryUsedMb: 79, initMs: 380, invocations: moments((s) => [s.incident.start - 63 * DAY + 2 * HOUR]), handler: autoDeleteObjects },
    { name: 'tallybird-prod-legacy-csv-import', runtime: python, memoryMb: 512, timeoutSec: 300, retentionInDays: 14, createdDaysAgo: 700, memoryUsedMb: 120, initMs: 600, invocations: () => [], handler: () => {} },
    { name: 'us-east-1.tallybird-edge-security-headers', runtime: node, memoryMb: 128, timeoutSec: 5, createdDaysAgo: 250, memoryUsedMb: 66, initMs: 160, invocations: traffic(30), handler: edgeHeaders },
  ];
  const staging: LambdaFunction[] = [
    { name: 'tallybird-staging-orders-api', runtime: node, memoryMb: 1024, timeoutSec: 28, retentionInDays: 3, createdDaysAgo: 300, memoryUsedMb: 131, initMs: 390, invocations: workHours(8), handler: ordersApi },
    { name: 'tallybird-staging-payments-webhook', runtime: node, memoryMb: 512, timeoutSec: 30, retentionInDays: 3, createdDaysAgo: 300, memoryUsedMb: 110, initMs: 320, invocations: workHours(5), handler: paymentsWebhook },
    { name: 'tallybird-staging-order-fulfillment-worker', runtime: python, memoryMb: 512, timeoutSec: 30, retentionInDays: 3, createdDaysAgo: 290, memoryUsedMb: 92, initMs: 830, invocations: workHours(3), handler: fulfillmentWorker(US_CARRIERS) },
    { name: 'tallybird-staging-send-transactional-email', runtime: node, memoryMb: 256, timeoutSec: 10, retentionInDays: 1, createdDaysAgo: 290, memoryUsedMb: 90, initMs: 300, invocations: workHours(4), handler: transactionalEmail },
    { name: 'tallybird-staging-invoice-pdf', runtime: python, memoryMb: 1536, timeoutSec: 60, retentionInDays: 1, createdDaysAgo: 230, memoryUsedMb: 395, initMs: 1950, invocations: workHours(2), handler: invoicePdf },
    { name: 'tallybird-staging-api-authorizer', runtime: node, memoryMb: 256, timeoutSec: 5, retentionInDays: 1, createdDaysAgo: 300, memoryUsedMb: 80, initMs: 250, invocations: workHours(6), handler: authorizer },
    { name: 'tallybird-dev-orders-api', runtime: node, memoryMb: 1024, timeoutSec: 28, retentionInDays: 1, createdDaysAgo: 95, memoryUsedMb: 128, initMs: 410, invocations: workHours(3), handler: ordersApi },
    { name: 'tallybird-dev-image-resize', runtime: node, memoryMb: 2048, timeoutSec: 30, retentionInDays: 1, createdDaysAgo: 95, memoryUsedMb: 350, initMs: 540, invocations: workHours(1), handler: imageResize },
  ];
  return [...prod, ...staging];
}

export function euWestFunctions(): LambdaFunction[] {
  const eu: Region = 'eu-west-1';
  return [
    { name: 'tallybird-eu-order-fulfillment-worker', runtime: python, memoryMb: 512, timeoutSec: 30, retentionInDays: 30, createdDaysAgo: 180, memoryUsedMb: 94, initMs: 840, invocations: traffic(8, eu), handler: fulfillmentWorker(EU_CARRIERS) },
    { name: 'tallybird-eu-send-transactional-email', runtime: node, memoryMb: 256, timeoutSec: 10, retentionInDays: 14, createdDaysAgo: 180, memoryUsedMb: 90, initMs: 300, invocations: traffic(12, eu), handler: transactionalEmail },
    { name: 'tallybird-eu-invoice-pdf', runtime: python, memoryMb: 1536, timeoutSec: 60, retentionInDays: 30, createdDaysAgo: 180, memoryUsedMb: 402, initMs: 1950, invocations: traffic(5, eu), handler: invoicePdf },
    { name: 'tallybird-eu-gdpr-data-export', runtime: python, memoryMb: 1024, timeoutSec: 900, retentionInDays: 365, createdDaysAgo: 175, memoryUsedMb: 240, initMs: 900, invocations: steady(2), handler: gdprExport },
    { name: 'tallybird-eu-gdpr-erasure', runtime: python, memoryMb: 512, timeoutSec: 300, retentionInDays: 365, createdDaysAgo: 175, memoryUsedMb: 150, initMs: 880, invocations: steady(1.5), handler: gdprErasure },
    // Lambda@Edge writes to the region nearest the viewer, under the function's home region name.
    { name: 'us-east-1.tallybird-edge-security-headers', runtime: node, memoryMb: 128, timeoutSec: 5, createdDaysAgo: 250, memoryUsedMb: 66, initMs: 170, invocations: traffic(12, eu), handler: edgeHeaders },
  ];
}

export function lambdaLogGroups(s: Scenario, region: Region): SeedLogGroup[] {
  const functions = region === 'us-east-1' ? usEastFunctions() : euWestFunctions();
  return functions.map((fn) => lambdaLogGroup(s, region, fn));
}

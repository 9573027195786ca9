/**
 * nginx on the web tier's EC2 instances, shipped by the CloudWatch agent (which names groups after
 * the file and streams after the instance). The access log is nginx's `combined` format:
 * `$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent"`.
 */
import type { SeedLogGroup } from '../types';
import { Random } from './random';
import { type Scenario, type StreamBuilder, add, arrivals, historyStart, inIncident, load, logGroup, sortEvents, stream } from './scenario';
import { DAY, MINUTE, SECOND, clfTime, slashedTime } from './time';

const RETENTION_DAYS = 14;
const SERVER = 'app.tallybird.io';

export interface Instance {
  readonly id: string;
  readonly start: number;
  readonly stop: number;
  readonly access: StreamBuilder;
  readonly error: StreamBuilder;
  readonly pid: number;
  connection: number;
}

const BROWSERS = [
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 30],
  ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15', 14],
  ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 16],
  ['Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1', 18],
  ['Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36', 8],
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0', 7],
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0', 5],
] as const;

/** [method, path, weight, median ms, bytes, proxied to orders-service] */
const PAGES = [
  ['GET', '/dashboard', 10, 12, 2841, false],
  ['GET', '/orders', 8, 11, 2841, false],
  ['GET', '/assets/index-3f9c1b7a.js', 9, 3, 412_884, false],
  ['GET', '/assets/index-9e2d41c8.css', 9, 2, 48_112, false],
  ['GET', '/assets/logo-4b1d.svg', 5, 1, 3_120, false],
  ['GET', '/favicon.ico', 4, 1, 4_286, false],
  ['GET', '/api/v1/orders?status=open&limit=50', 14, 45, 18_400, true],
  ['GET', '/api/v1/orders/{id}', 12, 18, 2_900, true],
  ['GET', '/api/v1/carts/{cart}', 6, 12, 1_400, true],
  ['POST', '/api/v1/carts/{cart}/items', 4, 35, 1_460, true],
  ['POST', '/api/v1/orders', 3, 120, 3_100, true],
  ['POST', '/api/v1/checkout', 3, 450, 880, true],
  ['POST', '/api/v1/auth/refresh', 5, 30, 512, true],
  ['GET', '/api/v1/reports/sales?range=30d', 1, 900, 22_000, true],
] as const;
const PAGE_CHOICES = PAGES.map((p) => [p, p[2]] as const);

const SCANS = ['/wp-login.php', '/.env', '/.git/config', '/wp-admin/setup-config.php', '/phpmyadmin/index.php', '/config.json', '/actuator/env', '/cgi-bin/luci/;stok=/locale'];
const SCANNER_AGENTS = ['Mozilla/5.0 zgrab/0.x', 'python-requests/2.32.3', 'curl/8.5.0', 'Go-http-client/1.1', 'Mozilla/5.0 (compatible; Nmap Scripting Engine; https://nmap.org/book/nse.html)'];

/** The load balancer checks each instance every 30 s. */
export const HEALTH_CHECK_PERIOD = 30 * SECOND;

/** The web tier: its instances (created with the first draws of `rng`), and `rng` to go on with. */
export function webTier(s: Scenario): { readonly rng: Random; readonly instances: readonly Instance[] } {
  const rng = new Random('nginx/us-east-1');
  // Two instances; an instance refresh three days ago replaced one of them.
  const refresh = s.webInstanceRefreshAt;
  const instances: Instance[] = [
    instance(rng, s.now - 40 * DAY, Number.POSITIVE_INFINITY),
    instance(rng, s.now - 40 * DAY, refresh + 4 * MINUTE),
    instance(rng, refresh, Number.POSITIVE_INFINITY),
  ];
  return { rng, instances };
}

/** Instances taking traffic at t (a minute after they start, until they stop). */
export function servingInstances(instances: readonly Instance[], t: number): Instance[] {
  return instances.filter((i) => i.start + MINUTE <= t && t < i.stop);
}

export function nginxLogGroups(s: Scenario): SeedLogGroup[] {
  const { rng, instances } = webTier(s);
  const from = historyStart(s, RETENTION_DAYS);

  for (const inst of instances) {
    for (let t = Math.max(from, inst.start + MINUTE) + rng.int(0, 30 * SECOND); t < Math.min(s.now, inst.stop); t += HEALTH_CHECK_PERIOD + rng.int(-200, 200)) {
      healthCheck(rng, inst, t);
    }
  }

  for (const t of arrivals(rng, from, s.now, (t) => 380 * load(t, 'us-east-1'))) {
    serveRequest(rng, s, rng.pick(servingInstances(instances, t)), t);
  }

  const accessStreams = instances.map((i) => i.access);
  const errorStreams = instances.map((i) => i.error);
  for (const inst of instances) {
    if (inst.start >= from) {
      add(inst.error, inst.start, `${slashedTime(inst.start)} [notice] ${inst.pid - 1}#${inst.pid - 1}: using the "epoll" event method`);
      add(inst.error, inst.start, `${slashedTime(inst.start)} [notice] ${inst.pid - 1}#${inst.pid - 1}: nginx/1.26.2`);
      add(inst.error, inst.start + 3, `${slashedTime(inst.start + 3)} [notice] ${inst.pid - 1}#${inst.pid - 1}: start worker processes`);
    }
  }
  // Health checks and requests were written in two passes.
  sortEvents([...accessStreams, ...errorStreams]);

  return [
    logGroup(s, { name: '/var/log/nginx/access.log', retentionInDays: RETENTION_DAYS, createdDaysAgo: 385 }, accessStreams),
    logGroup(s, { name: '/var/log/nginx/error.log', retentionInDays: RETENTION_DAYS, createdDaysAgo: 385 }, errorStreams),
  ];
}

/** An ALB health check, from the load balancer's node in either subnet. */
export function healthCheck(rng: Random, inst: Instance, t: number): void {
  const alb = rng.chance(0.5) ? '10.0.1.87' : '10.0.2.143';
  add(inst.access, t, `${alb} - - [${clfTime(t)}] "GET /healthz HTTP/1.1" 200 2 "-" "ELB-HealthChecker/2.0"`);
}

/** One request to an instance at t: its access-log line, and an error-log line when nginx has one to say. */
export function serveRequest(rng: Random, s: Scenario, inst: Instance, t: number): void {
  inst.connection += rng.int(1, 4);
  const ip = rng.pickSkewed(s.clientIps);

  if (rng.chance(0.02)) {
    const path = rng.pick(SCANS);
    const scanner = `${rng.pick([45, 64, 79, 185, 193, 194])}.${rng.int(1, 254)}.${rng.int(1, 254)}.${rng.int(1, 254)}`;
    add(inst.access, t, `${scanner} - - [${clfTime(t)}] "GET ${path} HTTP/1.1" 404 153 "-" "${rng.pick(SCANNER_AGENTS)}"`);
    if (!path.startsWith('/cgi-bin')) {
      add(inst.error, t, `${slashedTime(t)} [error] ${inst.pid}#${inst.pid}: *${inst.connection} open() "/usr/share/nginx/html${path}" failed (2: No such file or directory), client: ${scanner}, server: ${SERVER}, request: "GET ${path} HTTP/1.1", host: "${SERVER}"`);
    }
    return;
  }
  if (rng.chance(0.01)) {
    add(inst.access, t, `66.249.66.${rng.int(1, 200)} - - [${clfTime(t)}] "GET /robots.txt HTTP/1.1" 200 67 "-" "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"`);
    return;
  }

  const [method, template, , median, size, proxied] = rng.weighted(PAGE_CHOICES);
  const path = template.replace('{id}', `ord_${rng.alnum(14)}`).replace('{cart}', `cart_${rng.alnum(12)}`);
  const request = `${method} ${path} HTTP/1.1`;
  const referer = path.startsWith('/dashboard') && rng.chance(0.5) ? '-' : `https://${SERVER}${rng.pick(['/dashboard', '/orders', '/orders', '/checkout'])}`;
  let status = method === 'POST' && path === '/api/v1/orders' ? 201 : 200;
  let bytes = Math.round(size * rng.float(0.7, 1.3));
  if (!proxied && path.startsWith('/assets') && rng.chance(0.6)) {
    status = 304;
    bytes = 0;
  }
  if (proxied && inIncident(s, t) && rng.chance(0.6)) {
    // The API answers 503 from orders-service; nginx itself gives up after proxy_read_timeout (10s).
    const upstream = `10.0.${rng.pick([21, 22])}.${rng.int(10, 250)}:8080`;
    const kind = rng.weighted([['503', 6], ['504', 3], ['502', 1]]);
    if (kind === '503') {
      status = 503;
      bytes = 162;
    } else if (kind === '504') {
      status = 504;
      bytes = 167;
      add(inst.error, t, `${slashedTime(t)} [error] ${inst.pid}#${inst.pid}: *${inst.connection} upstream timed out (110: Connection timed out) while reading response header from upstream, client: ${ip}, server: ${SERVER}, request: "${request}", upstream: "http://${upstream}${path.slice(4)}", host: "${SERVER}", referrer: "${referer}"`);
    } else {
      status = 502;
      bytes = 157;
      add(inst.error, t, `${slashedTime(t)} [error] ${inst.pid}#${inst.pid}: *${inst.connection} upstream prematurely closed connection while reading response header from upstream, client: ${ip}, server: ${SERVER}, request: "${request}", upstream: "http://${upstream}${path.slice(4)}", host: "${SERVER}", referrer: "${referer}"`);
    }
  } else if (proxied && rng.chance(0.004)) {
    status = 499; // the browser gave up first
    bytes = 0;
  } else if (proxied && rng.chance(0.01)) {
    status = rng.pick([401, 404, 422]);
    bytes = rng.int(60, 180);
  } else if (median > 400 && rng.chance(0.05)) {
    add(inst.error, t, `${slashedTime(t)} [warn] ${inst.pid}#${inst.pid}: *${inst.connection} an upstream response is buffered to a temporary file /var/cache/nginx/proxy_temp/${rng.int(1, 9)}/${rng.int(10, 99)}/00000${rng.int(10000, 99999)} while reading upstream, client: ${ip}, server: ${SERVER}, request: "${request}", upstream: "http://10.0.21.${rng.int(10, 250)}:8080${path.slice(4)}", host: "${SERVER}", referrer: "${referer}"`);
  }
  const agent = rng.weighted(BROWSERS);
  add(inst.access, t, `${ip} - - [${clfTime(t)}] "${request}" ${status} ${bytes} "${referer}" "${agent}"`);
}

function instance(rng: Random, start: number, stop: number): Instance {
  const id = `i-0${rng.hex(16)}`;
  return {
    id,
    start,
    stop,
    access: stream(id),
    error: stream(id),
    pid: rng.int(2000, 3900),
    connection: rng.int(1000, 90_000),
  };
}

/**
 * Tallybird's CloudWatch metrics: Lambda, API Gateway, the web tier's ALB, the ECS services, the Aurora
 * database and the business's own namespace, telling the logs' story — traffic follows `load(t)`, the
 * business grows over the 15 months of history, and during yesterday's incident the writer runs out of
 * connections (DatabaseConnections at the limit), the functions that use it time out and fail, the API and
 * the ALB return 5xx, and orders drop while payment failures spike.
 *
 * Nothing is stored: each metric is a generator, a pure function of the bucket it is asked for (seeded by
 * the metric and the minute), so any of the 15 months can be read at its tier's resolution, and new minutes
 * appear as the clock moves on — the live part of the demo.
 */
import type { PeriodAggregate } from '../../services/cloudwatch/aggregate';
import type { SeriesGenerator } from '../../services/cloudwatch/series';
import type { SeedMetric } from '../types';
import { Random } from './random';
import { inIncident, load, type Region, type Scenario } from './scenario';
import { DAY, MINUTE } from './time';

/** What one minute of a metric adds, `weight` times (a coarse bucket stands for many minutes). */
type MinuteSample = (t: number, rng: Random, into: PeriodAggregate, weight: number) => void;

/** A coarse bucket is computed from at most this many sampled minutes. */
const MAX_SAMPLES = 12;

function generator(unit: string, seed: string, minute: MinuteSample): SeriesGenerator {
  return {
    unit,
    resolutionSeconds: 60,
    fill(start, seconds, into) {
      const minutes = seconds / 60;
      const samples = Math.min(minutes, MAX_SAMPLES);
      const weight = minutes / samples;
      const step = (seconds * 1000) / samples;
      for (let i = 0; i < samples; i++) {
        const t = start + i * step;
        minute(t, new Random(`${seed}/${Math.floor(t / MINUTE)}`), into, weight);
      }
    },
  };
}

/** A count per minute (Sum = events, SampleCount = events, as AWS publishes per-event counters). */
function events(count: number, into: PeriodAggregate, weight: number): void {
  if (count > 0) into.addValue(1, count * weight);
}

/** A reading taken once a minute (CPU, connections): one sample per minute. */
function gauge(value: number, into: PeriodAggregate, weight: number): void {
  into.addValue(Math.round(value * 100) / 100, weight);
}

/** Raw values for a distribution (durations): up to 40 draws standing for `count` events. */
function distribution(count: number, draw: () => number, into: PeriodAggregate, weight: number): void {
  if (count <= 0) return;
  const draws = Math.min(count, 40);
  for (let i = 0; i < draws; i++) into.addValue(Math.round(draw() * 100) / 100, (count / draws) * weight);
}

/** Poisson-ish count around a mean. */
function countAround(rng: Random, mean: number): number {
  return Math.max(0, Math.round(mean + rng.normal() * Math.sqrt(Math.max(mean, 0))));
}

/** Tallybird grew about 60% over the 15 months of history. */
function growth(s: Scenario, t: number): number {
  return 1 / (1 + 0.6 * Math.min(1, Math.max(0, (s.now - t) / (455 * DAY))));
}

function metric(namespace: string, metricName: string, dimensions: Record<string, string>, gen: SeriesGenerator): SeedMetric {
  return { namespace, metricName, dimensions: Object.entries(dimensions).map(([Name, Value]) => ({ Name, Value })), generator: gen };
}

interface FunctionProfile {
  readonly name: string;
  /** Invocations per minute at the daily peak. */
  readonly perMinute: number;
  readonly medianMs: number;
  readonly timeoutMs: number;
  readonly memoryMb: number;
  /** It uses the production database, so it times out during the incident. */
  readonly usesDatabase: boolean;
  readonly errorRate: number;
}

const US_FUNCTIONS: readonly FunctionProfile[] = [
  { name: 'tallybird-prod-orders-api', perMinute: 50, medianMs: 85, timeoutMs: 28_000, memoryMb: 1024, usesDatabase: true, errorRate: 0.002 },
  { name: 'tallybird-prod-payments-webhook', perMinute: 35, medianMs: 120, timeoutMs: 30_000, memoryMb: 512, usesDatabase: true, errorRate: 0.003 },
  { name: 'tallybird-prod-api-authorizer', perMinute: 30, medianMs: 12, timeoutMs: 5_000, memoryMb: 256, usesDatabase: false, errorRate: 0.0005 },
  { name: 'tallybird-prod-order-fulfillment-worker', perMinute: 25, medianMs: 340, timeoutMs: 30_000, memoryMb: 512, usesDatabase: true, errorRate: 0.004 },
  { name: 'tallybird-prod-send-transactional-email', perMinute: 30, medianMs: 210, timeoutMs: 10_000, memoryMb: 256, usesDatabase: false, errorRate: 0.001 },
  { name: 'tallybird-prod-fraud-score', perMinute: 25, medianMs: 160, timeoutMs: 10_000, memoryMb: 512, usesDatabase: false, errorRate: 0.001 },
];

const EU_FUNCTIONS: readonly FunctionProfile[] = [
  { name: 'tallybird-eu-order-fulfillment-worker', perMinute: 8, medianMs: 330, timeoutMs: 30_000, memoryMb: 512, usesDatabase: false, errorRate: 0.004 },
  { name: 'tallybird-eu-send-transactional-email', perMinute: 12, medianMs: 200, timeoutMs: 10_000, memoryMb: 256, usesDatabase: false, errorRate: 0.001 },
];

/** Aurora's max_connections for the writer's instance class; 3 are reserved for superusers. */
export const DB_MAX_CONNECTIONS = 405;

/** How the incident looks at t in us-east-1: 0 before and after, 1 during; the leak grows from the deploy. */
function incidentAt(s: Scenario, region: Region, t: number): { readonly down: boolean; readonly leak: number } {
  if (region !== 'us-east-1') return { down: false, leak: 0 };
  const { deployAt, start, rollbackAt, end } = s.incident;
  if (inIncident(s, t)) return { down: true, leak: 1 };
  if (t >= deployAt && t < start) return { down: false, leak: (t - deployAt) / (start - deployAt) };
  if (t >= end && t < rollbackAt + 15 * MINUTE) return { down: false, leak: Math.max(0, 1 - (t - end) / (10 * MINUTE)) };
  return { down: false, leak: 0 };
}

function lambdaMetrics(s: Scenario, region: Region, fn: FunctionProfile): SeedMetric[] {
  const dims = { FunctionName: fn.name };
  const seed = `metrics/${region}/lambda/${fn.name}`;
  /** Invocations in the minute at t, with retries while the database is down. */
  const invocations = (t: number, rng: Random): number => {
    const { down } = incidentAt(s, region, t);
    return countAround(rng, fn.perMinute * load(t, region) * growth(s, t) * (down && fn.usesDatabase ? 1.5 : 1));
  };
  const failing = (t: number): boolean => fn.usesDatabase && incidentAt(s, region, t).down;
  const duration = (t: number, rng: Random): number => {
    if (failing(t) && rng.chance(0.7)) return fn.timeoutMs;
    const slow = fn.usesDatabase ? 1 + 4 * incidentAt(s, region, t).leak : 1;
    return Math.min(fn.timeoutMs, rng.logNormal(fn.medianMs * slow, 0.45));
  };
  const errors = (t: number, rng: Random, count: number): number => (failing(t) ? Math.round(count * 0.72) : countAround(rng, count * fn.errorRate));
  return [
    metric('AWS/Lambda', 'Invocations', dims, generator('Count', `${seed}/invocations`, (t, rng, into, w) => events(invocations(t, rng), into, w))),
    metric(
      'AWS/Lambda',
      'Errors',
      dims,
      generator('Count', `${seed}/errors`, (t, rng, into, w) => {
        const count = invocations(t, new Random(`${seed}/invocations/${Math.floor(t / MINUTE)}`));
        const failed = Math.min(count, errors(t, rng, count));
        events(failed, into, w);
        // Successful invocations publish 0, so Average is the error rate.
        if (count > failed) into.addValue(0, (count - failed) * w);
      }),
    ),
    metric(
      'AWS/Lambda',
      'Throttles',
      dims,
      generator('Count', `${seed}/throttles`, (t, rng, into, w) => {
        const count = failing(t) && fn.name.endsWith('orders-api') ? countAround(rng, 40) : 0;
        into.addValue(count > 0 ? 1 : 0, Math.max(1, count) * w);
      }),
    ),
    metric(
      'AWS/Lambda',
      'Duration',
      dims,
      generator('Milliseconds', `${seed}/duration`, (t, rng, into, w) => {
        const count = invocations(t, new Random(`${seed}/invocations/${Math.floor(t / MINUTE)}`));
        distribution(count, () => duration(t, rng), into, w);
      }),
    ),
    metric(
      'AWS/Lambda',
      'ConcurrentExecutions',
      dims,
      generator('Count', `${seed}/concurrency`, (t, rng, into, w) => {
        const perSecond = (fn.perMinute * load(t, region) * growth(s, t)) / 60;
        const busySeconds = failing(t) ? fn.timeoutMs / 1000 : fn.medianMs / 1000;
        gauge(Math.max(0, Math.ceil(perSecond * busySeconds * 1.6 + rng.float(0, 2))), into, w);
      }),
    ),
  ];
}

function apiGatewayMetrics(s: Scenario): SeedMetric[] {
  const dims = { ApiName: 'tallybird-public-api', Stage: 'prod' };
  const seed = 'metrics/us-east-1/apigateway';
  const requests = (t: number): number => {
    const rng = new Random(`${seed}/count/${Math.floor(t / MINUTE)}`);
    return countAround(rng, 190 * load(t, 'us-east-1') * growth(s, t));
  };
  const down = (t: number): boolean => incidentAt(s, 'us-east-1', t).down;
  /** Errors publish 1 for each failing request and 0 for the others, so Average is the error rate. */
  const rate = (name: string, errorShare: (t: number, rng: Random) => number): SeedMetric =>
    metric(
      'AWS/ApiGateway',
      name,
      dims,
      generator('Count', `${seed}/${name}`, (t, rng, into, w) => {
        const total = requests(t);
        const failed = Math.min(total, Math.round(total * errorShare(t, rng)));
        events(failed, into, w);
        if (total > failed) into.addValue(0, (total - failed) * w);
      }),
    );
  return [
    metric('AWS/ApiGateway', 'Count', dims, generator('Count', `${seed}/count`, (t, _rng, into, w) => events(requests(t), into, w))),
    rate('4XXError', (_t, rng) => 0.012 + rng.float(0, 0.006)),
    rate('5XXError', (t, rng) => (down(t) ? 0.64 + rng.float(0, 0.1) : rng.float(0, 0.0015))),
    metric(
      'AWS/ApiGateway',
      'Latency',
      dims,
      generator('Milliseconds', `${seed}/latency`, (t, rng, into, w) =>
        distribution(requests(t), () => (down(t) && rng.chance(0.6) ? 29_000 : rng.logNormal(110 * (1 + 3 * incidentAt(s, 'us-east-1', t).leak), 0.5)), into, w),
      ),
    ),
  ];
}

function albMetrics(s: Scenario): SeedMetric[] {
  const dims = { LoadBalancer: 'app/tallybird-prod-web/50dc6c495c0c9188' };
  const seed = 'metrics/us-east-1/alb';
  const requests = (t: number): number => countAround(new Random(`${seed}/requests/${Math.floor(t / MINUTE)}`), 60 * load(t, 'us-east-1') * growth(s, t));
  const down = (t: number): boolean => incidentAt(s, 'us-east-1', t).down;
  return [
    metric('AWS/ApplicationELB', 'RequestCount', dims, generator('Count', `${seed}/requests`, (t, _rng, into, w) => events(requests(t), into, w))),
    metric(
      'AWS/ApplicationELB',
      'HTTPCode_Target_5XX_Count',
      dims,
      generator('Count', `${seed}/5xx`, (t, rng, into, w) => events(down(t) ? Math.round(requests(t) * 0.55) : countAround(rng, 0.05), into, w)),
    ),
    metric(
      'AWS/ApplicationELB',
      'TargetResponseTime',
      dims,
      generator('Seconds', `${seed}/response-time`, (t, rng, into, w) =>
        distribution(requests(t), () => (down(t) && rng.chance(0.5) ? 30 : rng.logNormal(0.045, 0.5)), into, w),
      ),
    ),
    metric('AWS/ApplicationELB', 'HealthyHostCount', dims, generator('Count', `${seed}/healthy`, (t, _rng, into, w) => gauge(t >= s.webInstanceRefreshAt && t < s.webInstanceRefreshAt + 4 * MINUTE ? 1 : 2, into, w))),
  ];
}

function ecsMetrics(s: Scenario, region: Region): SeedMetric[] {
  const cluster = region === 'us-east-1' ? 'tallybird-prod' : 'tallybird-eu';
  return (['orders-service', 'payments-service'] as const).flatMap((service) => {
    const dims = { ClusterName: cluster, ServiceName: service };
    const seed = `metrics/${region}/ecs/${service}`;
    const base = service === 'orders-service' ? 34 : 21;
    return [
      metric(
        'AWS/ECS',
        'CPUUtilization',
        dims,
        generator('Percent', `${seed}/cpu`, (t, rng, into, w) => {
          const { leak } = incidentAt(s, region, t);
          gauge(Math.min(100, base * (0.4 + 0.9 * load(t, region)) + (service === 'orders-service' ? 25 * leak : 0) + rng.float(-2, 2)), into, w);
        }),
      ),
      metric(
        'AWS/ECS',
        'MemoryUtilization',
        dims,
        generator('Percent', `${seed}/memory`, (t, rng, into, w) => {
          const { leak } = incidentAt(s, region, t);
          gauge(Math.min(100, (service === 'orders-service' ? 46 : 38) + 6 * load(t, region) + (service === 'orders-service' ? 30 * leak : 0) + rng.float(-1, 1)), into, w);
        }),
      ),
    ];
  });
}

function rdsMetrics(s: Scenario, region: Region): SeedMetric[] {
  const cluster = region === 'us-east-1' ? 'tallybird-prod' : 'tallybird-eu';
  return [1, 2].flatMap((n) => {
    const writer = n === 1;
    const dims = { DBInstanceIdentifier: `${cluster}-instance-${n}` };
    const seed = `metrics/${region}/rds/${cluster}-${n}`;
    const connections = (t: number, rng: Random): number => {
      const { down, leak } = incidentAt(s, region, t);
      const normal = (writer ? 70 : 25) + (writer ? 140 : 45) * load(t, region) * growth(s, t) + rng.float(-6, 6);
      if (!writer) return normal;
      return down ? DB_MAX_CONNECTIONS - 3 + rng.int(0, 3) : Math.min(DB_MAX_CONNECTIONS, normal + leak * (DB_MAX_CONNECTIONS - normal));
    };
    return [
      metric('AWS/RDS', 'DatabaseConnections', dims, generator('Count', `${seed}/connections`, (t, rng, into, w) => gauge(Math.round(connections(t, rng)), into, w))),
      metric(
        'AWS/RDS',
        'CPUUtilization',
        dims,
        generator('Percent', `${seed}/cpu`, (t, rng, into, w) => {
          const { down, leak } = incidentAt(s, region, t);
          gauge(Math.min(100, (writer ? 18 : 9) + (writer ? 38 : 20) * load(t, region) * growth(s, t) + (writer ? (down ? 35 : 20 * leak) : 0) + rng.float(-3, 3)), into, w);
        }),
      ),
      metric(
        'AWS/RDS',
        'FreeStorageSpace',
        dims,
        generator('Bytes', `${seed}/storage`, (t, rng, into, w) => {
          // Half a terabyte, filling by about 0.35 GB a day.
          const usedGb = 180 - ((s.now - t) / DAY) * 0.35;
          gauge(Math.round((500 - usedGb) * 1024 ** 3 + rng.float(0, 64) * 1024 ** 2), into, w);
        }),
      ),
    ];
  });
}

function businessMetrics(s: Scenario, region: Region): SeedMetric[] {
  const dims = { Environment: 'prod' };
  const seed = `metrics/${region}/business`;
  const scale = region === 'us-east-1' ? 1 : 0.3;
  return [
    metric(
      'Tallybird/Business',
      'OrdersPlaced',
      dims,
      generator('Count', `${seed}/orders`, (t, rng, into, w) => {
        const { down } = incidentAt(s, region, t);
        events(countAround(rng, 42 * scale * load(t, region) * growth(s, t) * (down ? 0.15 : 1)), into, w);
      }),
    ),
    metric(
      'Tallybird/Business',
      'PaymentFailures',
      dims,
      generator('Count', `${seed}/payment-failures`, (t, rng, into, w) => {
        const { down } = incidentAt(s, region, t);
        events(countAround(rng, (down ? 9 : 0.25) * scale * load(t, region)), into, w);
      }),
    ),
  ];
}

/** The region's demo metrics. */
export function demoMetrics(s: Scenario, region: Region): SeedMetric[] {
  if (region === 'us-east-1') {
    return [
      ...US_FUNCTIONS.flatMap((fn) => lambdaMetrics(s, region, fn)),
      ...apiGatewayMetrics(s),
      ...albMetrics(s),
      ...ecsMetrics(s, region),
      ...rdsMetrics(s, region),
      ...businessMetrics(s, region),
    ];
  }
  return [...EU_FUNCTIONS.flatMap((fn) => lambdaMetrics(s, region, fn)), ...ecsMetrics(s, region), ...rdsMetrics(s, region), ...businessMetrics(s, region)];
}

/**
 * Fault injection for reliability tests: added latency, random throttling, and per-operation TPS quotas
 * enforced with token buckets (one per region and operation, as AWS meters them per account and region).
 */
import { TokenBucket } from './core/token-bucket';
import { tpsIn, type TpsQuota } from '../shared/quotas';

export interface FaultOptions {
  /** Delay added to every response, in milliseconds. */
  readonly latencyMs?: number;
  /** A further random delay of 0..latencyJitterMs milliseconds. */
  readonly latencyJitterMs?: number;
  /** Probability (0..1) that any request is answered with the protocol's throttling error. */
  readonly throttleRate?: number;
  /** Per-operation TPS limits; default `'off'`. */
  readonly quotas?: QuotaSetting;
}

/**
 * `'aws'`: AWS's documented defaults (each service's `defaultQuotas`, from `shared/quotas.ts`). `'off'`: no
 * limits. An object: AWS's defaults with overrides, keyed like IAM actions (`'logs:GetLogEvents'`), each a
 * TPS or `'off'`.
 */
export type QuotaSetting = 'off' | 'aws' | Readonly<Record<string, number | 'off'>>;

/** AWS's default TPS quotas by signing name and operation. */
export type DefaultQuotas = Readonly<Record<string, Readonly<Record<string, TpsQuota>>>>;

export interface OperationKey {
  /** SigV4 service name, e.g. `logs`. */
  readonly service: string;
  readonly operation: string;
  readonly region: string;
}

export class FaultInjector {
  private options: FaultOptions;
  private buckets = new Map<string, TokenBucket | null>();

  constructor(
    options: FaultOptions,
    private readonly clock: () => number,
    /** The services' quotas (`defaultQuotasOf(SERVICES)`), enforced with `quotas: 'aws'`. */
    private readonly defaultQuotas: DefaultQuotas,
    private readonly random: () => number = Math.random,
  ) {
    this.options = validateFaultOptions(options);
  }

  set(options: FaultOptions): void {
    this.options = validateFaultOptions(options);
    this.buckets = new Map();
  }

  /** How long to hold this response back. */
  delayMs(): number {
    const base = this.options.latencyMs ?? 0;
    const jitter = this.options.latencyJitterMs ?? 0;
    return base + (jitter > 0 ? this.random() * jitter : 0);
  }

  /** Whether this request is to be throttled, by the random rate or by its operation's quota. */
  shouldThrottle(key: OperationKey): boolean {
    const rate = this.options.throttleRate ?? 0;
    if (rate > 0 && this.random() < rate) return true;
    const bucket = this.bucketFor(key);
    return bucket !== null && !bucket.tryTake();
  }

  /** The TPS limit in force for an operation, or undefined when unlimited. */
  quotaFor(key: OperationKey): number | undefined {
    const setting = this.options.quotas ?? 'off';
    if (setting === 'off') return undefined;
    const override = setting === 'aws' ? undefined : setting[`${key.service}:${key.operation}`];
    if (override === 'off') return undefined;
    if (override !== undefined) return override;
    const quota = this.defaultQuotas[key.service]?.[key.operation];
    return quota === undefined ? undefined : tpsIn(quota, key.region);
  }

  private bucketFor(key: OperationKey): TokenBucket | null {
    const id = `${key.region}|${key.service}:${key.operation}`;
    let bucket = this.buckets.get(id);
    if (bucket === undefined) {
      const tps = this.quotaFor(key);
      bucket = tps === undefined ? null : new TokenBucket(tps, Math.max(1, tps), this.clock);
      this.buckets.set(id, bucket);
    }
    return bucket;
  }
}

function validateFaultOptions(options: FaultOptions): FaultOptions {
  const { latencyMs, latencyJitterMs, throttleRate, quotas } = options;
  for (const [name, value] of [
    ['latencyMs', latencyMs],
    ['latencyJitterMs', latencyJitterMs],
  ] as const) {
    if (value !== undefined && !(Number.isFinite(value) && value >= 0)) {
      throw new RangeError(`${name} must be a number of milliseconds >= 0, got ${value}`);
    }
  }
  if (throttleRate !== undefined && !(throttleRate >= 0 && throttleRate <= 1)) {
    throw new RangeError(`throttleRate must be between 0 and 1, got ${throttleRate}`);
  }
  if (typeof quotas === 'object') {
    for (const [operation, tps] of Object.entries(quotas)) {
      if (!operation.includes(':')) throw new RangeError(`Quota keys look like 'logs:GetLogEvents', got '${operation}'`);
      if (tps !== 'off' && !(Number.isFinite(tps) && tps > 0)) {
        throw new RangeError(`Quota for ${operation} must be a positive TPS or 'off', got ${tps}`);
      }
    }
  }
  return options;
}

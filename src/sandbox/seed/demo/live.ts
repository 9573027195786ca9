/**
 * The demo account keeps working while the sandbox runs: a few events a second arrive in us-east-1 — the
 * orders API Lambda (with a new `YYYY/MM/DD/[$LATEST]…` stream whenever a burst of traffic needs another
 * execution environment), the nginx access and error logs, and orders-service's JSON log. The same
 * generators as the seeded week write them, so they read like the rest, and they are stored as
 * PutLogEvents stores events: ingestion time now, each line once its time has come (a Lambda
 * invocation's END after its START).
 */
import type { LogsStore } from '../../services/logs/store';
import type { SeedLogEvent } from '../types';
import { logOrdersRequest, runningTasks, serving } from './ecs';
import { LambdaEnvironments } from './lambda';
import { usEastFunctions } from './lambda-functions';
import { HEALTH_CHECK_PERIOD, healthCheck, serveRequest, servingInstances, webTier } from './nginx';
import { Random, hashString } from './random';
import { arrivals, type Scenario, type StreamBuilder } from './scenario';
import { SECOND } from './time';

export const LIVE_REGION = 'us-east-1';
const ORDERS_API = 'tallybird-prod-orders-api';

/** Requests an hour, flat day and night so the demo always has something to show. */
const RATES = {
  lambdaInvocations: 900,
  /** Bursts of 2–5 concurrent invocations: each needs more environments, so new streams appear. */
  lambdaBursts: 20,
  nginxRequests: 3600,
  ordersRequests: 2900,
} as const;

interface LiveLine extends SeedLogEvent {
  readonly group: string;
  readonly stream: string;
}

/** A part of the demo's traffic: the lines it writes for the arrivals in [from, to). */
interface LiveSource {
  emit(from: number, to: number): LiveLine[];
}

export class LiveDemo {
  private readonly sources: readonly LiveSource[];
  private pending: LiveLine[] = [];
  private last: number;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    /** us-east-1's store. */
    private readonly logs: LogsStore,
    private readonly clock: () => number,
    /** The scenario of the seeded week (`createScenario(now)` with the seed's `now`): traffic goes on from there. */
    scenario: Scenario,
  ) {
    this.sources = [lambdaSource(scenario), nginxSource(scenario), ordersServiceSource(scenario)];
    this.last = scenario.now;
  }

  /** Writes events every `intervalMs` until `stop`; the timer never keeps the process alive. */
  start(intervalMs = SECOND): void {
    if (this.timer !== undefined) return;
    this.timer = setInterval(() => this.tick(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Writes the lines of the traffic since the previous tick whose time has come; returns how many. */
  tick(): number {
    const now = this.clock();
    if (now > this.last) {
      for (const source of this.sources) this.pending.push(...source.emit(this.last, now));
      this.last = now;
    }
    const due = this.pending.filter((line) => line.timestamp <= now);
    this.pending = this.pending.filter((line) => line.timestamp > now);
    this.store(due, now);
    return due.length;
  }

  /** As PutLogEvents would, a batch per stream in time order; a group the user deleted gets nothing. */
  private store(lines: readonly LiveLine[], now: number): void {
    const batches = new Map<string, LiveLine[]>();
    for (const line of lines) {
      const key = `${line.group}\n${line.stream}`;
      const batch = batches.get(key);
      if (batch === undefined) batches.set(key, [line]);
      else batch.push(line);
    }
    for (const batch of batches.values()) {
      const [first] = batch;
      const group = first === undefined ? undefined : this.logs.group(first.group);
      if (first === undefined || group === undefined) continue;
      const stream = group.stream(first.stream) ?? group.createStream(first.stream, now);
      batch.sort((a, b) => a.timestamp - b.timestamp);
      group.ingest(stream, batch.map((line) => ({ timestamp: line.timestamp, message: line.message, size: Buffer.byteLength(line.message, 'utf8') })), () => now);
    }
  }
}

/** Takes the lines the generators appended to these streams. */
function drain(group: string, streams: readonly StreamBuilder[]): LiveLine[] {
  const lines: LiveLine[] = [];
  for (const st of streams) {
    for (const event of st.events.splice(0)) lines.push({ group, stream: st.name, timestamp: event.timestamp, message: event.message });
  }
  return lines;
}

function lambdaSource(s: Scenario): LiveSource {
  const fn = usEastFunctions().find((candidate) => candidate.name === ORDERS_API);
  if (fn === undefined) throw new Error(`The demo has no ${ORDERS_API} function`);
  const rng = new Random(`live/lambda/${ORDERS_API}`);
  const environments = new LambdaEnvironments(rng, s, LIVE_REGION, fn);
  return {
    emit(from, to) {
      const bursts = arrivals(rng, from, to, () => RATES.lambdaBursts)
        .flatMap((at) => Array.from({ length: rng.int(2, 5) }, () => at + rng.int(0, 40)))
        .filter((at) => at < to);
      const times = [...arrivals(rng, from, to, () => RATES.lambdaInvocations), ...bursts].sort((a, b) => a - b);
      for (const arrival of times) environments.invoke(arrival, Number.POSITIVE_INFINITY);
      return drain(`/aws/lambda/${fn.name}`, environments.streams);
    },
  };
}

function nginxSource(s: Scenario): LiveSource {
  const { instances } = webTier(s);
  const rng = new Random('live/nginx');
  return {
    emit(from, to) {
      for (const inst of instances) {
        // Each instance is checked on its own 30-second beat.
        const offset = hashString(inst.id) % HEALTH_CHECK_PERIOD;
        for (let t = Math.ceil((from - offset) / HEALTH_CHECK_PERIOD) * HEALTH_CHECK_PERIOD + offset; t < to; t += HEALTH_CHECK_PERIOD) {
          if (servingInstances([inst], t).length > 0) healthCheck(rng, inst, t);
        }
      }
      for (const t of arrivals(rng, from, to, () => RATES.nginxRequests)) {
        const serving = servingInstances(instances, t);
        if (serving.length > 0) serveRequest(rng, s, rng.pick(serving), t);
      }
      return [
        ...drain('/var/log/nginx/access.log', instances.map((inst) => inst.access)),
        ...drain('/var/log/nginx/error.log', instances.map((inst) => inst.error)),
      ];
    },
  };
}

function ordersServiceSource(s: Scenario): LiveSource {
  const tasks = runningTasks(s, LIVE_REGION, 'orders-service');
  const rng = new Random('live/ecs/orders-service');
  return {
    emit(from, to) {
      for (const t of arrivals(rng, from, to, () => RATES.ordersRequests)) {
        const candidates = serving(tasks, t);
        if (candidates.length > 0) logOrdersRequest(rng, s, LIVE_REGION, rng.pick(candidates), t);
      }
      return drain('/ecs/orders-service', tasks.map((running) => running.stream));
    },
  };
}


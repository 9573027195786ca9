/**
 * Lambda's log output: execution environments come and go (each writes its own stream named after
 * the day it started), cold starts log INIT_START and an Init Duration, each invocation is framed by
 * START/END/REPORT, and the function's own lines use its runtime's format.
 */
import type { SeedLogGroup } from '../types';
import { Random } from './random';
import { type Region, type Scenario, type StreamBuilder, add, historyStart, inIncident, logGroup, stream } from './scenario';
import { HOUR, MINUTE, isoTime, slashedDate } from './time';

export type Runtime = 'nodejs20.x' | 'python3.12';
export type Level = 'INFO' | 'WARN' | 'ERROR';

export interface LambdaFunction {
  readonly name: string;
  readonly runtime: Runtime;
  readonly memoryMb: number;
  readonly timeoutSec: number;
  /** Absent: never expire (what Lambda creates by default). */
  readonly retentionInDays?: number;
  readonly createdDaysAgo: number;
  /** How many days of history to generate if retention allows; HISTORY_DAYS by default. */
  readonly historyDays?: number;
  /** Typical Max Memory Used, MB. */
  readonly memoryUsedMb: number;
  /** Typical Init Duration, ms. */
  readonly initMs: number;
  /** Whether it suffers when the production database does (see Scenario.incident). */
  readonly usesProdDatabase?: boolean;
  /** Start times of its invocations in [from, to), ascending. */
  readonly invocations: (rng: Random, from: number, to: number, s: Scenario) => number[];
  /** What one invocation does and logs. */
  readonly handler: (inv: Invocation) => void;
}

interface Line {
  readonly at: number;
  readonly level: Level;
  readonly text: string;
}

/** One invocation as the handler sees it: it advances the clock and logs. */
export class Invocation {
  /** Milliseconds since START. */
  elapsed = 0;
  timedOut = false;
  readonly lines: Line[] = [];
  /** Set by `fail`: the error the runtime reports. */
  uncaught: { readonly type: string; readonly message: string; readonly stack: readonly string[] } | undefined;

  constructor(
    readonly rng: Random,
    readonly scenario: Scenario,
    readonly start: number,
    /** The production database is out of connections. */
    readonly incident: boolean,
  ) {}

  work(ms: number): void {
    this.elapsed += ms;
  }

  log(level: Level, text: string): void {
    this.elapsed += this.rng.float(0.1, 2);
    this.lines.push({ at: this.elapsed, level, text });
  }

  /** The handler throws: the runtime logs the error and the invocation fails. */
  fail(type: string, message: string, stack: readonly string[]): void {
    this.elapsed += this.rng.float(0.5, 3);
    this.uncaught = { type, message, stack };
  }

  /** The handler waits on something that never answers: the invocation times out. */
  hang(): void {
    this.timedOut = true;
  }
}

interface Environment {
  readonly stream: StreamBuilder;
  busyUntil: number;
  lastUsed: number;
  readonly retiresAt: number;
  readonly idleLimit: number;
  invocations: number;
}

const RUNTIME_VERSIONS: Record<Runtime, string> = { 'nodejs20.x': 'nodejs:20.v48', 'python3.12': 'python:3.12.v71' };

export function lambdaLogGroup(s: Scenario, region: Region, fn: LambdaFunction): SeedLogGroup {
  const rng = new Random(`lambda/${region}/${fn.name}`);
  const environments = new LambdaEnvironments(rng, s, region, fn);
  for (const arrival of fn.invocations(rng, historyStart(s, fn.retentionInDays, fn.historyDays), s.now, s)) {
    environments.invoke(arrival, s.now);
  }
  return logGroup(
    s,
    {
      name: `/aws/lambda/${fn.name}`,
      createdDaysAgo: fn.createdDaysAgo,
      ...(fn.retentionInDays !== undefined && { retentionInDays: fn.retentionInDays }),
    },
    environments.streams,
  );
}

/**
 * A function's execution environments over time: which one serves each invocation, when a new one starts
 * cold (with a stream of its own), and what each invocation writes. Invocations must come in time order.
 */
export class LambdaEnvironments {
  /** Every environment's stream, in the order they started. */
  readonly streams: StreamBuilder[] = [];
  private warm: Environment[] = [];
  private readonly runtimeArn: string;

  constructor(
    private readonly rng: Random,
    private readonly s: Scenario,
    region: Region,
    private readonly fn: LambdaFunction,
  ) {
    this.runtimeArn = `arn:aws:lambda:${region}::runtime:${rng.hex(64)}`;
  }

  /**
   * Runs an invocation arriving at `arrival` and appends its lines to its environment's stream. One that
   * is still running at `writtenBy` has written nothing yet: it is dropped and changes no environment.
   */
  invoke(arrival: number, writtenBy: number): void {
    const { rng, s, fn } = this;
    const timeoutMs = fn.timeoutSec * 1000;
    // Lambda reclaims environments that sit idle, and recycles every environment after a few hours.
    this.warm = this.warm.filter((env) => arrival - env.lastUsed < env.idleLimit && arrival < env.retiresAt);
    let env: Environment | undefined;
    for (const candidate of this.warm) {
      if (candidate.busyUntil <= arrival && (env === undefined || candidate.lastUsed > env.lastUsed)) env = candidate;
    }
    const cold = env === undefined;
    const initMs = cold ? rng.logNormal(fn.initMs, 0.25) : 0;
    const startAt = arrival + Math.ceil(initMs);

    const inv = new Invocation(rng, s, startAt, fn.usesProdDatabase === true && inIncident(s, startAt));
    fn.handler(inv);
    inv.work(rng.float(0.3, 2));
    const durationMs = inv.timedOut || inv.elapsed > timeoutMs ? timeoutMs : inv.elapsed;
    const timedOut = durationMs === timeoutMs;
    const endAt = startAt + Math.ceil(durationMs) + (timedOut ? 40 : 1);
    if (endAt > writtenBy) return;

    if (env === undefined) {
      env = {
        stream: stream(`${slashedDate(arrival)}/[$LATEST]${rng.hex(32)}`),
        busyUntil: 0,
        lastUsed: 0,
        retiresAt: arrival + rng.float(1.5, 6) * HOUR,
        idleLimit: rng.float(5, 25) * MINUTE,
        invocations: 0,
      };
      this.streams.push(env.stream);
      this.warm.push(env);
      add(env.stream, arrival, `INIT_START Runtime Version: ${RUNTIME_VERSIONS[fn.runtime]}\tRuntime Version ARN: ${this.runtimeArn}\n`);
    }
    env.invocations++;

    const requestId = rng.uuid();
    const st = env.stream;
    add(st, startAt, `START RequestId: ${requestId} Version: $LATEST\n`);
    for (const line of inv.lines) {
      if (line.at > durationMs) break;
      const at = startAt + Math.floor(line.at);
      add(st, at, formatLine(fn.runtime, at, requestId, line.level, line.text));
    }
    if (timedOut) {
      const at = startAt + timeoutMs + 30;
      const after = (fn.timeoutSec + rng.float(0.01, 0.05)).toFixed(2);
      add(st, at, `${isoTime(at)} ${requestId} Task timed out after ${after} seconds\n`);
    } else if (inv.uncaught !== undefined) {
      const at = startAt + Math.floor(durationMs);
      add(st, at, formatUncaught(fn.runtime, at, requestId, inv.uncaught));
    }
    add(st, endAt, `END RequestId: ${requestId}\n`);

    // Memory creeps up as an environment serves more invocations.
    const used = Math.min(fn.memoryMb, Math.round(fn.memoryUsedMb * (1 + Math.min(env.invocations, 400) / 2000) + rng.int(0, 6)));
    const billed = Math.ceil(durationMs + initMs);
    let report =
      `REPORT RequestId: ${requestId}\tDuration: ${durationMs.toFixed(2)} ms\tBilled Duration: ${billed} ms\t` +
      `Memory Size: ${fn.memoryMb} MB\tMax Memory Used: ${used} MB\t`;
    if (cold) report += `Init Duration: ${initMs.toFixed(2)} ms\t`;
    if (timedOut) report += 'Status: timeout';
    add(st, endAt, `${report}\n`);

    env.lastUsed = endAt;
    env.busyUntil = endAt + rng.int(1, 20);
    // A timed-out environment is torn down; the next invocation starts cold.
    if (timedOut) this.warm = this.warm.filter((w) => w !== env);
  }
}

function formatLine(runtime: Runtime, at: number, requestId: string, level: Level, text: string): string {
  if (runtime === 'nodejs20.x') return `${isoTime(at)}\t${requestId}\t${level}\t${text}\n`;
  return `[${level === 'WARN' ? 'WARNING' : level}]\t${isoTime(at)}\t${requestId}\t${text}\n`;
}

function formatUncaught(
  runtime: Runtime,
  at: number,
  requestId: string,
  error: { readonly type: string; readonly message: string; readonly stack: readonly string[] },
): string {
  if (runtime === 'nodejs20.x') {
    const payload = JSON.stringify({
      errorType: error.type,
      errorMessage: error.message,
      stack: [`${error.type}: ${error.message}`, ...error.stack],
    });
    return `${isoTime(at)}\t${requestId}\tERROR\tInvoke Error \t${payload}\n`;
  }
  return `[ERROR] ${error.type}: ${error.message}\nTraceback (most recent call last):\n${error.stack.join('\n')}\n`;
}

/**
 * Downloading a 1,000,000-event log group (~200-byte events) to NDJSON through main/api, against a
 * sandbox in its own process (see sandbox-process.ts):
 * - logs.download.events_per_s: without quotas or throttling (the median of three, after a warm-up);
 * - logs.download.vs_awscli: the AWS CLI's `aws logs filter-log-events … --output json > file` on the same
 *   group, its time divided by ours (the CLI from $AWS_CLI, else `aws` on PATH);
 * - logs.download.quota_efficiency: with AWS's default quotas enforced, successful FilterLogEvents calls
 *   divided by what the quota allows in the time taken (its rate for that long, plus the one-second burst
 *   the bucket starts with); the download must finish without a throttling error reaching the user;
 * - logs.download.lossless_under_throttle: with 20% of calls throttled, |events written − expected| plus
 *   events written twice (by event id).
 */
import { execFile, fork, type ChildProcess } from 'node:child_process';
import { accessSync, constants, createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createApi } from '../src/main/api';
import { isolatedApiOptions } from '../src/main/api/testing';
import type { DownloadUpdate } from '../src/shared/contract';
import { defaultTpsQuota } from '../src/shared/quotas';
import type { FaultOptions } from '../src/sandbox';
import { median, type Benchmark } from './harness';
import type { CallCounts, SandboxCommand, SandboxReady } from './sandbox-process';

const EVENTS = 1_000_000;
const GROUP = '/bench/download';
const REGION = 'us-east-1';
const START = Date.UTC(2025, 6, 1, 0, 0, 0);
const SPAN_MS = 6 * 3_600_000;
const SELECTION = { logGroupNames: [GROUP], startTime: START, endTime: START + SPAN_MS };
/** Downloads timed for events_per_s (after one that warms the JIT up), of which the median counts. */
const TIMED_RUNS = 3;

class SandboxProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly ready: SandboxReady,
  ) {}

  static async start(): Promise<SandboxProcess> {
    const child = fork(fileURLToPath(new URL('./sandbox-process.ts', import.meta.url)), [], { execArgv: process.execArgv, stdio: 'inherit' });
    const ready = await new Promise<SandboxReady>((resolve, reject) => {
      child.once('message', (message) => resolve(message as SandboxReady));
      child.once('exit', (code) => reject(new Error(`The sandbox process exited (${code})`)));
    });
    return new SandboxProcess(child, ready);
  }

  ask<T>(command: SandboxCommand): Promise<T> {
    return new Promise((resolve) => {
      this.child.once('message', (message) => resolve(message as T));
      this.child.send(command);
    });
  }

  setFaults(faults: FaultOptions): Promise<unknown> {
    return this.ask({ type: 'faults', faults });
  }

  stop(): void {
    this.child.disconnect();
  }
}

interface Downloaded {
  readonly seconds: number;
  readonly events: number;
  readonly path: string;
}

/** Downloads the group through main/api; fails if the download does not finish. */
async function downloadThroughApi(endpoint: string, folder: string, name: string): Promise<Downloaded> {
  const options = isolatedApiOptions(async () => endpoint);
  const path = join(folder, name);
  options.answerSaveDialog = () => path;
  const api = createApi(options);
  try {
    let done: DownloadUpdate | undefined;
    let failure: unknown;
    const started = performance.now();
    await api.dispatcher.subscribe(
      'logs.download',
      { selection: SELECTION, format: 'ndjson', suggestedName: name },
      new AbortController().signal,
      (message) => {
        if (message.type === 'next' && (message.value as DownloadUpdate).type === 'done') done = message.value as DownloadUpdate;
        if (message.type === 'error') failure = message.error;
      },
    );
    const seconds = (performance.now() - started) / 1000;
    if (failure !== undefined || done?.type !== 'done') throw new Error(`The download failed: ${JSON.stringify(failure)}`);
    return { seconds, events: done.events, path };
  } finally {
    api.dispose();
    options.cleanup();
  }
}

/** How many events the file holds, and how many of them repeat an event id seen before. */
async function countEvents(path: string): Promise<{ events: number; duplicates: number }> {
  const ids = new Set<string>();
  let events = 0;
  let duplicates = 0;
  for await (const line of createInterface({ input: createReadStream(path) })) {
    if (line === '') continue;
    events++;
    const id = (JSON.parse(line) as { eventId: string }).eventId;
    if (ids.has(id)) duplicates++;
    ids.add(id);
  }
  return { events, duplicates };
}

function findAwsCli(): string | undefined {
  if (process.env.AWS_CLI) return process.env.AWS_CLI;
  for (const directory of (process.env.PATH ?? '').split(delimiter)) {
    try {
      accessSync(join(directory, 'aws'), constants.X_OK);
      return join(directory, 'aws');
    } catch {
      // not here
    }
  }
  return undefined;
}

async function downloadWithAwsCli(cli: string, endpoint: string, path: string): Promise<number> {
  const started = performance.now();
  await promisify(execFile)(
    '/bin/sh',
    [
      '-c',
      '"$0" --endpoint-url "$1" --region "$2" logs filter-log-events --log-group-name "$3" --start-time "$4" --end-time "$5" --output json > "$6"',
      cli,
      endpoint,
      REGION,
      GROUP,
      String(SELECTION.startTime),
      String(SELECTION.endTime),
      path,
    ],
    { env: { ...process.env, AWS_ACCESS_KEY_ID: 'AKIDBENCHMARK', AWS_SECRET_ACCESS_KEY: 'benchmark', AWS_PAGER: '' }, maxBuffer: 1 << 20 },
  );
  if (statSync(path).size === 0) throw new Error('The AWS CLI wrote nothing');
  return (performance.now() - started) / 1000;
}

export const logsDownload: Benchmark = {
  name: 'logs.download',
  description: `logs.download of a ${EVENTS.toLocaleString('en')}-event group to NDJSON via main/api against a sandbox in another process`,
  async run(report) {
    const sandbox = await SandboxProcess.start();
    const folder = mkdtempSync(join(tmpdir(), 'cloudscope-bench-download-'));
    try {
      await sandbox.ask({ type: 'seed', group: GROUP, streams: 20, events: EVENTS, startTime: START, spanMs: SPAN_MS });

      const timings: number[] = [];
      for (let run = 0; run <= TIMED_RUNS; run++) {
        const downloaded = await downloadThroughApi(sandbox.ready.endpoint, folder, 'ours.ndjson');
        if (downloaded.events !== EVENTS) throw new Error(`Downloaded ${downloaded.events} events, expected ${EVENTS}`);
        if (run > 0) timings.push(downloaded.seconds);
        rmSync(downloaded.path, { force: true });
      }
      const ours = { seconds: median(timings) };
      console.error(`logs.download.events_per_s: ${timings.map((seconds) => seconds.toFixed(1)).join(', ')} s for ${EVENTS} events`);
      report({ name: 'logs.download.events_per_s', value: EVENTS / ours.seconds, unit: 'events/s' });

      const cli = findAwsCli();
      if (cli === undefined) {
        console.error('AWS CLI not found (set AWS_CLI or put `aws` on PATH): logs.download.vs_awscli not measured.');
      } else {
        const cliSeconds = await downloadWithAwsCli(cli, sandbox.ready.endpoint, join(folder, 'cli.json'));
        console.error(`logs.download.vs_awscli: the AWS CLI took ${cliSeconds.toFixed(1)} s, main/api ${ours.seconds.toFixed(1)} s`);
        report({ name: 'logs.download.vs_awscli', value: cliSeconds / ours.seconds, unit: 'x' });
      }
      rmSync(join(folder, 'cli.json'), { force: true });

      await sandbox.setFaults({ quotas: 'aws' });
      const limited = await downloadThroughApi(sandbox.ready.countedEndpoint, folder, 'quota.ndjson');
      if (limited.events !== EVENTS) throw new Error(`Downloaded ${limited.events} events under quotas, expected ${EVENTS}`);
      const calls = await sandbox.ask<CallCounts>({ type: 'calls' });
      console.error(`logs.download.quota_efficiency: the download took ${limited.seconds.toFixed(1)} s`);
      const tps = defaultTpsQuota('logs', 'FilterLogEvents', REGION) ?? 1;
      const successful = calls.filterLogEvents - calls.throttled;
      const seconds = (calls.lastAt - calls.firstAt) / 1000;
      console.error(`logs.download.quota_efficiency: ${successful} calls in ${seconds.toFixed(1)} s at a quota of ${tps}/s; ${calls.throttled} throttled and retried`);
      report({ name: 'logs.download.quota_efficiency', value: successful / (tps * (seconds + 1)), unit: 'ratio' });
      rmSync(limited.path, { force: true });

      await sandbox.setFaults({ throttleRate: 0.2 });
      const throttled = await downloadThroughApi(sandbox.ready.endpoint, folder, 'throttled.ndjson');
      console.error(`logs.download.lossless_under_throttle: the download took ${throttled.seconds.toFixed(1)} s`);
      const written = await countEvents(throttled.path);
      console.error(`logs.download.lossless_under_throttle: ${written.events} of ${EVENTS} events written, ${written.duplicates} twice`);
      report({ name: 'logs.download.lossless_under_throttle', value: Math.abs(written.events - EVENTS) + written.duplicates, unit: 'events' });
    } finally {
      sandbox.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  },
};

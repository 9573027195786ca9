/**
 * Runs the sandbox standalone so any AWS client can use it:
 *   tsx src/sandbox/cli.ts --port 4566 [--seed demo|empty] [--events 1000000] [--latency 200] [--throttle-rate 0.1] [--quotas aws|off]
 */
import { parseArgs } from 'node:util';
import { startSandbox } from './server';

/** Where `--events` puts its events. */
export const BULK_GROUP = '/sandbox/bulk';

const USAGE = `Usage: sandbox [options]

A local AWS-compatible endpoint (CloudWatch Logs, STS, IAM Identity Center) with in-memory state.

Options:
  --port <n>              Port to listen on (default 4566; 0 picks a free one)
  --host <address>        Address to bind (default 127.0.0.1)
  --seed demo|empty       Start with the demo account's data, or with nothing (default demo)
  --no-live               With the demo data: do not keep writing new events (by default a few a second
                          arrive in the orders API Lambda, nginx and orders-service groups of us-east-1)
  --events <n>            Also fill the log group ${BULK_GROUP} (us-east-1) with n generated events of
                          ~200 bytes over the last 24 hours, in 20 streams (1,000,000 take a few seconds)
  --latency <ms>          Delay every response by this many milliseconds (default 0)
  --throttle-rate <0..1>  Answer this share of requests with a throttling error (default 0)
  --quotas aws|off        Enforce AWS's default per-operation TPS quotas (default off)
  --help                  Show this help
`;

interface CliOptions {
  readonly port: number;
  readonly host: string;
  readonly seed: 'demo' | 'empty';
  readonly events: number;
  readonly live: boolean;
  readonly latencyMs: number;
  readonly throttleRate: number;
  readonly quotas: 'aws' | 'off';
}

function parseCli(argv: readonly string[]): CliOptions | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string', default: '4566' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string', default: 'demo' },
      events: { type: 'string', default: '0' },
      'no-live': { type: 'boolean', default: false },
      latency: { type: 'string', default: '0' },
      'throttle-rate': { type: 'string', default: '0' },
      quotas: { type: 'string', default: 'off' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0..65535, got ${values.port}`);
  if (values.seed !== 'demo' && values.seed !== 'empty') throw new Error(`--seed must be demo or empty, got ${values.seed}`);
  const events = Number(values.events);
  if (!Number.isSafeInteger(events) || events < 0) throw new Error(`--events must be a whole number >= 0, got ${values.events}`);
  const latencyMs = Number(values.latency);
  if (!(latencyMs >= 0)) throw new Error(`--latency must be a number of milliseconds >= 0, got ${values.latency}`);
  const throttleRate = Number(values['throttle-rate']);
  if (!(throttleRate >= 0 && throttleRate <= 1)) throw new Error(`--throttle-rate must be between 0 and 1, got ${values['throttle-rate']}`);
  if (values.quotas !== 'aws' && values.quotas !== 'off') throw new Error(`--quotas must be aws or off, got ${values.quotas}`);
  return { port, host: values.host, seed: values.seed, events, live: values.seed === 'demo' && !values['no-live'], latencyMs, throttleRate, quotas: values.quotas };
}

async function main(): Promise<void> {
  let options: CliOptions | 'help';
  try {
    options = parseCli(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options === 'help') {
    process.stdout.write(USAGE);
    return;
  }

  const sandbox = await startSandbox({
    port: options.port,
    host: options.host,
    seed: options.seed,
    liveDemo: options.live,
    faults: { latencyMs: options.latencyMs, throttleRate: options.throttleRate, quotas: options.quotas },
  });
  if (options.events > 0) {
    const started = performance.now();
    sandbox.seedBulk({ logGroupName: BULK_GROUP, events: options.events });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stdout.write(`Seeded ${options.events.toLocaleString('en')} events into ${BULK_GROUP} (us-east-1) in ${seconds} s.\n`);
  }
  process.stdout.write(
    `Sandbox listening on ${sandbox.endpoint} (account ${sandbox.accountId}, seed ${options.seed}${options.live ? ', new demo events arriving' : ''}).\n` +
      `Try:\n` +
      `  AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x AWS_DEFAULT_REGION=us-east-1 \\\n` +
      `    aws --endpoint-url ${sandbox.endpoint} logs describe-log-groups\n` +
      `Press Ctrl+C to stop.\n`,
  );

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping the sandbox.\n`);
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`Failed to stop cleanly: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();

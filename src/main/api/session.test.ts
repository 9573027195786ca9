import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { STSClient } from '@aws-sdk/client-sts';
import { afterEach, describe, expect, it } from 'vitest';
import { Session } from './session';
import { isolatedApiOptions, type IsolatedApiOptions } from './testing';

let options: IsolatedApiOptions | undefined;
let session: Session | undefined;

afterEach(() => {
  session?.dispose();
  options?.cleanup();
});

function start(): Session {
  options = isolatedApiOptions(async () => 'http://127.0.0.1:9');
  session = new Session(options);
  return session;
}

describe('Session.client', () => {
  it('caches one client per client class and retry budget within a scope', async () => {
    const scope = start();
    const signal = new AbortController().signal;
    const logs = await scope.client(CloudWatchLogsClient, signal);
    expect((await scope.client(CloudWatchLogsClient, signal)).client).toBe(logs.client);
    expect((await scope.client(CloudWatchLogsClient, signal, 'background')).client).not.toBe(logs.client);
    expect((await scope.client(STSClient, signal)).client).toBeInstanceOf(STSClient);
    expect(await logs.client.config.region()).toBe('us-east-1');
    expect(await logs.client.config.endpoint?.()).toMatchObject({ hostname: '127.0.0.1', port: 9 });
  });

  it('gives a new scope new clients, and aborts the old scope’s signal', async () => {
    const scope = start();
    const before = await scope.client(CloudWatchLogsClient, new AbortController().signal);
    await scope.select('demo', 'eu-west-1');
    expect(before.abortSignal.aborted).toBe(true);
    const after = await scope.client(CloudWatchLogsClient, new AbortController().signal);
    expect(after.client).not.toBe(before.client);
    expect(await after.client.config.region()).toBe('eu-west-1');
    expect(after.abortSignal.aborted).toBe(false);
  });

  it('aborts the signal when the caller cancels', async () => {
    const caller = new AbortController();
    const { abortSignal } = await start().client(CloudWatchLogsClient, caller.signal);
    caller.abort();
    expect(abortSignal.aborted).toBe(true);
  });
});

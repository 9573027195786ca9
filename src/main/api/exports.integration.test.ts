/**
 * exports.* through the dispatcher and the real SDK against a sandbox: buckets, the policy check and fix,
 * the queue running export tasks one at a time (and after a restart), browsing and downloading, and every
 * exported object read back and checked line by line against the events of its range — none lost, none
 * repeated, also when the sandbox throttles.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { BucketList, ExportItem, ExportQueue, ObjectDownloadUpdate, ObjectPage, PolicyCheck } from '../../shared/contract';
import { parseExportObjectKey } from '../../shared/exports/export-keys';
import type { Dispatcher } from '../../shared/rpc';
import type { Sandbox } from '../../sandbox';
import { call, ok, subscribe, valuesOf } from './dispatcher-testing';
import { createApi } from './index';
import { sandboxApi } from './sandbox-testing';
import { isolatedApiOptions } from './testing';

const REGION = 'ca-central-1';
const T0 = Date.UTC(2025, 6, 1, 0, 0, 0);
const HOUR = 3_600_000;

function seed(sandbox: Sandbox): void {
  const logs = sandbox.logs(REGION);
  for (const name of ['/exp/api', '/exp/worker']) {
    const group = logs.createGroup({ name, creationTime: T0 });
    for (const streamName of ['2025/07/01/[$LATEST]aaa', 'web/1', 'web/2']) {
      const stream = group.createStream(streamName, T0);
      const events = Array.from({ length: 3_000 }, (_, index) => {
        // Several events share some milliseconds; messages carry spaces, quotes and non-ASCII.
        const timestamp = T0 + Math.floor((index * HOUR) / 3_000);
        const message = `${name} ${streamName} #${index} "quoted" ünïcödé ${index % 7 === 0 ? '{"json":true}' : 'plain'}`;
        return { timestamp, message, size: Buffer.byteLength(message) };
      });
      group.ingest(stream, events, (event) => event.timestamp + 500);
    }
  }
}

const context = sandboxApi({}, seed);

async function startIn(region = REGION): Promise<Dispatcher> {
  const dispatcher = context.start();
  await ok(call(dispatcher, 'connections.select', { connectionId: 'demo', region }));
  return dispatcher;
}

async function queueOf(dispatcher: Dispatcher): Promise<readonly ExportItem[]> {
  const controller = new AbortController();
  let items: readonly ExportItem[] = [];
  await dispatcher.subscribe('exports.queue', {}, controller.signal, (message) => {
    if (message.type === 'next') {
      items = (message.value as ExportQueue).items;
      controller.abort();
    }
  });
  return items;
}

async function untilFinished(dispatcher: Dispatcher, count: number): Promise<readonly ExportItem[]> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const items = await queueOf(dispatcher);
    if (items.length >= count && items.every((item) => ['completed', 'failed', 'cancelled'].includes(item.state))) return items;
    if (Date.now() > deadline) throw new Error(`the queue did not finish: ${JSON.stringify(items.map((item) => [item.logGroupName, item.state, item.message]))}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A new bucket whose policy lets exports write under `prefix`, fixed as the app fixes it. */
async function createReadyBucket(dispatcher: Dispatcher, bucket: string, prefix: string): Promise<void> {
  await ok(call(dispatcher, 'exports.createBucket', { name: bucket }));
  const check = await ok<PolicyCheck>(call(dispatcher, 'exports.checkPolicy', { bucket, prefix }));
  if (check.status !== 'needs-policy') throw new Error(`expected a policy to add, got ${check.status}`);
  expect(await ok<PolicyCheck>(call(dispatcher, 'exports.applyPolicy', { bucket, prefix, current: check.current }))).toMatchObject({ status: 'ready' });
}

/** Every line of every exported object of an item, checked against the events the sandbox holds in its range. */
function checkExportedEvents(sandbox: Sandbox, item: ExportItem): number {
  const bucket = sandbox.s3().bucket(item.bucket);
  const taskId = item.taskId ?? '';
  const exported = new Map<string, number>();
  for (const key of bucket?.sortedKeys() ?? []) {
    const parsed = parseExportObjectKey(key, taskId);
    if (parsed === undefined) continue;
    const text = gunzipSync(bucket?.object(key)?.body ?? Buffer.alloc(0)).toString('utf8');
    for (const line of text.split('\n').slice(0, -1)) {
      const id = `${parsed.logStreamName}\u0000${line}`;
      exported.set(id, (exported.get(id) ?? 0) + 1);
    }
  }
  const expected = new Map<string, number>();
  const group = sandbox.logs(item.region).group(item.logGroupName);
  for (const streamName of group?.streamNames() ?? []) {
    const events = group?.stream(streamName)?.events;
    for (let index = 0; index < (events?.length ?? 0); index++) {
      const event = events?.at(index);
      if (event === undefined || event.timestamp < item.from || event.timestamp > item.to) continue;
      const id = `${streamName}\u0000${new Date(event.timestamp).toISOString()} ${event.message}`;
      expected.set(id, (expected.get(id) ?? 0) + 1);
    }
  }
  expect(exported).toEqual(expected);
  return [...expected.values()].reduce((sum, count) => sum + count, 0);
}

describe('exports: buckets and their policy', () => {
  it('lists buckets with their regions, creates them in the current region, and says why a name cannot be had', async () => {
    const dispatcher = await startIn();
    await ok(call(dispatcher, 'exports.createBucket', { name: 'exp-listing' }));
    const { buckets } = await ok<BucketList>(call(dispatcher, 'exports.listBuckets', {}));
    expect(buckets.find((bucket) => bucket.name === 'exp-listing')).toMatchObject({ region: REGION });
    expect(await call(dispatcher, 'exports.createBucket', { name: 'exp-listing' })).toMatchObject({
      ok: false,
      error: { code: 'AlreadyExists', message: 'You already have a bucket named exp-listing. Pick it in the list.' },
    });
    expect(await call(dispatcher, 'exports.createBucket', { name: 'logs' })).toMatchObject({ ok: false, error: { code: 'AlreadyExists' } });
    expect(await call(dispatcher, 'exports.createBucket', { name: 'Bad_Name' })).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
  });

  it('shows the policy needed as a diff, applies it merged only as shown, and tells other regions and missing buckets apart', async () => {
    const dispatcher = await startIn();
    await ok(call(dispatcher, 'exports.createBucket', { name: 'exp-policy' }));
    // A statement of the person's own, which must survive.
    const own = { Sid: 'Mine', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::exp-policy/*' };
    const s3Bucket = context.sandbox.s3().bucket('exp-policy');
    if (s3Bucket) s3Bucket.policy = JSON.stringify({ Version: '2012-10-17', Statement: [own] });
    const check = await ok<PolicyCheck>(call(dispatcher, 'exports.checkPolicy', { bucket: 'exp-policy', prefix: 'logs/2025' }));
    if (check.status !== 'needs-policy') throw new Error(check.status);
    expect(check.missing).toEqual(['aclCheck', 'write']);
    expect(check.diff.filter((line) => line.kind === 'removed')).toEqual([]);
    expect(check.diff.filter((line) => line.kind === 'added').map((line) => line.text).join('\n')).toContain('"arn:aws:s3:::exp-policy/logs/2025/*"');
    // The policy changed after it was shown: nothing is written, the new check comes back.
    expect(await ok<PolicyCheck>(call(dispatcher, 'exports.applyPolicy', { bucket: 'exp-policy', prefix: 'logs/2025', current: null }))).toMatchObject({
      status: 'needs-policy',
    });
    expect(await ok<PolicyCheck>(call(dispatcher, 'exports.applyPolicy', { bucket: 'exp-policy', prefix: 'logs/2025', current: check.current }))).toEqual({
      status: 'ready',
      bucket: 'exp-policy',
      region: REGION,
    });
    expect(JSON.parse(context.sandbox.s3().bucket('exp-policy')?.policy ?? '{}').Statement[0]).toEqual(own);

    const east = await startIn('us-east-1');
    expect(await ok<PolicyCheck>(call(east, 'exports.checkPolicy', { bucket: 'exp-policy' }))).toEqual({
      status: 'other-region',
      bucket: 'exp-policy',
      region: 'us-east-1',
      bucketRegion: REGION,
    });
    expect(await ok<PolicyCheck>(call(east, 'exports.checkPolicy', { bucket: 'exp-nowhere' }))).toMatchObject({ status: 'missing' });
    const deny = { Sid: 'NoWrites', Effect: 'Deny', Principal: '*', Action: 's3:PutObject', Resource: 'arn:aws:s3:::exp-policy/*' };
    if (s3Bucket) s3Bucket.policy = JSON.stringify({ Statement: [own, deny] });
    expect(await ok<PolicyCheck>(call(dispatcher, 'exports.checkPolicy', { bucket: 'exp-policy' }))).toMatchObject({ status: 'denied', sid: 'NoWrites' });
  });
});

describe('exports: the queue', () => {
  it('exports two groups one after the other, every event of the range exactly once, browsable and downloadable', async () => {
    const dispatcher = await startIn();
    await createReadyBucket(dispatcher, 'exp-two', 'july');
    const from = T0 + 10 * 60_000;
    const to = T0 + 40 * 60_000;
    await ok(call(dispatcher, 'exports.enqueue', { logGroupNames: ['/exp/api', '/exp/worker'], from, to, bucket: 'exp-two', prefix: 'july' }));
    const items = await untilFinished(dispatcher, 2);
    expect(items.map((item) => [item.logGroupName, item.state, item.objects])).toEqual([
      ['/exp/api', 'completed', 3],
      ['/exp/worker', 'completed', 3],
    ]);
    // One at a time: the second started after the first had finished.
    expect(items[1]!.startedAt).toBeGreaterThanOrEqual(items[0]!.finishedAt! - 1_000);
    for (const item of items) expect(checkExportedEvents(context.sandbox, item)).toBe(3 * 1_500 + 3);

    const page = await ok<ObjectPage>(call(dispatcher, 'exports.listObjects', { bucket: 'exp-two', prefix: `july/${items[0]!.taskId}/` }));
    expect(page.objects.map((object) => object.key)).toEqual([
      `july/${items[0]!.taskId}/2025/07/01/[$LATEST]aaa/000000.gz`,
      `july/${items[0]!.taskId}/web/1/000000.gz`,
      `july/${items[0]!.taskId}/web/2/000000.gz`,
    ]);
    const key = page.objects[1]!.key;
    const plain = valuesOf<ObjectDownloadUpdate>(await subscribe(dispatcher, 'exports.download', { bucket: 'exp-two', key, decompress: true, suggestedName: 'web-1.log' }));
    expect(plain.at(-1)).toMatchObject({ type: 'done', fileName: 'web-1.log' });
    const lines = readFileSync(context.options.saved.at(-1) ?? '', 'utf8').split('\n');
    expect(lines[0]).toBe(`${new Date(from).toISOString()} /exp/api web/1 #500 "quoted" ünïcödé plain`);
    const raw = valuesOf<ObjectDownloadUpdate>(await subscribe(dispatcher, 'exports.download', { bucket: 'exp-two', key, suggestedName: '000000.gz' }));
    expect(raw.at(-1)).toMatchObject({ type: 'done', bytes: page.objects[1]!.size });
    expect(gunzipSync(readFileSync(context.options.saved.at(-1) ?? '')).toString('utf8').split('\n')).toEqual(lines);
    // A missing object is said before any file is asked for.
    const savedBefore = context.options.saved.length;
    const missing = await subscribe(dispatcher, 'exports.download', { bucket: 'exp-two', key: 'july/nope.gz', suggestedName: 'nope.gz' });
    expect(missing.at(-1)).toMatchObject({ type: 'error', error: { code: 'NotFound' } });
    expect(context.options.saved).toHaveLength(savedBefore);
  });

  it('loses and repeats nothing when the sandbox throttles a third of all calls', async () => {
    const dispatcher = await startIn();
    await createReadyBucket(dispatcher, 'exp-throttled', 'all');
    context.sandbox.setFaults({ throttleRate: 0.3 });
    await ok(call(dispatcher, 'exports.enqueue', { logGroupNames: ['/exp/api', '/exp/worker'], from: T0, to: T0 + HOUR, bucket: 'exp-throttled', prefix: 'all' }));
    const items = await untilFinished(dispatcher, 2);
    expect(items.map((item) => item.state)).toEqual(['completed', 'completed']);
    for (const item of items) expect(checkExportedEvents(context.sandbox, item)).toBe(9_000);
  });

  it('survives a restart of the app: the queue is read back and its exports go on', async () => {
    const options = isolatedApiOptions(async () => context.sandbox.endpoint);
    const first = createApi(options);
    await ok(call(first.dispatcher, 'connections.select', { connectionId: 'demo', region: REGION }));
    await createReadyBucket(first.dispatcher, 'exp-restart', 'r');
    await ok(call(first.dispatcher, 'exports.enqueue', { logGroupNames: ['/exp/api', '/exp/worker'], from: T0, to: T0 + HOUR, bucket: 'exp-restart', prefix: 'r' }));
    const before = await queueOf(first.dispatcher);
    expect(before.map((item) => item.state)).toContain('queued');
    first.dispose();
    // The app again, with the same files.
    const restarted = createApi(options);
    try {
      await ok(call(restarted.dispatcher, 'connections.select', { connectionId: 'demo', region: REGION }));
      const items = await untilFinished(restarted.dispatcher, 2);
      expect(items.map((item) => [item.id, item.state])).toEqual(before.map((item) => [item.id, 'completed']));
    } finally {
      restarted.dispose();
      options.cleanup();
    }
  });

  it('cancels a queued export before it starts, and refuses an export to a bucket without the policy, in words', async () => {
    const dispatcher = await startIn();
    await ok(call(dispatcher, 'exports.createBucket', { name: 'exp-nopolicy' }));
    const { items } = await ok<ExportQueue>(
      call(dispatcher, 'exports.enqueue', { logGroupNames: ['/exp/api', '/exp/worker'], from: T0, to: T0 + HOUR, bucket: 'exp-nopolicy' }),
    );
    await ok(call(dispatcher, 'exports.cancel', { id: items[1]!.id }));
    const finished = await untilFinished(dispatcher, 2);
    expect(finished.map((item) => [item.state, item.message])).toEqual([
      ['failed', expect.stringContaining('GetBucketAcl call on the given bucket failed')],
      ['cancelled', 'Cancelled before it started.'],
    ]);
  });
});

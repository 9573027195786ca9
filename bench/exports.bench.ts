/**
 * A CloudWatch Logs export of 1,000,000 events in the sandbox, through the real SDK clients: from
 * CreateExportTask until DescribeExportTasks says COMPLETED (which the sandbox says only once every object
 * is written), including the task's PENDING moment (`EXPORT_PENDING_MS`); then every exported object is
 * read back and compared, stream by stream, with the events of the range.
 * - `exports.events_per_s`: events exported per second of that time (goal ≥ 200,000).
 * - `exports.lossless`: |exported lines − events in the range| + lines exported more often than they occur (goal 0).
 */
import { CloudWatchLogsClient, CreateExportTaskCommand, DescribeExportTasksCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateBucketCommand, PutBucketPolicyCommand, S3Client } from '@aws-sdk/client-s3';
import { gunzipSync } from 'node:zlib';
import { startSandbox } from '../src/sandbox';
import { requiredStatements } from '../src/shared/exports/bucket-policy';
import { exportLine, parseExportObjectKey } from '../src/shared/exports/export-keys';
import type { Benchmark } from './harness';

const EVENTS = 1_000_000;
const GROUP = '/bench/export-1m';
const BUCKET = 'bench-exports';
const PREFIX = 'exportedlogs';
const REGION = 'us-east-1';
/** How often the benchmark asks whether the task is done (each ask costs the same process some CPU). */
const POLL_MS = 50;

export const exportsBenchmark: Benchmark = {
  name: 'exports',
  description: `a ${EVENTS.toLocaleString('en-US')}-event export task in the sandbox, CreateExportTask to COMPLETED, then every object checked against the range`,
  async run(report) {
    const sandbox = await startSandbox();
    try {
      const seeded = sandbox.seedBulk({ logGroupName: GROUP, events: EVENTS, region: REGION });
      const credentials = { accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench' };
      const s3 = new S3Client({ endpoint: sandbox.endpoint, region: REGION, credentials, forcePathStyle: true });
      const logs = new CloudWatchLogsClient({ endpoint: sandbox.endpoint, region: REGION, credentials });
      await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
      const policy = { Version: '2012-10-17', Statement: requiredStatements({ bucket: BUCKET, prefix: PREFIX, region: REGION, accountId: sandbox.accountId }) };
      await s3.send(new PutBucketPolicyCommand({ Bucket: BUCKET, Policy: JSON.stringify(policy) }));

      const started = performance.now();
      const { taskId } = await logs.send(new CreateExportTaskCommand({ logGroupName: GROUP, from: seeded.from, to: seeded.to, destination: BUCKET, destinationPrefix: PREFIX }));
      for (;;) {
        const { exportTasks } = await logs.send(new DescribeExportTasksCommand({ taskId }));
        const code = exportTasks?.[0]?.status?.code;
        if (code === 'COMPLETED') break;
        if (code !== 'PENDING' && code !== 'RUNNING') throw new Error(`the export ended ${code}: ${exportTasks?.[0]?.status?.message}`);
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
      const seconds = (performance.now() - started) / 1000;
      report({ name: 'exports.events_per_s', value: Math.round(EVENTS / seconds), unit: 'events/s' });

      // Exported lines per stream, against the stream's events in the range (both ends included).
      const bucket = sandbox.s3().bucket(BUCKET);
      const exported = new Map<string, Buffer[]>();
      for (const key of bucket?.sortedKeys() ?? []) {
        const parsed = parseExportObjectKey(key, taskId ?? '');
        if (parsed === undefined) continue;
        const parts = exported.get(parsed.logStreamName) ?? [];
        parts[parsed.part] = bucket?.object(key)?.body ?? Buffer.alloc(0);
        exported.set(parsed.logStreamName, parts);
      }
      const group = sandbox.logs(REGION).group(GROUP);
      let difference = 0;
      let duplicates = 0;
      for (const streamName of new Set([...(group?.streamNames() ?? []), ...exported.keys()])) {
        const expected = new Map<string, number>();
        const events = group?.stream(streamName)?.events;
        let inRange = 0;
        for (let index = 0; index < (events?.length ?? 0); index++) {
          const event = events?.at(index);
          if (event === undefined || event.timestamp < seeded.from || event.timestamp > seeded.to) continue;
          const line = exportLine(event.timestamp, event.message);
          expected.set(line, (expected.get(line) ?? 0) + 1);
          inRange++;
        }
        let lines = 0;
        for (const part of exported.get(streamName) ?? []) {
          for (const line of gunzipSync(part).toString('utf8').split('\n').slice(0, -1)) {
            lines++;
            const left = expected.get(line) ?? 0;
            if (left === 0) duplicates++;
            else expected.set(line, left - 1);
          }
        }
        difference += Math.abs(lines - inRange);
      }
      report({ name: 'exports.lossless', value: difference + duplicates, unit: 'events' });
    } finally {
      await sandbox.close();
    }
  },
};

/**
 * Exporting log groups to S3 from the Exports view: two groups to a new bucket whose policy is fixed from
 * the app (the change shown as a diff first), the queue running them one after the other, and an exported
 * object downloaded and read back. Every write happens in us-east-2; results are checked against the
 * sandbox's own state.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';
import type { Harness } from './harness';
import { switchRegion } from './support/app';

const REGION = 'us-east-2';
const GROUPS = ['/e2e/exports/api', '/e2e/exports/worker'];
const BUCKET = 'e2e-exports-archive';

function screenshot(name: string): string {
  return fileURLToPath(new URL(`./screenshots/exports-${name}.png`, import.meta.url));
}

/** Two groups with an hour of events each, in two streams; returns the events by group and stream. */
function createGroups(harness: Harness): Map<string, string[]> {
  const logs = harness.sandbox.logs(REGION);
  const now = Date.now();
  const lines = new Map<string, string[]>();
  for (const name of GROUPS) {
    if (logs.group(name)) logs.deleteGroup(name);
    const group = logs.createGroup({ name, creationTime: now - 2 * 3_600_000 });
    for (const streamName of ['web-1', 'web-2']) {
      const stream = group.createStream(streamName, now - 2 * 3_600_000);
      const events = Array.from({ length: 120 }, (_, index) => {
        const message = `${name} ${streamName} request ${index} <b>not markup</b>`;
        return { timestamp: now - 3_600_000 + index * 30_000, message, size: Buffer.byteLength(message) };
      });
      group.ingest(stream, events, (event) => event.timestamp + 200);
      lines.set(`${name} ${streamName}`, events.map((event) => `${new Date(event.timestamp).toISOString()} ${event.message}`));
    }
  }
  return lines;
}

test.afterEach(async ({ harness }) => {
  await harness.api.dispatcher.call('connections.select', { connectionId: 'demo', region: 'us-east-1' }, new AbortController().signal);
});

test('exports two groups to a new bucket, fixing its policy from the app, and downloads an exported object', async ({ app, harness }) => {
  const lines = createGroups(harness);
  await switchRegion(app, REGION);
  await app.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Exports' }).click();

  const form = app.getByRole('form', { name: 'New export' });
  await form.getByLabel('Filter log groups').fill('/e2e/exports/');
  for (const name of GROUPS) await form.getByRole('checkbox', { name }).check();
  await expect(form.getByRole('status').filter({ hasText: '2 groups picked' })).toBeVisible();

  // A new bucket, created from the form in this region.
  await form.getByRole('button', { name: 'Create bucket…' }).click();
  const create = app.getByRole('dialog', { name: 'Create bucket' });
  await create.getByLabel('Bucket name').fill('Not_Valid');
  await expect(create.getByText('The bucket name may contain only lower-case letters, digits, dots and hyphens.')).toBeVisible();
  await create.getByLabel('Bucket name').fill(BUCKET);
  await create.getByRole('button', { name: 'Create bucket' }).click();
  await expect(create).toHaveCount(0);
  expect(harness.sandbox.s3().bucket(BUCKET)?.region).toBe(REGION);

  // Its policy does not let CloudWatch Logs in yet: the change is shown, and applied only on confirmation.
  const check = form.getByRole('status', { name: 'Bucket check' });
  await expect(check).toContainText(`${BUCKET} does not yet let CloudWatch Logs check the bucket and write to it.`);
  await expect(form.getByRole('button', { name: 'Export 2 groups' })).toHaveAttribute('aria-disabled', 'true');
  await form.getByRole('button', { name: 'Review policy change…' }).click();
  const policy = app.getByRole('dialog', { name: `Let CloudWatch Logs write to ${BUCKET}` });
  await expect(policy.getByLabel('Policy change')).toContainText(`"Service": "logs.${REGION}.amazonaws.com"`);
  await expect(policy.getByLabel('Policy change')).toContainText(`"arn:aws:s3:::${BUCKET}/exportedlogs/*"`);
  await app.screenshot({ path: screenshot('policy') });
  expect(harness.sandbox.s3().bucket(BUCKET)?.policy).toBeUndefined();
  await policy.getByRole('button', { name: 'Apply policy' }).click();
  await expect(policy).toHaveCount(0);
  await expect(check).toContainText(`${BUCKET} (${REGION}) lets CloudWatch Logs write exports under this prefix.`);
  expect(JSON.parse(harness.sandbox.s3().bucket(BUCKET)?.policy ?? '{}').Statement).toHaveLength(2);

  // Two groups: two export tasks, the second waiting for the first, as AWS runs one at a time.
  await form.getByRole('button', { name: 'Export 2 groups' }).click();
  const queue = app.getByRole('region', { name: 'Export queue' });
  await expect(queue.getByRole('listitem', { name: `${GROUPS[1]}: Queued` })).toBeVisible();
  await expect(queue.getByRole('listitem', { name: new RegExp(`^${GROUPS[0]}: (Starting|Pending|Running)`) })).toBeVisible();
  await app.screenshot({ path: screenshot('queue') });
  for (const name of GROUPS) await expect(queue.getByRole('listitem', { name: `${name}: Completed` })).toBeVisible({ timeout: 20_000 });
  await expect(queue).toContainText('2 objects');

  // What the first export wrote, and one object downloaded decompressed.
  await queue.getByRole('listitem', { name: `${GROUPS[0]}: Completed` }).getByRole('button', { name: 'Browse objects' }).click();
  const objects = app.getByRole('region', { name: 'Exported objects' });
  await expect(objects.getByRole('row')).toHaveCount(3);
  await app.screenshot({ path: screenshot('objects') });
  await objects.getByRole('button', { name: 'Download web-2/000000.gz decompressed' }).click();
  await expect(objects.getByRole('status').filter({ hasText: 'Saved web-2_000000.log' })).toBeVisible();
  const saved = harness.saved.at(-1) ?? '';
  expect(readFileSync(saved, 'utf8')).toBe(`${(lines.get(`${GROUPS[0]} web-2`) ?? []).join('\n')}\n`);

  // The bucket's own history in CloudTrail: the app created it, then applied the policy.
  await form.getByRole('link', { name: 'Who changed this' }).click();
  await expect(app.getByRole('heading', { name: 'CloudTrail', level: 1 })).toBeVisible();
  const history = app.getByRole('region', { name: 'Event history' });
  await expect(history.getByRole('note')).toContainText(`AWS looked up Resource name = ${BUCKET}`);
  await expect(history.getByRole('row').filter({ hasText: 'PutBucketPolicy' })).toHaveCount(1);
  await expect(history.getByRole('row').filter({ hasText: 'CreateBucket' })).toHaveCount(1);
});

/**
 * The CloudTrail view end to end: who made the change behind the demo's incident (us-east-1, read only),
 * one's own retention change found through "Who changed this" and a denied one among "Denied calls" (writes
 * in us-west-1 only), the trails, and hostile event fields shown as inert text. Expectations come from the
 * sandbox's own state and the demo scenario, never from the UI.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { HOSTILE_MESSAGES } from '../bench/viewer/page/hostile';
import { expect, test } from './fixtures';
import { switchRegion } from './support/app';
import type { Harness } from './harness';

const REGION = 'us-west-1';
const GROUP = '/e2e/trail/retention';
const DENIED_GROUP = '/e2e/trail/denied-retention';
const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

async function openTrail(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: /CloudTrail/ }).click();
  await expect(page.getByRole('heading', { name: 'CloudTrail', level: 1 })).toBeVisible();
}

function rowsOf(page: Page) {
  return page.getByRole('grid', { name: 'Events' }).locator('[role="row"][data-index]');
}

async function selectDemo(harness: Harness, region: string): Promise<void> {
  await harness.api.dispatcher.call('connections.select', { connectionId: 'demo', region }, new AbortController().signal);
}

test.afterEach(async ({ harness }) => {
  for (const group of [GROUP, DENIED_GROUP]) if (harness.sandbox.logs(REGION).group(group)) harness.sandbox.logs(REGION).deleteGroup(group);
  await selectDemo(harness, 'us-east-1');
});

test('finds who rolled out the release behind the incident, and reads who they were', async ({ app, harness }) => {
  // What the sandbox holds: the UpdateService that deployed orders-service:141 (2.14.0).
  const release = harness.sandbox
    .cloudTrail('us-east-1')
    .all()
    .find((event) => event.eventName === 'UpdateService' && JSON.stringify(event.record['requestParameters']).includes('orders-service:141'));
  expect(release?.username).toMatch(/^GitHubActions-/);

  await openTrail(app);
  const form = app.getByRole('form', { name: 'Look up events' });
  await form.getByLabel('Look up: attribute').selectOption({ label: 'Event name' });
  await form.getByLabel('Look up: value').fill('UpdateService');
  await form.getByRole('button', { name: /^Time range: / }).click();
  await app.getByRole('option', { name: '3 days' }).click();
  await form.getByRole('button', { name: 'Look up' }).click();

  const history = app.getByRole('region', { name: 'Event history' });
  await expect(history.getByRole('note')).toContainText('AWS looked up Event name = UpdateService');
  await expect(rowsOf(app).first()).toBeVisible();
  await history.getByRole('searchbox', { name: 'Filter loaded events' }).fill('orders-service:141');
  await expect(rowsOf(app)).toHaveCount(1);
  await rowsOf(app).first().click();

  const detail = app.getByRole('complementary', { name: 'UpdateService' });
  const who = detail.getByRole('region', { name: 'Who' });
  await expect(who).toContainText(`dan.okafor (source identity), as role session ${release?.username ?? ''}`);
  await expect(who).toContainText('role github-actions-deploy, assumed with a web identity from token.actions.githubusercontent.com');
  await expect(who).toContainText('20.42.115.38, using the AWS SDK for JavaScript');
  await expect(detail).toContainText(release?.eventId ?? 'no release event');
  await app.screenshot({ path: `${SCREENSHOTS}trail-incident.png` });

  // More by this user: the same CI session's other calls.
  await detail.getByRole('button', { name: 'More by this user' }).click();
  await expect(history.getByRole('note')).toContainText(`AWS looked up User name = ${release?.username ?? ''}`);
  await expect(rowsOf(app)).toHaveCount(2);
  await expect(app.getByRole('grid', { name: 'Events' })).toContainText('RegisterTaskDefinition');
});

test('shows one’s own retention change through “Who changed this”', async ({ app, harness }) => {
  await switchRegion(app, REGION);
  const groups = app.getByRole('region', { name: 'Log groups' });
  await groups.getByRole('button', { name: 'Create log group' }).first().click();
  const create = app.getByRole('dialog', { name: 'Create log group' });
  await create.getByLabel('Name').fill(GROUP);
  await create.getByRole('button', { name: 'Create log group' }).click();
  await expect(app.getByRole('navigation', { name: 'Breadcrumb' })).toContainText(GROUP);

  await app.getByRole('button', { name: `Change retention of ${GROUP}` }).click();
  const retention = app.getByRole('dialog', { name: 'Change retention' });
  await retention.getByLabel('Keep events for').selectOption({ label: '14 days' });
  await retention.getByRole('button', { name: /^(Change retention|Shorten and delete older events|Save)$/ }).click();
  await expect(retention).toHaveCount(0);
  expect(harness.sandbox.logs(REGION).group(GROUP)?.retentionInDays).toBe(14);
  const recorded = harness.sandbox
    .cloudTrail(REGION)
    .all()
    .filter((event) => event.resources.some((resource) => resource.name === GROUP));
  expect(recorded.map((event) => event.eventName)).toEqual(['CreateLogGroup', 'PutRetentionPolicy']);

  await app.getByRole('link', { name: 'Who changed this' }).click();
  await expect(app.getByRole('heading', { name: 'CloudTrail', level: 1 })).toBeVisible();
  const history = app.getByRole('region', { name: 'Event history' });
  await expect(history.getByRole('note')).toContainText(`AWS looked up Resource name = ${GROUP}`);
  await expect(history.getByRole('note')).toContainText('Cloudscope applied Read-only = false, Resource type = AWS::Logs::LogGroup');
  await expect(rowsOf(app)).toHaveCount(2);
  await expect(rowsOf(app).first()).toContainText('PutRetentionPolicy');
  await expect(rowsOf(app).nth(1)).toContainText('CreateLogGroup');

  await rowsOf(app).first().click();
  const detail = app.getByRole('complementary', { name: 'PutRetentionPolicy' });
  await expect(detail.getByRole('region', { name: 'Who' })).toContainText('IAM user sandbox');
  await expect(detail).toContainText(recorded[1]?.eventId ?? 'no recorded event');
  await expect(detail.getByRole('tree', { name: 'The event’s record' })).toContainText('retentionInDays');
  await app.screenshot({ path: `${SCREENSHOTS}trail-who-changed.png` });
});

test('finds one’s own denied retention change among “Denied calls”', async ({ app, harness }) => {
  await switchRegion(app, REGION);
  const signal = new AbortController().signal;
  expect(await harness.api.dispatcher.call('logs.createGroup', { logGroupName: DENIED_GROUP }, signal)).toMatchObject({ ok: true });
  harness.sandbox.identity.deny('DEMOACCESSKEY', 'logs:PutRetentionPolicy');
  try {
    expect(await harness.api.dispatcher.call('logs.setRetention', { logGroupName: DENIED_GROUP, retentionInDays: 14 }, signal)).toMatchObject({ ok: false });
  } finally {
    harness.sandbox.identity.reset();
  }
  const denied = harness.sandbox
    .cloudTrail(REGION)
    .all()
    .find((event) => event.eventName === 'PutRetentionPolicy' && event.resources.some((resource) => resource.name === DENIED_GROUP));
  expect(denied?.record['errorCode']).toBe('AccessDeniedException');

  await openTrail(app);
  await app.getByRole('group', { name: 'Investigate' }).getByRole('button', { name: 'Denied calls' }).click();
  const history = app.getByRole('region', { name: 'Event history' });
  await history.getByRole('searchbox', { name: 'Filter loaded events' }).fill(DENIED_GROUP);
  await expect(rowsOf(app)).toHaveCount(1);
  await expect(rowsOf(app).first()).toContainText('PutRetentionPolicy');
  await expect(rowsOf(app).first()).toContainText('AccessDeniedException');
  await rowsOf(app).first().click();
  const detail = app.getByRole('complementary', { name: 'PutRetentionPolicy' });
  await expect(detail.getByRole('region', { name: 'Who' })).toContainText('IAM user sandbox');
  await expect(detail).toContainText(denied?.eventId ?? 'no denied event');
  await expect(detail).toContainText('is not authorized to perform: logs:PutRetentionPolicy');
});

test('lists the trails with their status; refuses a lookup over 90 days, or a link asking AWS for two attributes, in the form', async ({ app }) => {
  await openTrail(app);
  await app.getByRole('button', { name: 'Trails', exact: true }).click();
  const trail = app.getByRole('listitem', { name: 'Trail tallybird-management-events' });
  await expect(trail).toContainText('Logging');
  await expect(trail).toContainText('All regions');
  await expect(trail).toContainText('aws-cloudtrail-logs-318264950271-6f1c2d9e');
  await expect(trail).toContainText('Log file validationOn');
  await app.screenshot({ path: `${SCREENSHOTS}trail-trails.png` });

  await app.getByRole('button', { name: 'Event history' }).click();
  const form = app.getByRole('form', { name: 'Look up events' });
  await form.getByRole('button', { name: /^Time range: / }).click();
  await app.getByLabel('Range', { exact: true }).fill('-91d');
  await app.getByRole('button', { name: 'Apply' }).click();
  await expect(form.getByRole('alert')).toHaveText('Event history keeps 90 days: choose a range of at most 90 days.');
  await expect(form.getByRole('button', { name: 'Look up' })).toHaveAttribute('aria-disabled', 'true');

  // A link asking AWS for two attributes is not looked up as it is: the second can be applied by the app.
  await app.evaluate(() => {
    window.location.hash = '#/trail?attribute=Username&value=root&attribute=EventName&value=ConsoleLogin&range=-90d';
  });
  await expect(form.getByRole('alert')).toContainText('AWS looks up one attribute at a time, and this link asks it for more (Event name)');
  await expect(app.getByRole('region', { name: 'Event history' })).toHaveCount(0);
  await form.getByRole('button', { name: 'Let Cloudscope apply Event name' }).click();
  await expect(form.getByRole('alert')).toHaveCount(0);
  await form.getByRole('button', { name: 'Look up' }).click();
  const history = app.getByRole('region', { name: 'Event history' });
  await expect(history.getByRole('note')).toContainText('AWS looked up User name = root; Cloudscope applied Event name = ConsoleLogin');
  await expect(rowsOf(app)).toHaveCount(2);
});

test('shows hostile event fields as inert text', async ({ app, harness }) => {
  const now = Date.now();
  const hostile = HOSTILE_MESSAGES[0] ?? '';
  harness.sandbox.seed({
    regions: [
      {
        region: REGION,
        logGroups: [],
        cloudTrail: {
          trails: [],
          events: () => [
            {
              time: now - 60_000,
              resources: [{ type: 'AWS::Logs::LogGroup', name: hostile }],
              record: {
                eventVersion: '1.10',
                userIdentity: { type: 'IAMUser', userName: HOSTILE_MESSAGES[2], arn: 'arn:aws:iam::123456789012:user/x' },
                eventTime: new Date(now - 60_000).toISOString(),
                eventSource: 'logs.amazonaws.com',
                eventName: 'PutRetentionPolicy',
                awsRegion: REGION,
                sourceIPAddress: HOSTILE_MESSAGES[1],
                requestParameters: { logGroupName: hostile },
                readOnly: false,
                eventID: 'e2e-hostile-event',
                eventCategory: 'Management',
              },
            },
          ],
        },
      },
    ],
  });
  await switchRegion(app, REGION);
  await openTrail(app);
  const form = app.getByRole('form', { name: 'Look up events' });
  await form.getByLabel('Look up: attribute').selectOption({ label: 'Event ID' });
  await form.getByLabel('Look up: value').fill('e2e-hostile-event');
  await form.getByRole('button', { name: 'Look up' }).click();
  await expect(rowsOf(app)).toHaveCount(1);
  await expect(rowsOf(app).first()).toContainText('<img src=x onerror=');
  await rowsOf(app).first().click();
  await expect(app.getByRole('complementary', { name: 'PutRetentionPolicy' })).toContainText('<script>');
  expect(await app.evaluate(() => (window as unknown as { hostileRan?: boolean }).hostileRan)).toBeUndefined();
  expect(await app.locator('img[src="x"]').count()).toBe(0);
});

/**
 * Changing log groups from the Logs view: create, favourite, recent, retention, delete — each checked
 * against the sandbox's own state, never against what the UI says.
 */
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';
import { switchRegion } from './support/app';
import type { Harness } from './harness';

const REGION = 'ap-southeast-1';
const GROUP = '/e2e/managed';

function storedGroup(harness: Harness) {
  return harness.sandbox.logs(REGION).group(GROUP);
}

test.afterEach(async ({ harness }) => {
  if (storedGroup(harness)) harness.sandbox.logs(REGION).deleteGroup(GROUP);
  await harness.api.dispatcher.call('connections.select', { connectionId: 'demo', region: 'us-east-1' }, new AbortController().signal);
});

test('creates a group, keeps it as a favourite and recent, changes its retention and deletes it', async ({ app, harness }) => {
  await switchRegion(app, REGION);
  const groups = app.getByRole('region', { name: 'Log groups' });
  await groups.getByRole('button', { name: 'Create log group' }).first().click();

  const create = app.getByRole('dialog', { name: 'Create log group' });
  const name = create.getByLabel('Name');
  await name.fill('bad:name');
  await expect(create.getByText("The name may contain only a-z, A-Z, 0-9, '_', '-', '/', '.' and '#'.")).toBeVisible();
  await name.fill(GROUP);
  await create.getByLabel('Keep events for').selectOption({ label: '30 days' });
  await create.getByRole('button', { name: 'Create log group' }).click();

  // The new group opens at once, and exists in AWS with what was chosen.
  await expect(app.getByRole('navigation', { name: 'Breadcrumb' })).toContainText(GROUP);
  expect(storedGroup(harness)?.retentionInDays).toBe(30);

  await app.getByRole('button', { name: 'Add to favourites' }).click();
  await expect(app.getByRole('button', { name: 'Remove from favourites' })).toHaveAttribute('aria-pressed', 'true');
  await expect(app.getByRole('link', { name: 'Open in AWS console' })).toHaveAttribute(
    'href',
    `https://${REGION}.console.aws.amazon.com/cloudwatch/home?region=${REGION}#logsV2:log-groups/log-group/$252Fe2e$252Fmanaged`,
  );

  // Shortening retention says what goes and asks first.
  await app.getByRole('button', { name: `Change retention of ${GROUP}` }).click();
  const retention = app.getByRole('dialog', { name: 'Change retention' });
  await retention.getByLabel('Keep events for').selectOption({ label: '1 day' });
  await expect(retention.getByRole('status')).toContainText('Events older than 1 day will be deleted');
  await app.screenshot({ path: fileURLToPath(new URL('./screenshots/retention-light.png', import.meta.url)) });
  await retention.getByRole('button', { name: 'Shorten and delete older events' }).click();
  await expect(retention).toHaveCount(0);
  await expect(app.locator('.group-summary')).toContainText('Retention1 day');
  expect(storedGroup(harness)?.retentionInDays).toBe(1);

  await app.getByRole('button', { name: 'Log groups', exact: true }).click();
  await groups.getByRole('button', { name: /^Favourites/ }).click();
  await expect(groups.getByRole('grid', { name: 'Log groups' }).locator('[role="row"][data-index]')).toHaveCount(1);
  await expect(groups.getByRole('grid', { name: 'Log groups' })).toContainText(GROUP);
  await groups.getByRole('button', { name: 'Recent' }).click();
  await expect(groups.getByRole('grid', { name: 'Log groups' })).toContainText(GROUP);

  // Deleting asks for the name, then removes the group everywhere.
  await groups.getByRole('grid', { name: 'Log groups' }).locator('[role="row"][data-index]').first().click();
  await app.getByRole('button', { name: 'Delete…' }).click();
  const remove = app.getByRole('alertdialog', { name: 'Delete log group?' });
  await remove.getByLabel('Type the group’s name to confirm').fill('/e2e/manage');
  await expect(remove.getByRole('button', { name: 'Delete log group' })).toHaveAttribute('aria-disabled', 'true');
  await remove.getByLabel('Type the group’s name to confirm').fill(GROUP);
  await remove.getByRole('button', { name: 'Delete log group' }).click();
  await expect(remove).toHaveCount(0);
  expect(storedGroup(harness)).toBeUndefined();
  await expect(groups.getByRole('button', { name: 'Favourites (0)' })).toBeVisible();
});

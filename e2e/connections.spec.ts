/**
 * Connections end to end: profiles from the shared config files, and a connection created in the app
 * whose secret must never come back out — not over the bridge, not in the DOM, not in storage or the
 * settings file.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { ConnectionList } from '../src/shared/contract';
import { expect, test } from './fixtures';
import type { Harness } from './harness';

const SENTINEL = 'SENTINELs3cr3t0f7h3e2e5p3c-never-shown';

async function apiCall<T>(harness: Harness, method: string, request: unknown): Promise<T> {
  const result = await harness.api.dispatcher.call(method, request, new AbortController().signal);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  return result.value as T;
}

async function openManageConnections(app: Page) {
  await app.getByRole('button', { name: /Change connection or region/ }).click();
  await app.getByRole('menuitem', { name: 'Manage connections…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Manage connections' });
  await expect(dialog).toBeVisible();
  return dialog;
}

function awsDir(harness: Harness): string {
  return join(harness.options.homeDir, '.aws');
}

test.afterEach(async ({ harness }) => {
  rmSync(awsDir(harness), { recursive: true, force: true });
  await apiCall(harness, 'connections.select', { connectionId: 'demo', region: 'us-east-1' });
  const list = await apiCall<ConnectionList>(harness, 'connections.list', {});
  for (const connection of list.connections.filter((candidate) => candidate.kind === 'keys')) {
    await apiCall(harness, 'connections.delete', { connectionId: connection.id });
  }
});

test('a connection with keys: the secret goes in once and never comes back out', async ({ app, harness }) => {
  const dialog = await openManageConnections(app);
  await dialog.getByRole('button', { name: 'Add connection' }).click();
  const form = dialog.getByRole('form', { name: 'Add connection' });
  await form.getByLabel('Name').fill('Local sandbox keys');
  await form.getByLabel('Access key ID').fill('AKIAE2ESENTINEL00001');
  await form.getByLabel('Secret access key').fill(SENTINEL);
  await form.getByRole('combobox', { name: 'Default region' }).selectOption('us-east-1');
  await form.getByLabel('Endpoint (optional)').fill(harness.sandbox.endpoint);
  await form.getByRole('button', { name: 'Save' }).click();

  // Saving checks the connection: the sandbox says who the keys belong to.
  const check = dialog.getByRole('status', { name: 'Connection check' });
  await expect(check).toContainText('The connection works');
  await expect(check).toContainText(harness.sandbox.accountId);

  await dialog.getByRole('button', { name: 'Use' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('button', { name: /Connection Local sandbox keys, region us-east-1\./ })).toBeVisible();
  const groups = harness.sandbox.logs('us-east-1').groupNames();
  await expect(app.getByText(`${groups.length} log groups`, { exact: true })).toBeVisible();

  // The secret crossed the bridge exactly once, inward, in the request that created the connection…
  const carrying = harness.requests.filter((request) => JSON.stringify(request).includes(SENTINEL));
  expect(carrying.map((request) => request.method)).toEqual(['connections.create']);
  // …and never outward, in any answer or stream message.
  expect(harness.responses.length).toBeGreaterThan(0);
  expect(harness.responses.filter((body) => body.includes(SENTINEL))).toEqual([]);
  // Not in the page, not in its storage, not in the settings file; in the keychain only.
  expect(await app.content()).not.toContain(SENTINEL);
  const inputValues = await app.evaluate(() => [...document.querySelectorAll('input, textarea')].map((field) => (field as HTMLInputElement).value));
  expect(inputValues.join('\n')).not.toContain(SENTINEL);
  const storage = await app.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(storage).not.toContain(SENTINEL);
  expect(readFileSync(harness.options.settingsFile, 'utf8')).not.toContain(SENTINEL);
  const list = await apiCall<ConnectionList>(harness, 'connections.list', {});
  const created = list.connections.find((connection) => connection.name === 'Local sandbox keys');
  expect(await harness.options.secrets.get(created?.id ?? '')).toContain(SENTINEL);
});

test('profiles from the AWS config files, with their kinds, and the line of a broken file', async ({ app, harness }) => {
  mkdirSync(awsDir(harness), { recursive: true });
  writeFileSync(
    join(awsDir(harness), 'config'),
    [
      '[profile prod-admin]',
      'role_arn = arn:aws:iam::123456789012:role/Admin',
      'source_profile = base',
      'mfa_serial = arn:aws:iam::123456789012:mfa/oncall',
      '[profile dev]',
      'sso_session = corp',
      'sso_account_id = 123456789012',
      'sso_role_name = ReadOnly',
      '[sso-session corp]',
      'sso_start_url = https://corp.awsapps.com/start',
      'sso_region = eu-west-1',
      'this line is broken',
    ].join('\n'),
  );
  writeFileSync(join(awsDir(harness), 'credentials'), ['[base]', 'aws_access_key_id = AKIABASE000000000001', `aws_secret_access_key = ${SENTINEL}`].join('\n'));

  const dialog = await openManageConnections(app);
  const connections = dialog.getByRole('listbox', { name: 'Connections' });
  await expect(connections.getByRole('option', { name: /^prod-admin\b.*Role/ })).toBeVisible();
  await expect(connections.getByRole('option', { name: /^dev\b.*SSO/ })).toBeVisible();
  await expect(connections.getByRole('option', { name: /^base\b/ })).toBeVisible();
  await expect(dialog.getByRole('note', { name: 'Problems in the AWS config files' })).toContainText(':12');

  await connections.getByRole('option', { name: /^prod-admin\b/ }).click();
  await expect(dialog).toContainText('prod-admin → base');
  await expect(dialog).toContainText('arn:aws:iam::123456789012:mfa/oncall');
  await app.screenshot({ path: new URL('./screenshots/connections-light.png', import.meta.url).pathname });
  expect(await app.content()).not.toContain(SENTINEL);
  expect(harness.responses.filter((body) => body.includes(SENTINEL))).toEqual([]);
});

/**
 * Profiles whose credentials the SDK itself resolves (fromIni reads the process environment), pointed at
 * the sandbox, which plays STS and IAM Identity Center.
 */
function useProfilesAgainstSandbox(harness: Harness, config: string[]): void {
  mkdirSync(awsDir(harness), { recursive: true });
  writeFileSync(join(awsDir(harness), 'config'), config.join('\n'));
  writeFileSync(join(awsDir(harness), 'credentials'), ['[base]', 'aws_access_key_id = AKIABASE000000000001', `aws_secret_access_key = ${SENTINEL}`].join('\n'));
  const env = {
    HOME: harness.options.homeDir,
    AWS_CONFIG_FILE: join(awsDir(harness), 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(awsDir(harness), 'credentials'),
    AWS_ENDPOINT_URL: harness.sandbox.endpoint,
  };
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  restoreEnvironment = () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

let restoreEnvironment: (() => void) | undefined;
test.afterEach(() => {
  restoreEnvironment?.();
  restoreEnvironment = undefined;
});

async function switchConnection(app: Page, name: RegExp): Promise<void> {
  await app.getByRole('button', { name: /Change connection or region/ }).click();
  await app.getByRole('menuitemradio', { name }).click();
}

test('a role with MFA asks for the code in the app, refuses a wrong one, then lists its log groups', async ({ app, harness }) => {
  const serial = 'arn:aws:iam::123456789012:mfa/oncall';
  const role = 'arn:aws:iam::123456789012:role/OnCall';
  harness.sandbox.identity.configureRole(role, { mfa: { serialNumber: serial, tokenCode: '246810' } });
  useProfilesAgainstSandbox(harness, ['[profile oncall]', `role_arn = ${role}`, 'source_profile = base', `mfa_serial = ${serial}`, 'region = us-east-1']);

  await switchConnection(app, /^oncall\b/);
  const dialog = app.getByRole('dialog', { name: 'Enter MFA code' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(serial);
  await dialog.getByRole('textbox', { name: 'MFA code' }).fill('000000');
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(dialog.getByRole('alert')).toContainText('not accepted');
  await dialog.getByRole('textbox', { name: 'MFA code' }).fill('246810');
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(dialog).toBeHidden();
  const groups = harness.sandbox.logs('us-east-1').groupNames();
  await expect(app.getByText(`${groups.length} log groups`, { exact: true })).toBeVisible();
});

test('an SSO profile signs in from the app: the code is shown, the browser page opened, then it works', async ({ app, harness }) => {
  useProfilesAgainstSandbox(harness, [
    '[profile dev]',
    'sso_session = corp',
    'sso_account_id = 123456789012',
    'sso_role_name = ReadOnly',
    'region = us-east-1',
    '[sso-session corp]',
    'sso_start_url = https://corp.awsapps.com/start',
    'sso_region = us-east-1',
    'sso_registration_scopes = sso:account:access',
  ]);

  await switchConnection(app, /^dev\b/);
  await app.getByRole('button', { name: 'Sign in' }).first().click();
  const dialog = app.getByRole('dialog', { name: 'Sign in to IAM Identity Center' });
  await expect(dialog).toBeVisible();
  await expect.poll(() => harness.sandbox.sso.pending().length).toBe(1);
  const pending = harness.sandbox.sso.pending()[0];
  await expect(dialog).toContainText(pending?.userCode ?? 'no code');
  expect(harness.options.opened.at(-1)).toContain(pending?.userCode ?? 'no code');
  await app.screenshot({ path: new URL('./screenshots/sso-sign-in-light.png', import.meta.url).pathname });

  harness.sandbox.sso.approve(pending?.userCode ?? '');
  await expect(dialog).toBeHidden();
  const groups = harness.sandbox.logs('us-east-1').groupNames();
  await expect(app.getByText(`${groups.length} log groups`, { exact: true })).toBeVisible();
});

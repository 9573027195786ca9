/**
 * keytarSecretStore against the REAL keychain through keytar: the Secret Service on Linux (run through
 * `npm run test:integration`, whose scripts/with-keyring.mjs starts a private gnome-keyring where none is running),
 * the macOS Keychain, Windows Credential Manager. Everything is filed under a service name unique to this run, and
 * every entry is deleted afterwards.
 *
 * There is deliberately no skip: without a keychain these tests fail, saying what to install.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keytarSecretStore, SecretStoreUnavailableError, type KeytarLike, type SecretStore } from './secret-store';

const SERVICE = `Cloudscope-test-${process.pid}-${randomUUID().slice(0, 8)}`;
const STORE_MODULE = new URL('./secret-store.ts', import.meta.url).href;
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

type KeytarModule = KeytarLike & { findCredentials(service: string): Promise<Array<{ account: string; password: string }>> };

let store: SecretStore;
let keytar: KeytarModule;
let keychainAnswered = false;

beforeAll(async () => {
  const imported = (await import('keytar')) as unknown as KeytarModule & { default?: KeytarModule };
  keytar = imported.default ?? imported;
  store = keytarSecretStore({ service: SERVICE });
  const answer = await store.availability();
  if (!answer.available) {
    throw new Error(
      `These tests need a working keychain, and there is none: ${answer.reason}\n` +
        'Run them with `npm run test:integration`: on Linux, scripts/with-keyring.mjs starts a private gnome-keyring ' +
        '(it needs: sudo apt-get install -y gnome-keyring dbus libsecret-1-0).',
    );
  }
  keychainAnswered = true;
});

afterAll(async () => {
  if (!keychainAnswered) return; // nothing was written; beforeAll's error says why
  for (const { account } of await keytar.findCredentials(SERVICE)) await keytar.deletePassword(SERVICE, account);
  expect(await keytar.findCredentials(SERVICE)).toEqual([]);
});

const account = (): string => `account-${randomUUID()}`;

describe('keytarSecretStore on the real keychain', () => {
  it('is available, and its probe leaves nothing behind', async () => {
    expect(await store.availability()).toEqual({ available: true });
    expect(await keytar.findCredentials(SERVICE)).toEqual([]);
  });

  it('stores, reads back, replaces and deletes a secret — in the keychain itself', async () => {
    const name = account();
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    expect(await store.get(name)).toBeUndefined();
    await store.set(name, secret);
    expect(await store.get(name)).toBe(secret);
    expect(await keytar.getPassword(SERVICE, name)).toBe(secret); // really there, not in a cache
    expect(await keytarSecretStore({ service: SERVICE }).get(name)).toBe(secret); // and another instance sees it

    await store.set(name, 'replaced+secret/value');
    expect(await store.get(name)).toBe('replaced+secret/value');
    expect((await keytar.findCredentials(SERVICE)).filter((c) => c.account === name)).toHaveLength(1);

    await store.delete(name);
    expect(await store.get(name)).toBeUndefined();
    expect(await keytar.getPassword(SERVICE, name)).toBeNull();
  });

  it('keeps unicode secrets and account names intact', async () => {
    const name = `connexion-ключ-秘密-${randomUUID().slice(0, 8)}`;
    const secret = 'Grüße 🔑 秘密 ключ ✓ e\u0301 \t"quotes" \'and\' \\backslashes\\ & <tags>';
    await store.set(name, secret);
    expect(await store.get(name)).toBe(secret);
    expect(await keytar.getPassword(SERVICE, name)).toBe(secret);
    await store.delete(name);
  });

  it('keeps a secret as long as an STS session token', async () => {
    // Session tokens run to ~1,000–2,000 characters; Windows Credential Manager holds at most 2,560 bytes.
    const name = account();
    const secret = Array.from({ length: 2_048 }, (_, index) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'[(index * 7) % 64]).join('');
    await store.set(name, secret);
    expect(await store.get(name)).toBe(secret);
    await store.delete(name);
  });

  it.skipIf(process.platform === 'win32')('keeps a 40 KB multi-byte secret (not on Windows: 2,560-byte limit)', async () => {
    const name = account();
    const secret = '秘密🔑'.repeat(4_096); // 16,384 UTF-16 code units, 40,960 bytes of UTF-8
    await store.set(name, secret);
    expect(await store.get(name)).toBe(secret);
    await store.delete(name);
  });

  it('deletes idempotently', async () => {
    const name = account();
    await store.delete(name); // never set
    await store.set(name, 'to be deleted');
    await store.delete(name);
    await store.delete(name);
    expect(await store.get(name)).toBeUndefined();
  });

  it('keeps accounts and services apart, also under concurrent writes', async () => {
    const names = Array.from({ length: 8 }, account);
    await Promise.all(names.map((name, index) => store.set(name, `secret-${index}`)));
    expect(await Promise.all(names.map((name) => store.get(name)))).toEqual(names.map((_, index) => `secret-${index}`));
    const otherService = keytarSecretStore({ service: `${SERVICE}-other` });
    expect(await otherService.get(names[0] ?? '')).toBeUndefined();
    await Promise.all(names.map((name) => store.delete(name)));
    expect(await keytar.findCredentials(SERVICE)).toEqual([]);
  });

  it.skipIf(process.platform !== 'linux')(
    'is unavailable, with a reason a person can act on, when the session bus points nowhere (a fresh process)',
    async () => {
      // libsecret keeps its D-Bus connection for the life of a process, so the keychain-less case runs in a child
      // process: the real store, the real keytar, a bus address that leads nowhere.
      const script = `
        const { keytarSecretStore } = await import(${JSON.stringify(STORE_MODULE)});
        const store = keytarSecretStore({ service: ${JSON.stringify(`${SERVICE}-nobus`)} });
        const availability = await store.availability();
        const setError = await store.set('account', 'do-not-leak-this-secret').then(() => undefined, (error) => ({ name: error.name, message: error.message }));
        console.log(JSON.stringify({ availability, setError }));`;
      const env: NodeJS.ProcessEnv = { ...process.env, DBUS_SESSION_BUS_ADDRESS: `unix:path=/nonexistent/cloudscope-${randomUUID()}/bus` };
      delete env.DISPLAY;
      const started = Date.now();
      const stdout = await new Promise<string>((resolve, reject) => {
        execFile(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], { cwd: ROOT, env, timeout: 30_000 }, (error, out, err) =>
          error ? reject(new Error(`child failed: ${error.message}\n${err}`)) : resolve(out),
        );
      });
      const result = JSON.parse(stdout.trim().split('\n').pop() ?? '') as {
        availability: { available: boolean; reason?: string };
        setError?: { name: string; message: string };
      };
      expect(result.availability.available).toBe(false);
      expect(result.availability.reason).toMatch(/^No keychain \(Secret Service\) is running: install and unlock GNOME Keyring or KWallet, or use an AWS profile/);
      expect(result.setError?.name).toBe(SecretStoreUnavailableError.name);
      expect(result.setError?.message).toBe(result.availability.reason);
      expect(stdout).not.toContain('do-not-leak-this-secret');
      expect(Date.now() - started).toBeLessThan(20_000);
    },
  );
});

/**
 * memorySecretStore, and keytarSecretStore's decisions (availability, reasons, timeouts, redaction) with a stand-in
 * keytar. The real keychain is exercised by secret-store.integration.test.ts.
 */
import { describe, expect, it, vi } from 'vitest';
import { keytarSecretStore, memorySecretStore, SecretStoreError, SecretStoreUnavailableError, type KeytarLike } from './secret-store';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

/** A keytar over a Map, with hooks to make calls fail or hang. */
function fakeKeytar(hooks: { fail?: (call: string) => Error | undefined; hang?: (call: string) => boolean } = {}) {
  const entries = new Map<string, string>();
  const calls: string[] = [];
  const call = <T>(name: string, run: () => T): Promise<T> => {
    calls.push(name);
    if (hooks.hang?.(name)) return new Promise<T>(() => undefined);
    const error = hooks.fail?.(name);
    return error ? Promise.reject(error) : Promise.resolve(run());
  };
  const keytar: KeytarLike = {
    getPassword: (service, account) => call('get', () => entries.get(`${service}\0${account}`) ?? null),
    setPassword: (service, account, password) => call('set', () => void entries.set(`${service}\0${account}`, password)),
    deletePassword: (service, account) => call('delete', () => entries.delete(`${service}\0${account}`)),
  };
  return { keytar, entries, calls };
}

describe('memorySecretStore', () => {
  it('stores, replaces, reads and deletes secrets per account', async () => {
    const store = memorySecretStore();
    expect(await store.availability()).toEqual({ available: true });
    expect(await store.get('a')).toBeUndefined();
    await store.set('a', SECRET);
    await store.set('b', 'другой 秘密 🔑');
    expect(await store.get('a')).toBe(SECRET);
    expect(await store.get('b')).toBe('другой 秘密 🔑');
    await store.set('a', 'replaced');
    expect(await store.get('a')).toBe('replaced');
    await store.delete('a');
    await store.delete('a');
    await store.delete('never-set');
    expect(await store.get('a')).toBeUndefined();
    expect(await store.get('b')).toBe('другой 秘密 🔑');
  });

  it('keeps stores apart', async () => {
    const one = memorySecretStore();
    const two = memorySecretStore();
    await one.set('a', SECRET);
    expect(await two.get('a')).toBeUndefined();
  });

  it('rejects empty account names and secrets', async () => {
    const store = memorySecretStore();
    await expect(store.set('', SECRET)).rejects.toThrow(TypeError);
    await expect(store.set('a', '')).rejects.toThrow(TypeError);
    await expect(store.get('  ')).rejects.toThrow(TypeError);
  });

  it('can play a missing keychain, for the UI', async () => {
    const reason = 'No keychain (Secret Service) is running.';
    const store = memorySecretStore({ unavailableReason: reason });
    expect(await store.availability()).toEqual({ available: false, reason });
    const error = await store.set('a', SECRET).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SecretStoreUnavailableError);
    expect((error as SecretStoreUnavailableError).reason).toBe(reason);
    await expect(store.get('a')).rejects.toBeInstanceOf(SecretStoreUnavailableError);
    await expect(store.delete('a')).rejects.toBeInstanceOf(SecretStoreUnavailableError);
  });
});

describe('keytarSecretStore with a stand-in keytar', () => {
  it('probes with a real round trip, leaves no probe entry behind, and caches the answer', async () => {
    const fake = fakeKeytar();
    const loadKeytar = vi.fn(async () => fake.keytar);
    const store = keytarSecretStore({ service: 'svc', loadKeytar });
    const [first, second] = await Promise.all([store.availability(), store.availability()]);
    expect(first).toEqual({ available: true });
    expect(second).toEqual({ available: true });
    expect(await store.availability()).toEqual({ available: true });
    expect(fake.calls).toEqual(['set', 'get', 'delete']);
    expect(loadKeytar).toHaveBeenCalledTimes(1);
    expect(fake.entries.size).toBe(0);
  });

  it('files entries under its service name and does what the interface says', async () => {
    const fake = fakeKeytar();
    const store = keytarSecretStore({ service: 'svc', loadKeytar: async () => fake.keytar });
    await store.set('conn-1', SECRET);
    expect([...fake.entries.keys()]).toEqual(['svc\0conn-1']);
    expect(await store.get('conn-1')).toBe(SECRET);
    expect(await store.get('conn-2')).toBeUndefined();
    await store.delete('conn-1');
    await store.delete('conn-1');
    expect(fake.entries.size).toBe(0);
  });

  it('defaults to the service name Cloudscope', async () => {
    const fake = fakeKeytar();
    const store = keytarSecretStore({ loadKeytar: async () => fake.keytar });
    await store.set('a', SECRET);
    expect([...fake.entries.keys()]).toEqual(['Cloudscope\0a']);
  });

  it('is unavailable, not a crash, when keytar cannot be loaded — and never writes anywhere else', async () => {
    const loadKeytar = vi.fn(async (): Promise<KeytarLike> => {
      throw new Error('libsecret-1.so.0: cannot open shared object file: No such file or directory');
    });
    const store = keytarSecretStore({ loadKeytar, platform: 'linux' });
    const answer = await store.availability();
    expect(answer.available).toBe(false);
    if (answer.available) return;
    expect(answer.reason).toMatch(/libsecret/);
    expect(answer.reason).toMatch(/apt-get install libsecret-1-0/);
    expect(answer.reason).toMatch(/AWS profile/);
    const error = await store.set('a', SECRET).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SecretStoreUnavailableError);
    expect((error as Error).message).toBe(answer.reason);
    expect((error as Error).message).not.toContain(SECRET);
    await expect(store.get('a')).rejects.toBeInstanceOf(SecretStoreUnavailableError);
    await expect(store.delete('a')).rejects.toBeInstanceOf(SecretStoreUnavailableError);
    expect(loadKeytar).toHaveBeenCalledTimes(1);
  });

  it('says when no Secret Service is running', async () => {
    const fake = fakeKeytar({ fail: () => new Error('Cannot autolaunch D-Bus without X11 $DISPLAY') });
    const store = keytarSecretStore({ loadKeytar: async () => fake.keytar, platform: 'linux' });
    const answer = await store.availability();
    expect(answer).toEqual({ available: false, reason: expect.stringMatching(/^No keychain \(Secret Service\) is running: install and unlock GNOME Keyring or KWallet/) });
  });

  it('says when the keychain is locked', async () => {
    const fake = fakeKeytar({ fail: (call) => (call === 'set' ? new Error('Cannot create an item in a locked collection') : undefined) });
    const store = keytarSecretStore({ loadKeytar: async () => fake.keytar, platform: 'linux' });
    const answer = await store.availability();
    expect(answer.available).toBe(false);
    if (!answer.available) expect(answer.reason).toMatch(/is locked: unlock it/);
  });

  it('gives up on a keychain that does not answer, says it may be locked, and believes a late answer', async () => {
    let release: (() => void) | undefined;
    const fake = fakeKeytar();
    const slow: KeytarLike = {
      ...fake.keytar,
      setPassword: (service, account, password) =>
        new Promise<void>((resolve) => {
          release = () => resolve(fake.keytar.setPassword(service, account, password));
        }),
    };
    const store = keytarSecretStore({ loadKeytar: async () => slow, probeTimeoutMs: 50, platform: 'darwin' });
    const started = Date.now();
    const answer = await store.availability();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(answer.available).toBe(false);
    if (!answer.available) expect(answer.reason).toMatch(/^The macOS Keychain did not answer within 50 ms; it may be locked\. Unlock it/);
    await expect(store.set('a', SECRET)).rejects.toBeInstanceOf(SecretStoreUnavailableError);

    release?.(); // the person unlocked the keychain
    await vi.waitFor(async () => expect(await store.availability()).toEqual({ available: true }));
    expect(fake.entries.size).toBe(0);
  });

  it('times out operations that hang, naming the account and not the secret', async () => {
    let hang = false;
    const fake = fakeKeytar({ hang: (call) => hang && call === 'set' });
    const store = keytarSecretStore({ loadKeytar: async () => fake.keytar, operationTimeoutMs: 30 });
    expect(await store.availability()).toEqual({ available: true });
    hang = true;
    const error = await store.set('conn-1', SECRET).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SecretStoreError);
    expect((error as Error).message).toMatch(/did not answer .* "conn-1"; it may be locked/);
    expect((error as Error).message).not.toContain(SECRET);
  });

  it('never lets the secret through in an error, even if the keychain library echoes it', async () => {
    let failing = false;
    const fake = fakeKeytar({ fail: (call) => (failing && call === 'set' ? new Error(`rejected value ${SECRET} for item`) : undefined) });
    const store = keytarSecretStore({ loadKeytar: async () => fake.keytar });
    await store.availability();
    failing = true;
    const error = await store.set('conn-1', SECRET).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SecretStoreError);
    expect((error as Error).message).toContain('conn-1');
    expect((error as Error).message).not.toContain(SECRET);
    expect((error as Error).stack ?? '').not.toContain(SECRET);
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(SECRET);
  });

  it('reports a keychain that returns something else than was written as unavailable', async () => {
    const fake = fakeKeytar();
    const liar: KeytarLike = { ...fake.keytar, getPassword: async () => 'something else' };
    const store = keytarSecretStore({ loadKeytar: async () => liar });
    const answer = await store.availability();
    expect(answer.available).toBe(false);
    expect(fake.entries.size).toBe(0);
  });

  it('rejects an empty service name', () => {
    expect(() => keytarSecretStore({ service: ' ' })).toThrow(TypeError);
  });
});

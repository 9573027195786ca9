/**
 * Secrets (AWS secret access keys, session tokens) in the operating system's keychain: macOS Keychain, Windows
 * Credential Manager, or a Secret Service (GNOME Keyring, KWallet) on Linux — through keytar.
 *
 * Never falls back to a plain-text file: where no keychain answers, `availability()` says why in words a person can
 * act on, and `set` throws a {@link SecretStoreUnavailableError} carrying that reason. No secret value ever appears
 * in an error message or a log line (this module does not log at all).
 *
 * Plain Node: no electron import (see ARCHITECTURE.md). keytar is N-API, so the same build loads in Node and Electron.
 */

export type SecretStoreAvailability = { readonly available: true } | { readonly available: false; readonly reason: string };

export interface SecretStore {
  /**
   * Whether secrets can be stored; when not, `reason` says why in words a person can act on. Probed once, by a real
   * round trip through the keychain, and cached. (One exception: when the probe timed out, e.g. on a locked keyring,
   * and the keychain answers later — the person unlocked it — later calls report it available.)
   */
  availability(): Promise<SecretStoreAvailability>;
  /** The secret stored for `account`, or undefined when there is none. Throws {@link SecretStoreUnavailableError} when no keychain is available (the secret may exist, it cannot be read). */
  get(account: string): Promise<string | undefined>;
  /** Stores (or replaces) the secret for `account`. Throws {@link SecretStoreUnavailableError} when no keychain is available — never falls back to plain text. */
  set(account: string, secret: string): Promise<void>;
  /** Removes the secret for `account`; idempotent. Throws {@link SecretStoreUnavailableError} when no keychain is available. */
  delete(account: string): Promise<void>;
}

/** No keychain can be used; `reason` says why and what to do, and is also the message. */
export class SecretStoreUnavailableError extends Error {
  override readonly name = 'SecretStoreUnavailableError';
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** The keychain is there but an operation on it failed. The message names the account, never the secret. */
export class SecretStoreError extends Error {
  override readonly name = 'SecretStoreError';
}

/** The part of keytar this module uses. */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export interface KeytarSecretStoreOptions {
  /** The keychain's service name, under which every entry is filed. Default 'Cloudscope'. */
  readonly service?: string;
  /** Loads keytar. Tests inject failures here; the default is a dynamic import of the real module. */
  readonly loadKeytar?: () => Promise<KeytarLike>;
  /** How long the availability probe may take before the keychain counts as unavailable (probably locked). Default 5 s. */
  readonly probeTimeoutMs?: number;
  /** How long a get/set/delete may take (it may wait for the person to unlock the keychain). Default 60 s. */
  readonly operationTimeoutMs?: number;
  /** For the wording of reasons; default process.platform. */
  readonly platform?: NodeJS.Platform;
}

const PROBE_ACCOUNT = 'cloudscope-availability-probe';
const PROFILE_HINT = 'or use an AWS profile (~/.aws/config) instead';

export function keytarSecretStore(options: KeytarSecretStoreOptions = {}): SecretStore {
  const service = options.service ?? 'Cloudscope';
  const loadKeytar = options.loadKeytar ?? importKeytar;
  const probeTimeoutMs = options.probeTimeoutMs ?? 5_000;
  const operationTimeoutMs = options.operationTimeoutMs ?? 60_000;
  const platform = options.platform ?? process.platform;
  if (service.trim() === '') throw new TypeError('The keychain service name must not be empty.');

  let keytar: Promise<KeytarLike> | undefined;
  let probe: Promise<SecretStoreAvailability> | undefined;
  let lateAnswer: SecretStoreAvailability | undefined;

  function module(): Promise<KeytarLike> {
    keytar ??= loadKeytar();
    return keytar;
  }

  async function runProbe(): Promise<SecretStoreAvailability> {
    let kt: KeytarLike;
    try {
      kt = await module();
    } catch (error) {
      return { available: false, reason: loadFailureReason(error, platform) };
    }
    const marker = `probe-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const roundTrip = (async (): Promise<SecretStoreAvailability> => {
      await kt.setPassword(service, PROBE_ACCOUNT, marker);
      try {
        const read = await kt.getPassword(service, PROBE_ACCOUNT);
        if (read !== marker) {
          return { available: false, reason: `The keychain did not return the test entry Cloudscope wrote to it, so keys cannot be stored safely: check your keychain, ${PROFILE_HINT}.` };
        }
      } finally {
        await kt.deletePassword(service, PROBE_ACCOUNT);
      }
      return { available: true };
    })();
    const outcome = await withTimeout(roundTrip, probeTimeoutMs);
    if (outcome.kind === 'timeout') {
      // A locked keyring can keep the call waiting on a prompt; if it answers later, believe the answer then.
      roundTrip.then(
        (answer) => {
          lateAnswer = answer;
        },
        () => undefined,
      );
      return { available: false, reason: timeoutReason(probeTimeoutMs, platform) };
    }
    if (outcome.kind === 'error') return { available: false, reason: probeFailureReason(outcome.error, platform) };
    return outcome.value;
  }

  async function availability(): Promise<SecretStoreAvailability> {
    probe ??= runProbe();
    const answer = await probe;
    return !answer.available && lateAnswer ? lateAnswer : answer;
  }

  /** keytar, or a SecretStoreUnavailableError with the reason. */
  async function usable(): Promise<KeytarLike> {
    const answer = await availability();
    if (!answer.available) throw new SecretStoreUnavailableError(answer.reason);
    return module();
  }

  async function operation<T>(what: string, account: string, run: () => Promise<T>): Promise<T> {
    const outcome = await withTimeout(run(), operationTimeoutMs);
    if (outcome.kind === 'value') return outcome.value;
    if (outcome.kind === 'timeout') {
      throw new SecretStoreError(`The keychain did not answer within ${seconds(operationTimeoutMs)} while trying to ${what} for "${account}"; it may be locked. Unlock it and try again.`);
    }
    throw new SecretStoreError(`Could not ${what} for "${account}" in the keychain: ${messageOf(outcome.error)}`);
  }

  return {
    availability,

    async get(account) {
      checkAccount(account);
      const kt = await usable();
      const secret = await operation('read the key', account, () => kt.getPassword(service, account));
      return secret ?? undefined;
    },

    async set(account, secret) {
      checkAccount(account);
      if (typeof secret !== 'string' || secret === '') throw new TypeError('The secret to store must be a non-empty string.');
      const kt = await usable();
      await operation('store the key', account, () => kt.setPassword(service, account, secret)).catch((error: unknown) => {
        throw redacted(error, secret);
      });
    },

    async delete(account) {
      checkAccount(account);
      const kt = await usable();
      await operation('delete the key', account, () => kt.deletePassword(service, account));
    },
  };
}

/** Secrets in a Map: for tests and the browser e2e harness. `unavailableReason` makes it behave like a missing keychain. */
export function memorySecretStore(options: { readonly unavailableReason?: string } = {}): SecretStore {
  const secrets = new Map<string, string>();
  const { unavailableReason } = options;
  const usable = (): void => {
    if (unavailableReason !== undefined) throw new SecretStoreUnavailableError(unavailableReason);
  };
  return {
    async availability() {
      return unavailableReason === undefined ? { available: true } : { available: false, reason: unavailableReason };
    },
    async get(account) {
      checkAccount(account);
      usable();
      return secrets.get(account);
    },
    async set(account, secret) {
      checkAccount(account);
      if (typeof secret !== 'string' || secret === '') throw new TypeError('The secret to store must be a non-empty string.');
      usable();
      secrets.set(account, secret);
    },
    async delete(account) {
      checkAccount(account);
      usable();
      secrets.delete(account);
    },
  };
}

async function importKeytar(): Promise<KeytarLike> {
  // keytar is CommonJS: Node's ESM loader puts its exports on `default` (and, detected statically, some by name).
  const imported = (await import('keytar')) as Partial<KeytarLike> & { default?: Partial<KeytarLike> };
  const keytar = imported.default ?? imported;
  if (typeof keytar.getPassword !== 'function' || typeof keytar.setPassword !== 'function' || typeof keytar.deletePassword !== 'function') {
    throw new Error('the keytar module does not have the expected functions');
  }
  return keytar as KeytarLike;
}

function checkAccount(account: string): void {
  if (typeof account !== 'string' || account.trim() === '') throw new TypeError('The keychain account name must be a non-empty string.');
}

type Outcome<T> = { kind: 'value'; value: T } | { kind: 'error'; error: unknown } | { kind: 'timeout' };

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<Outcome<T>> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ kind: 'timeout' }), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve({ kind: 'value', value });
      },
      (error: unknown) => {
        clearTimeout(timer);
        resolve({ kind: 'error', error });
      },
    );
  });
}

function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.trim() === '' ? 'unknown error' : message.trim();
}

/** The error, rebuilt so the secret cannot ride along in its message or stack. */
function redacted(error: unknown, secret: string): unknown {
  if (!(error instanceof Error)) return error;
  const scrub = (text: string): string => text.split(secret).join('[secret]');
  if (!error.message.includes(secret) && !(error.stack ?? '').includes(secret)) return error;
  const clean = new SecretStoreError(scrub(error.message));
  clean.stack = scrub(error.stack ?? '');
  return clean;
}

function seconds(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} ${s === 1 ? 'second' : 'seconds'}`;
}

function keychainName(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'the macOS Keychain';
  if (platform === 'win32') return 'Windows Credential Manager';
  return 'the keychain (Secret Service: GNOME Keyring or KWallet)';
}

function loadFailureReason(error: unknown, platform: NodeJS.Platform): string {
  const message = messageOf(error);
  if (platform === 'linux' && /libsecret/i.test(message)) {
    return `The keychain library libsecret is not installed, so keys cannot be stored: install it (Debian/Ubuntu: sudo apt-get install libsecret-1-0; Fedora: libsecret) and restart Cloudscope, ${PROFILE_HINT}. (${message})`;
  }
  return `Cloudscope's keychain module (keytar) could not be loaded, so keys cannot be stored: reinstall Cloudscope, ${PROFILE_HINT}. (${message})`;
}

function timeoutReason(ms: number, platform: NodeJS.Platform): string {
  return `${capitalize(keychainName(platform))} did not answer within ${seconds(ms)}; it may be locked. Unlock it and restart Cloudscope, ${PROFILE_HINT}.`;
}

function probeFailureReason(error: unknown, platform: NodeJS.Platform): string {
  const message = messageOf(error);
  if (/locked/i.test(message)) {
    return `${capitalize(keychainName(platform))} is locked: unlock it and restart Cloudscope, ${PROFILE_HINT}. (${message})`;
  }
  if (
    platform === 'linux' &&
    /d-?bus|org\.freedesktop\.secrets|could not connect|no such file|connection refused|not provided by any \.service|ServiceUnknown|X11|DISPLAY/i.test(message)
  ) {
    return `No keychain (Secret Service) is running: install and unlock GNOME Keyring or KWallet, ${PROFILE_HINT}. (${message})`;
  }
  return `${capitalize(keychainName(platform))} refused a test entry, so keys cannot be stored: ${message}. Check the keychain, ${PROFILE_HINT}.`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

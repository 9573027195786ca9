/**
 * Signing in to IAM Identity Center (SSO) from the app, with the OAuth device authorization grant: the
 * app registers itself as an OIDC client, asks for a device authorization, lets the person approve it in
 * the browser, and polls for the token.
 *
 * The token is cached exactly where and how the AWS CLI v2 (`aws sso login`) caches it, so the two share
 * sign-ins and the SDK's `fromSSO` / `fromIni` read it:
 * - `~/.aws/sso/cache/<sha1 hex of the sso-session name (or, for legacy profiles, the start URL)>.json`
 *   holding `startUrl`, `region`, `accessToken`, `expiresAt` (`2026-01-01T00:00:00Z`), `clientId`,
 *   `clientSecret`, `registrationExpiresAt` and, when issued, `refreshToken`;
 * - the client registration, reused while it lasts, in `~/.aws/sso/cache/<sha1 hex of
 *   {"region": …, "scopes": …, "session_name": …, "startUrl": …, "tool": "botocore"}>.json` (botocore's
 *   `SSOTokenFetcher._registration_cache_key`: Python's `json.dumps(…, sort_keys=True)`).
 * Files are written atomically (a temporary file, then a rename), 0600, in a 0700 directory.
 */
import {
  CreateTokenCommand,
  RegisterClientCommand,
  SSOOIDCClient,
  StartDeviceAuthorizationCommand,
  type StartDeviceAuthorizationCommandOutput,
} from '@aws-sdk/client-sso-oidc';
import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';

export interface SsoSignInTarget {
  readonly startUrl: string;
  /** The Identity Center region (`sso_region`). */
  readonly region: string;
  /** The sso-session name, when the profile uses one. */
  readonly sessionName?: string;
  /** The sso-session's `sso_registration_scopes`, split on commas (e.g. `['sso:account:access']`). */
  readonly scopes?: readonly string[];
}

export interface DeviceAuthorization {
  readonly verificationUri: string;
  readonly verificationUriComplete: string;
  readonly userCode: string;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
}

export interface SignInOptions {
  /** The token cache is `<homeDir>/.aws/sso/cache`. */
  readonly homeDir: string;
  /** Cancels the sign-in: polling stops at once and the promise rejects. */
  readonly signal: AbortSignal;
  /** The caller opens the browser and shows the code. */
  readonly onAuthorize: (authorization: DeviceAuthorization) => void;
  /** For tests (the sandbox); otherwise the SDK's endpoint for the region. */
  readonly endpoint?: string;
  readonly now?: () => number;
  /** Waits between polls; for tests. The default is a timer that `signal` cuts short. */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** RFC 8628: poll every 5 seconds unless told otherwise, and 5 seconds slower after each slow_down. */
const DEFAULT_INTERVAL_SECONDS = 5;
const SLOW_DOWN_SECONDS = 5;
/** botocore re-registers a client whose registration ends within 15 minutes. */
const REGISTRATION_EXPIRY_WINDOW_MS = 15 * 60_000;
const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

/** `<homeDir>/.aws/sso/cache` */
export function ssoCacheDirectory(homeDir: string): string {
  return join(homeDir, '.aws', 'sso', 'cache');
}

/** Where the CLI, the SDKs and Cloudscope keep the token of a sign-in. */
export function tokenCacheFile(homeDir: string, target: SsoSignInTarget): string {
  return join(ssoCacheDirectory(homeDir), `${sha1Hex(target.sessionName ?? target.startUrl)}.json`);
}

/** Where the CLI and Cloudscope keep the OIDC client registration used for a sign-in. */
export function registrationCacheFile(homeDir: string, target: SsoSignInTarget): string {
  const key = pythonJson(
    {
      region: target.region,
      scopes: target.scopes === undefined ? null : [...target.scopes],
      session_name: target.sessionName ?? null,
      startUrl: target.startUrl,
      tool: 'botocore',
    },
    true,
  );
  return join(ssoCacheDirectory(homeDir), `${sha1Hex(key)}.json`);
}

interface Registration {
  readonly clientId: string;
  readonly clientSecret: string;
  /** As written in the cache: `2026-04-01T00:00:00Z`. */
  readonly expiresAt: string;
}

/** Signs in with the device authorization grant; resolves when the token is cached. */
export async function signInWithDeviceFlow(target: SsoSignInTarget, options: SignInOptions): Promise<{ readonly expiresAt: number }> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
  const { signal } = options;
  if (signal.aborted) throw cancelled();
  const client = new SSOOIDCClient({ region: target.region, ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }) });
  const call = <T>(send: () => Promise<T>): Promise<T> => send().catch((error: unknown) => Promise.reject(translate(error, target, options)));
  try {
    const cached = await cachedRegistration(options.homeDir, target, now());
    let registration: Registration = cached ?? (await call(() => register(client, options.homeDir, target, now(), signal)));
    let started: StartDeviceAuthorizationCommandOutput;
    try {
      const current = registration;
      started = await call(() => startAuthorization(client, current, target, signal));
    } catch (error) {
      // A cached registration the service no longer knows (revoked, or from another partition): register anew.
      if (cached === undefined || !(error instanceof ServiceRefusal) || error.code !== 'InvalidClientException') throw error;
      const fresh = await call(() => register(client, options.homeDir, target, now(), signal));
      registration = fresh;
      started = await call(() => startAuthorization(client, fresh, target, signal));
    }
    const { deviceCode, userCode, verificationUri, verificationUriComplete, expiresIn, interval } = started;
    if (!deviceCode || !userCode || !verificationUri || expiresIn === undefined) {
      throw new Error('IAM Identity Center answered the sign-in request without a device code. Try again later.');
    }
    const expiresAt = now() + expiresIn * 1000;
    options.onAuthorize({ verificationUri, verificationUriComplete: verificationUriComplete ?? verificationUri, userCode, expiresAt });

    let intervalSeconds = interval ?? DEFAULT_INTERVAL_SECONDS;
    for (;;) {
      await sleep(intervalSeconds * 1000, signal);
      if (signal.aborted) throw cancelled();
      if (now() >= expiresAt) throw codeExpired();
      try {
        const { clientId, clientSecret } = registration;
        const token = await call(() =>
          client.send(new CreateTokenCommand({ clientId, clientSecret, grantType: DEVICE_CODE_GRANT, deviceCode }), { abortSignal: signal }),
        );
        if (!token.accessToken || token.expiresIn === undefined) {
          throw new Error('IAM Identity Center answered without an access token. Sign in again.');
        }
        const tokenExpiresAt = truncateToSeconds(now() + token.expiresIn * 1000);
        await saveToken(options.homeDir, target, registration, token.accessToken, tokenExpiresAt, token.refreshToken);
        return { expiresAt: tokenExpiresAt };
      } catch (error) {
        if (!(error instanceof ServiceRefusal)) throw error;
        if (error.code === 'AuthorizationPendingException') continue;
        if (error.code === 'SlowDownException') {
          intervalSeconds += SLOW_DOWN_SECONDS;
          continue;
        }
        if (error.code === 'ExpiredTokenException') throw codeExpired();
        if (error.code === 'AccessDeniedException') {
          throw new Error('The sign-in was denied in the browser. Sign in again and choose Allow to give Cloudscope access.');
        }
        if (error.code === 'InvalidClientException') {
          throw new Error('IAM Identity Center no longer accepts this sign-in request (the app registration was rejected). Sign in again.');
        }
        throw error;
      }
    }
  } catch (error) {
    if (signal.aborted) throw cancelled();
    throw error;
  } finally {
    client.destroy();
  }
}

async function register(client: SSOOIDCClient, homeDir: string, target: SsoSignInTarget, now: number, signal: AbortSignal): Promise<Registration> {
  const scopes = target.scopes !== undefined && target.scopes.length > 0 ? [...target.scopes] : undefined;
  const response = await client.send(
    new RegisterClientCommand({
      clientName: `cloudscope-${target.sessionName ?? Math.floor(now / 1000)}`,
      clientType: 'public',
      ...(scopes === undefined ? {} : { scopes }),
    }),
    { abortSignal: signal },
  );
  if (!response.clientId || !response.clientSecret || response.clientSecretExpiresAt === undefined) {
    throw new Error('IAM Identity Center did not register Cloudscope as a sign-in client. Try again later.');
  }
  const registration: Registration = {
    clientId: response.clientId,
    clientSecret: response.clientSecret,
    expiresAt: isoSecondsZ(response.clientSecretExpiresAt * 1000),
  };
  // As the CLI caches it: clientId, clientSecret, expiresAt, and the scopes when there are any.
  await writeCacheFile(registrationCacheFile(homeDir, target), pythonJson({ ...registration, ...(scopes === undefined ? {} : { scopes }) }));
  return registration;
}

function startAuthorization(
  client: SSOOIDCClient,
  registration: Registration,
  target: SsoSignInTarget,
  signal: AbortSignal,
): Promise<StartDeviceAuthorizationCommandOutput> {
  return client.send(
    new StartDeviceAuthorizationCommand({ clientId: registration.clientId, clientSecret: registration.clientSecret, startUrl: target.startUrl }),
    { abortSignal: signal },
  );
}

/** A cached registration that lasts at least 15 more minutes and is for the device flow; else undefined. */
async function cachedRegistration(homeDir: string, target: SsoSignInTarget, now: number): Promise<Registration | undefined> {
  let cached: unknown;
  try {
    cached = JSON.parse(await readFile(registrationCacheFile(homeDir, target), 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof cached !== 'object' || cached === null) return undefined;
  const { clientId, clientSecret, expiresAt, grantTypes } = cached as Record<string, unknown>;
  if (typeof clientId !== 'string' || typeof clientSecret !== 'string' || typeof expiresAt !== 'string') return undefined;
  // The CLI's authorization-code registrations (grantTypes includes authorization_code) are not for this flow.
  if (Array.isArray(grantTypes) && grantTypes.includes('authorization_code')) return undefined;
  const expiry = Date.parse(expiresAt);
  if (Number.isNaN(expiry) || expiry - now < REGISTRATION_EXPIRY_WINDOW_MS) return undefined;
  return { clientId, clientSecret, expiresAt };
}

async function saveToken(
  homeDir: string,
  target: SsoSignInTarget,
  registration: Registration,
  accessToken: string,
  expiresAt: number,
  refreshToken: string | undefined,
): Promise<void> {
  // The CLI's field order; the registration is cached alongside the token so it can be refreshed.
  const token = {
    startUrl: target.startUrl,
    region: target.region,
    accessToken,
    expiresAt: isoSecondsZ(expiresAt),
    clientId: registration.clientId,
    clientSecret: registration.clientSecret,
    registrationExpiresAt: registration.expiresAt,
    ...(refreshToken === undefined ? {} : { refreshToken }),
  };
  const file = tokenCacheFile(homeDir, target);
  try {
    await writeCacheFile(file, pythonJson(token));
  } catch (error) {
    throw new Error(`Signed in, but the sign-in could not be saved to ${file}: ${(error as Error).message}. Check that the folder is writable and sign in again.`, {
      cause: error,
    });
  }
}

/** Writes a file atomically: 0600, in a 0700 directory, renamed into place. */
async function writeCacheFile(path: string, content: string): Promise<void> {
  const directory = join(path, '..');
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const temporary = join(directory, `.${randomBytes(8).toString('hex')}.tmp`);
  const handle = await open(temporary, 'wx', 0o600);
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await chmod(temporary, 0o600);
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}

/** An error the service answered with; its `code` is the error's name (`SlowDownException`). */
class ServiceRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ServiceRefusal';
  }
}

/** Turns what the SDK threw into a `ServiceRefusal` (the service answered) or a plain, actionable Error. */
function translate(error: unknown, target: SsoSignInTarget, options: SignInOptions): Error {
  if (error instanceof ServiceRefusal || options.signal.aborted) return error instanceof Error ? error : cancelled();
  const failure = error as { name?: string; message?: string; code?: string; error_description?: string; $metadata?: { httpStatusCode?: number } };
  const status = failure.$metadata?.httpStatusCode;
  if (status !== undefined && failure.name) {
    const description = failure.error_description ?? (failure.message && failure.message !== 'UnknownError' ? failure.message : failure.name);
    return new ServiceRefusal(failure.name, `IAM Identity Center refused the sign-in (${failure.name}: ${description}). Check the start URL and region, then sign in again.`);
  }
  const where = options.endpoint ?? `IAM Identity Center in ${target.region}`;
  const reason = failure.code ?? failure.message ?? String(error);
  return new Error(`Could not reach ${where} (${reason}). Check your network connection and the SSO region (${target.region}), then sign in again.`, {
    cause: error,
  });
}

function cancelled(): Error {
  return new Error('The sign-in was cancelled.');
}

function codeExpired(): Error {
  return new Error('The sign-in code expired before it was approved in the browser. Sign in again to get a new code.');
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(cancelled());
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancelled());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function sha1Hex(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('hex');
}

function truncateToSeconds(epochMs: number): number {
  return Math.floor(epochMs / 1000) * 1000;
}

/** `2026-01-01T00:00:00Z`: Python's `strftime('%Y-%m-%dT%H:%M:%SZ')`, which the CLI writes. */
export function isoSecondsZ(epochMs: number): string {
  return `${new Date(truncateToSeconds(epochMs)).toISOString().slice(0, 19)}Z`;
}

type PythonJsonValue = string | number | boolean | null | readonly PythonJsonValue[] | { readonly [key: string]: PythonJsonValue };

/**
 * Serializes like Python's `json.dumps` with its defaults (`", "` and `": "` separators, non-ASCII
 * escaped as `\uXXXX`), so cache keys hash exactly as botocore's and files read as the CLI writes them.
 */
export function pythonJson(value: PythonJsonValue, sortKeys = false): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item: PythonJsonValue) => pythonJson(item, sortKeys)).join(', ')}]`;
  const entries = Object.entries(value as { readonly [key: string]: PythonJsonValue });
  // Python sorts keys by code point, as JavaScript's default sort compares UTF-16 code units (equal for BMP keys).
  if (sortKeys) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${pythonJson(key)}: ${pythonJson(item, sortKeys)}`).join(', ')}}`;
}

/**
 * The app's non-secret settings — saved connections (without their secrets: those live in the keychain, see
 * secret-store.ts), recently used regions, the last scope — in one JSON file under the app's user-data folder.
 *
 * - A missing file means defaults. A file that cannot be parsed, or holds entries that do not validate, is copied
 *   aside (`settings.json.corrupt-<timestamp>`) before anything is dropped, and `problems()` says what happened so
 *   the UI can tell the person: nothing is lost silently. Only the invalid entries are dropped.
 * - Writes are atomic (temporary file in the same folder, fsync, rename), the file is private (mode 0600, folder
 *   0700) and updates are serialized, so concurrent `update` calls never lose one another's change.
 * - The schema has no place for a secret: unknown keys are not persisted, and a key that looks like a secret
 *   (`secretAccessKey`, `sessionToken`, `password`, …) makes `update` throw before anything is written.
 *
 * Plain Node: no electron import; the caller passes the path (e.g. join(app.getPath('userData'), 'settings.json')).
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export interface StoredConnection {
  readonly id: string;
  readonly name: string;
  readonly accessKeyId: string;
  readonly hasSessionToken: boolean;
  readonly defaultRegion: string;
  readonly endpoint?: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface Settings {
  readonly version: 1;
  readonly connections: readonly StoredConnection[];
  /** Recently used regions, most recent first, per connection id. */
  readonly recentRegions: Readonly<Record<string, readonly string[]>>;
  readonly lastScope?: { readonly connectionId: string; readonly region: string };
}

/** Something that went wrong reading the settings file, in words the UI can show as they are. */
export interface SettingsProblem {
  /** `corrupt`: not JSON (or not an object), replaced by defaults; `invalid-entries`: some entries were dropped; `newer-version`: written by a newer Cloudscope. */
  readonly kind: 'corrupt' | 'invalid-entries' | 'newer-version';
  readonly message: string;
  /** Where the original file was copied before anything was dropped. */
  readonly backupPath?: string;
}

export interface SettingsStore {
  /** The current settings (defaults when there is no file yet). Throws a {@link SettingsError} when the file exists but cannot be read at all (e.g. permissions). */
  read(): Promise<Settings>;
  /** Applies `change` to the current settings, validates the result and saves it atomically; returns what was saved. Throws a {@link SettingsError} (and writes nothing) when the result is invalid or carries something that looks like a secret. */
  update(change: (current: Settings) => Settings): Promise<Settings>;
  /** What was wrong with the file when it was loaded (empty when nothing was); loads it if that has not happened yet. */
  problems(): Promise<readonly SettingsProblem[]>;
}

export class SettingsError extends Error {
  override readonly name = 'SettingsError';
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({ version: 1, connections: Object.freeze([]), recentRegions: Object.freeze({}) });

// ---- Schema -------------------------------------------------------------------------------------------------------

/** Keys that would let a parsed file reach Object.prototype. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const idSchema = z.string().min(1).max(200).refine((id) => !UNSAFE_KEYS.has(id), 'reserved name');
/** AWS region names (us-east-1, us-gov-west-1, cn-north-1, …) and what AWS-compatible endpoints use. */
const regionSchema = z.string().max(64).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'not a region name');
const timestampSchema = z.number().int().nonnegative();
const endpointSchema = z
  .string()
  .max(2048)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '';
    } catch {
      return false;
    }
  }, 'not an http(s) URL without credentials');

const connectionSchema = z.object({
  id: idSchema,
  name: z.string().trim().min(1).max(200),
  /** AWS key ids are [A-Z0-9]{16,128}; AWS-compatible endpoints (LocalStack, MinIO) accept other printable ones. */
  accessKeyId: z.string().regex(/^[\x21-\x7e]{1,128}$/, 'not an access key id'),
  hasSessionToken: z.boolean(),
  defaultRegion: regionSchema,
  endpoint: endpointSchema.optional(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});

const scopeSchema = z.object({ connectionId: idSchema, region: regionSchema });

const settingsSchema = z
  .object({
    version: z.literal(1),
    connections: z.array(connectionSchema),
    recentRegions: z.record(idSchema, z.array(regionSchema)),
    lastScope: scopeSchema.optional(),
  })
  .superRefine((settings, context) => {
    const seen = new Set<string>();
    settings.connections.forEach((connection, index) => {
      if (seen.has(connection.id)) context.addIssue({ code: 'custom', path: ['connections', index, 'id'], message: 'duplicate connection id' });
      seen.add(connection.id);
    });
  });

/** Key names a secret would be stored under. `hasSessionToken` (a flag) and `accessKeyId` (not secret) do not match. */
const SECRET_KEY = /^(secret|secrets|secret_?access_?key|aws_?secret_?access_?key|secret_?key|session_?token|aws_?session_?token|password|passwd|passphrase|private_?key|token|credentials?|api_?key)$/i;

// ---- Store --------------------------------------------------------------------------------------------------------

export interface FileSettingsStoreOptions {
  /** The clock used to name backups of a corrupt file. */
  readonly now?: () => number;
}

export function fileSettingsStore(filePath: string, options: FileSettingsStoreOptions = {}): SettingsStore {
  const now = options.now ?? Date.now;
  let loaded: Promise<{ settings: Settings; problems: readonly SettingsProblem[] }> | undefined;
  let current: Settings | undefined;
  let problems: readonly SettingsProblem[] = [];
  let queue: Promise<unknown> = Promise.resolve();

  function serialize<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  async function state(): Promise<Settings> {
    if (current) return current;
    loaded ??= load(filePath, now);
    try {
      const result = await loaded;
      current = result.settings;
      problems = result.problems;
      return current;
    } catch (error) {
      loaded = undefined; // e.g. a permissions problem the person may fix: try again next time
      throw error;
    }
  }

  return {
    read: () => serialize(state),

    update: (change) =>
      serialize(async () => {
        const proposed = change(await state());
        const next = forWriting(proposed);
        await writeAtomically(filePath, `${JSON.stringify(next, null, 2)}\n`);
        current = deepFreeze(next);
        return current;
      }),

    problems: () =>
      serialize(async () => {
        await state();
        return problems;
      }),
  };
}

/** The proposed settings as they will be saved, or a SettingsError saying why they cannot be. */
function forWriting(proposed: Settings): Settings {
  const secretPath = findSecretLookingKey(proposed, []);
  if (secretPath !== undefined) {
    throw new SettingsError(
      `Refusing to save settings: "${secretPath}" looks like a secret, and secrets belong in the keychain, never in the settings file.`,
    );
  }
  const parsed = settingsSchema.safeParse(proposed);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`).join('; ');
    throw new SettingsError(`Refusing to save invalid settings: ${issues}`);
  }
  return parsed.data;
}

function findSecretLookingKey(value: unknown, at: readonly PropertyKey[]): string | undefined {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findSecretLookingKey(item, [...at, index]);
      if (found !== undefined) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    // The keys of recentRegions are connection ids (data), not setting names.
    const keysAreData = at.length === 1 && at[0] === 'recentRegions';
    for (const [key, item] of Object.entries(value)) {
      if (!keysAreData && SECRET_KEY.test(key)) return formatPath([...at, key]);
      const found = findSecretLookingKey(item, [...at, key]);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function formatPath(at: readonly PropertyKey[]): string {
  if (at.length === 0) return '(settings)';
  return at.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`)).join('');
}

// ---- Loading ------------------------------------------------------------------------------------------------------

async function load(filePath: string, now: () => number): Promise<{ settings: Settings; problems: readonly SettingsProblem[] }> {
  let raw: Buffer;
  try {
    raw = await fs.readFile(filePath);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { settings: DEFAULT_SETTINGS, problems: [] };
    throw new SettingsError(`Could not read the settings file ${filePath}: ${errorMessage(error)}`);
  }

  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    const backupPath = await backUp(filePath, raw, now);
    return {
      settings: DEFAULT_SETTINGS,
      problems: [
        {
          kind: 'corrupt',
          message: `The settings file was not valid JSON (${errorMessage(error)}), so Cloudscope started with default settings. The damaged file was kept as ${backupPath}.`,
          backupPath,
        },
      ],
    };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    const backupPath = await backUp(filePath, raw, now);
    return {
      settings: DEFAULT_SETTINGS,
      problems: [
        {
          kind: 'corrupt',
          message: `The settings file did not hold a settings object, so Cloudscope started with default settings. The file was kept as ${backupPath}.`,
          backupPath,
        },
      ],
    };
  }

  const { settings, dropped, newerVersion } = salvage(json as Record<string, unknown>);
  if (dropped.length === 0 && newerVersion === undefined) return { settings: deepFreeze(settings), problems: [] };

  const backupPath = await backUp(filePath, raw, now);
  const found: SettingsProblem[] = [];
  if (newerVersion !== undefined) {
    found.push({
      kind: 'newer-version',
      message: `The settings file was written by a newer version of Cloudscope (format ${newerVersion}); this version kept what it understands. The original was kept as ${backupPath}.`,
      backupPath,
    });
  }
  if (dropped.length > 0) {
    found.push({
      kind: 'invalid-entries',
      message: `Some saved settings were invalid and were left out (${dropped.join('; ')}). The original file was kept as ${backupPath}.`,
      backupPath,
    });
  }
  return { settings: deepFreeze(settings), problems: found };
}

/** Whatever validates in a parsed file, and a description of each entry that did not. */
function salvage(json: Record<string, unknown>): { settings: Settings; dropped: string[]; newerVersion?: number } {
  const dropped: string[] = [];
  let newerVersion: number | undefined;
  if (json.version !== 1) {
    if (typeof json.version === 'number' && json.version > 1) newerVersion = json.version;
    else if (json.version === undefined) dropped.push('the format version (missing)');
    else dropped.push(`the format version (${JSON.stringify(json.version)} is not one Cloudscope knows)`);
  }

  const connections: StoredConnection[] = [];
  if (Array.isArray(json.connections)) {
    const ids = new Set<string>();
    json.connections.forEach((entry, index) => {
      const parsed = connectionSchema.safeParse(entry);
      const label = connectionLabel(entry, index);
      if (!parsed.success) dropped.push(`${label}: ${parsed.error.issues.map((i) => `${formatPath(i.path)} ${i.message}`).join(', ')}`);
      else if (ids.has(parsed.data.id)) dropped.push(`${label}: duplicate id`);
      else {
        ids.add(parsed.data.id);
        connections.push(parsed.data);
      }
    });
  } else if (json.connections !== undefined) {
    dropped.push('the connection list (not a list)');
  }

  const recentRegions: Record<string, string[]> = {};
  if (isPlainObject(json.recentRegions)) {
    for (const [connectionId, regions] of Object.entries(json.recentRegions)) {
      if (!idSchema.safeParse(connectionId).success || !Array.isArray(regions)) {
        dropped.push(`recent regions of ${JSON.stringify(connectionId)}`);
        continue;
      }
      const valid = regions.filter((region) => regionSchema.safeParse(region).success) as string[];
      if (valid.length < regions.length) dropped.push(`${regions.length - valid.length} invalid recent region(s) of ${JSON.stringify(connectionId)}`);
      recentRegions[connectionId] = valid;
    }
  } else if (json.recentRegions !== undefined) {
    dropped.push('recent regions (not an object)');
  }

  let lastScope: Settings['lastScope'];
  if (json.lastScope !== undefined) {
    const parsed = scopeSchema.safeParse(json.lastScope);
    if (parsed.success) lastScope = parsed.data;
    else dropped.push('the last used connection and region');
  }

  const known = new Set(['version', 'connections', 'recentRegions', 'lastScope']);
  const unknown = Object.keys(json).filter((key) => !known.has(key));
  if (unknown.length > 0 && newerVersion === undefined) dropped.push(`unknown setting(s) ${unknown.map((key) => JSON.stringify(key)).join(', ')}`);

  return { settings: { version: 1, connections, recentRegions, ...(lastScope ? { lastScope } : {}) }, dropped, ...(newerVersion !== undefined ? { newerVersion } : {}) };
}

function connectionLabel(entry: unknown, index: number): string {
  if (isPlainObject(entry) && typeof entry.name === 'string' && entry.name.trim() !== '') {
    return `connection ${JSON.stringify(entry.name.trim().slice(0, 80))}`;
  }
  return `connection #${index + 1}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

// ---- Files --------------------------------------------------------------------------------------------------------

/** Keeps the file's bytes next to it as `<name>.corrupt-<timestamp>` (mode 0600); returns that path. */
async function backUp(filePath: string, raw: Buffer, now: () => number): Promise<string> {
  const stamp = new Date(now()).toISOString().replace(/[:.]/g, '-');
  for (let attempt = 0; ; attempt += 1) {
    const backupPath = `${filePath}.corrupt-${stamp}${attempt === 0 ? '' : `-${attempt}`}`;
    try {
      await fs.writeFile(backupPath, raw, { flag: 'wx', mode: 0o600 });
      return backupPath;
    } catch (error) {
      if (errorCode(error) !== 'EEXIST' || attempt >= 100) {
        throw new SettingsError(`The settings file ${filePath} is damaged, and a copy could not be kept (${errorMessage(error)}); it was left untouched.`);
      }
    }
  }
}

/** Temporary file in the same folder, fsync, rename over the target, fsync the folder. */
async function writeAtomically(filePath: string, contents: string): Promise<void> {
  const dir = path.dirname(filePath);
  const temporary = path.join(dir, `.${path.basename(filePath)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    const handle = await fs.open(temporary, 'wx', 0o600);
    try {
      await handle.chmod(0o600); // whatever the umask
      await handle.writeFile(contents, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameReplacing(temporary, filePath);
  } catch (error) {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    throw new SettingsError(`Could not save settings to ${filePath}: ${errorMessage(error)}`);
  }
  await syncDirectory(dir);
}

async function renameReplacing(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      // Windows: a virus scanner or indexer may hold the target open for a moment.
      const transient = process.platform === 'win32' && ['EPERM', 'EACCES', 'EBUSY'].includes(errorCode(error) ?? '');
      if (!transient || attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * (attempt + 1)));
    }
  }
}

/** Makes the rename itself durable. Best effort: not possible on Windows, and not worth failing a save over. */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // The data is already in the renamed file.
  }
}

function errorCode(error: unknown): string | undefined {
  return error !== null && typeof error === 'object' && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

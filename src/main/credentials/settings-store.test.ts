import { mkdtemp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, fileSettingsStore, SettingsError, type Settings, type StoredConnection } from './settings-store';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cloudscope-settings-'));
  file = path.join(dir, 'settings.json');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const NOW = Date.UTC(2024, 4, 1, 12, 0, 0);

function connection(id: string, overrides: Partial<StoredConnection> = {}): StoredConnection {
  return { id, name: `Account ${id}`, accessKeyId: 'AKIAIOSFODNN7EXAMPLE', hasSessionToken: false, defaultRegion: 'eu-west-1', createdAt: NOW, updatedAt: NOW, ...overrides };
}

const addConnection = (c: StoredConnection) => (s: Settings): Settings => ({ ...s, connections: [...s.connections, c] });

async function onDisk(): Promise<unknown> {
  return JSON.parse(await readFile(file, 'utf8'));
}

async function filesInDir(): Promise<string[]> {
  return (await readdir(dir)).sort();
}

describe('fileSettingsStore', () => {
  it('starts from defaults when there is no file, without creating one', async () => {
    const store = fileSettingsStore(file);
    expect(await store.read()).toEqual({ version: 1, connections: [], recentRegions: {} });
    expect(await store.problems()).toEqual([]);
    expect(await filesInDir()).toEqual([]);
  });

  it('saves, reads back, and survives a restart', async () => {
    const store = fileSettingsStore(file);
    const saved = await store.update((s) => ({
      ...addConnection(connection('c1', { endpoint: 'http://localhost:4566', hasSessionToken: true }))(s),
      recentRegions: { c1: ['eu-west-1', 'us-east-1'] },
      lastScope: { connectionId: 'c1', region: 'eu-west-1' },
    }));
    expect(await store.read()).toEqual(saved);
    const restarted = fileSettingsStore(file);
    expect(await restarted.read()).toEqual(saved);
    expect(await restarted.problems()).toEqual([]);
    expect(await onDisk()).toEqual(saved);
    expect(saved.connections[0]?.endpoint).toBe('http://localhost:4566');
  });

  it('creates the folder, writes the file with mode 0600, and leaves no temporary files', async () => {
    const nested = path.join(dir, 'user-data', 'Cloudscope', 'settings.json');
    const store = fileSettingsStore(nested);
    await store.update(addConnection(connection('c1')));
    await store.update(addConnection(connection('c2')));
    expect(await readdir(path.dirname(nested))).toEqual(['settings.json']);
    if (process.platform !== 'win32') {
      expect((await stat(nested)).mode & 0o777).toBe(0o600);
      expect((await stat(path.dirname(nested))).mode & 0o777).toBe(0o700);
    }
  });

  it('makes an existing, too-open file private on the next save', async () => {
    await writeFile(file, JSON.stringify(DEFAULT_SETTINGS), { mode: 0o644 });
    await fileSettingsStore(file).update(addConnection(connection('c1')));
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('serializes concurrent updates so none is lost', async () => {
    const store = fileSettingsStore(file);
    const ids = Array.from({ length: 40 }, (_, index) => `c${index}`);
    await Promise.all(ids.map((id) => store.update(addConnection(connection(id)))));
    const read = await store.read();
    expect(read.connections.map((c) => c.id).sort()).toEqual([...ids].sort());
    expect(((await onDisk()) as Settings).connections).toHaveLength(40);
    expect(await filesInDir()).toEqual(['settings.json']);
  });

  it('keeps serving later updates after one fails', async () => {
    const store = fileSettingsStore(file);
    const failing = store.update(() => {
      throw new Error('bug in a caller');
    });
    const next = store.update(addConnection(connection('c1')));
    await expect(failing).rejects.toThrow('bug in a caller');
    expect((await next).connections).toHaveLength(1);
  });

  it('hands out frozen settings', async () => {
    const store = fileSettingsStore(file);
    const saved = await store.update(addConnection(connection('c1')));
    expect(Object.isFrozen(saved)).toBe(true);
    expect(Object.isFrozen(saved.connections[0])).toBe(true);
  });

  it('does not persist keys the schema does not know', async () => {
    const store = fileSettingsStore(file);
    const withExtras = {
      ...DEFAULT_SETTINGS,
      theme: 'dark',
      connections: [{ ...connection('c1'), colour: 'teal', notes: { a: 1 } }],
      lastScope: { connectionId: 'c1', region: 'eu-west-1', extra: true },
    } as unknown as Settings;
    const saved = await store.update(() => withExtras);
    expect(saved).toEqual({ ...DEFAULT_SETTINGS, connections: [connection('c1')], lastScope: { connectionId: 'c1', region: 'eu-west-1' } });
    const text = await readFile(file, 'utf8');
    for (const word of ['theme', 'colour', 'notes', 'extra']) expect(text).not.toContain(word);
  });

  it.each([
    ['secretAccessKey', (s: Settings) => ({ ...s, connections: [{ ...connection('c1'), secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }] })],
    ['sessionToken', (s: Settings) => ({ ...s, connections: [{ ...connection('c1'), sessionToken: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }] })],
    ['password', (s: Settings) => ({ ...s, password: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' })],
  ])('refuses to write anything that carries a %s, and does not echo it', async (key, change) => {
    const store = fileSettingsStore(file);
    await store.update(addConnection(connection('c0')));
    const before = await readFile(file, 'utf8');
    const error = await store.update(change as (s: Settings) => Settings).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SettingsError);
    expect((error as Error).message).toContain(key);
    expect((error as Error).message).toMatch(/keychain/);
    expect((error as Error).message).not.toContain('wJalrXUtnFEMI');
    expect(await readFile(file, 'utf8')).toBe(before);
    expect(await readFile(file, 'utf8')).not.toContain('wJalrXUtnFEMI');
    expect((await store.read()).connections.map((c) => c.id)).toEqual(['c0']);
  });

  it('accepts connection ids that happen to read like secret names as recent-region keys', async () => {
    const store = fileSettingsStore(file);
    const saved = await store.update((s) => ({ ...s, recentRegions: { token: ['us-east-1'] } }));
    expect(saved.recentRegions).toEqual({ token: ['us-east-1'] });
  });

  it.each([
    ['an empty name', addConnection(connection('c1', { name: '  ' }))],
    ['a bad region', addConnection(connection('c1', { defaultRegion: 'EU West' }))],
    ['an endpoint that is not http(s)', addConnection(connection('c1', { endpoint: 'file:///etc/passwd' }))],
    ['an endpoint with credentials in it', addConnection(connection('c1', { endpoint: 'https://user:pw@example.com' }))],
    ['duplicate ids', (s: Settings) => ({ ...s, connections: [connection('c1'), connection('c1')] })],
    ['a wrong version', (s: Settings) => ({ ...s, version: 2 }) as unknown as Settings],
  ])('refuses to save settings with %s, and writes nothing', async (_label, change) => {
    const store = fileSettingsStore(file);
    await expect(store.update(change)).rejects.toBeInstanceOf(SettingsError);
    expect(await filesInDir()).toEqual([]);
    expect(await store.read()).toEqual(DEFAULT_SETTINGS);
  });

  it('does not persist a __proto__ key', async () => {
    const store = fileSettingsStore(file);
    const saved = await store.update((s) => ({ ...s, recentRegions: JSON.parse('{"__proto__": ["us-east-1"], "c1": ["eu-west-1"]}') as Record<string, string[]> }));
    expect(Object.keys(saved.recentRegions)).toEqual(['c1']);
    expect(Object.getPrototypeOf(saved.recentRegions)).toBe(Object.prototype);
    expect(await readFile(file, 'utf8')).not.toContain('__proto__');
  });

  it('keeps a copy of a corrupt file, starts from defaults, and says so', async () => {
    const garbage = '{"version":1,"connections":[{"id":"c1", oops';
    await writeFile(file, garbage);
    const store = fileSettingsStore(file, { now: () => NOW });
    expect(await store.read()).toEqual(DEFAULT_SETTINGS);
    const [problem, ...rest] = await store.problems();
    expect(rest).toEqual([]);
    const backupPath = `${file}.corrupt-2024-05-01T12-00-00-000Z`;
    expect(problem).toEqual({ kind: 'corrupt', message: expect.stringContaining('not valid JSON'), backupPath });
    expect(problem?.message).toContain(backupPath);
    expect(await readFile(backupPath, 'utf8')).toBe(garbage);
    if (process.platform !== 'win32') expect((await stat(backupPath)).mode & 0o777).toBe(0o600);

    // The next save replaces the corrupt file; the copy stays.
    await store.update(addConnection(connection('c2')));
    expect(await filesInDir()).toEqual(['settings.json', 'settings.json.corrupt-2024-05-01T12-00-00-000Z']);
    expect(await readFile(backupPath, 'utf8')).toBe(garbage);
  });

  it('does not overwrite an earlier copy of a corrupt file', async () => {
    await writeFile(file, 'first');
    await fileSettingsStore(file, { now: () => NOW }).read();
    await writeFile(file, 'second');
    const store = fileSettingsStore(file, { now: () => NOW });
    await store.read();
    const [problem] = await store.problems();
    expect(problem?.backupPath).toBe(`${file}.corrupt-2024-05-01T12-00-00-000Z-1`);
    expect(await readFile(`${file}.corrupt-2024-05-01T12-00-00-000Z`, 'utf8')).toBe('first');
    expect(await readFile(`${file}.corrupt-2024-05-01T12-00-00-000Z-1`, 'utf8')).toBe('second');
  });

  it.each([['[]'], ['null'], ['"settings"'], ['']])('treats %j as a corrupt file', async (contents) => {
    await writeFile(file, contents);
    const store = fileSettingsStore(file, { now: () => NOW });
    expect(await store.read()).toEqual(DEFAULT_SETTINGS);
    expect((await store.problems()).map((p) => p.kind)).toEqual(['corrupt']);
  });

  it('drops only the invalid entries, keeps a copy of the original, and lists what was dropped', async () => {
    const original = {
      version: 1,
      connections: [
        connection('good'),
        { ...connection('bad-region'), name: 'Staging', defaultRegion: 42 },
        { id: 'no-fields' },
        connection('good'),
        { ...connection('extra'), colour: 'teal' },
      ],
      recentRegions: { good: ['eu-west-1', 'not a region', 'us-east-1'], other: 'eu-west-1' },
      lastScope: { connectionId: 'good', region: 7 },
      theme: 'dark',
    };
    const text = `\uFEFF${JSON.stringify(original)}`; // a byte-order mark from a hand edit is fine
    await writeFile(file, text);
    const store = fileSettingsStore(file, { now: () => NOW });
    const read = await store.read();
    expect(read).toEqual({ version: 1, connections: [connection('good'), connection('extra')], recentRegions: { good: ['eu-west-1', 'us-east-1'] } });
    const problems = await store.problems();
    expect(problems).toHaveLength(1);
    const [problem] = problems;
    expect(problem?.kind).toBe('invalid-entries');
    expect(problem?.message).toContain('connection "Staging"');
    expect(problem?.message).toContain('connection #3');
    expect(problem?.message).toContain('duplicate id');
    expect(problem?.message).toContain('invalid recent region');
    expect(problem?.message).toContain('"theme"');
    expect(problem?.message).toContain('last used connection');
    expect(await readFile(problem?.backupPath ?? '', 'utf8')).toBe(text);
  });

  it('does not back up or complain about a valid file', async () => {
    await fileSettingsStore(file).update(addConnection(connection('c1')));
    const store = fileSettingsStore(file);
    await store.read();
    expect(await store.problems()).toEqual([]);
    expect(await filesInDir()).toEqual(['settings.json']);
  });

  it('keeps what it understands of a newer version’s file, and a copy of the original', async () => {
    await writeFile(file, JSON.stringify({ version: 3, connections: [connection('c1')], recentRegions: {}, workspaces: [] }));
    const store = fileSettingsStore(file, { now: () => NOW });
    expect((await store.read()).connections).toEqual([connection('c1')]);
    const problems = await store.problems();
    expect(problems.map((p) => p.kind)).toEqual(['newer-version']);
    expect(problems[0]?.message).toMatch(/newer version of Cloudscope/);
  });

  it('does not let a parsed file reach Object.prototype', async () => {
    await writeFile(file, '{"version":1,"connections":[],"recentRegions":{"__proto__":["us-east-1"]}}');
    const store = fileSettingsStore(file, { now: () => NOW });
    const read = await store.read();
    expect(Object.getPrototypeOf(read.recentRegions)).toBe(Object.prototype);
    expect(Object.keys(read.recentRegions)).toEqual([]);
    expect(({} as Record<string, unknown>)['0']).toBeUndefined();
  });

  it('throws, and keeps trying, when the file exists but cannot be read', async () => {
    await mkdir(file); // a folder where the file should be
    const store = fileSettingsStore(file);
    await expect(store.read()).rejects.toBeInstanceOf(SettingsError);
    await expect(store.update(addConnection(connection('c1')))).rejects.toBeInstanceOf(SettingsError);
    await rm(file, { recursive: true });
    expect(await store.read()).toEqual(DEFAULT_SETTINGS);
  });

  it('reports a save that fails, and keeps the settings it had', async () => {
    const folder = path.join(dir, 'user-data');
    const store = fileSettingsStore(path.join(folder, 'settings.json'));
    const saved = await store.update(addConnection(connection('c1')));
    await rm(folder, { recursive: true });
    await writeFile(folder, 'a file where the folder should be');
    const error = await store.update(addConnection(connection('c2'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SettingsError);
    expect((error as Error).message).toMatch(/^Could not save settings to /);
    expect(await store.read()).toEqual(saved);
    expect(await filesInDir()).toEqual(['user-data']);
  });
});

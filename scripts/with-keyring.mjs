#!/usr/bin/env node
// Runs a command where the OS keychain answers, so the keychain tests exercise the real thing:
//
//   node scripts/with-keyring.mjs <command> [args…]        e.g. node scripts/with-keyring.mjs vitest run --project integration
//
// - macOS and Windows have a system keychain: the command just runs.
// - Linux, where a Secret Service already answers (a desktop session with GNOME Keyring or KWallet unlocked): the
//   command just runs. Set CLOUDSCOPE_PRIVATE_KEYRING=1 to use a private keyring anyway.
// - Linux without one (CI, containers, ssh): re-runs itself under `dbus-run-session` (a private session bus), starts
//   `gnome-keyring-daemon --unlock --components=secrets` there with a throwaway password and a throwaway data folder
//   (the real ~/.local/share/keyrings is never touched), runs the command, then stops the daemon and deletes the folder.
// - Linux without the programs for that: fails, naming the apt packages to install. It never skips the tests.
import { execFile, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SELF = fileURLToPath(import.meta.url);
const ROOT = dirname(dirname(SELF));
const INSIDE = 'CLOUDSCOPE_KEYRING_SESSION';
/** The programs a private session needs, and the Debian/Ubuntu package each comes with. */
const PROGRAMS = { 'dbus-run-session': 'dbus', 'dbus-send': 'dbus', 'gnome-keyring-daemon': 'gnome-keyring' };
const LIBSECRET_PACKAGE = 'libsecret-1-0';
const ALL_PACKAGES = 'gnome-keyring dbus libsecret-1-0';

const say = (message) => console.error(`with-keyring: ${message}`);
function fail(message) {
  say(message);
  process.exit(1);
}

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error('usage: node scripts/with-keyring.mjs <command> [args…]');
  process.exit(2);
}

if (process.platform !== 'linux') {
  run(command, process.env, () => undefined);
} else if (process.env[INSIDE] === '1') {
  await insidePrivateSession();
} else {
  outside();
}

function outside() {
  let why = 'CLOUDSCOPE_PRIVATE_KEYRING=1';
  if (process.env.CLOUDSCOPE_PRIVATE_KEYRING !== '1') {
    const probe = probeKeychain(process.env);
    if (probe.ok) {
      say('a Secret Service answers; running the command with it.');
      run(command, process.env, () => undefined);
      return;
    }
    if (probe.keytarMissing) failWithoutKeytar(probe.detail);
    why = probe.detail;
  }
  const missing = Object.keys(PROGRAMS).filter((program) => !onPath(program));
  if (missing.length > 0) {
    const packages = [...new Set(missing.map((program) => PROGRAMS[program]))];
    fail(
      `no usable keychain (Secret Service) is running (${why}), and ${missing.join(', ')} ` +
        `${missing.length === 1 ? 'is' : 'are'} not installed to start a private one. The keychain tests cannot run.\n` +
        `  Install: sudo apt-get install -y ${packages.join(' ')}\n` +
        `  (all the keychain tests need: sudo apt-get install -y ${ALL_PACKAGES}; .ci/run installs them on CI)`,
    );
  }
  say(`no usable Secret Service (${why}); starting a private one (dbus-run-session + gnome-keyring-daemon).`);
  // A private session bus for the command and everything it starts; it ends when the command does.
  run(['dbus-run-session', '--', process.execPath, SELF, ...command], { ...process.env, [INSIDE]: '1' }, () => undefined);
}

async function insidePrivateSession() {
  const home = mkdtempSync(join(tmpdir(), 'cloudscope-keyring-'));
  const runtimeDir = join(home, 'run');
  mkdirSync(runtimeDir, { mode: 0o700 });
  let daemon;
  /** Stops the daemon we started (and waits for it, so it is reaped) and deletes its throwaway folder. */
  const cleanUp = async () => {
    if (daemon && daemon.exitCode === null && daemon.signalCode === null) {
      const exited = new Promise((resolve) => daemon.once('exit', resolve));
      daemon.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3_000).unref())]);
    }
    rmSync(home, { recursive: true, force: true });
  };
  try {
    // Only the daemon sees the throwaway folders: its keyring files and control socket go there.
    daemon = spawn('gnome-keyring-daemon', ['--foreground', '--unlock', '--components=secrets'], {
      env: { ...process.env, XDG_DATA_HOME: join(home, 'data'), XDG_RUNTIME_DIR: runtimeDir },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let printed = '';
    daemon.stdout.on('data', (chunk) => (printed += chunk));
    daemon.on('error', async (error) => {
      await cleanUp();
      fail(`could not start gnome-keyring-daemon: ${error.message}`);
    });
    daemon.stdin.end(randomBytes(24).toString('hex')); // the new login keyring's password, used once and forgotten

    if (!(await waitForSecretService(daemon, 10_000))) {
      await cleanUp();
      fail('gnome-keyring-daemon did not take the Secret Service name on the private session bus within 10 seconds.');
    }
    const env = { ...process.env };
    delete env[INSIDE];
    // What the daemon prints (GNOME_KEYRING_CONTROL=…, when it is not in the standard place) is for the command.
    for (const line of printed.split('\n')) {
      const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim());
      if (match) env[match[1]] = match[2];
    }
    const probe = probeKeychain(env);
    if (!probe.ok) {
      await cleanUp();
      if (probe.keytarMissing) failWithoutKeytar(probe.detail);
      fail(`started gnome-keyring-daemon on a private session bus, but storing a test secret failed: ${probe.detail}`);
    }
    say('private Secret Service (gnome-keyring-daemon) running on a private D-Bus session.');
    run(command, env, cleanUp);
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

/**
 * Polls the bus (without activating anything: an activated daemon would not be unlocked) until the Secret Service
 * name has an owner. Asynchronous, so the password still reaches the daemon's stdin meanwhile.
 */
async function waitForSecretService(daemon, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  const args = ['--session', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', 'string:org.freedesktop.secrets'];
  while (Date.now() < deadline && daemon.exitCode === null) {
    const reply = await new Promise((resolve) => execFile('dbus-send', args, { encoding: 'utf8', timeout: 5_000 }, (_error, stdout) => resolve(stdout ?? '')));
    if (/boolean true/.test(reply)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

/**
 * Stores, reads back and deletes a test secret through keytar in a child process (so nothing about a failed
 * connection is cached here), within 5 seconds: what the tests will do, so what decides whether they can run.
 */
function probeKeychain(env) {
  const source = `
    let keytar;
    try { keytar = require(require.resolve('keytar', { paths: [process.argv[1]] })); }
    catch (error) { console.error(error.message); process.exit(3); }
    setTimeout(() => { console.error('it did not answer within 5 seconds; it may be locked'); process.exit(1); }, 5000);
    const service = 'cloudscope-with-keyring-probe', account = 'probe-' + process.pid, value = 'probe-' + Date.now();
    (async () => {
      await keytar.setPassword(service, account, value);
      const read = await keytar.getPassword(service, account);
      await keytar.deletePassword(service, account);
      if (read !== value) throw new Error('it returned a different value than was stored');
    })().then(() => process.exit(0), (error) => { console.error(error.message); process.exit(1); });`;
  const result = spawnSync(process.execPath, ['-e', source, ROOT], { env, encoding: 'utf8', timeout: 15_000 });
  const detail = (result.stderr ?? '').trim().split('\n')[0] || (result.error ? result.error.message : `exit ${result.status ?? result.signal}`);
  return { ok: result.status === 0, keytarMissing: result.status === 3, detail };
}

function failWithoutKeytar(detail) {
  if (/libsecret/i.test(detail)) {
    fail(`keytar cannot load libsecret (${detail}).\n  Install: sudo apt-get install -y ${LIBSECRET_PACKAGE}\n  (all the keychain tests need: sudo apt-get install -y ${ALL_PACKAGES})`);
  }
  fail(`the keytar module could not be loaded (${detail}). Run \`npm ci\` (keytar builds from source: sudo apt-get install -y libsecret-1-dev).`);
}

function onPath(program) {
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    if (!folder) continue;
    try {
      accessSync(join(folder, program), constants.X_OK);
      return true;
    } catch {
      // not in this folder
    }
  }
  return false;
}

/** Runs the command with the terminal, passes on Ctrl-C and friends, and exits as it did. */
function run([program, ...args], env, cleanUp) {
  const child = spawn(program, args, { env, stdio: 'inherit', shell: process.platform === 'win32' });
  const forward = (signal) => child.kill(signal);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward);
  child.on('error', async (error) => {
    await cleanUp();
    fail(`could not run ${program}: ${error.message}`);
  });
  child.on('exit', async (code, signal) => {
    await cleanUp();
    if (signal) {
      for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.off(name, forward);
      process.kill(process.pid, signal);
      return;
    }
    process.exit(code ?? 1);
  });
}

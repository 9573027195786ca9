#!/usr/bin/env node
// electron-vite starts Electron from the path in electron's path.txt and never triggers Electron's
// lazy download, so a fresh clone needs this step before `npm start`. `--optional` (postinstall)
// only warns on failure; without it (prestart) a missing binary stops with instructions.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const optional = process.argv.includes('--optional');

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1') {
  console.log('ensure-electron: ELECTRON_SKIP_BINARY_DOWNLOAD=1, not downloading the Electron binary.');
  process.exit(0);
}

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));
const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'));

function installed() {
  const versionFile = join(electronDir, 'dist', 'version');
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(versionFile) || !existsSync(pathFile)) return false;
  const executable = join(electronDir, 'dist', readFileSync(pathFile, 'utf8'));
  return readFileSync(versionFile, 'utf8').replace(/^v/, '').trim() === version && existsSync(executable);
}

if (installed()) process.exit(0);

console.log(`ensure-electron: downloading Electron ${version}…`);
const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit' });
if (result.status === 0 && installed()) process.exit(0);

const help =
  `ensure-electron: could not download Electron ${version}. Check your network or proxy ` +
  '(ELECTRON_MIRROR and ELECTRON_GET_USE_PROXY are honoured), then run `npx install-electron`. ' +
  'The tests do not need Electron: `npm test` runs the app in a browser against the sandbox.';
console.error(help);
process.exit(optional ? 0 : 1);

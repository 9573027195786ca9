/**
 * Finds a Chromium for the end-to-end tests: an explicit path, the system's browser, or Playwright's
 * own (downloading it when none is found and the network allows).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium } from '@playwright/test';

export const CHROMIUM_ENV = 'CLOUDSCOPE_CHROMIUM';

/** Flags for running headless as root on machines without a GPU and with a closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

const SYSTEM_COMMANDS = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];
const SYSTEM_PATHS = [
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

export const MISSING_CHROMIUM_HELP =
  'No Chromium was found for the end-to-end tests. Install one of:\n' +
  '  - Debian/Ubuntu: sudo apt-get install chromium\n' +
  "  - Playwright's own build: npx playwright install chromium\n" +
  `  - or point ${CHROMIUM_ENV} at a Chrome/Chromium executable.`;

/** Returns a Chromium executable, or undefined when there is none (never downloads). */
export function findChromium(): string | undefined {
  const explicit = process.env[CHROMIUM_ENV];
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`${CHROMIUM_ENV} is set to ${explicit}, which does not exist.`);
    return explicit;
  }
  for (const command of SYSTEM_COMMANDS) {
    const found = onPath(command);
    if (found) return found;
  }
  const known = SYSTEM_PATHS.find((path) => existsSync(path));
  if (known) return known;
  const playwrights = chromium.executablePath();
  return existsSync(playwrights) ? playwrights : undefined;
}

/** Like findChromium, but installs Playwright's Chromium when none is found; throws with help if that fails. */
export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  console.log("No Chromium found; trying to download Playwright's (npx playwright install chromium)…");
  const cli = join(process.cwd(), 'node_modules', '@playwright', 'test', 'cli.js');
  const install = spawnSync(process.execPath, [cli, 'install', 'chromium'], { stdio: 'inherit' });
  const installed = install.status === 0 ? findChromium() : undefined;
  if (!installed) throw new Error(MISSING_CHROMIUM_HELP);
  return installed;
}

function onPath(command: string): string | undefined {
  for (const directory of (process.env['PATH'] ?? '').split(delimiter)) {
    if (!directory) continue;
    const candidate = join(directory, command);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

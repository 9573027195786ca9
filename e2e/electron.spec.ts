/**
 * Smoke test of the real Electron app. It needs the Electron binary, which cannot be downloaded on
 * the machines that run CI; there it skips, and the bridge specs cover the same renderer and main/api.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

/** The installed Electron binary, found without `require('electron')` (which would try to download it). */
function installedElectron(): string | undefined {
  const electronDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : undefined;
}

const electronBinary = installedElectron();
const builtMain = join(projectRoot, 'out', 'main', 'index.js');

test.skip(
  !electronBinary,
  'No Electron binary is installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1 or no network); run `npx install-electron` to enable this test.',
);

test('the app opens on the demo sandbox with a locked-down renderer', async () => {
  expect(existsSync(builtMain), 'run `npm run build` first').toBe(true);
  const runningAsRoot = process.getuid?.() === 0;
  const app = await electron.launch({
    executablePath: electronBinary,
    args: [...(runningAsRoot ? ['--no-sandbox'] : []), projectRoot],
    cwd: projectRoot,
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByText('/aws/lambda/', { exact: false }).first()).toBeVisible({ timeout: 30_000 });

    // Context isolation, sandbox and no Node integration: the page sees window.api and nothing else.
    const exposed = await page.evaluate(() => ({
      api: typeof window.api,
      require: typeof (globalThis as Record<string, unknown>)['require'],
      process: typeof (globalThis as Record<string, unknown>)['process'],
    }));
    expect(exposed).toEqual({ api: 'object', require: 'undefined', process: 'undefined' });
  } finally {
    await app.close();
  }
});

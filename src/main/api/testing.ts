/**
 * API options for tests, benchmarks and the e2e harness: nothing of the machine's own AWS setup is
 * read (an empty environment and a temporary home), secrets stay in memory, settings in a temp file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memorySecretStore } from '../credentials/secret-store';
import { fileSettingsStore } from '../credentials/settings-store';
import type { ApiOptions } from './index';

export interface IsolatedApiOptions extends ApiOptions {
  readonly homeDir: string;
  readonly settingsFile: string;
  /** Pages the app asked to open in the browser. */
  readonly opened: string[];
  /** Removes the temporary home. */
  cleanup(): void;
}

export function isolatedApiOptions(
  demoEndpoint: () => Promise<string>,
  overrides: Partial<Pick<ApiOptions, 'env' | 'secrets'>> = {},
): IsolatedApiOptions {
  const homeDir = mkdtempSync(join(tmpdir(), 'cloudscope-home-'));
  const settingsFile = join(homeDir, 'cloudscope', 'settings.json');
  const opened: string[] = [];
  return {
    demoEndpoint,
    env: overrides.env ?? {},
    homeDir,
    settingsFile,
    settings: fileSettingsStore(settingsFile),
    secrets: overrides.secrets ?? memorySecretStore(),
    openExternal: (url) => opened.push(url),
    opened,
    cleanup: () => rmSync(homeDir, { recursive: true, force: true }),
  };
}

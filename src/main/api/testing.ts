/**
 * API options for tests, benchmarks and the e2e harness: nothing of the machine's own AWS setup is
 * read (an empty environment and a temporary home), secrets stay in memory, settings in a temp file.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memorySecretStore } from '../credentials/secret-store';
import { fileSettingsStore } from '../credentials/settings-store';
import { fileExportQueueStore } from './exports/queue-store';
import type { ApiOptions } from './index';
import type { SaveDialog } from './session';

export interface IsolatedApiOptions extends ApiOptions {
  readonly homeDir: string;
  readonly settingsFile: string;
  /** The export queue's file, in the temporary home: a second API with the same options resumes the queue. */
  readonly exportQueueFile: string;
  /** Pages the app asked to open in the browser. */
  readonly opened: string[];
  /** Where the tests' save dialog saves by default: a `Downloads` folder in the temporary home. */
  readonly downloadsDir: string;
  /** Every path the save dialog answered, in order (read them to check what was saved). */
  readonly saved: string[];
  /**
   * How the save dialog answers: a path, or undefined as when the user closes it. Default: the
   * suggested name in `downloadsDir`. Replace it to test another folder or a dismissed dialog.
   */
  answerSaveDialog: (options: Parameters<SaveDialog>[0]) => string | undefined;
  /** Removes the temporary home. */
  cleanup(): void;
}

export function isolatedApiOptions(
  demoEndpoint: () => Promise<string>,
  overrides: Partial<Pick<ApiOptions, 'env' | 'secrets'>> = {},
): IsolatedApiOptions {
  const homeDir = mkdtempSync(join(tmpdir(), 'cloudscope-home-'));
  const settingsFile = join(homeDir, 'cloudscope', 'settings.json');
  const exportQueueFile = join(homeDir, 'cloudscope', 'export-queue.json');
  const opened: string[] = [];
  const downloadsDir = join(homeDir, 'Downloads');
  mkdirSync(downloadsDir);
  const saved: string[] = [];
  const options: IsolatedApiOptions = {
    demoEndpoint,
    env: overrides.env ?? {},
    homeDir,
    settingsFile,
    settings: fileSettingsStore(settingsFile),
    exportQueueFile,
    exports: { store: fileExportQueueStore(exportQueueFile), pollMs: 250 },
    secrets: overrides.secrets ?? memorySecretStore(),
    openExternal: (url) => opened.push(url),
    opened,
    downloadsDir,
    saved,
    answerSaveDialog: ({ suggestedName }) => join(downloadsDir, suggestedName),
    saveDialog: async (request) => {
      const path = options.answerSaveDialog(request);
      if (path !== undefined) saved.push(path);
      return path;
    },
    cleanup: () => rmSync(homeDir, { recursive: true, force: true }),
  };
  return options;
}

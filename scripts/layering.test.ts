/** The layering rules of ARCHITECTURE.md, as enforced by eslint.config.js. */
import { ESLint } from 'eslint';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering', () => {
  it.each([
    ['src/shared/x.ts', "import { readFile } from 'node:fs';"],
    ['src/shared/x.ts', "import { createApi } from '../main/api';"],
    ['src/shared/x.ts', "import React from 'react';"],
    ['src/renderer/src/x.ts', "import { ipcRenderer } from 'electron';"],
    ['src/renderer/src/x.ts', "import { join } from 'path';"],
    ['src/renderer/src/x.ts', "import { startSandbox } from '../../sandbox';"],
    ['src/renderer/src/x.ts', "import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';"],
    ['src/main/api/x.ts', "import { app } from 'electron';"],
    ['src/main/api/x.ts', "import { startSandbox } from '../../sandbox';"],
    ['src/main/credentials/x.ts', "import { safeStorage } from 'electron';"],
    ['src/sandbox/x.ts', "import { createApi } from '../main/api';"],
    ['src/sandbox/x.ts', "import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';"],
    ['src/preload/x.ts', "import { readFileSync } from 'node:fs';"],
    ['src/renderer/src/features/logs/x.ts', "import { useCurrentScope } from '../connections';"],
    ['src/renderer/src/features/logs/groups/x.ts', "import { connectionKeys } from '../../connections/connectionKeys';"],
    ['src/renderer/src/features/connections/x.ts', "import { logsKeys } from '../../features/logs/logsKeys';"],
    ['src/renderer/src/features/logs/x.ts', "import { VIEWS } from '../../app/views';"],
    ['src/renderer/src/features/logs/x.ts', "import { App } from '../../app/App';"],
    ['src/renderer/src/components/x.ts', "import { CredentialActionsProvider } from '../features/connections';"],
    ['src/renderer/src/components/x.ts', "import { useScope } from '../app/scope';"],
    ['src/renderer/src/api/x.ts', "import { logsKeys } from '../features/logs/logsKeys';"],
    ['src/renderer/src/app/x.ts', "import { LogsView } from '../features/logs/LogsView';"],
  ])('%s may not: %s', async (filePath, source) => {
    expect(await restrictedImports(filePath, `${source}\nexport {};\n`)).not.toEqual([]);
  });

  it.each([
    ['src/renderer/src/x.ts', "import { contract } from '../../shared/contract';"],
    ['src/main/api/x.ts', "import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';"],
    ['src/main/index.ts', "import { app } from 'electron';"],
    ['src/main/ipc.ts', "import { ipcMain } from 'electron';"],
    ['src/main/index.ts', "import { startSandbox } from '../sandbox';"],
    ['src/sandbox/x.ts', "import { parseFilterPattern } from '../shared/languages/filter-pattern';"],
    ['src/preload/index.ts', "import { contextBridge } from 'electron';"],
    ['src/renderer/src/features/logs/groups/x.ts', "import { DataGrid } from '../../../components/DataGrid';"],
    ['src/renderer/src/features/logs/groups/x.ts', "import { useScope } from '../../../app/scope';"],
    ['src/renderer/src/features/logs/x.ts', "import type { ViewDescriptor } from '../../app/viewDescriptor';"],
    ['src/renderer/src/features/logs/x.ts', "import { scopeKey } from '../../api/queryKeys';"],
    ['src/renderer/src/features/logs/x.ts', "import { formatCount } from '../../../../shared/format';"],
    ['src/renderer/src/features/logs/groups/x.ts', "import { logsKeys } from '../logsKeys';"],
    ['src/renderer/src/app/x.ts', "import { logsView } from '../features/logs';"],
    ['src/renderer/src/components/x.ts', "import { describeError } from '../api/errorText';"],
  ])('%s may: %s', async (filePath, source) => {
    expect(await restrictedImports(filePath, `${source}\nexport {};\n`)).toEqual([]);
  });

  // The rules are generated from the folder list, so a feature added later is covered too.
  const features = readdirSync('src/renderer/src/features', { withFileTypes: true }).filter((entry) => entry.isDirectory());
  it.each(features.map((entry) => entry.name))('the %s feature imports no other feature', async (feature) => {
    const other = features.find((entry) => entry.name !== feature)?.name;
    const source = `import { x } from '../${other}';\nexport {};\n`;
    expect(await restrictedImports(`src/renderer/src/features/${feature}/x.ts`, source)).not.toEqual([]);
  });
});

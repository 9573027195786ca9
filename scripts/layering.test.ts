/** The layering rules of ARCHITECTURE.md, as enforced by eslint.config.js. */
import { ESLint } from 'eslint';
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
  ])('%s may: %s', async (filePath, source) => {
    expect(await restrictedImports(filePath, `${source}\nexport {};\n`)).toEqual([]);
  });
});

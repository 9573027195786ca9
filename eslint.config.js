// @ts-check
import { readdirSync } from 'node:fs';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'url', 'stream', 'worker_threads'];

/** The layering of ARCHITECTURE.md: which folder may import what. */
function restrict(patterns) {
  return { 'no-restricted-imports': ['error', { patterns }] };
}
const banned = (group, message) => ({ group, message });

const RENDERER = 'src/renderer/src';
/** Every renderer block repeats these: a later block's no-restricted-imports replaces an earlier one's. */
const RENDERER_BANS = [
  banned(['electron', 'electron/*'], 'The renderer talks to the world only through window.api.'),
  banned(NODE_BUILTINS, 'The renderer runs in a sandboxed page: no Node APIs.'),
  banned(['**/main/**', '**/main', '**/preload/**', '**/sandbox/**', '**/sandbox'], 'The renderer imports only src/shared and browser libraries.'),
  banned(['@aws-sdk/*', '@smithy/*', 'keytar'], 'AWS calls and secrets stay in main.'),
];

/** The renderer's features, a folder each: the rules below cover a new one without being edited. */
const FEATURES = readdirSync(new URL(`${RENDERER}/features`, import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** What the app frame offers features; the rest of app/ (App, the view registry) imports the features. */
const APP_FOR_FEATURES = ['scope', 'backNavigation', 'viewDescriptor', 'viewParameters', 'placeholderView', 'links/logs', 'links/trail', 'links/alarms', 'links/metrics'];

/** `app/*` banned but what the frame offers; a module in a folder (`links/trail`) is let through without the rest of its folder. */
function appPatterns() {
  const inFolders = APP_FOR_FEATURES.filter((name) => name.includes('/'));
  const folders = [...new Set(inFolders.map((name) => name.slice(0, name.indexOf('/'))))];
  return [
    '**/app/*',
    ...APP_FOR_FEATURES.filter((name) => !name.includes('/')).map((name) => `!**/app/${name}`),
    ...folders.map((folder) => `!**/app/${folder}`),
    ...folders.map((folder) => `**/app/${folder}/*`),
    ...inFolders.map((name) => `!**/app/${name}`),
  ];
}

function featureRules(feature) {
  const others = FEATURES.filter((name) => name !== feature);
  const appMessage = `A feature uses only what the app frame offers it (app/${APP_FOR_FEATURES.join(', app/')}).`;
  return restrict([
    ...RENDERER_BANS,
    ...(others.length > 0
      ? [
          {
            // Relative imports that climb out of this feature into another one.
            regex: `^(\\.\\./)+(features/)?(${others.join('|')})(/|$)`,
            message: 'Features never import each other: move what both need to components/ or api/, or let the app pass it in.',
          },
        ]
      : []),
    banned(appPatterns(), appMessage),
  ]);
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'e2e/artifacts/**', 'test-results/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Log data is hostile: render text, never HTML.' },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // We do not use the React Compiler; TanStack Table's hooks are fine without it.
      'react-hooks/incompatible-library': 'off',
      ...restrict(RENDERER_BANS),
    },
  },
  {
    files: [`${RENDERER}/components/**`, `${RENDERER}/api/**`],
    rules: restrict([
      ...RENDERER_BANS,
      banned(
        ['**/features', '**/features/**', '**/app', '**/app/**'],
        'components/ and api/ serve every feature: they import no feature and not the app frame (the app fills slots instead, e.g. components/credentialActions.ts).',
      ),
    ]),
  },
  {
    files: [`${RENDERER}/app/**`],
    rules: restrict([...RENDERER_BANS, banned(['**/features/*/**'], 'The app uses a feature only through its index (features/<name>/index.ts).')]),
  },
  ...FEATURES.map((feature) => ({ files: [`${RENDERER}/features/${feature}/**`], rules: featureRules(feature) })),
  {
    files: ['src/shared/**/*.ts'],
    rules: restrict([
      banned(['electron', 'electron/*'], 'src/shared is platform-free.'),
      banned(NODE_BUILTINS, 'src/shared is platform-free: no Node APIs.'),
      banned(['**/main/**', '**/renderer/**', '**/preload/**', '**/sandbox/**', '../main', '../renderer', '../sandbox', '../preload'], 'src/shared imports nothing else from src.'),
      banned(['react', 'react-dom', '@aws-sdk/*', '@smithy/*', '@tanstack/*', 'echarts', 'echarts/*', 'keytar'], 'src/shared is pure TypeScript.'),
    ]),
  },
  {
    files: ['src/main/api/**/*.ts', 'src/main/credentials/**/*.ts', 'src/main/security-policy.ts'],
    rules: restrict([
      banned(['electron', 'electron/*'], 'Only main/index.ts and main/ipc.ts import electron; pass what you need as parameters.'),
      banned(['**/renderer/**', '**/preload/**', '**/sandbox/**', '**/sandbox'], 'main/api reaches the sandbox only through an endpoint it is given.'),
    ]),
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/api/**', 'src/main/credentials/**', 'src/main/security-policy.ts'],
    rules: restrict([banned(['**/renderer/**', '**/preload/**'], 'main never imports renderer or preload code.')]),
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: restrict([
      banned(NODE_BUILTINS, 'A sandboxed preload has no Node APIs.'),
      banned(['**/main/**', '**/renderer/**', '**/sandbox/**'], 'The preload imports only electron and src/shared.'),
    ]),
  },
  {
    files: ['src/sandbox/**/*.ts'],
    rules: restrict([
      banned(['electron', 'electron/*'], 'The sandbox is plain Node.'),
      banned(['**/main/**', '**/renderer/**', '**/preload/**', '../main', '../renderer', '../preload'], 'The sandbox imports only src/shared and Node.'),
      banned(['@aws-sdk/*', '@smithy/*', 'react', 'react-dom', '@tanstack/*', 'keytar', 'echarts', 'zod'], 'The sandbox imports only src/shared and Node.'),
    ]),
  },
  {
    // The sandbox's tests drive it with the real SDK clients, as the app does.
    files: ['src/sandbox/**/*.test.ts'],
    rules: restrict([
      banned(['electron', 'electron/*'], 'The sandbox is plain Node.'),
      banned(['**/main/**', '**/renderer/**', '**/preload/**', '../main', '../renderer', '../preload'], 'The sandbox imports only src/shared and Node.'),
    ]),
  },
  {
    // main/api's and main/credentials' integration tests start a sandbox to run against.
    files: ['src/main/api/**/*.test.ts', 'src/main/api/sandbox-testing.ts', 'src/main/credentials/**/*.test.ts'],
    rules: restrict([banned(['electron', 'electron/*'], 'main/api never imports electron.')]),
  },
);

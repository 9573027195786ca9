/**
 * The Electron main process: app lifecycle, the window, and its security policy. Everything the
 * window can do goes through `window.api` (see ipc.ts); everything else is denied here.
 */
import { app, BrowserWindow, dialog, nativeTheme, protocol, session, shell, type SaveDialogOptions, type WebContents } from 'electron';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import icon from '../../resources/icon.png?asset';
import { startSandbox, type Sandbox } from '../sandbox';
import { createApi, type Api } from './api';
import { fileExportQueueStore } from './api/exports/queue-store';
import type { SaveDialog } from './api/session';
import { keytarSecretStore } from './credentials/secret-store';
import { fileSettingsStore } from './credentials/settings-store';
import { bindApiToIpc } from './ipc';
import {
  APP_ORIGIN,
  APP_SCHEME,
  contentSecurityPolicy,
  contentTypeFor,
  isAllowedExternalUrl,
  isAppUrl,
  rendererFileFor,
} from './security-policy';

const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
const rendererRoot = join(import.meta.dirname, '../renderer');
const preloadPath = join(import.meta.dirname, '../preload/index.cjs');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();

let demoSandbox: Promise<Sandbox> | undefined;
let api: Api | undefined;

function startDemoSandbox(): Promise<string> {
  // The demo keeps producing events while the app runs, for live tail and metric filters to show.
  demoSandbox ??= startSandbox({ port: 0, seed: 'demo', liveDemo: true });
  return demoSandbox.then((sandbox) => sandbox.endpoint);
}

function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === 'cloudscope' ? rendererFileFor(url.pathname) : undefined;
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(join(rendererRoot, file));
      return new Response(body, {
        headers: {
          'content-type': contentTypeFor(file),
          'content-security-policy': contentSecurityPolicy(false),
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

function applySessionPolicy(): void {
  const browserSession = session.defaultSession;
  browserSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  browserSession.setPermissionCheckHandler(() => false);
  if (devServerUrl) {
    browserSession.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy(true)] },
      });
    });
  }
}

/** Links to AWS consoles and docs open in the user's browser; nothing else leaves the app. */
function openInBrowserIfAllowed(url: string): void {
  if (isAllowedExternalUrl(url)) void shell.openExternal(url);
}

const SAVE_FILTERS: Readonly<Record<Parameters<SaveDialog>[0]['format'], SaveDialogOptions['filters']>> = {
  ndjson: [{ name: 'Newline-delimited JSON', extensions: ['ndjson', 'jsonl'] }],
  csv: [{ name: 'CSV', extensions: ['csv'] }],
  text: [{ name: 'Text', extensions: ['txt', 'log'] }],
  gzip: [{ name: 'Gzip', extensions: ['gz'] }],
};

/** The save dialog main/api asks where to write downloads: over the focused window, starting in Downloads. */
const showSaveDialog: SaveDialog = async ({ suggestedName, format }) => {
  const options: SaveDialogOptions = {
    defaultPath: join(app.getPath('downloads'), suggestedName),
    filters: [...(SAVE_FILTERS[format] ?? []), { name: 'All files', extensions: ['*'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? undefined : result.filePath;
};

function guardContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    openInBrowserIfAllowed(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url, devServerUrl)) return;
    event.preventDefault();
    openInBrowserIfAllowed(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'Cloudscope',
    icon,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#15171c' : '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click would otherwise try to open links in a new window.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}

async function start(): Promise<void> {
  await app.whenReady();
  serveRenderer();
  applySessionPolicy();
  app.on('web-contents-created', (_event, contents) => guardContents(contents));

  api = createApi({
    demoEndpoint: startDemoSandbox,
    settings: fileSettingsStore(join(app.getPath('userData'), 'settings.json')),
    exports: { store: fileExportQueueStore(join(app.getPath('userData'), 'export-queue.json')) },
    secrets: keytarSecretStore(),
    openExternal: openInBrowserIfAllowed,
    saveDialog: showSaveDialog,
    appVersion: app.getVersion(),
  });
  bindApiToIpc(api.dispatcher, (event) => {
    const frame = event.senderFrame;
    return frame !== null && frame.parent === null && isAppUrl(frame.url, devServerUrl);
  });

  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    api?.dispose();
    void demoSandbox?.then((sandbox) => sandbox.close());
  });
  void start();
}

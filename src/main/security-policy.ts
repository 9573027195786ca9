/**
 * What the app window may load, navigate to and open. Pure functions so they are tested without
 * Electron; `index.ts` wires them to the window.
 */

/** The custom scheme the packaged renderer is served from. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://cloudscope`;

const CSP_PRODUCTION =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'";

/** Vite's dev server injects an inline module preamble and talks to its websocket for hot reload. */
const CSP_DEVELOPMENT =
  "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "font-src 'self'; connect-src 'self' ws://localhost:* ws://127.0.0.1:*; base-uri 'none'; form-action 'none'; " +
  "object-src 'none'";

export function contentSecurityPolicy(development: boolean): string {
  return development ? CSP_DEVELOPMENT : CSP_PRODUCTION;
}

/** Hosts whose pages may be opened in the user's browser: AWS consoles and documentation. */
const EXTERNAL_HOSTS = ['aws.amazon.com', 'amazonaws.com', 'docs.aws.amazon.com', 'awsapps.com', 'amazon.com'];

/** Links the app may hand to the system browser: https only, AWS hosts only, no credentials in the URL. */
export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return false;
  const host = url.hostname.toLowerCase();
  return EXTERNAL_HOSTS.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}

/** Whether a URL belongs to the app itself (the packaged renderer or, in development, the dev server). */
export function isAppUrl(raw: string, devServerUrl: string | undefined): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (devServerUrl) return url.origin === new URL(devServerUrl).origin;
  return `${url.protocol}//${url.host}` === APP_ORIGIN;
}

/**
 * Maps a request path under the app origin to a file inside the renderer folder, or `undefined` when
 * the path tries to leave it.
 */
export function rendererFileFor(pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const segments = decoded.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.some((segment) => segment === '..' || segment.includes('\\') || segment.includes('\0'))) return undefined;
  return segments.length === 0 ? 'index.html' : segments.join('/');
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json',
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
  woff2: 'font/woff2',
  map: 'application/json',
};

export function contentTypeFor(file: string): string {
  const extension = file.slice(file.lastIndexOf('.') + 1).toLowerCase();
  return CONTENT_TYPES[extension] ?? 'application/octet-stream';
}

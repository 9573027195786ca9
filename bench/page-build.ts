/**
 * The benchmark pages (a page of the app's components each, built with Vite as the renderer is, served
 * with the app's content security policy): their build settings, and opening one in Chromium with the
 * errors it logs collected, since any error (a CSP refusal, say) makes its figures meaningless.
 */
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build, defineConfig, type UserConfig } from 'vite';
import { CHROMIUM_ARGS, findChromium, MISSING_CHROMIUM_HELP } from '../e2e/support/chromium';
import { servePage, type PageServer } from './viewer/server';

/** `page`: the page's folder; `out`: its folder under out/. */
export function benchPageConfig(page: URL, out: string): { readonly config: UserConfig; readonly root: string; readonly outDir: string } {
  const root = fileURLToPath(page);
  const outDir = fileURLToPath(new URL(`../out/${out}`, import.meta.url));
  const config = defineConfig({ root, base: './', plugins: [react()], logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return { config, root, outDir };
}

const pageErrors = new WeakMap<Page, string[]>();

/** A fresh 1440×900 page of the served benchmark page, once it offers its API as `window[api]`. */
export async function openBenchPage(browser: Browser, server: PageServer, api: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${server.url}/index.html`);
  await page.waitForFunction((name) => name in globalThis, api);
  pageErrors.set(page, errors);
  return page;
}

/** Throws when the page logged an error. */
export function checkPageErrors(page: Page): void {
  const errors = pageErrors.get(page) ?? [];
  if (errors.length > 0) throw new Error(`The benchmark page reported errors: ${errors.join('; ')}`);
}

/** Builds a benchmark page, serves it with the app's CSP, opens Chromium, and closes both after `use`. */
export async function withBenchBrowser<T>(config: UserConfig, pageOut: string, use: (browser: Browser, server: PageServer) => Promise<T>): Promise<T> {
  await build({ ...config, configFile: false });
  const executablePath = findChromium();
  if (!executablePath) throw new Error(MISSING_CHROMIUM_HELP);
  const server = await servePage(pageOut);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    return await use(browser, server);
  } finally {
    await browser.close();
    await server.close();
  }
}

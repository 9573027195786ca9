/**
 * The benchmark pages (a page of the app's components each, built with Vite as the renderer is, served
 * with the app's content security policy): their build settings, and opening one in Chromium with the
 * errors it logs collected, since any error (a CSP refusal, say) makes its figures meaningless.
 */
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

/** `page`: the page's folder; `out`: its folder under out/. */
export function benchPageConfig(page: URL, out: string): { readonly config: UserConfig; readonly root: string; readonly outDir: string } {
  const root = fileURLToPath(page);
  const outDir = fileURLToPath(new URL(`../out/${out}`, import.meta.url));
  const config = defineConfig({ root, base: './', plugins: [react()], logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return { config, root, outDir };
}

const pageErrors = new WeakMap<Page, string[]>();

/** Opens the page at `url` and waits until it offers its API as `window[api]`. */
export async function openBenchPage(browser: Browser, url: string, api: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(url);
  await page.waitForFunction((name) => name in globalThis, api);
  pageErrors.set(page, errors);
  return page;
}

/** Throws when the page logged an error. */
export function checkPageErrors(page: Page): void {
  const errors = pageErrors.get(page) ?? [];
  if (errors.length > 0) throw new Error(`The benchmark page reported errors: ${errors.join('; ')}`);
}

/** Building, serving and opening a benchmark page in Chromium, and checking it logged no error (a CSP refusal, say, makes the figures meaningless). */
import { chromium, type Browser, type Page } from '@playwright/test';
import { build, type InlineConfig } from 'vite';
import { CHROMIUM_ARGS, findChromium, MISSING_CHROMIUM_HELP } from '../../e2e/support/chromium';
import { servePage, type PageServer } from './server';

const pageErrors = new WeakMap<Page, string[]>();

/** A fresh 1440×900 page of the served benchmark page, once it has installed `window[apiName]`. */
export async function openBenchPage(browser: Browser, server: PageServer, apiName: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${server.url}/index.html`);
  await page.waitForFunction((name) => name in globalThis, apiName);
  pageErrors.set(page, errors);
  return page;
}

export function checkPageErrors(page: Page): void {
  const errors = pageErrors.get(page) ?? [];
  if (errors.length > 0) throw new Error(`The benchmark page reported errors: ${errors.join('; ')}`);
}

/** Builds a benchmark page, serves it with the app's CSP, opens Chromium, and closes both after `use`. */
export async function withBenchBrowser<T>(config: InlineConfig, pageOut: string, use: (browser: Browser, server: PageServer) => Promise<T>): Promise<T> {
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

/** Opening a benchmark page in Chromium and checking it logged no error (a CSP refusal, say, makes the figures meaningless). */
import type { Browser, Page } from '@playwright/test';
import type { PageServer } from './server';

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

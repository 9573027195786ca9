/**
 * Playwright fixtures: `harness` (one per worker) and `app`, a page with the app open on the demo
 * sandbox. A test fails if the page logs an error or violates the content security policy.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { startHarness, type Harness } from './harness';
import { CHROMIUM_ARGS, findChromium, MISSING_CHROMIUM_HELP } from './support/chromium';

export interface AppFixtures {
  app: Page;
  /** Errors the page logged; checked after each test. */
  pageErrors: string[];
}

export const test = base.extend<AppFixtures, { harness: Harness }>({
  browser: [
    async ({ playwright }, use) => {
      const executablePath = findChromium();
      if (!executablePath) throw new Error(MISSING_CHROMIUM_HELP);
      const browser = await playwright.chromium.launch({ executablePath, args: CHROMIUM_ARGS });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  harness: [
    async ({}, use) => {
      const harness = await startHarness();
      await use(harness);
      await harness.close();
    },
    { scope: 'worker' },
  ],
  pageErrors: async ({}, use) => {
    await use([]);
  },
  app: async ({ page, harness, pageErrors }, use) => {
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // Each test starts in its connection's own region: the worker's main keeps the region a previous test
    // switched to, and a spec reading the demo region must not see another spec's writes.
    const context = { signal: new AbortController().signal };
    const { connection, region } = await harness.api.handlers.connections.current({}, context);
    if (region !== connection.defaultRegion) await harness.api.handlers.connections.select({ connectionId: connection.id, region: connection.defaultRegion }, context);
    await page.addInitScript(harness.initScript);
    await page.goto(`${harness.bridge.url}/index.html`);
    await use(page);
    expect(pageErrors, 'the page logged errors').toEqual([]);
  },
});

export { expect };

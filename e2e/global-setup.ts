import { ensureChromium } from './support/chromium';

/** Runs once before the browser tests: makes sure a Chromium exists (downloading Playwright's if needed). */
export default function globalSetup(): void {
  ensureChromium();
}

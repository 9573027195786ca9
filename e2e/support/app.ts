/** Steps every spec of the app takes the same way. */
import { expect, type Page } from '@playwright/test';

/** Switches the app to another region of the current connection with the scope menu, and waits for it. */
export async function switchRegion(page: Page, region: string): Promise<void> {
  await page.getByRole('button', { name: /Change connection or region/ }).click();
  await page.getByRole('menuitemradio', { name: new RegExp(`^${region}\\b`) }).click();
  await expect(page.getByRole('button', { name: new RegExp(`region ${region}\\.`) })).toBeVisible();
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

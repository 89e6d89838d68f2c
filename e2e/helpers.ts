// Runs in: Playwright. Owns: steps the workflow specs share: adding the sandbox store, choosing a Mantine
// Select option, walking the connection wizard.
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export interface SandboxStore {
  hash: string;
  token: string;
  apiBaseUrl: string;
}

export function sandboxStore(description: Record<string, unknown>): SandboxStore {
  const bc = description.bigcommerce as { stores: SandboxStore[] };
  return bc.stores[0]!;
}

export async function addSandboxStore(page: Page, name: string, s: SandboxStore): Promise<void> {
  await page.getByTestId('nav-stores').click();
  await page.getByTestId('add-store').click();
  await page.getByTestId('store-name').fill(name);
  await page.getByTestId('store-hash').fill(s.hash);
  await page.getByTestId('store-token').fill(s.token);
  await page.getByTestId('store-advanced').click();
  await page.getByTestId('store-api-base-url').fill(s.apiBaseUrl);
  await page.getByTestId('add-store-submit').click();
  await expect(page.getByTestId('store-row')).toContainText(name);
}

/** Opens a Mantine Select by its test id and picks the option whose text contains `option`. */
export async function choose(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option }).first().click();
}

export async function wizardNext(page: Page): Promise<void> {
  await page.getByTestId('wizard-next').click();
}

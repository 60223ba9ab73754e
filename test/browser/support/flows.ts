/**
 * The steps a person takes in the app, by role and accessible name only (what a screen reader
 * user hears), so a test breaks when the app stops being operable that way. The names are the
 * English strings of src/web/i18n/en.ts. playwright-core has no auto-waiting `expect`, so each
 * step waits for the element that proves it is done.
 */
import type { Page } from 'playwright-core';
import { screenshot } from './screenshot.js';
import type { BrowserTestServer } from './server.js';

const STEP_TIMEOUT_MS = 20_000;

export async function signIn(page: Page, server: BrowserTestServer): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Email').fill(server.email);
  await page.getByLabel('Password', { exact: true }).fill(server.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor({ timeout: STEP_TIMEOUT_MS });
}

/** Creates the organisation from the home page when the account has none; returns its id. */
export async function ensureOrganisation(page: Page, name: string): Promise<string> {
  const create = page.getByRole('button', { name: 'Create organisation' });
  const orgHeading = page.getByRole('heading', { level: 1, name: /^Assessments of / });
  await Promise.race([
    create.waitFor({ timeout: STEP_TIMEOUT_MS }),
    orgHeading.waitFor({ timeout: STEP_TIMEOUT_MS }),
  ]);
  if (!(await orgHeading.isVisible())) {
    await page.getByLabel('Organisation name').fill(name);
    await create.click();
    await orgHeading.waitFor({ timeout: STEP_TIMEOUT_MS });
  }
  return idFromHash(page, /#\/orgs\/([^/]+)$/);
}

export interface NewAssessment {
  title: string;
  mode: 'self' | 'full';
  /** Use case and scope fields by their label, e.g. `{ 'Use case description': '…' }`. */
  scope?: Record<string, string>;
}

/** Walks the wizard from the organisation page and returns the new assessment's id. */
export async function createAssessment(page: Page, orgId: string, input: NewAssessment): Promise<string> {
  await page.goto(`/#/orgs/${orgId}`);
  await page.getByRole('link', { name: 'New assessment' }).click();
  await page.getByRole('heading', { name: /^Step 1 of 4/ }).waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.getByLabel('Title', { exact: true }).fill(input.title);
  await page
    .getByRole('radio', { name: input.mode === 'self' ? 'Self (by category)' : 'Full (by requirement)' })
    .check();
  await next(page, 2);
  for (const [label, value] of Object.entries(input.scope ?? {})) {
    await page.getByLabel(label, { exact: true }).fill(value);
  }
  await next(page, 3);
  await next(page, 4);
  const answerUrl = /#\/assessments\/([^/]+)$/;
  await page.getByRole('button', { name: 'Create assessment' }).click();
  await waitUntil(async () => answerUrl.test(page.url())).catch(async (error: unknown) => {
    await screenshot(page, 'failed-create-assessment');
    throw error;
  });
  return idFromHash(page, answerUrl);
}

/** Polls (hash navigations fire no load event to wait for). */
export async function waitUntil(
  condition: () => Promise<boolean>,
  timeoutMs = STEP_TIMEOUT_MS,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function next(page: Page, step: number): Promise<void> {
  await page.getByRole('button', { name: 'Next' }).click();
  await page
    .getByRole('heading', { name: new RegExp(`^Step ${step} of 4`) })
    .waitFor({ timeout: STEP_TIMEOUT_MS });
}

function idFromHash(page: Page, pattern: RegExp): string {
  const id = pattern.exec(new URL(page.url()).hash)?.[1];
  if (!id) throw new Error(`expected a URL matching ${String(pattern)}, at ${page.url()}`);
  return decodeURIComponent(id);
}

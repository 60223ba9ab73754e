/**
 * The wizard walk of flows.ts's createAssessment, but waiting for the model list and the model
 * itself to arrive before moving on. Without the wait, on a loaded machine the wizard can be
 * walked and submitted before `/models` answers, and then says "No model versions are available."
 */
import type { Page } from 'playwright-core';
import { waitUntil, type NewAssessment } from './flows.js';
import { screenshot } from './screenshot.js';

const STEP_TIMEOUT_MS = 20_000;

async function next(page: Page, step: number): Promise<void> {
  await page.getByRole('button', { name: 'Next' }).click();
  await page
    .getByRole('heading', { name: new RegExp(`^Step ${step} of 4`) })
    .waitFor({ timeout: STEP_TIMEOUT_MS });
}

export async function createAssessmentWhenReady(
  page: Page,
  orgId: string,
  input: NewAssessment,
): Promise<string> {
  await page.goto(`/#/orgs/${orgId}`);
  await page.getByRole('link', { name: 'New assessment' }).click();
  await page.getByRole('heading', { name: /^Step 1 of 4/ }).waitFor({ timeout: STEP_TIMEOUT_MS });
  const modelVersion = page.getByRole('combobox', { name: 'Model version' });
  await waitUntil(
    async () =>
      (await modelVersion.locator('option').count()) > 0 && (await modelVersion.inputValue()) !== '',
  );
  await page.getByLabel('Title', { exact: true }).fill(input.title);
  await page
    .getByRole('radio', { name: input.mode === 'self' ? 'Self (by category)' : 'Full (by requirement)' })
    .check();
  await next(page, 2);
  for (const [label, value] of Object.entries(input.scope ?? {})) {
    await page.getByLabel(label, { exact: true }).fill(value);
  }
  await next(page, 3);
  // The applicability matrix is drawn from the loaded model.
  await page
    .getByRole('combobox', { name: /^Applicability of / })
    .first()
    .waitFor({ timeout: STEP_TIMEOUT_MS });
  await next(page, 4);
  const answerUrl = /#\/assessments\/([^/]+)$/;
  await page.getByRole('button', { name: 'Create assessment' }).click();
  await waitUntil(async () => answerUrl.test(page.url())).catch(async (error: unknown) => {
    await screenshot(page, 'failed-more-create-assessment');
    throw error;
  });
  const id = answerUrl.exec(new URL(page.url()).hash)?.[1];
  if (!id) throw new Error(`no assessment id in ${page.url()}`);
  return decodeURIComponent(id);
}

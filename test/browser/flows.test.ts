/**
 * A person's way through the app in Chromium against a real server: sign in, create an
 * organisation, start an assessment with the wizard. axe runs on every page reached and each
 * main page is saved as a screenshot under test-results/.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y } from './support/a11y.js';
import { launchBrowser, openPage, type PageProblems, type TestBrowser } from './support/browser.js';
import { createAssessment, ensureOrganisation, signIn } from './support/flows.js';
import { screenshot } from './support/screenshot.js';
import { startServer, type BrowserTestServer } from './support/server.js';

describe('assessing in the browser', { timeout: 180_000 }, () => {
  let server: BrowserTestServer | undefined;
  let browser: TestBrowser | undefined;
  let page: Page;
  let problems: PageProblems;
  let orgId = '';
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    ({ page, problems } = await openPage(browser.browser, server.url));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('signs in and creates the first organisation', async () => {
    if (!server) throw new Error('setup failed');
    await signIn(page, server);
    await page.getByRole('heading', { name: 'Create an organisation' }).waitFor();
    await checkA11y(page, 'the home page without an organisation');
    await screenshot(page, '02-home');
    orgId = await ensureOrganisation(page, 'Example Trust Services');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Assessments of Example Trust Services',
    );
    await checkA11y(page, 'the organisation page');
    await screenshot(page, '03-organisation');
    expect(problems.errors).toEqual([]);
  });

  it('walks the wizard, with axe on every step, to a new self assessment', async () => {
    await page.goto(`/#/orgs/${orgId}/new`);
    await page.getByRole('heading', { name: /^Step 1 of 4/ }).waitFor();
    await checkA11y(page, 'the wizard, step 1');
    await screenshot(page, '04-wizard-basics');
    const id = await createAssessment(page, orgId, {
      title: 'Quick self-assessment',
      mode: 'self',
      scope: { 'Use case description': 'The issuing CAs of the corporate PKI' },
    });
    expect(id).not.toBe('');
    await page.goto(`/#/orgs/${orgId}`);
    const row = page.getByRole('row', { name: /Quick self-assessment/ });
    await row.waitFor();
    expect(await row.getByRole('cell', { name: 'Self (by category)' }).count()).toBe(1);
    await checkA11y(page, 'the organisation page with an assessment');
    await screenshot(page, '05-organisation-with-assessment');
    expect(problems.errors).toEqual([]);
  });

  it('checks the scope step and the applicability matrix of a full assessment with axe', async () => {
    await page.goto(`/#/orgs/${orgId}/new`);
    await page.getByLabel('Title', { exact: true }).fill('Full assessment');
    await page.getByRole('radio', { name: 'Full (by requirement)' }).check();
    for (const step of [2, 3]) {
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByRole('heading', { name: new RegExp(`^Step ${step} of 4`) }).waitFor();
      if (step === 2) {
        await checkA11y(page, 'the wizard, use case and scope');
        await screenshot(page, '04-wizard-scope');
      }
    }
    await page
      .getByRole('combobox', { name: /^Applicability of / })
      .first()
      .waitFor();
    await checkA11y(page, 'the wizard, applicability');
    await screenshot(page, '04-wizard-applicability');
    expect(problems.errors).toEqual([]);
  });

  // A regression test: "Next" on step 3 once submitted the wizard (React reused the button and
  // flipped it to type=submit mid-click), skipping the review and creating the assessment unasked.
  it('shows the review step after "Next" on step 3, and creates nothing before "Create"', async () => {
    // From the organisation page: a goto to the wizard's own URL would keep its state.
    await page.goto(`/#/orgs/${orgId}`);
    await page.getByRole('link', { name: 'New assessment' }).click();
    await page.getByLabel('Title', { exact: true }).fill('Review step check');
    for (const step of [2, 3, 4]) {
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByRole('heading', { name: new RegExp(`^Step ${step} of 4`) }).waitFor({ timeout: 5_000 });
    }
    await checkA11y(page, 'the wizard, review');
    await screenshot(page, '04-wizard-review');
    expect(new URL(page.url()).hash).toBe(`#/orgs/${orgId}/new`);
  });
});

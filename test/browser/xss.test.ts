/**
 * Every free-text field is rendered as text. Script and HTML payloads go into the
 * organisation name, the assessment titles, every scope field, notes and evidence through the UI; Chromium must
 * show them literally and run nothing. Three independent signals, because the CSP alone would
 * already stop these payloads from running: `window.__xss` stays undefined, no element the
 * payload describes exists in the DOM, and there is no CSP report (a console error) of a
 * blocked inline script or handler, which would mean the markup did reach the DOM.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAnswerPage, storedAssessment, waitForSaved } from './support/answers.js';
import { launchBrowser, openPage, type PageProblems, type TestBrowser } from './support/browser.js';
import { createAssessment, ensureOrganisation, signIn } from './support/flows.js';
import { screenshot } from './support/screenshot.js';
import { startServer, type BrowserTestServer } from './support/server.js';

const IMG = '<img src=x onerror=window.__xss=1>';
const SCRIPT = '<script>window.__xss=1</script>';
const payload = (field: string) => `${field} ${IMG} ${SCRIPT}`;

const SCOPE_FIELDS = [
  'Use case description',
  'Components',
  'Out of scope',
  'High-level design',
  'Points of interaction',
];

async function expectInert(page: Page, problems: PageProblems): Promise<void> {
  expect(await page.evaluate('typeof window.__xss')).toBe('undefined');
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.locator('script:not([src])').count()).toBe(0);
  expect(problems.errors).toEqual([]);
}

describe('free text in the browser', { timeout: 180_000 }, () => {
  let server: BrowserTestServer | undefined;
  let browser: TestBrowser | undefined;
  let page: Page;
  let problems: PageProblems;
  beforeAll(async () => {
    server = await startServer('mallory@example.test');
    browser = await launchBrowser();
    ({ page, problems } = await openPage(browser.browser, server.url));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows names, titles and scope literally and runs none of them', async () => {
    if (!server) throw new Error('setup failed');
    await signIn(page, server);
    const orgId = await ensureOrganisation(page, payload('org'));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      `Assessments of ${payload('org')}`,
    );
    await expectInert(page, problems);

    const scope = Object.fromEntries(SCOPE_FIELDS.map((label) => [label, payload(label)]));
    const id = await createAssessment(page, orgId, { title: payload('title'), mode: 'self', scope });
    await expectInert(page, problems);

    // Stored exactly as typed: the server keeps text, it does not strip or escape it.
    const stored = await page.request.get(`/api/v1/assessments/${id}`);
    const record = (await stored.json()) as { title: string; document: { scope?: Record<string, string> } };
    expect(record.title).toBe(payload('title'));
    expect(Object.values(record.document.scope ?? {}).sort()).toEqual(Object.values(scope).sort());

    await page.goto(`/#/orgs/${orgId}`);
    const link = page.getByRole('link', { name: payload('title'), exact: true });
    await link.waitFor();
    await screenshot(page, '90-xss-organisation');
    await expectInert(page, problems);
  });

  it('keeps notes and evidence as text on the answer and results pages', async () => {
    const orgId = await ensureOrganisation(page, 'unused');
    const id = await createAssessment(page, orgId, { title: payload('full title'), mode: 'full' });
    await openAnswerPage(page, id);
    await page.getByRole('textbox', { name: 'Notes', exact: true }).fill(payload('notes'));
    await page.getByRole('textbox', { name: 'Evidence', exact: true }).fill(payload('evidence'));
    // Each field saves on blur: filling evidence blurs the notes, focusing the flag the evidence.
    await page.getByRole('checkbox', { name: 'Flag for follow-up' }).focus();
    await screenshot(page, '91-xss-answer-typed');
    await waitForSaved(page);
    await expectInert(page, problems);

    const stored = await storedAssessment(page, id);
    const entries = Object.values(stored.document.requirements ?? {});
    expect(entries.map((e) => e.notes)).toContain(payload('notes'));
    expect(entries.map((e) => e.evidence)).toContain(payload('evidence'));

    await page.reload();
    await openAnswerPage(page, id);
    await page
      .getByRole('navigation', { name: 'Categories and requirements' })
      .getByRole('button')
      .first()
      .click();
    expect(await page.getByRole('textbox', { name: 'Notes', exact: true }).inputValue()).toBe(
      payload('notes'),
    );
    expect(await page.getByRole('textbox', { name: 'Evidence', exact: true }).inputValue()).toBe(
      payload('evidence'),
    );
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      `Answer: ${payload('full title')}`,
    );
    await screenshot(page, '91-xss-answer');
    await expectInert(page, problems);

    await page.getByRole('link', { name: 'See results' }).click();
    await page.getByRole('heading', { level: 1, name: /^Results: / }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      `Results: ${payload('full title')}`,
    );
    await screenshot(page, '92-xss-results');
    await expectInert(page, problems);
  });
});

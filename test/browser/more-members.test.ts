/**
 * Members in Chromium against a real server with two accounts: the owner invites the second
 * account as a viewer on the Members page; signed in as that account in a fresh browser context,
 * the viewer sees the organisation's assessment and its rating, but a change of rating is refused
 * with a visible message and the stored level stays the owner's. axe runs on each page; console
 * errors fail the test.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y } from './support/a11y.js';
import {
  levelRadio,
  openAnswerPage,
  storedAssessment,
  waitForSaved,
  firstCategoryKey,
} from './support/answers.js';
import { launchBrowser, openPage, type PageProblems, type TestBrowser } from './support/browser.js';
import { createAssessment, ensureOrganisation, signIn, waitUntil } from './support/flows.js';

import { startServerWithAccounts } from './support/more-server.js';
import { screenshot } from './support/screenshot.js';
import type { BrowserTestServer } from './support/server.js';

const TITLE = 'Shared with a viewer';

describe('inviting a viewer', { timeout: 240_000 }, () => {
  let owner: BrowserTestServer | undefined;
  let viewer: BrowserTestServer | undefined;
  let browser: TestBrowser | undefined;
  let page: Page;
  let problems: PageProblems;
  let orgId = '';
  let id = '';
  let firstKey = '';
  beforeAll(async () => {
    const started = await startServerWithAccounts(['owner@example.test', 'viewer@example.test']);
    [owner, viewer] = started.accounts;
    browser = await launchBrowser();
    ({ page, problems } = await openPage(browser.browser, started.server.url));
    await signIn(page, started.server);
    orgId = await ensureOrganisation(page, 'Members Ltd');
    id = await createAssessment(page, orgId, { title: TITLE, mode: 'self' });
    await openAnswerPage(page, id);
    await levelRadio(page, 4).check();
    await waitForSaved(page);
    firstKey = await firstCategoryKey(page, id);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await owner?.stop();
  });

  it('lets the owner invite an existing account as a viewer', async () => {
    if (!viewer) throw new Error('setup failed');
    await page.goto(`/#/orgs/${orgId}/members`);
    await page.getByRole('heading', { level: 1, name: 'Members' }).waitFor();
    const form = page.getByRole('region', { name: 'Invite a member' });
    await form.getByRole('textbox', { name: 'Email' }).fill(viewer.email);
    await form.getByRole('combobox', { name: 'Role' }).selectOption('viewer');
    await form.getByRole('button', { name: 'Invite' }).click();
    await page.getByRole('status').filter({ hasText: 'Invitation sent.' }).waitFor();
    await page.getByRole('row', { name: /viewer@example\.test/ }).waitFor();
    expect(await page.getByRole('row', { name: /viewer@example\.test/ }).textContent()).toContain('Viewer');
    await checkA11y(page, 'the members page with a viewer');
    await screenshot(page, 'more-members');
    expect(problems.errors).toEqual([]);
  });

  it('shows the viewer the assessment but refuses a change of rating', async () => {
    if (!browser || !viewer) throw new Error('setup failed');
    const other = await openPage(browser.browser, viewer.url);
    try {
      await signIn(other.page, viewer);
      const row = other.page.getByRole('row', { name: new RegExp(TITLE) });
      await row.waitFor();
      await checkA11y(other.page, "the viewer's organisation page");
      await openAnswerPage(other.page, id);
      expect(await levelRadio(other.page, 4).isChecked()).toBe(true);
      await checkA11y(other.page, "the viewer's answer page");

      // The page does not make itself read-only for a viewer; the server refuses the change.
      await levelRadio(other.page, 2).check();
      const status = other.page.locator('.save-status');
      await waitUntil(async () => (await status.getAttribute('data-state')) === 'error');
      expect(await status.getAttribute('role')).toBe('status');
      expect(await status.textContent()).toMatch(/^Not saved: .*viewer/);
      await screenshot(other.page, 'more-members-viewer-refused');
      // The page shows the server's state again.
      await waitUntil(async () => levelRadio(other.page, 4).isChecked());
      expect(await levelRadio(other.page, 2).isChecked()).toBe(false);
      const stored = await storedAssessment(other.page, id);
      expect(stored.document.categories?.[firstKey]?.level).toBe(4);
      await other.page.reload();
      await other.page.locator('#item-title').waitFor();
      expect(await levelRadio(other.page, 4).isChecked()).toBe(true);
      expect(other.problems.errors).toEqual([]);
    } finally {
      await other.context.close();
    }
  });
});

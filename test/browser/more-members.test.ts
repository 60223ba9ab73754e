/**
 * Members and roles in Chromium against a real server with four accounts. The owner invites a
 * viewer and a contributor on the Members page and grants an external assessor one assessment.
 * Each, in a fresh browser context, sees only what the role allows: the viewer reads with every
 * control switched off (and the server still refuses a change sent around the UI), the
 * contributor writes notes but cannot rate, and the external assessor sees the one assessment
 * and nothing else of the organisation. axe runs on each page; console errors fail the test.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y } from './support/a11y.js';
import {
  firstCategoryKey,
  levelRadio,
  openAnswerPage,
  storedAssessment,
  waitForSaved,
} from './support/answers.js';
import { launchBrowser, openPage, type PageProblems, type TestBrowser } from './support/browser.js';
import { createAssessment, ensureOrganisation, signIn } from './support/flows.js';
import { type BrowserTestServer, startServerWithAccounts } from './support/server.js';
import { screenshot } from './support/screenshot.js';

const TITLE = 'Shared with the team';
const OTHER = 'Not shared outside';

/** Sends a rating change from the page itself, around the disabled controls; answers the HTTP status. */
async function patchLevel(page: Page, id: string, key: string, level: number): Promise<number> {
  return page.evaluate(
    async ({ id, key, level }) => {
      const current = (await (await fetch(`/api/v1/assessments/${id}`)).json()) as { version: number };
      const response = await fetch(`/api/v1/assessments/${id}/answers`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'if-match': `"${current.version}"` },
        body: JSON.stringify({ target: 'category', key, field: 'level', value: level }),
      });
      return response.status;
    },
    { id, key, level },
  );
}

describe('members and roles', { timeout: 300_000 }, () => {
  let accounts: BrowserTestServer[] = [];
  let browser: TestBrowser | undefined;
  let page: Page;
  let problems: PageProblems;
  let orgId = '';
  let id = '';
  let otherId = '';
  let firstKey = '';
  beforeAll(async () => {
    const started = await startServerWithAccounts([
      'owner@example.test',
      'viewer@example.test',
      'contributor@example.test',
      'external@example.test',
    ]);
    accounts = started.accounts;
    browser = await launchBrowser();
    ({ page, problems } = await openPage(browser.browser, started.server.url));
    await signIn(page, started.server);
    orgId = await ensureOrganisation(page, 'Members Ltd');
    otherId = await createAssessment(page, orgId, { title: OTHER, mode: 'self' });
    id = await createAssessment(page, orgId, { title: TITLE, mode: 'self' });
    await openAnswerPage(page, id);
    await levelRadio(page, 4).check();
    await waitForSaved(page);
    firstKey = await firstCategoryKey(page, id);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await accounts[0]?.stop();
  });

  const account = (index: number) => {
    const found = accounts[index];
    if (!found || !browser) throw new Error('setup failed');
    return { found, browser: browser.browser };
  };

  it('lets the owner invite a viewer and a contributor, and grant an external assessor one assessment', async () => {
    await page.goto(`/#/orgs/${orgId}/members`);
    await page.getByRole('heading', { level: 1, name: 'Members' }).waitFor();
    const form = page.getByRole('region', { name: 'Invite a member' });
    for (const [index, role, label] of [
      [1, 'viewer', 'Viewer'],
      [2, 'contributor', 'Contributor'],
    ] as const) {
      const email = account(index).found.email;
      await form.getByRole('textbox', { name: 'Email' }).fill(email);
      await form.getByRole('combobox', { name: 'Role' }).selectOption(role);
      await form.getByRole('button', { name: 'Invite' }).click();
      const row = page.getByRole('row', { name: new RegExp(email.replace('.', '\\.')) });
      await row.waitFor();
      expect(await row.textContent()).toContain(label);
    }
    const grant = page.getByRole('region', { name: 'Invite an external assessor to one assessment' });
    await grant.getByRole('combobox', { name: 'Assessment' }).selectOption(id);
    await grant.getByRole('textbox', { name: 'Assessor email' }).fill(account(3).found.email);
    await grant.getByRole('button', { name: 'Grant access' }).click();
    await page.getByRole('status').filter({ hasText: 'Access granted.' }).waitFor();
    await checkA11y(page, 'the members page with a viewer and a contributor');
    await screenshot(page, 'more-members');
    expect(problems.errors).toEqual([]);
  });

  it('shows the viewer the assessment with every control off, and the server refuses a change anyway', async () => {
    const { found, browser } = account(1);
    const other = await openPage(browser, found.url);
    try {
      await signIn(other.page, found);
      await other.page.getByRole('row', { name: new RegExp(TITLE) }).waitFor();
      // No "New assessment" for a viewer.
      expect(await other.page.getByRole('link', { name: 'New assessment' }).count()).toBe(0);
      await checkA11y(other.page, "the viewer's organisation page");
      await openAnswerPage(other.page, id);
      expect(await levelRadio(other.page, 4).isChecked()).toBe(true);
      for (let level = 1; level <= 5; level++)
        expect(await levelRadio(other.page, level).isDisabled()).toBe(true);
      expect(await other.page.getByRole('button', { name: 'Not applicable' }).isDisabled()).toBe(true);
      expect(await other.page.getByRole('textbox', { name: 'Notes' }).isDisabled()).toBe(true);
      expect(await other.page.getByRole('combobox', { name: 'Status' }).isDisabled()).toBe(true);
      await other.page.getByText('Your role here is Viewer').waitFor();
      await checkA11y(other.page, "the viewer's answer page");
      await screenshot(other.page, 'more-members-viewer');

      // A shortcut does nothing either: no request is queued.
      await other.page.keyboard.press('2');
      expect(await other.page.locator('.save-status').getAttribute('data-state')).not.toBe('saving');
      // Around the UI, the server refuses: the role is enforced there, the UI only mirrors it.
      expect(await patchLevel(other.page, id, firstKey, 2)).toBe(403);
      expect((await storedAssessment(other.page, id)).document.categories?.[firstKey]?.level).toBe(4);
      expect(other.problems.errors).toEqual([]);
    } finally {
      await other.context.close();
    }
  });

  it('lets the contributor write notes but not rate', async () => {
    const { found, browser } = account(2);
    const other = await openPage(browser, found.url);
    try {
      await signIn(other.page, found);
      await openAnswerPage(other.page, id);
      expect(await levelRadio(other.page, 3).isDisabled()).toBe(true);
      await other.page.getByText('Your role here is Contributor').waitFor();
      const notes = other.page.getByRole('textbox', { name: 'Notes' });
      expect(await notes.isDisabled()).toBe(false);
      await notes.fill('Evidence requested from the CA team');
      await notes.blur();
      await waitForSaved(other.page);
      const stored = (await storedAssessment(other.page, id)).document.categories?.[firstKey];
      expect(stored?.notes).toBe('Evidence requested from the CA team');
      expect(stored?.level).toBe(4);
      expect(await patchLevel(other.page, id, firstKey, 1)).toBe(403);
      await checkA11y(other.page, "the contributor's answer page");
      expect(other.problems.errors).toEqual([]);
    } finally {
      await other.context.close();
    }
  });

  it('shows the external assessor only the granted assessment, which they may rate but not finalise', async () => {
    const { found, browser } = account(3);
    const other = await openPage(browser, found.url);
    try {
      await signIn(other.page, found);
      const invited = other.page.getByRole('region', { name: 'Assessments you were invited to' });
      await invited.getByRole('link', { name: TITLE }).waitFor();
      expect(await invited.getByRole('link').count()).toBe(1);
      // Nothing of the organisation: no organisation picker, no list, no other assessment.
      expect(await other.page.getByRole('combobox', { name: 'Organisation' }).count()).toBe(0);
      await checkA11y(other.page, "the external assessor's home page");
      await screenshot(other.page, 'more-members-external-home');
      const list = await other.page.request.get(`/api/v1/orgs/${orgId}/assessments`);
      expect(list.status()).toBe(404);
      const hidden = await other.page.request.get(`/api/v1/assessments/${otherId}`);
      expect(hidden.status()).toBe(404);
      await other.page.goto(`/#/assessments/${otherId}`);
      await other.page.getByRole('alert').waitFor();

      await openAnswerPage(other.page, id);
      await levelRadio(other.page, 2).check();
      await waitForSaved(other.page);
      expect((await storedAssessment(other.page, id)).document.categories?.[firstKey]?.level).toBe(2);
      const status = other.page.getByRole('combobox', { name: 'Status' });
      expect(await status.isDisabled()).toBe(false);
      expect(await status.locator('option[value="final"]').isDisabled()).toBe(true);
      expect(await status.locator('option[value="in-review"]').isDisabled()).toBe(false);
      await checkA11y(other.page, "the external assessor's answer page");
      expect(other.problems.errors).toEqual([]);
    } finally {
      await other.context.close();
    }
  });
});

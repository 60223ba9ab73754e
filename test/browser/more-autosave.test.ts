/**
 * Autosave in Chromium against a real server. Offline: the answers endpoint is aborted with
 * page.route, two changes wait in the queue (and in localStorage) across a reload, and reach the
 * server once it is reachable again. Conflict: another assessor changes the same rating through
 * the API; the dialog shows both values and "Keep my value" stores mine. axe runs on the answer
 * page in each state; console errors fail the test.
 */
import type { Page, Route } from 'playwright-core';
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

import { screenshot } from './support/screenshot.js';
import { startServer, type BrowserTestServer } from './support/server.js';

const ANSWERS = '**/api/v1/assessments/*/answers';

interface Versioned {
  version: number;
}

describe('autosave offline and on conflict', { timeout: 240_000 }, () => {
  let server: BrowserTestServer | undefined;
  let browser: TestBrowser | undefined;
  let page: Page;
  let problems: PageProblems;
  let orgId = '';
  let id = '';
  let firstKey = '';
  beforeAll(async () => {
    server = await startServer('autosave@example.test');
    browser = await launchBrowser();
    ({ page, problems } = await openPage(browser.browser, server.url));
    await signIn(page, server);
    orgId = await ensureOrganisation(page, 'Autosave Ltd');
    id = await createAssessment(page, orgId, { title: 'Autosave check', mode: 'self' });
    await openAnswerPage(page, id);
    firstKey = await firstCategoryKey(page, id);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('keeps two changes while offline, across a reload, and saves both when back online', async () => {
    expect(firstKey).not.toBe('');
    const abort = (route: Route) => route.abort('internetdisconnected');
    await page.route(ANSWERS, abort);
    const status = page.locator('.save-status');
    await levelRadio(page, 3).check();
    const notes = page.getByLabel('Notes', { exact: true });
    await notes.fill('Written while the server was unreachable');
    // Notes are saved on blur; focus is still in the field after fill.
    await page.keyboard.press('Tab');
    await waitUntil(async () => (await status.textContent())?.includes('2 changes waiting') === true);
    expect(await status.getAttribute('data-state')).toBe('offline');
    expect(await page.getByRole('status').filter({ hasText: 'Offline — 2 changes waiting' }).count()).toBe(1);
    await checkA11y(page, 'the answer page while offline');
    await screenshot(page, 'more-autosave-offline');

    await page.reload();
    await page.locator('#item-title').waitFor();
    await waitUntil(async () => (await status.textContent())?.includes('2 changes waiting') === true);
    expect(await levelRadio(page, 3).isChecked()).toBe(true);
    let stored = await storedAssessment(page, id);
    expect(stored.document.categories?.[firstKey]?.level).toBeUndefined();

    await page.unroute(ANSWERS, abort);
    await page.evaluate('window.dispatchEvent(new Event("online"))');
    await waitUntil(async () => (await status.getAttribute('data-state')) === 'saved', 45_000);
    expect((await status.textContent())?.trim()).toBe('Saved');
    stored = await storedAssessment(page, id);
    expect(stored.document.categories?.[firstKey]?.level).toBe(3);
    expect(stored.document.categories?.[firstKey]?.notes).toBe('Written while the server was unreachable');
    expect(await page.evaluate(`localStorage.getItem("pkimm.autosave.${id}")`)).toBeFalsy();
    await checkA11y(page, 'the answer page after saving');
    expect(problems.errors).toEqual([]);
  });

  it('shows their value and mine on a conflict, and "Keep my value" stores mine', async () => {
    await openAnswerPage(page, id);
    await waitForSaved(page);
    expect(await levelRadio(page, 3).isChecked()).toBe(true);
    // Another assessor rates the same category 4, against the current version.
    const current = (await (await page.request.get(`/api/v1/assessments/${id}`)).json()) as Versioned;
    const theirs = await page.request.patch(`/api/v1/assessments/${id}/answers`, {
      data: { target: 'category', key: firstKey, field: 'level', value: 4 },
      headers: {
        'if-match': `"${current.version}"`,
        'idempotency-key': crypto.randomUUID(),
        // A cookie-authenticated write needs our Origin (the server's CSRF check).
        origin: new URL(page.url()).origin,
      },
    });
    expect(theirs.status(), await theirs.text()).toBeLessThan(300);
    expect((await storedAssessment(page, id)).document.categories?.[firstKey]?.level).toBe(4);

    // The page still thinks the level is 3 and rates it 2.
    await levelRadio(page, 2).check();
    const dialog = page.getByRole('dialog', { name: 'Someone else changed this' });
    await dialog.waitFor();
    expect((await dialog.locator('.conflict-theirs').textContent())?.trim()).toBe('4');
    expect((await dialog.locator('.conflict-yours').textContent())?.trim()).toBe('2');
    expect(await dialog.getByText('Their value', { exact: true }).count()).toBe(1);
    expect(await dialog.getByText('Your value', { exact: true }).count()).toBe(1);
    await checkA11y(page, 'the conflict dialog');
    await screenshot(page, 'more-autosave-conflict');
    // Escape does not dismiss it.
    await page.keyboard.press('Escape');
    expect(await dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Keep my value' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await waitForSaved(page);
    expect((await storedAssessment(page, id)).document.categories?.[firstKey]?.level).toBe(2);

    await page.reload();
    await page.locator('#item-title').waitFor();
    await waitForSaved(page);
    expect(await levelRadio(page, 2).isChecked()).toBe(true);
    expect((await storedAssessment(page, id)).document.categories?.[firstKey]?.notes).toBe(
      'Written while the server was unreachable',
    );
    expect(problems.errors).toEqual([]);
  });
});

/**
 * Answering in Chromium against a real server: a self assessment with every category rated by
 * the mouse, found again after a reload and in the stored document, then its radar chart; and a
 * full assessment answered with the keyboard alone (1–5, 0, N, arrows). axe runs on each page
 * and each is saved as a screenshot.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y } from './support/a11y.js';
import {
  levelRadio,
  modelOutline,
  openAnswerPage,
  storedAssessment,
  waitForSaved,
} from './support/answers.js';
import { launchBrowser, openPage, type PageProblems, type TestBrowser } from './support/browser.js';
import { createAssessment, ensureOrganisation, signIn, waitUntil } from './support/flows.js';
import { screenshot } from './support/screenshot.js';
import { startServer, type BrowserTestServer } from './support/server.js';

/** The focused element: its id, or its tag name when it has none. */
async function focused(page: Page): Promise<unknown> {
  return page.evaluate(
    'document.activeElement && (document.activeElement.id || document.activeElement.tagName)',
  );
}

/** A level per category, all five used: 1, 2, 3, 4, 5, 1, … */
const levelFor = (index: number) => (index % 5) + 1;

describe('answering assessments in the browser', { timeout: 240_000 }, () => {
  let server: BrowserTestServer | undefined;
  let browser: TestBrowser | undefined;
  let page: Page;
  let problems: PageProblems;
  let orgId = '';
  beforeAll(async () => {
    server = await startServer('grace@example.test');
    browser = await launchBrowser();
    ({ page, problems } = await openPage(browser.browser, server.url));
    await signIn(page, server);
    orgId = await ensureOrganisation(page, 'Answering Ltd');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  let selfId = '';
  let fullId = '';
  let categoryKeys: string[] = [];

  it('rates every category of a self assessment, and the server stores each level', async () => {
    selfId = await createAssessment(page, orgId, { title: 'Self, every category', mode: 'self' });
    await openAnswerPage(page, selfId);
    const { model } = await storedAssessment(page, selfId);
    categoryKeys = (await modelOutline(page, model.id, model.version)).modules.flatMap((m) =>
      m.categories.map((c) => c.key),
    );
    const nav = page.getByRole('navigation', { name: 'Categories and requirements' });
    const buttons = nav.getByRole('button');
    expect(await buttons.count()).toBe(categoryKeys.length);
    await checkA11y(page, 'the answer page (self mode)');
    await screenshot(page, '06-answer-self');

    for (const [index] of categoryKeys.entries()) {
      await buttons.nth(index).click();
      await levelRadio(page, levelFor(index)).check();
    }
    await waitForSaved(page);
    expect(await page.getByText(`${categoryKeys.length} of ${categoryKeys.length} answered`).count()).toBe(1);
    await screenshot(page, '07-answer-self-done');

    const stored = await storedAssessment(page, selfId);
    for (const [index, key] of categoryKeys.entries()) {
      expect(stored.document.categories?.[key]?.level, key).toBe(levelFor(index));
    }
    expect(problems.errors).toEqual([]);
  });

  it('finds every answer again after a reload', async () => {
    await page.reload();
    await openAnswerPage(page, selfId);
    const buttons = page.getByRole('navigation', { name: 'Categories and requirements' }).getByRole('button');
    for (const [index] of categoryKeys.entries()) {
      await buttons.nth(index).click();
      expect(await levelRadio(page, levelFor(index)).isChecked(), categoryKeys[index]).toBe(true);
    }
    expect(problems.errors).toEqual([]);
  });

  it('shows the results with the radar chart of the categories', async () => {
    await page.getByRole('link', { name: 'See results' }).click();
    await page.getByRole('heading', { level: 1, name: /^Results: / }).waitFor();
    const radar = page.getByRole('img', { name: 'Radar chart of category levels' });
    await radar.locator('svg').first().waitFor();
    // ECharts draws one path per series polygon; the chart is not empty.
    expect(await radar.locator('svg path').count()).toBeGreaterThan(0);
    expect(await page.getByRole('img', { name: 'Radar chart of module levels' }).locator('svg').count()).toBe(
      1,
    );
    await checkA11y(page, 'the results page');
    await screenshot(page, '08-results');
    expect(problems.errors).toEqual([]);
  });

  it('answers a full assessment with the keyboard only: 1–5, 0, N and arrows', async () => {
    fullId = await createAssessment(page, orgId, { title: 'Full, by keyboard', mode: 'full' });
    await openAnswerPage(page, fullId);
    const { model } = await storedAssessment(page, fullId);
    const keys = (await modelOutline(page, model.id, model.version)).modules.flatMap((m) =>
      m.categories.flatMap((c) => c.requirements.map((r) => r.key)),
    );
    const [first, second, third, fourth, fifth] = keys;
    if (!first || !second || !third || !fourth || !fifth)
      throw new Error('the model has too few requirements');
    await checkA11y(page, 'the answer page (full mode)');
    await screenshot(page, '09-answer-full');

    const keyboard = page.keyboard;
    // A move puts focus on the new item's title as the item renders; the test waits for it, as a
    // person would, except once below where N follows a move at once.
    const press = async (key: string, focus: 'item-title' | 'TEXTAREA' | null = null) => {
      await keyboard.press(key);
      if (focus) await waitUntil(async () => (await focused(page)) === focus);
    };
    await press('3'); // first: level 3
    await press('ArrowDown', 'item-title');
    await press('5'); // second: level 5
    await press('ArrowRight', 'item-title');
    await press('2');
    await press('0'); // third: rated, then cleared
    // Straight on, no wait: the reason box must get focus and keep it.
    await press('ArrowDown');
    await press('n', 'TEXTAREA'); // fourth: not applicable, with a reason
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await focused(page)).toBe('TEXTAREA');
    await keyboard.type('Outsourced to the parent company');
    await press('Tab'); // to "Mark not applicable"
    await press('Enter');
    await page.getByText('Not applicable: Outsourced to the parent company').waitFor();
    await press('ArrowDown', 'item-title');
    await press('4'); // fifth: level 4
    await press('ArrowUp', 'item-title');
    await press('ArrowUp', 'item-title');
    await press('ArrowLeft', 'item-title');
    await press('1'); // second again: 5 becomes 1
    await waitForSaved(page);
    await screenshot(page, '10-answer-full-keyboard');

    const stored = (await storedAssessment(page, fullId)).document.requirements ?? {};
    expect(stored[first]?.level).toBe(3);
    expect(stored[second]?.level).toBe(1);
    expect(stored[third]?.level ?? 0).toBe(0);
    expect(stored[fourth]).toMatchObject({
      applicability: 'not-applicable',
      reason: 'Outsourced to the parent company',
    });
    expect(stored[fifth]?.level).toBe(4);

    await page.reload();
    await openAnswerPage(page, fullId);
    // The page may reopen where the assessor left off, so go to the first requirement through
    // its category in the navigation, then on to the fourth with its reason.
    await page
      .getByRole('navigation', { name: 'Categories and requirements' })
      .getByRole('button')
      .first()
      .click();
    await waitUntil(() => levelRadio(page, 3).isChecked()).catch(async (error: unknown) => {
      await screenshot(page, 'failed-full-after-reload');
      throw error;
    });
    for (let i = 0; i < 3; i++) await press('ArrowDown', 'item-title');
    await page.getByText('Not applicable: Outsourced to the parent company').waitFor();
    expect(problems.errors).toEqual([]);
  });

  it('compares the two assessments side by side', async () => {
    await page.goto(`/#/orgs/${orgId}`);
    await page.getByRole('link', { name: 'Compare', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Compare assessments' }).waitFor();
    await page.getByRole('combobox', { name: 'First assessment' }).selectOption(selfId);
    await page.getByRole('combobox', { name: 'Second assessment' }).selectOption(fullId);
    const radar = page.getByRole('img', {
      name: 'Radar chart comparing the category levels of both assessments',
    });
    await radar.locator('svg').first().waitFor();
    await checkA11y(page, 'the compare page');
    await screenshot(page, '11-compare');
    expect(problems.errors).toEqual([]);
  });

  it('shows the members page, accessibly', async () => {
    await page.goto(`/#/orgs/${orgId}/members`);
    await page.getByRole('heading', { level: 1, name: 'Members' }).waitFor();
    await checkA11y(page, 'the members page');
    await screenshot(page, '12-members');
    expect(problems.errors).toEqual([]);
  });
});

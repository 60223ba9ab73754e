/**
 * The review panel on the answer page in Chromium against a real server, each person in their
 * own browser context: the owner names participants through the API (the assurance page is
 * tested on its own); a reviewer sets the evidence review and asks a question; a respondent
 * answers it; two respondents rate (one of them an org assessor, whose level cards the
 * participant rules switch off); the assessor reads the spread, records the consensus, sees the
 * level cards follow and autosaves another rating without a 409. The stored assessment and
 * review are read back through the API; hostile text in a comment and an answer stays text;
 * axe runs on the page with the panel; the panel renders in German.
 */
import type { Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y } from './support/a11y.js';
import {
  levelRadio,
  modelOutline,
  openAnswerPage,
  storedAssessment,
  waitForSaved,
} from './support/answers.js';
import { call, createFull, must, ok } from './support/api.js';
import { launchBrowser, openPage, type PageProblems, type TestBrowser } from './support/browser.js';
import { ensureOrganisation, signIn, waitUntil } from './support/flows.js';
import { screenshot } from './support/screenshot.js';
import { type BrowserTestServer, startServerWithAccounts } from './support/server.js';

const HOSTILE = '<img src=x onerror=window.pwned=1>';
const EMAILS = [
  'owner@example.test',
  'assessor@example.test',
  'reviewer@example.test',
  'resp-one@example.test',
  'resp-two@example.test',
] as const;

interface Person {
  page: Page;
  problems: PageProblems;
}

function panel(page: Page) {
  return page.getByRole('region', { name: 'Review', exact: true });
}

async function pwned(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned);
}

/** The figures of the spread table by their row label. */
async function spreadFigures(page: Page): Promise<Record<string, string>> {
  const rows = await panel(page).getByRole('table', { name: 'Spread of the ratings' }).getByRole('row').all();
  const figures: Record<string, string> = {};
  for (const row of rows) {
    const label = (await row.getByRole('rowheader').textContent()) ?? '';
    figures[label] = ((await row.getByRole('cell').textContent()) ?? '').trim();
  }
  return figures;
}

describe('the review panel on the answer page', { timeout: 300_000 }, () => {
  let accounts: BrowserTestServer[] = [];
  let browser: TestBrowser | undefined;
  const people = new Map<string, Person>();
  let id = '';
  let firstKey = '';
  let secondKey = '';
  let names: Record<string, string> = {};

  const person = (email: string) => must(people.get(email), email);

  beforeAll(async () => {
    ({ accounts } = await startServerWithAccounts([...EMAILS]));
    browser = await launchBrowser();
    const testBrowser = browser;
    const enter = async (account: BrowserTestServer) => {
      const opened = await openPage(testBrowser.browser, account.url);
      await signIn(opened.page, account);
      people.set(account.email, opened);
    };
    await enter(must(accounts[0], 'the owner'));
    const owner = person('owner@example.test').page;
    const orgId = await ensureOrganisation(owner, 'Review Ltd');
    // The second respondent is an org assessor: only the participant rules keep them from rating.
    const orgRoles: Record<string, string> = {
      'assessor@example.test': 'assessor',
      'reviewer@example.test': 'viewer',
      'resp-one@example.test': 'contributor',
      'resp-two@example.test': 'assessor',
    };
    for (const [email, role] of Object.entries(orgRoles)) {
      await ok(call(owner, 'POST', `/orgs/${orgId}/members`, { email, role }), `invite ${email}`);
    }
    const { members } = await ok<{ members: { userId: string; email: string; name: string }[] }>(
      call(owner, 'GET', `/orgs/${orgId}/members`),
      'members',
    );
    const userId = (email: string) =>
      must(
        members.find((m) => m.email === email),
        email,
      ).userId;
    names = Object.fromEntries(members.map((m) => [m.email, m.name || m.email]));
    id = (await createFull(owner, orgId, 'Reviewed PKI')).id;
    const participants: [string, string][] = [
      ['assessor@example.test', 'assessor'],
      ['reviewer@example.test', 'reviewer'],
      ['resp-one@example.test', 'respondent'],
      ['resp-two@example.test', 'respondent'],
    ];
    for (const [email, role] of participants) {
      await ok(
        call(owner, 'POST', `/assessments/${id}/participants`, { userId: userId(email), role }),
        `participant ${email}`,
      );
    }
    const outline = await modelOutline(owner, 'pkimm', '2.0.0');
    const requirements = outline.modules.flatMap((m) => m.categories.flatMap((c) => c.requirements));
    firstKey = must(requirements[0], 'a requirement').key;
    secondKey = must(requirements[1], 'a second requirement').key;
    // Signed in after they became members, so each session knows its role from the start.
    for (const account of accounts.slice(1)) await enter(account);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await accounts[0]?.stop();
  });

  it('lets the reviewer set the evidence review and send the requirement back with a question', async () => {
    const { page, problems } = person('reviewer@example.test');
    await openAnswerPage(page, id);
    const review = panel(page);
    await review.getByRole('heading', { name: 'Evidence review' }).waitFor();
    expect(await review.getByTestId('review-status').getAttribute('data-status')).toBe('not-provided');
    await review
      .getByRole('combobox', { name: 'Evidence review' })
      .selectOption({ label: 'Reviewed, inconclusive' });
    await review.getByLabel('Review comment').fill(`Only a draft policy. ${HOSTILE}`);
    await review.getByRole('button', { name: 'Save review' }).click();
    await review.getByRole('status').filter({ hasText: 'Review saved.' }).waitFor();
    await waitUntil(
      async () =>
        (await review.getByTestId('review-status').getAttribute('data-status')) === 'reviewed-inconclusive',
    );
    expect(await review.getByTestId('review-status').innerText()).toBe('Status: Reviewed, inconclusive');
    expect(await review.getByText(/^Reviewed by /).innerText()).toContain(names['reviewer@example.test']);
    // The hostile comment is shown as the text it is, and never runs.
    expect(await review.getByTestId('review-comment').textContent()).toBe(`Only a draft policy. ${HOSTILE}`);
    expect(await review.locator('img').count()).toBe(0);
    expect(await pwned(page)).toBeUndefined();

    // A reviewer does not answer or rate; they ask.
    expect(await review.getByLabel('Your answer').count()).toBe(0);
    expect(await review.getByRole('button', { name: 'Record consensus' }).count()).toBe(0);
    await review.getByLabel('Question to the respondents').fill('Which CAs does the draft policy cover?');
    await review.getByRole('button', { name: 'Send back with question' }).click();
    await review.getByRole('status').filter({ hasText: 'Question sent.' }).waitFor();
    const question = review.getByTestId('questions').getByRole('listitem');
    await question.filter({ hasText: 'Which CAs does the draft policy cover?' }).waitFor();
    expect(await question.getAttribute('data-status')).toBe('open');
    expect(await question.innerText()).toContain('Open');
    await checkA11y(page, 'the answer page with the review panel (reviewer)');
    expect(problems.errors).toEqual([]);
  });

  it('lets a respondent answer the question and give their own rating', async () => {
    const { page, problems } = person('resp-one@example.test');
    await openAnswerPage(page, id);
    const review = panel(page);
    const question = review.getByTestId('questions').getByRole('listitem');
    await question.filter({ hasText: 'Which CAs does the draft policy cover?' }).waitFor();
    // Respondents neither review nor ask.
    expect(await review.getByRole('combobox', { name: 'Evidence review' }).count()).toBe(0);
    expect(await review.getByLabel('Question to the respondents').count()).toBe(0);
    await question.getByLabel('Your answer').fill(`The issuing CAs only. ${HOSTILE}`);
    await question.getByRole('button', { name: 'Answer' }).click();
    await review.getByRole('status').filter({ hasText: 'Answer sent.' }).waitFor();
    await waitUntil(async () => (await question.getAttribute('data-status')) === 'answered');
    expect(await question.getByTestId('question-answer').textContent()).toBe(
      `The issuing CAs only. ${HOSTILE}`,
    );
    expect(await question.getByLabel('Your answer').count()).toBe(0);
    expect(await review.locator('img').count()).toBe(0);
    expect(await pwned(page)).toBeUndefined();

    await review.getByLabel('Your rating').selectOption('2');
    await review.getByLabel('Note for the assessor').fill('Policy exists, practice does not follow it.');
    await review.getByRole('button', { name: 'Save my rating' }).click();
    await review.getByRole('status').filter({ hasText: 'Your rating is saved.' }).waitFor();
    const ratings = review.getByRole('table', { name: "The respondents' ratings" });
    await ratings.waitFor();
    expect(await ratings.getByRole('row').count()).toBe(2);
    expect(await ratings.innerText()).toContain('Policy exists, practice does not follow it.');
    await checkA11y(page, 'the answer page with the review panel (respondent)');
    expect(problems.errors).toEqual([]);
  });

  it("switches an org assessor's level cards off while they take part as a respondent", async () => {
    const { page, problems } = person('resp-two@example.test');
    await openAnswerPage(page, id);
    const notice = page.getByTestId('participation-notice');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('as respondent');
    // The org role alone would rate: it is the participant role that switches the cards off.
    await waitUntil(async () => levelRadio(page, 1).isDisabled());
    for (let level = 1; level <= 5; level += 1) expect(await levelRadio(page, level).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Clear rating' }).isDisabled()).toBe(true);
    // The mirror matches the server: the same rating sent around the UI is refused.
    const { version } = await ok<{ version: number }>(call(page, 'GET', `/assessments/${id}`), 'assessment');
    const refused = await call(
      page,
      'PATCH',
      `/assessments/${id}/answers`,
      { target: 'requirement', key: firstKey, field: 'level', value: 4 },
      { 'if-match': `"${version}"`, 'idempotency-key': crypto.randomUUID() },
    );
    expect(refused.status).toBe(403);

    const review = panel(page);
    await review.getByLabel('Your rating').selectOption('4');
    await review.getByRole('button', { name: 'Save my rating' }).click();
    await review.getByRole('status').filter({ hasText: 'Your rating is saved.' }).waitFor();
    await waitUntil(
      async () =>
        (await review.getByRole('table', { name: "The respondents' ratings" }).getByRole('row').count()) ===
        3,
    );
    expect(problems.errors).toEqual([]);
  });

  it('lets the assessor read the spread, record the consensus and keep autosaving without a conflict', async () => {
    const { page, problems } = person('assessor@example.test');
    const answerStatuses: number[] = [];
    page.on('response', (response: Response) => {
      if (response.url().endsWith(`/assessments/${id}/answers`)) answerStatuses.push(response.status());
    });
    await openAnswerPage(page, id);
    const review = panel(page);
    await review.getByRole('table', { name: 'Spread of the ratings' }).waitFor();
    const figures = await spreadFigures(page);
    expect(figures).toMatchObject({
      Ratings: '2',
      Lowest: '2',
      Highest: '4',
      Median: '3',
      'Level 1': '0',
      'Level 2': '1',
      'Level 3': '0',
      'Level 4': '1',
      'Level 5': '0',
    });
    const rows = await review.getByRole('table', { name: "The respondents' ratings" }).getByRole('row').all();
    const byName = new Map<string, string>();
    for (const row of rows.slice(1)) {
      byName.set(
        (await row.getByRole('rowheader').textContent()) ?? '',
        (await row.getByRole('cell').first().getAttribute('data-level')) ?? '',
      );
    }
    expect(Object.fromEntries(byName)).toEqual({
      [must(names['resp-one@example.test'], 'name')]: '2',
      [must(names['resp-two@example.test'], 'name')]: '4',
    });
    expect(await review.getByTestId('assessment-level').innerText()).toContain('not rated');
    expect(await review.getByText('No consensus recorded yet.').count()).toBe(1);
    // Assessors see the evidence review that the reviewer set, with its comment as text.
    expect(await review.getByTestId('review-comment').textContent()).toContain(HOSTILE);
    await checkA11y(page, 'the answer page with the review panel (assessor)');

    await review.getByLabel('Consensus level').selectOption('3');
    await review
      .getByLabel('Consensus note')
      .fill('Agreed in the call: the policy is applied to issuing CAs.');
    await review.getByRole('button', { name: 'Record consensus' }).click();
    await review.getByRole('status').filter({ hasText: 'Consensus recorded' }).waitFor();
    await review.getByTestId('consensus').waitFor();
    expect(await review.getByTestId('consensus').getAttribute('data-level')).toBe('3');
    // The level cards follow the consensus without a reload.
    await waitUntil(async () => levelRadio(page, 3).isChecked());
    expect(await review.getByTestId('assessment-level').innerText()).toContain('3');

    // The next autosave goes against the version the consensus produced: no 409 on the way.
    const firstTitle = await page.locator('#item-title').innerText();
    await page.getByRole('button', { name: 'Next' }).click();
    await waitUntil(async () => (await page.locator('#item-title').innerText()) !== firstTitle);
    await levelRadio(page, 2).check();
    await waitForSaved(page);
    expect(answerStatuses).toEqual([200]);

    const stored = await storedAssessment(page, id);
    expect(stored.document.requirements?.[firstKey]?.level).toBe(3);
    expect(stored.document.requirements?.[secondKey]?.level).toBe(2);
    const reviewReply = await call(page, 'GET', `/assessments/${id}/reviews/${firstKey}`);
    expect(reviewReply.body).toMatchObject({ status: 'reviewed-inconclusive' });
    await screenshot(page, 'review-panel');
    expect(problems.errors).toEqual([]);
  });

  it('renders the panel in German', async () => {
    const { page, problems } = person('reviewer@example.test');
    // This page is still at the answer page from the first step: a new load fetches the ratings given since.
    await page.reload();
    await openAnswerPage(page, id);
    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Deutsch' });
    const review = page.getByRole('region', { name: 'Begutachtung', exact: true });
    await review.getByRole('heading', { name: 'Prüfung der Nachweise' }).waitFor();
    expect(await review.getByTestId('review-status').innerText()).toBe('Status: Geprüft, nicht eindeutig');
    await review.getByRole('button', { name: 'Mit Rückfrage zurückgeben' }).waitFor();
    await review.getByRole('table', { name: 'Streuung der Einstufungen' }).waitFor();
    await checkA11y(page, 'the review panel in German');
    expect(problems.errors).toEqual([]);
  });
});

/**
 * Markup and script payloads in the stored texts that xss.test.ts does not reach: action plans
 * and their tasks, the on-site registers (contacts, artifacts, interviews) and workshops (title,
 * typed-in vote names, agreement notes). The texts go in through the API from the page (its
 * session cookie and Origin, so CSRF and roles apply); each page that renders them is then
 * visited and checked with expectInert (support/hostile-texts.ts). xss-assurance.test.ts covers
 * the assurance workflow, audit marks and the pages that only show titles.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createFull, ok } from './support/api.js';
import { launchBrowser, openPage, type PageProblems, type TestBrowser } from './support/browser.js';
import { ensureOrganisation, signIn } from './support/flows.js';
import { expectInert, hostile, requirementKeys } from './support/hostile-texts.js';
import { type BrowserTestServer, startServerWithAccounts } from './support/server.js';

describe('stored texts on every page that shows them', { timeout: 240_000 }, () => {
  // The account's display name is hostile too: the header and the members page show it.
  const suite = {} as { page: Page; problems: PageProblems; orgId: string };
  let server: BrowserTestServer | undefined;
  let browser: TestBrowser | undefined;
  beforeAll(async () => {
    ({ server } = await startServerWithAccounts([
      { email: 'xss-pages@example.test', name: hostile('user') },
    ]));
    browser = await launchBrowser();
    Object.assign(suite, await openPage(browser.browser, server.url));
    await signIn(suite.page, server);
    suite.orgId = await ensureOrganisation(suite.page, 'Hostile Texts Ltd');
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows a hostile account name as text in the header and on the members page', async () => {
    const { page, problems, orgId } = suite;
    await page.goto(`/#/orgs/${orgId}/members`);
    await page.getByRole('heading', { level: 1, name: 'Members' }).waitFor();
    await page.getByRole('row', { name: /user / }).waitFor();
    expect(await page.locator('header .user').textContent()).toBe(`Signed in as ${hostile('user')}`);
    await expectInert(page, problems, [hostile('user')]);
  });

  it('keeps action plans and their tasks as text on the answer page and the timeline', async () => {
    const { page, problems, orgId } = suite;
    const target = await createFull(page, orgId, hostile('plan assessment'));
    const [subject] = await requirementKeys(page);
    const plan = {
      subject: subject ?? '',
      status: 'planned',
      title: hostile('plan title'),
      objectives: [hostile('objective')],
      responsible: hostile('responsible'),
      resources: hostile('resources'),
      dependencies: hostile('dependencies'),
      outputs: [hostile('output')],
      comments: hostile('comments'),
      schedule: { due: '2020-01-31' },
      tasks: [{ label: hostile('task'), done: false }],
    };
    const created = await ok<{ plan: unknown }>(
      call(page, 'POST', `/assessments/${target.id}/plans`, plan, { 'if-match': `"${target.version}"` }),
      'create plan',
    );
    expect(created.plan).toMatchObject({ title: plan.title, tasks: plan.tasks });

    await page.goto(`/#/assessments/${target.id}`);
    const card = page.getByRole('region', { name: /^Action plan: plan title/ });
    await card.waitFor();
    await card.getByRole('checkbox', { name: hostile('task') }).waitFor();
    await expectInert(page, problems, [hostile('plan title'), hostile('task')]);

    await page.goto(`/#/orgs/${orgId}/plans`);
    await page.getByRole('row', { name: /plan title/ }).waitFor();
    await expectInert(page, problems, [hostile('plan title'), hostile('plan assessment')]);
  });

  it('keeps contacts, artifacts (locator never a link) and interviews as text', async () => {
    const { page, problems, orgId } = suite;
    const { id } = await createFull(page, orgId, 'Registers');
    const [key] = await requirementKeys(page);
    const contact = await ok<{ id: string }>(
      call(page, 'POST', `/assessments/${id}/contacts`, {
        name: hostile('name'),
        role: hostile('role'),
        team: hostile('team'),
        requirements: [key],
      }),
      'contact',
    );
    await ok(
      call(page, 'POST', `/assessments/${id}/artifacts`, {
        title: hostile('artifact'),
        owner: hostile('owner'),
        version: '1',
        locator: 'javascript:window.__xss=1',
        requirements: [key],
      }),
      'artifact',
    );
    await ok(
      call(page, 'POST', `/assessments/${id}/interviews`, {
        date: '2026-10-01',
        interviewees: [contact.id],
        requirements: [key],
        notes: `${hostile('notes')}\n**not bold** <b>raw</b>`,
      }),
      'interview',
    );

    await page.goto(`/#/assessments/${id}/onsite`);
    await page.getByTestId('interviews-table').locator('tbody tr').waitFor();
    const artifacts = page.getByTestId('artifacts-table');
    expect(await artifacts.getByTestId('locator').innerText()).toBe('javascript:window.__xss=1');
    expect(await artifacts.locator('a').count()).toBe(0);
    expect(await page.locator('main b').count()).toBe(0);
    await expectInert(page, problems, [
      hostile('name'),
      hostile('role'),
      hostile('team'),
      hostile('artifact'),
      hostile('owner'),
      hostile('notes'),
    ]);
  });

  it('keeps a workshop title, typed-in vote names and agreement notes as text', async () => {
    const { page, problems, orgId } = suite;
    const target = await createFull(page, orgId, 'Workshop texts');
    const [key] = await requirementKeys(page);
    const { workshop } = await ok<{ workshop: { id: string } }>(
      call(page, 'POST', `/assessments/${target.id}/workshops`, { title: hostile('workshop') }),
      'open workshop',
    );
    const base = `/assessments/${target.id}/workshops/${workshop.id}`;
    await ok(call(page, 'PUT', `${base}/current`, { key }), 'current');
    await ok(call(page, 'PUT', `${base}/votes`, { level: 2, participant: hostile('voter') }), 'vote');
    await ok(
      call(
        page,
        'POST',
        `${base}/agree`,
        { level: 2, notes: hostile('agreed') },
        { 'if-match': `"${target.version}"` },
      ),
      'agree',
    );

    await page.goto(`/#${base}`);
    await page.getByTestId('votes-table').getByText(hostile('voter')).waitFor();
    await expectInert(page, problems, [hostile('workshop'), hostile('voter'), hostile('agreed')]);

    await page.goto(`/#${base}/vote`);
    await page.getByText(hostile('workshop')).first().waitFor();
    await expectInert(page, problems, [hostile('workshop')]);
  });
});

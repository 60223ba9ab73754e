/**
 * Markup and script payloads in the stored texts that xss.test.ts does not reach: action plans
 * and their tasks, the on-site registers (contacts, artifacts, interviews) and workshops (title,
 * typed-in vote names, agreement notes). The texts go in through the API from the page (its
 * session cookie and Origin, so CSRF and roles apply); each page that renders them is then
 * visited. Four signals each time, because the CSP alone would already stop a payload from
 * running: `window.__xss` stays undefined, no element or handler attribute the payloads describe
 * exists, no console error or CSP report, and the payload is shown literally as text. No link
 * may carry a `javascript:` address.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createFull } from './support/api.js';
import { startNamedServer } from './support/assurance-flows.js';
import { launchBrowser, openPage, type PageProblems, type TestBrowser } from './support/browser.js';
import { ensureOrganisation, signIn } from './support/flows.js';
import type { BrowserTestServer } from './support/server.js';

const PAYLOADS = [
  '<img src=x onerror=window.__xss=1>',
  '<script>window.__xss=1</script>',
  '"><svg onload=window.__xss=1>',
  'javascript:window.__xss=1',
  "{{constructor.constructor('window.__xss=1')()}}",
];
/** Every payload at once, tagged with the field it goes into so a hit says where. */
const hostile = (field: string) => `${field} ${PAYLOADS.join(' ')}`;

async function expectInert(page: Page, problems: PageProblems, shown: string[]): Promise<void> {
  const text = (await page.locator('body').textContent()) ?? '';
  for (const s of shown) expect(text, `shown literally: ${s.slice(0, 30)}`).toContain(s);
  expect(await page.evaluate('typeof window.__xss')).toBe('undefined');
  expect(await page.locator('img[src="x"], svg[onload], [onerror], [onload]').count()).toBe(0);
  expect(await page.locator('script:not([src])').count()).toBe(0);
  expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
  expect(problems.errors).toEqual([]);
}

async function ok<T>(reply: Promise<{ status: number; body: unknown }>, what: string): Promise<T> {
  const { status, body } = await reply;
  if (status !== 200 && status !== 201) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
  return body as T;
}

async function firstRequirements(page: Page): Promise<string[]> {
  const model = (await (await page.request.get('/api/v1/models/pkimm/2.0.0')).json()) as {
    modules: { categories: { requirements: { key: string }[] }[] }[];
  };
  return model.modules.flatMap((m) => m.categories.flatMap((c) => c.requirements.map((r) => r.key)));
}

describe('stored texts on every page that shows them', { timeout: 240_000 }, () => {
  // The account's display name is hostile too: the header and the members page show it.
  const suite = {} as { page: Page; problems: PageProblems; orgId: string };
  let server: BrowserTestServer | undefined;
  let browser: TestBrowser | undefined;
  beforeAll(async () => {
    [server] = await startNamedServer([{ email: 'xss-pages@example.test', name: hostile('user') }]);
    if (!server) throw new Error('no account');
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
    const [subject] = await firstRequirements(page);
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
    const [key] = await firstRequirements(page);
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
    const [key] = await firstRequirements(page);
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

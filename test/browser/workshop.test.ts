/**
 * A workshop end to end in two browser contexts against a real server: the facilitator (the
 * owner) opens it and puts a requirement on the shared screen; a participant (a contributor, on
 * their own "device") votes; the facilitator's screen shows the vote by polling, gets a typed-in
 * vote for "Alex <b>", shows the spread, records the agreement (notes with a script tag and
 * Markdown characters), which becomes the assessment's rating; moves on, and the device follows
 * with its vote reset; closes, and the device says so. Both minutes (HTML and Markdown) list both
 * requirements with their agreed levels and escape every name and note. axe runs on both views;
 * console errors fail the test.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y } from './support/a11y.js';
import { storedAssessment } from './support/answers.js';
import { call, createFull } from './support/api.js';
import { launchBrowser, openPage, type PageProblems, type TestBrowser } from './support/browser.js';
import { ensureOrganisation, signIn, waitUntil } from './support/flows.js';
import { type BrowserTestServer, startServerWithAccounts } from './support/server.js';
import { screenshot } from './support/screenshot.js';

const TITLE = 'Workshop assessment';
const WORKSHOP = 'Rating day';
const TYPED = 'Alex <b>';
const NOTES = 'Agreed <script>window.pwned=1</script> after **debate** and _one_ [link](x) # vote';

interface Level {
  number: number;
  name: string;
  description?: string;
}

interface Requirement {
  key: string;
  position: string;
  name: string;
  category: { levels: Level[] };
}

interface ModelOutline {
  levels: Level[];
  requirements: Requirement[];
}

interface Spread {
  count: number;
  min: number | null;
  max: number | null;
  median: number | null;
  perLevel: Record<number, number>;
}

/** The model's scale and its requirements in model order with their category's levels, from the API. */
async function modelOf(page: Page): Promise<ModelOutline> {
  const response = await page.request.get('/api/v1/models/pkimm/2.0.0');
  const model = (await response.json()) as {
    levels: Level[];
    modules: { categories: { levels: Level[]; requirements: Omit<Requirement, 'category'>[] }[] }[];
  };
  const requirements = model.modules.flatMap((m) =>
    m.categories.flatMap((c) => c.requirements.map((r) => ({ ...r, category: { levels: c.levels } }))),
  );
  return { levels: model.levels, requirements };
}

/** The spread the screen should show for these votes (median: the mean of the middle two when even). */
function spreadOf(levels: number[]): Spread {
  const sorted = [...levels].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length === 0
      ? null
      : sorted.length % 2 === 1
        ? (sorted[mid] ?? null)
        : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  const perLevel: Record<number, number> = {};
  for (const n of [1, 2, 3, 4, 5]) perLevel[n] = levels.filter((l) => l === n).length;
  return { count: levels.length, min: sorted[0] ?? null, max: sorted.at(-1) ?? null, median, perLevel };
}

async function shownSpread(page: Page): Promise<Spread> {
  const figure = async (name: string) => {
    const text = await page.getByTestId('spread').locator(`[data-figure="${name}"] dd`).innerText();
    return text === '–' ? null : Number(text);
  };
  const perLevel: Record<number, number> = {};
  for (const n of [1, 2, 3, 4, 5])
    perLevel[n] = Number(
      await page.getByTestId('per-level').locator(`tr[data-level="${n}"] .onsite-count`).innerText(),
    );
  return {
    count: (await figure('count')) ?? 0,
    min: await figure('min'),
    max: await figure('max'),
    median: await figure('median'),
    perLevel,
  };
}

/** The votes table as [participant, level text, how it was given] rows. */
async function votes(page: Page): Promise<string[][]> {
  const table = page.getByTestId('votes-table');
  if ((await table.count()) === 0) return [];
  const rows = await table.locator('tbody tr').all();
  return Promise.all(rows.map((row) => row.locator('th, td').allInnerTexts()));
}

describe('a workshop in two browsers', { timeout: 300_000 }, () => {
  let accounts: BrowserTestServer[] = [];
  let browser: TestBrowser | undefined;
  let fac: Page;
  let facProblems: PageProblems;
  let part: Page;
  let partProblems: PageProblems;
  let closeParticipant: () => Promise<void> = async () => {};
  let id = '';
  let wid = '';
  let model: ModelOutline;
  let participantName = '';
  let first: Requirement;
  let second: Requirement;

  const label = (r: Requirement) => `${r.position} ${r.name}`;
  const levelName = (n: number) => model.levels.find((l) => l.number === n)?.name ?? '';
  const level = (n: number) => `Level ${n} ${levelName(n)}`;

  beforeAll(async () => {
    ({ accounts } = await startServerWithAccounts(['facilitator@example.test', 'participant@example.test']));
    const [owner, participant] = accounts;
    if (!owner || !participant) throw new Error('no accounts');
    browser = await launchBrowser();
    ({ page: fac, problems: facProblems } = await openPage(browser.browser, owner.url));
    await signIn(fac, owner);
    const orgId = await ensureOrganisation(fac, 'Workshop Ltd');
    id = (await createFull(fac, orgId, TITLE)).id;
    const invited = await call(fac, 'POST', `/orgs/${orgId}/members`, {
      email: participant.email,
      role: 'contributor',
    });
    if (invited.status !== 201 && invited.status !== 200)
      throw new Error(`invite: ${JSON.stringify(invited)}`);
    model = await modelOf(fac);
    const [a, b] = model.requirements;
    if (!a || !b) throw new Error('the model has fewer than two requirements');
    [first, second] = [a, b];

    const other = await openPage(browser.browser, participant.url);
    ({ page: part, problems: partProblems } = other);
    closeParticipant = () => other.context.close();
    await signIn(part, participant);
    participantName = ((await call(part, 'GET', '/auth/me')).body as { user: { name: string } }).user.name;
  }, 180_000);

  afterAll(async () => {
    await closeParticipant();
    await browser?.close();
    await accounts[0]?.stop();
  });

  it('opens a workshop and puts a requirement on the shared screen with its level descriptions', async () => {
    await fac.goto(`/#/assessments/${id}/onsite`);
    await fac.getByRole('heading', { level: 1, name: `On-site assessment: ${TITLE}` }).waitFor();
    await fac.getByLabel('Workshop title').fill(WORKSHOP);
    await fac.getByRole('button', { name: 'Open workshop' }).click();
    await fac.getByRole('heading', { level: 1, name: `Workshop: ${WORKSHOP}` }).waitFor();
    wid = decodeURIComponent(/\/workshops\/([^/]+)$/.exec(new URL(fac.url()).hash)?.[1] ?? '');
    expect(wid).not.toBe('');
    await fac.getByText('No requirement has been chosen yet.').waitFor();
    await checkA11y(fac, 'a new workshop');

    await fac.getByLabel('Requirement', { exact: true }).selectOption({ label: label(first) });
    await fac.getByRole('button', { name: 'Discuss this requirement' }).click();
    await fac.getByRole('heading', { level: 2, name: label(first) }).waitFor();
    await fac
      .getByRole('status')
      .filter({ hasText: `Now discussing ${label(first)}` })
      .waitFor();
    const levels = fac.getByTestId('current-levels');
    expect(await levels.locator('dt').allInnerTexts()).toEqual(
      first.category.levels.map((l) => `Level ${l.number} ${l.name}`),
    );
    expect(await levels.locator('dd').allInnerTexts()).toEqual(
      first.category.levels.map((l) => l.description ?? ''),
    );
    // Nobody has voted yet.
    expect(await shownSpread(fac)).toEqual(spreadOf([]));
    await checkA11y(fac, 'the facilitator view with a requirement');
    expect(facProblems.errors).toEqual([]);
  });

  it("takes the participant's vote from their device; the shared screen shows it by polling", async () => {
    await part.goto(`/#/assessments/${id}/onsite`);
    await part.getByRole('link', { name: `Vote in ${WORKSHOP}` }).click();
    await part.getByRole('heading', { level: 1, name: `Vote: ${WORKSHOP}` }).waitFor();
    await part.getByRole('heading', { level: 2, name: label(first) }).waitFor();
    await part.getByText('You have not voted on this requirement yet.').waitFor();
    await part.getByRole('radio', { name: `3 ${levelName(3)}`, exact: true }).check();
    await part.getByRole('status').filter({ hasText: 'Your vote: 3' }).waitFor();
    await checkA11y(part, 'the vote view');
    await screenshot(part, 'workshop-vote');

    // No reload on the shared screen: the poll brings the vote.
    await waitUntil(async () =>
      (await votes(fac)).some(([who, what]) => who === participantName && what === level(3)),
    );
    expect(await votes(fac)).toEqual([[participantName, level(3), 'On their own device']]);

    await fac.getByLabel('Participant name').fill(TYPED);
    await fac.getByLabel('Level', { exact: true }).selectOption('4');
    await fac.getByRole('button', { name: 'Add vote' }).click();
    await fac
      .getByRole('status')
      .filter({ hasText: `Vote of ${TYPED} added` })
      .waitFor();
    await waitUntil(async () => (await votes(fac)).length === 2);
    expect(await votes(fac)).toContainEqual([TYPED, level(4), 'Typed in by the facilitator']);
    expect(await fac.locator('main b').count()).toBe(0);
    expect(await shownSpread(fac)).toEqual(spreadOf([3, 4]));
    await checkA11y(fac, 'the facilitator view with votes');
    await screenshot(fac, 'workshop-facilitator');

    // Someone other than the facilitator sees the shared screen without the controls.
    await part.goto(`/#/assessments/${id}/workshops/${wid}`);
    await part.getByRole('heading', { level: 1, name: `Workshop: ${WORKSHOP}` }).waitFor();
    await part.getByText('Only the facilitator drives this workshop').waitFor();
    await part.getByTestId('votes-table').waitFor();
    for (const name of ['Record agreement', 'Add vote', 'Close workshop', 'Next requirement'])
      expect(await part.getByRole('button', { name }).count()).toBe(0);
    await checkA11y(part, "a participant's view of the shared screen");
    expect(facProblems.errors).toEqual([]);
    expect(partProblems.errors).toEqual([]);
  });

  it('records the agreement as the rating, moves on, and the device follows with its vote reset', async () => {
    await fac.getByLabel('Agreed level').selectOption('4');
    await fac.getByLabel('Discussion notes').fill(NOTES);
    await fac.getByRole('button', { name: 'Record agreement' }).click();
    const done = fac.getByRole('status').filter({ hasText: /^Agreement recorded:/ });
    await done.waitFor();
    const version = Number(/saved as version (\d+)/.exec(await done.innerText())?.[1]);
    expect(await done.innerText()).toContain(level(4));
    const stored = await storedAssessment(fac, id);
    expect(stored.document.requirements?.[first.key]?.level).toBe(4);
    expect((stored as unknown as { version: number }).version).toBe(version);
    await fac.getByTestId('current-agreed').waitFor();
    expect(await fac.evaluate(() => (window as { pwned?: unknown }).pwned)).toBeUndefined();

    await part.goto(`/#/assessments/${id}/workshops/${wid}/vote`);
    await part.getByRole('heading', { level: 2, name: label(first) }).waitFor();
    await part.getByRole('status').filter({ hasText: 'Your vote: 3' }).waitFor();

    await fac.getByRole('button', { name: 'Next requirement' }).click();
    await fac.getByRole('heading', { level: 2, name: label(second) }).waitFor();
    expect(await votes(fac)).toEqual([]);
    // The device follows by polling; its vote belonged to the previous requirement.
    await part.getByRole('heading', { level: 2, name: label(second) }).waitFor();
    await part.getByText('You have not voted on this requirement yet.').waitFor();
    expect(await part.getByRole('radio', { checked: true }).count()).toBe(0);
    await part.getByRole('radio', { name: `2 ${levelName(2)}`, exact: true }).check();
    await part.getByRole('status').filter({ hasText: 'Your vote: 2' }).waitFor();
    await waitUntil(async () => (await votes(fac)).length === 1);
    expect(await votes(fac)).toEqual([[participantName, level(2), 'On their own device']]);
    expect(await shownSpread(fac)).toEqual(spreadOf([2]));

    await fac.getByLabel('Agreed level').selectOption('2');
    await fac.getByLabel('Discussion notes').fill('Second one: no written procedure yet.');
    await fac.getByRole('button', { name: 'Record agreement' }).click();
    await fac
      .getByRole('status')
      .filter({ hasText: /^Agreement recorded:/ })
      .waitFor();
    const items = fac.getByTestId('items-table').locator('tbody tr');
    await waitUntil(async () => (await items.count()) === 2);
    expect(await items.nth(0).locator('th, td').allInnerTexts()).toEqual([
      label(first),
      '2',
      level(4),
      NOTES,
    ]);
    expect(await items.nth(1).locator('th, td').allInnerTexts()).toEqual([
      label(second),
      '1',
      level(2),
      'Second one: no written procedure yet.',
    ]);
    expect((await storedAssessment(fac, id)).document.requirements?.[second.key]?.level).toBe(2);
    expect(facProblems.errors).toEqual([]);
    expect(partProblems.errors).toEqual([]);
  });

  it('closes the workshop; the device says it ended; both minutes escape names and notes', async () => {
    await fac.getByRole('button', { name: 'Close workshop' }).click();
    await fac
      .getByRole('group', { name: /^Close the workshop for good\?/ })
      .getByRole('button', { name: 'Yes, close it' })
      .click();
    await fac.getByText('The workshop has ended').waitFor();
    await waitUntil(async () => (await fac.getByRole('button', { name: 'Record agreement' }).count()) === 0);
    await part.getByText('The workshop has ended').waitFor();
    expect(await part.getByRole('radio').count()).toBe(0);
    // Around the UI the server refuses a late vote.
    expect((await call(part, 'PUT', `/assessments/${id}/workshops/${wid}/votes`, { level: 5 })).status).toBe(
      409,
    );
    await checkA11y(fac, 'the closed workshop');
    await checkA11y(part, 'the vote view after the end');

    const download = async (name: string) => {
      const href = await fac.getByRole('link', { name }).getAttribute('href');
      if (!href) throw new Error(`no link ${name}`);
      const response = await fac.request.get(href);
      expect(response.status()).toBe(200);
      return response.text();
    };
    const htmlMinutes = await download('Download minutes (HTML)');
    const mdMinutes = await download('Download minutes (Markdown)');
    for (const text of [htmlMinutes, mdMinutes]) {
      expect(text).not.toContain('<script');
      expect(text).not.toContain('<b>');
      expect(text).toContain('Alex &lt;b&gt;');
      expect(text).toContain('&lt;script&gt;window.pwned=1&lt;/script&gt;');
      expect(text).toContain(participantName);
      for (const [requirement, agreed] of [
        [first, 4],
        [second, 2],
      ] as const) {
        expect(text).toContain(`${requirement.position} `);
        expect(text).toContain(`(${requirement.key})`);
        expect(text).toContain(`Agreed rating: ${agreed} (${levelName(agreed)})`);
      }
    }
    // Markdown would read the stars, underscores and brackets as formatting: they come escaped.
    expect(mdMinutes).toContain('\\*\\*debate\\*\\*');
    expect(mdMinutes).toContain('\\[link\\](x)');
    expect(htmlMinutes).toMatch(/^<!doctype html>/);
    expect(facProblems.errors).toEqual([]);
    expect(partProblems.errors).toEqual([]);
  });
});

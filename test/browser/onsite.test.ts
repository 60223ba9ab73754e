/**
 * The on-site registers in Chromium against a real server: the owner adds a contact, an artifact
 * (whose locator `javascript:alert(1)` must stay text) and an interview naming the contact and two
 * requirements, edits the contact, is refused (with the server's message) when deleting a contact
 * an interview names, and deletes one nobody names. The requirement's on-site API lists what was
 * linked. A viewer sees the tables and no forms. A markup payload in a name and in the notes is
 * shown as text. axe runs on each page; console errors fail the test.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y } from './support/a11y.js';
import { call, createFull } from './support/api.js';
import { launchBrowser, openPage, type PageProblems, type TestBrowser } from './support/browser.js';
import { ensureOrganisation, signIn, waitUntil } from './support/flows.js';
import { type BrowserTestServer, startServerWithAccounts } from './support/server.js';
import { screenshot } from './support/screenshot.js';

const TITLE = 'Registers 2026';
const HOSTILE = '<img src=x onerror=window.pwned=1>';
const CONTACT = `Jane Roe ${HOSTILE}`;
const LOCATOR = 'javascript:alert(1)';
const NOTES = `Walked through the key ceremony.\n${HOSTILE} **not bold** <b>raw</b>`;

interface Requirement {
  key: string;
  position: string;
  name: string;
}

interface Entry {
  id: string;
  name?: string;
  role?: string;
  title?: string;
  locator?: string;
  requirements: string[];
  interviewees?: string[];
}

/** The model's requirements in model order, read through the API (not from the page under test). */
async function requirementsOf(page: Page): Promise<Requirement[]> {
  const response = await page.request.get('/api/v1/models/pkimm/2.0.0');
  const model = (await response.json()) as {
    modules: { categories: { requirements: Requirement[] }[] }[];
  };
  return model.modules.flatMap((m) => m.categories.flatMap((c) => c.requirements));
}

const label = (r: Requirement) => `${r.position} ${r.name}`;

/** Ticks a requirement in a form's picker after narrowing the list by its name. */
async function pickRequirement(page: Page, form: string, requirement: Requirement): Promise<void> {
  const scope = page.getByRole('form', { name: form });
  await scope.getByLabel('Filter requirements').fill(requirement.name);
  await scope.getByRole('checkbox', { name: label(requirement), exact: true }).check();
  await scope.getByLabel('Filter requirements').fill('');
}

async function entries(page: Page, id: string, kind: string): Promise<Entry[]> {
  const reply = await call(page, 'GET', `/assessments/${id}/${kind}`);
  return (reply.body as { entries: Entry[] }).entries;
}

describe('on-site registers in the browser', { timeout: 300_000 }, () => {
  let accounts: BrowserTestServer[] = [];
  let browser: TestBrowser | undefined;
  let page: Page;
  let problems: PageProblems;
  let id = '';
  let requirements: Requirement[] = [];

  beforeAll(async () => {
    ({ accounts } = await startServerWithAccounts(['owner@example.test', 'viewer@example.test']));
    const owner = accounts[0];
    if (!owner) throw new Error('no account');
    browser = await launchBrowser();
    ({ page, problems } = await openPage(browser.browser, owner.url));
    await signIn(page, owner);
    const orgId = await ensureOrganisation(page, 'Onsite Ltd');
    id = (await createFull(page, orgId, TITLE)).id;
    const invited = await call(page, 'POST', `/orgs/${orgId}/members`, {
      email: 'viewer@example.test',
      role: 'viewer',
    });
    if (invited.status !== 201 && invited.status !== 200)
      throw new Error(`invite: ${JSON.stringify(invited)}`);
    requirements = await requirementsOf(page);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await accounts[0]?.stop();
  });

  it('adds a contact, an artifact and an interview, each linked to requirements', async () => {
    const [first, second] = requirements;
    if (!first || !second) throw new Error('the model has fewer than two requirements');
    await page.goto(`/#/assessments/${id}`);
    await page.getByRole('heading', { level: 1, name: `Answer: ${TITLE}` }).waitFor();
    await page.getByRole('link', { name: 'On-site', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `On-site assessment: ${TITLE}` }).waitFor();
    await page.getByText('No contacts yet.').waitFor();
    await checkA11y(page, 'the empty on-site page');

    // A contact, with markup in the name.
    await page.getByRole('button', { name: 'Add a contact' }).click();
    const contactForm = page.getByRole('form', { name: 'New contact' });
    await contactForm.getByLabel('Name', { exact: true }).fill(CONTACT);
    await contactForm.getByLabel('Role', { exact: true }).fill('CA operator');
    await contactForm.getByLabel('Team', { exact: true }).fill('PKI team');
    await pickRequirement(page, 'New contact', first);
    await checkA11y(page, 'the contact form');
    await contactForm.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Contact saved.' }).waitFor();
    const contactRow = page.getByTestId('contacts-table').locator('tbody tr');
    await waitUntil(async () => (await contactRow.count()) === 1);
    expect(await contactRow.locator('th').innerText()).toBe(CONTACT);
    expect(await contactRow.innerText()).toContain(label(first));

    // An artifact whose locator looks like a script URL.
    await page.getByRole('button', { name: 'Add an artifact' }).click();
    const artifactForm = page.getByRole('form', { name: 'New artifact' });
    await artifactForm.getByLabel('Title', { exact: true }).fill('Key ceremony script');
    await artifactForm.getByLabel('Owner', { exact: true }).fill('PKI team');
    await artifactForm.getByLabel('Version', { exact: true }).fill('1.4');
    await artifactForm.getByLabel('Date', { exact: true }).fill('2026-10-01');
    await artifactForm.getByLabel('Locator', { exact: true }).fill(LOCATOR);
    await pickRequirement(page, 'New artifact', first);
    await artifactForm.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Artifact saved.' }).waitFor();
    const artifacts = page.getByTestId('artifacts-table');
    await artifacts.getByTestId('locator').waitFor();
    expect(await artifacts.getByTestId('locator').innerText()).toBe(LOCATOR);
    // Shown as text: no link anywhere in the table, and no link on the page points to it.
    expect(await artifacts.locator('a').count()).toBe(0);
    expect(await page.locator('a[href^="javascript"]').count()).toBe(0);
    expect(await artifacts.locator('tbody tr').innerText()).toContain('2026-10-01');

    // An interview with the contact and two requirements, markup in its notes.
    await page.getByRole('button', { name: 'Add an interview' }).click();
    const interviewForm = page.getByRole('form', { name: 'New interview' });
    await interviewForm.getByLabel('Date', { exact: true }).fill('2026-11-30');
    await interviewForm.getByLabel('Notes', { exact: true }).fill(NOTES);
    await interviewForm.getByRole('checkbox', { name: `${CONTACT} (CA operator)`, exact: true }).check();
    await pickRequirement(page, 'New interview', first);
    await pickRequirement(page, 'New interview', second);
    expect(await interviewForm.getByText('2 chosen').count()).toBe(1);
    await interviewForm.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Interview saved.' }).waitFor();
    const interviewRow = page.getByTestId('interviews-table').locator('tbody tr');
    await waitUntil(async () => (await interviewRow.count()) === 1);
    const interviewText = await interviewRow.innerText();
    expect(interviewText).toContain(CONTACT);
    expect(interviewText).toContain(label(first));
    expect(interviewText).toContain(label(second));
    expect(await interviewRow.locator('.prewrap').innerText()).toBe(NOTES);

    // The markup stayed text: no element was made of it and its handler never ran.
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('main b').count()).toBe(0);
    expect(await page.evaluate(() => (window as { pwned?: unknown }).pwned)).toBeUndefined();

    // The server stored what the forms sent, linked as chosen.
    const [contact] = await entries(page, id, 'contacts');
    const [interview] = await entries(page, id, 'interviews');
    expect(contact).toMatchObject({ name: CONTACT, role: 'CA operator', requirements: [first.key] });
    expect(interview?.interviewees).toEqual([contact?.id]);
    expect([...(interview?.requirements ?? [])].sort()).toEqual([first.key, second.key].sort());
    await checkA11y(page, 'the on-site page with entries');
    await screenshot(page, 'onsite');
    expect(problems.errors).toEqual([]);
  });

  it('edits the contact and is refused, with the reason, when deleting a contact an interview names', async () => {
    const row = page.getByTestId('contacts-table').locator('tbody tr');
    await row.getByRole('button', { name: `Edit ${CONTACT}` }).click();
    const form = page.getByRole('form', { name: `Edit ${CONTACT}` });
    expect(await form.getByLabel('Role', { exact: true }).inputValue()).toBe('CA operator');
    await form.getByLabel('Role', { exact: true }).fill('CA administrator');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Contact saved.' }).waitFor();
    await waitUntil(async () => (await row.innerText()).includes('CA administrator'));
    expect((await entries(page, id, 'contacts'))[0]?.role).toBe('CA administrator');

    await row.getByRole('button', { name: `Delete ${CONTACT}` }).click();
    const confirm = page.getByRole('group', { name: `Delete ${CONTACT} for good?` });
    await checkA11y(page, 'the delete confirmation');
    await confirm.getByRole('button', { name: 'Yes, delete' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'interviewee of 1 interview' });
    await refused.waitFor();
    expect(await entries(page, id, 'contacts')).toHaveLength(1);
    expect(await row.count()).toBe(1);

    // A contact nobody names goes.
    const added = await call(page, 'POST', `/assessments/${id}/contacts`, { name: 'Temp Person' });
    expect(added.status).toBe(201);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: `On-site assessment: ${TITLE}` }).waitFor();
    await waitUntil(async () => (await row.count()) === 2);
    await row.getByRole('button', { name: 'Delete Temp Person' }).click();
    await page
      .getByRole('group', { name: 'Delete Temp Person for good?' })
      .getByRole('button', { name: 'Yes, delete' })
      .click();
    await page.getByRole('status').filter({ hasText: 'Temp Person deleted.' }).waitFor();
    await waitUntil(async () => (await row.count()) === 1);
    expect((await entries(page, id, 'contacts')).map((c) => c.name)).toEqual([CONTACT]);
    expect(problems.errors).toEqual([]);
  });

  it("lists everything linked to a requirement in the requirement's on-site API", async () => {
    const [first, second, third] = requirements;
    if (!first || !second || !third) throw new Error('the model has fewer than three requirements');
    const of = async (key: string) =>
      (await call(page, 'GET', `/assessments/${id}/requirements/${encodeURIComponent(key)}/onsite`))
        .body as Record<'contacts' | 'artifacts' | 'interviews', Entry[]>;
    const linked = await of(first.key);
    expect(linked.contacts.map((c) => c.name)).toEqual([CONTACT]);
    expect(linked.artifacts.map((a) => [a.title, a.locator])).toEqual([['Key ceremony script', LOCATOR]]);
    expect(linked.interviews).toHaveLength(1);
    const onlyInterview = await of(second.key);
    expect([onlyInterview.contacts, onlyInterview.artifacts, onlyInterview.interviews.length]).toEqual([
      [],
      [],
      1,
    ]);
    const none = await of(third.key);
    expect([none.contacts, none.artifacts, none.interviews]).toEqual([[], [], []]);
  });

  it('shows a viewer the tables and no forms', async () => {
    const viewer = accounts[1];
    if (!viewer || !browser) throw new Error('setup failed');
    const other = await openPage(browser.browser, viewer.url);
    try {
      await signIn(other.page, viewer);
      await other.page.goto(`/#/assessments/${id}/onsite`);
      await other.page.getByRole('heading', { level: 1, name: `On-site assessment: ${TITLE}` }).waitFor();
      await other.page.getByText('Your role here is Viewer: you can read the registers').waitFor();
      for (const kind of ['contacts', 'artifacts', 'interviews'])
        expect(await other.page.getByTestId(`${kind}-table`).locator('tbody tr').count()).toBe(1);
      expect(await other.page.getByTestId('contacts-table').locator('th[scope=row]').innerText()).toBe(
        CONTACT,
      );
      expect(await other.page.getByTestId('locator').innerText()).toBe(LOCATOR);
      for (const name of ['Add a contact', 'Add an artifact', 'Add an interview', 'Open workshop'])
        expect(await other.page.getByRole('button', { name }).count()).toBe(0);
      expect(await other.page.getByRole('button', { name: /^(Edit|Delete) / }).count()).toBe(0);
      expect(await other.page.getByRole('form').count()).toBe(0);
      expect(await other.page.evaluate(() => (window as { pwned?: unknown }).pwned)).toBeUndefined();
      await checkA11y(other.page, "the viewer's on-site page");
      await screenshot(other.page, 'onsite-viewer');
      // Around the UI the server refuses the viewer's write too.
      const refused = await call(other.page, 'POST', `/assessments/${id}/contacts`, { name: 'Sneaky' });
      expect(refused.status).toBe(403);

      // The page in German: headings and the role note are translated, the entries stay as written.
      await other.page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Deutsch' });
      await other.page.getByRole('heading', { level: 1, name: `Bewertung vor Ort: ${TITLE}` }).waitFor();
      await other.page.getByText('Ihre Rolle hier ist Betrachter: Sie können die Register lesen').waitFor();
      for (const heading of ['Kontakte', 'Artefakte', 'Interviews', 'Workshops'])
        await other.page.getByRole('heading', { level: 2, name: heading, exact: true }).waitFor();
      expect(await other.page.getByTestId('locator').innerText()).toBe(LOCATOR);
      await checkA11y(other.page, "the viewer's on-site page in German");
      expect(other.problems.errors).toEqual([]);
    } finally {
      await other.context.close();
    }
  });
});

/**
 * The assurance page in Chromium against a real server with five named accounts, each person in
 * their own browser context. Formal: the owner invites members, names an assessor and two
 * approvers and sets the profile; the assessor rates (one requirement at level 3); an approval
 * is refused for the missing evidence (listed by requirement), then the evidence is reviewed;
 * one approver approves, the other rejects with a comment and then approves, which signs off;
 * the verify page says valid, the attestation names assessor and approvers, the answer page is
 * read-only and a correction links both ways. Third party: an invited assessor is blocked until
 * they state independence and qualification, then rates, and the sign-off attests a third-party
 * assessment. An approver who rated is refused. Hostile text renders as text; axe runs on each
 * main state; the German heading renders; console errors fail the test.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y } from './support/a11y.js';
import { levelRadio, openAnswerPage, storedAssessment, waitForSaved } from './support/answers.js';
import { jwsPayload, openAssurance, signedIn, type Person } from './support/assurance-flows.js';
import { launchBrowser, type TestBrowser } from './support/browser.js';
import { createAssessment, ensureOrganisation, waitUntil } from './support/flows.js';
import { type BrowserTestServer, startServerWithAccounts } from './support/server.js';
import { screenshot } from './support/screenshot.js';

const HOSTILE = '<img src=x onerror=window.pwned=1>';
const PEOPLE = {
  owner: { email: 'owner@example.test', name: 'Olga Owner' },
  assessor: { email: 'assessor@example.test', name: 'Asa Assessor' },
  pki: { email: 'pki-owner@example.test', name: 'Pia PKI-Owner' },
  ciso: { email: 'ciso@example.test', name: 'Carl CISO' },
  external: { email: 'external@example.test', name: 'Erik External' },
} as const;
type Who = keyof typeof PEOPLE;

interface SignOffClaim {
  assessment: { type: string };
  signOff?: { version: number; assessors: { name: string }[]; approvers: { name: string }[] };
}

/** The first two requirements of the 2.0.0 model: the first two items of a full assessment. */
async function firstRequirements(page: Page) {
  const response = await page.request.get('/api/v1/models/pkimm/2.0.0');
  const model = (await response.json()) as {
    modules: { categories: { requirements: { key: string; position: string; name: string }[] }[] }[];
  };
  const [first, second] = model.modules.flatMap((m) => m.categories.flatMap((c) => c.requirements));
  if (!first || !second) throw new Error('the model has fewer than two requirements');
  return { first, second };
}

async function setType(page: Page, id: string, type: 'Formal' | 'Third party'): Promise<void> {
  await openAnswerPage(page, id);
  await page.getByText('Assessment details: title, type and scope').click();
  await page.getByRole('radio', { name: type, exact: true }).check();
  await page.getByRole('button', { name: 'Save details' }).click();
  await page.getByRole('status').filter({ hasText: 'Details saved.' }).waitFor();
}

async function setStatus(page: Page, id: string, status: 'in-review'): Promise<void> {
  await openAnswerPage(page, id);
  await page.getByRole('combobox', { name: 'Status' }).selectOption(status);
  await waitUntil(async () => (await storedAssessment(page, id)).status === status);
}

/** Rates the current item of the answer page and waits until the server has it. */
async function rate(page: Page, level: number): Promise<void> {
  await levelRadio(page, level).check();
  await waitForSaved(page);
}

async function addParticipant(page: Page, who: Who, role: string): Promise<void> {
  const form = page.getByRole('region', { name: 'Add a participant' });
  const person = PEOPLE[who];
  const option = await form
    .getByRole('combobox', { name: 'Person' })
    .locator('option', { hasText: person.email })
    .getAttribute('value');
  await form.getByRole('combobox', { name: 'Person' }).selectOption(option ?? '');
  await form.getByRole('combobox', { name: 'Participant role' }).selectOption({ label: role });
  await form.getByRole('button', { name: 'Add participant' }).click();
  await page.getByRole('row', { name: new RegExp(`${person.name}.*${role}`) }).waitFor();
}

async function saveProfile(page: Page, evidence: string, approvers: Who[]): Promise<void> {
  const section = page.getByRole('region', { name: 'Assurance profile' });
  await section
    .getByRole('combobox', { name: 'Evidence needed from level' })
    .selectOption({ label: evidence });
  for (const who of approvers) await section.getByRole('checkbox', { name: PEOPLE[who].name }).check();
  await section.getByRole('button', { name: 'Save profile' }).click();
  await section.getByRole('status').filter({ hasText: 'Profile saved.' }).waitFor();
}

/** Approves or rejects on the assurance page; waits for the page's answer (a status or an alert). */
async function decide(page: Page, decision: 'Approve' | 'Reject', comment = ''): Promise<void> {
  const form = page.getByRole('region', { name: 'Your decision' });
  await form.getByRole('textbox', { name: 'Comment' }).fill(comment);
  await form.getByRole('button', { name: decision }).click();
  await Promise.race([
    form.getByRole('status').waitFor(),
    form.getByRole('alert').filter({ hasText: /\S/ }).waitFor(),
    page.getByText(/^Signed off on /).waitFor(),
  ]);
}

async function attestationOf(page: Page, id: string): Promise<{ claim: SignOffClaim; verifyUrl: string }> {
  const list = (await (await page.request.get(`/api/v1/assessments/${id}/attestations`)).json()) as {
    jws: string;
    verifyUrl: string;
  }[];
  const [attestation] = list;
  if (!attestation) throw new Error('no attestation');
  return { claim: jwsPayload(attestation.jws) as SignOffClaim, verifyUrl: attestation.verifyUrl };
}

describe('formal and third-party assurance', { timeout: 600_000 }, () => {
  let accounts: BrowserTestServer[] = [];
  let browser: TestBrowser | undefined;
  const people = {} as Record<Who, Person>;
  let orgId = '';

  const account = (who: Who) => {
    const found = accounts[Object.keys(PEOPLE).indexOf(who)];
    if (!found) throw new Error(`no account for ${who}`);
    return found;
  };
  const as = async (who: Who): Promise<Person> => {
    if (!browser) throw new Error('no browser');
    people[who] ??= await signedIn(browser.browser, account(who));
    return people[who];
  };

  beforeAll(async () => {
    const [first, ...rest] = Object.values(PEOPLE);
    if (!first) throw new Error('no people');
    ({ accounts } = await startServerWithAccounts([first, ...rest]));
    browser = await launchBrowser();
    const owner = await as('owner');
    orgId = await ensureOrganisation(owner.page, 'Assurance Ltd');
    // The members every flow names, invited on the Members page.
    await owner.page.goto(`/#/orgs/${orgId}/members`);
    const form = owner.page.getByRole('region', { name: 'Invite a member' });
    for (const [who, role] of [
      ['assessor', 'assessor'],
      ['pki', 'viewer'],
      ['ciso', 'viewer'],
    ] as const) {
      await form.getByRole('textbox', { name: 'Email' }).fill(PEOPLE[who].email);
      await form.getByRole('combobox', { name: 'Role' }).selectOption(role);
      await form.getByRole('button', { name: 'Invite' }).click();
      await owner.page
        .getByRole('row', { name: new RegExp(PEOPLE[who].email.replace('.', '\\.')) })
        .waitFor();
    }
  }, 180_000);

  afterAll(async () => {
    for (const person of Object.values(people)) {
      expect(person.problems.errors).toEqual([]);
      await person.context.close();
    }
    await browser?.close();
    await accounts[0]?.stop();
  });

  it('carries a formal assessment from participants to a signed attestation and a correction', async () => {
    const owner = (await as('owner')).page;
    const id = await createAssessment(owner, orgId, { title: 'Formal 2026', mode: 'full' });
    await setType(owner, id, 'Formal');
    const { first, second } = await firstRequirements(owner);

    await openAssurance(owner, id);
    await owner.getByText('Nobody is named yet').waitFor();
    await checkA11y(owner, 'the assurance page without participants');
    await addParticipant(owner, 'assessor', 'Assessor');
    await addParticipant(owner, 'pki', 'Approver');
    await addParticipant(owner, 'ciso', 'Approver');
    // A role given by mistake is taken back; the other role of the same person stays.
    await addParticipant(owner, 'ciso', 'Reviewer');
    await owner.getByRole('button', { name: `Remove ${PEOPLE.ciso.name} as Reviewer` }).click();
    await owner.getByRole('status').filter({ hasText: 'Participant removed.' }).waitFor();
    await waitUntil(
      async () =>
        (await owner.getByRole('button', { name: `Remove ${PEOPLE.ciso.name} as Reviewer` }).count()) === 0,
    );
    expect(await owner.getByRole('button', { name: `Remove ${PEOPLE.ciso.name} as Approver` }).count()).toBe(
      1,
    );
    const rows = owner.getByRole('table', { name: 'Participants of this assessment' }).getByRole('row');
    expect(await rows.count()).toBe(4);
    await saveProfile(owner, 'Level 3 Advanced', ['pki', 'ciso']);
    const signoff = owner.getByTestId('signoff');
    await signoff.getByText('The assessment is a draft').waitFor();
    await signoff.getByText(`Approval by: ${PEOPLE.pki.name}, ${PEOPLE.ciso.name}`).waitFor();
    await checkA11y(owner, 'the assurance page with participants and a profile');

    // The assessor rates two requirements; the first at 3 needs evidence, the second at 2 does not.
    const assessor = (await as('assessor')).page;
    await openAnswerPage(assessor, id);
    await rate(assessor, 3);
    await assessor.getByRole('button', { name: 'Next' }).click();
    await assessor.getByRole('heading', { level: 2, name: `${second.position} ${second.name}` }).waitFor();
    await rate(assessor, 2);

    await setStatus(owner, id, 'in-review');

    // Approving without reviewed evidence is refused, and the page names the requirement.
    const pki = (await as('pki')).page;
    await openAssurance(pki, id);
    await decide(pki, 'Approve');
    const alert = pki.getByRole('region', { name: 'Your decision' }).getByRole('alert');
    await alert.getByText('Requirements that need evidence reviewed as supporting:').waitFor();
    const gaps = await alert.getByRole('listitem').allTextContents();
    expect(gaps).toEqual([`${first.position} ${first.name}`]);
    await checkA11y(pki, 'the assurance page with an evidence refusal');

    // The assessor reviews the first requirement's evidence in the answer page's review panel.
    await assessor.getByRole('button', { name: 'Previous' }).click();
    await assessor.getByRole('heading', { level: 2, name: `${first.position} ${first.name}` }).waitFor();
    const review = assessor.getByRole('region', { name: 'Review', exact: true });
    await review.getByRole('combobox', { name: 'Evidence review' }).selectOption('reviewed-supports');
    await review.getByLabel('Review comment').fill('Signed CP/CPS and the last audit letter.');
    await review.getByRole('button', { name: 'Save review' }).click();
    await review.getByRole('status').filter({ hasText: 'Review saved.' }).waitFor();
    await openAssurance(pki, id);
    await decide(pki, 'Approve', 'Evidence checked.');
    await pki
      .getByRole('status')
      .filter({ hasText: /^Your approval of version \d+ is recorded\.$/ })
      .waitFor();
    // Once the page has read the decision back, only the second approver is pending.
    await pki
      .getByTestId('pending-approvers')
      .filter({ hasText: new RegExp(`^Still to approve: ${PEOPLE.ciso.name}$`) })
      .waitFor();

    // The second approver rejects first; the comment is shown as text, never as markup.
    const ciso = (await as('ciso')).page;
    await openAssurance(ciso, id);
    await decide(ciso, 'Reject', HOSTILE);
    const history = ciso.getByRole('table', { name: 'Every decision, oldest first' });
    await history.getByRole('row', { name: new RegExp(PEOPLE.ciso.name) }).waitFor();
    expect(await history.getByRole('cell', { name: HOSTILE }).count()).toBe(1);
    expect(await ciso.evaluate(() => (window as { pwned?: unknown }).pwned)).toBeUndefined();
    const named = ciso.getByRole('table', { name: /^Named approvers/ });
    expect(await named.getByRole('row', { name: new RegExp(PEOPLE.ciso.name) }).textContent()).toContain(
      'Rejected',
    );
    expect(await named.getByRole('row', { name: new RegExp(PEOPLE.pki.name) }).textContent()).toContain(
      'Approved',
    );

    await decide(ciso, 'Approve', 'Now convinced.');
    await ciso.getByText(/^Signed off on .* \(version \d+\)\.$/).waitFor();
    expect(await ciso.getByTestId('signoff').textContent()).toContain(
      `Approved by: ${PEOPLE.pki.name}, ${PEOPLE.ciso.name}`,
    );
    expect(await ciso.getByRole('region', { name: 'Your decision' }).count()).toBe(0);
    await checkA11y(ciso, 'the signed-off assurance page');
    await screenshot(ciso, 'assurance-signed-off');

    // The verify page and the attestation behind it.
    const verifyHref = await ciso
      .getByRole('link', { name: 'Verify the signed attestation' })
      .getAttribute('href');
    const { claim, verifyUrl } = await attestationOf(owner, id);
    expect(verifyHref).toBe(verifyUrl);
    const record = await storedAssessment(owner, id);
    expect(record.status).toBe('final');
    expect(claim.assessment.type).toBe('formal');
    expect(claim.signOff?.assessors.map((p) => p.name)).toEqual([PEOPLE.assessor.name]);
    expect(claim.signOff?.approvers.map((p) => p.name).sort()).toEqual(
      [PEOPLE.ciso.name, PEOPLE.pki.name].sort(),
    );
    const verify = await ciso.context().newPage();
    await verify.goto(verifyHref ?? '');
    expect(await verify.getByRole('status').textContent()).toMatch(/^Valid\./);
    expect(await verify.getByRole('row', { name: /^Type/ }).textContent()).toContain('formal');
    // The public page names who rated and who approved, from the signed claim.
    expect(await verify.getByRole('row', { name: /^Rated by/ }).textContent()).toContain(
      PEOPLE.assessor.name,
    );
    const approvedBy = (await verify.getByRole('row', { name: /^Approved by/ }).textContent()) ?? '';
    for (const person of [PEOPLE.pki, PEOPLE.ciso]) expect(approvedBy).toContain(person.name);
    await verify.close();

    // Frozen: the answer page is read-only.
    await openAssurance(owner, id);
    await owner.getByText(/^Signed off on /).waitFor();
    await openAnswerPage(owner, id);
    await owner.getByText('This assessment is final and read-only.').waitFor();
    for (let level = 1; level <= 5; level++) expect(await levelRadio(owner, level).isDisabled()).toBe(true);

    // A correction, linked both ways.
    await openAssurance(owner, id);
    await owner.getByRole('textbox', { name: 'Reason for the correction' }).fill(HOSTILE);
    await owner.getByRole('button', { name: 'Create correction' }).click();
    const created = owner.getByRole('status').filter({ hasText: 'Correction created:' });
    await created.waitFor();
    const link = owner
      .getByRole('region', { name: 'Corrections' })
      .getByRole('list')
      .getByRole('link', { name: 'Formal 2026 (correction)' });
    await link.waitFor();
    expect(await owner.getByRole('region', { name: 'Corrections' }).textContent()).toContain(
      `Reason: ${HOSTILE}`,
    );
    expect(await owner.evaluate(() => (window as { pwned?: unknown }).pwned)).toBeUndefined();
    await created.getByRole('link').click();
    await owner.getByRole('heading', { level: 1, name: 'Assurance: Formal 2026 (correction)' }).waitFor();
    const back = owner
      .getByRole('region', { name: 'Corrections' })
      .getByRole('link', { name: 'Formal 2026' });
    await back.waitFor();
    expect(await storedAssessment(owner, new URL(owner.url()).hash.split('/')[2] ?? '')).toMatchObject({
      status: 'draft',
    });
    await checkA11y(owner, 'the assurance page of a correction');
    await back.click();
    await owner.getByRole('heading', { level: 1, name: 'Assurance: Formal 2026' }).waitFor();
  });

  it('blocks an invited assessor until the statement, then signs off a third-party assessment', async () => {
    const owner = (await as('owner')).page;
    const id = await createAssessment(owner, orgId, { title: 'Third party 2026', mode: 'full' });
    await setType(owner, id, 'Third party');

    // The invitation is made on the Members page, as before the workflow existed.
    await owner.goto(`/#/orgs/${orgId}/members`);
    const grant = owner.getByRole('region', { name: 'Invite an external assessor to one assessment' });
    await grant.getByRole('combobox', { name: 'Assessment' }).selectOption(id);
    await grant.getByRole('textbox', { name: 'Assessor email' }).fill(PEOPLE.external.email);
    await grant.getByRole('button', { name: 'Grant access' }).click();
    await owner.getByRole('status').filter({ hasText: 'Access granted.' }).waitFor();

    await openAssurance(owner, id);
    const person = owner
      .getByRole('region', { name: 'Add a participant' })
      .getByRole('combobox', { name: 'Person' });
    expect(await person.locator('option', { hasText: PEOPLE.external.email }).textContent()).toContain(
      'invited',
    );
    await addParticipant(owner, 'external', 'Assessor');
    await addParticipant(owner, 'pki', 'Approver');
    await saveProfile(owner, 'No evidence needed', ['pki']);
    const row = owner.getByRole('row', { name: new RegExp(PEOPLE.external.name) });
    expect(await row.textContent()).toContain('Not stated');

    const external = (await as('external')).page;
    await openAssurance(external, id);
    await external.getByText('Until you state your independence and qualification here').waitFor();
    await checkA11y(external, 'the assurance page of an invited assessor before the statement');
    // The answer page keeps the level controls off until the statement, and leads here.
    await openAnswerPage(external, id);
    await external.getByTestId('participation-notice').waitFor();
    for (let level = 1; level <= 5; level++)
      expect(await levelRadio(external, level).isDisabled()).toBe(true);
    await external.getByRole('link', { name: 'State your independence on the Assurance page' }).click();
    await external.getByRole('heading', { level: 1, name: /^Assurance: / }).waitFor();

    await external
      .getByRole('textbox', { name: 'Independence' })
      .fill(`No ties to the organisation. ${HOSTILE}`);
    await external.getByRole('textbox', { name: 'Qualification' }).fill('Ten years of PKI audits.');
    await external.getByRole('button', { name: 'Give statement' }).click();
    await external.getByText(/^You stated this on /).waitFor();
    await external.getByText(`No ties to the organisation. ${HOSTILE}`).waitFor();
    expect(await external.evaluate(() => (window as { pwned?: unknown }).pwned)).toBeUndefined();
    expect(await external.getByText('Until you state your independence').count()).toBe(0);
    await checkA11y(external, 'the assurance page of an invited assessor after the statement');

    await openAnswerPage(external, id);
    await rate(external, 4);

    await setStatus(owner, id, 'in-review');
    const pki = (await as('pki')).page;
    await openAssurance(pki, id);
    await decide(pki, 'Approve');
    await pki.getByText(/^Signed off on /).waitFor();

    const { claim } = await attestationOf(owner, id);
    expect((await storedAssessment(owner, id)).status).toBe('final');
    expect(
      ((await (await owner.request.get(`/api/v1/assessments/${id}`)).json()) as { type: string }).type,
    ).toBe('third-party');
    expect(claim.assessment.type).toBe('third-party');
    expect(claim.signOff?.assessors.map((p) => p.name)).toEqual([PEOPLE.external.name]);
    expect(claim.signOff?.approvers.map((p) => p.name)).toEqual([PEOPLE.pki.name]);
    const href = await pki.getByRole('link', { name: 'Verify the signed attestation' }).getAttribute('href');
    const verify = await pki.context().newPage();
    await verify.goto(href ?? '');
    expect(await verify.getByRole('status').textContent()).toMatch(/^Valid\./);
    expect(await verify.getByRole('row', { name: /^Type/ }).textContent()).toContain('third-party');
    await verify.close();
  });

  it('refuses an approver who rated, and shows the page in German', async () => {
    const owner = (await as('owner')).page;
    const id = await createAssessment(owner, orgId, { title: 'Own rating', mode: 'self' });
    await openAnswerPage(owner, id);
    await rate(owner, 2);
    await openAssurance(owner, id);
    await saveProfile(owner, 'No evidence needed', ['owner']);
    await setStatus(owner, id, 'in-review');
    await openAssurance(owner, id);
    await decide(owner, 'Approve');
    await owner
      .getByRole('region', { name: 'Your decision' })
      .getByRole('alert')
      .filter({ hasText: 'nobody approves their own rating' })
      .waitFor();
    expect(await owner.getByText('No decisions yet.').count()).toBe(1);

    await owner.getByRole('combobox', { name: 'Language' }).selectOption('de');
    await owner.getByRole('heading', { level: 1, name: 'Prüfung und Freigabe: Own rating' }).waitFor();
    await owner.getByRole('heading', { level: 2, name: 'Mitwirkende' }).waitFor();
    await checkA11y(owner, 'the assurance page in German');
    await owner.getByRole('combobox', { name: 'Sprache' }).selectOption('en');
    await owner.getByRole('heading', { level: 1, name: 'Assurance: Own rating' }).waitFor();
  });
});

/**
 * A requirement of a full assessment annotated in Chromium: notes, evidence text, "Flag for
 * follow-up", "Mark complete", a link and an uploaded file. After a reload all of it is on the
 * page again, and the server stored it (the answer document and the evidence list, and the
 * file's bytes). axe runs on the answer page; console errors fail the test.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y } from './support/a11y.js';
import { openAnswerPage, storedAssessment, waitForSaved, type StoredEntry } from './support/answers.js';
import { launchBrowser, openPage, type PageProblems, type TestBrowser } from './support/browser.js';
import { createAssessment, ensureOrganisation, signIn } from './support/flows.js';

import { screenshot } from './support/screenshot.js';
import { startServer, type BrowserTestServer } from './support/server.js';

interface StoredRequirement extends StoredEntry {
  flagged?: boolean;
  completed?: boolean;
}

interface EvidenceItem {
  id: string;
  kind: 'text' | 'link' | 'file';
  title: string;
  url: string | null;
  fileName: string | null;
  contentType: string | null;
  size: number | null;
  requirements: string[];
}

// The textareas sit inside their <label>, so their accessible name is "Notes" followed by the text
// in them; they are found by the start of the name.
const notesBox = (page: Page) => page.getByRole('textbox', { name: /^Notes/ });
const evidenceBox = (page: Page) => page.getByRole('textbox', { name: /^Evidence/ });

const NOTES = 'Checked the CP/CPS review minutes';
const EVIDENCE = 'Strategy document v3, approved by the board';
const LINK_TITLE = 'PKI strategy on the intranet';
const LINK_URL = 'https://intranet.example.test/pki/strategy';
const FILE_TITLE = 'Board minutes';
const FILE_TEXT = 'Minutes of the board meeting: the PKI strategy was approved.\n';

describe('notes, evidence, flags, links and files on a requirement', { timeout: 240_000 }, () => {
  let server: BrowserTestServer | undefined;
  let browser: TestBrowser | undefined;
  let page: Page;
  let problems: PageProblems;
  let id = '';
  beforeAll(async () => {
    server = await startServer('evidence@example.test');
    browser = await launchBrowser();
    ({ page, problems } = await openPage(browser.browser, server.url));
    await signIn(page, server);
    const orgId = await ensureOrganisation(page, 'Evidence Ltd');
    id = await createAssessment(page, orgId, { title: 'Full with evidence', mode: 'full' });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function checkPage(): Promise<void> {
    expect(await notesBox(page).inputValue()).toBe(NOTES);
    expect(await evidenceBox(page).inputValue()).toBe(EVIDENCE);
    expect(await page.getByRole('checkbox', { name: 'Flag for follow-up' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Mark complete' }).isChecked()).toBe(true);
    const link = page.getByRole('link', { name: LINK_TITLE });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(LINK_URL);
    await page.getByRole('link', { name: `Download ${FILE_TITLE}` }).waitFor();
  }

  it('saves every kind of annotation and finds it again after a reload', async () => {
    await openAnswerPage(page, id);
    const itemTitle = (await page.locator('#item-title').textContent()) ?? '';
    await notesBox(page).fill(NOTES);
    await page.keyboard.press('Tab');
    await waitForSaved(page);
    await evidenceBox(page).fill(EVIDENCE);
    await page.keyboard.press('Tab');
    await waitForSaved(page);
    await page.getByRole('checkbox', { name: 'Flag for follow-up' }).check();
    await waitForSaved(page);
    await page.getByRole('checkbox', { name: 'Mark complete' }).check();
    await waitForSaved(page);

    await page.getByLabel('Link title', { exact: true }).fill(LINK_TITLE);
    await page.getByLabel('Link URL', { exact: true }).fill(LINK_URL);
    await page.getByRole('button', { name: 'Add link' }).click();
    await page.getByRole('link', { name: LINK_TITLE }).waitFor();

    await page.getByLabel('File title', { exact: true }).fill(FILE_TITLE);
    await page.getByLabel('File', { exact: true }).setInputFiles({
      name: 'minutes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(FILE_TEXT, 'utf8'),
    });
    await page.getByRole('button', { name: 'Upload file' }).click();
    await page
      .getByRole('link', { name: `Download ${FILE_TITLE}` })
      .waitFor()
      .catch(async (error: unknown) => {
        await screenshot(page, 'failed-more-evidence-upload');
        throw error;
      });
    await checkA11y(page, 'the answer page with evidence');
    await screenshot(page, 'more-evidence');

    await page.reload();
    await page.locator('#item-title').waitFor();
    await waitForSaved(page);
    expect(await page.locator('#item-title').textContent()).toBe(itemTitle);
    await checkPage();
    await checkA11y(page, 'the answer page with evidence, after a reload');

    // What the server stored.
    const stored = await storedAssessment(page, id);
    const entries = Object.entries(stored.document.requirements ?? {}) as [string, StoredRequirement][];
    const annotated = entries.filter(([, entry]) => entry.notes !== undefined && entry.notes !== null);
    expect(annotated).toHaveLength(1);
    const [key, entry] = annotated[0] ?? ['', {}];
    expect(entry).toMatchObject({ notes: NOTES, evidence: EVIDENCE, flagged: true, completed: true });

    const response = await page.request.get(`/api/v1/assessments/${id}/evidence`);
    expect(response.ok()).toBe(true);
    const { evidence } = (await response.json()) as { evidence: EvidenceItem[] };
    const link = evidence.find((e) => e.kind === 'link');
    const file = evidence.find((e) => e.kind === 'file');
    expect(evidence).toHaveLength(2);
    expect(link).toMatchObject({ title: LINK_TITLE, url: LINK_URL, requirements: [key] });
    expect(file).toMatchObject({
      title: FILE_TITLE,
      fileName: 'minutes.txt',
      size: Buffer.byteLength(FILE_TEXT),
      requirements: [key],
    });
    expect(file?.contentType).toMatch(/^text\/plain/);
    const content = await page.request.get(`/api/v1/evidence/${file?.id ?? ''}/content`);
    expect(content.ok()).toBe(true);
    expect(await content.text()).toBe(FILE_TEXT);
    expect(problems.errors).toEqual([]);
  });

  it('removes the link after a second confirmation, and keeps the file', async () => {
    await page.getByRole('button', { name: `Remove ${LINK_TITLE}` }).click();
    const confirm = page.getByRole('group', { name: `Remove ${LINK_TITLE} for good?` });
    // "Keep it" changes nothing.
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    await page.getByRole('link', { name: LINK_TITLE }).waitFor();
    await page.getByRole('button', { name: `Remove ${LINK_TITLE}` }).click();
    await confirm.getByRole('button', { name: 'Yes, remove' }).click();
    await page.getByRole('link', { name: LINK_TITLE }).waitFor({ state: 'detached' });
    await page.getByRole('link', { name: `Download ${FILE_TITLE}` }).waitFor();
    const response = await page.request.get(`/api/v1/assessments/${id}/evidence`);
    const { evidence } = (await response.json()) as { evidence: EvidenceItem[] };
    expect(evidence.map((e) => e.kind)).toEqual(['file']);
    await checkA11y(page, 'the answer page after removing a link');
    expect(problems.errors).toEqual([]);
  });

  it('changes the title, type and scope after creation in the details form', async () => {
    await page.getByText('Assessment details: title, type and scope').click();
    const details = page.locator('details.details-form');
    await details.getByRole('textbox', { name: 'Title' }).fill('Full with evidence, renamed');
    await details.getByRole('radio', { name: 'Third party' }).check();
    await details.getByRole('textbox', { name: 'Use case description' }).fill('The TLS issuing CA');
    await details.getByRole('textbox', { name: 'Organisation assessed' }).fill('Evidence Ltd, group PKI');
    await details.getByRole('textbox', { name: 'Assessor name' }).fill('Ada Auditor');
    await details.getByRole('textbox', { name: 'Assessor company' }).fill('Audit & Co');
    await details.getByRole('radio', { name: 'External' }).check();
    await details.getByLabel('Start date').fill('2026-11-02');
    await details.getByRole('button', { name: 'Save details' }).click();
    await details.getByRole('status').filter({ hasText: 'Details saved.' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Answer: Full with evidence, renamed' }).waitFor();
    const stored = await storedAssessment(page, id);
    expect(stored.title).toBe('Full with evidence, renamed');
    expect(stored.document.scope).toEqual({ description: 'The TLS issuing CA' });
    expect((stored as unknown as { type: string }).type).toBe('third-party');
    expect(stored.document).toMatchObject({
      organisation: 'Evidence Ltd, group PKI',
      assessor: { name: 'Ada Auditor', company: 'Audit & Co', position: 'external' },
      dates: { start: '2026-11-02' },
    });
    await checkA11y(page, 'the details form');
    await screenshot(page, 'more-evidence-details');
    // The answers are untouched by a change of details.
    const key = Object.keys(stored.document.requirements ?? {})[0] ?? '';
    expect(stored.document.requirements?.[key]).toMatchObject({ notes: NOTES, evidence: EVIDENCE });
    expect(problems.errors).toEqual([]);
  });
});

/**
 * Reports, exports, imports and attestations from the results page, in Chromium against a real
 * server. Every file the page offers is downloaded and read back by an independent reader:
 * PDFs with pdftotext, the workbook with exceljs, JSON by parsing it. A changed export is
 * imported back with "merge" and with "keep both"; a final assessment is attested and its public
 * verification page says it is valid.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
// Through the project's loader: importing exceljs directly pulls its global Buffer typing into the tests.
import { loadWorkbook } from '../../src/exchange/xlsx/exceljs-library.js';
import { checkA11y } from './support/a11y.js';
import { answer, call, createFull } from './support/api.js';
import { storedAssessment } from './support/answers.js';
import { waitUntil } from './support/flows.js';
import { screenshot } from './support/screenshot.js';
import { signedInSuite } from './support/signed-in.js';

const TITLE = 'Exchange <b>Ltd</b> review';

/** Clicks a download link and saves the file; answers its path. */
async function download(page: Page, name: string, dir: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

describe('reports, exports, imports and attestations in the browser', { timeout: 300_000 }, () => {
  const suite = signedInSuite('xena@example.test', 'Exchange Ltd');
  const dir = mkdtempSync(join(tmpdir(), 'pkimm-browser-exchange-'));
  let id = '';
  let firstKey = '';
  let xlsx = '';

  it('offers the four reports as HTML and PDF, in the language of the UI', async () => {
    const { page, problems, orgId } = suite;
    const created = await createFull(page, orgId, TITLE, 'self');
    id = created.id;
    const model = (await (await page.request.get('/api/v1/models/pkimm/2.0.0')).json()) as {
      modules: { categories: { key: string; name: string }[] }[];
    };
    const categories = model.modules.flatMap((m) => m.categories);
    firstKey = categories[0]?.key ?? '';
    await answer(
      page,
      created,
      categories.map((c, i) => ({ target: 'category', key: c.key, field: 'level', value: (i % 5) + 1 })),
    );
    await page.goto(`/#/assessments/${id}/results`);
    await page.getByRole('heading', { level: 2, name: 'Reports, exports and attestations' }).waitFor();
    await checkA11y(page, 'the results page with reports and exports');
    await screenshot(page, 'exchange-results');

    // HTML opens in a new tab; the title is text, not markup.
    const [tab] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByRole('link', { name: 'Read the Detailed report (HTML)' }).click(),
    ]);
    await tab.waitForLoadState();
    expect(await tab.locator('body').innerText()).toContain(TITLE);
    expect(await tab.locator('b').count()).toBe(0);
    await tab.close();

    const pdf = await download(page, 'Download the Assessment report (PDF)', dir);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain(TITLE);
    expect(text).toContain(categories[0]?.name ?? '?');
    expect(problems.errors).toEqual([]);
  });

  it('downloads every export format, each readable by an independent reader', async () => {
    const { page } = suite;
    const json = JSON.parse(readFileSync(await download(page, 'pkimm JSON', dir), 'utf8')) as {
      categories: Record<string, { level: number }>;
    };
    expect(json.categories[firstKey]?.level).toBe(1);
    xlsx = await download(page, 'Excel workbook (.xlsx)', dir);
    const workbook = await loadWorkbook(readFileSync(xlsx));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(['Overview', 'Scoping', 'Assessment', 'Evaluation', 'Action plans']),
    );
    const csv = readFileSync(await download(page, 'CSV of requirements', dir), 'utf8');
    expect(csv.split('\n').length).toBeGreaterThan(70);
    const oscal = JSON.parse(readFileSync(await download(page, 'OSCAL assessment results', dir), 'utf8')) as {
      'assessment-results'?: unknown;
    };
    expect(oscal['assessment-results']).toBeDefined();
    const official = readFileSync(await download(page, 'Official self-assessment export', dir), 'utf8');
    expect(official.length).toBeGreaterThan(100);
  });

  it('merges a changed export back in, and keeps both when asked', async () => {
    const { page, problems } = suite;
    const path = join(dir, 'changed.json');
    const exported = JSON.parse(readFileSync(await download(page, 'pkimm JSON', dir), 'utf8')) as {
      categories: Record<string, { level: number }>;
    };
    const entry = exported.categories[firstKey];
    if (!entry) throw new Error('no first category in the export');
    entry.level = 5;
    writeFileSync(path, JSON.stringify(exported));

    await page.getByLabel('Assessment file (YAML, JSON or .xlsx)').setInputFiles(path);
    await page.getByRole('radio', { name: 'Merge into this assessment' }).check();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Imported: 0 added, 1 changed/ })
      .waitFor();
    expect((await storedAssessment(page, id)).document.categories?.[firstKey]?.level).toBe(5);

    // The workbook downloaded before the merge still holds level 1: replacing with it brings 1 back.
    await page.getByLabel('Assessment file (YAML, JSON or .xlsx)').setInputFiles(xlsx);
    await page.getByRole('radio', { name: 'Replace this assessment' }).check();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Imported: .*1 changed/ })
      .waitFor();
    expect((await storedAssessment(page, id)).document.categories?.[firstKey]?.level).toBe(1);

    // The model itself for a GRC tool: the Eramba CSV, seven columns, one row per requirement.
    const eramba = readFileSync(await download(page, 'Eramba GRC CSV of the model', dir), 'utf8');
    const rows: string[][] = parse(eramba, {});
    expect(rows).toHaveLength(76);
    expect(new Set(rows.map((r) => r.length))).toEqual(new Set([7]));

    await page.getByLabel('Assessment file (YAML, JSON or .xlsx)').setInputFiles(path);
    await page.getByRole('radio', { name: 'Keep both (a new assessment)' }).check();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await waitUntil(async () => /#\/assessments\/[^/]+$/.test(page.url()) && !page.url().endsWith(id));
    await page.getByRole('heading', { level: 1, name: /^Answer: / }).waitFor();
    expect(problems.errors).toEqual([]);
  });

  it('attests a final assessment, and its public page verifies it', async () => {
    const { page, problems } = suite;
    await page.goto(`/#/assessments/${id}/results`);
    await page.getByRole('heading', { level: 2, name: 'Attestations' }).waitFor();
    expect(await page.getByRole('button', { name: 'Issue a signed attestation' }).isDisabled()).toBe(true);
    const current = await call(page, 'GET', `/assessments/${id}`);
    const version = (current.body as { version: number }).version;
    const finalised = await call(
      page,
      'POST',
      `/assessments/${id}/status`,
      { status: 'final' },
      { 'if-match': `"${version}"` },
    );
    expect(finalised.status).toBe(200);
    await page.reload();
    const issue = page.getByRole('button', { name: 'Issue a signed attestation' });
    await waitUntil(async () => !(await issue.isDisabled()));
    await issue.click();
    const verify = page.getByRole('link', { name: /^Verify attestation / });
    await verify.waitFor();
    await checkA11y(page, 'the results page with an attestation');
    await screenshot(page, 'exchange-attested');
    const [tab] = await Promise.all([page.context().waitForEvent('page'), verify.click()]);
    await tab.waitForLoadState();
    expect(await tab.locator('body').innerText()).toMatch(/valid/i);
    expect(await tab.locator('body').innerText()).not.toMatch(/not valid|invalid/i);
    await tab.close();

    // The attestation report now quotes it: its id and digest, read back from the PDF.
    const listed = (await call(page, 'GET', `/assessments/${id}/attestations`)).body as {
      id: string;
      digest: string;
    }[];
    const [latest] = listed;
    if (!latest) throw new Error('no attestation listed');
    const pdf = await download(page, 'Download the Attestation report (PDF)', dir);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain(latest.id);
    expect(text).toContain(latest.digest);
    expect(problems.errors).toEqual([]);
  });
});

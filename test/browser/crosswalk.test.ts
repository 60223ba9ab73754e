/**
 * The crosswalk page and the "Already audited" panel in Chromium against a real server. A full
 * 2.0.0 assessment gets a few ratings through the API; the NIS2 view on the page must show what
 * the API's view says (counts, one control's row, the gap order) at two thresholds, with the rule
 * in words and a CSV whose rows match. A requirement is then marked as audited through the form
 * on the answer page (a refused report link first, its error naming the field), autosave carries
 * on without a conflict, and back on the crosswalk page the badge and the changed status appear
 * as the API computes them. Hostile audit text stays text; a viewer reads the entry but gets no
 * form; axe runs on both pages; the page renders in German. Console errors fail the test.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y } from './support/a11y.js';
import { levelRadio, waitForSaved } from './support/answers.js';
import { answer, call, createFull, must, ok } from './support/api.js';
import { launchBrowser, openPage, type PageProblems, type TestBrowser } from './support/browser.js';
import { ensureOrganisation, signIn, waitUntil } from './support/flows.js';
import { type BrowserTestServer, startServerWithAccounts } from './support/server.js';
import { screenshot } from './support/screenshot.js';

const TITLE = 'Crosswalk PKI 2026';
const HOSTILE = '<img src=x onerror=window.pwned=1>';
const REPORT = 'https://audits.example.test/report-2025.pdf';
const STATUS_WORDS = { supported: 'Supported', 'partly-supported': 'Partly supported', gap: 'Gap' } as const;

interface Pack {
  controls: { id: string }[];
  mappings: { requirement: string; control: string; relationship: string }[];
}
interface View {
  rule: { threshold: number; thresholdName: string };
  summary: { controls: number; supported: number; 'partly-supported': number; gap: number };
  controls: {
    id: string;
    status: keyof typeof STATUS_WORDS;
    supports: { requirement: string; key?: string; counts: boolean; audit?: { date: string } }[];
  }[];
  gaps: { key: string; position: string; name: string; controls: string[] }[];
}

async function apiView(page: Page, id: string, threshold: number): Promise<View> {
  return ok<View>(call(page, 'GET', `/assessments/${id}/crosswalks/nis2?threshold=${threshold}`), 'view');
}

/** The page's summary figures by status. */
async function figures(page: Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const status of Object.keys(STATUS_WORDS)) {
    const text = await page
      .getByTestId('crosswalk-summary')
      .locator(`[data-status="${status}"] dd`)
      .textContent();
    out[status] = Number(text);
  }
  return out;
}

async function waitForThreshold(page: Page, threshold: number): Promise<void> {
  const view = page.getByTestId('crosswalk-view');
  await waitUntil(
    async () =>
      (await view.getAttribute('data-threshold').catch(() => null)) === String(threshold) &&
      (await view.getAttribute('aria-busy')) === 'false',
  );
}

/** The table row of a control, found by its row header. */
function controlRow(page: Page, controlId: string) {
  return page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: controlId, exact: true }) });
}

async function pwned(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { pwned?: unknown }).pwned);
}

describe('regulatory crosswalks and audit marks in the browser', { timeout: 300_000 }, () => {
  let accounts: BrowserTestServer[] = [];
  let browser: TestBrowser | undefined;
  let page: Page;
  let problems: PageProblems;
  let viewer: { page: Page; problems: PageProblems };
  let id = '';
  /** A control whose counting requirements are all rated 2: a gap at 3, supported at 2. */
  let lowControl = '';
  let audited = { key: '', item: '', control: '' };

  beforeAll(async () => {
    ({ accounts } = await startServerWithAccounts(['owner@example.test', 'viewer@example.test']));
    browser = await launchBrowser();
    const [owner, reader] = [must(accounts[0], 'owner'), must(accounts[1], 'viewer')];
    ({ page, problems } = await openPage(browser.browser, owner.url));
    await signIn(page, owner);
    const orgId = await ensureOrganisation(page, 'Crosswalk Ltd');
    await ok(call(page, 'POST', `/orgs/${orgId}/members`, { email: reader.email, role: 'viewer' }), 'invite');
    const target = await createFull(page, orgId, TITLE);
    id = target.id;

    const pack = await ok<Pack>(call(page, 'GET', '/crosswalks/nis2'), 'pack');
    const strong = (control: string) =>
      pack.mappings
        .filter((m) => m.control === control && m.relationship !== 'related')
        .map((m) => m.requirement);
    lowControl = must(
      pack.controls.find((c) => strong(c.id).length > 0),
      'a control with strong mappings',
    ).id;
    const low = new Set(strong(lowControl));
    const high = must(
      pack.mappings.find((m) => !low.has(m.requirement) && m.relationship !== 'related'),
      'another requirement',
    ).requirement;
    const rate = (key: string, value: number) => ({ target: 'requirement', key, field: 'level', value });
    await answer(page, target, [...[...low].map((key) => rate(key, 2)), rate(high, 4)]);

    viewer = await openPage(browser.browser, reader.url);
    await signIn(viewer.page, reader);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await accounts[0]?.stop();
  });

  it('shows the NIS2 view as the API computes it, with the rule in words and the gaps in order', async () => {
    await page.goto(`/#/assessments/${id}`);
    await page.getByRole('heading', { level: 1, name: `Answer: ${TITLE}` }).waitFor();
    await page.getByRole('link', { name: 'Regulatory crosswalks' }).click();
    await page.getByRole('heading', { level: 1, name: `Regulatory crosswalks: ${TITLE}` }).waitFor();
    await page.getByRole('combobox', { name: 'Framework' }).selectOption('nis2');
    await waitUntil(async () => page.url().endsWith(`/assessments/${id}/crosswalks/nis2`));
    await page.getByText('Directive (EU) 2022/2555', { exact: false }).first().waitFor();
    await waitForThreshold(page, 3);

    const view = await apiView(page, id, 3);
    expect(await figures(page)).toEqual({
      supported: view.summary.supported,
      'partly-supported': view.summary['partly-supported'],
      gap: view.summary.gap,
    });
    expect(await page.locator('tr[data-control]').count()).toBe(view.summary.controls);

    const rule = await page.getByTestId('crosswalk-rule').textContent();
    expect(rule).toContain(`at level 3 (${view.rule.thresholdName}) or above`);
    expect(rule).toContain('Related mappings count only where a control has nothing else');
    await page.getByText('not the framework’s own', { exact: false }).waitFor();

    // One control's row: its status word and every supporting requirement the API lists.
    const control = must(
      view.controls.find((c) => c.id === lowControl),
      'the low control',
    );
    expect(control.status).toBe('gap');
    const row = controlRow(page, lowControl);
    expect(await row.getByRole('cell').nth(1).textContent()).toContain(STATUS_WORDS[control.status]);
    const supports = await row
      .locator('li[data-requirement]')
      .evaluateAll((items) =>
        items.map((li) => [li.getAttribute('data-requirement'), li.getAttribute('data-counts')]),
      );
    expect(supports).toEqual(control.supports.map((s) => [s.key ?? s.requirement, String(s.counts)]));
    const counting = must(
      control.supports.find((s) => s.counts),
      'a counting requirement',
    );
    expect(await row.locator(`li[data-requirement="${counting.key}"]`).textContent()).toContain('Level 2 ');

    const gapKeys = await page
      .getByTestId('crosswalk-gaps')
      .locator('li')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-requirement')));
    expect(gapKeys).toEqual(view.gaps.map((g) => g.key));
    expect(gapKeys.length).toBeGreaterThan(0);

    await checkA11y(page, 'the crosswalk page');
    expect(problems.errors).toEqual([]);
  });

  it('follows the threshold and downloads a CSV with a row per control and requirement', async () => {
    const [at3, at2] = [await apiView(page, id, 3), await apiView(page, id, 2)];
    // The ratings were chosen so that the threshold matters; otherwise this test would prove nothing.
    expect(at2.summary).not.toEqual(at3.summary);
    await page.getByRole('combobox', { name: 'Level a requirement must reach' }).selectOption('2');
    await waitForThreshold(page, 2);
    expect(await figures(page)).toEqual({
      supported: at2.summary.supported,
      'partly-supported': at2.summary['partly-supported'],
      gap: at2.summary.gap,
    });
    expect(await page.getByTestId('crosswalk-rule').textContent()).toContain(
      `at level 2 (${at2.rule.thresholdName}) or above`,
    );
    const status = must(
      at2.controls.find((c) => c.id === lowControl),
      'the low control at 2',
    ).status;
    expect(status).toBe('supported');
    expect(await controlRow(page, lowControl).getByRole('cell').nth(1).textContent()).toContain('Supported');

    const link = page.getByRole('link', { name: 'Download as CSV' });
    expect(await link.getAttribute('href')).toBe(
      `/api/v1/assessments/${id}/crosswalks/nis2?threshold=2&format=csv`,
    );
    expect(await link.getAttribute('download')).not.toBeNull();
    const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const text = readFileSync(await file.path(), 'utf8');
    const rows = parse<Record<string, string>>(text.replace(/^\ufeff/, ''), { columns: true });
    expect(rows.length).toBe(at2.controls.reduce((n, c) => n + c.supports.length, 0));
    expect(new Set(rows.filter((r) => r['control'] === lowControl).map((r) => r['status']))).toEqual(
      new Set(['supported']),
    );
  });

  it('marks a requirement as audited on the answer page, and the crosswalk counts it', async () => {
    const before = await apiView(page, id, 3);
    // A requirement holding back a control that is a gap: the audit must change that control.
    const gap = must(
      before.gaps.find((g) =>
        g.controls.some((c) => before.controls.find((x) => x.id === c)?.status === 'gap'),
      ),
      'a gap behind a gap control',
    );
    const control = must(
      gap.controls.find((c) => before.controls.find((x) => x.id === c)?.status === 'gap'),
      'its control',
    );
    audited = { key: gap.key, item: `${gap.position} ${gap.name}`, control };

    // By way of the answer page: the same URL again would keep the page, and its threshold of 2.
    await page.goto(`/#/assessments/${id}`);
    await page.getByRole('heading', { level: 1, name: `Answer: ${TITLE}` }).waitFor();
    await page.goto(`/#/assessments/${id}/crosswalks/nis2`);
    await waitForThreshold(page, 3);
    await page.getByRole('link', { name: `Open ${audited.item} on the answer page` }).click();
    await page.getByRole('heading', { level: 2, name: audited.item }).waitFor();

    const panel = page.getByRole('region', { name: 'Already audited' });
    await panel.waitFor();
    // Collapsed while nothing is recorded.
    expect(await panel.locator('details').getAttribute('open')).toBeNull();
    await panel.getByText('Already audited', { exact: true }).click();
    const form = panel.getByRole('form', { name: 'Already audited' });
    await form.getByLabel('Audit (what, against what, by whom)').fill(HOSTILE);
    await form.getByLabel('Report link').fill('ftp://audits.example.test/report.pdf');
    await form.getByLabel('Report date').fill('2025-03-14');
    await form.getByRole('combobox', { name: 'Framework (optional)' }).selectOption('nis2');
    await form.getByLabel('Note').fill('Surveillance audit, clause 6.');
    await form.getByRole('button', { name: 'Save audit' }).click();
    // The server's refusal names the field.
    await panel.getByRole('alert').getByText('reportUrl:', { exact: false }).waitFor();
    await form.getByLabel('Report link').fill(REPORT);
    await form.getByRole('button', { name: 'Save audit' }).click();
    await panel.getByRole('status').getByText('Audit saved.').waitFor();
    await panel.getByTestId('audit-entry').getByText(HOSTILE, { exact: false }).waitFor();
    const reportLink = panel.getByRole('link', { name: 'Audit report' });
    expect(await reportLink.getAttribute('href')).toBe(REPORT);
    expect(await reportLink.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await pwned(page)).toBeUndefined();

    const stored = await ok<{
      audits: Record<string, { audit: string; reportUrl: string; date: string; framework?: string }>;
    }>(call(page, 'GET', `/assessments/${id}/audits`), 'audits');
    expect(stored.audits[audited.key]).toMatchObject({
      audit: HOSTILE,
      reportUrl: REPORT,
      date: '2025-03-14',
      framework: 'nis2',
    });

    // The page adopted the audit's version: the next autosave goes through without a conflict.
    await levelRadio(page, 1).check();
    await waitForSaved(page);
    expect(await page.locator('.save-status').getAttribute('data-state')).toBe('saved');
    await checkA11y(page, 'the answer page with the audit panel open');

    const after = await apiView(page, id, 3);
    const status = must(
      after.controls.find((c) => c.id === control),
      'the control after the audit',
    ).status;
    expect(status).not.toBe('gap');

    await page.getByRole('link', { name: 'Regulatory crosswalks' }).click();
    await page.getByRole('heading', { level: 1, name: `Regulatory crosswalks: ${TITLE}` }).waitFor();
    await page.getByRole('combobox', { name: 'Framework' }).selectOption('nis2');
    await waitForThreshold(page, 3);
    const row = controlRow(page, control);
    expect(await row.getByRole('cell').nth(1).textContent()).toContain(STATUS_WORDS[status]);
    expect(await row.locator(`li[data-requirement="${audited.key}"]`).textContent()).toContain(
      'audited 2025-03-14',
    );
    const table = page.getByTestId('crosswalk-audited');
    const entry = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: audited.item }) });
    expect(await entry.getByRole('cell').first().textContent()).toBe(HOSTILE);
    const report = entry.getByRole('link', { name: `Report of ${audited.item}` });
    expect(await report.getAttribute('href')).toBe(REPORT);
    expect(await report.getAttribute('target')).toBe('_blank');
    expect(await report.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await pwned(page)).toBeUndefined();
    await checkA11y(page, 'the crosswalk page with an audit');
    expect(problems.errors).toEqual([]);
  });

  it('shows a viewer the audit entry without a form', async () => {
    const v = viewer.page;
    await v.goto(`/#/assessments/${id}/crosswalks/nis2`);
    await waitForThreshold(v, 3);
    // Audited, it meets its part and left the gap list; the answer page opens on it as the gap link does.
    expect(await v.getByRole('link', { name: `Open ${audited.item} on the answer page` }).count()).toBe(0);
    await v.evaluate(
      ([key, value]) => sessionStorage.setItem(key!, value!),
      [`pkimm.item.${id}`, audited.key],
    );
    await v.goto(`/#/assessments/${id}`);
    await v.getByRole('heading', { level: 2, name: audited.item }).waitFor();
    const panel = v.getByRole('region', { name: 'Already audited' });
    // Open because an audit is recorded.
    await panel.getByTestId('audit-entry').getByText(HOSTILE, { exact: false }).waitFor();
    expect(await panel.locator('details').getAttribute('open')).not.toBeNull();
    expect(await panel.getByRole('button', { name: 'Save audit' }).count()).toBe(0);
    expect(await panel.getByRole('textbox').count()).toBe(0);
    expect(await pwned(v)).toBeUndefined();
    expect(viewer.problems.errors).toEqual([]);
  });

  it('renders the crosswalk page in German', async () => {
    try {
      await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Deutsch' });
      await page.getByRole('heading', { level: 1, name: `Regulatorische Zuordnungen: ${TITLE}` }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Übersicht' }).waitFor();
      expect(await page.getByTestId('crosswalk-rule').textContent()).toContain('mindestens Stufe 3');
      await checkA11y(page, 'the crosswalk page in German');
    } catch (error) {
      await screenshot(page, 'failed-crosswalk-german');
      throw error;
    } finally {
      await page.getByRole('combobox', { name: /^(Sprache|Language)$/ }).selectOption({ label: 'English' });
    }
    expect(problems.errors).toEqual([]);
  });
});

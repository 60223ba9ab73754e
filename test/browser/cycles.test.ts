/**
 * Cycles and the portfolio in Chromium against a real server: a final assessment whose evidence
 * is 13 months old starts its next cycle from the organisation page; the new draft shows the
 * previous level as its baseline and marks the carried-over evidence stale; the portfolio page
 * rolls two scopes up with the bottleneck, and draws the scope's trend as a chart and a table.
 * axe runs on each page; console errors fail the test.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y } from './support/a11y.js';
import { answer, call, createFull } from './support/api.js';
import { launchBrowser, openPage, type PageProblems, type TestBrowser } from './support/browser.js';
import { ensureOrganisation, signIn, waitUntil } from './support/flows.js';
import { screenshot } from './support/screenshot.js';
import { startServer, type BrowserTestServer } from './support/server.js';
import type { Page } from 'playwright-core';

const SPONSOR = 'G.strategy-and-vision.sponsor-support';
const EMAIL = 'cyra@example.test';

describe('cycles and portfolio', { timeout: 300_000 }, () => {
  let home: string;
  let server: BrowserTestServer | undefined;
  let browser: TestBrowser;
  let page: Page;
  let problems: PageProblems;
  let orgId: string;

  beforeAll(async () => {
    server = await startServer(EMAIL);
    home = server.home ?? '';
    browser = await launchBrowser();
    ({ page, problems } = await openPage(browser.browser, server.url));
    await signIn(page, server);
    orgId = await ensureOrganisation(page, 'Cycles Ltd');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Rates, scopes and finalises an assessment through the API; returns its id. */
  async function finalAssessment(title: string, scopeKey: string, level: number): Promise<string> {
    const created = await createFull(page, orgId, title);
    await answer(page, created, [{ target: 'requirement', key: SPONSOR, field: 'level', value: level }]);
    expect((await call(page, 'PATCH', `/assessments/${created.id}/cycle`, { scopeKey })).status).toBe(200);
    for (const [status, version] of [
      ['in-review', 2],
      ['final', 3],
    ] as const) {
      const reply = await call(
        page,
        'POST',
        `/assessments/${created.id}/status`,
        { status },
        { 'if-match': `"${version}"` },
      );
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    }
    return created.id;
  }

  it('starts the next cycle from a final assessment and shows the baseline and stale evidence', async () => {
    const created = await createFull(page, orgId, 'Root CA 2025');
    await answer(page, created, [{ target: 'requirement', key: SPONSOR, field: 'level', value: 4 }]);
    const evidence = await call(page, 'POST', `/assessments/${created.id}/evidence`, {
      kind: 'link',
      title: 'Board minutes',
      url: 'https://intranet.example/minutes',
      requirements: [SPONSOR],
    });
    expect(evidence.status).toBe(201);
    // The evidence was collected 13 months ago: dated back in the server's own database.
    const old = new Date(Date.now() - 395 * 24 * 60 * 60 * 1000).toISOString();
    const db = new Database(join(home, 'pkimm.sqlite'));
    db.prepare('update evidence set created_at = ? where assessment_id = ?').run(old, created.id);
    db.close();
    expect(
      (await call(page, 'PATCH', `/assessments/${created.id}/cycle`, { scopeKey: 'Root CA' })).status,
    ).toBe(200);
    for (const [status, version] of [
      ['in-review', 2],
      ['final', 3],
    ] as const) {
      const reply = await call(
        page,
        'POST',
        `/assessments/${created.id}/status`,
        { status },
        { 'if-match': `"${version}"` },
      );
      expect(reply.status).toBe(200);
    }

    // The page may already be there (hash navigation does not reload), so reload for fresh lists.
    await page.goto(`/#/orgs/${orgId}`);
    await page.reload();
    // Folded while nothing is due.
    await page.getByTestId('cycles-panel').locator('summary').click();
    const cycles = page.getByTestId('cycles-table');
    await cycles.waitFor();
    expect(await cycles.getByRole('row', { name: /Root CA 2025/ }).innerText()).toMatch(
      /Root CA[\s\S]*Final/,
    );
    await checkA11y(page, 'organisation page with cycles');
    await page.getByRole('button', { name: 'Start the next cycle of Root CA 2025' }).click();
    await waitUntil(
      async () => /#\/assessments\/[^/]+$/.test(page.url()) && !page.url().includes(created.id),
    );
    await page.getByRole('heading', { level: 1, name: /^Answer: / }).waitFor();
    const baseline = page.getByTestId('baseline');
    await baseline.waitFor();
    expect(await baseline.innerText()).toBe('Previous cycle (Root CA 2025): 4 Managed');
    const stale = page.getByTestId('stale-evidence');
    await stale.waitFor();
    expect(await stale.innerText()).toContain('stale');
    expect(await stale.innerText()).toContain('Board minutes');
    await checkA11y(page, 'answer page of the next cycle');
    await screenshot(page, 'cycles-next-cycle');

    // The new cycle belongs to the same scope; the organisation page says so.
    await page.goto(`/#/orgs/${orgId}`);
    await page.getByTestId('cycles-panel').locator('summary').click();
    await cycles.waitFor();
    const draft = cycles.getByRole('row', { name: /Draft/ });
    await waitUntil(async () => (await draft.count()) === 1);
    expect(await draft.getByRole('textbox').inputValue()).toBe('Root CA');
    expect(problems.errors).toEqual([]);
  });

  it('rolls the scopes up on the portfolio page and draws the trend as a chart and a table', async () => {
    await finalAssessment('Root CA 2026', 'Root CA', 5);
    await finalAssessment('TLS 2026', 'TLS', 1);
    await page.getByRole('link', { name: 'Portfolio' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Portfolio: Cycles Ltd' }).waitFor();
    const table = page.getByTestId('portfolio-table');
    await table.waitFor();
    expect(await page.getByTestId('bottleneck-G.strategy-and-vision').innerText()).toBe('TLS');
    expect(await page.getByRole('spinbutton', { name: 'Weight of TLS' }).inputValue()).toBe('1');
    await page.getByRole('spinbutton', { name: 'Weight of TLS' }).fill('3');
    await page.getByRole('button', { name: 'Save weights' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    const stored = await call(page, 'GET', `/orgs/${orgId}/portfolio`);
    expect((stored.body as { scopes: { scopeKey: string; weight: number }[] }).scopes).toEqual(
      expect.arrayContaining([expect.objectContaining({ scopeKey: 'TLS', weight: 3 })]),
    );

    await page.getByRole('combobox', { name: 'Scope' }).selectOption('Root CA');
    const trend = page.getByTestId('trend-table');
    await trend.waitFor();
    await page.getByTestId('trend-chart').locator('svg').waitFor();
    const header = await trend.locator('thead').innerText();
    expect(header.indexOf('Root CA 2025')).toBeLessThan(header.indexOf('Root CA 2026'));
    await checkA11y(page, 'portfolio page');
    await screenshot(page, 'cycles-portfolio');
    expect(problems.errors).toEqual([]);
  });

  it('shares Governance and Resources answers: chosen on the organisation page, read-only in the consumer', async () => {
    const source = await createFull(page, orgId, 'Group policy');
    await answer(page, source, [{ target: 'requirement', key: SPONSOR, field: 'level', value: 3 }]);
    const consumer = await createFull(page, orgId, 'IoT devices');
    await page.goto(`/#/orgs/${orgId}`);
    await page.reload();
    await page.getByTestId('cycles-panel').locator('summary').click();
    await page
      .getByRole('combobox', { name: 'Governance and Resources answers of IoT devices' })
      .selectOption({ label: 'from Group policy' });
    await waitUntil(async () => {
      const reply = await call(page, 'GET', `/assessments/${consumer.id}/cycle`);
      return (
        (reply.body as { sharedSource: { title: string } | null }).sharedSource?.title === 'Group policy'
      );
    });
    await page.goto(`/#/assessments/${consumer.id}`);
    const note = page.getByTestId('shared-source');
    await note.waitFor();
    expect(await note.getByRole('link', { name: 'Group policy' }).count()).toBe(1);
    const radios = page.getByRole('group', { name: /^Level of / }).getByRole('radio');
    expect(await radios.nth(2).isChecked()).toBe(true);
    expect(await radios.nth(0).isDisabled()).toBe(true);
    // A shortcut on a shared item sends nothing either: the level stays, nothing is refused.
    await page.keyboard.press('1');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await page.locator('.save-status').getAttribute('data-state')).toBe('saved');
    expect(await radios.nth(2).isChecked()).toBe(true);
    await checkA11y(page, 'answer page with shared answers');
    await screenshot(page, 'cycles-shared-answers');
    expect(problems.errors).toEqual([]);
  });
});

/**
 * Markup and script payloads in the texts of the assurance workflow and in the pages that only
 * show titles: a participant's statement, evidence review comments, questions and their answers,
 * respondent rating and consensus notes, approval comments, correction reasons, audit marks
 * (name, note, report address) and assessment titles and scope keys on the roadmap,
 * compare, benchmark and portfolio pages. The texts go in through the API from the page (its
 * session cookie and Origin, so CSRF and roles apply); each page that renders them is visited
 * and checked with expectInert.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, call, createFull, ok } from './support/api.js';
import { signedIn, type Person } from './support/assurance-flows.js';
import { launchBrowser, type TestBrowser } from './support/browser.js';
import { ensureOrganisation } from './support/flows.js';
import { screenshot } from './support/screenshot.js';
import { expectInert, hostile, requirementKeys } from './support/hostile-texts.js';
import { type BrowserTestServer, startServerWithAccounts } from './support/server.js';

const OWNER = 'xss-owner@example.test';
const APPROVER = 'xss-approver@example.test';
const EVIDENCE_RULE_OFF = 6;
/** Scope keys are at most 80 characters: the two markup payloads only. */
const hostileScope = (n: number) => `s${n} <img src=x onerror=window.__xss=1>"><svg onload=window.__xss=1>`;

interface Stored {
  version: number;
}

async function versionOf(page: Page, id: string): Promise<number> {
  return (await ok<Stored>(call(page, 'GET', `/assessments/${id}`), 'read assessment')).version;
}

async function setStatus(page: Page, id: string, status: 'in-review' | 'final'): Promise<void> {
  const version = await versionOf(page, id);
  await ok(
    call(page, 'POST', `/assessments/${id}/status`, { status }, { 'if-match': `"${version}"` }),
    status,
  );
}

describe('assurance texts and titles on every page that shows them', { timeout: 300_000 }, () => {
  let accounts: BrowserTestServer[] = [];
  let browser: TestBrowser | undefined;
  const people = {} as { owner: Person; approver: Person };
  let orgId = '';
  let keys: string[] = [];
  const userIds: Record<string, string> = {};

  beforeAll(async () => {
    ({ accounts } = await startServerWithAccounts([
      { email: OWNER, name: 'Owner' },
      { email: APPROVER, name: 'Approver' },
    ]));
    browser = await launchBrowser();
    const [owner, approver] = accounts;
    if (!owner || !approver) throw new Error('no accounts');
    people.owner = await signedIn(browser.browser, owner);
    orgId = await ensureOrganisation(people.owner.page, 'Hostile Assurance Ltd');
    const page = people.owner.page;
    await ok(call(page, 'POST', `/orgs/${orgId}/members`, { email: APPROVER, role: 'viewer' }), 'invite');
    const { members } = await ok<{ members: { userId: string; email: string }[] }>(
      call(page, 'GET', `/orgs/${orgId}/members`),
      'members',
    );
    for (const m of members) userIds[m.email] = m.userId;
    people.approver = await signedIn(browser.browser, approver);
    keys = await requirementKeys(page);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await accounts[0]?.stop();
  });

  it('keeps the statement, review, questions, answers and rating notes as text', async () => {
    const { page, problems } = people.owner;
    const { id } = await createFull(page, orgId, 'Workflow texts');
    const [key] = keys;
    const me = userIds[OWNER] ?? '';
    for (const role of ['assessor', 'respondent']) {
      await ok(call(page, 'POST', `/assessments/${id}/participants`, { userId: me, role }), role);
    }
    await ok(
      call(page, 'POST', `/assessments/${id}/participants/me/statement`, {
        independence: hostile('independence'),
        qualification: hostile('qualification'),
      }),
      'statement',
    );
    await ok(
      call(page, 'PUT', `/assessments/${id}/reviews/${key}`, {
        status: 'reviewed-supports',
        comment: hostile('review'),
      }),
      'review',
    );
    const asked = await ok<{ id: string }>(
      call(page, 'POST', `/assessments/${id}/questions`, { key, question: hostile('question') }),
      'ask',
    );
    await ok(call(page, 'POST', `/assessments/${id}/questions`, { key, question: hostile('open') }), 'ask');
    await ok(
      call(page, 'POST', `/assessments/${id}/questions/${asked.id}/answer`, { answer: hostile('answer') }),
      'answer',
    );
    await ok(
      call(page, 'PUT', `/assessments/${id}/respondent-ratings/${key}/${me}`, {
        level: 2,
        note: hostile('rating'),
      }),
      'respondent rating',
    );
    const version = await versionOf(page, id);
    await ok(
      call(
        page,
        'POST',
        `/assessments/${id}/consensus/${key}`,
        { level: 2, note: hostile('consensus') },
        { 'if-match': `"${version}"` },
      ),
      'consensus',
    );

    await page.goto(`/#/assessments/${id}`);
    const review = page.getByRole('region', { name: 'Review', exact: true });
    await review.getByText(hostile('answer')).waitFor();
    await review.getByText(hostile('consensus')).waitFor();
    // The open question's answer box is described by the question: its text reaches the name.
    await review.getByRole('textbox', { description: hostile('open') }).waitFor();
    await expectInert(page, problems, [
      hostile('review'),
      hostile('question'),
      hostile('open'),
      hostile('answer'),
      hostile('rating'),
      hostile('consensus'),
    ]);

    await page.goto(`/#/assessments/${id}/assurance`);
    await page.getByRole('heading', { level: 2, name: 'Corrections' }).waitFor();
    await page.getByText(hostile('qualification')).waitFor();
    await expectInert(page, problems, [hostile('independence'), hostile('qualification')]);
  });

  it('keeps approval comments and correction reasons as text on both assessments', async () => {
    const { owner, approver } = people;
    const title = hostile('signed title');
    const { id } = await createFull(owner.page, orgId, title);
    await ok(
      call(owner.page, 'PUT', `/assessments/${id}/profile`, {
        evidenceFromLevel: EVIDENCE_RULE_OFF,
        approvers: [userIds[APPROVER]],
      }),
      'profile',
    );
    await setStatus(owner.page, id, 'in-review');
    const decide = async (decision: 'approve' | 'reject', comment: string) =>
      ok<{ signOff: unknown }>(
        call(
          approver.page,
          'POST',
          `/assessments/${id}/approvals`,
          { decision, comment },
          { 'if-match': `"${await versionOf(approver.page, id)}"` },
        ),
        decision,
      );
    expect((await decide('reject', hostile('rejected'))).signOff).toBeNull();
    expect((await decide('approve', hostile('approved'))).signOff).not.toBeNull();
    const correction = await ok<{ correctionId: string }>(
      call(owner.page, 'POST', `/assessments/${id}/corrections`, { reason: hostile('reason') }),
      'correction',
    );

    await approver.page.goto(`/#/assessments/${id}/assurance`);
    await approver.page.getByText(hostile('approved')).waitFor();
    await expectInert(approver.page, approver.problems, [
      title,
      hostile('rejected'),
      hostile('approved'),
      hostile('reason'),
    ]);

    await owner.page.goto(`/#/assessments/${correction.correctionId}/assurance`);
    await owner.page.getByText(hostile('reason')).waitFor();
    // The link back to the signed-off assessment is named by its hostile title, as text.
    await owner.page.getByRole('link', { name: title, exact: true }).waitFor();
    await expectInert(owner.page, owner.problems, [title, hostile('reason')]);
  });

  it('keeps audit marks as text, and a report address with markup only as an http link', async () => {
    const { page, problems } = people.owner;
    const { packs } = await ok<{ packs: { id: string; model: string }[] }>(
      call(page, 'GET', '/crosswalks'),
      'packs',
    );
    const [key] = keys;
    let packId: string | undefined;
    for (const pack of packs.filter((p) => p.model === '2.0.0')) {
      const full = await ok<{ mappings: { requirement: string }[] }>(
        call(page, 'GET', `/crosswalks/${pack.id}`),
        pack.id,
      );
      if (full.mappings.some((m) => m.requirement === key)) packId = pack.id;
    }
    if (!packId) throw new Error(`no bundled 2.0.0 pack maps ${key ?? ''}`);
    const target = await createFull(page, orgId, 'Audit marks');
    const reportUrl = 'https://reports.example.test/q?x="><svg onload=window.__xss=1>';
    await ok(
      call(
        page,
        'PUT',
        `/assessments/${target.id}/audits/${key}`,
        {
          audit: hostile('audit'),
          reportUrl,
          date: '2026-06-30',
          framework: packId,
          note: hostile('note'),
        },
        { 'if-match': `"${target.version}"` },
      ),
      'audit',
    );
    // Only http(s) report addresses are accepted, so a script address never reaches a page.
    const refused = await call(
      page,
      'PUT',
      `/assessments/${target.id}/audits/${key}`,
      { audit: 'x', reportUrl: 'javascript:window.__xss=1', date: '2026-06-30' },
      { 'if-match': `"${await versionOf(page, target.id)}"` },
    );
    expect(refused.status).toBe(400);

    await page.goto(`/#/assessments/${target.id}`);
    const panel = page.getByTestId('audit-panel');
    await panel.getByTestId('audit-entry').waitFor();
    await expectInert(page, problems, [hostile('audit')]);
    const links = await panel.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const href of links) expect(href).toMatch(/^https:\/\/reports\.example\.test\//);

    await page.goto(`/#/assessments/${target.id}/crosswalks/${packId}`);
    await page.getByText(hostile('audit')).first().waitFor();
    await expectInert(page, problems, [hostile('audit')]);
    const crosswalkLinks = await page
      .locator('main a[href^="http"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(crosswalkLinks).toContain(new URL(reportUrl).href);
  });

  it('shows hostile titles and scope keys as text on the roadmap, compare, benchmark and portfolio pages', async () => {
    const { page, problems } = people.owner;
    const [key] = keys;
    const made: { id: string; title: string }[] = [];
    for (const [n, level] of [
      [1, 2],
      [2, 3],
    ] as const) {
      const title = hostile(`title ${n}`);
      const created = await createFull(page, orgId, title);
      await answer(page, created, [{ target: 'requirement', key, field: 'level', value: level }]);
      await ok(
        call(page, 'PATCH', `/assessments/${created.id}/cycle`, { scopeKey: hostileScope(n) }),
        'scope',
      );
      made.push({ id: created.id, title });
    }
    const [a, b] = made as [{ id: string; title: string }, { id: string; title: string }];
    await setStatus(page, a.id, 'in-review');
    await setStatus(page, a.id, 'final');

    await page.goto(`/#/assessments/${b.id}/roadmap`);
    await page.getByRole('heading', { level: 1, name: /^Roadmap: / }).waitFor();
    await expectInert(page, problems, [b.title]);

    await page.goto(`/#/orgs/${orgId}/compare/${a.id}/${b.id}`);
    await page.getByRole('columnheader', { name: `2: ${b.title}`, exact: true }).waitFor();
    await page.locator('#diff-heading').waitFor();
    await expectInert(page, problems, [`1: ${a.title}`, `2: ${b.title}`]);

    await page.goto(`/#/assessments/${a.id}/benchmark`);
    await page.getByRole('heading', { level: 1, name: /^Benchmark: / }).waitFor();
    await expectInert(page, problems, [a.title]);

    await page.goto(`/#/orgs/${orgId}/portfolio`);
    await page.getByTestId('portfolio-table').waitFor();
    await expectInert(page, problems, [hostileScope(1), hostileScope(2), a.title]);
    // Hovering the trend chart shows a tooltip with the point's day and title. ECharts' HTML
    // tooltip broke the CSP (inline styles), so the chart draws it in its SVG: a second text
    // with the title appears next to the axis label, and no console error is logged.
    await page.getByRole('combobox', { name: 'Scope', exact: true }).selectOption(hostileScope(1));
    const chart = page.getByTestId('trend-chart');
    const titled = chart.locator('svg text', { hasText: 'title 1 <img' });
    await titled.first().waitFor();
    expect(await titled.count()).toBe(1);
    const box = await chart.boundingBox();
    if (!box) throw new Error('the trend chart has no box');
    await chart.hover({ position: { x: box.width / 3, y: box.height / 3 } });
    await chart.hover({ position: { x: box.width / 2, y: box.height / 2 } });
    await expect.poll(() => titled.count()).toBe(2);
    await screenshot(page, '93-xss-trend-tooltip');
    expect(await chart.locator('div:not(:has(svg))', { hasText: 'title 1' }).count()).toBe(0);
    await expectInert(page, problems, [a.title]);
  });
});

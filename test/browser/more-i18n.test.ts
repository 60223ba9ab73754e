/**
 * The language switch in the header: German on the sign-in page and the organisation page,
 * remembered across a reload (localStorage `pkimm.language`, `<html lang>`), and back to English.
 * axe runs on each page in each language; console errors fail the test.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y } from './support/a11y.js';
import { launchBrowser, openPage, type PageProblems, type TestBrowser } from './support/browser.js';
import { ensureOrganisation, waitUntil } from './support/flows.js';
import { startServer, type BrowserTestServer } from './support/server.js';

async function htmlLang(page: Page): Promise<unknown> {
  return page.evaluate('document.documentElement.lang');
}

describe('switching the language', { timeout: 180_000 }, () => {
  let server: BrowserTestServer | undefined;
  let browser: TestBrowser | undefined;
  let page: Page;
  let problems: PageProblems;
  let orgId = '';
  beforeAll(async () => {
    server = await startServer('lang@example.test');
    browser = await launchBrowser();
    ({ page, problems } = await openPage(browser.browser, server.url));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the sign-in page in German and remembers it after a reload', async () => {
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Deutsch' });
    await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
    expect(await page.getByRole('button', { name: 'Anmelden' }).count()).toBe(1);
    expect(await page.getByLabel('E-Mail').count()).toBe(1);
    expect(await page.getByLabel('Passwort', { exact: true }).count()).toBe(1);
    expect(await page.getByRole('combobox', { name: 'Sprache' }).inputValue()).toBe('de');
    expect(await htmlLang(page)).toBe('de');
    await checkA11y(page, 'the sign-in page in German');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
    expect(await htmlLang(page)).toBe('de');
    expect(await page.evaluate('localStorage.getItem("pkimm.language")')).toBe('de');
    expect(problems.errors).toEqual([]);
  });

  it('signs in in German and shows the organisation page in German, also after a reload', async () => {
    if (!server) throw new Error('setup failed');
    await page.getByLabel('E-Mail').fill(server.email);
    await page.getByLabel('Passwort', { exact: true }).fill(server.password);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('button', { name: 'Abmelden' }).waitFor();
    await page.getByRole('heading', { name: 'Organisation anlegen' }).waitFor();
    await page.getByLabel('Name der Organisation').fill('Sprachen GmbH');
    await page.getByRole('button', { name: 'Organisation anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bewertungen von Sprachen GmbH' }).waitFor();
    orgId = decodeURIComponent(/#\/orgs\/([^/]+)$/.exec(new URL(page.url()).hash)?.[1] ?? '');
    expect(orgId).not.toBe('');
    expect(await page.getByRole('link', { name: 'Neue Bewertung' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Mitglieder' }).count()).toBe(1);
    await checkA11y(page, 'the organisation page in German');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Bewertungen von Sprachen GmbH' }).waitFor();
    expect(await page.getByRole('button', { name: 'Abmelden' }).count()).toBe(1);
    expect(await htmlLang(page)).toBe('de');
    // The members page too.
    await page.getByRole('link', { name: 'Mitglieder' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mitglieder' }).waitFor();
    await checkA11y(page, 'the members page in German');
    expect(problems.errors).toEqual([]);
  });

  it('switches back to English, and that is remembered too', async () => {
    await page.goto(`/#/orgs/${orgId}`);
    await page.getByRole('heading', { level: 1, name: 'Bewertungen von Sprachen GmbH' }).waitFor();
    await page.getByRole('combobox', { name: 'Sprache' }).selectOption({ label: 'English' });
    await page.getByRole('heading', { level: 1, name: 'Assessments of Sprachen GmbH' }).waitFor();
    expect(await page.getByRole('link', { name: 'New assessment' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
    await waitUntil(async () => (await htmlLang(page)) === 'en');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Assessments of Sprachen GmbH' }).waitFor();
    expect(await page.evaluate('localStorage.getItem("pkimm.language")')).toBe('en');
    expect(await htmlLang(page)).toBe('en');
    // The organisation the server stored is the one the German form created.
    const me = await page.request.get('/api/v1/auth/me');
    expect(me.ok()).toBe(true);
    expect(JSON.stringify(await me.json())).toContain('Sprachen GmbH');
    await checkA11y(page, 'the organisation page back in English');
    // ensureOrganisation finds the existing organisation rather than creating another one.
    expect(await ensureOrganisation(page, 'unused')).toBe(orgId);
    expect(problems.errors).toEqual([]);
  });
});

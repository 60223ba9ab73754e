/**
 * The account page in Chromium: one person signed in from two browsers sees both sessions,
 * ends the other one (which is then signed out), and changes the password, after which only
 * the new password signs in. axe runs on the page; console errors fail the test.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y } from './support/a11y.js';
import { launchBrowser, openPage, type PageProblems, type TestBrowser } from './support/browser.js';
import { signIn } from './support/flows.js';
import { screenshot } from './support/screenshot.js';
import { startServer, type BrowserTestServer } from './support/server.js';

const NEW_PASSWORD = 'the new browser-test passphrase';

describe('the account page', { timeout: 300_000 }, () => {
  let server: BrowserTestServer;
  let browser: TestBrowser | undefined;
  let page: Page;
  let problems: PageProblems;
  let other: Page;

  beforeAll(async () => {
    server = await startServer('acc@example.test');
    browser = await launchBrowser();
    ({ page, problems } = await openPage(browser.browser, server.url));
    ({ page: other } = await openPage(browser.browser, server.url));
    await signIn(page, server);
    await signIn(other, server);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const sessionRows = (p: Page) =>
    p
      .getByRole('table')
      .getByRole('row')
      .filter({ hasNot: p.locator('th') });

  it('lists both sessions, marks this browser, and ends the other one after the password', async () => {
    await page.getByRole('link', { name: 'Your account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Your sessions' }).waitFor();
    await sessionRows(page).nth(1).waitFor();
    expect(await sessionRows(page).count()).toBe(2);
    expect(await page.getByRole('row', { name: /this browser/ }).count()).toBe(1);
    await checkA11y(page, 'the account page');
    await screenshot(page, 'account');

    const endButton = page.getByRole('button', { name: /^End session [0-9a-f]{16}$/ });
    expect(await endButton.isDisabled()).toBe(true);
    await page.getByLabel('Your password, to confirm').fill('not the password, sorry');
    await endButton.click();
    await page.getByRole('alert').filter({ hasText: 'the email or password is wrong' }).waitFor();
    expect(await sessionRows(page).count()).toBe(2);

    await page.getByLabel('Your password, to confirm').fill(server.password);
    await endButton.click();
    await page.getByRole('status').filter({ hasText: '1 sessions ended.' }).waitFor();
    await page.getByText('No other sessions.').waitFor();
    expect(await sessionRows(page).count()).toBe(1);

    await other.reload();
    await other.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(problems.errors).toEqual([]);
  });

  it('changes the password: a mismatch is caught, then only the new password signs in', async () => {
    await page.getByLabel('Current password').fill(server.password);
    // The new password's strength meter describes the field and follows what is typed.
    const fresh = page.getByLabel('New password (at least 12 characters)');
    const meter = page.locator(`[id="${(await fresh.getAttribute('aria-describedby')) ?? 'none'}"]`);
    await fresh.fill('password1234');
    expect(await meter.textContent()).toBe('Strength: weak');
    await fresh.fill('short');
    expect(await meter.textContent()).toBe('Strength: too short (at least 12 characters)');
    await fresh.fill(NEW_PASSWORD);
    expect(await meter.textContent()).toMatch(/^Strength: (good|strong)$/);
    await page.getByLabel('New password again').fill(`${NEW_PASSWORD}!`);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('alert').filter({ hasText: 'The two new passwords differ.' }).waitFor();

    await page.getByLabel('New password again').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('status').filter({ hasText: 'Your password was changed.' }).waitFor();
    // This browser carries on with its new token.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();

    await other.getByLabel('Email').fill(server.email);
    await other.getByLabel('Password', { exact: true }).fill(server.password);
    await other.getByRole('button', { name: 'Sign in' }).click();
    await other.getByRole('alert').filter({ hasText: 'the email or password is wrong' }).waitFor();
    await signIn(other, { ...server, password: NEW_PASSWORD });
    expect(problems.errors).toEqual([]);
  });
});

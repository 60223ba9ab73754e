/**
 * The app loads in a real Chromium from a real server: no console errors, no uncaught errors
 * and no CSP violations (Chromium reports those as console errors), the sign-in form is
 * there with accessible names, and axe finds no WCAG 2.1 AA violation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y } from './support/a11y.js';
import { launchBrowser, openPage, type TestBrowser } from './support/browser.js';
import { screenshot } from './support/screenshot.js';
import { startServer, type BrowserTestServer } from './support/server.js';

describe('the web app in Chromium', { timeout: 120_000 }, () => {
  let server: BrowserTestServer | undefined;
  let browser: TestBrowser | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('loads at / with no errors and shows the sign-in form, accessibly', async () => {
    if (!server || !browser) throw new Error('setup failed');
    const { context, page, problems } = await openPage(browser.browser, server.url);
    try {
      const response = await page.goto('/');
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
      await expect.poll(() => page.getByRole('heading', { name: 'Sign in' }).count()).toBe(1);
      expect(await page.getByLabel('Email').count()).toBe(1);
      expect(await page.getByLabel('Password', { exact: true }).count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Sign in' }).count()).toBe(1);
      // The password can be shown while typing, and hidden again (ASVS 2.1.12).
      const password = page.getByLabel('Password', { exact: true });
      const reveal = page.getByRole('button', { name: 'Show password' });
      await password.fill('typed s3cret');
      expect(await password.getAttribute('type')).toBe('password');
      expect(await reveal.getAttribute('aria-pressed')).toBe('false');
      await reveal.click();
      expect(await password.getAttribute('type')).toBe('text');
      expect(await reveal.getAttribute('aria-pressed')).toBe('true');
      expect(await password.inputValue()).toBe('typed s3cret');
      await reveal.click();
      expect(await password.getAttribute('type')).toBe('password');
      await password.fill('');
      await checkA11y(page, 'the sign-in page');
      await screenshot(page, '01-sign-in');
      expect(problems.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

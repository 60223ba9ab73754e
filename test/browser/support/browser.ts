/**
 * Headless Debian Chromium driven by playwright-core (which ships no browser). The flags are
 * the ones known to work on these machines: no sandbox as root, and no background networking,
 * whose connections the closed network refuses by the dozen. playwright's launch() already gives
 * Chromium a new empty profile directory (and refuses a --user-data-dir flag), removed on close.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env['PKIMM_CHROMIUM'] ?? '/usr/bin/chromium';

export interface TestBrowser {
  browser: Browser;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}

/** What a page said that a test should fail on: console errors, uncaught errors, CSP reports. */
export interface PageProblems {
  errors: string[];
}

/**
 * A fresh context (its own cookies) and page. Every console error and uncaught exception is
 * collected; Chromium reports a CSP violation as a console error ("Refused to …"), so a build
 * that breaks under the server's CSP shows up here too.
 */
export async function openPage(
  browser: Browser,
  baseURL: string,
): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // A missing element should fail a step in seconds rather than minutes, with room for a loaded CI machine.
  page.setDefaultTimeout(20_000);
  const problems: PageProblems = { errors: [] };
  page.on('console', (message) => {
    // Chromium logs every 4xx answer as "Failed to load resource"; the app asks /auth/me to
    // learn whether it is signed in and expects a 401, so those lines are not errors here.
    // Server failures are caught below instead.
    if (message.type() !== 'error' || message.text().startsWith('Failed to load resource')) return;
    problems.errors.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 500) problems.errors.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('pageerror', (error) => problems.errors.push(`pageerror: ${error.message}`));
  return { context, page, problems };
}

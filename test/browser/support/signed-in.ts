/**
 * The common start of a browser suite: a fresh server with one account, Chromium, a page signed
 * in, and the account's organisation. Registers its own beforeAll/afterAll; the returned object
 * is filled in once beforeAll has run.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, openPage, type PageProblems, type TestBrowser } from './browser.js';
import { ensureOrganisation, signIn } from './flows.js';
import { startServer, type BrowserTestServer } from './server.js';

export interface SignedIn {
  server: BrowserTestServer;
  browser: TestBrowser;
  page: Page;
  problems: PageProblems;
  orgId: string;
}

export function signedInSuite(email: string, organisation: string): SignedIn {
  const suite = {} as SignedIn;
  let server: BrowserTestServer | undefined;
  let browser: TestBrowser | undefined;
  beforeAll(async () => {
    server = await startServer(email);
    browser = await launchBrowser();
    const { page, problems } = await openPage(browser.browser, server.url);
    await signIn(page, server);
    Object.assign(suite, {
      server,
      browser,
      page,
      problems,
      orgId: await ensureOrganisation(page, organisation),
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return suite;
}

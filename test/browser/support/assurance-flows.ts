/**
 * Steps of the assurance page's browser test: a signed-in context per person, opening the
 * assurance page, and reading an attestation. The server with named accounts comes from
 * server.ts (the attestation and the page name people; an unnamed account shows its email).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openPage, type PageProblems } from './browser.js';
import { signIn } from './flows.js';
import type { BrowserTestServer } from './server.js';

export interface Person {
  context: BrowserContext;
  page: Page;
  problems: PageProblems;
}

/** A fresh browser context (own cookies) signed in as `account`. */
export async function signedIn(browser: Browser, account: BrowserTestServer): Promise<Person> {
  const person = await openPage(browser, account.url);
  await signIn(person.page, account);
  return person;
}

/** The assurance page of an assessment, loaded down to its last section. */
export async function openAssurance(page: Page, id: string): Promise<void> {
  const target = `/#/assessments/${id}/assurance`;
  // Going to the URL the page is at already changes nothing: reload to read the server's state.
  if (new URL(page.url()).hash === target.slice(1)) await page.reload();
  else await page.goto(target);
  await page.getByRole('heading', { level: 1, name: /^Assurance: / }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Corrections' }).waitFor();
}

/** The JSON payload of a compact JWS (its middle part), to read what an attestation names. */
export function jwsPayload(jws: string): unknown {
  const part = jws.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
}

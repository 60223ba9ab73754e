/**
 * What the page-level XSS tests share: the payloads, a field-tagged string holding all of them,
 * and the check that a page rendered them as inert text. Four signals each time, because the
 * CSP alone would already stop a payload from running: `window.__xss` stays undefined, no element
 * or handler attribute the payloads describe exists, no console error or CSP report, and the
 * payload is shown literally. No link may carry a `javascript:` address.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { call, ok } from './api.js';
import type { PageProblems } from './browser.js';

export const PAYLOADS = [
  '<img src=x onerror=window.__xss=1>',
  '<script>window.__xss=1</script>',
  '"><svg onload=window.__xss=1>',
  'javascript:window.__xss=1',
  "{{constructor.constructor('window.__xss=1')()}}",
];

/** Every payload at once, tagged with the field it goes into so a hit says where. */
export const hostile = (field: string) => `${field} ${PAYLOADS.join(' ')}`;

export async function expectInert(page: Page, problems: PageProblems, shown: string[]): Promise<void> {
  const text = (await page.locator('body').textContent()) ?? '';
  for (const s of shown) expect(text, `shown literally: ${s.slice(0, 30)}`).toContain(s);
  expect(await page.evaluate('typeof window.__xss')).toBe('undefined');
  expect(await page.locator('img[src="x"], svg[onload], [onerror], [onload]').count()).toBe(0);
  expect(await page.locator('script:not([src])').count()).toBe(0);
  expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
  expect(problems.errors).toEqual([]);
}

/** The requirement keys of model 2.0.0 in model order. */
export async function requirementKeys(page: Page): Promise<string[]> {
  const model = await ok<{ modules: { categories: { requirements: { key: string }[] }[] }[] }>(
    call(page, 'GET', '/models/pkimm/2.0.0'),
    'model',
  );
  return model.modules.flatMap((m) => m.categories.flatMap((c) => c.requirements.map((r) => r.key)));
}

/**
 * The automated-evidence page in Chromium against a real server: upload a PEM bundle (with a
 * private key in it), a PKCS#7 bundle and a broken file; check the summary against what the
 * test generated, the private-key finding, the skipped item, the inventory filters and the
 * charts' data tables; scan a real TLS endpoint on 127.0.0.1 that the server's allow list
 * permits, and see a target it does not permit refused; accept one suggestion and change another,
 * then read the ratings back through the API and on the answer page. A viewer sees the scans but
 * no Scan button and no decision buttons, in English and German. A CSV inventory of 600 rows
 * shows the table's cap. axe runs on each page; console errors fail the test.
 */
import { X509Certificate } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePki, pkcs7Bundle, type FixtureCert, type Pki } from '../support/pki-fixtures.js';
import { checkA11y } from './support/a11y.js';
import { levelRadio, storedAssessment } from './support/answers.js';
import { call, createFull } from './support/api.js';
import { launchBrowser, openPage, type PageProblems, type TestBrowser } from './support/browser.js';
import { ensureOrganisation, signIn, waitUntil } from './support/flows.js';
import { startScanServer, startTlsEndpoint, type TlsEndpointServer } from './support/scan-server.js';
import { screenshot } from './support/screenshot.js';
import type { BrowserTestServer } from './support/server.js';

const TITLE = 'Web PKI 2026';
const DAY = 86_400_000;
// No quotes and no commas, so it stays one CSV field.
const HOSTILE = '<img src=x onerror=window.pwned=1>';

interface Suggestion {
  id: string;
  requirement: string;
  level: number;
  status: string;
  currentLevel: number;
}

/** What a scan of `read` (occurrences, duplicates included) must count, derived from the generated certificates. */
function expectedSummary(read: FixtureCert[], now: number) {
  const unique = [...new Map(read.map((c) => [c.name, c])).values()];
  const facts = unique.map((c) => c.expected);
  const end = (c: FixtureCert) => Date.parse(c.expected.notAfter);
  return {
    unique,
    summary: {
      certificates: read.length,
      unique: unique.length,
      expired: unique.filter((c) => end(c) < now).length,
      expiringWithin30Days: unique.filter((c) => end(c) >= now && end(c) <= now + 30 * DAY).length,
      weakKeys: facts.filter(
        (f) =>
          ((f.keyAlgorithm === 'rsa' || f.keyAlgorithm === 'dsa') && f.keySize < 2048) ||
          (f.keyAlgorithm === 'ec' && f.keySize < 256),
      ).length,
      sha1Signatures: facts.filter((f) => f.signatureHash === 'sha1').length,
      // Issuer names read by Node's own parser, independent of the scanner's.
      issuers: new Set(unique.map((c) => new X509Certificate(c.der).issuer)).size,
    },
  };
}

async function figure(page: Page, name: string): Promise<number> {
  const text = await page.getByTestId('scan-summary').locator(`[data-figure="${name}"] dd`).textContent();
  return Number(text);
}

/** Opens a chart's data table and returns its rows as [label, count] pairs. */
async function chartTable(page: Page, id: string): Promise<[string, number][]> {
  const table = page.getByTestId(`${id}-table`);
  const details = table.locator('xpath=ancestor::details[1]');
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  await table.waitFor();
  const rows = await table.locator('tbody tr').all();
  return Promise.all(
    rows.map(async (row) => {
      const label = (await row.locator('th').textContent()) ?? '';
      const count = Number(await row.locator('td').first().textContent());
      return [label, count] as [string, number];
    }),
  );
}

const sum = (rows: [string, number][]) => rows.reduce((total, [, n]) => total + n, 0);

describe('automated evidence in the browser', { timeout: 300_000 }, () => {
  let accounts: BrowserTestServer[] = [];
  let browser: TestBrowser | undefined;
  let tls: TlsEndpointServer | undefined;
  let page: Page;
  let problems: PageProblems;
  let pki: Pki;
  let id = '';
  let expected: ReturnType<typeof expectedSummary>;

  beforeAll(async () => {
    pki = await makePki();
    const leaf = pki.leaves['rsa-2048'];
    if (!leaf.keyPem) throw new Error('the fixture leaf has no key');
    tls = await startTlsEndpoint(leaf.keyPem, leaf.pem + pki.intermediate.pem);
    // Only 127.0.0.1 may be scanned; any other host is refused by the server.
    accounts = await startScanServer(['owner@example.test', 'viewer@example.test'], '127.0.0.1');
    const owner = accounts[0];
    if (!owner) throw new Error('no account');
    browser = await launchBrowser();
    ({ page, problems } = await openPage(browser.browser, owner.url));
    await signIn(page, owner);
    const orgId = await ensureOrganisation(page, 'Scan Ltd');
    id = (await createFull(page, orgId, TITLE)).id;
    const invited = await call(page, 'POST', `/orgs/${orgId}/members`, {
      email: 'viewer@example.test',
      role: 'viewer',
    });
    if (invited.status !== 201 && invited.status !== 200)
      throw new Error(`invite: ${JSON.stringify(invited)}`);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await accounts[0]?.stop();
    await tls?.close();
  });

  it('scans uploaded files and shows the summary, the private-key finding and the skipped item', async () => {
    const l = pki.leaves;
    const inBundle = [
      pki.root,
      pki.intermediate,
      l['rsa-1024-sha1'],
      l['ec-p521-expired'],
      l['ed25519-expiring'],
    ];
    // rsa-2048 twice: one more occurrence, not one more unique certificate.
    inBundle.push(l['rsa-2048'], l['rsa-2048']);
    const inPkcs7 = [l['rsa-3072'], l['ec-p256-wildcard']];
    const bundle = inBundle.map((c) => c.pem).join('') + (l['rsa-2048'].keyPem ?? '');
    const broken = l['rsa-3072'].der.slice(0, 120);

    await page.goto(`/#/assessments/${id}`);
    await page.getByRole('heading', { level: 1, name: `Answer: ${TITLE}` }).waitFor();
    await page.getByRole('link', { name: 'Automated evidence' }).click();
    await page.getByRole('heading', { level: 1, name: `Automated evidence: ${TITLE}` }).waitFor();
    await page.getByText('No scans yet.').waitFor();
    await checkA11y(page, 'the empty scan page');

    await page.getByLabel('Files', { exact: true }).setInputFiles([
      { name: 'bundle.pem', mimeType: 'application/x-pem-file', buffer: Buffer.from(bundle) },
      {
        name: 'chain.p7b',
        mimeType: 'application/pkcs7-mime',
        buffer: Buffer.from(pkcs7Bundle(inPkcs7.map((c) => c.der))),
      },
      { name: 'broken.der', mimeType: 'application/octet-stream', buffer: Buffer.from(broken) },
    ]);
    await page.getByRole('button', { name: 'Scan', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Scan done:/ })
      .waitFor({ timeout: 60_000 });
    expected = expectedSummary([...inBundle, ...inPkcs7], Date.now());
    await page.getByTestId('scan-detail').waitFor();

    for (const [name, value] of Object.entries(expected.summary)) {
      expect({ name, value: await figure(page, name) }).toEqual({ name, value });
    }
    // Sanity of the fixture itself, so the comparisons above compare something.
    expect(expected.summary).toMatchObject({ certificates: 9, unique: 8, expired: 1, weakKeys: 1 });

    const warning = page.getByTestId('private-key-warning');
    expect(await warning.innerText()).toContain('Private keys found: 1');
    const keyRow = page.getByTestId('scan-findings').locator('tr[data-kind="private-key"]');
    expect(await keyRow.count()).toBe(1);
    expect(await keyRow.innerText()).toContain('bundle.pem');
    // The key's PEM is nowhere on the page.
    expect(await page.content()).not.toContain('PRIVATE KEY-----');

    const skipped = page.getByTestId('scan-skipped').locator('tbody tr');
    const skippedRows = await skipped.allInnerTexts();
    expect(skippedRows.length).toBeGreaterThan(0);
    expect(await figure(page, 'skipped')).toBe(skippedRows.length);
    for (const row of skippedRows) expect(row).toMatch(/broken\.der\S*\s+\S/);

    const list = page.getByTestId('scan-list').locator('tbody tr');
    expect(await list.count()).toBe(1);
    const [, inputs, certificates, unique] = await list.first().locator('th, td').allInnerTexts();
    for (const name of ['bundle.pem', 'chain.p7b', 'broken.der']) expect(inputs).toContain(name);
    expect([certificates, unique]).toEqual([
      String(expected.summary.certificates),
      String(expected.summary.unique),
    ]);
    await checkA11y(page, 'the scan page after a scan');
    await screenshot(page, 'scan');
    expect(problems.errors).toEqual([]);
  });

  it('filters the inventory and gives every chart a data table', async () => {
    const { unique, summary } = expected;
    const rows = page.getByTestId('inventory-table').locator('tbody tr');
    const count = page.getByTestId('inventory-count');
    expect(await count.innerText()).toBe(`${summary.unique} of ${summary.unique} certificates`);
    expect(await rows.count()).toBe(summary.unique);

    await page.getByLabel('State', { exact: true }).selectOption('expired');
    await waitUntil(async () => (await rows.count()) === summary.expired);
    expect(await count.innerText()).toBe(`${summary.expired} of ${summary.unique} certificates`);
    expect(await rows.first().innerText()).toContain(pki.leaves['ec-p521-expired'].expected.commonName);

    await page.getByLabel('State', { exact: true }).selectOption('weak');
    await waitUntil(async () => (await rows.count()) === summary.weakKeys);
    expect(await rows.first().innerText()).toContain(pki.leaves['rsa-1024-sha1'].expected.commonName);

    await page.getByLabel('State', { exact: true }).selectOption('all');
    await page.getByLabel('Filter by subject, issuer or DNS name').fill('WILDCARD.example');
    await waitUntil(async () => (await rows.count()) === 1);
    expect(await rows.first().innerText()).toContain(pki.leaves['ec-p256-wildcard'].expected.commonName);
    await page.getByLabel('Filter by subject, issuer or DNS name').fill('');

    const byIntermediate = unique.filter((c) =>
      new X509Certificate(c.der).issuer.includes('CN=pkimm test intermediate'),
    ).length;
    await page.getByLabel('Issuer', { exact: true }).selectOption({ label: 'pkimm test intermediate' });
    await waitUntil(async () => (await rows.count()) === byIntermediate);
    await page.getByLabel('Key type', { exact: true }).selectOption('ec-P-521');
    await waitUntil(async () => (await rows.count()) === 1);
    await page.getByLabel('Issuer', { exact: true }).selectOption('');
    await page.getByLabel('Key type', { exact: true }).selectOption('');
    await waitUntil(async () => (await rows.count()) === summary.unique);

    for (const name of [
      'Bar chart of certificates by month of expiry',
      'Bar chart of certificates by key type and size',
      'Bar chart of certificates by signature algorithm',
      'Bar chart of certificates by issuer',
    ]) {
      await page.getByRole('img', { name }).locator('svg').waitFor();
    }
    const months = [...new Set(unique.map((c) => c.expected.notAfter.slice(0, 7)))].sort();
    const expiry = await chartTable(page, 'expiry');
    expect(expiry.map(([month]) => month)).toEqual(months);
    expect(sum(expiry)).toBe(summary.unique);
    const keyTypes = await chartTable(page, 'key-types');
    expect(sum(keyTypes)).toBe(summary.unique);
    expect(keyTypes).toContainEqual(['rsa-1024', 1]);
    expect(keyTypes).toContainEqual(['ec-P-256', 1]);
    expect(sum(await chartTable(page, 'signatures'))).toBe(summary.unique);
    const issuers = await chartTable(page, 'issuers');
    expect(issuers.length).toBe(summary.issuers);
    expect(sum(issuers)).toBe(summary.unique);
    await checkA11y(page, 'the scan page with the data tables open');
    expect(problems.errors).toEqual([]);
  });

  it('refuses a TLS target off the allow list and scans one on it', async () => {
    const target = tls?.target ?? '';
    const field = page.getByRole('textbox', { name: 'TLS endpoints' });
    await field.fill('blocked.example.test:443');
    await page.getByRole('button', { name: 'Scan', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'blocked.example.test:443 is not allowed' }).waitFor();

    await field.fill(`${target}\n`);
    await page.getByRole('button', { name: 'Scan', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Scan done: 2 certificates read/ })
      .waitFor({ timeout: 60_000 });
    const endpoint = page.getByTestId('scan-endpoints').locator('tbody tr');
    await endpoint.waitFor();
    expect(await endpoint.count()).toBe(1);
    const cells = await endpoint.locator('th, td').allInnerTexts();
    expect(cells[0]).toBe(target);
    expect(cells[1]).toMatch(/^TLSv1\.[23]$/);
    // The test CA is in no trust store.
    expect(cells[3]).toMatch(/^No/);
    expect(await figure(page, 'unique')).toBe(2);

    // Newest first; the older scan can be chosen again and shows its own figures.
    const list = page.getByTestId('scan-list').locator('tbody tr');
    expect(await list.count()).toBe(2);
    expect(await list.first().getByRole('button').getAttribute('aria-pressed')).toBe('true');
    expect(await list.first().innerText()).toContain(target);
    await list.nth(1).getByRole('button').click();
    await waitUntil(async () => (await figure(page, 'unique')) === expected.summary.unique);
    await checkA11y(page, 'the scan page with two scans');
    expect(problems.errors).toEqual([]);
  });

  it('accepts one suggestion and changes another; the server stores both ratings', async () => {
    const listed = (await call(page, 'GET', `/assessments/${id}/suggestions`)).body as {
      suggestions: Suggestion[];
    };
    const open = listed.suggestions.filter((s) => s.status === 'open');
    const first = open[0];
    const second = open.find((s) => s.requirement !== first?.requirement);
    if (!first || !second) throw new Error(`need two open suggestions, got ${JSON.stringify(listed)}`);
    const changedTo = second.level === 5 ? 4 : second.level + 1;

    const card = (s: Suggestion) => page.locator(`article[data-suggestion="${s.id}"]`);
    expect(await card(first).getAttribute('data-status')).toBe('open');
    await card(first).getByRole('button', { name: 'Accept' }).click();
    await page.getByRole('status').filter({ hasText: 'is now rated Level' }).waitFor();
    await waitUntil(async () => (await card(first).getAttribute('data-status')) === 'accepted');
    expect(await card(first).getByRole('button').count()).toBe(0);
    expect(await card(first).getByTestId('current-level').innerText()).toMatch(
      new RegExp(`^Level ${first.level} `),
    );

    await card(second).getByRole('button', { name: 'Change…' }).click();
    await card(second).getByLabel('Level', { exact: true }).selectOption(String(changedTo));
    await card(second).getByRole('button', { name: 'Apply' }).click();
    await waitUntil(async () => (await card(second).getAttribute('data-status')) === 'changed');

    const stored = (await storedAssessment(page, id)).document.requirements ?? {};
    expect(stored[first.requirement]?.level).toBe(first.level);
    expect(stored[second.requirement]?.level).toBe(changedTo);
    const after = (await call(page, 'GET', `/assessments/${id}/suggestions`)).body as {
      suggestions: Suggestion[];
    };
    expect(after.suggestions.find((s) => s.id === first.id)).toMatchObject({
      status: 'accepted',
      currentLevel: first.level,
    });
    expect(after.suggestions.find((s) => s.id === second.id)).toMatchObject({
      status: 'changed',
      currentLevel: changedTo,
    });
    // A second decision on the same suggestion is refused.
    expect(
      (await call(page, 'POST', `/assessments/${id}/suggestions/${first.id}/decision`, { action: 'reject' }))
        .status,
    ).toBe(409);
    await checkA11y(page, 'the scan page after two decisions');
    await screenshot(page, 'scan-decided');

    // The answer page shows the accepted rating on that requirement.
    await page.evaluate(({ key, item }) => sessionStorage.setItem(key, item), {
      key: `pkimm.item.${id}`,
      item: first.requirement,
    });
    await page.goto(`/#/assessments/${id}`);
    await page.getByRole('heading', { level: 1, name: `Answer: ${TITLE}` }).waitFor();
    await waitUntil(() => levelRadio(page, first.level).isChecked());
    expect(problems.errors).toEqual([]);
  });

  it('shows a viewer the scans and suggestions, with no Scan button and no decisions', async () => {
    const viewer = accounts[1];
    if (!viewer || !browser) throw new Error('setup failed');
    const other = await openPage(browser.browser, viewer.url);
    try {
      await signIn(other.page, viewer);
      await other.page.goto(`/#/assessments/${id}/scan`);
      await other.page.getByRole('heading', { level: 1, name: `Automated evidence: ${TITLE}` }).waitFor();
      await other.page.getByTestId('scan-detail').waitFor();
      await other.page.getByTestId('suggestions').waitFor();
      await other.page.getByText('Your role here is Viewer: you can read the scans').waitFor();
      expect(await other.page.getByTestId('scan-list').locator('tbody tr').count()).toBe(2);
      expect(await other.page.getByLabel('Files', { exact: true }).count()).toBe(0);
      expect(await other.page.getByRole('button', { name: 'Scan', exact: true }).count()).toBe(0);
      for (const name of ['Accept', 'Change…', 'Reject'])
        expect(await other.page.getByRole('button', { name, exact: true }).count()).toBe(0);
      expect(await other.page.locator('article[data-status="open"]').count()).toBeGreaterThan(0);
      await checkA11y(other.page, "the viewer's scan page");
      await screenshot(other.page, 'scan-viewer');
      // Around the UI the server refuses the decision too.
      const open = (await call(other.page, 'GET', `/assessments/${id}/suggestions`)).body as {
        suggestions: Suggestion[];
      };
      const target = open.suggestions.find((s) => s.status === 'open');
      if (!target) throw new Error('no open suggestion left');
      const refused = await call(other.page, 'POST', `/assessments/${id}/suggestions/${target.id}/decision`, {
        action: 'accept',
      });
      expect(refused.status).toBe(403);

      // The page in German: headings, figures and the role note are translated too.
      await other.page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Deutsch' });
      await other.page
        .getByRole('heading', { level: 1, name: `Automatisch erhobene Nachweise: ${TITLE}` })
        .waitFor();
      await other.page.getByText('Ihre Rolle hier ist Betrachter: Sie können die Scans lesen').waitFor();
      await other.page.getByRole('heading', { name: 'Vorgeschlagene Bewertungen' }).waitFor();
      expect(await other.page.getByTestId('scan-summary').innerText()).toContain('Eindeutige Zertifikate');
      await checkA11y(other.page, "the viewer's scan page in German");
      expect(other.problems.errors).toEqual([]);
    } finally {
      await other.context.close();
    }
  });

  it('caps the inventory table at 500 rows and says so, for a CSV inventory of 600', async () => {
    const header = 'subject,issuer,serial_number,not_after,key_type,key_size';
    const rows = Array.from(
      { length: 600 },
      (_, i) =>
        `CN=row-${i}.example.test,CN=Export CA,${(0x1000 + i).toString(16)},2030-01-01T00:00:00Z,RSA,2048`,
    );
    // A hostile subject in an export is shown as text, never parsed as markup.
    rows[0] = `CN=${HOSTILE},CN=Export CA,fff,2030-01-01T00:00:00Z,RSA,2048`;
    await page.goto(`/#/assessments/${id}/scan`);
    await page.getByRole('heading', { level: 1, name: `Automated evidence: ${TITLE}` }).waitFor();
    await page.getByLabel('CSV columns').selectOption('generic');
    await page
      .getByLabel('Files', { exact: true })
      .setInputFiles([
        { name: 'inventory.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...rows].join('\n')) },
      ]);
    await page.getByRole('button', { name: 'Scan', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Scan done: 600 certificates read, 600 unique/ })
      .waitFor({ timeout: 60_000 });
    const table = page.getByTestId('inventory-table').locator('tbody tr');
    expect(await page.getByTestId('inventory-count').innerText()).toBe('600 of 600 certificates');
    expect(await table.count()).toBe(500);
    await page.getByText('Only the first 500 are shown; narrow the filter to see the others.').waitFor();
    await page.getByLabel('Filter by subject, issuer or DNS name').fill('row-599.');
    await waitUntil(async () => (await table.count()) === 1);
    expect(await page.getByText('Only the first 500 are shown').count()).toBe(0);
    await page.getByLabel('Filter by subject, issuer or DNS name').fill('onerror');
    await waitUntil(async () => (await table.count()) === 1);
    expect(await table.first().locator('th').innerText()).toContain(HOSTILE);
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(problems.errors).toEqual([]);
  });
});

/**
 * `npm run bench` (after `npm run build`): the gzip size of what the web app's index.html
 * loads directly (its initial JavaScript and CSS) and of every lazily loaded chunk, next to
 * the budget the README states. Gzip at level 9 approximates what a compressing proxy sends;
 * the server itself sends files as they are. Over budget sets a failing exit code.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { packageRoot } from '../src/io/package-root.js';

const KIB = 1024;
/** The budget stated in README.md ("Web app"); change both together. */
const BUDGET = { initialJs: 250 * KIB, initialCss: 30 * KIB };

interface Asset {
  file: string;
  gzip: number;
}

const webRoot = join(packageRoot(), 'dist', 'web');
const indexFile = join(webRoot, 'index.html');
if (!existsSync(indexFile)) throw new Error(`${indexFile} is missing: run \`npm run build\` first`);

const html = readFileSync(indexFile, 'utf8');
/** Every asset index.html names: module scripts, modulepreloads and stylesheets. */
const direct = new Set(
  [...html.matchAll(/<(?:script|link)\b[^>]*?\b(?:src|href)="\/?(assets\/[^"]+)"/g)].map((m) => m[1] ?? ''),
);

const gzipOf = (file: string): Asset => ({
  file,
  gzip: gzipSync(readFileSync(join(webRoot, file)), { level: 9 }).length,
});
const assets = readdirSync(join(webRoot, 'assets'))
  .filter((name) => /\.(js|css)$/.test(name))
  .map((name) => gzipOf(`assets/${name}`));

const initialJs = assets.filter((a) => direct.has(a.file) && a.file.endsWith('.js'));
const initialCss = assets.filter((a) => direct.has(a.file) && a.file.endsWith('.css'));
const lazy = assets.filter((a) => !direct.has(a.file)).sort((a, b) => b.gzip - a.gzip);

const kib = (bytes: number) => `${(bytes / KIB).toFixed(1)} KiB`;
const sum = (list: Asset[]) => list.reduce((total, a) => total + a.gzip, 0);
const rows: [string, number, number | undefined][] = [
  ['initial JS', sum(initialJs), BUDGET.initialJs],
  ['initial CSS', sum(initialCss), BUDGET.initialCss],
  ['lazy chunks (all)', sum(lazy), undefined],
];

console.log('web bundle, gzip -9 sizes');
for (const [name, size, budget] of rows) {
  const verdict =
    budget === undefined ? '' : size <= budget ? `  ≤ ${kib(budget)} ok` : `  > ${kib(budget)} OVER BUDGET`;
  console.log(`  ${name.padEnd(20)} ${kib(size).padStart(10)}${verdict}`);
}
for (const asset of [...initialJs, ...initialCss])
  console.log(`    initial  ${kib(asset.gzip).padStart(10)}  ${asset.file}`);
for (const asset of lazy) console.log(`    lazy     ${kib(asset.gzip).padStart(10)}  ${asset.file}`);

if (rows.some(([, size, budget]) => budget !== undefined && size > budget)) process.exitCode = 1;

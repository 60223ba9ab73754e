/**
 * `npm run bench:bundle` (after `npm run build`; also rows of `npm run bench`): the gzip size of what the web app's index.html
 * loads directly (its initial JavaScript and CSS) and of every lazily loaded chunk, next to
 * the budget the README states. Gzip at level 9 approximates what a compressing proxy sends;
 * the server itself sends files as they are. Over budget sets a failing exit code.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { packageRoot } from '../src/io/package-root.js';
import { isMain, type Row } from './support/report.js';

const KIB = 1024;
/** The budget stated in README.md ("Web app"); change both together. */
const BUDGET = { initialJs: 250 * KIB, initialCss: 30 * KIB };

interface Asset {
  file: string;
  gzip: number;
}

export const webRoot = join(packageRoot(), 'dist', 'web');
export const indexFile = join(webRoot, 'index.html');

/** The sizes from dist/web; throws a clear error when the web app has not been built. */
export function bundleRows(): { rows: Row[]; print: () => void } {
  if (!existsSync(indexFile)) throw new Error(`${indexFile} is missing: run \`npx vite build\` first`);

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

  const out: Row[] = rows
    .filter((row): row is [string, number, number] => row[2] !== undefined)
    .map(([name, size, budget]) => ({
      figure: `${name} bundle, gzip -9`,
      value: size / KIB,
      unit: 'KiB',
      baseline: 'budget (README)',
      baselineValue: budget / KIB,
      ratio: size / budget,
      better: 'lower',
      ok: size <= budget,
    }));
  const print = () => {
    console.log('web bundle, gzip -9 sizes');
    for (const [name, size, budget] of rows) {
      const verdict =
        budget === undefined
          ? ''
          : size <= budget
            ? `  ≤ ${kib(budget)} ok`
            : `  > ${kib(budget)} OVER BUDGET`;
      console.log(`  ${name.padEnd(20)} ${kib(size).padStart(10)}${verdict}`);
    }
    for (const asset of [...initialJs, ...initialCss])
      console.log(`    initial  ${kib(asset.gzip).padStart(10)}  ${asset.file}`);
    for (const asset of lazy) console.log(`    lazy     ${kib(asset.gzip).padStart(10)}  ${asset.file}`);
  };
  return { rows: out, print };
}

if (isMain(import.meta.url)) {
  const { rows, print } = bundleRows();
  print();
  if (rows.some((r) => !r.ok)) process.exitCode = 1;
}

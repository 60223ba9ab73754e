/**
 * Writes model/pkimm-model-1.0.0.yaml from the 2.0.0 rendering. The two versions share ids'
 * order, weights and texts; 1.0.0 has numeric ids, "N - Name" level names with Basic at 2,
 * markdown references, no Cryptography, and the two cipher-suite requirements that 2.0.0
 * dropped (their texts live in model/derive/1.0.0-requirements.yaml). Run after editing the
 * 2.0.0 texts: `npx tsx scripts/derive-model-1.0.0.ts`; a test fails when the file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { packageRoot } from '../src/io/package-root.js';

interface Level {
  number: number;
  name: string;
  description: string;
}
interface Requirement {
  id: string;
  weight: number;
  description: string;
  guidance: string;
  assessment: string;
  references: string[] | string;
}
interface Category {
  id: string;
  weight: number;
  name: string;
  description: string;
  levels: Level[];
  requirements: Requirement[];
}
interface ModelFile {
  modules: { id: string; name: string; description: string; categories: Category[] }[];
}
interface Extra {
  category: string;
  id: string;
  weight: number;
  description: string;
  guidance: string;
  assessment: string;
  references?: string;
}
interface Reference {
  id: string;
  title: string;
  url?: string;
}

const NAMES_1_0_0 = ['Initial', 'Basic', 'Advanced', 'Managed', 'Optimized'];

export function deriveModel100(root = packageRoot()): string {
  const read = <T>(file: string) => parse(readFileSync(join(root, 'model', file), 'utf8')) as T;
  const v2 = read<ModelFile>('pkimm-model-2.0.0.yaml');
  const extras = read<Extra[]>('derive/1.0.0-requirements.yaml');
  const catalog = new Map(
    read<{ references: Reference[] }>('pkimm-references.yaml').references.map((r) => [r.id, r]),
  );
  const markdown = (ids: string[]) =>
    ids
      .map((id) => catalog.get(id))
      .filter((r): r is Reference => r !== undefined)
      .map((r) => (r.url ? `- [${r.title}](${r.url})` : `- ${r.title}`))
      .join('\n');
  let number = 0;
  const modules = v2.modules.map((module) => ({
    id: module.id,
    name: module.name,
    description: module.description,
    categories: module.categories
      .filter((category) => category.id !== 'cryptography')
      .map((category) => {
        number += 1;
        const id = String(number);
        const requirements: Omit<Extra, 'category'>[] = category.requirements.map((r) => ({
          id: '',
          weight: r.weight,
          description: r.description,
          guidance: r.guidance,
          assessment: r.assessment,
          references: markdown(Array.isArray(r.references) ? r.references : []),
        }));
        for (const extra of extras.filter((e) => e.category === id)) {
          const { category: _category, ...requirement } = extra;
          requirements.splice(Number(extra.id) - 1, 0, {
            ...requirement,
            references: extra.references ?? '',
          });
        }
        return {
          id,
          weight: category.weight,
          name: category.name,
          description: category.description,
          levels: category.levels.map((level) => ({
            number: level.number,
            name: `${level.number} - ${NAMES_1_0_0[level.number - 1]}`,
            description: level.description,
          })),
          requirements: requirements.map((r, i) => ({ ...r, id: String(i + 1) })),
        };
      }),
  }));
  const header =
    '# PKIMM 1.0.0 as bundled with pkimm: official ids, weights and structure; texts written by the\n' +
    '# pkimm project. Generated from pkimm-model-2.0.0.yaml by scripts/derive-model-1.0.0.ts; do not edit.\n';
  return header + stringify({ schemaVersion: '1.0.0', version: '1.0.0', modules }, { lineWidth: 0 });
}

if (process.argv[1]?.endsWith('derive-model-1.0.0.ts')) {
  writeFileSync(join(packageRoot(), 'model', 'pkimm-model-1.0.0.yaml'), deriveModel100());
  console.log('wrote model/pkimm-model-1.0.0.yaml');
}

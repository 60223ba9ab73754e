import { parseModelRef } from '../../model-loader/parse-ref.js';
import type { Model } from '../../core/model/model.types.js';
import type { CliContext } from '../context.js';
import { parseFormat, printJson } from '../options.js';
import { renderTable } from '../render/table.js';

/** `pkimm model list`: bundled and imported models and extensions. */
export async function modelListCommand(context: CliContext, options: { format?: string }): Promise<void> {
  const format = parseFormat(options.format);
  const entries = await context.registry.list();
  if (format === 'json') return printJson(context.io.stdout, entries);
  const rows = entries.map((e) => [
    `${e.id}@${e.version}`,
    e.kind,
    e.origin,
    String(e.categories),
    String(e.requirements),
  ]);
  context.io.stdout(
    renderTable(['Model', 'Kind', 'Origin', 'Categories', 'Requirements'], rows, new Set([3, 4])),
  );
}

/** `pkimm model show ID@VERSION`: modules, categories and requirements with ids and weights. */
export async function modelShowCommand(
  context: CliContext,
  ref: string,
  options: { format?: string },
): Promise<void> {
  const format = parseFormat(options.format);
  const { id, version } = parseModelRef(ref);
  const model = await context.registry.get(id, version);
  if (format === 'json') return printJson(context.io.stdout, modelToJson(model));
  const rows = model.modules.flatMap((module) =>
    module.categories.flatMap((category) => [
      [category.key, category.position, category.name, String(category.weight)],
      ...category.requirements.map((r) => [`  ${r.key}`, r.position, `  ${r.name}`, String(r.weight)]),
    ]),
  );
  context.io.stdout(`${model.id} ${model.version} (${model.origin})\n\n`);
  context.io.stdout(renderTable(['Key', 'Position', 'Name', 'Weight'], rows, new Set([3])));
}

export function modelToJson(model: Model) {
  return {
    id: model.id,
    version: model.version,
    schemaVersion: model.schemaVersion,
    origin: model.origin,
    levels: model.levels.map((l) => ({ number: l.number, name: l.name })),
    modules: model.modules.map((module) => ({
      id: module.id,
      name: module.name,
      categories: module.categories.map((category) => ({
        id: category.id,
        key: category.key,
        position: category.position,
        name: category.name,
        weight: category.weight,
        requirements: category.requirements.map((r) => ({
          id: r.id,
          key: r.key,
          position: r.position,
          name: r.name,
          weight: r.weight,
        })),
      })),
    })),
  };
}

/** `pkimm model validate FILE`: checks a model or extension file without storing it. */
export async function modelValidateCommand(context: CliContext, file: string): Promise<void> {
  const result = await context.registry.validateFile(file);
  context.io.stdout(`${file}: valid ${result.kind} ${result.id}@${result.version}\n`);
}

/** `pkimm model import FILE`: validates, then stores an official model or extension file. */
export async function modelImportCommand(context: CliContext, file: string): Promise<void> {
  const result = await context.registry.importFile(file);
  context.io.stdout(
    `${result.replaced ? 'replaced' : 'imported'} ${result.kind} ${result.id}@${result.version} from ${file}\n`,
  );
}

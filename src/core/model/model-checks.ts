/**
 * Cross-checks of a model file that a field schema cannot express: unique ids, level order.
 */
import type { ModuleId } from './model.types.js';
import { MODULE_NAMES, isRecord, records, stringField, type AddIssue, type Path } from './schema-parts.js';

// ---- Cross-checks. They may run on a partly invalid document, so they read it as unknown data. ----

export function crossCheckModel(
  value: unknown,
  add: AddIssue,
  levelNames: readonly string[] | undefined,
): void {
  const modules = new Map<string, Path>();
  const categories = new Map<string, Path>();
  records(value, 'modules').forEach((module, m) => {
    const modulePath: Path = ['modules', m];
    const id = stringField(module, 'id');
    const name = stringField(module, 'name');
    if (id !== undefined && id in MODULE_NAMES) {
      const first = modules.get(id);
      if (first) add([...modulePath, 'id'], `module ${id} is listed twice (first at ${first.join('.')})`);
      else modules.set(id, modulePath);
      const wanted = MODULE_NAMES[id as ModuleId];
      if (name !== undefined && name !== wanted && Object.values(MODULE_NAMES).includes(name)) {
        add([...modulePath, 'name'], `module ${id} must be named "${wanted}" (got "${name}")`);
      }
    }
    records(module, 'categories').forEach((category, c) => {
      const path: Path = [...modulePath, 'categories', c];
      const categoryId = stringField(category, 'id');
      const first = categoryId === undefined ? undefined : categories.get(categoryId);
      if (first) {
        add(
          [...path, 'id'],
          `category id "${categoryId}" is already used at ${first.join('.')}; category ids must be unique`,
        );
      } else if (categoryId !== undefined) categories.set(categoryId, path);
      const where = `category ${id ?? '?'}.${categoryId ?? '?'}`;
      checkUniqueIds(records(category, 'requirements'), [...path, 'requirements'], 'requirement', where, add);
      checkLevelOrder(records(category, 'levels'), [...path, 'levels'], levelNames, add);
    });
  });
}

/** Each entry's `id` at most once in the list. */
export function checkUniqueIds(
  entries: unknown[],
  path: Path,
  noun: string,
  where: string,
  add: AddIssue,
): void {
  const seen = new Map<string, number>();
  entries.forEach((entry, index) => {
    const id = stringField(entry, 'id');
    if (id === undefined) return;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, index);
    else
      add(
        [...path, index, 'id'],
        `${noun} id "${id}" is used twice in ${where} (first at ${[...path, first].join('.')})`,
      );
  });
}

/** Levels 1 to 5, once each, in order; with `levelNames`, each level also carries its fixed name. */
export function checkLevelOrder(
  levels: unknown[],
  path: Path,
  levelNames: readonly string[] | undefined,
  add: AddIssue,
) {
  const seen = new Set<number>();
  levels.forEach((level, index) => {
    const number = isRecord(level) ? level.number : undefined;
    if (typeof number !== 'number' || !Number.isInteger(number) || number < 1 || number > 5) return;
    if (number !== index + 1) {
      const detail = seen.has(number)
        ? `level ${number} is listed twice`
        : `expected level ${index + 1} here (got ${number})`;
      add([...path, index, 'number'], `${detail}; levels must be numbered 1 to 5, once each, in order`);
      seen.add(number);
      return; // a misplaced level's name would only repeat the same problem
    }
    seen.add(number);
    const name = stringField(level, 'name');
    if (name === undefined) return;
    const wanted = levelNames?.[number - 1];
    if (wanted !== undefined && name !== wanted && levelNames?.includes(name)) {
      add([...path, index, 'name'], `level ${number} must be named "${wanted}" (got "${name}")`);
    }
    const numbered = /^(\d+)\s*-/.exec(name)?.[1];
    if (numbered !== undefined && Number(numbered) !== number) {
      add(
        [...path, index, 'name'],
        `name "${name}" carries the number ${numbered} but this is level ${number}`,
      );
    }
  });
}

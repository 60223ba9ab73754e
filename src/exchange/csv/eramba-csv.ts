import { stringify } from 'csv-stringify/sync';
import type { Model, Requirement } from '../../core/model/model.types.js';

/**
 * The model as the Eramba GRC compliance package CSV: no header, one row per requirement,
 * exactly seven columns (pkimm-model.md §13): chapter id, chapter name, chapter description,
 * item id, item name, item description, item additional information. Chapters are categories
 * and items requirements, identified by the keys our assessment files use (`G.1` / `G.1.1` in
 * 1.0.0, `G.strategy-and-vision` / `G.strategy-and-vision.sponsor-support` in 2.0.0). The
 * additional information is the assessment text and the references, markdown links reduced to
 * their text. The texts are the model's own and go to Eramba's importer, not to a spreadsheet,
 * so they are written unchanged (no formula quoting, which would alter a list item's leading
 * dash).
 */
export function erambaCsv(model: Model): string {
  const rows: string[][] = [];
  for (const module of model.modules) {
    for (const category of module.categories) {
      for (const requirement of category.requirements) {
        rows.push([
          category.key,
          category.name,
          stripLinks(category.description),
          requirement.key,
          requirement.name,
          stripLinks(requirement.guidance),
          additionalInformation(model, requirement),
        ]);
      }
    }
  }
  return stringify(rows, { header: false });
}

function additionalInformation(model: Model, requirement: Requirement): string {
  const titles = new Map(model.references.map((r) => [r.id, r.title]));
  // 2.0.0 lists catalog ids; 1.0.0 holds markdown text. Resolve the ids, keep the text.
  const references = requirement.references.map((ref) => titles.get(ref) ?? ref).map(stripLinks);
  const assessment = stripLinks(requirement.assessment).trimEnd();
  if (references.length === 0) return assessment;
  const list = references.map((ref) => (ref.trimStart().startsWith('-') ? ref.trim() : `- ${ref.trim()}`));
  return `${assessment}\n\nReferences:\n${list.join('\n')}`;
}

/** `[text](url)` → `text`, `<https://…>` → the address; images keep their alt text. */
export function stripLinks(markdown: string): string {
  return markdown.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/<(https?:\/\/[^>\s]+)>/g, '$1');
}

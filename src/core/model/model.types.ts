/**
 * The PKIMM model as the rest of pkimm sees it, whatever file it came from (our bundled
 * YAML or an official `pkimm-model-*.yaml`). Ids are kept exactly as the model version
 * spells them; `key` joins them the way assessment files do.
 */

/** A level on the 1..5 scale. */
export type LevelNumber = 1 | 2 | 3 | 4 | 5;
export const LEVEL_NUMBERS: readonly LevelNumber[] = [1, 2, 3, 4, 5];

export type ModuleId = 'G' | 'M' | 'O' | 'R';
export const MODULE_IDS: readonly ModuleId[] = ['G', 'M', 'O', 'R'];

/** The generic meaning of a level, shared by all categories of a model version. */
export interface LevelDefinition {
  number: LevelNumber;
  /** The bare name: Initial, Basic or Foundational, Advanced, Managed, Optimized. */
  name: string;
  meaning: string;
  indicators: string[];
  risks: string;
}

/** What one level means for one category (its ladder step). */
export interface CategoryLevel {
  number: LevelNumber;
  name: string;
  description: string;
}

export interface Requirement {
  /** The id as the model version spells it: `"1"` in 1.0.0, `sponsor-support` in 2.0.0. */
  id: string;
  /** `{module}.{category}.{requirement}`, the key assessment files use. */
  key: string;
  /** Positional reference `G.1.1`: module, global category number, local requirement number. */
  position: string;
  weight: number;
  /** Short name (the official files call it `description`). */
  name: string;
  guidance: string;
  /** How to assess it and what evidence to look for. */
  assessment: string;
  /** Reference catalog ids (2.0.0) or one markdown text (1.0.0). */
  references: string[];
}

export interface Category {
  id: string;
  /** `{module}.{category}`. */
  key: string;
  /** `G.1`: module and the category's global number in model order. */
  position: string;
  moduleId: ModuleId;
  weight: number;
  name: string;
  description: string;
  levels: CategoryLevel[];
  requirements: Requirement[];
}

export interface Module {
  id: ModuleId;
  name: string;
  description: string;
  categories: Category[];
}

export interface ReferenceEntry {
  id: string;
  title: string;
  url?: string;
}

export interface Model {
  /** Always `pkimm` for the maturity model itself. */
  id: string;
  version: string;
  /** Schema of the file it was read from (`1.0.0` or `2.0.0`). */
  schemaVersion: string;
  /** Where the text came from: the bundled rendering or an imported official file. */
  origin: 'bundled' | 'imported';
  levels: LevelDefinition[];
  modules: Module[];
  references: ReferenceEntry[];
}

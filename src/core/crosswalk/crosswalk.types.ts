/**
 * A crosswalk pack maps PKIMM requirements onto the controls of a regulatory framework or
 * standard (model/crosswalks/*.yaml, docs/crosswalks.md). Control ids and titles are the
 * framework's; relationships and rationales are the pack author's reading.
 */

/**
 * How a requirement relates to a control, read as "the requirement is … of the control":
 * `equivalent` asks for the same thing, `subset` covers part of the control, `superset` asks for
 * more than the control does, `related` informs it without meeting any part by itself.
 */
export const RELATIONSHIPS = ['equivalent', 'subset', 'superset', 'related'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export interface CrosswalkControl {
  id: string;
  title: string;
  /** The article, clause or function the control belongs to, for grouping. */
  group?: string;
}

export interface CrosswalkMapping {
  /** The full requirement key in the pack's model version, e.g. `G.cryptography.crypto-algorithms`. */
  requirement: string;
  control: string;
  relationship: Relationship;
  rationale: string;
}

export interface CrosswalkPack {
  kind: 'pkimm-crosswalk';
  schemaVersion: string;
  id: string;
  framework: string;
  title: string;
  /** The framework's edition as usually cited; not the pack's own version. */
  version: string;
  packVersion: string;
  /** The model version whose requirement keys the mappings use. */
  model: string;
  authority?: string;
  url?: string;
  description?: string;
  controls: CrosswalkControl[];
  mappings: CrosswalkMapping[];
}

/** The CLI contract of `crosswalk show --format json`: exactly these keys, the mappings without the prose. */
export interface CrosswalkContract {
  framework: string;
  version: string;
  mappings: { requirement: string; control: string; relationship: Relationship }[];
}

export function crosswalkContract(pack: CrosswalkPack): CrosswalkContract {
  return {
    framework: pack.framework,
    version: pack.version,
    mappings: pack.mappings.map(({ requirement, control, relationship }) => ({
      requirement,
      control,
      relationship,
    })),
  };
}

/** The short listing of a pack (`crosswalk list`, `GET /crosswalks`). */
export interface CrosswalkSummary {
  id: string;
  framework: string;
  title: string;
  version: string;
  packVersion: string;
  model: string;
  authority?: string;
  url?: string;
  controls: number;
  mappings: number;
  /** True for packs shipped with pkimm, false for ones added from a directory of the user's. */
  bundled: boolean;
}

export function summarisePack(pack: CrosswalkPack, bundled: boolean): CrosswalkSummary {
  return {
    id: pack.id,
    framework: pack.framework,
    title: pack.title,
    version: pack.version,
    packVersion: pack.packVersion,
    model: pack.model,
    ...(pack.authority === undefined ? {} : { authority: pack.authority }),
    ...(pack.url === undefined ? {} : { url: pack.url }),
    controls: pack.controls.length,
    mappings: pack.mappings.length,
    bundled,
  };
}

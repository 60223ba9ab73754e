/**
 * The `roadmap` block of an assessment: the levels the organisation aims for and which track
 * a roadmap item is planned in. Kept in the document (and in the official export's `x-pkimm`)
 * so the roadmap can be computed again anywhere from the file alone.
 */
import { z } from 'zod';
import type { PathIssue } from '../assessment/path-issue.js';
import { isPlainObject, setOwn } from '../assessment/compact.js';
import type { ModelIndex } from '../model/model-index.js';
import type { LevelNumber } from '../model/model.types.js';

import { TRACKS, type Track } from './tracks.js';

export { defaultTrack, TRACKS, type Track } from './tracks.js';

export interface RoadmapTargets {
  overall?: LevelNumber;
  /** Per category key; a category without one aims for `overall`. */
  categories?: Record<string, LevelNumber>;
}

export interface RoadmapSettings {
  targets?: RoadmapTargets;
  /** Track overrides keyed by requirement key (full mode) or category key (a whole category). */
  tracks?: Record<string, Track>;
}

const targetLevel = z.custom<LevelNumber>(
  (value) => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 5,
  {
    error: (issue) => `a target must be a whole number from 1 to 5 (got ${JSON.stringify(issue.input)})`,
  },
);

export const roadmapSettingsSchema = z.strictObject({
  targets: z
    .strictObject({
      overall: targetLevel.optional(),
      categories: z.record(z.string(), targetLevel).optional(),
    })
    .optional(),
  tracks: z.record(z.string(), z.enum(TRACKS)).optional(),
});

/** Keys in `targets.categories` must be categories; keys in `tracks` categories or requirements. */
export function validateRoadmapSettings(value: unknown, index: ModelIndex, modelName: string): PathIssue[] {
  if (!isPlainObject(value)) return [];
  const issues: PathIssue[] = [];
  const targets = value['targets'];
  const categories = isPlainObject(targets) ? targets['categories'] : undefined;
  if (isPlainObject(categories)) {
    for (const key of Object.keys(categories)) {
      if (!index.categoryByKey.has(key))
        issues.push({
          path: ['roadmap', 'targets', 'categories', key],
          message: `no category "${key}" in ${modelName}`,
        });
    }
  }
  const tracks = value['tracks'];
  if (isPlainObject(tracks)) {
    for (const key of Object.keys(tracks)) {
      if (!index.categoryByKey.has(key) && !index.requirementByKey.has(key))
        issues.push({
          path: ['roadmap', 'tracks', key],
          message: `no category or requirement "${key}" in ${modelName}`,
        });
    }
  }
  return issues;
}

/** Drops empty parts so that an empty block is not written. */
export function compactRoadmapSettings(
  settings: z.output<typeof roadmapSettingsSchema>,
): RoadmapSettings | undefined {
  const out: RoadmapSettings = {};
  const targets: RoadmapTargets = {};
  if (settings.targets?.overall !== undefined) targets.overall = settings.targets.overall;
  if (settings.targets?.categories && Object.keys(settings.targets.categories).length > 0)
    targets.categories = settings.targets.categories;
  if (Object.keys(targets).length > 0) out.targets = targets;
  if (settings.tracks && Object.keys(settings.tracks).length > 0) out.tracks = settings.tracks;
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * The settings under another model version's keys (migration 1.0.0 → 2.0.0); entries whose key
 * has no successor are dropped, as their requirement is.
 */
export function remapRoadmapSettings(
  settings: RoadmapSettings,
  keyTo: (key: string) => string | undefined,
): RoadmapSettings {
  const remap = <T>(entries: Record<string, T> | undefined) => {
    const out: Record<string, T> = {};
    for (const [key, value] of Object.entries(entries ?? {})) {
      const next = keyTo(key);
      if (next !== undefined) setOwn(out, next, value);
    }
    return out;
  };
  return (
    compactRoadmapSettings({
      targets: { ...settings.targets, categories: remap(settings.targets?.categories) },
      tracks: remap(settings.tracks),
    }) ?? {}
  );
}

/** A merge import: the file's targets and tracks win key by key; the stored ones it lacks stay. */
export function mergeRoadmapSettings(
  stored: RoadmapSettings | undefined,
  file: RoadmapSettings,
): RoadmapSettings {
  const overall = file.targets?.overall ?? stored?.targets?.overall;
  return (
    compactRoadmapSettings({
      targets: {
        ...(overall === undefined ? {} : { overall }),
        categories: { ...stored?.targets?.categories, ...file.targets?.categories },
      },
      tracks: { ...stored?.tracks, ...file.tracks },
    }) ?? {}
  );
}

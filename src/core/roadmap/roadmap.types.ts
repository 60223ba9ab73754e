import type { LevelNumber, ModuleId } from '../model/model.types.js';
import type { LevelValue } from '../scoring/score.types.js';
import type { Track } from './roadmap-settings.js';

/**
 * One step of a roadmap: one requirement (full mode) or one self-rated category (self mode, or a
 * full-mode category scored from its own level) raised from its current level straight to the
 * level its category aims for. `gain` is what the step adds to the overall raw level; it does
 * not depend on the order of steps, because raising a rated item never changes which
 * categories count.
 */
export interface RoadmapStep {
  kind: 'requirement' | 'category';
  /** The requirement key (`G.strategy-and-vision.sponsor-support`) or the category key. */
  key: string;
  name: string;
  categoryKey: string;
  categoryName: string;
  moduleId: ModuleId;
  /** The requirement weight (1 for a category step) and the category weight. */
  weight: number;
  categoryWeight: number;
  from: number;
  to: LevelNumber;
  track: Track;
  /** True when the track comes from the document rather than the module. */
  trackOverridden: boolean;
  gain: number;
  /** The levels once this and every earlier step are done (equal to scoreAssessment on that state). */
  after: { category: LevelValue; module: LevelValue; overall: LevelValue };
}

export type CategoryPlanStatus = 'at-target' | 'planned' | 'unreachable' | 'no-target';

export interface CategoryPlan {
  key: string;
  name: string;
  moduleId: ModuleId;
  raw: number | null;
  level: number | null;
  target: LevelNumber | null;
  /** Where the target comes from. */
  targetSource: 'category' | 'overall' | null;
  status: CategoryPlanStatus;
  /** Why a target cannot be reached: the category is out of scope or has nothing rated. */
  reason?: 'not-applicable' | 'not-assessed';
  steps: number;
  rawAfter: number | null;
}

/** What the next level of a category asks for, as data; the CLI and the web app word it. */
export interface NextLevelStatement {
  categoryKey: string;
  categoryName: string;
  raw: number;
  level: number;
  levelName: string;
  nextLevel: LevelNumber;
  nextLevelName: string;
  /** The category ladder's description of the next level. */
  nextLevelDescription: string;
  /** How far the raw level must still rise. */
  rawNeeded: number;
  /** Rated requirements below the next level, the biggest lever first. */
  limiting: { key: string; name: string; level: number; weight: number }[];
}

export interface Roadmap {
  targets: { overall: LevelNumber | null; categories: Record<string, LevelNumber> };
  before: LevelValue;
  after: LevelValue;
  steps: RoadmapStep[];
  /** The indexes into `steps` of each track, in rank order. */
  tracks: Record<Track, number[]>;
  categories: CategoryPlan[];
  statements: NextLevelStatement[];
}

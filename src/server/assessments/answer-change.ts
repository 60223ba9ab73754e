import { capabilityForField as coreCapabilityForField } from '../../core/access/capabilities.js';
import type { Applicability, Rating } from '../../core/assessment/assessment.types.js';
import type { Capability } from '../auth/principal.js';

export type AnswerTarget = 'module' | 'category' | 'requirement' | 'relevance';
export type TextField = 'notes' | 'evidence' | 'flagNote';
export type FlagField = 'flagged' | 'completed';
export type AnswerField = 'level' | 'applicability' | TextField | FlagField;

/** One autosave: a single field of a single module, category, requirement or relevance answer. */
export type AnswerChange = { target: AnswerTarget; key: string } & (
  | { field: 'level'; value: Rating }
  | { field: 'applicability'; value: Applicability; reason?: string | undefined }
  | { field: TextField; value: string | null }
  | { field: FlagField; value: boolean }
);

/** Which fields each kind of answer has (as in our file format). */
export const FIELDS_BY_TARGET: Record<AnswerTarget, readonly AnswerField[]> = {
  module: ['applicability'],
  category: ['level', 'applicability', 'notes'],
  relevance: ['level', 'applicability', 'notes'],
  requirement: ['level', 'applicability', 'notes', 'evidence', 'flagged', 'flagNote', 'completed'],
};

/** The document map each target lives in. */
export const COLLECTION_OF: Record<AnswerTarget, 'modules' | 'categories' | 'requirements' | 'relevance'> = {
  module: 'modules',
  category: 'categories',
  requirement: 'requirements',
  relevance: 'relevance',
};

/** Ratings and scoping decide the level, so they need `rate`; the rest is annotation. */
export const capabilityForField: (field: AnswerField) => Capability = coreCapabilityForField;

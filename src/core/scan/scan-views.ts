/**
 * The scan API's view shapes, shared by the server that builds them and the web app that
 * shows them (the inventory itself is `Inventory`).
 */
import type { Inventory, ScanInputDigest, ScanSummary } from './scan.types.js';

/** A scan as the API lists it: the evidence item's id, when and by whom, and the summary. */
export interface ScanListItem {
  id: string;
  createdAt: string;
  createdBy: string;
  summary: ScanSummary;
  inputs: ScanInputDigest[];
}

export type ScanDetail = Inventory & { id: string; createdAt: string; createdBy: string };

export const SUGGESTION_STATUSES = ['open', 'accepted', 'changed', 'rejected'] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

export interface SuggestionView {
  id: string;
  scanId: string;
  /** The requirement key in the assessment's model version. */
  requirement: string;
  rule: string;
  level: number;
  reasoning: string[];
  status: SuggestionStatus;
  decidedLevel?: number;
  decidedBy?: string;
  decidedAt?: string;
  /** The requirement's rating now; 0 when not rated. */
  currentLevel: number;
}

import { z } from 'zod';
import { SUGGESTION_STATUSES } from '../../core/scan/scan-views.js';
import { Timestamp } from './assessments/common-schemas.js';

/** The CLI contract's summary, also the API's (docs/scanning.md). */
export const ScanSummarySchema = z.object({
  certificates: z.number().int().describe('certificate occurrences read, duplicates included'),
  unique: z.number().int().describe('distinct fingerprints'),
  expired: z.number().int(),
  expiringWithin30Days: z.number().int(),
  weakKeys: z.number().int().describe('RSA or DSA under 2048 bits, EC under 256 bits'),
  sha1Signatures: z.number().int(),
  issuers: z.number().int(),
  skipped: z.number().int(),
});

export const ScanInputSchema = z.object({
  kind: z.enum(['file', 'tls', 'csv', 'ct', 'cbom']),
  name: z.string(),
  sha256: z.string(),
  size: z.number().int(),
});

export const ScanListItemSchema = z.object({
  id: z.string(),
  createdAt: Timestamp,
  createdBy: z.string(),
  summary: ScanSummarySchema,
  inputs: z.array(ScanInputSchema),
});

// Interfaces of src/core/scan (no index signature) pass through as they are; their fields are
// documented there and in docs/scanning.md.
const Loose = z.any();

/** The whole inventory (see src/core/scan/scan.types.ts for every field). */
export const ScanDetailSchema = z.object({
  id: z.string(),
  createdAt: Timestamp,
  createdBy: z.string(),
  scannedAt: Timestamp,
  inputs: z.array(ScanInputSchema),
  summary: ScanSummarySchema,
  indicators: Loose,
  certificates: z.array(Loose),
  endpoints: z.array(Loose),
  algorithms: z.array(Loose),
  keys: z.array(Loose),
  findings: z.array(z.object({ kind: z.string(), location: z.string(), message: z.string() })),
  skipped: z.array(z.object({ location: z.string(), reason: z.string() })),
});

export const SuggestionSchema = z.object({
  id: z.string(),
  scanId: z.string(),
  requirement: z.string().describe("the requirement key in the assessment's model version"),
  rule: z.string(),
  level: z.number().int().min(1).max(5),
  reasoning: z.array(z.string()),
  status: z.enum(SUGGESTION_STATUSES),
  decidedLevel: z.number().int().optional(),
  decidedBy: z.string().optional(),
  decidedAt: Timestamp.optional(),
  currentLevel: z.number().int().min(0).max(5).describe('the rating now; 0 = not rated'),
});

export const DecisionBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('accept') }),
  z.strictObject({
    action: z.literal('change'),
    level: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
  }),
  z.strictObject({ action: z.literal('reject') }),
]);

/** The text fields of a scan upload. */
export const ScanFields = z.object({
  tls: z.array(z.string().trim().min(3).max(300)).max(256, 'at most 256 TLS endpoints per scan'),
  csvPreset: z.enum(['generic', 'adcs']),
  csvIssuer: z.string().trim().min(1).max(500).optional(),
  knownIssuers: z.array(z.string().trim().min(1).max(500)).max(200),
  pkcs12Password: z.string().max(1_000).optional(),
});

import { z } from 'zod';
import { Timestamp } from './common-schemas.js';

const Title = z.string().trim().min(1, 'must not be empty').max(300);
export const RequirementKeys = z
  .array(z.string().min(1).max(300))
  .min(1, 'tie the evidence to at least one requirement')
  .max(500)
  .describe('requirement keys of the model, e.g. G.strategy-and-vision.sponsor-support');

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Text and links come as JSON; files come as multipart/form-data (one `file`, `title`, `requirements`). */
export const EvidenceJsonBody = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('text'),
    title: Title,
    text: z.string().min(1).max(100_000),
    requirements: RequirementKeys,
  }),
  z.strictObject({
    kind: z.literal('link'),
    title: Title,
    url: z.string().max(2_000).refine(isHttpUrl, 'must be an http:// or https:// URL'),
    requirements: RequirementKeys,
  }),
]);

export const MultipartFields = z.object({ title: Title.optional(), requirements: RequirementKeys });

export const EvidenceSchema = z.object({
  id: z.string(),
  assessmentId: z.string(),
  kind: z.enum(['text', 'link', 'file', 'scan']),
  title: z.string(),
  text: z.string().nullable(),
  url: z.string().nullable(),
  fileName: z.string().nullable(),
  contentType: z.string().nullable().describe('sniffed from the bytes, not taken from the upload'),
  size: z.number().int().nullable(),
  sha256: z.string().nullable(),
  requirements: z.array(z.string()),
  createdBy: z.string(),
  createdAt: Timestamp,
});

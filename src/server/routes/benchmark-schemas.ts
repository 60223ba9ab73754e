/** Reply shapes of the benchmark routes; zod drops anything undeclared, so replies carry only these. */
import { z } from 'zod';

const Option = z.object({ code: z.string(), name: z.string() });
export const ProfileOptionsSchema = z.object({
  industries: z.array(Option),
  sizes: z.array(Option),
  regions: z.array(Option),
  roles: z.array(Option),
  caCounts: z.array(Option),
});
const Profile = z.object({
  industry: z.string(),
  size: z.string(),
  region: z.string(),
  role: z.string(),
  cas: z.string(),
});
const Filters = z.object({
  industry: z.string().optional(),
  size: z.string().optional(),
  region: z.string().optional(),
  role: z.string().optional(),
  cas: z.string().optional(),
});
export const PreviewSchema = z.object({
  payload: z.object({
    modelVersion: z.string(),
    type: z.enum(['self', 'formal', 'third-party']),
    quarter: z.string(),
    profile: Profile,
    levels: z.record(z.string(), z.union([z.number(), z.literal('n/a')])),
  }),
});
export const SubmissionSchema = z.object({
  submission: z.object({
    modelVersion: z.string(),
    quarter: z.string(),
    profile: Profile,
    replaced: z.boolean(),
  }),
});
export const SubmissionListSchema = z.object({
  submissions: z.array(
    z.object({ modelVersion: z.string(), quarter: z.string(), profile: Profile, submittedAt: z.string() }),
  ),
});
const Num = z.number().nullable();
const Stats = {
  value: Num,
  percentile: Num,
  p10: Num,
  p25: Num,
  median: Num,
  p75: Num,
  p90: Num,
  histogram: z.array(z.object({ from: z.number(), to: z.number(), count: z.number().int() })),
};
export const CompareSchema = z.union([
  z.object({
    status: z.literal('ok'),
    synthetic: z.boolean(),
    k: z.number().int(),
    group: z.object({ filters: Filters, size: z.number().int() }),
    overall: z.object(Stats),
    categories: z.array(z.object({ key: z.string(), ...Stats, size: z.number().int() })),
  }),
  z.object({
    status: z.literal('refused'),
    reason: z.enum(['too-small', 'difference-too-small']),
    k: z.number().int(),
    message: z.string(),
    suggestion: z.object({ filters: Filters }).nullable(),
  }),
]);
export type BenchmarkCompare = z.infer<typeof CompareSchema>;
export type BenchmarkPreview = z.infer<typeof PreviewSchema>;

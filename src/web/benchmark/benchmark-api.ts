/**
 * The benchmark endpoints. The shapes are declared here from the API contract rather than taken
 * from the server's route schemas, so the page does not depend on how the server builds them.
 */
import { request } from '../api/client.js';

export interface ProfileOption {
  code: string;
  name: string;
}

export interface ProfileOptions {
  industries: ProfileOption[];
  sizes: ProfileOption[];
  regions: ProfileOption[];
  roles: ProfileOption[];
  caCounts: ProfileOption[];
}

/** The five coarse profile fields; the option lists above name their allowed codes. */
export const PROFILE_FIELDS = ['industry', 'size', 'region', 'role', 'cas'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
export type Profile = Record<ProfileField, string>;

/** Which option list holds the codes of each profile field. */
export const OPTION_LIST: Record<ProfileField, keyof ProfileOptions> = {
  industry: 'industries',
  size: 'sizes',
  region: 'regions',
  role: 'roles',
  cas: 'caCounts',
};

export interface Submission {
  modelVersion: string;
  quarter: string;
  profile: Profile;
  submittedAt?: string;
  replaced?: boolean;
}

export type AssessmentType = 'self' | 'formal' | 'third-party';
export const ASSESSMENT_TYPES: AssessmentType[] = ['self', 'formal', 'third-party'];
export type Weighting = 'none' | 'trust';

export interface CompareQuery {
  filters: Partial<Profile>;
  types: AssessmentType[];
  weighting: Weighting;
}

export interface Histogram {
  from: number;
  to: number;
  count: number;
}

export interface Distribution {
  value: number | null;
  percentile: number | null;
  /** Null when the group has no rated value for it. */
  p10: number | null;
  p25: number | null;
  median: number | null;
  p75: number | null;
  p90: number | null;
  histogram: Histogram[];
}

export interface CompareOk {
  status: 'ok';
  synthetic: boolean;
  k: number;
  group: { filters: Partial<Profile>; size: number };
  overall: Distribution;
  categories: (Distribution & { key: string; size: number })[];
}

export interface CompareRefused {
  status: 'refused';
  reason: 'too-small' | 'difference-too-small';
  k: number;
  message: string;
  suggestion: { filters: Partial<Profile> } | null;
}

export type CompareResult = CompareOk | CompareRefused;

const enc = encodeURIComponent;

/** The query string of a comparison: only the filters that are set, types only when narrowed. */
export function compareSearch(query: CompareQuery): string {
  const params = new URLSearchParams();
  for (const field of PROFILE_FIELDS) {
    const value = query.filters[field];
    if (value) params.set(field, value);
  }
  if (query.types.length > 0 && query.types.length < ASSESSMENT_TYPES.length)
    params.set('types', query.types.join(','));
  params.set('weighting', query.weighting);
  return params.toString();
}

export const benchmarkApi = {
  options: () => request<ProfileOptions>('/benchmark/profile-options'),
  preview: (id: string, profile: Profile) =>
    request<{ payload: Record<string, unknown> }>(`/assessments/${enc(id)}/benchmark/preview`, {
      method: 'POST',
      body: { profile },
    }),
  submit: (id: string, profile: Profile) =>
    request<{ submission: Submission }>(`/assessments/${enc(id)}/benchmark/submission`, {
      method: 'POST',
      body: { profile },
    }),
  submissions: (orgId: string) =>
    request<{ submissions: Submission[] }>(`/orgs/${enc(orgId)}/benchmark/submissions`),
  withdraw: (orgId: string, modelVersion: string) =>
    request<null>(`/orgs/${enc(orgId)}/benchmark/submissions/${enc(modelVersion)}`, { method: 'DELETE' }),
  compare: (id: string, query: CompareQuery) =>
    request<CompareResult>(`/assessments/${enc(id)}/benchmark/compare?${compareSearch(query)}`),
};

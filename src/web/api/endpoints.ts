import type { Model } from '../../core/model/model.types.js';
import { request } from './client.js';
import type {
  AnswerChange,
  AnswerResult,
  AssessmentRecord,
  AssessmentSummary,
  Attestation,
  CreateAssessmentBody,
  Evidence,
  ImportReport,
  Me,
  Member,
  MetadataChange,
  ModelRef,
  Organisation,
  Role,
  User,
} from './types.js';

const enc = encodeURIComponent;

export const api = {
  signIn: (email: string, password: string) =>
    request<{ user: User }>('/auth/sign-in', { method: 'POST', body: { email, password } }),
  signOut: () => request<null>('/auth/sign-out', { method: 'POST' }),
  me: () => request<Me>('/auth/me'),
  createOrg: (name: string) => request<Organisation>('/orgs', { method: 'POST', body: { name } }),
  assessments: (orgId: string) =>
    request<{ assessments: AssessmentSummary[] }>(`/orgs/${enc(orgId)}/assessments`),
  createAssessment: (orgId: string, body: CreateAssessmentBody) =>
    request<AssessmentRecord>(`/orgs/${enc(orgId)}/assessments`, {
      method: 'POST',
      body,
      headers: { 'idempotency-key': crypto.randomUUID() },
    }),
  assessment: (id: string) => request<AssessmentRecord>(`/assessments/${enc(id)}`),
  saveAnswer: (id: string, version: number, change: AnswerChange, key: string) =>
    request<AnswerResult>(`/assessments/${enc(id)}/answers`, {
      method: 'PATCH',
      body: change,
      headers: { 'if-match': `"${version}"`, 'idempotency-key': key },
    }),
  evidence: (id: string) => request<{ evidence: Evidence[] }>(`/assessments/${enc(id)}/evidence`),
  addLink: (id: string, requirement: string, title: string, url: string) =>
    request<Evidence>(`/assessments/${enc(id)}/evidence`, {
      method: 'POST',
      body: { kind: 'link', title, url, requirements: [requirement] },
    }),
  upload: (id: string, requirement: string, file: File, title: string) => {
    const form = new FormData();
    if (title) form.append('title', title);
    form.append('requirements', requirement);
    form.append('file', file);
    return request<Evidence>(`/assessments/${enc(id)}/evidence`, { method: 'POST', form });
  },
  deleteEvidence: (evidenceId: string) => request<null>(`/evidence/${enc(evidenceId)}`, { method: 'DELETE' }),
  updateMetadata: (id: string, version: number, patch: MetadataChange) =>
    request<AssessmentRecord>(`/assessments/${enc(id)}`, {
      method: 'PATCH',
      body: patch,
      headers: { 'if-match': `"${version}"`, 'idempotency-key': crypto.randomUUID() },
    }),
  importInto: (id: string, version: number, mode: 'replace' | 'merge', file: File) => {
    const form = new FormData();
    form.append('file', file);
    return request<{ assessment: AssessmentRecord; report: ImportReport }>(
      `/assessments/${enc(id)}/import?mode=${mode}`,
      {
        method: 'POST',
        form,
        headers: { 'if-match': `"${version}"`, 'idempotency-key': crypto.randomUUID() },
      },
    );
  },
  importNew: (orgId: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return request<AssessmentRecord>(`/orgs/${enc(orgId)}/assessments/import-file`, {
      method: 'POST',
      form,
      headers: { 'idempotency-key': crypto.randomUUID() },
    });
  },
  attestations: (id: string) => request<Attestation[]>(`/assessments/${enc(id)}/attestations`),
  issueAttestation: (id: string) =>
    request<Attestation>(`/assessments/${enc(id)}/attestations`, { method: 'POST' }),
  setStatus: (id: string, version: number, status: 'draft' | 'in-review' | 'final') =>
    request<AssessmentRecord>(`/assessments/${enc(id)}/status`, {
      method: 'POST',
      body: { status },
      headers: { 'if-match': `"${version}"` },
    }),
  models: () => request<ModelRef[] | { models: ModelRef[] }>('/models'),
  model: (id: string, version: string) => request<Model>(`/models/${enc(id)}/${enc(version)}`),
  members: (orgId: string) => request<{ members: Member[] }>(`/orgs/${enc(orgId)}/members`),
  invite: (orgId: string, email: string, role: Role) =>
    request<Member>(`/orgs/${enc(orgId)}/members`, { method: 'POST', body: { email, role } }),
  grant: (assessmentId: string, email: string) =>
    request<unknown>(`/assessments/${enc(assessmentId)}/grants`, {
      method: 'POST',
      body: { email, role: 'assessor' },
    }),
};

/** The model list, whether the server sends a bare array or `{models: [...]}`. */
export async function listModels(): Promise<ModelRef[]> {
  const result = await api.models();
  return Array.isArray(result) ? result : result.models;
}

const modelCache = new Map<string, Promise<Model>>();

export function loadModel(id: string, version: string): Promise<Model> {
  const key = `${id}@${version}`;
  let cached = modelCache.get(key);
  if (!cached) {
    cached = api.model(id, version);
    cached.catch(() => modelCache.delete(key));
    modelCache.set(key, cached);
  }
  return cached;
}

/** Where the server serves downloads of an assessment (plain links: the session cookie goes along). */
export const downloads = {
  report: (id: string, type: string, format: 'pdf' | 'html', lang: string) =>
    `/api/v1/assessments/${enc(id)}/reports/${enc(type)}?format=${format}&lang=${enc(lang)}`,
  export: (id: string, format: string) => `/api/v1/assessments/${enc(id)}/export/${enc(format)}`,
  eramba: (modelId: string, version: string) => `/api/v1/models/${enc(modelId)}/${enc(version)}/eramba.csv`,
};

/** The plan endpoints; the shapes come from the server's own route schemas. */
import type { PlanStatus } from '../../core/plans/plan.types.js';
import type { PlanListView, PlanReplyView, PlanView } from '../../server/routes/plan-schemas.js';
import { request } from '../api/client.js';

export type { PlanEntryView, PlanListView, PlanView } from '../../server/routes/plan-schemas.js';

const enc = encodeURIComponent;
const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

export const plansApi = {
  list: (id: string) => request<PlanListView>(`/assessments/${enc(id)}/plans`),
  timeline: (orgId: string) => request<PlanListView>(`/orgs/${enc(orgId)}/plans`),
  create: (id: string, version: number, plan: PlanView) =>
    request<PlanReplyView>(`/assessments/${enc(id)}/plans`, {
      method: 'POST',
      body: plan,
      headers: ifMatch(version),
    }),
  replace: (id: string, version: number, planId: string, plan: PlanView) =>
    request<PlanReplyView>(`/assessments/${enc(id)}/plans/${enc(planId)}`, {
      method: 'PUT',
      body: plan,
      headers: ifMatch(version),
    }),
  remove: (id: string, version: number, planId: string) =>
    request<PlanReplyView>(`/assessments/${enc(id)}/plans/${enc(planId)}`, {
      method: 'DELETE',
      headers: ifMatch(version),
    }),
  task: (id: string, version: number, planId: string, index: number, done: boolean) =>
    request<PlanReplyView>(`/assessments/${enc(id)}/plans/${enc(planId)}/tasks/${index}`, {
      method: 'POST',
      body: { done },
      headers: ifMatch(version),
    }),
  status: (id: string, version: number, planId: string, status: PlanStatus) =>
    request<PlanReplyView>(`/assessments/${enc(id)}/plans/${enc(planId)}/status`, {
      method: 'POST',
      body: { status },
      headers: ifMatch(version),
    }),
};

/** Download links (plain GETs with the session cookie). */
export const planFileHref = {
  assessment: (id: string, format: 'csv' | 'ics') => `/api/v1/assessments/${enc(id)}/plans/export/${format}`,
  org: (orgId: string, format: 'csv' | 'ics') => `/api/v1/orgs/${enc(orgId)}/plans/export/${format}`,
};

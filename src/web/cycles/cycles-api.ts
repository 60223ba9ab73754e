/** The cycle, trend and portfolio endpoints; the shapes come from the server's own route schemas. */
import type { z } from 'zod';
import type {
  CycleSchema,
  NextCycleResponse,
  OrgCyclesSchema,
  PortfolioSchema,
  TrendSchema,
} from '../../server/routes/cycles/cycle-schemas.js';
import { request } from '../api/client.js';

export type CycleInfo = z.output<typeof CycleSchema>;
export type OrgCycles = z.output<typeof OrgCyclesSchema>;
export type Trend = z.output<typeof TrendSchema>;
export type Portfolio = z.output<typeof PortfolioSchema>;
export type NextCycle = z.output<typeof NextCycleResponse>;
export type ReminderInfo = NonNullable<CycleInfo['reminder']>;

const enc = encodeURIComponent;

export const cyclesApi = {
  cycle: (id: string) => request<CycleInfo>(`/assessments/${enc(id)}/cycle`),
  updateCycle: (
    id: string,
    change: { scopeKey?: string; reminderOn?: string | null; sharedSourceId?: string | null },
  ) => request<CycleInfo>(`/assessments/${enc(id)}/cycle`, { method: 'PATCH', body: change }),
  nextCycle: (id: string) =>
    request<NextCycle>(`/assessments/${enc(id)}/next-cycle`, { method: 'POST', body: {} }),
  orgCycles: (orgId: string) => request<OrgCycles>(`/orgs/${enc(orgId)}/cycles`),
  trend: (orgId: string, scope: string) => request<Trend>(`/orgs/${enc(orgId)}/trend?scope=${enc(scope)}`),
  portfolio: (orgId: string) => request<Portfolio>(`/orgs/${enc(orgId)}/portfolio`),
  setWeights: (orgId: string, weights: Record<string, number>) =>
    request<Portfolio>(`/orgs/${enc(orgId)}/portfolio/weights`, { method: 'PATCH', body: { weights } }),
};

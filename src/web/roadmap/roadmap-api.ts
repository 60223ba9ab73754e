/** The roadmap and diff endpoints; the shapes come from the server's own route schemas. */
import type { z } from 'zod';
import type { RoadmapSettings } from '../../core/roadmap/roadmap-settings.js';
import type { DiffSchema, RoadmapSchema } from '../../server/routes/roadmap-schemas.js';
import { request } from '../api/client.js';
import type { AssessmentRecord } from '../api/types.js';

export type RoadmapBody = z.output<typeof RoadmapSchema>;
export type RoadmapStepBody = RoadmapBody['steps'][number];
export type DiffBody = z.output<typeof DiffSchema>;

const enc = encodeURIComponent;

export const roadmapApi = {
  roadmap: (id: string) => request<RoadmapBody>(`/assessments/${enc(id)}/roadmap`),
  /** Replaces the targets and track overrides; `version` is sent as If-Match. */
  save: (id: string, version: number, settings: RoadmapSettings) =>
    request<AssessmentRecord>(`/assessments/${enc(id)}/roadmap`, {
      method: 'PUT',
      body: settings,
      headers: { 'if-match': `"${version}"` },
    }),
  diff: (a: string, b: string) => request<DiffBody>(`/assessments/${enc(a)}/diff/${enc(b)}`),
};

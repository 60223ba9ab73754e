import type { FastifyInstance } from 'fastify';

/** PLACEHOLDER: assessments, autosave, revisions, import/export, evidence, scores. */
export async function assessmentsRoutes(_app: FastifyInstance) {}

import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { answerRoutes } from './answers.js';
import { assessmentRoutes } from './assessment.js';
import { assessmentErrorHandler } from './conflict-handler.js';
import { evidenceRoutes } from './evidence.js';
import { importExportRoutes } from './import-export.js';
import { orgAssessmentRoutes } from './org-assessments.js';
import { revisionRoutes } from './revisions.js';
import { scoreRoutes } from './score.js';

/**
 * Assessments, autosave, revisions, import/export, evidence and scores, under /api/v1. The
 * error handler and the multipart parser are scoped to these routes (this plugin is
 * encapsulated), so the rest of the app keeps its own.
 */
export async function assessmentsRoutes(app: FastifyInstance) {
  app.setErrorHandler(assessmentErrorHandler);
  await app.register(multipart, {
    limits: {
      fileSize: app.deps.config.maxUploadBytes,
      files: 1,
      fields: 20,
      fieldSize: 64 * 1024,
      parts: 21,
    },
  });
  await app.register(orgAssessmentRoutes);
  await app.register(assessmentRoutes);
  await app.register(answerRoutes);
  await app.register(scoreRoutes);
  await app.register(revisionRoutes);
  await app.register(importExportRoutes);
  await app.register(evidenceRoutes);
}

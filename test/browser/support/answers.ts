/**
 * Reading the answer page and the stored assessment. The level radios are named
 * "Level N Name", whose names differ by model version, so a level is picked by its position in
 * the "Level of …" group; the stored document is read back through the API with the page's
 * own session cookie (page.request shares the browser context's cookies).
 */
import type { Page } from 'playwright-core';
import { waitUntil } from './flows.js';
import { screenshot } from './screenshot.js';

export interface StoredEntry {
  level?: number;
  applicability?: string;
  reason?: string;
  notes?: string;
  evidence?: string;
}

export interface StoredAssessment {
  title: string;
  mode: 'self' | 'full';
  status: 'draft' | 'in-review' | 'final';
  model: { id: string; version: string };
  document: {
    categories?: Record<string, StoredEntry>;
    requirements?: Record<string, StoredEntry>;
    scope?: Record<string, string>;
  };
}

export interface ModelOutline {
  modules: { categories: { key: string; requirements: { key: string }[] }[] }[];
}

export async function storedAssessment(page: Page, id: string): Promise<StoredAssessment> {
  const response = await page.request.get(`/api/v1/assessments/${id}`);
  if (!response.ok()) throw new Error(`GET assessment ${id}: ${response.status()}`);
  return (await response.json()) as StoredAssessment;
}

export async function modelOutline(page: Page, id: string, version: string): Promise<ModelOutline> {
  const response = await page.request.get(`/api/v1/models/${id}/${version}`);
  return (await response.json()) as ModelOutline;
}

/** The level radio for the current item: 1..5 by position in its group. */
export function levelRadio(page: Page, level: number) {
  return page
    .getByRole('group', { name: /^Level of / })
    .getByRole('radio')
    .nth(level - 1);
}

/** Waits until the autosave status says every change reached the server. */
export async function waitForSaved(page: Page): Promise<void> {
  const status = page.locator('.save-status');
  await waitUntil(async () => (await status.getAttribute('data-state')) === 'saved');
}

/** The answer page of an assessment, loaded and showing its first item. */
export async function openAnswerPage(page: Page, id: string): Promise<void> {
  await page.goto(`/#/assessments/${id}`);
  try {
    await page.getByRole('heading', { level: 1, name: /^Answer: / }).waitFor();
    await page.locator('#item-title').waitFor();
  } catch (error) {
    await screenshot(page, `failed-answer-page-${id}`);
    throw error;
  }
}

/** The key of the first category of the assessment's model (`''` when the model has none). */
export async function firstCategoryKey(page: Page, id: string): Promise<string> {
  const { model } = await storedAssessment(page, id);
  return (await modelOutline(page, model.id, model.version)).modules[0]?.categories[0]?.key ?? '';
}

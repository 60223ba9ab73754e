import type { Model } from '../core/model/model.types.js';

/** What reading an assessment needs from a model registry (ModelRegistry fits). */
export interface ModelSource {
  get(id: string, version: string): Promise<Model>;
}

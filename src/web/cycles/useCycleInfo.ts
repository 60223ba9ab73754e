import { useAsync, type AsyncState } from '../components/useAsync.js';
import { cyclesApi, type CycleInfo } from './cycles-api.js';

/** The assessment's cycle data, fetched again when its evidence count changes. */
export function useCycleInfo(assessmentId: string, evidenceCount: number): AsyncState<CycleInfo> {
  return useAsync(() => cyclesApi.cycle(assessmentId), [assessmentId, evidenceCount]);
}

/** Whether an item of this module is answered in the shared source, not here. */
export function isSharedModule(info: CycleInfo | undefined, moduleId: string): boolean {
  return info?.sharedSource != null && (moduleId === 'G' || moduleId === 'R');
}

import { PkimmError } from '../../core/errors.js';
import type { AssessmentStatus } from '../../persistence/repositories/assessments/assessment-record.js';

/** What a client needs to resolve a conflict: the state it lost against. */
export interface CurrentState {
  version: number;
  status: AssessmentStatus;
  document: unknown;
}

/**
 * A write that names a version which is no longer current. It carries the current state so
 * the route can answer 409 with it, and the client can merge instead of overwriting.
 */
export class StaleVersionError extends PkimmError {
  readonly current: CurrentState;

  constructor(expected: number, current: CurrentState) {
    super(
      'CONFLICT',
      `the assessment changed: you sent version ${expected}, the current version is ${current.version}; merge with the current state and send again`,
    );
    this.current = current;
  }
}

import type { Transaction } from 'kysely';
import type { Database } from '../schema.js';

/**
 * Takes the assessment's row lock inside a workflow write, unless it is final. The status
 * condition is part of the UPDATE, so a sign-off that commits meanwhile is seen here (the
 * update then matches nothing) and a workflow step never lands on a final assessment.
 * Returns false when the assessment is final (or gone).
 */
export async function lockUnlessFinal(trx: Transaction<Database>, assessmentId: string): Promise<boolean> {
  const row = await trx
    .updateTable('assessments')
    .set((eb) => ({ id: eb.ref('id') }))
    .where('id', '=', assessmentId)
    .where('status', '!=', 'final')
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

import { PkimmError } from '../../core/errors.js';
import type { LogVerification } from '../../core/audit/verify-log.js';
import { loggedAssessments } from '../../persistence/repositories/assessment-log.js';
import { verifyAssessmentLog } from '../../server/audit/assessment-log.js';
import type { CliContext } from '../context.js';
import { withDatabase } from './db.js';
import { parseFormat, printJson } from '../options.js';

/**
 * `pkimm audit verify [--assessment ID]`: checks the hash-chained log of one or every
 * assessment in the server's database. Exit 0 when every chain holds, 1 when one does not
 * (each problem printed), 2 when the input is unusable.
 */
export async function auditVerifyCommand(
  context: CliContext,
  options: { assessment?: string; format?: string },
): Promise<void> {
  const format = parseFormat(options.format);
  const results = await withDatabase(context.env, async (database) => {
    const ids = options.assessment ? [options.assessment] : await loggedAssessments(database.db);
    const out: (LogVerification & { assessment: string })[] = [];
    for (const id of ids) out.push({ assessment: id, ...(await verifyAssessmentLog(database.db, id)) });
    return out;
  });
  const broken = results.filter((r) => !r.valid);
  if (format === 'json') printJson(context.io.stdout, { valid: broken.length === 0, assessments: results });
  else {
    for (const r of results)
      context.io.stdout(
        `${r.assessment}: ${r.valid ? 'valid' : 'BROKEN'}, ${r.entries} entries${r.head ? `, head ${r.head}` : ''}\n`,
      );
  }
  if (broken.length > 0) {
    throw new PkimmError(
      'LOG_TAMPERED',
      `${broken.length} of ${results.length} assessment logs do not hold`,
      {
        issues: broken.flatMap((r) =>
          r.problems.map((p) => ({
            path: `${r.assessment}${p.seq > 0 ? `#${p.seq}` : ''}`,
            message: p.message,
          })),
        ),
      },
    );
  }
}

import { readFile, stat } from 'node:fs/promises';
import { PkimmError } from '../../core/errors.js';
import { DEFAULT_UPLOAD_LIMITS } from '../../exchange/limits.js';
import type { SerializeFormat } from '../../assessment-io/serialize.js';
import { ModelRegistry } from '../../model-loader/registry.js';
import { migrateToLatest } from '../../persistence/migrate.js';
import { findUserByEmail } from '../../persistence/repositories/accounts/users.js';
import { exportAssessment } from '../../server/assessments/export-assessment.js';
import { importAssessment } from '../../server/assessments/import-assessment.js';
import { importIntoAssessment } from '../../server/assessments/import-into.js';
import { openAssessment } from '../../server/assessments/open-assessment.js';
import { listAssessments } from '../../server/assessments/list-assessments.js';
import type { ServiceDeps } from '../../server/assessments/deps.js';
import type { Principal } from '../../server/auth/principal.js';
import { configFromEnv, openCheckedDatabase } from '../../server/main.js';
import type { CliContext } from '../context.js';
import { parseFormat, printJson } from '../options.js';
import { renderTable } from '../render/table.js';
import { writeOutput } from '../write-output.js';

/**
 * `pkimm assessment import|export|list`: whole assessments in and out of the server's database
 * (DATABASE_URL / PKIMM_HOME), acting as an existing user (`--as EMAIL`) with exactly that
 * user's rights, so revisions and the audit log name a real person and tenants stay apart.
 */
export async function withServer<T>(
  context: CliContext,
  as: string,
  run: (deps: ServiceDeps, who: Principal) => Promise<T>,
) {
  const config = configFromEnv({
    DATABASE_URL: context.env['DATABASE_URL'],
    PKIMM_HOME: context.env['PKIMM_HOME'],
  });
  const database = await openCheckedDatabase(config);
  try {
    await migrateToLatest(database.db as never, database.dialect);
    const user = await findUserByEmail(database.db, as);
    if (!user) throw new PkimmError('NOT_FOUND', `no account ${as}; create it with pkimm user create`);
    const deps: ServiceDeps = {
      config,
      database,
      registry: new ModelRegistry({ dataDir: config.dataDir }),
      now: () => new Date(),
    };
    return await run(deps, { userId: user.id, email: user.email, isAdmin: user.isAdmin, via: 'cli' });
  } finally {
    await database.close();
  }
}

export async function assessmentImportCommand(
  context: CliContext,
  file: string,
  options: { org: string; as: string; mode?: string; into?: string },
) {
  const mode = options.mode ?? 'keep';
  if (mode !== 'keep' && mode !== 'replace' && mode !== 'merge') {
    throw new PkimmError('USAGE', `--mode must be keep, replace or merge (got "${mode}")`);
  }
  if (mode !== 'keep') return importIntoCommand(context, file, { ...options, mode });
  if (options.into !== undefined)
    throw new PkimmError('USAGE', '--into needs --mode replace or --mode merge');
  const content = await readUploadFile(file);
  const result = await withServer(context, options.as, (deps, who) =>
    importAssessment(deps, who, options.org, content, undefined, file),
  );
  context.io.stdout(`${result.body.id}\n`);
  context.io.stderr(
    `imported ${file} as "${result.body.title}" (version ${result.body.version}) into organisation ${options.org}\n`,
  );
}

/** `--mode replace|merge --into ID`: one revision on the existing assessment, with a report. */
async function importIntoCommand(
  context: CliContext,
  file: string,
  options: { org: string; as: string; mode: 'replace' | 'merge'; into?: string },
) {
  const into = options.into;
  if (into === undefined) throw new PkimmError('USAGE', `--mode ${options.mode} needs --into ASSESSMENT_ID`);
  const content = await readUploadFile(file);
  const result = await withServer(context, options.as, async (deps, who) => {
    const current = await openAssessment(deps, who, into, 'read');
    // Named by --org as well, so a typo in either id cannot touch another organisation's data.
    if (current.record.orgId !== options.org)
      throw new PkimmError('NOT_FOUND', `no assessment ${into} in organisation ${options.org}`);
    return importIntoAssessment(deps, who, {
      assessmentId: into,
      mode: options.mode,
      content,
      expectedVersion: current.record.version,
      source: file,
    });
  });
  const { assessment, report } = result.body;
  context.io.stdout(`${assessment.id}\n`);
  context.io.stderr(
    `${options.mode === 'replace' ? 'replaced' : 'merged'} ${file} into "${assessment.title}" (now version ${assessment.version}): ` +
      `${report.added.length} added, ${report.changed.length} changed, ` +
      (options.mode === 'replace' ? `${report.removed.length} removed` : `${report.kept} kept`) +
      `, ${report.unchanged} unchanged\n`,
  );
}

async function readUploadFile(path: string): Promise<Buffer> {
  const info = await stat(path).catch((error: unknown) => {
    throw new PkimmError(
      'FILE_UNREADABLE',
      (error as { code?: string }).code === 'ENOENT' ? 'no such file' : (error as Error).message,
      { source: path, cause: error },
    );
  });
  if (!info.isFile()) throw new PkimmError('FILE_UNREADABLE', 'not a regular file', { source: path });
  if (info.size > DEFAULT_UPLOAD_LIMITS.maxFileBytes) {
    throw new PkimmError(
      'FILE_TOO_LARGE',
      `file is ${info.size} bytes, the limit is ${DEFAULT_UPLOAD_LIMITS.maxFileBytes} bytes`,
      { source: path },
    );
  }
  return readFile(path);
}

const EXPORT_FORMATS: readonly SerializeFormat[] = ['pkimm-yaml', 'pkimm-json', 'official'];

export async function assessmentExportCommand(
  context: CliContext,
  id: string,
  options: { as: string; format?: string; out?: string },
) {
  const format = (options.format ?? 'pkimm-yaml') as SerializeFormat;
  if (!EXPORT_FORMATS.includes(format)) {
    throw new PkimmError(
      'USAGE',
      `--format must be one of ${EXPORT_FORMATS.join(', ')} (got "${options.format}")`,
    );
  }
  const file = await withServer(context, options.as, (deps, who) =>
    exportAssessment(deps, who, id, format, 'cli'),
  );
  await writeOutput(context.io, options.out ?? '-', file.text);
}

export async function assessmentListCommand(
  context: CliContext,
  options: { org: string; as: string; format?: string },
) {
  const format = parseFormat(options.format);
  const list = await withServer(context, options.as, (deps, who) => listAssessments(deps, who, options.org));
  if (format === 'json') return printJson(context.io.stdout, list);
  const rows = list.map((a) => [
    a.id,
    a.title,
    `${a.model.id}@${a.model.version}`,
    a.mode,
    a.status,
    a.overall.level === null ? '-' : `${a.overall.level} ${a.overall.name}`,
  ]);
  context.io.stdout(renderTable(['Id', 'Title', 'Model', 'Mode', 'Status', 'Level'], rows));
}

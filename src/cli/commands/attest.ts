import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { certificatesFromPem } from '../../attest/certificates.js';
import { pemIdentity, type SigningIdentity } from '../../attest/identity.js';
import { pkcs12Identity } from '../../attest/pkcs12.js';
import { signAttestation } from '../../attest/sign.js';
import { looksLikeCompactJws, verifyAttestation } from '../../attest/verify.js';
import { buildAttestationPayload } from '../../core/attestation/build-payload.js';
import type { VerificationResult } from '../../core/attestation/verification.js';
import { PkimmError } from '../../core/errors.js';
import { scoreAssessment } from '../../core/scoring/score-assessment.js';
import { readAssessmentFile } from '../../assessment-io/read-assessment.js';
import { readInputFile } from '../../io/read-input.js';
import type { CliContext } from '../context.js';
import { parseFormat, printJson } from '../options.js';
import { writeOutput } from '../write-output.js';

export interface AttestSignOptions {
  key?: string;
  cert?: string;
  chain?: string;
  p12?: string;
  passwordStdin?: boolean;
  out: string;
}

/**
 * `pkimm attest sign FILE …`: signs the levels of an assessment file offline. Assessment files
 * carry no status (draft/final lives on the server), so signing a file is itself the decision
 * that it is final; the server refuses non-final assessments instead.
 */
export async function attestSignCommand(
  context: CliContext,
  file: string,
  options: AttestSignOptions,
  readStdin: () => Promise<string> = readProcessStdin,
): Promise<void> {
  const identity = await loadIdentity(options, readStdin);
  const { assessment, model } = await readAssessmentFile(file, context.registry);
  const leaf = identity.chain[0];
  if (!leaf) throw new PkimmError('USAGE', 'no signing certificate given');
  const payload = buildAttestationPayload({
    id: randomUUID(),
    issuedAt: new Date(),
    assessment,
    score: scoreAssessment(model, assessment),
    issuer: leaf.subject,
  });
  const { jws, digest } = signAttestation(payload, identity);
  await writeOutput(context.io, options.out, `${jws}\n`);
  context.io.stderr(`signed attestation ${payload.id} (${digest}) as ${leaf.subject}\n`);
}

async function loadIdentity(
  options: AttestSignOptions,
  readStdin: () => Promise<string>,
): Promise<SigningIdentity> {
  if (options.p12 !== undefined) {
    if (options.key !== undefined || options.cert !== undefined) {
      throw new PkimmError('USAGE', 'give either --p12 or --key with --cert, not both');
    }
    if (!options.passwordStdin) {
      throw new PkimmError(
        'USAGE',
        '--p12 needs --password-stdin (the password is never taken from the command line)',
      );
    }
    const password = (await readStdin()).replace(/\r?\n$/, '');
    return pkcs12Identity(await readBinary(options.p12), password, options.p12);
  }
  if (options.key === undefined || options.cert === undefined) {
    throw new PkimmError('USAGE', 'give --key KEY.pem and --cert CERT.pem (or --p12 FILE --password-stdin)');
  }
  const text = async (path: string) => ({ text: await readInputFile(path, 1024 * 1024), source: path });
  return pemIdentity({
    key: await text(options.key),
    cert: await text(options.cert),
    ...(options.chain === undefined ? {} : { chain: await text(options.chain) }),
  });
}

export interface AttestVerifyOptions {
  trust?: string;
  format?: string;
  at?: string;
}

/**
 * `pkimm attest verify FILE --trust CA.pem`: exit 0 when valid, 1 when invalid (every reason is
 * printed), 2 when the input cannot be used (no such file, not a JWS at all, a bad trust file).
 */
export async function attestVerifyCommand(
  context: CliContext,
  file: string,
  options: AttestVerifyOptions,
): Promise<void> {
  const format = parseFormat(options.format);
  const at = verificationTime(options.at);
  const text = await readInputFile(file, 1024 * 1024);
  if (!looksLikeCompactJws(text)) {
    throw new PkimmError(
      'PARSE_ERROR',
      'not an attestation: expected a compact JWS (three base64url parts joined by dots)',
      {
        source: file,
      },
    );
  }
  const trustAnchors =
    options.trust === undefined ? [] : certificatesFromPem(await readInputFile(options.trust), options.trust);
  const result = verifyAttestation(text, { trustAnchors, at });
  if (format === 'json') printJson(context.io.stdout, result);
  else context.io.stdout(renderResult(result));
  if (!result.valid) {
    throw new PkimmError(
      'ATTESTATION_INVALID',
      `the attestation is not valid (${result.reasons.map((r) => r.code).join(', ')})`,
      { source: file },
    );
  }
}

function verificationTime(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const at = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(at.getTime())) {
    throw new PkimmError(
      'USAGE',
      `--at must be an ISO date and time, e.g. 2027-01-31T12:00:00Z (got "${value}")`,
    );
  }
  return at;
}

function renderResult(result: VerificationResult): string {
  const lines = [result.valid ? 'VALID' : 'INVALID'];
  for (const reason of result.reasons) lines.push(`  ${reason.code}: ${reason.message}`);
  const payload = result.payload;
  if (payload) {
    const { assessment, levels } = payload;
    lines.push(
      `assessment: ${assessment.name} (${assessment.type}, trust ${assessment.trustLevel}, ${assessment.date})`,
      `model:      ${assessment.modelId} ${assessment.modelVersion}`,
      `overall:    ${levels.overall.level === null ? 'not assessed' : `${levels.overall.level} ${levels.overall.name ?? ''}`}`,
      `issued:     ${payload.issuedAt} by ${payload.issuer}`,
    );
  }
  if (result.digest) lines.push(`digest:     ${result.digest}`);
  if (result.signer) lines.push(`signer:     ${result.signer.subject} (issued by ${result.signer.issuer})`);
  return lines.join('\n') + '\n';
}

async function readBinary(path: string): Promise<Buffer> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error('not a regular file');
    if (info.size > 1024 * 1024) throw new Error(`file is ${info.size} bytes, the limit is 1048576`);
    return await readFile(path);
  } catch (error) {
    throw new PkimmError('FILE_UNREADABLE', (error as Error).message, { source: path, cause: error });
  }
}

async function readProcessStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    throw new PkimmError('USAGE', '--password-stdin reads a piped password; stdin is a terminal');
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

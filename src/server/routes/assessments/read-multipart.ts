// The type import brings in @fastify/multipart's request.parts() declaration.
import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { PkimmError } from '../../../core/errors.js';
import { MultipartFields } from './evidence-schemas.js';

export interface UploadedFile {
  fileName: string;
  content: Buffer;
  title?: string;
  requirements: string[];
}

/**
 * Reads a multipart upload: exactly one file and the fields `title` and `requirements`
 * (repeated, or one comma-separated value). The file is buffered up to the configured
 * limit; a larger one fails with 413 before anything is stored.
 */
export async function readMultipartUpload(request: FastifyRequest): Promise<UploadedFile> {
  let file: { fileName: string; content: Buffer } | undefined;
  const fields: Record<string, string[]> = {};
  await readingMultipart(async () => {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (file) throw invalid('file', 'send exactly one file');
        file = { fileName: safeFileName(part.filename), content };
      } else if (typeof part.value === 'string') {
        (fields[part.fieldname] ??= []).push(part.value);
      }
    }
  });
  if (!file) throw invalid('file', 'send the file as a part named "file"');
  const parsed = MultipartFields.safeParse({
    title: fields['title']?.[0],
    requirements: (fields['requirements'] ?? [])
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(String(issue?.path[0] ?? ''), issue?.message ?? 'is invalid');
  }
  return {
    ...file,
    ...(parsed.data.title === undefined ? {} : { title: parsed.data.title }),
    requirements: parsed.data.requirements,
  };
}

/**
 * Runs `task`, which reads a multipart body. The parser throws plain errors, without a status,
 * for a body it cannot split (no or an over-long boundary, a form cut short); those are the
 * client's mistake, so they become a 400 saying what the parser found instead of a 500.
 */
export async function readingMultipart<T>(task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (error) {
    if (error instanceof PkimmError || !(error instanceof Error)) throw error;
    if ((error as { statusCode?: unknown }).statusCode !== undefined) throw error;
    throw new PkimmError('VALIDATION_FAILED', 'the multipart body is malformed', {
      issues: [{ path: 'body', message: error.message }],
      cause: error,
    });
  }
}

/**
 * The base name only, without control characters or bidirectional overrides (which make
 * `invoice\u202Egpj.exe` read as `invoiceexe.jpg`), at most 255 characters counted whole, so a
 * cut never leaves half a surrogate pair that the download header cannot encode; never empty.
 */
export function safeFileName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u001f\u007f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim();
  return [...base].slice(0, 255).join('') || 'upload';
}

function invalid(field: string, message: string): PkimmError {
  return new PkimmError('VALIDATION_FAILED', 'the upload is invalid', {
    issues: [{ path: `body.${field}`, message }],
  });
}

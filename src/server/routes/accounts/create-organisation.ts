import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { PkimmError } from '../../../core/errors.js';
import { isUniqueViolation } from '../../../persistence/dialect.js';
import {
  insertOrganisation,
  type Organisation,
} from '../../../persistence/repositories/accounts/organisations.js';
import type { Database } from '../../../persistence/schema.js';

const ATTEMPTS = 5;

/** A URL-friendly form of the name: `Acme PKI, Ltd.` → `acme-pki-ltd`. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return slug || 'org';
}

/**
 * Creates an organisation and makes the creator its owner, in one transaction. Names need not
 * be unique but slugs must: on a clash the slug gets a random suffix and the whole transaction
 * is tried again (PostgreSQL aborts a transaction at the first failed statement).
 */
export async function createOrganisation(
  db: Kysely<Database>,
  input: { name: string; ownerId: string; at: Date },
): Promise<Organisation> {
  const base = slugify(input.name);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const slug = attempt === 0 ? base : `${base}-${randomBytes(3).toString('hex')}`;
    try {
      return await db.transaction().execute((trx) => insertOrganisation(trx, { ...input, slug }));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new PkimmError(
    'CONFLICT',
    `could not find a free slug for ${JSON.stringify(input.name)}; try another name`,
  );
}

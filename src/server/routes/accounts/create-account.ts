import type { Kysely } from 'kysely';
import { z } from 'zod';
import { PkimmError } from '../../../core/errors.js';
import { isUniqueViolation } from '../../../persistence/dialect.js';
import { insertUser, normaliseEmail, type User } from '../../../persistence/repositories/accounts/users.js';
import type { Database } from '../../../persistence/schema.js';
import { passwordProblem } from '../../../core/access/password-rule.js';
import { hashPassword } from '../../auth/passwords.js';

export interface NewAccount {
  email: string;
  name: string;
  password: string;
  isAdmin: boolean;
}

/**
 * Creates an account, for the admin route, the CLI and tests alike: the password policy is
 * checked, the password hashed with argon2id, and a taken email is a conflict, not a crash.
 * `field` prefixes issue paths (e.g. `body` for the API, empty for the CLI).
 */
export async function createAccount(
  db: Kysely<Database>,
  input: NewAccount,
  at: Date,
  field = '',
): Promise<User> {
  const path = (name: string) => (field ? `${field}.${name}` : name);
  const email = normaliseEmail(input.email);
  if (!z.email().safeParse(email).success) {
    throw new PkimmError('VALIDATION_FAILED', `${JSON.stringify(input.email)} is not an email address`, {
      issues: [{ path: path('email'), message: 'must be an email address' }],
    });
  }
  const problem = passwordProblem(input.password);
  if (problem) {
    throw new PkimmError('VALIDATION_FAILED', 'the password is too weak', {
      issues: [{ path: path('password'), message: problem }],
    });
  }
  const name = input.name.trim() || (email.split('@')[0] ?? email);
  try {
    return await insertUser(db, {
      email,
      name,
      passwordHash: await hashPassword(input.password),
      isAdmin: input.isAdmin,
      at,
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new PkimmError('CONFLICT', `an account with the email ${email} already exists`, { cause: error });
    }
    throw error;
  }
}

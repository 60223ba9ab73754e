import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';

/**
 * argon2id with the OWASP minimum parameters (19 MiB, 2 passes, 1 lane). The parameters are
 * written into every hash, so raising them later leaves existing hashes verifiable.
 */
const ARGON2ID: Options = {
  // The package declares Algorithm as an ambient const enum, which isolatedModules cannot read; 2 is Argon2id.
  algorithm: 2 satisfies Algorithm,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
};

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

/** False for a wrong password and for a stored hash that cannot be read (never throws). */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let decoy: Promise<string> | undefined;

/**
 * Verifies against a throwaway hash so that an unknown email takes as long as a wrong
 * password, and the response time does not tell which accounts exist.
 */
export async function verifyDecoy(password: string): Promise<false> {
  decoy ??= hashPassword('decoy password that matches nothing');
  await verifyPassword(await decoy, password);
  return false;
}

import type { Role } from '../../persistence/schema.js';

/** Who is making a request, once the auth plugin has recognised a session cookie or a bearer token. */
export interface Principal {
  userId: string;
  email: string;
  isAdmin: boolean;
  /** `cli`: an operator acting as this user through `pkimm assessment …` on the server's database. */
  via: 'session' | 'token' | 'cli';
  /** Set when authenticated by an API token: it is bound to one organisation and limited by its scopes. */
  token?: { id: string; orgId: string; scopes: TokenScope[] };
}

export type TokenScope = 'assessments:read' | 'assessments:write' | 'members:read' | 'members:write';
export const TOKEN_SCOPES: readonly TokenScope[] = [
  'assessments:read',
  'assessments:write',
  'members:read',
  'members:write',
];

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** What each role may do. An external assessor (invited to one assessment) acts as `assessor` there only. */
export type Capability =
  | 'read'
  | 'rate' // ratings, applicability, scope, metadata, import
  | 'annotate' // notes and evidence
  | 'review' // move to in review
  | 'finalise' // make final, reopen, restore revisions, delete
  | 'manage-members';

const CAPABILITIES: Record<Role, readonly Capability[]> = {
  owner: ['read', 'rate', 'annotate', 'review', 'finalise', 'manage-members'],
  assessor: ['read', 'rate', 'annotate', 'review'],
  contributor: ['read', 'annotate'],
  viewer: ['read'],
};

export function roleCan(role: Role, capability: Capability): boolean {
  return CAPABILITIES[role].includes(capability);
}

/** The scope a token needs for a capability. */
export function scopeFor(capability: Capability): TokenScope {
  if (capability === 'manage-members') return 'members:write';
  return capability === 'read' ? 'assessments:read' : 'assessments:write';
}

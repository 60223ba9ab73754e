import type { Capability } from '../../core/access/capabilities.js';

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

export { roleCan, type Capability } from '../../core/access/capabilities.js';

/** The scope a token needs for a capability. */
export function scopeFor(capability: Capability): TokenScope {
  if (capability === 'manage-members') return 'members:write';
  return capability === 'read' ? 'assessments:read' : 'assessments:write';
}

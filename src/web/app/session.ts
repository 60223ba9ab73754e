import { createContext, useContext } from 'react';
import type { Me } from '../api/types.js';

export interface Session {
  me: Me;
  orgId: string | null;
  setOrgId: (orgId: string) => void;
  reload: () => Promise<void>;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in page');
  return session;
}

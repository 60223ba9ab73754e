/** The signed-in user's own password and sessions (POST /auth/password, GET /auth/sessions, POST /auth/sessions/end). */
import { request } from '../api/client.js';

export interface SessionInfo {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  current: boolean;
}

export const accountApi = {
  changePassword: (currentPassword: string, newPassword: string) =>
    request<{ endedSessions: number }>('/auth/password', {
      method: 'POST',
      body: { currentPassword, newPassword },
    }),
  sessions: () => request<{ sessions: SessionInfo[] }>('/auth/sessions').then((r) => r.sessions),
  endSessions: (password: string, session?: string) =>
    request<{ ended: number }>('/auth/sessions/end', {
      method: 'POST',
      body: session === undefined ? { password } : { password, session },
    }),
};

/** Sign-in, the session probe, sign-out and password change (src/server/routes/auth). */
import { call, client } from './client';
import type { Session } from './types';

/** Signs in; 401/423/429 come back as ApiError with the server's message. */
export const login = (username: string, password: string) => call<Session>(client.POST('/api/auth/login', { body: { username, password } }), { allow401: true });

/** The current session, or an ApiError 401 when nobody is signed in. */
export const fetchMe = () => call<Session>(client.GET('/api/auth/me'), { allow401: true });

export const logout = () => call<{ ok: true }>(client.POST('/api/auth/logout'));

export const changePassword = (currentPassword: string, newPassword: string) =>
  call<{ ok: true }>(client.POST('/api/auth/password', { body: { currentPassword, newPassword } }), { allow401: true });

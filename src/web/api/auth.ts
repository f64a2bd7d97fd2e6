/** Sign-in, the session probe, sign-out and password change (src/server/routes/auth). */
import { call, client } from './client';
import type { components } from './schema';

export type Session = components['schemas']['AuthSession'];
/** The signed-in user with the abilities the server grants (pages show buttons from them). */
export type Me = Session['user'];

/** Signs in; 401/423/429 come back as ApiError with the server's message. */
export const login = (username: string, password: string) => call(client.POST('/api/auth/login', { body: { username, password } }), { allow401: true });

/** The current session, or an ApiError 401 when nobody is signed in. */
export const fetchMe = () => call(client.GET('/api/auth/me'), { allow401: true });

export const logout = () => call(client.POST('/api/auth/logout'));

export const changePassword = (currentPassword: string, newPassword: string) =>
  call(client.POST('/api/auth/password', { body: { currentPassword, newPassword } }), { allow401: true });

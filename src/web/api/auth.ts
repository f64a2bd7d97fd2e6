import { api, apiRequest } from './client';
import type { Session } from './types';

/** Signs in; 401/423/429 come back as ApiError with the server's message. */
export const login = (username: string, password: string) =>
  apiRequest<Session>('/api/auth/login', { method: 'POST', body: { username, password }, allow401: true });

/** The current session, or an ApiError 401 when nobody is signed in. */
export const fetchMe = () => apiRequest<Session>('/api/auth/me', { allow401: true });

export const logout = () => api.post<{ ok: true }>('/api/auth/logout');

export const changePassword = (currentPassword: string, newPassword: string) =>
  apiRequest<{ ok: true }>('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword }, allow401: true });

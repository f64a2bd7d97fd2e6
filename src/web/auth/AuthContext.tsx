/** The signed-in session for the whole app: loaded from /api/auth/me, cleared on 401. */
import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { ApiError, setCsrfToken, setUnauthorizedHandler } from '../api/client';
import { fetchMe, logout as apiLogout } from '../api/auth';
import type { Me, Session } from '../api/auth';
import { keys } from '../api/keys';

interface AuthState {
  user: Me | null;
  loading: boolean;
  error: Error | null;
  retry: () => void;
  /** Stores a fresh session (after login). */
  signIn: (session: Session) => void;
  signOut: () => Promise<void>;
  refresh: () => Promise<void>;
}

/** Forgets every cached record except the session query itself (its observer must stay attached). */
function dropData(qc: QueryClient): void {
  qc.removeQueries({ predicate: (q) => q.queryKey[0] !== keys.me[0] });
}

const AuthContext = createContext<AuthState | null>(null);

async function loadSession(): Promise<Session | null> {
  try {
    const s = await fetchMe();
    setCsrfToken(s.csrfToken);
    return s;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const me = useQuery({ queryKey: keys.me, queryFn: loadSession, staleTime: Infinity, retry: false });

  const signIn = useCallback(
    (session: Session) => {
      setCsrfToken(session.csrfToken);
      dropData(qc);
      qc.setQueryData(keys.me, session);
    },
    [qc],
  );

  const signOut = useCallback(async () => {
    try {
      await apiLogout();
    } finally {
      setCsrfToken(null);
      dropData(qc);
      qc.setQueryData(keys.me, null);
    }
  }, [qc]);

  const refresh = useCallback(async () => {
    await qc.invalidateQueries({ queryKey: keys.me });
  }, [qc]);

  useEffect(() => {
    // Any 401 from the API means the session is gone: drop it, the router shows the login page.
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      qc.setQueryData(keys.me, null);
    });
    return () => setUnauthorizedHandler(null);
  }, [qc]);

  const value = useMemo<AuthState>(
    () => ({
      user: me.data?.user ?? null,
      loading: me.isPending,
      error: me.error,
      retry: () => void me.refetch(),
      signIn,
      signOut,
      refresh,
    }),
    [me.data, me.isPending, me.error, me.refetch, signIn, signOut, refresh],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in user; only for pages behind RequireAuth. */
export function useUser(): Me {
  const { user } = useAuth();
  if (!user) throw new Error('useUser without a session');
  return user;
}

import { resolve } from 'node:path';

/** Runtime configuration, read once from the environment (see README: Cấu hình). */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  demoPassword: string | undefined;
  /** Cookies get the Secure flag when the app is served over HTTPS (behind a proxy). */
  secureCookies: boolean;
  webDir: string;
  publicUrl: string;
  /**
   * Addresses (IPs or CIDR ranges) of the reverse proxies whose X-Forwarded-For is believed.
   * Empty: the client's address is the TCP peer's, whatever the headers say.
   */
  trustedProxies: string[];
  /**
   * The server secret sealed ballots' keys derive from (TDKT_SECRET_KEY, else `<DATA_DIR>/secret.key`):
   * filled by main.ts with `loadSecretKey`, never stored in the database.
   */
  secretKey?: Buffer;
  /**
   * How long the origin keeps a copy of a public portal answer (TDKT_PUBLIC_CACHE_MS, default 10 000;
   * 0 = off): see `http/public-cache.ts`. Absent (tests) = off.
   */
  publicCacheMs?: number;
  /** Ký số: follow the CRL and OCSP URLs written in certificates (TDKT_SIGNING_CERT_URLS=1; default off, closed networks). */
  signingCertificateUrls?: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT không hợp lệ: ${env.PORT}`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    demo: env.TDKT_DEMO !== '0',
    demoPassword: env.TDKT_DEMO_PASSWORD || undefined,
    secureCookies: env.TDKT_SECURE_COOKIES === '1',
    webDir: resolve(env.TDKT_WEB_DIR ?? './dist/web'),
    publicUrl: env.TDKT_PUBLIC_URL ?? `http://localhost:${port}`,
    publicCacheMs: cacheMsOf(env.TDKT_PUBLIC_CACHE_MS),
    signingCertificateUrls: env.TDKT_SIGNING_CERT_URLS === '1',
    trustedProxies: (env.TDKT_TRUSTED_PROXIES ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

function cacheMsOf(v: string | undefined): number {
  if (v === undefined || v === '') return 10_000;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 60_000) throw new Error(`TDKT_PUBLIC_CACHE_MS không hợp lệ (0–60000): ${v}`);
  return n;
}

/** Reminder and e-mail settings, read from the environment (docs/user-guide and docs/decisions.md). */
export interface JobConfig {
  /** Days before a deadline to remind (TDKT_REMINDER_DAYS, default "7,1"). */
  remindDays: number[];
  /** How often the job runner ticks (TDKT_JOB_INTERVAL_MS, default 60 s). */
  intervalMs: number;
  /** smtp://user:pass@host:port or smtps://…; without it e-mails stay queued. */
  smtpUrl: string | undefined;
  mailFrom: string;
  publicUrl: string;
  /** Attempts before an e-mail is marked failed (TDKT_MAIL_MAX_ATTEMPTS, default 12). */
  maxAttempts: number;
}

export function loadJobConfig(env: NodeJS.ProcessEnv = process.env): JobConfig {
  const days = (env.TDKT_REMINDER_DAYS ?? '7,1')
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n >= 0 && n <= 90);
  const interval = Number(env.TDKT_JOB_INTERVAL_MS ?? 60_000);
  const port = env.PORT ?? '3000';
  return {
    remindDays: days.length ? [...new Set(days)].sort((a, b) => b - a) : [7, 1],
    intervalMs: Number.isFinite(interval) && interval >= 1000 ? interval : 60_000,
    smtpUrl: env.TDKT_SMTP_URL || undefined,
    mailFrom: env.TDKT_MAIL_FROM || 'TĐKT <no-reply@localhost>',
    publicUrl: (env.TDKT_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    maxAttempts: Number(env.TDKT_MAIL_MAX_ATTEMPTS ?? 12) || 12,
  };
}

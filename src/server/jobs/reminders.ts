import { and, between, eq, inArray, sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Db, Executor } from '../db/client.js';
import { accounts, deadlineReminderRuns, deadlines, mailOutbox, movementUnits, notifications, people, registrations, units } from '../db/schema/index.js';
import { addDays, daysBetween, vnToday } from '../deadlines/clock.js';
import { formatDateVi } from '../../shared/format-vi.js';
import type { JobConfig } from './config.js';

type DeadlineRow = typeof deadlines.$inferSelect;

/** Something that sends one e-mail (nodemailer's transport in production). */
export interface MailTransport {
  sendMail(msg: { from: string; to: string; subject: string; text: string; messageId: string }): Promise<unknown>;
}

export function smtpTransport(url: string): MailTransport {
  // Short timeouts: a dead server must not hold the tick; the outbox retries later.
  return nodemailer.createTransport(url, { connectionTimeout: 5000, greetingTimeout: 5000, socketTimeout: 10000 } as object) as unknown as MailTransport;
}

export interface TickOptions {
  now?: Date;
  config: JobConfig;
  /** Overrides the SMTP transport built from config.smtpUrl (tests). */
  transport?: MailTransport | null;
}

export interface TickResult {
  remindersQueued: number;
  notificationsCreated: number;
  mailsSent: number;
  mailsFailed: number;
  mailsPending: number;
}

/** Pre-deadline offsets that fall due today for a deadline (the nearest one only: a late-registered deadline does not get "7 days" and "1 day" together). */
function dueOffset(d: DeadlineRow, today: string, defaults: number[]): number | null {
  const left = daysBetween(today, d.dueDate);
  if (left < 0) return -1;
  const offsets = (d.remindDays ?? defaults).filter((o) => o >= left);
  return offsets.length ? Math.min(...offsets) : null;
}

interface Recipient {
  accountId: string;
  displayName: string;
  email: string | null;
  unitId: string;
}

interface DirectoryEntry extends Recipient {
  role: string;
  path: string;
}

/** Everything a tick needs to pick recipients, read once per tick (accounts are few; deadlines many). */
async function loadDirectory(tx: Executor, due: DeadlineRow[]) {
  const accountsList: DirectoryEntry[] = await tx
    .select({ accountId: accounts.id, displayName: accounts.displayName, email: people.email, unitId: accounts.unitId, role: accounts.role, path: units.path })
    .from(accounts)
    .innerJoin(units, eq(units.id, accounts.unitId))
    .leftJoin(people, eq(people.id, accounts.personId))
    .where(and(eq(accounts.active, true), inArray(accounts.role, ['office', 'clerk'])));
  const ownerIds = [...new Set(due.map((d) => d.unitId))];
  const paths = new Map<string, string>();
  for (let i = 0; i < ownerIds.length; i += 1000) {
    for (const u of await tx.select({ id: units.id, path: units.path }).from(units).where(inArray(units.id, ownerIds.slice(i, i + 1000)))) paths.set(u.id, u.path);
  }
  const movementIds = [...new Set(due.filter((d) => d.sourceType === 'movement' && d.audience === 'units').map((d) => d.sourceId))];
  const participants = new Map<string, string[]>();
  if (movementIds.length) {
    const rows = await tx.select({ movementId: movementUnits.movementId, path: units.path }).from(movementUnits).innerJoin(units, eq(units.id, movementUnits.unitId)).where(inArray(movementUnits.movementId, movementIds));
    for (const r of rows) participants.set(r.movementId, [...(participants.get(r.movementId) ?? []), r.path]);
  }
  const campaigns = [...new Set(due.filter((d) => d.kind === 'registration').map((d) => `${d.sourceType}:${d.sourceId}`))];
  const registered = new Map<string, Set<string>>();
  if (campaigns.length) {
    const rows = await tx.selectDistinct({ key: registrations.campaignKey, unitId: registrations.unitId }).from(registrations).where(inArray(registrations.campaignKey, campaigns));
    for (const r of rows) registered.set(r.key, (registered.get(r.key) ?? new Set()).add(r.unitId));
  }
  return { accountsList, paths, participants, registered };
}

/** Who is reminded: the owning unit's office (and the responsible unit's), or every taking-part unit's clerks. */
function recipientsOf(dir: Awaited<ReturnType<typeof loadDirectory>>, d: DeadlineRow): Recipient[] {
  if (d.audience === 'units') {
    const ownerPath = dir.paths.get(d.unitId);
    if (!ownerPath) return [];
    const parts = d.sourceType === 'movement' ? dir.participants.get(d.sourceId) ?? [] : [];
    // Units that have registered are not chased again for a registration deadline.
    const done = d.kind === 'registration' ? dir.registered.get(`${d.sourceType}:${d.sourceId}`) : undefined;
    return dir.accountsList.filter((a) => {
      if (a.role === 'office') return a.unitId === d.unitId;
      if (!a.path.startsWith(ownerPath)) return false;
      if (parts.length && a.unitId !== d.unitId && !parts.some((p) => a.path.startsWith(p))) return false;
      return !done?.has(a.unitId);
    });
  }
  return dir.accountsList.filter((a) => a.unitId === d.unitId || (d.responsibleUnitId !== null && a.unitId === d.responsibleUnitId));
}

function reminderText(d: DeadlineRow, offset: number, today: string, r: Recipient, config: JobConfig) {
  const left = daysBetween(today, d.dueDate);
  const when = formatDateVi(d.dueDate);
  const title =
    offset < 0 ? `Quá hạn: ${d.title} (hạn ${when})` : left === 0 ? `Hôm nay là hạn chót: ${d.title}` : `Còn ${left} ngày: ${d.title} (hạn ${when})`;
  const url = `${config.publicUrl}${d.link ?? '/lich'}`;
  const body = [
    offset < 0 ? `Thời hạn "${d.title}" đã qua (hạn chót ngày ${when}) mà chưa được đánh dấu hoàn thành.` : `Thời hạn "${d.title}" sẽ đến vào ngày ${when}${left > 0 ? ` (còn ${left} ngày)` : ' (hôm nay)'}.`,
    d.note ? `Lưu ý: ${d.note}` : null,
  ]
    .filter(Boolean)
    .join('\n');
  const mail = `Kính gửi ${r.displayName},\n\nHệ thống quản lý thi đua, khen thưởng xin nhắc:\n\n${body}\n\nXem chi tiết: ${url}\n\nĐây là thư tự động, vui lòng không trả lời thư này.`;
  return { title, body, subject: `[TĐKT] ${title}`, mail };
}

/** Queues the reminders due today: in-app notifications and e-mails, idempotent per deadline × recipient × offset. */
async function queueReminders(db: Db, now: Date, config: JobConfig): Promise<{ queued: number; notified: number }> {
  const today = vnToday(now);
  const horizon = Math.max(...config.remindDays, 0, 30);
  const candidates = await db
    .select()
    .from(deadlines)
    .where(and(eq(deadlines.status, 'open'), between(deadlines.dueDate, addDays(today, -30), addDays(today, horizon))));
  const due = candidates.map((d) => ({ d, offset: dueOffset(d, today, config.remindDays) })).filter((x): x is { d: DeadlineRow; offset: number } => x.offset !== null);
  // Skip, in one query, what earlier ticks already processed: a province has thousands of deadlines in the window.
  const done = new Set<string>();
  for (let i = 0; i < due.length; i += 1000) {
    const ids = due.slice(i, i + 1000).map((x) => x.d.id);
    const runs = await db.select().from(deadlineReminderRuns).where(inArray(deadlineReminderRuns.deadlineId, ids));
    for (const r of runs) done.add(`${r.deadlineId}:${r.offsetDays}:${r.dueDate}`);
  }
  const todo = due.filter(({ d, offset }) => !done.has(`${d.id}:${offset}:${d.dueDate}`));
  if (todo.length === 0) return { queued: 0, notified: 0 };
  const dir = await loadDirectory(db, todo.map((x) => x.d));
  let queued = 0;
  let notified = 0;
  const nobody: { deadlineId: string; offsetDays: number; dueDate: string }[] = [];
  for (const { d, offset } of todo) {
    const recipients = recipientsOf(dir, d);
    if (recipients.length === 0) {
      nobody.push({ deadlineId: d.id, offsetDays: offset, dueDate: d.dueDate });
      continue;
    }
    await db.transaction(async (tx) => {
      const claimed = await tx.insert(deadlineReminderRuns).values({ deadlineId: d.id, offsetDays: offset, dueDate: d.dueDate }).onConflictDoNothing().returning();
      if (claimed.length === 0) return; // processed meanwhile by another server
      for (const r of recipients) {
        const key = `dl:${d.id}:${d.dueDate}:${r.accountId}:${offset}`;
        const t = reminderText(d, offset, today, r, config);
        const n = await tx.insert(notifications).values({ accountId: r.accountId, key, deadlineId: d.id, title: t.title, body: t.body, link: d.link }).onConflictDoNothing().returning({ id: notifications.id });
        notified += n.length;
        if (r.email) {
          const m = await tx.insert(mailOutbox).values({ key, accountId: r.accountId, toAddress: r.email, subject: t.subject, text: t.mail, nextAttemptAt: now }).onConflictDoNothing().returning({ id: mailOutbox.id });
          queued += m.length;
        }
      }
    });
  }
  for (let i = 0; i < nobody.length; i += 1000) await db.insert(deadlineReminderRuns).values(nobody.slice(i, i + 1000)).onConflictDoNothing();
  return { queued, notified };
}


/**
 * Sends what the outbox holds. Rows are claimed (status 'sending' with a lease) before sending,
 * so two servers never send the same row; a failure reschedules with a growing delay.
 */
async function deliver(db: Db, now: Date, config: JobConfig, transport: MailTransport | null): Promise<{ sent: number; failed: number }> {
  if (!transport) return { sent: 0, failed: 0 };
  const lease = new Date(now.getTime() + 5 * 60_000);
  const claimed = await db
    .update(mailOutbox)
    .set({ status: 'sending', lockedUntil: lease })
    .where(
      inArray(
        mailOutbox.id,
        sql`(select id from ${mailOutbox} where (${mailOutbox.status} = 'pending' or (${mailOutbox.status} = 'sending' and ${mailOutbox.lockedUntil} < ${now.toISOString()})) and ${mailOutbox.nextAttemptAt} <= ${now.toISOString()} order by ${mailOutbox.createdAt} limit 50 for update skip locked)`,
      ),
    )
    .returning();
  let sent = 0;
  let failed = 0;
  for (const m of claimed) {
    try {
      await transport.sendMail({ from: config.mailFrom, to: m.toAddress, subject: m.subject, text: m.text, messageId: `<${createHash('sha256').update(m.key).digest('hex').slice(0, 32)}@tdkt>` });
      await db.update(mailOutbox).set({ status: 'sent', sentAt: now, attempts: m.attempts + 1, lockedUntil: null, lastError: null }).where(eq(mailOutbox.id, m.id));
      sent++;
    } catch (err) {
      const attempts = m.attempts + 1;
      const delayMin = Math.min(2 ** (attempts - 1), 60);
      await db
        .update(mailOutbox)
        .set({ status: attempts >= config.maxAttempts ? 'failed' : 'pending', attempts, lockedUntil: null, lastError: String(err instanceof Error ? err.message : err).slice(0, 500), nextAttemptAt: new Date(now.getTime() + delayMin * 60_000) })
        .where(eq(mailOutbox.id, m.id));
      failed++;
    }
  }
  return { sent, failed };
}

/** One run of the job: queue today's reminders, then deliver the outbox. Tests call it with an injected clock. */
export async function runReminderTick(db: Db, opts: TickOptions): Promise<TickResult> {
  const now = opts.now ?? new Date();
  const transport = opts.transport !== undefined ? opts.transport : opts.config.smtpUrl ? smtpTransport(opts.config.smtpUrl) : null;
  const { queued, notified } = await queueReminders(db, now, opts.config);
  const { sent, failed } = await deliver(db, now, opts.config, transport);
  const [p] = await db.select({ n: sql<number>`count(*)::int` }).from(mailOutbox).where(inArray(mailOutbox.status, ['pending', 'sending']));
  return { remindersQueued: queued, notificationsCreated: notified, mailsSent: sent, mailsFailed: failed, mailsPending: Number(p?.n ?? 0) };
}

/** Outbox figures for the UI ("e-mails are queued: SMTP is not configured"). */
export async function outboxStatus(db: Executor, accountId: string) {
  const rows = await db.select({ status: mailOutbox.status, n: sql<number>`count(*)::int` }).from(mailOutbox).where(eq(mailOutbox.accountId, accountId)).groupBy(mailOutbox.status);
  const get = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  return { queued: get('pending') + get('sending'), sent: get('sent'), failed: get('failed') };
}


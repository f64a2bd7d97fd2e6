import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Db, Executor } from '../db/client.js';
import { now as clockNow, todayVn } from '../clock.js';
import { addDays, daysBetween } from '../deadlines/clock.js';
import { claimReminderRun, recordReminderRuns, reminderRunsOf, unsafeListOpenDeadlinesDueBetween, type DeadlineRow } from '../repositories/deadlines.js';
import { insertNotificationOnce } from '../repositories/notifications.js';
import { claimDueMail, countPendingMail, enqueueMailOnce, markMailFailed, markMailSent, outboxStatusOf } from '../repositories/outbox.js';
import { unsafeListRemindableAccounts, unsafeParticipantPathsOf, unsafeRegisteredUnitsOf, unsafeUnitPaths } from '../repositories/reminders.js';
import { REMINDED_ROLES, reminderRecipients, type RemindableAccount } from '../policies/deadline.js';
import { formatDateVi } from '../../shared/format-vi.js';
import type { JobConfig } from './config.js';

/** Something that sends one e-mail (nodemailer's transport in production). */
export interface MailTransport {
  sendMail(msg: { from: string; to: string; subject: string; text: string; messageId: string }): Promise<unknown>;
}

export function smtpTransport(url: string): MailTransport {
  // Short timeouts: a dead server must not hold the tick; the outbox retries later.
  return nodemailer.createTransport(url, { connectionTimeout: 5000, greetingTimeout: 5000, socketTimeout: 10000 } as object);
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

type Recipient = Pick<RemindableAccount, 'accountId' | 'displayName' | 'email' | 'unitId'>;

/** Everything a tick needs to pick recipients, read once per tick (accounts are few; deadlines many). */
async function loadDirectory(tx: Executor, due: DeadlineRow[]) {
  const accountsList = await unsafeListRemindableAccounts(tx, REMINDED_ROLES);
  const paths = await unsafeUnitPaths(tx, [...new Set(due.map((d) => d.unitId))]);
  const participants = await unsafeParticipantPathsOf(tx, [
    ...new Set(due.filter((d) => d.sourceType === 'movement' && d.audience === 'units').map((d) => d.sourceId)),
  ]);
  const registered = await unsafeRegisteredUnitsOf(tx, [...new Set(due.filter((d) => d.kind === 'registration').map((d) => `${d.sourceType}:${d.sourceId}`))]);
  return { accountsList, paths, participants, registered };
}

/** Who is reminded (the policy decides): the owning unit's office (and the responsible unit's), or every taking-part unit's clerks. */
function recipientsOf(dir: Awaited<ReturnType<typeof loadDirectory>>, d: DeadlineRow): Recipient[] {
  return reminderRecipients(dir.accountsList, d, {
    ownerPath: dir.paths.get(d.unitId),
    participantPaths: d.sourceType === 'movement' ? (dir.participants.get(d.sourceId) ?? []) : [],
    registeredUnits: d.kind === 'registration' ? dir.registered.get(`${d.sourceType}:${d.sourceId}`) : undefined,
  });
}

function reminderText(d: DeadlineRow, offset: number, today: string, r: Recipient, config: JobConfig) {
  const left = daysBetween(today, d.dueDate);
  const when = formatDateVi(d.dueDate);
  const title =
    offset < 0 ? `Quá hạn: ${d.title} (hạn ${when})` : left === 0 ? `Hôm nay là hạn chót: ${d.title}` : `Còn ${left} ngày: ${d.title} (hạn ${when})`;
  const url = `${config.publicUrl}${d.link ?? '/lich'}`;
  const body = [
    offset < 0
      ? `Thời hạn "${d.title}" đã qua (hạn chót ngày ${when}) mà chưa được đánh dấu hoàn thành.`
      : `Thời hạn "${d.title}" sẽ đến vào ngày ${when}${left > 0 ? ` (còn ${left} ngày)` : ' (hôm nay)'}.`,
    d.note ? `Lưu ý: ${d.note}` : null,
  ]
    .filter(Boolean)
    .join('\n');
  const mail = `Kính gửi ${r.displayName},\n\nHệ thống quản lý thi đua, khen thưởng xin nhắc:\n\n${body}\n\nXem chi tiết: ${url}\n\nĐây là thư tự động, vui lòng không trả lời thư này.`;
  return { title, body, subject: `[TĐKT] ${title}`, mail };
}

/** Queues the reminders due today: in-app notifications and e-mails, idempotent per deadline × recipient × offset. */
async function queueReminders(db: Db, now: Date, config: JobConfig): Promise<{ queued: number; notified: number }> {
  const today = todayVn(now);
  const horizon = Math.max(...config.remindDays, 0, 30);
  const candidates = await unsafeListOpenDeadlinesDueBetween(db, addDays(today, -30), addDays(today, horizon));
  const due = candidates
    .map((d) => ({ d, offset: dueOffset(d, today, config.remindDays) }))
    .filter((x): x is { d: DeadlineRow; offset: number } => x.offset !== null);
  // Skip, in one query per chunk, what earlier ticks already processed: a province has thousands of deadlines in the window.
  const done = new Set(
    (
      await reminderRunsOf(
        db,
        due.map((x) => x.d.id),
      )
    ).map((r) => `${r.deadlineId}:${r.offsetDays}:${r.dueDate}`),
  );
  const todo = due.filter(({ d, offset }) => !done.has(`${d.id}:${offset}:${d.dueDate}`));
  if (todo.length === 0) return { queued: 0, notified: 0 };
  const dir = await loadDirectory(
    db,
    todo.map((x) => x.d),
  );
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
      if (!(await claimReminderRun(tx, { deadlineId: d.id, offsetDays: offset, dueDate: d.dueDate }))) return; // processed meanwhile by another server
      for (const r of recipients) {
        const key = `dl:${d.id}:${d.dueDate}:${r.accountId}:${offset}`;
        const t = reminderText(d, offset, today, r, config);
        if (await insertNotificationOnce(tx, { accountId: r.accountId, key, deadlineId: d.id, title: t.title, body: t.body, link: d.link })) notified++;
        if (r.email && (await enqueueMailOnce(tx, { key, accountId: r.accountId, toAddress: r.email, subject: t.subject, text: t.mail, nextAttemptAt: now })))
          queued++;
      }
    });
  }
  await recordReminderRuns(db, nobody);
  return { queued, notified };
}

/**
 * Sends what the outbox holds. Rows are claimed (status 'sending' with a lease) before sending,
 * so two servers never send the same row; a failure reschedules with a growing delay.
 */
async function deliver(db: Db, now: Date, config: JobConfig, transport: MailTransport | null): Promise<{ sent: number; failed: number }> {
  if (!transport) return { sent: 0, failed: 0 };
  const lease = new Date(now.getTime() + 5 * 60_000);
  const claimed = await claimDueMail(db, now, lease);
  let sent = 0;
  let failed = 0;
  for (const m of claimed) {
    try {
      await transport.sendMail({
        from: config.mailFrom,
        to: m.toAddress,
        subject: m.subject,
        text: m.text,
        messageId: `<${createHash('sha256').update(m.key).digest('hex').slice(0, 32)}@tdkt>`,
      });
      await markMailSent(db, m.id, m.attempts + 1, now);
      sent++;
    } catch (err) {
      const attempts = m.attempts + 1;
      const delayMin = Math.min(2 ** (attempts - 1), 60);
      await markMailFailed(db, m.id, {
        attempts,
        gaveUp: attempts >= config.maxAttempts,
        error: String(err instanceof Error ? err.message : err).slice(0, 500),
        nextAttemptAt: new Date(now.getTime() + delayMin * 60_000),
      });
      failed++;
    }
  }
  return { sent, failed };
}

/** One run of the job: queue today's reminders, then deliver the outbox. Tests call it with an injected clock. */
export async function runReminderTick(db: Db, opts: TickOptions): Promise<TickResult> {
  const now = opts.now ?? clockNow();
  const transport = opts.transport !== undefined ? opts.transport : opts.config.smtpUrl ? smtpTransport(opts.config.smtpUrl) : null;
  const { queued, notified } = await queueReminders(db, now, opts.config);
  const { sent, failed } = await deliver(db, now, opts.config, transport);
  return { remindersQueued: queued, notificationsCreated: notified, mailsSent: sent, mailsFailed: failed, mailsPending: await countPendingMail(db) };
}

/** Outbox figures for the UI ("e-mails are queued: SMTP is not configured"). */
export async function outboxStatus(db: Executor, accountId: string) {
  return outboxStatusOf(db, accountId);
}

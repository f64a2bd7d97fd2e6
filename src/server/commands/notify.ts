/**
 * Workflow notifications: one helper every command calls, inside its own transaction, so the bell
 * entry and the queued e-mail are stored with the change or not at all. The e-mail reuses the
 * reminder outbox (delivered by the job runner with retries).
 */
import type { Executor } from '../db/client.js';
import type { CommandContext } from './run.js';
import { insertNotificationOnce, unsafeAccountsOfPeople, unsafeAccountsOfUnits, type NotifiableAccount } from '../repositories/notifications.js';
import { enqueueMailOnce } from '../repositories/outbox.js';
import { OFFICE_SIDE_NOTIFIED, UNIT_SIDE_NOTIFIED } from '../policies/notification.js';
import { loadJobConfig } from '../jobs/config.js';
import { now } from '../clock.js';

/** What one event tells: `key` names the event occurrence (the recipient is appended), `link` the SPA path where the work is done. */
export interface WorkflowNotice {
  key: string;
  title: string;
  body: string;
  link: string;
}

/** Who is told: a unit's clerks, the Office of a unit, or given people (council members, awardees). */
export type Audience = { unitSide: string[] } | { officeOf: string[] } | { people: string[] };

async function accountsOf(tx: Executor, to: Audience): Promise<NotifiableAccount[]> {
  if ('unitSide' in to) return unsafeAccountsOfUnits(tx, to.unitSide, UNIT_SIDE_NOTIFIED);
  if ('officeOf' in to) return unsafeAccountsOfUnits(tx, to.officeOf, OFFICE_SIDE_NOTIFIED);
  return unsafeAccountsOfPeople(tx, to.people);
}

function mailText(a: NotifiableAccount, n: WorkflowNotice, publicUrl: string): string {
  return `Kính gửi ${a.displayName},\n\n${n.title}\n\n${n.body}\n\nXử lý tại: ${publicUrl}${n.link}\n\nĐây là thư tự động, vui lòng không trả lời thư này.`;
}

/**
 * Tells the audience of an event: a notification in each account's bell and an e-mail to those
 * with an address. The actor is not told of their own act. Answers how many accounts were told.
 */
export async function notifyWorkflow(tx: Executor, actorAccountId: string | null, to: Audience | Audience[], n: WorkflowNotice): Promise<number> {
  const seen = new Set<string>();
  const recipients: NotifiableAccount[] = [];
  for (const a of [to].flat()) {
    for (const r of await accountsOf(tx, a)) {
      if (r.accountId === actorAccountId || seen.has(r.accountId)) continue;
      seen.add(r.accountId);
      recipients.push(r);
    }
  }
  const { publicUrl } = loadJobConfig();
  const at = now();
  let told = 0;
  for (const r of recipients) {
    const key = `wf:${n.key}:${r.accountId}`;
    if (await insertNotificationOnce(tx, { accountId: r.accountId, key, deadlineId: null, title: n.title, body: n.body, link: n.link })) told++;
    if (r.email)
      await enqueueMailOnce(tx, {
        key,
        accountId: r.accountId,
        toAddress: r.email,
        subject: `[TĐKT] ${n.title}`,
        text: mailText(r, n, publicUrl),
        nextAttemptAt: at,
      });
  }
  return told;
}

/** The command's form: the actor is the one acting. */
export function notify(ctx: CommandContext, to: Audience | Audience[], n: WorkflowNotice): Promise<number> {
  return notifyWorkflow(ctx.tx, ctx.actor.accountId, to, n);
}

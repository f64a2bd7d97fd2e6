import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { eq } from 'drizzle-orm';
import { createTestApp, type Client, type TestApp } from '../helpers/app.js';
import { mailOutbox, notifications } from '../../src/server/db/schema/index.js';
import { runReminderTick, smtpTransport } from '../../src/server/jobs/reminders.js';
import { loadJobConfig } from '../../src/server/jobs/config.js';
import { registerDeadline } from '../../src/server/deadlines/register.js';
import { addDays } from '../../src/server/deadlines/clock.js';
import { todayVn } from '../../src/server/clock.js';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

interface Received {
  to: string;
  raw: string;
}

function startSmtp(port: number, inbox: Received[]): Promise<SMTPServer> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
        callback();
      });
    },
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

/** Noon in Hà Nội on a yyyy-mm-dd day. */
const at = (day: string, plusMinutes = 0) => new Date(Date.parse(`${day}T05:00:00Z`) + plusMinutes * 60_000);

describe('calendar, reminders and the e-mail outbox', () => {
  let t: TestApp;
  let office: Client;
  let clerk: Client;
  let movementId = '';
  const today = todayVn();
  const due = addDays(today, 30);
  const config = { ...loadJobConfig({ TDKT_PUBLIC_URL: 'https://tdkt.skhcn-caobang.example' }), smtpUrl: undefined };
  const inbox: Received[] = [];
  let smtp: SMTPServer | null = null;
  let port = 0;

  before(async () => {
    t = await createTestApp();
    office = await t.login('vanphong');
    clerk = await t.login('donvi');
    const m = await office.post('/api/movements', {
      unitId: t.demo.rootUnitId,
      type: 'thematic',
      year: Number(due.slice(0, 4)),
      title: 'Phong trào thi đua cải cách hành chính',
      startDate: today,
      endDate: addDays(today, 120),
      deadlines: [
        {
          key: 'units_submit',
          kind: 'unit_submission',
          audience: 'units',
          title: 'Đơn vị gửi hồ sơ đề nghị khen thưởng',
          dueDate: due,
          note: 'Quá hạn coi như không có hồ sơ.',
        },
        { key: 'compile', kind: 'office_compilation', audience: 'office', title: 'Văn phòng tổng hợp hồ sơ', dueDate: addDays(due, 8) },
      ],
    });
    assert.equal(m.status, 201, JSON.stringify(m.body));
    movementId = m.body.id;
    await office.post(`/api/movements/${movementId}/launch`);
    port = await freePort();
  });
  after(async () => {
    await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()));
    await t.close();
  });

  it('shows every deadline in one calendar, per unit and month', async () => {
    const month = due.slice(0, 7);
    const r = await clerk.get(`/api/calendar?from=${month}-01&to=${addDays(`${month}-28`, 4)}`);
    assert.equal(r.status, 200);
    assert.ok(r.body.items.some((d: { title: string }) => d.title === 'Đơn vị gửi hồ sơ đề nghị khen thưởng'));
    // The office's own compilation deadline is not the clerk's.
    assert.ok(!r.body.items.some((d: { title: string }) => d.title === 'Văn phòng tổng hợp hồ sơ'));
    assert.equal(r.body.byDay[due], r.body.items.filter((d: { dueDate: string }) => d.dueDate === due).length);
    const bad = await clerk.get(`/api/calendar?from=${due}&to=${today}`);
    assert.equal(bad.status, 400);
    assert.match(bad.body.message, /Khoảng ngày không hợp lệ/);
    const foreign = await clerk.get(`/api/calendar?from=${today}&to=${due}&unitId=${t.demo.rootUnitId}`);
    assert.equal(foreign.status, 404);
  });

  it('lets other code register a deadline (e.g. a dossier) and shows it', async () => {
    const ttud = (await office.get('/api/units')).body.items.find((u: { code: string }) => u.code === 'TTUD').id;
    await registerDeadline(t.db, {
      sourceType: 'dossier',
      sourceId: crypto.randomUUID(),
      key: 'supplement',
      unitId: ttud,
      kind: 'dossier',
      title: 'Bổ sung hồ sơ khen thưởng',
      dueDate: addDays(today, 200),
      link: '/dossiers',
    });
    const r = await clerk.get(`/api/calendar?from=${addDays(today, 190)}&to=${addDays(today, 205)}&unitId=${ttud}`);
    assert.ok(r.body.items.some((d: { title: string }) => d.title === 'Bổ sung hồ sơ khen thưởng'));
  });

  it('SMTP down: reminders are queued, notifications shown, nothing lost', async () => {
    const dead = smtpTransport(`smtp://127.0.0.1:${port}`);
    const r = await runReminderTick(t.db, { now: at(addDays(due, -7)), config, transport: dead });
    assert.ok(r.notificationsCreated >= 2, JSON.stringify(r));
    assert.ok(r.remindersQueued >= 2);
    assert.equal(r.mailsSent, 0);
    assert.ok(r.mailsFailed >= 2);
    const queued = await t.db.select().from(mailOutbox);
    assert.ok(queued.every((m) => m.status === 'pending' && m.attempts === 1 && m.lastError));
    // Same day again: nothing queued twice, nothing retried before its time.
    const again = await runReminderTick(t.db, { now: at(addDays(due, -7)), config, transport: dead });
    assert.deepEqual([again.remindersQueued, again.notificationsCreated, again.mailsFailed], [0, 0, 0]);
    const bell = await clerk.get('/api/notifications');
    assert.ok(bell.body.unread >= 1);
    assert.match(bell.body.items[0].title, /^Còn 7 ngày: Đơn vị gửi hồ sơ đề nghị khen thưởng/);
    assert.equal(bell.body.mail.configured, false);
    assert.ok(bell.body.mail.queued >= 1);
  });

  it('SMTP back: retried and sent once per deadline × recipient × offset', async () => {
    smtp = await startSmtp(port, inbox);
    const live = smtpTransport(`smtp://127.0.0.1:${port}`);
    const r = await runReminderTick(t.db, { now: at(addDays(due, -7), 5), config, transport: live });
    assert.ok(r.mailsSent >= 2, JSON.stringify(r));
    assert.equal(r.mailsPending, 0);
    const sent = inbox.length;
    const again = await runReminderTick(t.db, { now: at(addDays(due, -7), 30), config, transport: live });
    assert.equal(again.mailsSent, 0);
    assert.equal(inbox.length, sent);
    const toClerk = inbox.filter((m) => m.to === 'mai.ht@skhcn-caobang.example' && m.raw.replace(/=\r?\n/g, '').includes(`/phong-trao/${movementId}`));
    assert.equal(toClerk.length, 1);
    const raw = toClerk[0]!.raw;
    assert.match(raw, /Subject: =\?UTF-8\?/);
    assert.match(raw.replace(/=\r?\n/g, ''), /tdkt\.skhcn-caobang\.example\/phong-trao\//);
    // The 1-day and the overdue reminders are new keys: each sent once.
    await runReminderTick(t.db, { now: at(addDays(due, -1)), config, transport: live });
    await runReminderTick(t.db, { now: at(addDays(due, -1), 10), config, transport: live });
    await runReminderTick(t.db, { now: at(addDays(due, 1)), config, transport: live });
    // (The demo plan's own year-end deadlines may remind too: count only this movement's.)
    const clerkMails = inbox.filter(
      (m) => m.to === 'mai.ht@skhcn-caobang.example' && m.raw.replace(/=\r?\n/g, '').includes(`/phong-trao/${movementId}`),
    ).length;
    assert.equal(clerkMails, 3);
    const rows = await t.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'mai.ht@skhcn-caobang.example'));
    assert.ok(rows.every((m) => m.status === 'sent'));
    const bell = await clerk.get('/api/notifications');
    assert.match(bell.body.items[0].title, /^Quá hạn: Đơn vị gửi hồ sơ/);
  });

  it('without SMTP configured, e-mails stay queued', async () => {
    await registerDeadline(t.db, {
      sourceType: 'dossier',
      sourceId: crypto.randomUUID(),
      key: 'x',
      unitId: t.demo.rootUnitId,
      kind: 'dossier',
      title: 'Trình hồ sơ lên tỉnh',
      dueDate: addDays(today, 1),
    });
    const r = await runReminderTick(t.db, { now: at(today), config });
    assert.ok(r.remindersQueued >= 1);
    assert.equal(r.mailsSent + r.mailsFailed, 0);
    assert.ok(r.mailsPending >= 1);
  });

  it('marks notifications read (own only)', async () => {
    const list = await clerk.get('/api/notifications?unreadOnly=true');
    const id = list.body.items[0].id;
    assert.equal((await office.post(`/api/notifications/${id}/read`)).status, 404);
    assert.equal((await clerk.post(`/api/notifications/${id}/read`)).status, 200);
    assert.equal((await clerk.post('/api/notifications/read-all')).status, 200);
    assert.equal((await clerk.get('/api/notifications')).body.unread, 0);
    const n = await t.db.select().from(notifications);
    assert.ok(n.length >= 4);
  });
});

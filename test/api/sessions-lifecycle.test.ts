/**
 * A council session in preparation is a record people can change (issue #18): it can be rescheduled
 * and cancelled (its candidates go back to the list awaiting a session), it cannot be made for a date
 * on which the council has no members, and the members read the dossiers on their agenda (read only).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, type Client, type TestApp } from '../helpers/app.js';
import { completeDocuments, ok, staffOf, unitByCode } from '../helpers/dossiers.js';
import { setClock } from '../../src/server/clock.js';
import { councils, councilSessions } from '../../src/server/db/schema/index.js';

describe('council sessions in preparation', () => {
  let t: TestApp;
  let office: Client;
  let donvi: Client;
  let councilId: string;

  /** A TTUD dossier with one Giấy khen nominee, submitted, received and appraised: its candidate waits for a session. */
  async function appraised(n: number): Promise<{ dossierId: string; candidateId: string }> {
    const ttud = await unitByCode(t, 'TTUD');
    const nominee = (await staffOf(t, ttud.id))[n]!;
    const d = await donvi.post('/api/dossiers', { type: 'cong_trang', year: 2025, title: `Hồ sơ đề nghị Giấy khen số ${n}` });
    ok(d, 201);
    ok(await donvi.post(`/api/dossiers/${d.body.id}/candidates`, { subjectKind: 'individual', personId: nominee.id, proposedHonor: 'GK' }), 201);
    await completeDocuments(donvi, d.body.id);
    ok(await donvi.post(`/api/dossiers/${d.body.id}/submit`));
    ok(await office.post(`/api/dossiers/${d.body.id}/receive`));
    const det = (await office.get(`/api/dossiers/${d.body.id}`)).body;
    const candidateId = det.candidates[0].id as string;
    ok(await office.post(`/api/dossiers/${d.body.id}/candidates/${candidateId}/appraise`, { note: 'Đủ thành phần' }));
    return { dossierId: d.body.id, candidateId };
  }

  before(async () => {
    setClock('2025-06-10');
    t = await createTestApp();
    office = await t.login('vanphong');
    donvi = await t.login('donvi');
    const [hd] = await t.db.select().from(councils).where(eq(councils.kind, 'tdkt'));
    councilId = hd!.id;
  });
  after(async () => {
    setClock(null);
    await t.close();
  });

  it('refuses a session on a date when the council has no members, and stores nothing', async () => {
    const a = await appraised(0);
    const before = await t.db.select().from(councilSessions);
    const r = await office.post('/api/sessions', { councilId, title: 'Phiên họp năm 1990', meetingDate: '1990-06-22', candidateIds: [a.candidateId] });
    assert.equal(r.status, 400, JSON.stringify(r.body));
    assert.equal(r.body.error, 'council_no_members_on_date');
    assert.match(r.body.message, /không có thành viên nào trong nhiệm kỳ vào ngày 22\/06\/1990/);
    assert.equal((await t.db.select().from(councilSessions)).length, before.length, 'no session row');
    const waiting = (await office.get('/api/sessions/candidates')).body.items.map((c: { id: string }) => c.id);
    assert.ok(waiting.includes(a.candidateId), 'the candidate still waits for a session');
  });

  it('reschedules a session in preparation, then cancels it: its candidates go back and can be put on another session', async () => {
    const a = await appraised(1);
    const s = await office.post('/api/sessions', { councilId, title: 'Phiên họp tháng 6', meetingDate: '2025-06-22', candidateIds: [a.candidateId] });
    ok(s, 201);
    assert.deepEqual(s.body.abilities.filter((x: string) => ['update', 'cancel', 'open'].includes(x)).sort(), ['cancel', 'open', 'update']);
    assert.equal((await office.get(`/api/dossiers/${a.dossierId}`)).body.status, 'in_council');

    const noMembers = await office.put(`/api/sessions/${s.body.id}`, { title: 'Phiên họp tháng 6', meetingDate: '1990-01-01', version: s.body.version });
    assert.equal(noMembers.status, 400, JSON.stringify(noMembers.body));
    const stale = await office.put(`/api/sessions/${s.body.id}`, { title: 'Phiên họp dời lịch', meetingDate: '2025-06-24', version: s.body.version - 1 });
    assert.equal(stale.status, 409, JSON.stringify(stale.body));
    const moved = await office.put(`/api/sessions/${s.body.id}`, {
      title: 'Phiên họp dời lịch',
      meetingDate: '2025-06-24',
      location: 'Phòng họp tầng 3',
      version: s.body.version,
    });
    ok(moved);
    assert.deepEqual([moved.body.title, moved.body.meetingDate, moved.body.location], ['Phiên họp dời lịch', '2025-06-24', 'Phòng họp tầng 3']);
    assert.equal(moved.body.attendance.length, s.body.attendance.length, 'the same members sit on the new date');
    assert.equal(moved.body.items.length, 1);

    const noReason = await office.post(`/api/sessions/${s.body.id}/cancel`, { reason: '' });
    assert.equal(noReason.status, 400);
    assert.equal((await office.get(`/api/sessions/${s.body.id}`)).body.status, 'draft', 'a refused cancel changes nothing');
    const cancelled = await office.post(`/api/sessions/${s.body.id}/cancel`, { reason: 'Lãnh đạo đi công tác, lùi sang phiên sau' });
    ok(cancelled);
    assert.equal(cancelled.body.status, 'cancelled');
    assert.equal(cancelled.body.cancelReason, 'Lãnh đạo đi công tác, lùi sang phiên sau');
    assert.deepEqual(cancelled.body.items, []);
    assert.deepEqual(cancelled.body.abilities, ['read']);
    assert.equal((await office.get(`/api/dossiers/${a.dossierId}`)).body.status, 'appraising', 'the dossier waits for a session again');
    assert.equal((await office.post(`/api/sessions/${s.body.id}/open`)).status, 409);
    assert.equal((await office.put(`/api/sessions/${s.body.id}`, { title: 'x y z', meetingDate: '2025-06-25', version: cancelled.body.version })).status, 409);

    const again = await office.post('/api/sessions', { councilId, title: 'Phiên họp tháng 7', meetingDate: '2025-07-01', candidateIds: [a.candidateId] });
    ok(again, 201);
    assert.equal(again.body.items.length, 1);
    const audit = (await office.get(`/api/audit?entityId=${s.body.id}`)).body.items.map((e: { action: string }) => e.action);
    assert.ok(audit.includes('session.cancelled'), JSON.stringify(audit));
  });

  it('a council member reads the dossiers on the agenda of their session, read only, and no other', async () => {
    const onAgenda = await appraised(2);
    const notOnAgenda = await appraised(3);
    const s = await office.post('/api/sessions', {
      councilId,
      title: 'Phiên họp xét Giấy khen',
      meetingDate: '2025-06-23',
      candidateIds: [onAgenda.candidateId],
    });
    ok(s, 201);
    const member = await t.login('hoidong');
    const shown = await member.get(`/api/dossiers/${onAgenda.dossierId}`);
    ok(shown);
    assert.deepEqual(shown.body.actions, [], 'read only');
    assert.ok(shown.body.documents.length > 0, 'the achievement report and the other documents are there');
    assert.ok(
      shown.body.documents.every((x: { content: string | null; fileName: string | null }) => x.content || x.fileName),
      'each document is there to read',
    );
    assert.equal((await member.get(`/api/dossiers/${notOnAgenda.dossierId}`)).status, 404, 'a dossier on no agenda of theirs');
    assert.equal((await member.put(`/api/dossiers/${onAgenda.dossierId}`, { title: 'Sửa trái phép', year: 2025, version: 1 })).status, 403);
    const list = (await member.get('/api/dossiers')).body.items.map((d: { id: string }) => d.id);
    assert.deepEqual(list.includes(onAgenda.dossierId), true);
    assert.deepEqual(list.includes(notOnAgenda.dossierId), false);
  });
});

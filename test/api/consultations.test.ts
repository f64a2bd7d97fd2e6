import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import PizZip from 'pizzip';
import { createTestApp, DEMO_PASSWORD, type Client, type TestApp } from '../helpers/app.js';
import { buildDossier, buildPerson, buildUnit, clerkOf } from '../helpers/factories.js';
import { accounts, consultationAnswers, consultations, deadlines, notifications } from '../../src/server/db/schema/index.js';
import { addDays, instantVn, now, setClock, todayVn } from '../../src/server/clock.js';
import { hashPassword } from '../../src/server/auth/passwords.js';
import { notifyConsultationDeadlines } from '../../src/server/commands/consultations.js';
import { loadCalendar } from '../../src/server/repositories/dossiers.js';
import { workingDaysBetween } from '../../src/shared/working-days.js';

// A fixed Wednesday, late in the Vietnamese day (the clock boundary the project tests against).
const START = instantVn('2026-03-11', '23:30');
const Y = 2026;

describe('consultations (hiệp y): request, answers, lapse of the deadline, cancel, letter', () => {
  let t: TestApp;
  let office: Client;
  let admin: Client;
  let council: Client;
  let outsider: Client;
  let root: string;
  const people: { id: string; fullName: string }[] = [];
  let dossierId = '';
  let otherDossierCandidate = '';
  let bodies: { id: string; kind: string; name: string }[] = [];
  const byKind = (k: string) => bodies.find((b) => b.kind === k)!.id;

  before(async () => {
    setClock(START);
    t = await createTestApp();
    office = await t.login('vanphong');
    admin = await t.login('admin');
    council = await t.login('hoidong');
    root = t.demo.rootUnitId;
    // An office account of another unit: the Sở's requests are outside its subtree.
    const unit = await buildUnit(admin, { parentId: root, name: 'Phòng Thử hiệp y' });
    await t.db.insert(accounts).values({
      username: 'vp_phong_thu',
      displayName: 'Văn phòng phòng thử',
      role: 'office',
      unitId: unit.id,
      passwordHash: await hashPassword('Office-12345'),
      passwordChangedAt: new Date(),
    });
    outsider = await t.login('vp_phong_thu', 'Office-12345');
    for (const fullName of ['Nông Văn Hiệp', 'Lục Thị Yến', 'Hoàng Văn Thụ']) people.push(await buildPerson(admin, { unitId: root, fullName }));
    const d = await buildDossier(t, {
      unit: { id: root },
      candidates: people.slice(0, 2),
      year: Y,
      honor: 'BK_BO_TINH',
      title: 'Đề nghị Bằng khen UBND tỉnh năm 2026',
    });
    dossierId = d.id;
    const other = await buildDossier(t, { unit: { id: root }, candidates: [people[2]!], year: Y, honor: 'BK_BO_TINH' });
    otherDossierCandidate = (await office.get(`/api/dossiers/${other.id}`)).body.candidates[0].id;
  });
  after(async () => {
    setClock(null);
    await t.close();
  });

  const candidateIds = async (id: string): Promise<string[]> => (await office.get(`/api/dossiers/${id}`)).body.candidates.map((c: { id: string }) => c.id);
  const countRequests = async () => (await t.db.select().from(consultations)).length;

  it('has the demo address book and prefills the request from the dossier and the rule pack', async () => {
    const b = await office.get('/api/consultations/bodies');
    assert.equal(b.status, 200, JSON.stringify(b.body));
    bodies = b.body.items;
    assert.deepEqual(bodies.map((x) => x.kind).sort(), ['bhxh', 'cong_an', 'dang_uy', 'thue', 'tnmt']);
    const draft = await office.get(`/api/consultations/draft?dossierId=${dossierId}`);
    assert.equal(draft.status, 200, JSON.stringify(draft.body));
    assert.deepEqual(
      draft.body.candidates.map((c: { displayName: string }) => c.displayName),
      people.slice(0, 2).map((p) => p.fullName),
    );
    // Individuals proposed for Bằng khen tỉnh: police and the Party's inspection committee, per the pack (unverified).
    assert.deepEqual(draft.body.candidates[0].bodyKinds, ['cong_an', 'dang_uy']);
    assert.equal(draft.body.candidates[0].needed, true);
    assert.equal(draft.body.candidates[0].verified, false);
    assert.deepEqual([...draft.body.suggestedBodyIds].sort(), [byKind('cong_an'), byKind('dang_uy')].sort());
    const cal = await loadCalendar(t.db);
    assert.equal(workingDaysBetween(cal, todayVn(), draft.body.deadline), draft.body.answerDays.workingDays);
    assert.equal(draft.body.answerDays.workingDays, 7);
  });

  it('refuses a past deadline, a candidate of another dossier, a body chosen twice: Vietnamese 4xx, nothing stored', async () => {
    const ids = await candidateIds(dossierId);
    const before = await countRequests();
    const base = { dossierId, candidateIds: ids, bodyIds: [byKind('cong_an'), byKind('dang_uy')] };
    const past = await office.post('/api/consultations', { ...base, deadline: addDays(todayVn(), -1) });
    assert.equal(past.status, 400);
    assert.match(past.body.message, /phải sau ngày hôm nay/);
    const today = await office.post('/api/consultations', { ...base, deadline: todayVn() });
    assert.equal(today.status, 400);
    const foreign = await office.post('/api/consultations', { ...base, candidateIds: [ids[0], otherDossierCandidate] });
    assert.equal(foreign.status, 400);
    assert.match(foreign.body.message, /không thuộc danh sách đề nghị/);
    const dup = await office.post('/api/consultations', { ...base, bodyIds: [byKind('cong_an'), byKind('cong_an')] });
    assert.equal(dup.status, 400);
    assert.match(dup.body.message, /Công an tỉnh Cao Bằng.*hai lần/);
    const none = await office.post('/api/consultations', { ...base, bodyIds: [] });
    assert.equal(none.status, 400);
    assert.match(JSON.stringify(none.body), /Chọn ít nhất một cơ quan/);
    assert.equal(await countRequests(), before);
    assert.equal((await t.db.select().from(deadlines).where(eq(deadlines.sourceType, 'consultation'))).length, 0);
  });

  let requestId = '';

  it('sends the request with the pack deadline, on the calendar; records agree and a disagreement about one person; the result flags that person', async () => {
    const ids = await candidateIds(dossierId);
    const r = await office.post('/api/consultations', {
      dossierId,
      candidateIds: ids,
      bodyIds: [byKind('cong_an'), byKind('dang_uy')],
      numberText: '15/SKHCN-VP',
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    requestId = r.body.id;
    assert.equal(r.body.state, 'waiting');
    assert.equal(r.body.deadlineSource, 'pack');
    assert.equal(workingDaysBetween(await loadCalendar(t.db), todayVn(), r.body.deadline), 7);
    assert.deepEqual(r.body.abilities, ['read', 'answer', 'attach', 'cancel', 'letter']);
    assert.deepEqual(
      r.body.answers.map((a: { state: string }) => a.state),
      ['pending', 'pending'],
    );
    const [cal] = await t.db
      .select()
      .from(deadlines)
      .where(and(eq(deadlines.sourceType, 'consultation'), eq(deadlines.sourceId, requestId)));
    assert.equal(cal!.dueDate, r.body.deadline);
    assert.equal(cal!.status, 'open');
    assert.equal(cal!.link, `/hiep-y/${requestId}`);
    // The same body about the same person while this one is open: refused.
    const again = await office.post('/api/consultations', { dossierId, candidateIds: [ids[0]], bodyIds: [byKind('cong_an')] });
    assert.equal(again.status, 409);
    assert.match(again.body.message, /Đã có công văn đang xin ý kiến Công an tỉnh Cao Bằng/);

    const police = r.body.answers.find((a: { bodyId: string }) => a.bodyId === byKind('cong_an')).id;
    const party = r.body.answers.find((a: { bodyId: string }) => a.bodyId === byKind('dang_uy')).id;
    // A disagreement without naming anyone, an objection about someone not in the request, an answer dated tomorrow: refused.
    assert.equal((await office.post(`/api/consultations/${requestId}/answers`, { answerId: party, answer: 'disagree', answeredOn: todayVn() })).status, 400);
    const stranger = await office.post(`/api/consultations/${requestId}/answers`, {
      answerId: party,
      answer: 'disagree',
      answeredOn: todayVn(),
      objections: [{ candidateId: otherDossierCandidate, reason: 'x' }],
    });
    assert.equal(stranger.status, 400);
    const future = await office.post(`/api/consultations/${requestId}/answers`, { answerId: police, answer: 'agree', answeredOn: addDays(todayVn(), 1) });
    assert.equal(future.status, 400);
    assert.match(future.body.message, /không thể sau hôm nay/);
    const stored = await t.db.select().from(consultationAnswers).where(eq(consultationAnswers.consultationId, requestId));
    assert.ok(stored.every((a) => a.answer === null));

    const a1 = await office.post(`/api/consultations/${requestId}/answers`, {
      answerId: police,
      answer: 'agree',
      answeredOn: todayVn(),
      answerNumber: '120/CAT-PV01',
    });
    assert.equal(a1.status, 200, JSON.stringify(a1.body));
    assert.equal(a1.body.state, 'waiting');
    const a2 = await office.post(`/api/consultations/${requestId}/answers`, {
      answerId: party,
      answer: 'disagree',
      answeredOn: todayVn(),
      objections: [{ candidateId: ids[1], reason: 'Đang bị xem xét kỷ luật Đảng' }],
    });
    assert.equal(a2.status, 200, JSON.stringify(a2.body));
    assert.equal(a2.body.state, 'complete');
    assert.deepEqual(
      a2.body.candidates.map((c: { displayName: string; flagged: boolean }) => [c.displayName, c.flagged]),
      [
        [people[0]!.fullName, false],
        [people[1]!.fullName, true],
      ],
    );
    assert.deepEqual(a2.body.candidates[1].objections, [{ bodyName: 'Ủy ban Kiểm tra Tỉnh ủy Cao Bằng', reason: 'Đang bị xem xét kỷ luật Đảng' }]);
    const [done] = await t.db
      .select()
      .from(deadlines)
      .where(and(eq(deadlines.sourceType, 'consultation'), eq(deadlines.sourceId, requestId)));
    assert.equal(done!.status, 'done', 'every body answered: the calendar entry is done');

    // The result beside each candidate, for the dossier page and the council.
    const res = await office.get(`/api/consultations/results?dossierId=${dossierId}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const flagged = res.body.candidates.filter((c: { flagged: boolean }) => c.flagged).map((c: { displayName: string }) => c.displayName);
    assert.deepEqual(flagged, [people[1]!.fullName]);
    assert.equal(res.body.requests[0].objectionCount, 1);
    // Per candidate, a body's disagreement shows only against the candidates it names.
    const statesOf = (name: string) =>
      res.body.candidates.find((c: { displayName: string }) => c.displayName === name).bodies.map((b: { state: string }) => b.state);
    assert.ok(!statesOf(people[0]!.fullName).includes('disagree'), JSON.stringify(statesOf(people[0]!.fullName)));
    assert.ok(statesOf(people[1]!.fullName).includes('disagree'));
  });

  it('attaches the scanned reply (checked by content) and serves it back', async () => {
    const r = await office.get(`/api/consultations/${requestId}`);
    const police = r.body.answers.find((a: { bodyId: string }) => a.bodyId === byKind('cong_an')).id;
    const notPdf = await office.upload(`/api/consultations/${requestId}/answers/${police}/file`, Buffer.from('xin chào, không phải PDF'), {}, 'tra-loi.pdf');
    assert.equal(notPdf.status, 400, JSON.stringify(notPdf.body));
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const up = await office.upload(`/api/consultations/${requestId}/answers/${police}/file`, pdf, {}, 'tra-loi-cong-an.pdf');
    assert.equal(up.status, 200, JSON.stringify(up.body));
    const got = await t.app.inject({ method: 'GET', url: `/api/consultations/${requestId}/answers/${police}/file`, cookies: await cookieOf('vanphong') });
    assert.equal(got.statusCode, 200);
    assert.equal(got.headers['content-type'], 'application/pdf');
    assert.deepEqual(got.rawPayload, pdf);
    assert.equal(
      (await office.get(`/api/consultations/${requestId}`)).body.answers.find((a: { id: string }) => a.id === police).fileName,
      'tra-loi-cong-an.pdf',
    );
  });

  async function cookieOf(username: string, password = DEMO_PASSWORD) {
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    return { tdkt_session: login.cookies.find((c) => c.name === 'tdkt_session')!.value };
  }

  it('prints the Công văn xin ý kiến hiệp y in NĐ 30 layout with the candidate list', async () => {
    const r = await t.app.inject({ method: 'GET', url: `/api/consultations/${requestId}/letter?format=docx`, cookies: await cookieOf('vanphong') });
    assert.equal(r.statusCode, 200, r.body);
    const xml = new PizZip(r.rawPayload).file('word/document.xml')!.asText();
    const text = xml.replace(/<[^>]+>/g, '');
    assert.match(text, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    assert.match(text, /Độc lập - Tự do - Hạnh phúc/);
    assert.match(text, /Số: 15\/SKHCN-VP/);
    assert.match(text, /V\/v xin ý kiến hiệp y đề nghị khen thưởng Bằng khen/);
    assert.match(text, /Kính gửi:/);
    assert.match(text, /Công an tỉnh Cao Bằng;/);
    assert.match(text, /Ủy ban Kiểm tra Tỉnh ủy Cao Bằng\./);
    for (const p of people.slice(0, 2)) assert.ok(text.includes(p.fullName), p.fullName);
    assert.ok(!text.includes(people[2]!.fullName), 'only the candidates asked about');
    const deadline = (await office.get(`/api/consultations/${requestId}`)).body.deadline as string;
    assert.ok(text.includes(`chậm nhất ngày ${deadline.slice(8, 10)}/${deadline.slice(5, 7)}/${deadline.slice(0, 4)}`), 'the deadline in the text');
    assert.match(text, /Nơi nhận:/);
  });

  let lapsingId = '';

  it('after the deadline a missing answer counts as "không có ý kiến": listed as overdue, the Office is told once on the day and once after', async () => {
    const d2 = await buildDossier(t, { unit: { id: root }, candidates: [], year: Y, title: 'Hồ sơ Huân chương thử' });
    const p = await buildPerson(admin, { unitId: root, fullName: 'Bế Văn Đàn' });
    const c = await clerkOf(t, root);
    const added = await c.post(`/api/dossiers/${d2.id}/candidates`, { subjectKind: 'individual', personId: p.id, proposedHonor: 'HCLD3' });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    const deadline = addDays(todayVn(), 3);
    const r = await office.post('/api/consultations', {
      dossierId: d2.id,
      candidateIds: [added.body.id],
      bodyIds: [byKind('cong_an'), byKind('thue')],
      deadline,
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    lapsingId = r.body.id;
    assert.equal(r.body.deadlineSource, 'office');
    // No number given: the letter leaves the gap the văn thư writes it into ("Số:          /SKHCN-VP").
    const letter = await t.app.inject({ method: 'GET', url: `/api/consultations/${lapsingId}/letter?format=docx`, cookies: await cookieOf('vanphong') });
    assert.match(
      new PizZip(letter.rawPayload)
        .file('word/document.xml')!
        .asText()
        .replace(/<[^>]+>/g, ''),
      /Số: \u00a0{10}\/SKHCN-VP/,
    );
    const police = r.body.answers.find((a: { bodyId: string }) => a.bodyId === byKind('cong_an')).id;
    assert.equal((await office.post(`/api/consultations/${lapsingId}/answers`, { answerId: police, answer: 'agree', answeredOn: todayVn() })).status, 200);
    assert.equal(await notifyConsultationDeadlines(t.db, now()), 0, 'nothing due yet');

    // On the deadline day: still pending, the Office is reminded.
    setClock(instantVn(deadline, '08:00'));
    const onDay = await office.get(`/api/consultations/${lapsingId}`);
    assert.equal(onDay.body.state, 'waiting');
    assert.ok((await notifyConsultationDeadlines(t.db, now())) > 0);
    assert.equal(await notifyConsultationDeadlines(t.db, now()), 0, 'once per day and deadline');

    // The day after (at 00:30 Hà Nội time, still the previous day in UTC): the silence is "no opinion", not an objection.
    setClock(instantVn(addDays(deadline, 1), '00:30'));
    const after = await office.get(`/api/consultations/${lapsingId}`);
    assert.equal(after.body.state, 'lapsed');
    assert.deepEqual(
      after.body.answers.map((a: { bodyName: string; state: string }) => [a.bodyName, a.state]),
      [
        ['Công an tỉnh Cao Bằng', 'agree'],
        ['Thuế tỉnh Cao Bằng', 'no_opinion'],
      ],
    );
    assert.equal(after.body.candidates[0].flagged, false);
    assert.equal(after.body.silence.verified, false);
    const overdue = await office.get('/api/consultations?overdue=true');
    assert.deepEqual(
      overdue.body.items.map((x: { id: string }) => x.id),
      [lapsingId],
    );
    assert.equal(overdue.body.items[0].state, 'lapsed');
    const told = await notifyConsultationDeadlines(t.db, now());
    assert.ok(told > 0);
    const vp = (await t.db.select().from(accounts).where(eq(accounts.username, 'vanphong')))[0]!;
    const bell = await t.db.select().from(notifications).where(eq(notifications.accountId, vp.id));
    assert.ok(bell.some((n) => n.title.startsWith('Quá hạn trả lời hiệp y') && n.body.includes('Thuế tỉnh Cao Bằng') && n.link === `/hiep-y/${lapsingId}`));
    assert.ok(bell.some((n) => n.title.startsWith('Hôm nay là hạn trả lời hiệp y')));
    setClock(START);
  });

  it('cancels a request: no answer after cancel (409, nothing stored), the calendar entry is cancelled, its objections flag no one', async () => {
    const r = await office.get(`/api/consultations/${lapsingId}`);
    const tax = r.body.answers.find((a: { bodyId: string }) => a.bodyId === byKind('thue')).id;
    const noReason = await office.post(`/api/consultations/${lapsingId}/cancel`, { reason: '' });
    assert.equal(noReason.status, 400);
    const c = await office.post(`/api/consultations/${lapsingId}/cancel`, { reason: 'Hồ sơ rút lại để bổ sung' });
    assert.equal(c.status, 200, JSON.stringify(c.body));
    assert.equal(c.body.state, 'cancelled');
    assert.deepEqual(c.body.abilities, ['read', 'letter']);
    const late = await office.post(`/api/consultations/${lapsingId}/answers`, { answerId: tax, answer: 'agree', answeredOn: todayVn() });
    assert.equal(late.status, 409);
    assert.match(late.body.message, /đã hủy/);
    const [row] = await t.db.select().from(consultationAnswers).where(eq(consultationAnswers.id, tax));
    assert.equal(row!.answer, null);
    const [cal] = await t.db
      .select()
      .from(deadlines)
      .where(and(eq(deadlines.sourceType, 'consultation'), eq(deadlines.sourceId, lapsingId)));
    assert.equal(cal!.status, 'cancelled');
    assert.equal((await office.post(`/api/consultations/${lapsingId}/cancel`, { reason: 'lần nữa' })).status, 409);
  });

  it('an office of another unit gets 404 on the Sở requests and dossier results; the council reads only dossiers on its agenda', async () => {
    assert.equal((await outsider.get(`/api/consultations/${requestId}`)).status, 404);
    assert.equal((await outsider.get(`/api/consultations/results?dossierId=${dossierId}`)).status, 404);
    assert.equal((await outsider.post(`/api/consultations/${requestId}/cancel`, { reason: 'thử' })).status, 404);
    const list = await outsider.get('/api/consultations');
    assert.equal(list.body.total, 0);
    assert.equal((await council.get(`/api/consultations/results?dossierId=${dossierId}`)).status, 404);
    const ids = await candidateIds(dossierId);
    assert.equal((await council.post('/api/consultations', { dossierId, candidateIds: ids, bodyIds: [byKind('bhxh')] })).status, 403);
    const clerk = await t.login('donvi');
    assert.equal((await clerk.get('/api/consultations')).status, 403);
  });
});

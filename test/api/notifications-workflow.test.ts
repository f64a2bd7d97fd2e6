/**
 * Workflow notifications (issue 18): the commands tell whoever the next step waits for, in the
 * bell and by e-mail (the reminder outbox), in the same transaction, with a link to where the work
 * is done; the actor is not told of their own act.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq, like } from 'drizzle-orm';
import { createTestApp, type Client, type TestApp } from '../helpers/app.js';
import { completeDocuments, ok, personByName, reviewedDossier, staffOf, unitByCode } from '../helpers/dossiers.js';
import { postPublicComment } from '../helpers/notices.js';
import { setClock } from '../../src/server/clock.js';
import { accounts, mailOutbox, notifications, people } from '../../src/server/db/schema/index.js';
import { hashPassword } from '../../src/server/auth/passwords.js';

type Bell = { items: { title: string; body: string; link: string | null; read: boolean }[]; unread: number };

describe('workflow notifications', () => {
  let t: TestApp;
  let donvi: Client, office: Client, giamdoc: Client;

  const bell = async (c: Client): Promise<Bell> => {
    const r = await c.get('/api/notifications?pageSize=50');
    ok(r);
    return r.body as Bell;
  };

  before(async () => {
    t = await createTestApp();
    setClock('2021-06-10');
    donvi = await t.login('donvi');
    office = await t.login('vanphong');
    giamdoc = await t.login('giamdoc');
    // The clerk has an e-mail address: she gets the e-mails too.
    await t.db.update(people).set({ email: 'mai@example.vn' }).where(eq(people.fullName, 'Hà Thị Mai'));
  });
  after(async () => {
    setClock(null);
    await t.close();
  });

  it('submitted → the Office; returned with reasons → the clerk (bell and e-mail); fixed and resubmitted → the Office again; received → the clerk', async () => {
    const ttud = await unitByCode(t, 'TTUD');
    const nominee = (await staffOf(t, ttud.id))[0]!;
    const d = await donvi.post('/api/dossiers', { type: 'cong_trang', year: 2021, title: 'Hồ sơ đề nghị Giấy khen thông báo' });
    ok(d, 201);
    const id = d.body.id as string;
    ok(await donvi.post(`/api/dossiers/${id}/candidates`, { subjectKind: 'individual', personId: nominee.id, proposedHonor: 'GK' }), 201);
    await completeDocuments(donvi, id);
    const officeBefore = (await bell(office)).unread;
    ok(await donvi.post(`/api/dossiers/${id}/submit`));
    const ob = await bell(office);
    assert.equal(ob.unread, officeBefore + 1);
    assert.equal(ob.items[0]!.title, 'Hồ sơ mới chờ tiếp nhận: "Hồ sơ đề nghị Giấy khen thông báo"');
    assert.equal(ob.items[0]!.link, `/ho-so/${id}`);
    assert.equal((await bell(donvi)).items.filter((n) => n.link === `/ho-so/${id}`).length, 0, 'the clerk is not told of her own submission');

    ok(await office.post(`/api/dossiers/${id}/return`, { reasons: ['Thiếu chữ ký người đề nghị', 'Báo cáo thành tích chưa có số liệu'] }));
    const mine = (await bell(donvi)).items.filter((n) => n.link === `/ho-so/${id}`);
    assert.equal(mine.length, 1);
    assert.equal(mine[0]!.title, 'Hồ sơ "Hồ sơ đề nghị Giấy khen thông báo" bị trả lại, cần bổ sung');
    assert.match(mine[0]!.body, /- Thiếu chữ ký người đề nghị\n- Báo cáo thành tích chưa có số liệu/);
    const [mai] = await t.db.select().from(accounts).where(eq(accounts.username, 'donvi'));
    const mails = await t.db.select().from(mailOutbox).where(eq(mailOutbox.accountId, mai!.id));
    const returned = mails.find((m) => m.subject.includes('bị trả lại'));
    assert.ok(returned, 'an e-mail is queued for the clerk');
    assert.equal(returned.toAddress, 'mai@example.vn');
    assert.match(returned.text, /Thiếu chữ ký người đề nghị/);
    assert.match(returned.text, new RegExp(`/ho-so/${id}`));

    // The clerk's "Việc cần làm" lists it with the reasons, linking to the dossier.
    const todo = (await donvi.get('/api/me/todo')).body;
    const back = todo.sections.find((x: { key: string }) => x.key === 'returned');
    assert.ok(back, JSON.stringify(todo));
    const item = back.items.find((i: { link: string }) => i.link === `/ho-so/${id}`);
    assert.match(item.detail, /Lý do: Thiếu chữ ký người đề nghị; Báo cáo thành tích chưa có số liệu/);
    assert.ok(!todo.sections.some((x: { key: string }) => x.key === 'receive'), 'a clerk receives nothing');

    // Fixed and submitted again: the Office is told again (a new occurrence, not swallowed by the first key).
    ok(await donvi.post(`/api/dossiers/${id}/submit`));
    const again = (await bell(office)).items.filter((n) => n.link === `/ho-so/${id}`);
    assert.equal(again.length, 2);
    assert.match(again[0]!.body, /nộp lại hồ sơ .* \(lần 2\)/);
    const inbox = (await office.get('/api/me/todo')).body.sections.find((x: { key: string }) => x.key === 'receive');
    assert.ok(
      inbox.items.some((i: { link: string }) => i.link === `/ho-so/${id}`),
      'the Office has it to receive',
    );
    ok(await office.post(`/api/dossiers/${id}/receive`));
    const received = (await bell(donvi)).items.filter((n) => n.link === `/ho-so/${id}`);
    assert.equal(received[0]!.title, 'Hồ sơ "Hồ sơ đề nghị Giấy khen thông báo" đã được tiếp nhận');
  });

  it('a refused command tells nobody (same transaction)', async () => {
    const before = await t.db.select().from(notifications);
    const d = await donvi.post('/api/dossiers', { type: 'cong_trang', year: 2021, title: 'Hồ sơ chưa đủ thành phần' });
    ok(d, 201);
    const p = await personByName(t, 'Lý Thị Phương');
    ok(await donvi.post(`/api/dossiers/${d.body.id}/candidates`, { subjectKind: 'individual', personId: p.id, proposedHonor: 'GK' }), 201);
    const r = await donvi.post(`/api/dossiers/${d.body.id}/submit`);
    assert.equal(r.status, 400, JSON.stringify(r.body));
    assert.equal((await t.db.select().from(notifications)).length, before.length);
  });

  it('session opened and closed → each member with an account; decision issued → the unit and each awardee with an account', async () => {
    const hoidong = await t.login('hoidong');
    const before = (await bell(hoidong)).items.length;
    const r = await reviewedDossier(t, 2, { year: 2021, skip: 4 });
    const hb = (await bell(hoidong)).items.filter((n) => n.link === `/phien-hop/${r.sessionId}`);
    assert.equal((await bell(hoidong)).items.length, before + 2);
    assert.deepEqual(
      hb.map((n) => n.title),
      ['Phiên họp "Phiên họp xét khen thưởng" đã kết thúc bỏ phiếu', 'Phiên họp "Phiên họp xét khen thưởng" đã khai mạc: mời bỏ phiếu'],
    );
    assert.match(hb[0]!.body, /2\/2 đề nghị đạt/);
    // The Office opened and closed it: not told of its own acts, although the Office's head sits on the council.
    assert.equal((await bell(office)).items.filter((n) => n.link === `/phien-hop/${r.sessionId}`).length, 0);

    // The first awardee has an account of her own.
    const [cand] = await t.db
      .select({ personId: people.id, fullName: people.fullName })
      .from(people)
      .where(eq(people.id, (await office.get(`/api/dossiers/${r.dossierId}`)).body.candidates[0].personId));
    await t.db.insert(accounts).values({
      username: 'awardee1',
      displayName: cand!.fullName,
      role: 'staff',
      unitId: (await unitByCode(t, 'TTUD')).id,
      personId: cand!.personId,
      passwordHash: await hashPassword('Staff-12345'),
      passwordChangedAt: new Date(),
    });
    const awardee = await t.login('awardee1', 'Staff-12345');
    const dec = await giamdoc.post('/api/decisions', {
      candidateIds: r.candidateIds,
      decisionDate: '2021-06-26',
      signerName: 'Hoàng Văn Thạch',
      signerTitle: 'Giám đốc Sở',
    });
    ok(dec, 201);
    for (const c of [donvi, awardee]) {
      const n = (await bell(c)).items.find((x) => x.title === `Đã ban hành Quyết định số ${dec.body.numberText}`);
      assert.ok(n, 'told of the decision');
      assert.equal(n.link, '/quyet-dinh');
      assert.match(n.body, new RegExp(`${cand!.fullName} \\(Giấy khen\\)`));
    }
    assert.equal((await bell(giamdoc)).items.filter((x) => x.title.includes(dec.body.numberText)).length, 0, 'the signer is not told');
  });

  it('"Việc cần làm": a member sees the open ballot until she has voted; the Office sees the session to prepare', async () => {
    const hoidong = await t.login('hoidong');
    const ttud = await unitByCode(t, 'TTUD');
    const nominee = (await staffOf(t, ttud.id))[9]!;
    const d = await donvi.post('/api/dossiers', { type: 'cong_trang', year: 2021, title: 'Hồ sơ cho phiên họp mở' });
    ok(d, 201);
    ok(await donvi.post(`/api/dossiers/${d.body.id}/candidates`, { subjectKind: 'individual', personId: nominee.id, proposedHonor: 'GK' }), 201);
    await completeDocuments(donvi, d.body.id);
    ok(await donvi.post(`/api/dossiers/${d.body.id}/submit`));
    ok(await office.post(`/api/dossiers/${d.body.id}/receive`));
    const cand = (await office.get(`/api/dossiers/${d.body.id}`)).body.candidates[0].id as string;
    ok(await office.post(`/api/dossiers/${d.body.id}/candidates/${cand}/appraise`, { note: 'Đủ thành phần' }));
    const councils = (await office.get('/api/councils')).body.items as { id: string; kind: string }[];
    const s = await office.post('/api/sessions', {
      councilId: councils.find((c) => c.kind === 'tdkt')!.id,
      title: 'Phiên họp có phiếu mở',
      meetingDate: '2021-06-22',
      candidateIds: [cand],
    });
    ok(s, 201);
    const prep = (await office.get('/api/me/todo')).body.sections.find((x: { key: string }) => x.key === 'prepare');
    assert.ok(prep.items.some((i: { link: string; detail: string }) => i.link === `/phien-hop/${s.body.id}` && /22\/06\/2021, 1 đề nghị/.test(i.detail)));
    const noBallot = (await hoidong.get('/api/me/todo')).body.sections.find((x: { key: string }) => x.key === 'ballots');
    assert.ok(!noBallot?.items.some((i: { link: string }) => i.link === `/phien-hop/${s.body.id}`), 'not before the session opens');
    ok(await office.post(`/api/sessions/${s.body.id}/open`));
    const ballots = (await hoidong.get('/api/me/todo')).body.sections.find((x: { key: string }) => x.key === 'ballots');
    const mine = ballots.items.find((i: { link: string }) => i.link === `/phien-hop/${s.body.id}`);
    assert.equal(mine.detail, 'Còn 1 đề nghị chưa bỏ phiếu (họp ngày 22/06/2021)');
    const items = (await hoidong.get(`/api/sessions/${s.body.id}`)).body.items as { id: string }[];
    ok(await hoidong.post(`/api/sessions/${s.body.id}/ballots`, { votes: items.map((i) => ({ itemId: i.id, choice: 'approve' })) }));
    const after = (await hoidong.get('/api/me/todo')).body.sections.find((x: { key: string }) => x.key === 'ballots');
    assert.ok(!after?.items.some((i: { link: string }) => i.link === `/phien-hop/${s.body.id}`), 'gone once she voted');
    // Staff see only what they may act on: no dossier work.
    const canhan = await t.login('canhan');
    const st = (await canhan.get('/api/me/todo')).body;
    assert.ok(
      st.sections.every((x: { key: string }) => x.key === 'registration'),
      JSON.stringify(st),
    );
  });

  it('a comment on a public notice → the Office, to answer', async () => {
    setClock('2024-03-01');
    const r = await reviewedDossier(t, 1, { year: 2024, skip: 7 });
    const n = await office.post('/api/notices', { candidateIds: r.candidateIds, title: 'Công khai danh sách khen thưởng 2024', workingDays: 10 });
    ok(n, 201);
    ok(await postPublicComment(t.anonymous, n.body.id, { authorName: 'Nguyễn Văn Dân', content: 'Đề nghị làm rõ thành tích năm 2023.' }), 201);
    const got = (await bell(office)).items.find((x) => x.title === 'Góp ý mới cần trả lời: "Công khai danh sách khen thưởng 2024"');
    assert.ok(got);
    assert.equal(got.link, '/lay-y-kien');
    assert.match(got.body, /Nguyễn Văn Dân góp ý: "Đề nghị làm rõ thành tích năm 2023."/);
    assert.ok((await t.db.select().from(notifications).where(like(notifications.key, 'wf:notice.comment:%'))).length >= 1);
    setClock('2021-06-10');
  });
});

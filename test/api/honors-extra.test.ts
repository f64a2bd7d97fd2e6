/**
 * Issue 19 concept 5: honors the list lacked — a posthumous hero title (truy tặng danh hiệu Anh hùng Lao động)
 * open for comments and forwarded upward, a welfare work (công trình phúc lợi) given in kind to a commune,
 * a Huân chương Lao động proposed without its class and given "hạng Ba" by the recorded higher decision.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, inArray } from 'drizzle-orm';
import { createTestApp, type Client, type TestApp } from '../helpers/app.js';
import { councilMembers, sessionAttendance, sessionConflicts } from '../../src/server/db/schema/index.js';
import { setClock } from '../../src/server/clock.js';
import { completeDocuments, ok, staffOf, unitByCode } from '../helpers/dossiers.js';
import { buildUnit } from '../helpers/factories.js';
import { docxText } from '../helpers/pdf-layout.js';

interface Cand {
  id: string;
  displayName: string;
  honor: string;
  posthumous: boolean;
  awardWording: string;
  inKindDescription: string | null;
  inKindValue: number | null;
  classUndecided: boolean;
  outcome: string;
}

describe('honors the list lacked: truy tặng, hero titles, award in kind, class undecided', () => {
  let t: TestApp;
  let donvi: Client;
  let office: Client;
  let giamdoc: Client;
  const ids = {} as Record<string, string>;

  before(async () => {
    t = await createTestApp();
    donvi = await t.login('donvi');
    office = await t.login('vanphong');
    giamdoc = await t.login('giamdoc');
  });
  after(async () => {
    setClock(null);
    await t.close();
  });

  it('a deceased engineer is proposed for Anh hùng Lao động truy tặng, with a Huân chương Lao động left unclassed and a welfare work for a commune', async () => {
    setClock('2024-03-01');
    await t.db.update(councilMembers).set({ fromDate: '2020-01-01', toDate: null });
    // A hero title needs ≥ 90% of all members: in this council of six the secretary votes as a member.
    await t.db.update(councilMembers).set({ position: 'uy_vien' }).where(eq(councilMembers.position, 'thu_ky'));
    const ttud = await unitByCode(t, 'TTUD');
    // Two staff who do not sit on the council (a member does not vote on their own proposal).
    const memberIds = new Set((await t.db.select().from(councilMembers)).map((m) => m.personId));
    const [hero, worker, fallen] = (await staffOf(t, ttud.id)).filter((p: { id: string }) => !memberIds.has(p.id));
    assert.ok(fallen, 'three staff of TTUD outside the council');
    const commune = await buildUnit(await t.login('admin'), { parentId: ttud.id, name: 'Xã Hòa An', kind: 'subordinate' });
    ids.heroName = hero!.fullName;
    ids.communeId = commune.id;
    const d = await donvi.post('/api/dossiers', { type: 'dot_xuat', year: 2024, title: 'Hồ sơ đề nghị khen thưởng đột xuất năm 2024' });
    ok(d, 201);
    ids.dossier = d.body.id;
    // An emulation title is not given posthumously: refused with the pack's reason, nothing stored.
    const ldtt = await donvi.post(`/api/dossiers/${ids.dossier}/candidates`, {
      subjectKind: 'individual',
      personId: hero!.id,
      proposedHonor: 'LDTT',
      posthumous: true,
    });
    assert.equal(ldtt.status, 400, JSON.stringify(ldtt.body));
    assert.match(ldtt.body.message, /Lao động tiên tiến không truy tặng/);
    const a = await donvi.post(`/api/dossiers/${ids.dossier}/candidates`, {
      subjectKind: 'individual',
      personId: hero!.id,
      proposedHonor: 'AHLD',
      posthumous: true,
      achievement: 'Hy sinh khi cứu hộ đê sông Bằng trong trận lũ tháng 9/2023, bảo vệ an toàn cho 120 hộ dân.',
    });
    ok(a, 201);
    assert.equal(a.body.posthumous, true);
    assert.equal(a.body.awardWording, 'Truy tặng danh hiệu Anh hùng Lao động');
    ids.hero = a.body.id;
    const b = await donvi.post(`/api/dossiers/${ids.dossier}/candidates`, { subjectKind: 'individual', personId: worker!.id, proposedHonor: 'HCLD' });
    ok(b, 201);
    assert.equal(b.body.classUndecided, true);
    ids.worker = b.body.id;
    // In kind: a description without its value is refused.
    const half = await donvi.post(`/api/dossiers/${ids.dossier}/candidates`, {
      subjectKind: 'collective',
      unitId: commune.id,
      proposedHonor: 'GK',
      inKindDescription: 'Công trình phúc lợi: nhà văn hóa thôn Nà Rụa',
    });
    assert.equal(half.status, 400);
    assert.match(half.body.message, /giá trị hiện vật/);
    const c = await donvi.post(`/api/dossiers/${ids.dossier}/candidates`, {
      subjectKind: 'collective',
      unitId: commune.id,
      proposedHonor: 'GK',
      inKindDescription: 'Công trình phúc lợi: nhà văn hóa thôn Nà Rụa',
      inKindValue: 1_500_000_000,
    });
    ok(c, 201);
    ids.commune = c.body.id;
    // A Giấy khen đột xuất first entered as for the living, then corrected to truy tặng on the dossier page.
    const g = await donvi.post(`/api/dossiers/${ids.dossier}/candidates`, {
      subjectKind: 'individual',
      personId: fallen.id,
      proposedHonor: 'GK',
      achievement: 'Dũng cảm cứu hai học sinh bị đuối nước tại suối Khuổi Kép ngày 12/02/2024.',
    });
    ok(g, 201);
    assert.equal(g.body.posthumous, false);
    ids.fallen = g.body.id;
    const fix = await donvi.put(`/api/dossiers/${ids.dossier}/candidates/${ids.fallen}`, { posthumous: true });
    ok(fix);
    assert.equal(fix.body.awardWording, 'Truy tặng Giấy khen');
    // An in-kind award corrected without its value is refused and the stored one stays.
    const halfFix = await donvi.put(`/api/dossiers/${ids.dossier}/candidates/${ids.commune}`, {
      inKindDescription: 'Công trình phúc lợi: nhà văn hóa thôn Nà Rụa và sân thể thao',
      inKindValue: null,
    });
    assert.equal(halfFix.status, 400, JSON.stringify(halfFix.body));
    const kept = (await donvi.get(`/api/dossiers/${ids.dossier}`)).body.candidates.find((x: Cand) => x.id === ids.commune);
    assert.equal(kept.inKindDescription, 'Công trình phúc lợi: nhà văn hóa thôn Nà Rụa');
    assert.equal(kept.inKindValue, 1_500_000_000);
    await completeDocuments(donvi, ids.dossier!);
    ok(await donvi.post(`/api/dossiers/${ids.dossier}/submit`));
    ok(await office.post(`/api/dossiers/${ids.dossier}/receive`));
    for (const id of [ids.hero, ids.worker, ids.commune, ids.fallen])
      ok(await office.post(`/api/dossiers/${ids.dossier}/candidates/${id}/appraise`, { note: 'Đủ thành phần' }));
    const det = (await office.get(`/api/dossiers/${ids.dossier}`)).body;
    const heroRow = det.candidates.find((x: Cand) => x.id === ids.hero);
    // No "still employed" check blocks a deceased person: the engine says truy tặng applies and waits for the council's confirmation.
    assert.ok(
      heroRow.appraisal.reasons.some((r: { ok: boolean; text: string }) => r.ok && /Truy tặng Anh hùng Lao động: được phép/.test(r.text)),
      JSON.stringify(heroRow.appraisal),
    );
    assert.notEqual(heroRow.appraisal.eligible, false);
    const councils = (await office.get('/api/councils')).body.items as { id: string; kind: string }[];
    const s = await office.post('/api/sessions', {
      councilId: councils.find((x) => x.kind === 'tdkt')!.id,
      title: 'Phiên họp xét khen thưởng đột xuất',
      meetingDate: '2024-03-01',
      candidateIds: [ids.hero, ids.worker, ids.commune, ids.fallen],
    });
    ids.session = s.body.id;
    ok(s, 201);
    ok(await office.post(`/api/sessions/${s.body.id}/open`));
    // Every member attends this session.
    await t.db.update(sessionAttendance).set({ present: true }).where(eq(sessionAttendance.sessionId, s.body.id));
    // The demo council has a member from the proposing unit, recused by default; a hero title needs ≥ 90% of
    // all six members, so here that member takes part (the recusal is lifted, as the chair may decide).
    const itemIds = ((await office.get(`/api/sessions/${s.body.id}`)).body.items as { id: string }[]).map((i) => i.id);
    await t.db.delete(sessionConflicts).where(inArray(sessionConflicts.itemId, itemIds));
    const items = (await office.get(`/api/sessions/${s.body.id}`)).body.items as { id: string }[];
    for (const u of ['hoidong', 'giamdoc', 'vanphong']) {
      const cl = await t.login(u);
      ok(await cl.post(`/api/sessions/${s.body.id}/ballots`, { votes: items.map((i) => ({ itemId: i.id, choice: 'approve' })) }));
    }
    // A hero title needs ≥ 90% of all members (ND 98/2023 Art 30 k7): the others' paper ballots approve too.
    const councilId = councils.find((x) => x.kind === 'tdkt')!.id;
    const members = (await t.db.select().from(councilMembers)).filter((m) => m.councilId === councilId).length;
    // Members who may vote (the secretary may not): as many paper ballots as the server accepts.
    let paper = members - 3;
    let res = await office.post(`/api/sessions/${s.body.id}/paper-ballots`, {
      items: items.map((i) => ({ itemId: i.id, approve: paper, reject: 0, abstain: 0 })),
    });
    while (res.status === 400 && paper > 0) {
      paper -= 1;
      res = await office.post(`/api/sessions/${s.body.id}/paper-ballots`, {
        items: items.map((i) => ({ itemId: i.id, approve: paper, reject: 0, abstain: 0 })),
      });
    }
    ok(res);
    ok(await office.post(`/api/sessions/${s.body.id}/close`));
    const closed = (await office.get(`/api/dossiers/${ids.dossier}`)).body;
    for (const x of closed.candidates) assert.equal(x.councilResult, 'passed', `${x.displayName}: ${x.councilText}`);
    // The Biên bản họp xét words each award as it will be given: truy tặng for the deceased.
    const minutes = docxText(await office.getFile(`/api/sessions/${ids.session}/review-minutes.docx`));
    assert.match(minutes, /Truy tặng danh hiệu Anh hùng Lao động/);
    assert.match(minutes, /Truy tặng Giấy khen/);
    assert.doesNotMatch(minutes, /Truy tặng Huân chương Lao động/);
    // Its agenda counts the posthumous Giấy khen apart from the one for the living commune.
    assert.match(minutes, /Xét đề nghị truy tặng danh hiệu Anh hùng Lao động \(1 trường hợp\)/);
    assert.match(minutes, /Xét đề nghị truy tặng Giấy khen \(1 trường hợp\)/);
    assert.match(minutes, /Xét đề nghị tặng Giấy khen \(1 trường hợp\)/);
  });

  it('the public notice lists "Truy tặng danh hiệu Anh hùng Lao động"; the agency cannot decide it, it goes upward', async () => {
    const n = await office.post('/api/notices', {
      candidateIds: [ids.hero, ids.worker],
      title: 'Công khai danh sách đề nghị danh hiệu vinh dự nhà nước, Huân chương năm 2024',
      workingDays: 10,
    });
    ok(n, 201);
    const pub = await t.anonymous.request('GET', `/api/public/notices/${n.body.id}`);
    ok(pub);
    const heroItem = pub.body.items.find((i: { candidateId: string }) => i.candidateId === ids.hero);
    assert.equal(heroItem.posthumous, true);
    assert.equal(heroItem.awardWording, 'Truy tặng danh hiệu Anh hùng Lao động');
    setClock('2024-03-20');
    // The Chủ tịch nước decides a hero title: the Sở's director may not.
    const own = await giamdoc.post('/api/decisions', {
      candidateIds: [ids.hero],
      decisionDate: '2024-03-20',
      signerName: 'Hoàng Văn Thạch',
      signerTitle: 'Giám đốc Sở',
    });
    assert.equal(own.status, 400, JSON.stringify(own.body));
    assert.equal(own.body.error, 'not_decision_authority');
    const f1 = await office.post(`/api/dossiers/${ids.dossier}/candidates/${ids.hero}/forward`, {});
    ok(f1, 201);
    ids.upward = f1.body.upwardDossierId;
    ok(await office.post(`/api/dossiers/${ids.dossier}/candidates/${ids.worker}/forward`, {}), 201);
    const up = (await office.get(`/api/dossiers/${ids.upward}`)).body;
    const copy = up.candidates.find((x: Cand) => x.displayName === ids.heroName);
    assert.equal(copy.posthumous, true, 'truy tặng travels with the proposal');
    ids.upHero = copy.id;
    ids.upWorker = up.candidates.find((x: Cand) => x.id !== copy.id).id;
    // The Tờ trình to the province names the award as the law words it.
    const tt = await office.getFile(`/api/dossiers/${ids.upward}/to-trinh.docx`);
    const text = docxText(tt);
    assert.match(text, /Truy tặng danh hiệu Anh hùng Lao động/);
    assert.match(text, /Đề nghị cấp có thẩm quyền xét hạng/);
    ok(
      await office.post(`/api/dossiers/${ids.upward}/documents`, {
        kind: 'to_trinh',
        content: 'Sở kính trình Chủ tịch UBND tỉnh đề nghị Chủ tịch nước truy tặng danh hiệu Anh hùng Lao động.',
      }),
      201,
    );
    ok(await office.post(`/api/dossiers/${ids.upward}/forward`, { receiverName: 'Ban Thi đua - Khen thưởng tỉnh Cao Bằng' }));
  });

  it('the higher decision sets the class of the Huân chương; the history reads truy tặng and the class', async () => {
    setClock('2024-09-05');
    const base = {
      numberText: '1520/QĐ-CTN',
      decisionDate: '2024-09-02',
      issuerName: 'Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam',
      signerName: 'Tô Lâm',
      signerTitle: 'Chủ tịch nước',
    };
    // Without the class the decision cannot be recorded; nothing is stored.
    const missing = await office.post(`/api/dossiers/${ids.upward}/higher-decision`, base);
    assert.equal(missing.status, 400, JSON.stringify(missing.body));
    assert.equal(missing.body.error, 'honor_class_undecided');
    assert.equal((await office.get(`/api/dossiers/${ids.upward}`)).body.status, 'forwarded');
    const wrong = await office.post(`/api/dossiers/${ids.upward}/higher-decision`, { ...base, classes: [{ candidateId: ids.upWorker, honor: 'BK_TTG' }] });
    assert.equal(wrong.status, 400);
    const r = await office.post(`/api/dossiers/${ids.upward}/higher-decision`, { ...base, classes: [{ candidateId: ids.upWorker, honor: 'HCLD3' }] });
    ok(r, 201);
    const dec = (await office.get(`/api/decisions/${r.body.id}`)).body;
    // Its default trích yếu names both awards, the posthumous one as "truy tặng".
    assert.equal(dec.title, 'Về việc tặng Huân chương Lao động hạng Ba, truy tặng danh hiệu Anh hùng Lao động');
    const hero = dec.awardees.find((a: { candidateId: string }) => a.candidateId === ids.upHero);
    assert.equal(hero.posthumous, true);
    assert.equal(hero.awardWording, 'Truy tặng danh hiệu Anh hùng Lao động');
    // 15,5 × 2.340.000 đ (ND 98/2023 Art 56).
    assert.equal(hero.amount, 36_270_000);
    const worker = dec.awardees.find((a: { candidateId: string }) => a.candidateId === ids.upWorker);
    assert.equal(worker.honor, 'HCLD3');
    assert.equal(worker.amount, 10_530_000);
    const up = (await office.get(`/api/dossiers/${ids.upward}`)).body;
    const w = up.candidates.find((x: Cand) => x.id === ids.upWorker);
    assert.equal(w.honor, 'HCLD3');
    assert.equal(w.classUndecided, false);
  });

  it("the commune receives its welfare work by the Sở's decision; the decision prints it with its value", async () => {
    const r = await giamdoc.post('/api/decisions', {
      candidateIds: [ids.commune],
      decisionDate: '2024-09-05',
      signerName: 'Hoàng Văn Thạch',
      signerTitle: 'Giám đốc Sở',
    });
    ok(r, 201);
    const dec = (await giamdoc.get(`/api/decisions/${r.body.id}`)).body;
    assert.equal(dec.awardees[0].inKindDescription, 'Công trình phúc lợi: nhà văn hóa thôn Nà Rụa');
    assert.equal(dec.awardees[0].inKindValue, 1_500_000_000);
    const text = docxText(await giamdoc.getFile(`/api/decisions/${r.body.id}/docx`));
    assert.match(text, /Khen thưởng bằng hiện vật cho Xã Hòa An: Công trình phúc lợi: nhà văn hóa thôn Nà Rụa trị giá 1\.500\.000\.000 đồng/);
    const history = (await office.get(`/api/units/${ids.communeId}/records`)).body;
    const honors = (history.honors ?? []) as { honor: string; inKindValue: number | null }[];
    assert.ok(
      honors.some((h) => h.honor === 'GK' && h.inKindValue === 1_500_000_000),
      JSON.stringify(history).slice(0, 500),
    );
  });

  it('a decision whose every awardee is posthumous is titled "Về việc truy tặng …" and its Điều 1 says so', async () => {
    const r = await giamdoc.post('/api/decisions', {
      candidateIds: [ids.fallen],
      decisionDate: '2024-09-05',
      signerName: 'Hoàng Văn Thạch',
      signerTitle: 'Giám đốc Sở',
    });
    ok(r, 201);
    const dec = (await giamdoc.get(`/api/decisions/${r.body.id}`)).body;
    assert.equal(dec.title, 'Về việc truy tặng Giấy khen cho các cá nhân có thành tích xuất sắc');
    const text = docxText(await giamdoc.getFile(`/api/decisions/${r.body.id}/docx`));
    assert.match(text, /Truy tặng Giấy khen cho 1 cá nhân/);
  });

  it("a person's history records a posthumous award with a gift in kind; a unit's may not be posthumous", async () => {
    const ttud = await unitByCode(t, 'TTUD');
    const person = (await staffOf(t, ttud.id))[0]!;
    const h = await office.post('/api/records/honors', {
      personId: person.id,
      honor: 'BK_BO_TINH',
      year: 2019,
      type: 'dot_xuat',
      decisionNumber: '2210/QĐ-UBND',
      decisionDate: '2019-10-21',
      issuer: 'Chủ tịch UBND tỉnh Cao Bằng',
      posthumous: true,
      inKindDescription: 'Sổ tiết kiệm hỗ trợ gia đình',
      inKindValue: 20_000_000,
    });
    ok(h, 201);
    const rec = (await office.get(`/api/people/${person.id}/records`)).body;
    const got = rec.honors.find((x: { id: string }) => x.id === h.body.id);
    assert.equal(got.posthumous, true);
    assert.match(got.awardWording, /^Truy tặng Bằng khen/);
    assert.equal(got.inKindValue, 20_000_000);
    const unit = await office.post('/api/records/honors', { unitId: ttud.id, honor: 'GK', year: 2019, posthumous: true });
    assert.equal(unit.status, 400, JSON.stringify(unit.body));
    assert.match(unit.body.message, /Chỉ truy tặng cho cá nhân/);
    // A Huân chương received has its class.
    const unclassed = await office.post('/api/records/honors', { personId: person.id, honor: 'HCLD', year: 2018 });
    assert.equal(unclassed.status, 400);
  });
});

// Issue #19, "bugs seen" with real agencies' data, each as a regression test: the Office writing a
// dossier in a subordinate unit's name, and a second honor forwarded for the same subject.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, count, eq, inArray } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { completeDocuments, ok, reviewedDossier, staffOf, unitByCode } from '../helpers/dossiers.js';
import { addDays, setClock } from '../../src/server/clock.js';
import { awardDecisions, councilMembers, councils, dossierCandidates, dossiers, honorAwards } from '../../src/server/db/schema/index.js';
import { ND91_2017_PACK, publicNotice, quotaCap } from '../../src/server/rules/index.js';

describe('regressions found with real agencies’ data', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    setClock('2021-06-10');
  });
  after(async () => {
    setClock(null);
    await t.close();
  });

  const dossierCount = async () => (await t.db.select({ n: count() }).from(dossiers))[0]!.n;

  it("the Office may not open a dossier in a subordinate unit's name (it could not see it afterwards); the unit's clerk may, and reads it back", async () => {
    const office = await t.login('vanphong');
    const ttud = await unitByCode(t, 'TTUD');
    const before = await dossierCount();
    const r = await office.post('/api/dossiers', { unitId: ttud.id, type: 'cong_trang', year: 2021, title: 'Hồ sơ lập hộ đơn vị' });
    assert.equal(r.status, 403, JSON.stringify(r.body));
    assert.match(r.body.message, /do chính đơn vị đó lập và gửi lên/);
    assert.equal(await dossierCount(), before, 'nothing stored');
    // Its own agency's dossier: created and read back (201 with the dossier, not 404).
    const own = await office.post('/api/dossiers', { type: 'cong_trang', year: 2021, title: 'Hồ sơ của Sở' });
    ok(own, 201);
    assert.equal(own.body.title, 'Hồ sơ của Sở');
    // The clerk of the subtree writes the unit's dossier and sees it as a draft.
    const donvi = await t.login('donvi');
    const mine = await donvi.post('/api/dossiers', { unitId: ttud.id, type: 'cong_trang', year: 2021, title: 'Hồ sơ của Trung tâm' });
    ok(mine, 201);
    assert.equal(mine.body.unitId, ttud.id);
  });

  it('a second honor forwarded for the same subject into one upward dossier answers 409 by name, not 500, and stores nothing', async () => {
    const office = await t.login('vanphong');
    const first = await reviewedDossier(t, 1, { skip: 3 });
    ok(await office.post(`/api/dossiers/${first.dossierId}/candidates/${first.candidateIds[0]}/forward`, {}), 201);
    // The first dossier is done (its only candidate forwarded): the same person may be proposed again.
    const second = await reviewedDossier(t, 1, { skip: 3 });
    const upwardBefore = await t.db.select({ n: count() }).from(dossierCandidates).where(eq(dossierCandidates.sourceCandidateId, second.candidateIds[0]!));
    const r = await office.post(`/api/dossiers/${second.dossierId}/candidates/${second.candidateIds[0]}/forward`, { honor: 'BK_BO_TINH' });
    assert.equal(r.status, 409, JSON.stringify(r.body));
    assert.match(r.body.message, /đã có trong hồ sơ trình cấp trên/);
    const upwardAfter = await t.db.select({ n: count() }).from(dossierCandidates).where(eq(dossierCandidates.sourceCandidateId, second.candidateIds[0]!));
    assert.deepEqual(upwardAfter, upwardBefore, 'nothing stored');
    const cand = (await office.get(`/api/dossiers/${second.dossierId}`)).body.candidates[0] as { outcome: string };
    assert.notEqual(cand.outcome, 'forwarded');
  });

  it('a past year is appraised under the regime of the decision being prepared, set on the dossier; bad dates and stale versions change nothing', async () => {
    setClock('2026-12-02');
    try {
      const donvi = await t.login('donvi');
      const office = await t.login('vanphong');
      const ttud = await unitByCode(t, 'TTUD');
      const person = (await staffOf(t, ttud.id))[6]!;
      const d = await donvi.post('/api/dossiers', { type: 'cong_trang', year: 2017, title: 'Nhập lại hồ sơ khen thưởng năm 2017' });
      ok(d, 201);
      assert.equal(d.body.regimeDate, null);
      assert.match(d.body.regimeLabel, /152\/2025/, 'today: the current regime');
      assert.equal(d.body.maySetRegimeDate, true);
      ok(await donvi.post(`/api/dossiers/${d.body.id}/candidates`, { subjectKind: 'individual', personId: person.id, proposedHonor: 'GK' }), 201);
      await completeDocuments(donvi, d.body.id);
      ok(await donvi.post(`/api/dossiers/${d.body.id}/submit`));
      ok(await office.post(`/api/dossiers/${d.body.id}/receive`));
      let det = (await office.get(`/api/dossiers/${d.body.id}`)).body;
      const cid = det.candidates[0].id as string;
      ok(await office.post(`/api/dossiers/${d.body.id}/candidates/${cid}/appraise`, { note: 'Thẩm định' }));
      det = (await office.get(`/api/dossiers/${d.body.id}`)).body;
      const articlesToday = (det.candidates[0].appraisal.reasons as { article: string | null }[]).map((r) => r.article).join(' ');
      // Bad input: before the dossier's year, a stale version, a staff member.
      const early = await office.put(`/api/dossiers/${d.body.id}/regime-date`, { regimeDate: '2016-12-31', version: det.version });
      assert.equal(early.status, 400, JSON.stringify(early.body));
      assert.match(early.body.message, /không được trước năm 2017/);
      const stale = await office.put(`/api/dossiers/${d.body.id}/regime-date`, { regimeDate: '2017-12-20', version: det.version - 1 });
      assert.equal(stale.status, 409);
      assert.equal((await office.get(`/api/dossiers/${d.body.id}`)).body.regimeDate, null, 'nothing changed');
      // The Office sets the date of the decision being prepared: NĐ 91/2017 governs, the appraisal follows.
      const set = await office.put(`/api/dossiers/${d.body.id}/regime-date`, { regimeDate: '2017-12-20', version: det.version });
      ok(set);
      assert.equal(set.body.regimeDate, '2017-12-20');
      assert.match(set.body.regimeLabel, /91\/2017/);
      const articles2017 = (set.body.candidates[0].appraisal.reasons as { article: string | null }[]).map((r) => r.article).join(' ');
      assert.match(articles2017, /91\/2017|Luật TĐKT 2003|Điều \d+.*2013/);
      assert.notEqual(articles2017, articlesToday);
    } finally {
      setClock('2021-06-10');
    }
  });

  it('attendance on a date outside the members’ term says so (by name, or that nobody is in term), not that they are no members; nothing changes', async () => {
    const office = await t.login('vanphong');
    const [hd] = await t.db
      .select()
      .from(councils)
      .where(and(eq(councils.kind, 'tdkt'), eq(councils.active, true)));
    const council = (await office.get(`/api/councils/${hd!.id}`)).body as { unitId: string; members: { id: string; personId: string }[] };
    const newcomer = (await staffOf(t, council.unitId)).find((p) => !council.members.some((m) => m.personId === p.id))!;
    // A member whose term begins after the meeting date (the Council's next term, entered beforehand).
    ok(await office.post(`/api/councils/${hd!.id}/members`, { personId: newcomer.id, position: 'uy_vien', fromDate: '2025-07-01' }), 201);
    const s = await office.post('/api/sessions', { councilId: hd!.id, title: 'Phiên họp sơ kết 6 tháng', meetingDate: '2025-06-25', candidateIds: [] });
    ok(s, 201);
    const sitting = (s.body.attendance as { memberId: string }[]).map((a) => a.memberId);
    const newMemberId = (
      await t.db
        .select()
        .from(councilMembers)
        .where(and(eq(councilMembers.personId, newcomer.id), eq(councilMembers.councilId, hd!.id)))
    )[0]!.id;
    const late = await office.put(`/api/sessions/${s.body.id}/attendance`, { presentMemberIds: [...sitting, newMemberId] });
    assert.equal(late.status, 400, JSON.stringify(late.body));
    assert.match(late.body.message, new RegExp(`Ngày họp 25/06/2025 ngoài nhiệm kỳ của ${newcomer.fullName} \\(nhiệm kỳ từ 01/07/2025\\)`));
    assert.doesNotMatch(late.body.message, /không phải thành viên/);
    // The terms recorded after the session was planned leave nobody in term on its date (no API edits a
    // term; an import or a correction in the database can): the date is the cause, whatever the list names.
    const ids = council.members.map((m) => m.id);
    const saved = await t.db.select().from(councilMembers).where(inArray(councilMembers.id, ids));
    await t.db.update(councilMembers).set({ fromDate: '2025-07-01' }).where(inArray(councilMembers.id, ids));
    try {
      const none = await office.put(`/api/sessions/${s.body.id}/attendance`, { presentMemberIds: sitting.slice(1) });
      assert.equal(none.status, 400, JSON.stringify(none.body));
      assert.equal(none.body.error, 'council_no_members_on_date');
      assert.match(none.body.message, /Ngày họp 25\/06\/2025 ngoài nhiệm kỳ của Hội đồng: không có thành viên nào trong nhiệm kỳ vào ngày này/);
      const att = (await office.get(`/api/sessions/${s.body.id}`)).body.attendance as { present: boolean }[];
      assert.ok(
        att.every((a) => a.present),
        'attendance unchanged',
      );
    } finally {
      for (const m of saved) await t.db.update(councilMembers).set({ fromDate: m.fromDate }).where(eq(councilMembers.id, m.id));
    }
  });

  it('a quota holds when the decision is issued (CSTĐCS ≤ the NĐ 91 share of LĐTT): over it, refused by name, limit, article and count, nothing issued', async () => {
    const giamdoc = await t.login('giamdoc');
    const quota = ND91_2017_PACK.honors.CSTDCS.quota!;
    assert.equal(quota.of, 'LDTT');
    // A year-end dossier of 2018 entered late (no LĐTT or CSTĐCS of that year on record yet): seven LĐTT and
    // two CSTĐCS nominees of the Trung tâm.
    const held = async (honor: string) =>
      (
        await t.db
          .select({ n: count() })
          .from(honorAwards)
          .where(and(eq(honorAwards.honor, honor), eq(honorAwards.year, 2018), eq(honorAwards.revoked, false)))
      )[0]!.n;
    const [ldttBefore, cstdBefore] = [await held('LDTT'), await held('CSTDCS')];
    const r = await reviewedDossier(t, 9, { year: 2018, honors: ['LDTT', 'LDTT', 'LDTT', 'LDTT', 'LDTT', 'LDTT', 'LDTT', 'CSTDCS', 'CSTDCS'] });
    assert.equal(r.candidateIds.length, 9);
    const cap = quotaCap(quota, ldttBefore + 7);
    assert.ok(cstdBefore + 2 > cap && cstdBefore + 1 <= cap, `the data puts two CSTĐCS over the cap ${cap} and one within`);
    const decisionsBefore = (await t.db.select({ n: count() }).from(awardDecisions))[0]!.n;
    const issue = (candidateIds: string[]) =>
      giamdoc.post('/api/decisions', { candidateIds, decisionDate: '2021-06-25', signerName: 'Hoàng Văn Thạch', signerTitle: 'Giám đốc Sở' });
    const over = await issue(r.candidateIds);
    assert.equal(over.status, 409, JSON.stringify(over.body));
    assert.equal(over.body.error, 'quota_exceeded');
    for (const part of [
      'Chiến sĩ thi đua cơ sở',
      `không quá ${Math.round(quota.share * 100)}% số Lao động tiên tiến`,
      quota.article,
      `có ${ldttBefore + 7} Lao động tiên tiến nên tối đa ${cap}`,
      `đưa lên ${cstdBefore + 2}`,
    ])
      assert.ok(over.body.message.includes(part), `${over.body.message} names ${part}`);
    assert.equal((await t.db.select({ n: count() }).from(awardDecisions))[0]!.n, decisionsBefore, 'no decision issued');
    assert.equal(await held('CSTDCS'), cstdBefore, 'no award recorded');
    // Within the cap: the LĐTT list and one CSTĐCS are issued together.
    ok(await issue(r.candidateIds.slice(0, 8)), 201);
    // The other CSTĐCS alone counts the one now on record: still over, refused.
    const second = await issue(r.candidateIds.slice(8));
    assert.equal(second.status, 409, JSON.stringify(second.body));
    assert.match(second.body.message, new RegExp(`đưa lên ${cstdBefore + 2} \\(1 người trong quyết định này\\)`));
  });

  it('a Huân chương proposal goes upward only after its public notice is done, on the unit’s candidate or on its upward copy; every one lacking it is named', async () => {
    const office = await t.login('vanphong');
    const days = publicNotice(ND91_2017_PACK, 'HCLD3').minWorkingDays;
    assert.ok(publicNotice(ND91_2017_PACK, 'HCLD3').required);
    const r = await reviewedDossier(t, 2, { year: 2020, skip: 9 });
    const names = (await office.get(`/api/dossiers/${r.dossierId}`)).body.candidates.map((c: { displayName: string }) => c.displayName) as string[];
    // The first nominee is posted by the Sở before it is forwarded; the second is not.
    const first = await office.post('/api/notices', {
      candidateIds: [r.candidateIds[0]],
      title: 'Công khai đề nghị tặng Huân chương Lao động hạng Ba',
      workingDays: days,
    });
    ok(first, 201);
    let upwardId = '';
    for (const id of r.candidateIds) {
      const f = await office.post(`/api/dossiers/${r.dossierId}/candidates/${id}/forward`, { honor: 'HCLD3' });
      ok(f, 201);
      upwardId = f.body.upwardDossierId;
    }
    ok(
      await office.post(`/api/dossiers/${upwardId}/documents`, {
        kind: 'to_trinh',
        content: 'Sở kính trình Chủ tịch UBND tỉnh đề nghị Thủ tướng Chính phủ trình Chủ tịch nước tặng Huân chương Lao động hạng Ba.',
      }),
      201,
    );
    const send = () => office.post(`/api/dossiers/${upwardId}/forward`, { receiverName: 'Ban Thi đua - Khen thưởng tỉnh' });
    const running = await send();
    assert.equal(running.status, 409, JSON.stringify(running.body));
    assert.equal(running.body.error, 'notice_not_done');
    assert.match(running.body.message, /2 đề nghị chưa hoàn thành công khai/);
    assert.match(
      running.body.message,
      new RegExp(`${names[0]} đang trong thời gian công khai lấy ý kiến \\(đến hết ngày ${first.body.endDate.split('-').reverse().join('/')}\\)`),
    );
    assert.match(running.body.message, new RegExp(`${names[1]}: Huân chương Lao động hạng Ba phải được công khai lấy ý kiến trước khi trình cấp trên`));
    assert.equal((await office.get(`/api/dossiers/${upwardId}`)).body.status, 'draft', 'not sent');
    try {
      // The first notice is over: only the second nominee is named. The Sở posts it on the upward copy.
      setClock(addDays(first.body.endDate, 1));
      const one = await send();
      assert.equal(one.status, 409, JSON.stringify(one.body));
      assert.match(one.body.message, /1 đề nghị chưa hoàn thành/);
      assert.doesNotMatch(one.body.message, new RegExp(names[0]!));
      const copy = (await office.get(`/api/dossiers/${upwardId}`)).body.candidates.find((c: { displayName: string }) => c.displayName === names[1]);
      const second = await office.post('/api/notices', { candidateIds: [copy.id], title: 'Công khai đề nghị tặng Huân chương (bổ sung)', workingDays: days });
      ok(second, 201);
      setClock(addDays(second.body.endDate, 1));
      const sent = await send();
      ok(sent);
      assert.equal(sent.body.status, 'forwarded');
    } finally {
      setClock('2021-06-10');
    }
  });
});

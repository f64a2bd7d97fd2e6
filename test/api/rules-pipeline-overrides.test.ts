/**
 * An agency override of the pipeline's legal parameters changes what the pipeline does, from its
 * effective date on: required documents, step limits, public notice, the order of honors, the
 * quorum and who may decide. Before the date, the same steps behave as the law's pack says.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type Client, type TestApp } from '../helpers/app.js';
import { completeDocuments, ok, reviewedDossier, staffOf, unitByCode } from '../helpers/dossiers.js';
import { setClock } from '../../src/server/clock.js';
import { councilMembers } from '../../src/server/db/schema/index.js';

const BASIS = 'Quy chế làm việc của Hội đồng TĐKT Sở (QĐ 15/2021/QĐ-SKHCN)';
const CAM_KET = 'Bản cam kết chấp hành pháp luật';

/** The Sở's own rules, in force from 01/07/2021, for every regime. */
const rules = {
  id: 'quy-che-so',
  version: 1,
  agency: 'SKHCN',
  title: 'Quy chế xét khen thưởng của Sở',
  basis: BASIS,
  effectiveFrom: '2021-07-01',
  changes: [
    { op: 'set_quorum', share: 1 },
    {
      op: 'set_document',
      document: { id: 'cam_ket', kind: 'khac', per: 'candidate', label: CAM_KET, honors: ['GK'], article: 'Điều 5 QĐ 15/2021/QĐ-SKHCN', verified: true },
    },
    { op: 'set_step_limit', step: 'submitted', workingDays: 3 },
    { op: 'set_public_notice', honor: 'GK', required: true },
    {
      op: 'set_deadline',
      deadline: {
        id: 'cong_khai_truoc_hop',
        label: 'Công khai ít nhất 15 ngày làm việc',
        kind: 'working_days',
        days: 15,
        article: 'Điều 6 QĐ 15/2021/QĐ-SKHCN',
        verified: true,
      },
    },
    { op: 'set_honor_rank', honor: 'LDTT', rank: 3 },
    { op: 'set_unit_authority', unitKind: 'agency', who: null },
  ],
};

describe('agency overrides of the pipeline parameters change the pipeline', () => {
  let t: TestApp;
  let donvi: Client, office: Client, giamdoc: Client;
  let staff: { id: string; fullName: string }[];
  let councilId: string;

  before(async () => {
    t = await createTestApp();
    setClock('2021-06-10');
    donvi = await t.login('donvi');
    office = await t.login('vanphong');
    giamdoc = await t.login('giamdoc');
    staff = await staffOf(t, (await unitByCode(t, 'TTUD')).id);
    // The demo council's term starts in 2024; these dossiers are of 2021.
    await t.db.update(councilMembers).set({ fromDate: '2020-01-01' });
    councilId = ((await office.get('/api/councils')).body.items as { id: string; kind: string }[]).find((c) => c.kind === 'tdkt')!.id;
    ok(await office.post('/api/rules/overrides', { override: rules }), 201);
  });
  after(async () => {
    setClock(null);
    await t.close();
  });

  /** A draft Giấy khen dossier of TTUD for staff member `i`, with the law's documents. */
  async function draft(i: number): Promise<{ id: string; candidateId: string; name: string }> {
    const d = await donvi.post('/api/dossiers', { type: 'cong_trang', year: 2021, title: `Hồ sơ đề nghị Giấy khen – ${staff[i]!.fullName}` });
    ok(d, 201);
    ok(await donvi.post(`/api/dossiers/${d.body.id}/candidates`, { subjectKind: 'individual', personId: staff[i]!.id, proposedHonor: 'GK' }), 201);
    await completeDocuments(donvi, d.body.id);
    const det = (await donvi.get(`/api/dossiers/${d.body.id}`)).body;
    return { id: d.body.id, candidateId: det.candidates[0].id, name: det.candidates[0].displayName };
  }

  const addCamKet = async (d: { id: string; candidateId: string }) =>
    ok(
      await donvi.post(`/api/dossiers/${d.id}/documents`, {
        kind: 'khac',
        candidateId: d.candidateId,
        content: 'Tôi cam kết chấp hành nghiêm chủ trương, chính sách của Đảng, pháp luật của Nhà nước.',
      }),
      201,
    );

  /** Submitted and received by the Office (with the agency's document once it is required). */
  async function received(i: number, withCamKet: boolean) {
    const d = await draft(i);
    if (withCamKet) await addCamKet(d);
    ok(await donvi.post(`/api/dossiers/${d.id}/submit`));
    ok(await office.post(`/api/dossiers/${d.id}/receive`));
    return d;
  }

  it('required documents and the step limit: the checklist and the clock follow the override from its date', async () => {
    setClock('2021-06-10');
    const a = await draft(0);
    ok(await donvi.post(`/api/dossiers/${a.id}/submit`));
    const before = (await donvi.get(`/api/dossiers/${a.id}`)).body;
    assert.equal(before.clock.limitDays, 5);

    setClock('2021-07-05');
    const now = (await donvi.get(`/api/dossiers/${a.id}`)).body;
    assert.equal(now.clock.limitDays, 3, 'the agency sets 3 working days to receive or return');
    assert.equal(now.clock.article, BASIS);

    const b = await draft(1);
    const refused = await donvi.post(`/api/dossiers/${b.id}/submit`);
    assert.equal(refused.status, 400, JSON.stringify(refused.body));
    assert.match(refused.body.message, new RegExp(`Còn thiếu: ${CAM_KET} của ${b.name}`));
    const shown = (await donvi.get(`/api/dossiers/${b.id}`)).body;
    assert.equal(shown.status, 'draft', 'a refused submission changes nothing');
    const item = shown.checklist.items.find((x: { label: string }) => x.label === CAM_KET);
    assert.deepEqual([item.present, item.candidateId, item.article], [false, b.candidateId, 'Điều 5 QĐ 15/2021/QĐ-SKHCN']);
    assert.equal(shown.checklist.complete, false);
    await addCamKet(b);
    ok(await donvi.post(`/api/dossiers/${b.id}/submit`));
  });

  it('quorum: the same attendance opens a session before the date and not after it', async () => {
    setClock('2021-06-20');
    const early = await received(2, false);
    const late = await received(3, false);
    for (const d of [early, late]) ok(await office.post(`/api/dossiers/${d.id}/candidates/${d.candidateId}/appraise`, { note: 'Đủ thành phần' }));

    const session = async (candidateId: string, meetingDate: string) => {
      const s = await office.post('/api/sessions', { councilId, title: `Phiên họp ngày ${meetingDate}`, meetingDate, candidateIds: [candidateId] });
      ok(s, 201);
      const members = (await office.get(`/api/sessions/${s.body.id}`)).body.attendance as { memberId: string }[];
      assert.ok(members.length >= 3, 'one absent member still leaves 2/3');
      ok(await office.put(`/api/sessions/${s.body.id}/attendance`, { presentMemberIds: members.slice(1).map((m) => m.memberId) }));
      return { id: s.body.id as string, total: members.length };
    };
    const s1 = await session(early.candidateId, '2021-06-22');
    ok(await office.post(`/api/sessions/${s1.id}/open`));

    const s2 = await session(late.candidateId, '2021-07-06');
    const refused = await office.post(`/api/sessions/${s2.id}/open`);
    assert.equal(refused.status, 400, JSON.stringify(refused.body));
    assert.equal(refused.body.message, `Không đủ số thành viên dự họp: có mặt ${s2.total - 1}/${s2.total}, cần ít nhất ${s2.total} (100% tổng số thành viên).`);
    assert.equal((await office.get(`/api/sessions/${s2.id}`)).body.status, 'draft');
  });

  it('the order of honors: lowering Giấy khen to LĐTT is refused once the agency ranks LĐTT above it', async () => {
    setClock('2021-06-20');
    const e = await received(4, false);
    const low = await office.post(`/api/dossiers/${e.id}/candidates/${e.candidateId}/appraise`, { lowerTo: 'LDTT', lowerReason: 'Thành tích chưa tiêu biểu' });
    ok(low);
    assert.equal(low.body.honor, 'LDTT');

    setClock('2021-07-05');
    const f = await received(5, true);
    const refused = await office.post(`/api/dossiers/${f.id}/candidates/${f.candidateId}/appraise`, {
      lowerTo: 'LDTT',
      lowerReason: 'Thành tích chưa tiêu biểu',
    });
    assert.equal(refused.status, 400, JSON.stringify(refused.body));
    assert.match(refused.body.message, /Lao động tiên tiến không thấp hơn Giấy khen: chỉ được hạ mức/);
    assert.equal((await office.get(`/api/dossiers/${f.id}`)).body.candidates[0].honor, 'GK');
  });

  it('public notice: Giấy khen must be posted for at least 15 working days once the agency says so', async () => {
    setClock('2021-06-21');
    const g = await received(6, false);
    ok(await office.post('/api/notices', { candidateIds: [g.candidateId], title: 'Công khai (trước quy chế)', workingDays: 3 }), 201);

    setClock('2021-07-05');
    const h = await received(7, true);
    const short = await office.post('/api/notices', { candidateIds: [h.candidateId], title: 'Công khai 10 ngày', workingDays: 10 });
    assert.equal(short.status, 400, JSON.stringify(short.body));
    assert.match(short.body.message, /^Giấy khen phải công khai ít nhất 15 ngày làm việc \(.*Điều 6 QĐ 15\/2021\/QĐ-SKHCN\)\.$/u);
    ok(await office.post('/api/notices', { candidateIds: [h.candidateId], title: 'Công khai 15 ngày', workingDays: 15 }), 201);
  });

  it('who decides: the head of the Sở may not decide once the agency withdraws the authority of its kind of unit', async () => {
    setClock('2021-06-20');
    const r = await reviewedDossier(t, 2, { year: 2021, skip: 8 });
    setClock('2021-06-25');
    ok(
      await giamdoc.post('/api/decisions', {
        candidateIds: [r.candidateIds[0]],
        decisionDate: '2021-06-25',
        signerName: 'Hoàng Văn Thạch',
        signerTitle: 'Giám đốc Sở',
      }),
      201,
    );

    setClock('2021-07-12');
    const refused = await giamdoc.post('/api/decisions', {
      candidateIds: [r.candidateIds[1]],
      decisionDate: '2021-07-12',
      signerName: 'Hoàng Văn Thạch',
      signerTitle: 'Giám đốc Sở',
    });
    assert.equal(refused.status, 400, JSON.stringify(refused.body));
    assert.match(refused.body.message, /không phải đơn vị có thẩm quyền ban hành quyết định khen thưởng/);
    const ready = (await giamdoc.get('/api/decisions/ready')).body.items.map((c: { id: string }) => c.id);
    assert.ok(ready.includes(r.candidateIds[1]), 'the candidate is untouched');
  });

  it('the rule viewer shows the agency values in force on the chosen day', async () => {
    const before = (await office.get('/api/rules/packs/ND91_2017?asOf=2021-06-30')).body;
    assert.equal(before.pipeline.quorum.share, 2 / 3);
    const after = (await office.get('/api/rules/packs/ND91_2017?asOf=2021-07-01')).body;
    assert.deepEqual(after.appliedOverrides, ['quy-che-so@1']);
    assert.equal(after.pipeline.quorum.share, 1);
    assert.equal(after.pipeline.quorum.article, BASIS);
    assert.equal(after.pipeline.publicNotice.minWorkingDays, 15);
    assert.ok(after.pipeline.documents.some((d: { id: string; byLaw: boolean }) => d.id === 'cam_ket' && !d.byLaw));
    assert.equal(after.pipeline.unitAuthority.find((u: { unitKind: string }) => u.unitKind === 'agency').who, null);
  });
});

/**
 * Ký số of the Kế hoạch of a plan and of a movement (the head of the issuing unit, then its seal)
 * and of a candidate's Báo cáo thành tích (the person reporting and the head confirming, then the
 * unit's seal; a collective's by its head): who may sign, in which order, the PDF frozen at the
 * first signature (the plan, the movement and the report are no longer edited), the signed report replacing the unsigned
 * one in the dossier, and each signature on its own signer block.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { signingApp, signedAuditTypes, signingSuite, storedSignedPdf } from '../helpers/signing-app.js';
import { ok, personByName, unitByCode } from '../helpers/dossiers.js';
import { assertOnBlock, signatureRects } from '../helpers/pdf-layout.js';
import { signedDocuments } from '../../src/server/db/schema/index.js';
import { instantVn, todayVn } from '../../src/server/clock.js';
import { signaturesIn } from '../../src/server/signing/verify.js';

const NOW = instantVn('2026-12-03', '23:50');

describe('ký số of the Kế hoạch (the head, the seal) and the Báo cáo thành tích (the person, the head, the seal)', signingSuite, () => {
  const app = signingApp(NOW);

  it('the Kế hoạch: signed by the head of the issuing unit, then its seal; the plan is frozen from the first signature', async () => {
    const { t, head, office, clerk, creds } = app;
    const Y = Number(todayVn().slice(0, 4)) + 1;
    const vp = await unitByCode(t, 'VP');
    const body = (over: Record<string, unknown> = {}) => ({
      unitId: t.demo.rootUnitId,
      year: Y,
      title: `Kế hoạch công tác thi đua, khen thưởng năm ${Y}`,
      place: 'Cao Bằng',
      basis: ['Căn cứ Luật Thi đua, khen thưởng năm 2022;'],
      purpose: 'Đẩy mạnh phong trào thi đua.',
      requirements: 'Thiết thực, hiệu quả.',
      sections: [{ heading: 'Nội dung', body: 'Tuyên truyền Luật Thi đua, khen thưởng.' }],
      organisation: [{ heading: 'Văn phòng Sở', body: 'Tham mưu, tổng hợp.' }],
      recipients: ['Sở Nội vụ;'],
      signerTitle: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC',
      signerName: 'Nông Thị Hạnh',
      tasks: [
        { quarter: 1, content: 'Đăng ký danh hiệu thi đua', leadUnits: [{ unitId: vp.id, name: 'Văn phòng Sở' }], supportUnits: [], dueDate: `${Y}-01-30` },
      ],
      deadlines: [],
      ...over,
    });
    const created = await office.post('/api/plans', body());
    ok(created, 201);
    const id = created.body.id as string;
    const url = `/api/signed-documents/ke_hoach/${id}`;
    // The plan names a deputy as its signer: the head cannot sign over her name.
    const mismatch = (await head.get(url)).body;
    assert.match(mismatch.closedReason, /Nông Thị Hạnh, không phải thủ trưởng đơn vị \(Hoàng Văn Thạch\)/u);
    assert.equal(mismatch.abilities.sign, false);
    const refusedEarly = await head.post(`${url}/sign`, { step: 'sign', credentialId: creds['Hoàng Văn Thạch'] });
    assert.equal(refusedEarly.status, 409);
    assert.equal((await t.db.select().from(signedDocuments).where(eq(signedDocuments.entityId, id))).length, 0, 'nothing stored');
    // Left blank, the head signs: the block prints him.
    const fixed = await office.put(`/api/plans/${id}`, body({ signerTitle: null, signerName: null, version: created.body.version }));
    ok(fixed);
    const panel = (await head.get(url)).body;
    assert.equal(panel.closedReason, null, JSON.stringify(panel));
    assert.deepEqual(
      panel.slots.map((s: { name: string; label: string; mine: boolean }) => [s.name, s.label, s.mine]),
      [['Hoàng Văn Thạch', 'Thủ trưởng đơn vị ban hành', true]],
    );
    assert.equal(panel.seal.required, true);
    // The Office's clerk is not the signer; a unit below does not even see the draft.
    const notHis = await office.post(`${url}/sign`, { step: 'sign', credentialId: creds['Đàm Văn Long'] });
    assert.equal(notHis.status, 403);
    assert.match(notHis.body.message, /Chỉ người có tên ở phần chữ ký của Kế hoạch \(Hoàng Văn Thạch\)/u);
    assert.equal((await clerk.get(url)).status, 404);
    const early = await office.post(`${url}/sign`, { step: 'seal', credentialId: creds['Sở Khoa học và Công nghệ tỉnh Cao Bằng'] });
    assert.equal(early.status, 409);
    assert.match(early.body.message, /Người ký cần ký số trước/u);

    const signed = await head.post(`${url}/sign`, { step: 'sign', credentialId: creds['Hoàng Văn Thạch'], so: '12/KH-SKHCN' });
    ok(signed);
    assert.equal(signed.body.state, 'signed');
    assert.equal(signed.body.numberEditable, false);
    // Frozen: the plan's content is not rewritten once its Kế hoạch carries a signature.
    const current = (await office.get(`/api/plans/${id}`)).body;
    // The page offers no Sửa any more (its tasks' progress is still reported), in the detail and in the list.
    assert.ok(!current.abilities.includes('update') && current.abilities.includes('progress'), JSON.stringify(current.abilities));
    const listed = (await office.get(`/api/plans?year=${current.year}&pageSize=100`)).body.items.find((x: { id: string }) => x.id === id);
    assert.ok(listed && !listed.abilities.includes('update'), JSON.stringify(listed?.abilities));
    const edit = await office.put(`/api/plans/${id}`, body({ signerTitle: null, signerName: null, title: 'Khác', version: current.version }));
    assert.equal(edit.status, 409);
    assert.match(edit.body.message, /Kế hoạch đã được ký số: nội dung không sửa được nữa/u);
    assert.equal((await office.get(`/api/plans/${id}`)).body.title, current.title, 'unchanged');

    // The seal is the Sở's own: the Trung tâm's, which the director also reaches, is neither offered nor taken.
    const forHead = (await head.get(url)).body;
    assert.deepEqual(
      forHead.credentials.map((c: { commonName: string }) => c.commonName),
      ['Sở Khoa học và Công nghệ tỉnh Cao Bằng'],
    );
    const otherSeal = await head.post(`${url}/sign`, { step: 'seal', credentialId: creds['Trung tâm Ứng dụng tiến bộ khoa học và công nghệ'] });
    assert.equal(otherSeal.status, 409);
    assert.match(otherSeal.body.message, /Chứng thư số này là của cơ quan khác/u);
    const sealed = await office.post(`${url}/sign`, { step: 'seal', credentialId: creds['Sở Khoa học và Công nghệ tỉnh Cao Bằng'] });
    ok(sealed);
    assert.equal(sealed.body.state, 'issued');
    assert.ok(sealed.body.verification.valid, JSON.stringify(sealed.body.verification));
    assert.deepEqual(
      sealed.body.verification.signatures.map((s: { signerName: string }) => s.signerName),
      ['Hoàng Văn Thạch', 'Sở Khoa học và Công nghệ tỉnh Cao Bằng'],
    );
    assert.equal((await office.post(`${url}/sign`, { step: 'seal', credentialId: creds['Sở Khoa học và Công nghệ tỉnh Cao Bằng'] })).status, 409);
    // Publishing is still the plan's own step.
    ok(await office.post(`/api/plans/${id}/publish`, {}));
    const pdf = await office.get(`${url}/signed.pdf`);
    assert.equal(pdf.status, 200);
    const storedPdf = await storedSignedPdf(t, 'ke_hoach', id);
    assert.equal(signaturesIn(storedPdf).length, 2);
    assert.match(storedPdf.toString('latin1'), /\/Type\s*\/Sig/u);
    const [approve, seal] = signatureRects(storedPdf) as [number[], number[]];
    await assertOnBlock(storedPdf, approve, 'Hoàng Văn Thạch');
    assert.ok(seal[0]! < approve[0]! && seal[2]! > approve[0]!, 'the seal covers the left of the signature');
    assert.deepEqual(await signedAuditTypes(t, id), ['plan', 'plan']);
  });

  it('the Kế hoạch phong trào: the head signs, the Sở seals; the movement is frozen, and a closed movement is not signed', async () => {
    const { t, head, office, creds } = app;
    const Y = Number(todayVn().slice(0, 4)) + 1;
    const body = (over: Record<string, unknown> = {}) => ({
      unitId: t.demo.rootUnitId,
      type: 'regular',
      year: Y,
      title: `Phong trào thi đua thực hiện thắng lợi nhiệm vụ năm ${Y}`,
      content: 'Nội dung thi đua',
      startDate: `${Y}-01-01`,
      endDate: `${Y}-12-31`,
      participantUnitIds: [],
      targets: [],
      phases: [],
      honors: [{ honor: 'GK' }],
      deadlines: [],
      ...over,
    });
    const created = await office.post('/api/movements', body());
    ok(created, 201);
    const id = created.body.id as string;
    const url = `/api/signed-documents/ke_hoach_phong_trao/${id}`;
    const panel = (await head.get(url)).body;
    assert.equal(panel.closedReason, null, JSON.stringify(panel));
    assert.equal(panel.title, `Kế hoạch phong trào — Phong trào thi đua thực hiện thắng lợi nhiệm vụ năm ${Y}`);
    ok(await head.post(`${url}/sign`, { step: 'sign', credentialId: creds['Hoàng Văn Thạch'] }));
    assert.ok(!(await office.get(`/api/movements/${id}`)).body.abilities.includes('update'), 'no Sửa once the Kế hoạch phong trào is signed');
    const edit = await office.put(`/api/movements/${id}`, body({ title: 'Khác', version: created.body.version }));
    assert.equal(edit.status, 409);
    assert.match(edit.body.message, /Kế hoạch phong trào đã được ký số/u);
    const sealed = await office.post(`${url}/sign`, { step: 'seal', credentialId: creds['Sở Khoa học và Công nghệ tỉnh Cao Bằng'] });
    ok(sealed);
    assert.equal(sealed.body.state, 'issued');
    assert.ok(sealed.body.verification.valid, JSON.stringify(sealed.body.verification));
    const storedPdf = await storedSignedPdf(t, 'ke_hoach_phong_trao', id);
    await assertOnBlock(storedPdf, signatureRects(storedPdf)[0]!, 'Hoàng Văn Thạch');
    // Launched then closed, another movement's Kế hoạch is no longer signed.
    const other = await office.post('/api/movements', body({ title: `Đợt thi đua khác năm ${Y}` }));
    ok(other, 201);
    ok(await office.post(`/api/movements/${other.body.id}/launch`, {}));
    ok(await office.post(`/api/movements/${other.body.id}/close`, {}));
    const closed = (await head.get(`/api/signed-documents/ke_hoach_phong_trao/${other.body.id}`)).body;
    assert.match(closed.closedReason, /Phong trào đã kết thúc/u);
    assert.equal(closed.abilities.sign, false);
  });

  it('the Báo cáo thành tích of a person: she and the head of her unit sign, the unit seals, and the signed report is the dossier’s', async () => {
    const { t, head, clerk, director, creds } = app;
    const mai = await personByName(t, 'Hà Thị Mai');
    const d = await clerk.post('/api/dossiers', { type: 'cong_trang', year: 2026, title: 'Đề nghị khen thưởng năm 2026' });
    ok(d, 201);
    const dossierId = d.body.id as string;
    const c = await clerk.post(`/api/dossiers/${dossierId}/candidates`, { subjectKind: 'individual', personId: mai.id, proposedHonor: 'GK' });
    ok(c, 201);
    const candidateId = c.body.id as string;
    const report = `/api/dossiers/${dossierId}/candidates/${candidateId}/achievement-report`;
    const url = `/api/signed-documents/bao_cao_thanh_tich/${candidateId}`;
    const unsaved = (await clerk.get(url)).body;
    assert.match(unsaved.closedReason, /Hãy lưu báo cáo thành tích trước khi ký số/u);
    // Saved and attached unsigned, as a unit did before signing existed.
    const prefill = (await clerk.get(report)).body;
    assert.equal(prefill.content.thuTruong, 'Lục Văn Hùng');
    ok(await clerk.put(report, { version: 0, content: { ...prefill.content, thanhTich: 'Hoàn thành xuất sắc nhiệm vụ được giao.' } }));
    const attached = await clerk.post(`${report}/attach`, { version: 1 });
    ok(attached);
    const unsignedId = attached.body.attachedDocumentId as string;

    const panel = (await clerk.get(url)).body;
    assert.equal(panel.closedReason, null, JSON.stringify(panel));
    assert.deepEqual(
      panel.slots.map((s: { key: string; name: string; mine: boolean }) => [s.key, s.name, s.mine]),
      [
        ['head', 'Lục Văn Hùng', false],
        ['reporter', 'Hà Thị Mai', true],
      ],
    );
    assert.equal(panel.seal.required, true);
    assert.equal(panel.credentials.length, 1, 'her own certificate only');
    // The Sở's director does not reach the unit's draft; a staff member does not read dossiers.
    assert.equal((await head.post(`${url}/sign`, { step: 'sign', credentialId: creds['Hoàng Văn Thạch'] })).status, 404);
    assert.equal((await (await t.login('canhan')).get(url)).status, 403);
    // The clerk may not use her director's certificate.
    assert.equal((await clerk.post(`${url}/sign`, { step: 'sign', credentialId: creds['Lục Văn Hùng'] })).status, 403);

    ok(await clerk.post(`${url}/sign`, { step: 'sign', credentialId: creds['Hà Thị Mai'] }));
    // Frozen from the first signature: the report is neither edited nor re-attached unsigned.
    const cur = (await clerk.get(report)).body;
    const edit = await clerk.put(report, { version: cur.version, content: { ...cur.content, thanhTich: 'Khác.' } });
    assert.equal(edit.status, 409);
    assert.match(edit.body.message, /Báo cáo thành tích đã được ký số: không sửa/u);
    assert.equal((await clerk.post(`${report}/attach`, { version: cur.version })).status, 409);
    assert.equal((await clerk.get(report)).body.content.thanhTich, 'Hoàn thành xuất sắc nhiệm vụ được giao.');

    const forDirector = (await director.get(url)).body;
    assert.equal(forDirector.state, 'partial');
    assert.equal(forDirector.abilities.sign, true);
    const early = await director.post(`${url}/sign`, { step: 'seal', credentialId: creds['Trung tâm Ứng dụng tiến bộ khoa học và công nghệ'] });
    assert.equal(early.status, 409);
    ok(await director.post(`${url}/sign`, { step: 'sign', credentialId: creds['Lục Văn Hùng'] }));
    // The clerk holds no seal; the director seals with the Trung tâm's certificate.
    assert.equal((await clerk.get(url)).body.abilities.seal, false);
    const sealed = await director.post(`${url}/sign`, { step: 'seal', credentialId: creds['Trung tâm Ứng dụng tiến bộ khoa học và công nghệ'] });
    ok(sealed);
    assert.equal(sealed.body.state, 'issued');
    assert.ok(sealed.body.verification.valid, JSON.stringify(sealed.body.verification));
    assert.deepEqual(
      sealed.body.verification.signatures.map((s: { signerName: string }) => s.signerName),
      ['Hà Thị Mai', 'Lục Văn Hùng', 'Trung tâm Ứng dụng tiến bộ khoa học và công nghệ'],
    );

    // The signed PDF replaced the unsigned one: one report for her, and the checklist counts it.
    const dossier = (await clerk.get(`/api/dossiers/${dossierId}`)).body;
    const reports = dossier.documents.filter(
      (x: { kind: string; candidateId: string | null }) => x.kind === 'bao_cao_thanh_tich' && x.candidateId === candidateId,
    );
    assert.equal(reports.length, 1);
    assert.notEqual(reports[0].id, unsignedId);
    assert.match(reports[0].title, /đã ký số/u);
    const item = dossier.checklist.items.find(
      (i: { kind: string; candidateId: string | null }) => i.kind === 'bao_cao_thanh_tich' && i.candidateId === candidateId,
    );
    assert.equal(item.present, true);
    assert.equal((await clerk.get(report)).body.attachedDocumentId, reports[0].id);
    const file = await clerk.get(`/api/dossiers/${dossierId}/documents/${reports[0].id}/file`);
    assert.equal(file.status, 200);
    const storedPdf = await storedSignedPdf(t, 'bao_cao_thanh_tich', candidateId);
    assert.equal(signaturesIn(storedPdf).length, 3);
    // The head confirms on the left, the person reports on the right; the seal on the head's block.
    const [reporter, confirm, seal] = signatureRects(storedPdf) as [number[], number[], number[]];
    await assertOnBlock(storedPdf, reporter, 'Hà Thị Mai');
    await assertOnBlock(storedPdf, confirm, 'Lục Văn Hùng');
    assert.ok(confirm[2]! < reporter[0]!, 'the head signs on the left, the person on the right');
    assert.ok(seal[0]! < confirm[0]! && seal[2]! > confirm[0]!, 'the seal covers the left of the head’s signature');
  });

  it('a collective’s report is signed by the collective’s head only, once the report names them', async () => {
    const { t, clerk } = app;
    const kt = await unitByCode(t, 'KTUD');
    const d = await clerk.post('/api/dossiers', { type: 'cong_trang', year: 2026, title: 'Đề nghị khen thưởng tập thể năm 2026' });
    ok(d, 201);
    const c = await clerk.post(`/api/dossiers/${d.body.id}/candidates`, { subjectKind: 'collective', unitId: kt.id, proposedHonor: 'GK' });
    ok(c, 201);
    const report = `/api/dossiers/${d.body.id}/candidates/${c.body.id}/achievement-report`;
    const prefill = (await clerk.get(report)).body;
    ok(await clerk.put(report, { version: 0, content: { ...prefill.content, thuTruong: 'Người Khác' } }));
    const panel = (await clerk.get(`/api/signed-documents/bao_cao_thanh_tich/${c.body.id}`)).body;
    assert.equal(panel.slots.length, 1);
    assert.equal(panel.slots[0].key, 'head');
    assert.equal(panel.slots[0].label, 'Thủ trưởng đơn vị');
    assert.match(panel.closedReason, /Báo cáo ghi thủ trưởng là "Người Khác", không phải .+ trong danh sách cán bộ/u);
    assert.equal(panel.seal.required, true);
  });
});

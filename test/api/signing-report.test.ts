/**
 * Ký số of a unit's Báo cáo sơ kết / tổng kết (kind bao_cao): the head of the reporting unit signs,
 * then the unit's seal; the PDF verifies; from the first signature the report's narrative and
 * typed figures are no longer saved (nothing changes), sending stays allowed, and a return by the
 * asking Office keeps it frozen. Only the head signs; a sent report is not signed.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { signingApp, signedAuditTypes, signingSuite, storedSignedPdf } from '../helpers/signing-app.js';
import { ok, unitByCode } from '../helpers/dossiers.js';
import { buildUnit } from '../helpers/factories.js';
import { assertOnBlock, signatureRects } from '../helpers/pdf-layout.js';
import { signedDocuments } from '../../src/server/db/schema/index.js';
import { instantVn } from '../../src/server/clock.js';
import { signaturesIn } from '../../src/server/signing/verify.js';

const NOW = instantVn('2026-12-03', '23:50');
const TTUD = 'Trung tâm Ứng dụng tiến bộ khoa học và công nghệ';

describe('ký số of a unit’s Báo cáo sơ kết / tổng kết (the head, the seal)', signingSuite, () => {
  const app = signingApp(NOW);

  it('the head of the reporting unit signs, the unit seals; the report is frozen from the first signature, sending stays allowed', async () => {
    const { t, head, office, clerk, director, creds } = app;
    const ttud = await unitByCode(t, 'TTUD');
    const req = await office.post('/api/report-requests', {
      unitId: t.demo.rootUnitId,
      kind: 'six_month',
      title: 'Báo cáo sơ kết 6 tháng cuối năm 2026',
      year: 2026,
      periodFrom: '2026-07-01',
      periodTo: '2026-12-31',
      dueDate: '2026-12-20',
      unitIds: [ttud.id],
    });
    ok(req, 201);
    const list = await clerk.get(`/api/reports?requestId=${req.body.id}`);
    ok(list);
    const id = list.body.items[0].id as string;
    const report = `/api/reports/${id}`;
    const url = `/api/signed-documents/bao_cao/${id}`;
    const draft = (await clerk.get(report)).body;
    ok(await clerk.put(report, { version: draft.version, narrative: { results: 'Hoàn thành 100% chỉ tiêu thi đua.' }, typed: { movements: 3 } }));

    const panel = (await director.get(url)).body;
    assert.equal(panel.closedReason, null, JSON.stringify(panel));
    assert.equal(panel.title, `Báo cáo — Báo cáo sơ kết 6 tháng cuối năm 2026 — ${TTUD}`);
    assert.deepEqual(
      panel.slots.map((s: { key: string; name: string; label: string; mine: boolean }) => [s.key, s.name, s.label, s.mine]),
      [['head', 'Lục Văn Hùng', 'Thủ trưởng đơn vị báo cáo', true]],
    );
    assert.equal(panel.seal.required, true);

    // Not the head: the Sở's director (he sees the report, on the asking side) and the clerk with the head's certificate.
    const notHis = await head.post(`${url}/sign`, { step: 'sign', credentialId: creds['Hoàng Văn Thạch'] });
    assert.equal(notHis.status, 403);
    assert.match(notHis.body.message, /Chỉ người có tên ở phần chữ ký của Báo cáo \(Lục Văn Hùng\)/u);
    assert.equal((await clerk.post(`${url}/sign`, { step: 'sign', credentialId: creds['Lục Văn Hùng'] })).status, 403);
    const early = await director.post(`${url}/sign`, { step: 'seal', credentialId: creds[TTUD] });
    assert.equal(early.status, 409);
    assert.match(early.body.message, /Người ký cần ký số trước/u);
    assert.equal((await t.db.select().from(signedDocuments).where(eq(signedDocuments.entityId, id))).length, 0, 'nothing stored');

    const signed = await director.post(`${url}/sign`, { step: 'sign', credentialId: creds['Lục Văn Hùng'], so: '15/BC-TTUD' });
    ok(signed);
    assert.equal(signed.body.state, 'signed');
    assert.equal(signed.body.numberEditable, false);

    // Frozen: neither the narrative nor a typed figure is saved, and nothing changes.
    const cur = (await clerk.get(report)).body;
    assert.equal(cur.signed, true);
    assert.ok(!cur.abilities.includes('write') && cur.abilities.includes('submit'), JSON.stringify(cur.abilities));
    const edit = await clerk.put(report, { version: cur.version, narrative: { results: 'Khác.' }, typed: { movements: 9 } });
    assert.equal(edit.status, 409);
    assert.match(edit.body.message, /Báo cáo đã được ký số: nội dung và số liệu không sửa được nữa/u);
    const after1 = (await clerk.get(report)).body;
    assert.equal(after1.version, cur.version);
    assert.equal(after1.narrative.results, 'Hoàn thành 100% chỉ tiêu thi đua.');
    assert.equal(after1.rows.find((r: { key: string }) => r.key === 'movements').typed, 3);

    // The seal is the Trung tâm's own, put by its side: the Sở's is not taken.
    const otherSeal = await director.post(`${url}/sign`, { step: 'seal', credentialId: creds['Sở Khoa học và Công nghệ tỉnh Cao Bằng'] });
    assert.notEqual(otherSeal.status, 200);
    const sealed = await director.post(`${url}/sign`, { step: 'seal', credentialId: creds[TTUD] });
    ok(sealed);
    assert.equal(sealed.body.state, 'issued');
    assert.ok(sealed.body.verification.valid, JSON.stringify(sealed.body.verification));
    assert.deepEqual(
      sealed.body.verification.signatures.map((s: { signerName: string }) => s.signerName),
      ['Lục Văn Hùng', TTUD],
    );
    const pdf = await office.get(`${url}/signed.pdf`);
    assert.equal(pdf.status, 200);
    const storedPdf = await storedSignedPdf(t, 'bao_cao', id);
    assert.equal(signaturesIn(storedPdf).length, 2);
    // The signature sits on the block that prints the head's name, above it.
    await assertOnBlock(storedPdf, signatureRects(storedPdf)[0]!, 'Lục Văn Hùng');
    assert.deepEqual(await signedAuditTypes(t, id), ['report', 'report']);

    // Sent as signed; a sent report is no longer signed.
    const sent = await clerk.post(`${report}/submit`, { version: after1.version });
    ok(sent);
    assert.equal(sent.body.status, 'submitted');
    const closed = (await director.get(url)).body;
    assert.match(closed.closedReason, /Báo cáo đã gửi/u);
    // Returned by the Office, it stays frozen: the unit sends the signed report again (docs/decisions.md).
    const returned = await office.post(`${report}/return`, { version: sent.body.version, reason: 'Bổ sung phụ lục số liệu.' });
    ok(returned);
    const again = await clerk.put(report, { version: returned.body.version, narrative: { results: 'Khác.' }, typed: {} });
    assert.equal(again.status, 409);
    assert.equal((await clerk.get(report)).body.narrative.results, 'Hoàn thành 100% chỉ tiêu thi đua.');
    ok(await clerk.post(`${report}/submit`, { version: returned.body.version }));
  });

  it('a report is not signed while its unit has no head in the staff list', async () => {
    const { t, office } = app;
    const admin = await t.login('admin');
    const unit = await buildUnit(admin, { parentId: t.demo.rootUnitId, name: 'Phòng Chưa có thủ trưởng' });
    const req = await office.post('/api/report-requests', {
      unitId: t.demo.rootUnitId,
      kind: 'annual',
      title: 'Báo cáo tổng kết năm 2026',
      year: 2026,
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      dueDate: '2026-12-20',
      unitIds: [unit.id],
    });
    ok(req, 201);
    const id = (await office.get(`/api/reports?requestId=${req.body.id}`)).body.items[0].id as string;
    const panel = await office.get(`/api/signed-documents/bao_cao/${id}`);
    ok(panel);
    assert.deepEqual(panel.body.slots, []);
    assert.match(panel.body.closedReason, /Đơn vị báo cáo chưa có thủ trưởng trong danh sách cán bộ/u);
    assert.equal(panel.body.abilities.sign, false);
  });
});

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type Client, type TestApp } from '../helpers/app.js';
import { ok, reviewedDossier } from '../helpers/dossiers.js';
import { auditEvents, dossierDocuments, signedDocuments, signingCredentials } from '../../src/server/db/schema/index.js';
import { instantVn, setClock } from '../../src/server/clock.js';
import { pdfConversionAvailable } from '../../src/server/office/soffice.js';
import { signaturesIn } from '../../src/server/signing/verify.js';
import { signatureRects } from '../helpers/pdf-layout.js';

const NOW = instantVn('2026-12-03', '23:50');

describe(
  'ký số of the Biên bản họp xét (the secretary and the chair), the Biên bản kiểm phiếu (its Ban) and the Tờ trình (the head, then the agency’s seal)',
  { skip: pdfConversionAvailable() ? false : 'soffice is not installed' },
  () => {
    let t: TestApp;
    let head: Client;
    let office: Client;
    let member: Client;
    let clerk: Client;
    let sessionId = '';
    let dossierId = '';
    let candidateIds: string[] = [];
    const creds: Record<string, string> = {};

    before(async () => {
      setClock(NOW);
      t = await createTestApp();
      head = await t.login('giamdoc');
      office = await t.login('vanphong');
      member = await t.login('hoidong');
      clerk = await t.login('donvi');
      for (const c of await t.db.select().from(signingCredentials).where(eq(signingCredentials.unitId, t.demo.rootUnitId)))
        creds[c.kind === 'organisation' ? 'organisation' : c.commonName] = c.id;
      ({ sessionId, dossierId, candidateIds } = await reviewedDossier(t, 2));
    });
    after(async () => {
      setClock(null);
      await t?.close();
    });

    it('the minutes are signed once the secretary has recorded them; each named person signs for themself', async () => {
      const url = `/api/signed-documents/bien_ban_hop_xet/${sessionId}`;
      const before = await office.get(url);
      ok(before);
      assert.match(before.body.closedReason, /chưa ghi biên bản/u);
      assert.equal(before.body.abilities.sign, false);
      const session = (await office.get(`/api/sessions/${sessionId}`)).body;
      const memberOf = (name: string) => session.attendance.find((a: { fullName: string }) => a.fullName === name).memberId as string;
      ok(
        await office.put(`/api/sessions/${sessionId}/minutes`, {
          chairMemberId: memberOf('Hoàng Văn Thạch'),
          secretaryMemberId: memberOf('Đàm Văn Long'),
          countingBoard: [memberOf('Triệu Văn Sơn'), memberOf('Đàm Văn Long')],
          agenda: ['Xét đề nghị khen thưởng'],
          discussion: 'Các thành viên nhất trí.',
          version: session.version,
        }),
      );
      const panel = (await office.get(url)).body;
      assert.equal(panel.closedReason, null);
      assert.deepEqual(
        panel.slots.map((s: { key: string; name: string; mine: boolean }) => [s.key, s.name, s.mine]),
        [
          ['secretary', 'Đàm Văn Long', true],
          ['chair', 'Hoàng Văn Thạch', false],
        ],
      );
      assert.equal(panel.seal.required, false);
      assert.equal(panel.credentials.length, 1, 'the secretary is offered their own certificate only');
      // A council member not named in the signer blocks may not sign, with their certificate or another's.
      const refused = await member.post(`${url}/sign`, { step: 'sign', credentialId: creds['Đàm Văn Long'] });
      assert.equal(refused.status, 403, JSON.stringify(refused.body));
      assert.match(refused.body.message, /Chỉ người có tên/u);
      // The chair may not use the secretary's certificate.
      assert.equal((await head.post(`${url}/sign`, { step: 'sign', credentialId: creds['Đàm Văn Long'] })).status, 403);
      const bad = await office.post(`${url}/sign`, { step: 'ký', credentialId: creds['Đàm Văn Long'] });
      assert.equal(bad.status, 400);
      assert.match(bad.body.message, /Bước ký/u);

      const first = await office.post(`${url}/sign`, { step: 'sign', credentialId: creds['Đàm Văn Long'], so: '07' });
      ok(first);
      assert.equal(first.body.state, 'partial');
      assert.ok(first.body.slots[0].signedAt);
      assert.equal(first.body.slots[1].signedAt, null);
      assert.equal(first.body.numberEditable, false);
      assert.equal((await office.post(`${url}/sign`, { step: 'sign', credentialId: creds['Đàm Văn Long'] })).status, 409, 'once is enough');
      // Once signed, the minutes are not rewritten.
      const s2 = (await office.get(`/api/sessions/${sessionId}`)).body;
      const rewrite = await office.put(`/api/sessions/${sessionId}/minutes`, {
        chairMemberId: memberOf('Hoàng Văn Thạch'),
        secretaryMemberId: memberOf('Đàm Văn Long'),
        countingBoard: [memberOf('Triệu Văn Sơn'), memberOf('Đàm Văn Long')],
        agenda: ['Khác'],
        version: s2.version,
      });
      assert.equal(rewrite.status, 409);
      assert.match(rewrite.body.message, /đã được ký số/u);
      assert.ok(!s2.abilities.includes('recordMinutes'), 'the page no longer offers to edit signed minutes');

      const second = await head.post(`${url}/sign`, { step: 'sign', credentialId: creds['Hoàng Văn Thạch'] });
      ok(second);
      assert.equal(second.body.state, 'signed');
      assert.ok(second.body.verification.valid, JSON.stringify(second.body.verification));
      assert.deepEqual(
        second.body.verification.signatures.map((s: { signerName: string }) => s.signerName),
        ['Đàm Văn Long', 'Hoàng Văn Thạch'],
      );
      // No seal on the minutes.
      assert.equal((await office.post(`${url}/sign`, { step: 'seal', credentialId: creds.organisation })).status, 409);
      const pdf = await office.get(`${url}/signed.pdf`);
      assert.equal(pdf.status, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      const [stored] = await t.db
        .select()
        .from(signedDocuments)
        .where(and(eq(signedDocuments.entityType, 'bien_ban_hop_xet'), eq(signedDocuments.entityId, sessionId)));
      assert.equal(signaturesIn(stored!.pdf).length, 2);
      // Anyone in the council's scope reads it; a unit clerk out of the session's scope does not.
      assert.equal((await member.get(url)).status, 200);
      assert.notEqual((await clerk.get(`${url}/signed.pdf`)).status, 200);
      const audit = await t.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'document.signed'), eq(auditEvents.entityId, sessionId)));
      assert.equal(audit.length, 2);
      assert.match(audit[0]!.summary, /từ địa chỉ/u);
    });

    it('the Biên bản kiểm phiếu is signed by the Ban kiểm phiếu the session elected, each on their own line', async () => {
      const url = `/api/signed-documents/bien_ban_kiem_phieu/${sessionId}`;
      const panel = (await member.get(url)).body;
      assert.equal(panel.closedReason, null, JSON.stringify(panel));
      assert.deepEqual(
        panel.slots.map((s: { label: string; name: string; mine: boolean }) => [s.label, s.name, s.mine]),
        [
          ['Trưởng Ban kiểm phiếu', 'Triệu Văn Sơn', true],
          ['Thành viên Ban kiểm phiếu', 'Đàm Văn Long', false],
        ],
      );
      assert.equal(panel.seal.required, false);
      // The director chaired the meeting but is not on the Ban: not his to sign.
      const refused = await head.post(`${url}/sign`, { step: 'sign', credentialId: creds['Hoàng Văn Thạch'] });
      assert.equal(refused.status, 403);
      assert.match(refused.body.message, /Triệu Văn Sơn, Đàm Văn Long/u);
      const first = await office.post(`${url}/sign`, { step: 'sign', credentialId: creds['Đàm Văn Long'], so: '08' });
      ok(first);
      assert.equal(first.body.state, 'partial');
      const signed = await member.post(`${url}/sign`, { step: 'sign', credentialId: creds['Triệu Văn Sơn'] });
      ok(signed);
      assert.equal(signed.body.state, 'signed');
      assert.ok(signed.body.verification.valid, JSON.stringify(signed.body.verification));
      assert.deepEqual(
        signed.body.verification.signatures.map((s: { signerName: string }) => s.signerName),
        ['Đàm Văn Long', 'Triệu Văn Sơn'],
      );
      // Its own document, apart from the Biên bản họp xét; each signature sits on its signer's own block.
      const rows = await t.db.select().from(signedDocuments).where(eq(signedDocuments.entityId, sessionId));
      const counting = rows.find((r) => r.entityType === 'bien_ban_kiem_phieu')!;
      assert.ok(rows.find((r) => r.entityType === 'bien_ban_hop_xet' && r.id !== counting.id));
      assert.equal(signaturesIn(counting.pdf).length, 2);
      const rects = signatureRects(counting.pdf);
      assert.equal(rects.length, 2);
      const [member1, boardHead] = rects as [number[], number[]];
      assert.ok(member1[0]! + member1[2]! < boardHead[0]! + boardHead[2]!, 'the member signs on the left, the head on the right');
    });

    it('the Sở’s Tờ trình upward: the director signs, the Office seals it, and it joins the dossier', async () => {
      // The upward dossier the Office puts together from what the Council passed.
      const fwd = await office.post(`/api/dossiers/${dossierId}/candidates/${candidateIds[0]}/forward`, {});
      ok(fwd, 201);
      const up = { body: { id: fwd.body.upwardDossierId as string } };
      const url = `/api/signed-documents/to_trinh/${up.body.id}`;
      const panel = (await head.get(url)).body;
      assert.equal(panel.closedReason, null, JSON.stringify(panel));
      assert.equal(panel.slots.length, 1);
      assert.equal(panel.slots[0].name, 'Hoàng Văn Thạch');
      assert.equal(panel.seal.required, true);
      // The seal waits for the director.
      const early = await office.post(`${url}/sign`, { step: 'seal', credentialId: creds.organisation });
      assert.equal(early.status, 409);
      assert.match(early.body.message, /Người ký cần ký số trước/u);
      ok(await head.post(`${url}/sign`, { step: 'sign', credentialId: creds['Hoàng Văn Thạch'], so: '15' }));
      const forOffice = (await office.get(url)).body;
      assert.equal(forOffice.state, 'signed');
      assert.equal(forOffice.abilities.seal, true);
      assert.equal(forOffice.credentials[0].kind, 'organisation');
      const sealed = await office.post(`${url}/sign`, { step: 'seal', credentialId: creds.organisation });
      ok(sealed);
      assert.equal(sealed.body.state, 'issued');
      assert.ok(sealed.body.verification.valid, JSON.stringify(sealed.body.verification));
      assert.equal(sealed.body.verification.signatures.length, 2);
      const docs = await t.db
        .select()
        .from(dossierDocuments)
        .where(and(eq(dossierDocuments.dossierId, up.body.id), eq(dossierDocuments.kind, 'to_trinh')));
      const signedDoc = docs.find((d) => d.mimeType === 'application/pdf' && d.title === 'Tờ trình (đã ký số)');
      assert.ok(signedDoc, 'the signed Tờ trình is in the dossier');
      assert.equal(signaturesIn(signedDoc.data!).length, 2);
    });
  },
);

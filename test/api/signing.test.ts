import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { count, eq } from 'drizzle-orm';
import { createTestApp, type Client, type TestApp } from '../helpers/app.js';
import { buildDecision } from '../helpers/decisions.js';
import { auditEvents, signedDocuments, signingCredentials } from '../../src/server/db/schema/index.js';
import { instantVn, setClock } from '../../src/server/clock.js';
import { pdfConversionAvailable } from '../../src/server/office/soffice.js';
import { makeTestCa, type TestCa } from '../../src/server/signing/test-ca.js';
import { pkcs12Signer } from '../../src/server/signing/cms.js';
import { openPkcs12 } from '../../src/server/signing/pkcs12.js';
import { coveredBytes, embedSignature } from '../../src/server/signing/pdf-field.js';
import { signaturesIn } from '../../src/server/signing/verify.js';

const NOW = instantVn('2026-12-02', '23:40');

async function multipart(fields: Record<string, string>, file: Buffer, fileName: string) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(file)]), fileName);
  const req = new Request('http://x/', { method: 'POST', body: form });
  return { payload: Buffer.from(await req.arrayBuffer()), contentType: req.headers.get('content-type')! };
}

describe(
  'digital signatures on decisions: the head, then the agency; external signing; verification',
  { skip: pdfConversionAvailable() ? false : 'soffice is not installed' },
  () => {
    let t: TestApp;
    let head: Client;
    let office: Client;
    let admin: Client;
    let clerk: Client;
    let ca: TestCa;
    let decisionId = '';

    before(async () => {
      setClock(NOW);
      t = await createTestApp();
      head = await t.login('giamdoc');
      office = await t.login('vanphong');
      admin = await t.login('admin');
      clerk = await t.login('donvi');
      decisionId = (await buildDecision(t.db, t.demo.rootUnitId, { n: 3, date: '2026-11-20' })).decision.id;
      ca = await makeTestCa(NOW, { person: 'Hoàng Văn Thạch', organisation: 'Sở Khoa học và Công nghệ tỉnh Cao Bằng' });
    });
    after(async () => {
      setClock(null);
      await t?.close();
    });

    it('the head signs with their own certificate, then the Office with the agency’s; both verify', async () => {
      const panel = await head.get(`/api/decisions/${decisionId}/signatures`);
      assert.equal(panel.status, 200, JSON.stringify(panel.body));
      assert.equal(panel.body.state, 'unsigned');
      assert.deepEqual(panel.body.abilities, ['approve']);
      assert.equal(panel.body.credentials.length, 1, 'the head is offered their own certificate, not the agency’s');
      assert.equal(panel.body.credentials[0].kind, 'personal');
      // The Office may not sign in the head's place.
      assert.equal((await office.post(`/api/decisions/${decisionId}/sign`, { type: 'approve', credentialId: panel.body.credentials[0].id })).status, 403);
      const signed = await head.post(`/api/decisions/${decisionId}/sign`, { type: 'approve', credentialId: panel.body.credentials[0].id });
      assert.equal(signed.status, 200, JSON.stringify(signed.body));
      assert.equal(signed.body.state, 'approved');
      assert.equal(signed.body.signatures[0].signerName, 'Hoàng Văn Thạch');
      assert.ok(signed.body.verification.valid, JSON.stringify(signed.body.verification));
      assert.equal((await head.post(`/api/decisions/${decisionId}/sign`, { type: 'approve', credentialId: panel.body.credentials[0].id })).status, 409);

      const forOffice = await office.get(`/api/decisions/${decisionId}/signatures`);
      assert.deepEqual(forOffice.body.abilities, ['issue', 'download']);
      const orgCredential = forOffice.body.credentials[0];
      assert.equal(orgCredential.kind, 'organisation');
      // Only the Sở's own seal is offered: the Trung tâm's (a unit below, its own seal) is not, and is refused.
      assert.deepEqual(
        forOffice.body.credentials.map((c: { unitId: string }) => c.unitId),
        [t.demo.rootUnitId],
      );
      const seals = (await admin.get('/api/signing/credentials')).body.items as { id: string; kind: string; unitId: string }[];
      const other = seals.find((c) => c.kind === 'organisation' && c.unitId !== t.demo.rootUnitId);
      assert.ok(other, 'the demo has a seal of a unit below the Sở');
      const refused = await office.post(`/api/decisions/${decisionId}/sign`, { type: 'issue', credentialId: other.id });
      assert.equal(refused.status, 409);
      assert.match(refused.body.message, /của cơ quan khác/);
      assert.equal((await office.get(`/api/decisions/${decisionId}/signatures`)).body.state, 'approved');
      const issued = await office.post(`/api/decisions/${decisionId}/sign`, { type: 'issue', credentialId: orgCredential.id });
      assert.equal(issued.status, 200, JSON.stringify(issued.body));
      assert.equal(issued.body.state, 'issued');
      assert.equal(issued.body.verification.signatures.length, 2);
      assert.ok(issued.body.verification.valid, JSON.stringify(issued.body.verification.signatures.map((s: { problems: string[] }) => s.problems)));
      assert.equal(issued.body.verification.signatures[1].revocation, 'good');

      const [audit] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'decision.signed'));
      assert.match(audit!.summary, /chứng thư số [0-9A-F]+ do CA trung gian thử nghiệm TĐKT cấp, từ địa chỉ/u);
    });

    it('anyone signed in verifies a PDF; one changed byte makes it invalid; a file that is not a PDF is refused', async () => {
      const [doc] = await t.db.select().from(signedDocuments).where(eq(signedDocuments.entityId, decisionId));
      // Kept for a look at the pages (pdftoppm -png) when the variable names a file.
      if (process.env.TDKT_SIGNED_SAMPLE) writeFileSync(process.env.TDKT_SIGNED_SAMPLE, doc!.pdf);
      const ok = await clerk.upload('/api/signatures/verify', doc!.pdf, {}, 'qd.pdf');
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal(ok.body.valid, true);
      assert.match(ok.body.summary, /2 chữ ký số, tất cả hợp lệ/u);
      const changed = Buffer.from(doc!.pdf);
      changed[400] = changed[400]! ^ 0x20;
      const bad = await clerk.upload('/api/signatures/verify', changed, {}, 'qd.pdf');
      assert.equal(bad.body.valid, false);
      const notPdf = await clerk.upload('/api/signatures/verify', Buffer.from('GIF89a…'), {}, 'anh.gif');
      assert.equal(notPdf.status, 400);
      assert.match(notPdf.body.message, /không phải là tệp PDF/u);
    });

    it('bad credentials are refused in Vietnamese and nothing is stored', async () => {
      const before = (await t.db.select({ n: count() }).from(signingCredentials))[0]!.n;
      const base = { kind: 'organisation', custody: 'server', unitId: t.demo.rootUnitId, label: 'Chứng thư số thử' };
      const wrong = await admin.upload('/api/signing/credentials', ca.organisation.p12, { ...base, password: 'sai' }, 'so.p12');
      assert.equal(wrong.status, 400);
      assert.match(wrong.body.message, /Mật khẩu của tệp chứng thư số/u);
      const garbage = await admin.upload('/api/signing/credentials', Buffer.from('không phải p12'), { ...base, password: 'x' }, 'so.p12');
      assert.equal(garbage.status, 400);
      const noUsage = await admin.upload('/api/signing/credentials', ca.noSigningUsage.p12, { ...base, password: ca.noSigningUsage.password }, 'so.p12');
      assert.equal(noUsage.status, 400);
      assert.match(noUsage.body.message, /mục đích sử dụng để ký/u);
      const badCrl = await admin.upload(
        '/api/signing/trust',
        Buffer.from('-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----'),
        { kind: 'crl', label: 'CRL hỏng' },
        'x.crl',
      );
      assert.equal(badCrl.status, 400);
      assert.equal((await t.db.select({ n: count() }).from(signingCredentials))[0]!.n, before);
      assert.equal((await clerk.get('/api/signing/credentials')).status, 403);
    });

    it('external signing: the token tool fetches once, returns the signed file, and the server verifies it first', async () => {
      // The admin trusts the new CA and registers the head's token certificate (.cer only: the key stays on the token).
      for (const [kind, der, label] of [
        ['anchor', ca.root, 'CA gốc thử'],
        ['intermediate', ca.intermediate, 'CA trung gian thử'],
        ['crl', ca.crl, 'CRL thử'],
      ] as const) {
        assert.equal((await admin.upload('/api/signing/trust', der, { kind, label }, `${kind}.der`)).status, 201);
      }
      const me = await head.get('/api/auth/me');
      const token = await admin.upload(
        '/api/signing/credentials',
        ca.person.certificate,
        { kind: 'personal', custody: 'token', unitId: t.demo.rootUnitId, personId: me.body.user.personId, label: 'USB token của Giám đốc' },
        'gd.cer',
      );
      assert.equal(token.status, 201, JSON.stringify(token.body));
      const signature = await head.get(`/api/decisions/${decisionId}/signatures`);
      assert.equal(signature.body.state, 'issued');
      const other = (await buildDecision(t.db, t.demo.rootUnitId, { n: 2, date: '2026-11-25' })).decision.id;
      await admin.upload(
        `/api/signing/credentials/${token.body.id}/image`,
        await (await import('../../src/server/signing/sample-images.js')).sampleSignaturePng(),
        {},
        'chu-ky.png',
      );
      const started = await head.post(`/api/decisions/${other}/sign/external`, { type: 'approve', credentialId: token.body.id });
      assert.equal(started.status, 200, JSON.stringify(started.body));
      const fetchPath = new URL(started.body.fetchUrl, 'http://x').pathname;
      const uploadPath = new URL(started.body.uploadUrl, 'http://x').pathname;
      const fetched = await t.app.inject({ method: 'GET', url: fetchPath });
      assert.equal(fetched.statusCode, 200);
      assert.equal((await t.app.inject({ method: 'GET', url: fetchPath })).statusCode, 404, 'the fetch link works once');
      const prepared = fetched.rawPayload;
      const [hole] = signaturesIn(prepared);
      assert.ok(hole);
      // The fake signing client: signs the covered bytes with the token's key.
      const client = pkcs12Signer(openPkcs12(ca.person.p12, ca.person.password));
      const filled = embedSignature(
        { pdf: prepared, byteRange: hole.byteRange, digest: started.body.digest },
        await client.sign(coveredBytes(prepared, hole.byteRange), NOW),
      );
      // A file other than the prepared one is refused, and the request stays open.
      const tampered = Buffer.from(filled);
      tampered[50] = tampered[50]! ^ 0x01;
      const refused = await multipart({}, tampered, 'da-ky.pdf');
      const r1 = await t.app.inject({ method: 'POST', url: uploadPath, payload: refused.payload, headers: { 'content-type': refused.contentType } });
      assert.equal(r1.statusCode, 400, r1.body);
      assert.match(JSON.parse(r1.body).message, /không phải văn bản đã chuẩn bị/u);
      const good = await multipart({}, filled, 'da-ky.pdf');
      const r2 = await t.app.inject({ method: 'POST', url: uploadPath, payload: good.payload, headers: { 'content-type': good.contentType } });
      assert.equal(r2.statusCode, 200, r2.body);
      const after = await head.get(`/api/decisions/${other}/signatures`);
      assert.equal(after.body.state, 'approved');
      assert.equal(after.body.signatures[0].via, 'token');
      assert.ok(after.body.verification.valid);
      const again = await t.app.inject({ method: 'POST', url: uploadPath, payload: good.payload, headers: { 'content-type': good.contentType } });
      assert.equal(again.statusCode, 404, 'the upload link works once');
    });

    it('a revoked decision keeps its signatures and takes no more', async () => {
      const other = (await buildDecision(t.db, t.demo.rootUnitId, { n: 1, date: '2026-11-26' })).decision.id;
      const revoked = await head.post(`/api/decisions/${other}/revoke`, { reason: 'Thử hủy bỏ quyết định' });
      assert.equal(revoked.status, 200, JSON.stringify(revoked.body));
      const panel = await head.get(`/api/decisions/${other}/signatures`);
      assert.deepEqual(panel.body.abilities, []);
      const cred = (await head.get(`/api/decisions/${decisionId}/signatures`)).body;
      const personal = await t.db.select().from(signingCredentials).where(eq(signingCredentials.kind, 'personal'));
      const r = await head.post(`/api/decisions/${other}/sign`, { type: 'approve', credentialId: personal[0]!.id });
      assert.equal(r.status, 409);
      assert.match(r.body.message, /đã bị hủy bỏ/u);
      assert.ok(cred);
    });
  },
);

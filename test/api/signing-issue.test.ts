import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, count, eq, inArray } from 'drizzle-orm';
import { createTestApp, type Client, type TestApp } from '../helpers/app.js';
import { ok, reviewedDossier } from '../helpers/dossiers.js';
import { awardDecisions, decisionAwardees, fundEntries, honorAwards, signedDocuments, signingCredentials } from '../../src/server/db/schema/index.js';
import { instantVn, setClock } from '../../src/server/clock.js';
import { pdfConversionAvailable } from '../../src/server/office/soffice.js';
import { signaturesIn, verifyPdf } from '../../src/server/signing/verify.js';
import { trustStoreOf } from '../../src/server/commands/signing.js';
import { unsignedOriginal } from '../../src/server/signing/sign.js';

const NOW = instantVn('2026-12-02', '23:40');

describe(
  'issued means signed: a decision waits for the agency’s signature; its certificates are signed in batches; the electronic copy',
  { skip: pdfConversionAvailable() ? false : 'soffice is not installed' },
  () => {
    let t: TestApp;
    let head: Client;
    let office: Client;
    let admin: Client;
    let clerk: Client;
    let decisionId = '';
    let candidateIds: string[] = [];
    let personal = '';
    let organisation = '';

    const decide = (ids: string[]) =>
      head.post('/api/decisions', { candidateIds: ids, decisionDate: '2021-07-01', signerName: 'Hoàng Văn Thạch', signerTitle: 'GIÁM ĐỐC' });

    before(async () => {
      setClock(NOW);
      t = await createTestApp();
      head = await t.login('giamdoc');
      office = await t.login('vanphong');
      admin = await t.login('admin');
      clerk = await t.login('donvi');
      const creds = await t.db.select().from(signingCredentials).where(eq(signingCredentials.unitId, t.demo.rootUnitId));
      personal = creds.find((c) => c.kind === 'personal' && c.commonName === 'Hoàng Văn Thạch')!.id;
      organisation = creds.find((c) => c.kind === 'organisation')!.id;
    });
    after(async () => {
      setClock(null);
      await t?.close();
    });

    it('the admin sets the rule; a unit clerk may not', async () => {
      assert.equal((await clerk.put('/api/signing/policy', { unitId: t.demo.rootUnitId, requireSignature: false })).status, 403);
      const bad = await admin.put('/api/signing/policy', { unitId: t.demo.rootUnitId, requireSignature: 'có' });
      assert.equal(bad.status, 400);
      const set = await admin.put('/api/signing/policy', { unitId: t.demo.rootUnitId, requireSignature: true });
      ok(set);
      assert.equal(set.body.requireSignature, true);
      assert.equal(set.body.governingUnitId, t.demo.rootUnitId);
      const read = await office.get('/api/signing/policy');
      assert.equal(read.body.requireSignature, true);
    });

    it('a decision waits for its signatures: no histories, no money, no certificates until the agency signs', async () => {
      ({ candidateIds } = await reviewedDossier(t, 2));
      const d = await decide(candidateIds);
      ok(d, 201);
      decisionId = d.body.id;
      assert.equal(d.body.status, 'signing');
      assert.match(d.body.statusLabel, /Chờ ký số/u);
      const awardees = await t.db.select().from(decisionAwardees).where(eq(decisionAwardees.decisionId, decisionId));
      assert.equal(awardees.length, 2);
      assert.ok(awardees.every((a) => a.honorAwardId === null));
      const people = awardees.map((a) => a.personId!);
      const histories = async () =>
        (
          await t.db
            .select({ n: count() })
            .from(honorAwards)
            .where(and(inArray(honorAwards.personId, people), eq(honorAwards.honor, 'GK'), eq(honorAwards.year, 2021)))
        )[0]!.n;
      assert.equal(await histories(), 0);
      assert.equal((await t.db.select({ n: count() }).from(fundEntries).where(eq(fundEntries.decisionId, decisionId)))[0]!.n, 0);
      const certs = await office.post(`/api/decisions/${decisionId}/certificates`);
      assert.equal(certs.status, 409);
      assert.match(certs.body.message, /chưa được ký số phát hành/u);
      // The same candidates cannot be decided twice while the first decision waits.
      assert.equal((await decide(candidateIds)).status, 409);

      const panel = await head.get(`/api/decisions/${decisionId}/signatures`);
      assert.equal(panel.body.decisionStatus, 'signing');
      ok(await head.post(`/api/decisions/${decisionId}/sign`, { type: 'approve', credentialId: personal }));
      assert.equal(await histories(), 0, 'the competent person’s signature alone does not issue it');
      const issued = await office.post(`/api/decisions/${decisionId}/sign`, { type: 'issue', credentialId: organisation });
      ok(issued);
      assert.equal(issued.body.decisionStatus, 'issued');
      const [row] = await t.db.select().from(awardDecisions).where(eq(awardDecisions.id, decisionId));
      assert.equal(row!.status, 'issued');
      assert.equal(await histories(), 2);
      assert.ok((await t.db.select({ n: count() }).from(fundEntries).where(eq(fundEntries.decisionId, decisionId)))[0]!.n > 0);
    });

    it('certificates: the head signs them in batches, then the Office; the public page shows the signed state', async () => {
      ok(await office.post(`/api/decisions/${decisionId}/certificates`));
      // The agency cannot sign before the competent person.
      const early = await office.post(`/api/decisions/${decisionId}/certificates/sign`, { type: 'issue', credentialId: organisation });
      assert.equal(early.status, 400);
      assert.match(early.body.message, /Người có thẩm quyền cần ký số Giấy khen/u);
      assert.equal((await office.post(`/api/decisions/${decisionId}/certificates/sign`, { type: 'approve', credentialId: personal })).status, 403);
      const tooMany = await head.post(`/api/decisions/${decisionId}/certificates/sign`, { type: 'approve', credentialId: personal, limit: 5000 });
      assert.equal(tooMany.status, 400);
      const first = await head.post(`/api/decisions/${decisionId}/certificates/sign`, { type: 'approve', credentialId: personal, limit: 1 });
      ok(first);
      assert.deepEqual(first.body, { signed: 1, remaining: 1, total: 2 });
      const second = await head.post(`/api/decisions/${decisionId}/certificates/sign`, { type: 'approve', credentialId: personal, limit: 1 });
      assert.deepEqual(second.body, { signed: 1, remaining: 0, total: 2 });
      const panel = await office.get(`/api/decisions/${decisionId}/signatures`);
      assert.deepEqual(panel.body.certificates, { total: 2, approved: 2, issued: 0, abilities: ['issue'] });
      const issued = await office.post(`/api/decisions/${decisionId}/certificates/sign`, { type: 'issue', credentialId: organisation });
      assert.deepEqual(issued.body, { signed: 2, remaining: 0, total: 2 });

      const register = await office.get(`/api/certificates?decisionId=${decisionId}`);
      assert.deepEqual(
        register.body.items.map((c: { signState: string }) => c.signState),
        ['issued', 'issued'],
      );
      const code = register.body.items[0].code as string;
      const pub = await t.anonymous.request('GET', `/api/public/certificates/${code}`);
      ok(pub);
      assert.equal(pub.body.signature.valid, true, JSON.stringify(pub.body.signature));
      assert.equal(pub.body.signature.signers.length, 2);
      assert.equal(pub.body.signature.downloadable, true);
      const file = await t.app.inject({ method: 'GET', url: `/api/public/certificates/${code}/signed.pdf` });
      assert.equal(file.statusCode, 200);
      const verified = await verifyPdf(file.rawPayload, await trustStoreOf(t.db, t.demo.rootUnitId), NOW);
      assert.equal(verified.valid, true);
      assert.equal(verified.signatures.length, 2);
      const mine = await clerk.get(`/api/certificates/${register.body.items[0].id}/signed.pdf`);
      assert.ok([200, 404].includes(mine.status), 'a clerk sees only the certificates of their scope');
      assert.equal((await t.anonymous.request('GET', '/api/public/certificates/ZZZZZZZZZZ/signed.pdf')).status, 404);
    });

    it('the electronic copy reproduces the original and carries only the agency’s copy signature', async () => {
      assert.equal((await clerk.post(`/api/decisions/${decisionId}/copy`, { credentialId: organisation })).status, 403);
      const wrongKind = await office.post(`/api/decisions/${decisionId}/copy`, { credentialId: personal, form: 'SAO_Y' });
      assert.equal(wrongKind.status, 409);
      const made = await office.post(`/api/decisions/${decisionId}/copy`, { credentialId: organisation, form: 'SAO_Y' });
      ok(made);
      assert.deepEqual(made.body.copy.abilities, ['sign', 'download']);
      const copy = await office.get(`/api/decisions/${decisionId}/copy.pdf`);
      assert.equal(copy.status, 200);
      const [doc] = await t.db
        .select()
        .from(signedDocuments)
        .where(and(eq(signedDocuments.entityType, 'decision_copy'), eq(signedDocuments.entityId, decisionId)));
      const [original] = await t.db
        .select()
        .from(signedDocuments)
        .where(and(eq(signedDocuments.entityType, 'decision'), eq(signedDocuments.entityId, decisionId)));
      const base = unsignedOriginal(original!.pdf, signaturesIn(original!.pdf)[0]!.byteRange);
      assert.ok(doc!.pdf.subarray(0, base.length).equals(base), 'the copy starts with the original’s own bytes');
      const v = await verifyPdf(doc!.pdf, await trustStoreOf(t.db, t.demo.rootUnitId), NOW);
      assert.equal(v.signatures.length, 1);
      assert.equal(v.valid, true);
      assert.match(v.signatures[0]!.certificate!.commonName, /Sở/u);
    });

    it('a decision withdrawn while it waits lets its candidates be decided again', async () => {
      const { candidateIds: ids } = await reviewedDossier(t, 1, { skip: 4 });
      const waiting = await decide(ids);
      ok(waiting, 201);
      ok(await head.post(`/api/decisions/${waiting.body.id}/revoke`, { reason: 'Sai tên người được khen, lập lại' }));
      const copy = await office.post(`/api/decisions/${waiting.body.id}/copy`, { credentialId: organisation });
      assert.equal(copy.status, 409);
      const again = await decide(ids);
      ok(again, 201);
      assert.equal(again.body.status, 'signing');
      // Switched off, the next decision is issued on recording again.
      ok(await admin.put('/api/signing/policy', { unitId: t.demo.rootUnitId, requireSignature: false }));
      ok(await head.post(`/api/decisions/${again.body.id}/revoke`, { reason: 'Lập lại sau khi đổi quy định' }));
      const direct = await decide(ids);
      ok(direct, 201);
      assert.equal(direct.body.status, 'issued');
    });
  },
);

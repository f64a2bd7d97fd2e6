import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { count, eq } from 'drizzle-orm';
import { createTestApp, type Client, type TestApp } from '../helpers/app.js';
import { buildDecision } from '../helpers/decisions.js';
import { signedDocuments, signingCredentials } from '../../src/server/db/schema/index.js';
import { instantVn, setClock } from '../../src/server/clock.js';
import { pdfConversionAvailable } from '../../src/server/office/soffice.js';
import { makeTestCa, type TestCa } from '../../src/server/signing/test-ca.js';
import { startFakeProvider, startRevocationServer, type FakeProvider, type RevocationServer } from '../../src/server/signing/test-responders.js';

const NOW = instantVn('2026-12-02', '10:05');

describe('remote signing (a provider over HTTP) and online revocation sources', { skip: pdfConversionAvailable() ? false : 'soffice is not installed' }, () => {
  let t: TestApp;
  let head: Client;
  let admin: Client;
  let ca: TestCa;
  let provider: FakeProvider;
  let responder: RevocationServer;
  let credentialId = '';

  before(async () => {
    setClock(NOW);
    t = await createTestApp();
    head = await t.login('giamdoc');
    admin = await t.login('admin');
    ca = await makeTestCa(NOW, { person: 'Hoàng Văn Thạch', organisation: 'Sở Khoa học và Công nghệ tỉnh Cao Bằng' });
    provider = await startFakeProvider(ca.person);
    responder = await startRevocationServer(() => NOW);
    responder.use(ca);
    for (const [kind, der] of [
      ['anchor', ca.root],
      ['intermediate', ca.intermediate],
    ] as const)
      assert.equal((await admin.upload('/api/signing/trust', der, { kind, label: `Thử ${kind}` }, `${kind}.der`)).status, 201);
  });
  after(async () => {
    setClock(null);
    await provider?.close();
    await responder?.close();
    await t?.close();
  });

  const signedCount = async () => (await t.db.select({ n: count() }).from(signedDocuments))[0]!.n;

  it('the admin adds an OCSP responder and a remote credential; the head signs through the provider; it verifies with OCSP', async () => {
    const ocsp = await admin.post('/api/signing/trust/sources', { kind: 'ocsp_url', label: 'OCSP thử nghiệm', url: responder.ocspUrl });
    assert.equal(ocsp.status, 201, JSON.stringify(ocsp.body));
    assert.equal(ocsp.body.url, responder.ocspUrl);
    const bad = await admin.post('/api/signing/trust/sources', { kind: 'ocsp_url', label: 'Sai địa chỉ', url: 'ftp://x' });
    assert.equal(bad.status, 400);
    assert.match(bad.body.message, /http:\/\/ hoặc https:\/\//u);

    const me = await head.get('/api/auth/me');
    const base = { kind: 'personal', custody: 'remote', unitId: t.demo.rootUnitId, personId: me.body.user.personId, label: 'Ký từ xa của Giám đốc' };
    const missing = await admin.upload('/api/signing/credentials', ca.person.certificate, base, 'gd.cer');
    assert.equal(missing.status, 400);
    assert.match(missing.body.message, /địa chỉ dịch vụ, mã khóa ký và khóa API/u);
    const added = await admin.upload(
      '/api/signing/credentials',
      ca.person.certificate,
      { ...base, providerUrl: provider.url, providerKeyId: 'gd-01', apiKey: provider.apiKey },
      'gd.cer',
    );
    assert.equal(added.status, 201, JSON.stringify(added.body));
    assert.equal(added.body.custody, 'remote');
    assert.equal(added.body.providerKeyId, 'gd-01');
    assert.ok(!JSON.stringify(added.body).includes(provider.apiKey), 'the API key is never shown');
    const [row] = await t.db.select().from(signingCredentials).where(eq(signingCredentials.id, added.body.id));
    assert.ok(row!.sealedApiKey && !row!.sealedApiKey.includes(Buffer.from(provider.apiKey)), 'the API key is stored sealed');
    credentialId = added.body.id;
    const png = await (await import('../../src/server/signing/sample-images.js')).sampleSignaturePng();
    assert.equal((await admin.upload(`/api/signing/credentials/${credentialId}/image`, png, {}, 'chu-ky.png')).status, 200);

    const decisionId = (await buildDecision(t.db, t.demo.rootUnitId, { n: 2, date: '2026-11-20' })).decision.id;
    const signed = await head.post(`/api/decisions/${decisionId}/sign`, { type: 'approve', credentialId });
    assert.equal(signed.status, 200, JSON.stringify(signed.body));
    assert.equal(signed.body.state, 'approved');
    assert.equal(signed.body.signatures[0].via, 'remote');
    assert.ok(signed.body.verification.valid, JSON.stringify(signed.body.verification));
    const sig = signed.body.verification.signatures[0];
    assert.equal(sig.revocation, 'good');
    assert.match(sig.revocationLabel, /đã kiểm tra OCSP/u, JSON.stringify(sig) + responder.hits.ocsp);
    assert.match(String(provider.requests.at(-1)!.documentLabel), /^Quyết định số /u);
  });

  it('provider down, wrong API key, a signature from another key: refused in Vietnamese, nothing stored', async () => {
    const decisionId = (await buildDecision(t.db, t.demo.rootUnitId, { n: 1, date: '2026-11-21' })).decision.id;
    const before = await signedCount();
    provider.signWith = ca.organisation;
    const wrongKey = await head.post(`/api/decisions/${decisionId}/sign`, { type: 'approve', credentialId });
    assert.equal(wrongKey.status, 400, JSON.stringify(wrongKey.body));
    assert.match(wrongKey.body.message, /không khớp với chứng thư số đã đăng ký/u);
    provider.signWith = ca.person;
    const realKey = provider.apiKey;
    provider.apiKey = 'khoa-moi-da-doi';
    const refused = await head.post(`/api/decisions/${decisionId}/sign`, { type: 'approve', credentialId });
    provider.apiKey = realKey;
    assert.equal(refused.status, 503, JSON.stringify(refused.body));
    assert.match(refused.body.message, /khóa API không đúng/u);
    await provider.close();
    const down = await head.post(`/api/decisions/${decisionId}/sign`, { type: 'approve', credentialId });
    assert.equal(down.status, 503, JSON.stringify(down.body));
    assert.match(down.body.message, /Không kết nối được dịch vụ ký số từ xa/u);
    assert.equal(await signedCount(), before);
    const panel = await head.get(`/api/decisions/${decisionId}/signatures`);
    assert.equal(panel.body.state, 'unsigned');
  });
});

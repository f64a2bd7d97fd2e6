import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import PDFKit from 'pdfkit';
import { resolvePdfFonts } from '../documents/pdf/fonts.js';
import { pkcs12Signer } from './cms.js';
import { CertificateNotUsable, RemoteSigningFailed, SignatureRejected } from './errors.js';
import { coveredBytes, embedSignature } from './pdf-field.js';
import { openPkcs12 } from './pkcs12.js';
import { remoteSigner } from './remote-signer.js';
import { clearRevocationCache, configureRevocation } from './revocation.js';
import { prepareForSigning, signPdf, type FieldRequest } from './sign.js';
import { makeTestCa, type TestCa, type TestEndEntity } from './test-ca.js';
import { startFakeProvider, startRevocationServer, type FakeProvider, type RevocationServer } from './test-responders.js';
import { verifyPdf, type TrustStore } from './verify.js';

const NOW = new Date('2026-12-02T03:15:30Z');
const CLOSED = 'http://127.0.0.1:9/';

function onePagePdf(): Promise<Buffer> {
  const fonts = resolvePdfFonts();
  const doc = new PDFKit({ size: 'A4', margin: 56 });
  doc.registerFont('r', fonts.regular);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  doc.font('r').fontSize(13).text('QUYẾT ĐỊNH thử ký số', { align: 'center' });
  doc.end();
  return new Promise((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
}

const FIELD: FieldRequest = { pageIndex: 0, rect: [0, 0, 0, 0], images: [], lines: [], fieldName: 'Chữ ký', name: 'x', reason: 'Thử', location: 'Cao Bằng' };

describe('revocation from configured online sources (CRL URL, OCSP) and the remote-signing adapter', () => {
  let ca: TestCa;
  let withUrls: TestCa;
  let server: RevocationServer;
  let urlServer: RevocationServer;
  let pdf: Buffer;
  const base = (c: TestCa): TrustStore => ({ anchors: [c.root], intermediates: [c.intermediate], crls: [] });

  /** A PDF signed by `who` (whatever its status), as received from outside. */
  async function signedBy(who: TestEndEntity): Promise<Buffer> {
    const prepared = await prepareForSigning(pdf, FIELD, NOW);
    const cms = await pkcs12Signer(openPkcs12(who.p12, who.password)).sign(coveredBytes(prepared.pdf, prepared.byteRange), NOW);
    return embedSignature(prepared, cms);
  }

  before(async () => {
    server = await startRevocationServer(() => NOW);
    ca = await makeTestCa(NOW);
    server.use(ca);
    urlServer = await startRevocationServer(() => NOW);
    withUrls = await makeTestCa(NOW, {}, { urls: { crl: urlServer.crlUrl, ocsp: urlServer.ocspUrl } });
    urlServer.use(withUrls);
    pdf = await onePagePdf();
  });
  after(async () => {
    configureRevocation({ followCertificateUrls: false });
    await server.close();
    await urlServer.close();
  });

  it('OCSP: a good certificate is good, the revoked one revoked (signature invalid), from the responder', async () => {
    const trust = { ...base(ca), ocspUrls: [server.ocspUrl] };
    const good = await verifyPdf(await signedBy(ca.person), trust, NOW);
    assert.ok(good.valid, JSON.stringify(good.signatures[0]!.problems));
    assert.equal(good.signatures[0]!.revocation, 'good');
    assert.equal(good.signatures[0]!.revocationSource, 'ocsp');
    const bad = await verifyPdf(await signedBy(ca.revoked), trust, NOW);
    assert.equal(bad.valid, false);
    assert.equal(bad.signatures[0]!.revocation, 'revoked');
    assert.equal(bad.signatures[0]!.revocationSource, 'ocsp');
    assert.match(bad.signatures[0]!.problems.join(' '), /thu hồi trước thời điểm ký \(thu hồi từ ngày 22\/11\/2026\)/u);
    // A CA that leaves its own certificate out of the response is still verified (by the issuer's key).
    server.bare = true;
    try {
      assert.equal((await verifyPdf(await signedBy(ca.person), trust, NOW)).signatures[0]!.revocationSource, 'ocsp');
    } finally {
      server.bare = false;
    }
  });

  it('CRL URL: fetched, used, and kept until its nextUpdate', async () => {
    clearRevocationCache();
    const trust = { ...base(ca), crlUrls: [server.crlUrl] };
    const before = server.hits.crl;
    const bad = await verifyPdf(await signedBy(ca.revoked), trust, NOW);
    assert.equal(bad.signatures[0]!.revocation, 'revoked');
    assert.equal(bad.signatures[0]!.revocationSource, 'crl');
    const good = await verifyPdf(await signedBy(ca.person), trust, NOW);
    assert.equal(good.signatures[0]!.revocation, 'good');
    assert.equal(server.hits.crl - before, 1, 'the CRL is downloaded once and cached');
    // Past its nextUpdate (30 days) it is downloaded again.
    await verifyPdf(await signedBy(ca.person), trust, new Date(NOW.getTime() + 31 * 86_400_000));
    assert.equal(server.hits.crl - before, 2);
  });

  it('a responder down, or a response not signed by the CA: unknown with a note, never revoked, never a crash', async () => {
    const down = await verifyPdf(await signedBy(ca.revoked), { ...base(ca), ocspUrls: [`${CLOSED}ocsp`], crlUrls: [`${CLOSED}crl`] }, NOW);
    assert.equal(down.signatures[0]!.revocation, 'unknown');
    assert.match(down.signatures[0]!.revocationNotes.join(' '), /Không kiểm tra được qua máy chủ OCSP http:\/\/127\.0\.0\.1:9\/ocsp: không kết nối được/u);
    assert.match(down.signatures[0]!.revocationNotes.join(' '), /Không tải được danh sách thu hồi \(CRL\)/u);
    server.mode = 'forged';
    try {
      const forged = await verifyPdf(await signedBy(ca.person), { ...base(ca), ocspUrls: [server.ocspUrl] }, NOW);
      assert.equal(forged.signatures[0]!.revocation, 'unknown');
      assert.match(forged.signatures[0]!.revocationNotes.join(' '), /không có chữ ký hợp lệ của nơi cấp/u);
    } finally {
      server.mode = 'normal';
    }
    // An OCSP failure falls back to an uploaded CRL.
    const fallback = await verifyPdf(await signedBy(ca.revoked), { ...base(ca), ocspUrls: [`${CLOSED}ocsp`], crls: [ca.crl] }, NOW);
    assert.equal(fallback.signatures[0]!.revocation, 'revoked');
  });

  it('signing with a certificate revoked per OCSP is refused', async () => {
    await assert.rejects(
      signPdf(pdf, FIELD, pkcs12Signer(openPkcs12(ca.revoked.p12, ca.revoked.password)), { ...base(ca), ocspUrls: [server.ocspUrl] }, NOW),
      (e: unknown) => e instanceof CertificateNotUsable && /đã bị thu hồi \(thu hồi từ ngày/u.test(e.message),
    );
  });

  it('the certificate’s own URLs (AIA OCSP, CRL DP) are followed only when the installation allows it', async () => {
    const signed = await signedBy(withUrls.revoked);
    const hits = urlServer.hits.ocsp;
    const off = await verifyPdf(signed, base(withUrls), NOW);
    assert.equal(off.signatures[0]!.revocation, 'unknown');
    assert.equal(urlServer.hits.ocsp, hits, 'nothing is called by default');
    configureRevocation({ followCertificateUrls: true });
    try {
      const on = await verifyPdf(signed, base(withUrls), NOW);
      assert.equal(on.signatures[0]!.revocation, 'revoked');
      assert.equal(on.signatures[0]!.revocationSource, 'ocsp');
      assert.equal(urlServer.hits.ocsp, hits + 1);
    } finally {
      configureRevocation({ followCertificateUrls: false });
    }
  });

  describe('remote signing', () => {
    let provider: FakeProvider;
    before(async () => {
      provider = await startFakeProvider(ca.person);
    });
    after(async () => provider.close());
    const opts = () => ({
      url: provider.url,
      keyId: 'gd-01',
      apiKey: 'khoa-api-thu-nghiem',
      certificate: ca.person.certificate,
      documentLabel: 'Quyết định số 1/QĐ-SKHCN',
    });

    it('the provider signs the hash; the PDF verifies', async () => {
      provider.signWith = ca.person;
      const done = await signPdf(pdf, FIELD, remoteSigner(opts()), { ...base(ca), crls: [ca.crl] }, NOW);
      assert.ok(done.verification.valid, JSON.stringify(done.verification.signatures[0]!.problems));
      const req = provider.requests.at(-1)!;
      assert.equal(req.keyId, 'gd-01');
      assert.equal(req.algorithm, 'RSASSA-PKCS1-v1_5-SHA256');
      assert.equal(Buffer.from(String(req.digest), 'base64').length, 32);
      assert.equal(req.documentLabel, 'Quyết định số 1/QĐ-SKHCN');
    });

    it('a signature from another key, a wrong API key, a provider down: refused in Vietnamese', async () => {
      const trust = { ...base(ca), crls: [ca.crl] };
      provider.signWith = ca.organisation;
      await assert.rejects(
        signPdf(pdf, FIELD, remoteSigner(opts()), trust, NOW),
        (e: unknown) => e instanceof SignatureRejected && /không khớp với chứng thư số/u.test(e.message),
      );
      provider.signWith = ca.person;
      await assert.rejects(
        signPdf(pdf, FIELD, remoteSigner({ ...opts(), apiKey: 'sai' }), trust, NOW),
        (e: unknown) => e instanceof RemoteSigningFailed && /HTTP 401.*khóa API/u.test(e.message),
      );
      await assert.rejects(
        signPdf(pdf, FIELD, remoteSigner({ ...opts(), url: `${CLOSED}sign` }), trust, NOW),
        (e: unknown) => e instanceof RemoteSigningFailed && /Không kết nối được dịch vụ ký số từ xa/u.test(e.message),
      );
    });
  });
});

import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import PDFKit from 'pdfkit';
import { PDFDocument } from 'pdf-lib';
import { resolvePdfFonts } from '../documents/pdf/fonts.js';
import { pkcs12Signer } from './cms.js';
import { CertificateNotUsable, PdfNotSignable, SignatureRejected, SigningCredentialInvalid } from './errors.js';
import { appearanceFor, findSignerBlock, isoVn } from './layout.js';
import { coveredBytes, embedSignature } from './pdf-field.js';
import { openPkcs12 } from './pkcs12.js';
import { sampleSealPng, sampleSignaturePng } from './sample-images.js';
import { completeSigning, prepareForSigning, signPdf, type FieldRequest } from './sign.js';
import { makeTestCa, type TestCa } from './test-ca.js';
import { verifyPdf, type TrustStore } from './verify.js';

const NOW = new Date('2026-12-02T03:15:30Z');
const SIGNER = 'Hoàng Văn Thạch';
const AGENCY = 'Sở Khoa học và Công nghệ';

/** A one-page decision with the signer block NĐ 30 puts on its last page. */
function decisionPdf(): Promise<Buffer> {
  const fonts = resolvePdfFonts();
  const doc = new PDFKit({ size: 'A4', margin: 56 });
  doc.registerFont('r', fonts.regular).registerFont('b', fonts.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  doc.font('b').fontSize(14).text('QUYẾT ĐỊNH', { align: 'center' });
  doc.font('r').fontSize(13).text('Về việc tặng Giấy khen cho các cá nhân có thành tích xuất sắc.', { align: 'center' });
  doc.moveDown(12);
  doc.font('b').fontSize(13).text('GIÁM ĐỐC', 330, 500, { width: 200, align: 'center' });
  doc.text(SIGNER, 330, 590, { width: 200, align: 'center' });
  doc.end();
  return new Promise((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
}

describe('digital signatures (PAdES, incremental, Phụ lục I appearance)', () => {
  let ca: TestCa;
  let trust: TrustStore;
  let pdf: Buffer;
  let signature: Buffer;
  let seal: Buffer;
  let twice: Buffer;

  async function field(type: 'approve' | 'issue', base: Buffer): Promise<FieldRequest> {
    const look = await appearanceFor(base, {
      type,
      signerName: SIGNER,
      image: type === 'approve' ? signature : seal,
      lines: type === 'issue' ? [AGENCY, isoVn(NOW)] : [],
    });
    return { ...look, fieldName: `Chữ ký ${type}`, name: type === 'approve' ? SIGNER : AGENCY, reason: 'Ban hành quyết định', location: 'Cao Bằng' };
  }

  before(async () => {
    ca = await makeTestCa(NOW, { person: SIGNER, organisation: AGENCY });
    trust = { anchors: [ca.root], intermediates: [ca.intermediate], crls: [ca.crl] };
    pdf = await decisionPdf();
    signature = await sampleSignaturePng();
    seal = await sampleSealPng(AGENCY);
  });

  it('finds the signer block under the position line', async () => {
    const block = await findSignerBlock(pdf, SIGNER);
    assert.ok(block);
    assert.equal(block.pageIndex, 0);
    assert.match(block.above?.text ?? '', /GIÁM ĐỐC/u);
    assert.ok(block.above!.y > block.name.y + 40, 'the gap for the signature is above the name');
  });

  it('signs a decision twice (person, then agency) and both signatures verify', async () => {
    const person = openPkcs12(ca.person.p12, ca.person.password);
    const first = await signPdf(pdf, await field('approve', pdf), pkcs12Signer(person), trust, NOW);
    assert.equal(first.certificate.commonName, SIGNER);
    const org = openPkcs12(ca.organisation.p12, ca.organisation.password);
    const second = await signPdf(first.pdf, await field('issue', first.pdf), pkcs12Signer(org), trust, NOW);
    twice = second.pdf;
    // The first signature's bytes are kept: the agency's is an incremental update.
    assert.deepEqual(twice.subarray(0, first.pdf.length), first.pdf);
    const v = await verifyPdf(twice, trust, NOW);
    assert.equal(v.signatures.length, 2);
    assert.ok(v.valid, JSON.stringify(v.signatures.map((s) => s.problems)));
    assert.equal(v.signatures[0]!.certificate?.commonName, SIGNER);
    assert.equal(v.signatures[1]!.certificate?.commonName, AGENCY);
    assert.equal(v.signatures[1]!.revocation, 'good');
    assert.equal(v.signatures[0]!.signingTime?.toISOString(), NOW.toISOString());
    // Kept for a look at the appearance (pdftoppm -png) when the variable names a file.
    if (process.env.TDKT_SIGNED_SAMPLE) writeFileSync(process.env.TDKT_SIGNED_SAMPLE, twice);
  });

  it('appends to any cross-reference: a table (the original kept byte for byte), a stream with object streams, a file only a full parse reads', async () => {
    const person = pkcs12Signer(openPkcs12(ca.person.p12, ca.person.password));
    const org = pkcs12Signer(openPkcs12(ca.organisation.p12, ca.organisation.password));
    const streamed = Buffer.from(await (await PDFDocument.load(pdf)).save({ useObjectStreams: true }));
    assert.ok(streamed.includes('/ObjStm'), 'pdf-lib wrote object streams');
    // A wrong startxref: the light reader gives up, pdf-lib reads the file by scanning it.
    const broken = Buffer.from(pdf.toString('latin1').replace(/startxref\s+\d+/u, 'startxref\n12'), 'latin1');
    for (const [name, base] of [
      ['table', pdf],
      ['stream', streamed],
      ['broken', broken],
    ] as const) {
      const first = await signPdf(base, await field('approve', base), person, trust, NOW);
      if (name !== 'broken') assert.deepEqual(first.pdf.subarray(0, base.length), base, `${name}: the original bytes are kept`);
      else assert.notDeepEqual(first.pdf.subarray(0, base.length), base, 'broken: rewritten once by the full parse');
      const second = await signPdf(first.pdf, await field('issue', first.pdf), org, trust, NOW);
      assert.deepEqual(second.pdf.subarray(0, first.pdf.length), first.pdf, `${name}: the first signature's bytes are kept`);
      if (name === 'stream') assert.match(second.pdf.subarray(first.pdf.length).toString('latin1'), /\/Type \/XRef/u, 'a stream follows a stream');
      const v = await verifyPdf(second.pdf, trust, NOW);
      assert.ok(v.valid, `${name}: ${JSON.stringify(v.signatures.map((x) => x.problems))}`);
      assert.equal(v.signatures.length, 2);
      const reread = await PDFDocument.load(second.pdf);
      assert.equal(reread.getPageCount(), 1);
      assert.equal(reread.getForm().getFields().length, 2, `${name}: both signature fields are in the AcroForm`);
      assert.ok(await findSignerBlock(second.pdf, SIGNER), `${name}: pdf.js reads the signed file`);
    }
  });

  it('one changed byte breaks the signature; bytes added after signing are reported', async () => {
    const changed = Buffer.from(twice);
    const at = changed.indexOf('QUY') > 0 ? 200 : 100;
    changed[at] = changed[at]! ^ 0x01;
    const v = await verifyPdf(changed, trust, NOW);
    assert.equal(v.valid, false);
    assert.ok(v.signatures.every((s) => !s.intact));
    const appended = Buffer.concat([twice, Buffer.from('\n1 0 obj\n<< /Injected true >>\nendobj\n%%EOF\n', 'latin1')]);
    const w = await verifyPdf(appended, trust, NOW);
    assert.equal(w.valid, false);
    assert.ok(w.signatures[1]!.intact, 'the bytes it covers are unchanged');
    assert.match(w.signatures[1]!.problems.join(' '), /thêm nội dung sau khi ký/u);
  });

  it('refuses to sign with an expired, a revoked or a non-signing certificate', async () => {
    for (const [who, pattern] of [
      [ca.expired, /hết hạn/u],
      [ca.revoked, /thu hồi/u],
      [ca.noSigningUsage, /mục đích sử dụng để ký/u],
    ] as const) {
      const id = openPkcs12(who.p12, who.password);
      await assert.rejects(
        signPdf(pdf, await field('approve', pdf), pkcs12Signer(id), trust, NOW),
        (e: unknown) => e instanceof CertificateNotUsable && pattern.test(e.message),
      );
    }
    await assert.rejects(
      signPdf(pdf, await field('approve', pdf), pkcs12Signer(openPkcs12(ca.person.p12, ca.person.password)), { ...trust, anchors: [] }, NOW),
      CertificateNotUsable,
    );
  });

  it('reports a received PDF signed with an expired or a revoked certificate', async () => {
    for (const [who, pattern] of [
      [ca.expired, /không còn hiệu lực/u],
      [ca.revoked, /thu hồi/u],
    ] as const) {
      const prepared = await prepareForSigning(pdf, await field('approve', pdf), NOW);
      const cms = await pkcs12Signer(openPkcs12(who.p12, who.password)).sign(coveredBytes(prepared.pdf, prepared.byteRange), NOW);
      const v = await verifyPdf(embedSignature(prepared, cms), trust, NOW);
      assert.equal(v.valid, false);
      assert.match(v.signatures[0]!.problems.join(' '), pattern);
      assert.ok(v.signatures[0]!.intact, 'the signature itself is intact');
    }
  });

  it('external signing: the client signs the prepared bytes; a signature over other bytes is rejected', async () => {
    const prepared = await prepareForSigning(pdf, await field('approve', pdf), NOW);
    assert.match(prepared.digest, /^[0-9a-f]{64}$/u);
    const client = pkcs12Signer(openPkcs12(ca.person.p12, ca.person.password));
    const good = await client.sign(coveredBytes(prepared.pdf, prepared.byteRange), NOW);
    const done = await completeSigning(prepared, good, trust, NOW);
    assert.ok(done.verification.valid);
    const wrong = await client.sign(Buffer.from('một tài liệu khác'), NOW);
    await assert.rejects(completeSigning(prepared, wrong, trust, NOW), SignatureRejected);
  });

  it('bad input: a wrong password, a file that is not PKCS#12, a file that is not a PDF', async () => {
    assert.throws(
      () => openPkcs12(ca.person.p12, 'sai-mat-khau'),
      (e: unknown) => e instanceof SigningCredentialInvalid && /Mật khẩu/u.test(e.message),
    );
    assert.throws(() => openPkcs12(Buffer.from('không phải p12'), 'x'), SigningCredentialInvalid);
    const look = {
      pageIndex: 0,
      rect: [0, 0, 0, 0] as [number, number, number, number],
      images: [],
      lines: [],
      fieldName: 'x',
      name: 'x',
      reason: 'x',
      location: 'x',
    };
    await assert.rejects(prepareForSigning(Buffer.from('<html>không phải PDF</html>'), look, NOW), PdfNotSignable);
    await assert.rejects(verifyPdf(Buffer.from('GIF89a'), trust, NOW), PdfNotSignable);
  });
});

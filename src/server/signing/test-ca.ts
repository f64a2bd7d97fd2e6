/**
 * A certification authority made on the spot, for the tests and the demo agency only: a root, an
 * intermediate, and end certificates as PKCS#12 files (a person's, an organisation's, a revoked one,
 * an expired one, one without the signing key usage), with the intermediate's CRL and key (the
 * tests' OCSP responder signs with it, test-responders.ts). Its names say
 * "thử nghiệm": nothing it signs has legal value.
 */
import { webcrypto } from 'node:crypto';
import forge from 'node-forge';
import { x509 } from './x509.js';

const ALG = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };

export interface TestEndEntity {
  p12: Buffer;
  password: string;
  certificate: Buffer;
  serial: string;
}

export interface TestCa {
  root: Buffer;
  intermediate: Buffer;
  crl: Buffer;
  /** The intermediate's private key: it signs the CRL, OCSP responses and the end certificates. */
  intermediateKey: CryptoKey;
  /** When the revoked certificate was revoked (the CRL's entry). */
  revokedAt: Date;
  person: TestEndEntity;
  organisation: TestEndEntity;
  revoked: TestEndEntity;
  expired: TestEndEntity;
  noSigningUsage: TestEndEntity;
  /** Certificates of the others named in `names.others`, in that order. */
  others: TestEndEntity[];
}

const keys = () => webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify']) as Promise<CryptoKeyPair>;

async function toP12(cert: x509.X509Certificate, pair: CryptoKeyPair, chain: x509.X509Certificate[], password: string): Promise<Buffer> {
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', pair.privateKey));
  const key = forge.pki.privateKeyFromPem(`-----BEGIN PRIVATE KEY-----\n${pkcs8.toString('base64')}\n-----END PRIVATE KEY-----`);
  const certs = [cert, ...chain].map((c) => forge.pki.certificateFromPem(c.toString('pem')));
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, certs, password, { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

/**
 * Make the CA. `now` fixes the validity windows (the tests' clock); `names` lets the demo print its
 * agency's names in the certificates.
 */
export async function makeTestCa(
  now: Date,
  names: {
    person?: string;
    organisation?: string;
    /** A name (a person of the organisation), or a subject's own CN and O (another unit's seal). */ others?: readonly (string | { cn: string; o: string })[];
  } = {},
  opts: { extras?: boolean; /** Put these in the end certificates (CRL Distribution Points, AIA OCSP). */ urls?: { crl?: string; ocsp?: string } } = {},
): Promise<TestCa> {
  const day = 86_400_000;
  const from = new Date(now.getTime() - 365 * day);
  const to = new Date(now.getTime() + 5 * 365 * day);
  const rootKeys = await keys();
  const root = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'CN=CA gốc thử nghiệm TĐKT, O=TĐKT thử nghiệm, C=VN',
    notBefore: from,
    notAfter: to,
    keys: rootKeys,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(true, 1, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    ],
  });
  const interKeys = await keys();
  const inter = await x509.X509CertificateGenerator.create({
    serialNumber: '02',
    subject: 'CN=CA trung gian thử nghiệm TĐKT, O=TĐKT thử nghiệm, C=VN',
    issuer: root.subject,
    notBefore: from,
    notAfter: to,
    signingKey: rootKeys.privateKey,
    publicKey: interKeys.publicKey,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    ],
  });
  const password = 'thu-nghiem';
  const urls = opts.urls;
  let serial = 0x10;
  async function endEntity(cn: string, opts: { notAfter?: Date; notBefore?: Date; usage?: number } = {}): Promise<TestEndEntity> {
    const pair = await keys();
    const serialNumber = (serial++).toString(16).padStart(2, '0');
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber,
      subject: cn,
      issuer: inter.subject,
      notBefore: opts.notBefore ?? from,
      notAfter: opts.notAfter ?? to,
      signingKey: interKeys.privateKey,
      publicKey: pair.publicKey,
      signingAlgorithm: ALG,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(opts.usage ?? x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
        ...(urls?.crl ? [new x509.CRLDistributionPointsExtension([urls.crl])] : []),
        ...(urls?.ocsp ? [new x509.AuthorityInfoAccessExtension({ ocsp: urls.ocsp })] : []),
      ],
    });
    return { p12: await toP12(cert, pair, [inter, root], password), password, certificate: Buffer.from(cert.rawData), serial: serialNumber.toUpperCase() };
  }
  const esc = (s: string) => s.replace(/[,+="<>#;\\]/gu, (c) => `\\${c}`);
  const person = await endEntity(`CN=${esc(names.person ?? 'Nguyễn Văn Thử')}, O=${esc(names.organisation ?? 'Cơ quan thử nghiệm')}, C=VN`);
  const organisation = await endEntity(`CN=${esc(names.organisation ?? 'Cơ quan thử nghiệm')}, O=${esc(names.organisation ?? 'Cơ quan thử nghiệm')}, C=VN`);
  const others: TestEndEntity[] = [];
  for (const other of names.others ?? []) {
    const { cn, o } = typeof other === 'string' ? { cn: other, o: names.organisation ?? 'Cơ quan thử nghiệm' } : other;
    others.push(await endEntity(`CN=${esc(cn)}, O=${esc(o)}, C=VN`));
  }
  // The revoked, expired and encryption-only certificates are for the tests; the demo skips them (key generation costs time).
  const extras = opts.extras ?? true;
  const revoked = extras ? await endEntity('CN=Người bị thu hồi chứng thư, O=Cơ quan thử nghiệm, C=VN') : person;
  const expired = !extras
    ? person
    : await endEntity('CN=Người có chứng thư hết hạn, O=Cơ quan thử nghiệm, C=VN', {
        notBefore: new Date(now.getTime() - 400 * day),
        notAfter: new Date(now.getTime() - 30 * day),
      });
  const noSigningUsage = extras
    ? await endEntity('CN=Chứng thư chỉ để mã hóa, O=Cơ quan thử nghiệm, C=VN', { usage: x509.KeyUsageFlags.keyEncipherment })
    : person;
  const revokedAt = new Date(now.getTime() - 10 * day);
  const crl = await x509.X509CrlGenerator.create({
    issuer: inter.subject,
    thisUpdate: new Date(now.getTime() - 2 * day),
    nextUpdate: new Date(now.getTime() + 30 * day),
    entries: extras ? [{ serialNumber: revoked.serial, revocationDate: revokedAt }] : [],
    signingKey: interKeys.privateKey,
    signingAlgorithm: ALG,
  });
  return {
    root: Buffer.from(root.rawData),
    intermediate: Buffer.from(inter.rawData),
    crl: Buffer.from(crl.rawData),
    intermediateKey: interKeys.privateKey,
    revokedAt,
    person,
    organisation,
    revoked,
    expired,
    noSigningUsage,
    others,
  };
}

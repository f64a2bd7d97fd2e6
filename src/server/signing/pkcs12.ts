/**
 * PKCS#12 files (.p12/.pfx) and X.509 certificates: open a signer's file with its password, and
 * describe a certificate the way the audit and the verification report show it (subject, organisation,
 * serial, issuer, validity, key usage).
 */
import { createHash } from 'node:crypto';
import forge from 'node-forge';
import { x509 } from './x509.js';
import { SigningCredentialInvalid } from './errors.js';
import { Lru, digestOf } from './memo.js';

/** What signing needs: the private key and the certificate chain, leaf first. */
export interface SigningIdentity {
  privateKeyPkcs8: Buffer;
  certificate: Buffer;
  /** The other certificates of the file (intermediates, root), DER. */
  chain: Buffer[];
}

export interface CertificateInfo {
  subject: string;
  commonName: string;
  organisation: string | null;
  serial: string;
  issuer: string;
  notBefore: Date;
  notAfter: Date;
  /** digitalSignature or nonRepudiation is set (or the certificate has no key usage at all). */
  maySign: boolean;
  sha256: string;
}

type Pkcs12Kdf = typeof forge.pkcs12.generateKey;
const forgeKdf: Pkcs12Kdf = forge.pkcs12.generateKey;
const NODE_HASHES: Record<string, string> = { sha1: 'sha1', sha224: 'sha224', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512', md5: 'md5' };

/**
 * The PKCS#12 key derivation (RFC 7292 appendix B.2) with Node's hashes: node-forge does its
 * thousands of SHA-1 rounds in JavaScript, some 50 ms for each file opened (each signature). Same
 * inputs, same bytes out as forge's (test: pkcs12.test.ts); a hash Node does not name goes to forge.
 */
export const nativePkcs12Kdf: Pkcs12Kdf = (password, salt, id, iter, n, md) => {
  const hash = md ? NODE_HASHES[(md as { algorithm?: string }).algorithm ?? ''] : 'sha1';
  if (!hash || !(iter >= 1)) return forgeKdf(password, salt, id, iter, n, md);
  const u = md?.digestLength ?? 20;
  const v = md?.blockLength ?? 64;
  const pass = password === null || password === undefined ? Buffer.alloc(0) : Buffer.alloc(password.length * 2 + 2);
  for (let i = 0; password && i < password.length; i++) pass.writeUInt16BE(password.charCodeAt(i), i * 2);
  const saltBytes = Buffer.from(salt.bytes(), 'binary');
  const repeat = (b: Buffer, len: number) => {
    const out = Buffer.alloc(len);
    for (let i = 0; i < len; i++) out[i] = b[i % b.length]!;
    return out;
  };
  const D = Buffer.alloc(v, id);
  const I = Buffer.concat([repeat(saltBytes, v * Math.ceil(saltBytes.length / v)), repeat(pass, v * Math.ceil(pass.length / v))]);
  const c = Math.ceil(n / u);
  const out: Buffer[] = [];
  for (let i = 1; i <= c; i++) {
    let a = createHash(hash).update(D).update(I).digest();
    for (let r = 1; r < iter; r++) a = createHash(hash).update(a).digest();
    out.push(a);
    if (i < c) {
      // I_j = (I_j + B + 1) mod 2^(v·8), B being A_i repeated to v bytes.
      const b = repeat(a, v);
      for (let j = 0; j < I.length; j += v) {
        let carry = 1;
        for (let k = v - 1; k >= 0; k--) {
          const x = I[j + k]! + b[k]! + carry;
          I[j + k] = x & 0xff;
          carry = x >> 8;
        }
      }
    }
  }
  return forge.util.createBuffer(Buffer.concat(out).subarray(0, n).toString('binary'));
};

// Opening a PKCS#12 file (its MAC and its 3DES/RC2 bags) derives keys through these two names.
forge.pkcs12.generateKey = nativePkcs12Kdf;
(forge.pki as unknown as { pbe: { generatePkcs12Key: Pkcs12Kdf } }).pbe.generatePkcs12Key = nativePkcs12Kdf;
export { forgeKdf as forgePkcs12Kdf };

const der = (cert: forge.pki.Certificate) => Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');

/** Open a PKCS#12 file; a wrong password, a file that is not PKCS#12 or one without a key is refused in Vietnamese. */
export function openPkcs12(file: Buffer, password: string): SigningIdentity {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(file.toString('binary')), false);
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
  } catch (e) {
    const text = e instanceof Error ? e.message : '';
    if (/mac could not be verified|invalid password/iu.test(text)) throw new SigningCredentialInvalid('Mật khẩu của tệp chứng thư số (PKCS#12) không đúng.');
    if (/OID is not RSA/iu.test(text)) throw new SigningCredentialInvalid('Chứng thư số dùng khóa không phải RSA; hệ thống hiện chỉ ký bằng khóa RSA.');
    throw new SigningCredentialInvalid('Tệp không phải tệp chứng thư số PKCS#12 (.p12, .pfx) hợp lệ.');
  }
  const bags = (type: string | undefined): forge.pkcs12.Bag[] => (type ? (p12.getBags({ bagType: type })[type] ?? []) : []);
  const keyBags = [...bags(forge.pki.oids.pkcs8ShroudedKeyBag), ...bags(forge.pki.oids.keyBag)];
  const key = keyBags.find((b) => b.key)?.key;
  if (!key) throw new SigningCredentialInvalid('Tệp PKCS#12 không chứa khóa bí mật để ký.');
  const certs = bags(forge.pki.oids.certBag).flatMap((b) => (b.cert ? [b.cert] : []));
  const leaf = certs.find((c) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return pub.n.compareTo(key.n) === 0 && pub.e.compareTo(key.e) === 0;
  });
  if (!leaf) throw new SigningCredentialInvalid('Tệp PKCS#12 không có chứng thư số khớp với khóa bí mật.');
  const pkcs8 = forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(key));
  return {
    privateKeyPkcs8: Buffer.from(forge.asn1.toDer(pkcs8).getBytes(), 'binary'),
    certificate: der(leaf),
    chain: certs.filter((c) => c !== leaf).map(der),
  };
}

const SIGN_USAGE = x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation;

const described = new Lru<CertificateInfo>(512);

/** A certificate's description (parsed once per certificate; a copy each time). */
export function describeCertificate(certDer: Buffer | Uint8Array): CertificateInfo {
  return { ...described.getOrMake(digestOf(certDer), () => describe(certDer)) };
}

function describe(certDer: Buffer | Uint8Array): CertificateInfo {
  const cert = new x509.X509Certificate(new Uint8Array(certDer));
  const usage = cert.getExtension(x509.KeyUsagesExtension);
  return {
    subject: cert.subject,
    commonName: cert.subjectName.getField('CN')[0] ?? cert.subject,
    organisation: cert.subjectName.getField('O')[0] ?? null,
    serial: cert.serialNumber.toUpperCase(),
    issuer: cert.issuerName.getField('CN')[0] ?? cert.issuer,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    maySign: usage === null || (usage.usages & SIGN_USAGE) !== 0,
    sha256: createHash('sha256').update(certDer).digest('hex'),
  };
}

/**
 * CMS (PKCS#7) detached signatures over the bytes a PDF signature covers, as PAdES baseline B asks:
 * content-type, message-digest and the ESS signing-certificate-v2 attributes, SHA-256 with RSA; the
 * claimed signing time goes into the PDF's /M entry (and, for readers that look for it, the
 * signing-time attribute).
 *
 * A `CmsSigner` is anything that turns those bytes into a CMS signature: the PKCS#12 adapter here,
 * the remote-signing HTTP adapter (`remote-signer.ts`) or a USB-token tool that returns the signed PDF.
 */
import { createHash, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { SigningIdentity } from './pkcs12.js';
import { Lru, digestOf } from './memo.js';

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
} as const;

const engine = new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto });
pkijs.setEngine('node', engine);

export interface CmsSigner {
  /** The signer's certificate (DER), checked before anything is signed. */
  readonly certificate: Buffer;
  /** The certificates sent with the signature (intermediates), DER. */
  readonly chain: readonly Buffer[];
  sign(content: Buffer, signingTime: Date): Promise<Buffer>;
}

/** Certificates parsed once (by their bytes); pkijs objects are only read by the signing code. */
const parsedCertificates = new Lru<pkijs.Certificate>(512);
const derOfCertificate = new WeakMap<pkijs.Certificate, Buffer>();

export function certOf(der: Buffer): pkijs.Certificate {
  const c = parsedCertificates.getOrMake(digestOf(der), () => pkijs.Certificate.fromBER(new Uint8Array(der)));
  if (!derOfCertificate.has(c)) derOfCertificate.set(c, Buffer.from(der));
  return c;
}

/** The DER of a certificate (its bytes as parsed, or encoded once). */
export function derOf(c: pkijs.Certificate): Buffer {
  let der = derOfCertificate.get(c);
  if (!der) {
    der = Buffer.from(c.toSchema().toBER(false));
    derOfCertificate.set(c, der);
  }
  return der;
}

/** The PKCS#12 adapter: signs with a key held by the server (opened from the stored, encrypted file). */
export function pkcs12Signer(identity: SigningIdentity): CmsSigner {
  let key: Promise<CryptoKey> | undefined;
  return {
    certificate: identity.certificate,
    chain: identity.chain,
    async sign(content, signingTime) {
      // Imported once per signer (a batch signs many documents with it).
      key ??= webcrypto.subtle.importKey('pkcs8', new Uint8Array(identity.privateKeyPkcs8), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
      const signingKey = await key;
      return createCms(content, signingTime, identity.certificate, identity.chain, (toBeSigned) =>
        webcrypto.subtle.sign('RSASSA-PKCS1-v1_5', signingKey, new Uint8Array(toBeSigned)).then((s) => Buffer.from(s)),
      );
    },
  };
}

/**
 * Build the CMS. `rawSign` signs the DER of the signed attributes (what a hash-signing token or
 * provider does); the rest of the structure is made here.
 */
export async function createCms(
  content: Buffer,
  signingTime: Date,
  certificate: Buffer,
  chain: readonly Buffer[],
  rawSign: (toBeSigned: Buffer) => Promise<Buffer>,
): Promise<Buffer> {
  const leaf = certOf(certificate);
  const digest = createHash('sha256').update(content).digest();
  const certHash = createHash('sha256').update(certificate).digest();
  const signingCertificateV2 = new asn1js.Sequence({
    value: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: new Uint8Array(certHash) })] })] })],
  });
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: [
      new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
      new pkijs.Attribute({ type: OID.signingTime, values: [new asn1js.UTCTime({ valueDate: signingTime })] }),
      new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: new Uint8Array(digest) })] }),
      new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2] }),
    ],
  });
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: leaf.issuer, serialNumber: leaf.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: '1.2.840.113549.1.1.11', algorithmParams: new asn1js.Null() }),
    signedAttrs,
  });
  // What is signed is the DER of the attributes as a SET (tag 0x31), not the [0] IMPLICIT form.
  const attrsDer = Buffer.from(signedAttrs.toSchema().toBER(false));
  attrsDer[0] = 0x31;
  signerInfo.signature = new asn1js.OctetString({ valueHex: new Uint8Array(await rawSign(attrsDer)) });
  const signed = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    signerInfos: [signerInfo],
    certificates: [leaf, ...chain.map((d) => certOf(d))],
  });
  const info = new pkijs.ContentInfo({ contentType: OID.signedData, content: signed.toSchema(true) });
  return Buffer.from(info.toSchema().toBER(false));
}

export { OID as CMS_OID };

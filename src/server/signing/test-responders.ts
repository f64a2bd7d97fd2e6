/**
 * Servers on 127.0.0.1 for the tests only: a CRL and an OCSP responder answering for the test CA
 * (test-ca.ts; the intermediate signs the responses), and a fake remote-signing provider speaking
 * the protocol of remote-signer.ts (docs/signing-provider.md) with a key of the test CA.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { constants, createPrivateKey, privateEncrypt, webcrypto } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { openPkcs12 } from './pkcs12.js';
import { DIGEST_INFO_SHA256 } from './remote-signer.js';
import type { TestCa, TestEndEntity } from './test-ca.js';

async function listen(handler: (req: IncomingMessage, body: Buffer, res: ServerResponse) => Promise<void>): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      handler(req, Buffer.concat(chunks), res).catch((e: unknown) => {
        res.statusCode = 500;
        res.end(String(e));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

export interface RevocationServer {
  crlUrl: string;
  ocspUrl: string;
  /** The CA it answers for (set after the CA is made when the CA's certificates carry these URLs). */
  use(ca: TestCa): void;
  /** 'forged': OCSP responses signed by a key that is not the CA's. */
  mode: 'normal' | 'forged';
  /** Leave the responder's certificate out of the responses. */
  bare: boolean;
  /** How many OCSP requests and CRL downloads it served. */
  hits: { ocsp: number; crl: number };
  close(): Promise<void>;
}

/** A CRL at /crl and an OCSP responder at /ocsp answering "revoked" for the CA's revoked certificate, "good" for the others. */
export async function startRevocationServer(now: () => Date): Promise<RevocationServer> {
  let ca: TestCa | undefined;
  let forgedKey: CryptoKey | undefined;
  const state: RevocationServer = {
    crlUrl: '',
    ocspUrl: '',
    use: (c) => {
      ca = c;
    },
    mode: 'normal',
    bare: false,
    hits: { ocsp: 0, crl: 0 },
    close: async () => close(server),
  };
  const { server, base } = await listen(async (req, body, res) => {
    if (!ca) throw new Error('no CA yet');
    if (req.url === '/crl') {
      state.hits.crl++;
      res.setHeader('content-type', 'application/pkix-crl');
      res.end(ca.crl);
      return;
    }
    if (req.url !== '/ocsp' || req.method !== 'POST') {
      res.statusCode = 404;
      res.end();
      return;
    }
    state.hits.ocsp++;
    const request = pkijs.OCSPRequest.fromBER(new Uint8Array(body));
    const issuer = pkijs.Certificate.fromBER(new Uint8Array(ca.intermediate));
    const at = now();
    const responses: pkijs.SingleResponse[] = [];
    for (const r of request.tbsRequest.requestList) {
      const serial = Buffer.from(r.reqCert.serialNumber.valueBlock.valueHexView).toString('hex').replace(/^0+/u, '').toUpperCase().padStart(2, '0');
      const certStatus =
        serial === ca.revoked.serial
          ? new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 1 }, value: [new asn1js.GeneralizedTime({ valueDate: ca.revokedAt })] })
          : new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 } });
      responses.push(
        new pkijs.SingleResponse({
          certID: r.reqCert,
          certStatus,
          thisUpdate: new Date(at.getTime() - 3_600_000),
          nextUpdate: new Date(at.getTime() + 86_400_000),
        }),
      );
    }
    const basic = new pkijs.BasicOCSPResponse({
      tbsResponseData: new pkijs.ResponseData({
        responderID: issuer.subject,
        producedAt: at,
        responses,
        ...(request.tbsRequest.requestExtensions ? { responseExtensions: request.tbsRequest.requestExtensions } : {}),
      }),
      // Most responders send their certificate; 'bare' leaves it out, as RFC 6960 allows the CA itself to.
      ...(state.bare ? {} : { certs: [issuer] }),
    });
    if (state.mode === 'forged') {
      forgedKey ??= (
        await webcrypto.subtle.generateKey(
          { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 },
          true,
          ['sign', 'verify'],
        )
      ).privateKey;
      await basic.sign(forgedKey, 'SHA-256');
    } else await basic.sign(ca.intermediateKey, 'SHA-256');
    const response = new pkijs.OCSPResponse({
      responseStatus: new asn1js.Enumerated({ value: 0 }),
      responseBytes: new pkijs.ResponseBytes({
        responseType: '1.3.6.1.5.5.7.48.1.1',
        response: new asn1js.OctetString({ valueHex: basic.toSchema().toBER(false) }),
      }),
    });
    res.setHeader('content-type', 'application/ocsp-response');
    res.end(Buffer.from(response.toSchema().toBER(false)));
  });
  state.crlUrl = `${base}/crl`;
  state.ocspUrl = `${base}/ocsp`;
  return state;
}

export interface FakeProvider {
  url: string;
  apiKey: string;
  /** The key it signs with (by default the credential's own; another one to test a wrong signature). */
  signWith: TestEndEntity;
  /** What it received, for the tests to check the protocol. */
  requests: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

/** A remote-signing provider: POST JSON {keyId, algorithm, digest, …} with a bearer key → {signature}. */
export async function startFakeProvider(signWith: TestEndEntity, apiKey = 'khoa-api-thu-nghiem'): Promise<FakeProvider> {
  const state: FakeProvider = { url: '', apiKey, signWith, requests: [], close: async () => close(server) };
  const { server, base } = await listen(async (req, body, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.headers.authorization !== `Bearer ${state.apiKey}`) {
      res.statusCode = 401;
      res.end(JSON.stringify({ error: 'unauthorized', message: 'Sai khóa API' }));
      return;
    }
    const json = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    state.requests.push(json);
    const digest = Buffer.from(String(json.digest), 'base64');
    const id = openPkcs12(state.signWith.p12, state.signWith.password);
    const key = createPrivateKey({ key: id.privateKeyPkcs8, format: 'der', type: 'pkcs8' });
    // RSASSA-PKCS1-v1_5 over a digest the provider did not compute: the DigestInfo, padded and raised to the private exponent.
    const signature = privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([DIGEST_INFO_SHA256, digest]));
    res.end(JSON.stringify({ signature: signature.toString('base64') }));
  });
  state.url = `${base}/sign`;
  return state;
}

/**
 * Digital signing use cases: the admin registers signers' certificates and the trust store; the
 * competent person and then the agency sign a decision (PKCS#12 held by the server, or a USB token
 * tool through a one-time request); every signature is logged with its certificate and address.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { CommandContext } from './run.js';
import { badRequest, forbidden, notFound } from '../errors.js';
import { now } from '../clock.js';
import { findVisiblePerson } from '../repositories/people.js';
import { findVisibleUnit } from '../repositories/units.js';
import { findVisibleDecision, type DecisionMeta } from '../repositories/decisions.js';
import {
  deleteVisibleTrustEntry,
  findVisibleCredential,
  insertCredential,
  insertSignature,
  insertSigningRequest,
  insertTrustEntry,
  trustEntriesGoverning,
  unitPathOf,
  markSigningRequest,
  saveSignedDocument,
  saveSigningPolicy,
  signedDocumentOf,
  signedPdfsOf,
  signStatesOf,
  unsafeFindOpenSigningRequest,
  unsafeRequesterOf,
  updateCredential,
  type CredentialRow,
  type SigningRequestRow,
} from '../repositories/signing.js';
import type { Executor } from '../db/client.js';
import type { Actor } from '../auth/actor.js';
import { parseRole } from '../policies/account.js';
import {
  assertCertificatesSignable,
  assertCopySignable,
  assertCredentialFits,
  assertDecisionSignable,
  maySetSigningPolicy,
  sealsFor,
  SignatureNotAllowed,
  type SignState,
} from '../policies/signature.js';
import { remoteCredentialColumns, signerFor, type RemoteProviderInput, type SignedVia } from '../signing/signers.js';
import { CertificateNotUsable, SignatureRejected } from '../signing/errors.js';
import { appearanceFor, findSignerBlock, isoVn } from '../signing/layout.js';
import { describeCertificate, openPkcs12, type CertificateInfo } from '../signing/pkcs12.js';
import { sealSecret } from '../signing/secret-box.js';
import { acceptSigned, assertMaySign, prepareForSigning, signPdf, signWithChecked, unsignedOriginal, type FieldRequest } from '../signing/sign.js';
import type { TrustStore } from '../signing/verify.js';
import { trustStoreFrom } from '../signing/trust-store.js';
import { x509 } from '../signing/x509.js';
import { signaturesIn } from '../signing/verify.js';
import { issueSignedDecision } from './decisions.js';
import { activeCertificatesOfDecision, type CertificateRow } from '../repositories/certificates.js';

const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
/** How long a token tool has to fetch and return a prepared decision. */
const EXTERNAL_MINUTES = 15;

/** The trust store that governs a unit (its own entries and those above it), as the verifier wants it. */

/**
 * A decision, its certificates and its copy are stamped with the issuing unit's own seal (or, when it
 * has none, the nearest unit's above it): a seal of another unit the actor can reach (a public service
 * unit below the Sở) is refused before anything is written.
 */
async function assertOwnSeal(tx: Executor, unitId: string, credential: { kind: string; unitId: string }, issuer: string): Promise<void> {
  if (credential.kind !== 'organisation') return;
  if (sealsFor(await unitPathOf(tx, unitId), [credential]).length === 0)
    throw new SignatureNotAllowed(`Chứng thư số này là của cơ quan khác: văn bản đóng dấu của ${issuer}.`);
}

export async function trustStoreOf(tx: Executor, unitId: string): Promise<TrustStore> {
  return trustStoreFrom(await trustEntriesGoverning(tx, await unitPathOf(tx, unitId)));
}

async function checkedPng(png: Buffer): Promise<void> {
  if (png.length > MAX_IMAGE_BYTES) throw badRequest('Hình ảnh chữ ký, con dấu không được lớn hơn 2 MB.');
  const meta = await sharp(png)
    .metadata()
    .catch(() => null);
  if (meta?.format !== 'png') throw badRequest('Hình ảnh chữ ký, con dấu phải là tệp PNG (nền trong suốt).');
  if (!meta.hasAlpha) throw badRequest('Hình ảnh chữ ký, con dấu phải có nền trong suốt (PNG có kênh alpha).');
}

/** PEM or DER in, DER out. */
function derOf(file: Buffer): Buffer {
  const text = file.subarray(0, 64).toString('latin1');
  if (!text.includes('-----BEGIN')) return file;
  const body = file
    .toString('latin1')
    .replace(/-----(BEGIN|END)[^-]+-----/gu, '')
    .replace(/\s+/gu, '');
  return Buffer.from(body, 'base64');
}

export interface CredentialInput {
  unitId: string;
  personId: string | null;
  kind: 'personal' | 'organisation';
  label: string;
  /** 'server': a PKCS#12 with its password; 'token': the certificate only (.cer); 'remote': the certificate and the provider. */
  custody: 'server' | 'token' | 'remote';
  /** A remote provider (custody 'remote'): its URL, the key's id there, the API key (stored sealed). */
  remote?: RemoteProviderInput;
  file: Buffer;
  password: string | null;
  image: Buffer | null;
  sealMm: number | null;
}

export async function addCredential(ctx: CommandContext, input: CredentialInput): Promise<CredentialRow> {
  if (!(await findVisibleUnit(ctx.tx, ctx.actor, input.unitId))) throw notFound('Không tìm thấy đơn vị.');
  if (input.kind === 'personal') {
    if (!input.personId) throw badRequest('Chứng thư số cá nhân cần chọn người ký.');
    if (!(await findVisiblePerson(ctx.tx, ctx.actor, input.personId))) throw notFound('Không tìm thấy người ký.');
  }
  const id = randomUUID();
  let certificate: Buffer;
  let sealedP12: Buffer | null = null;
  let sealedPassword: Buffer | null = null;
  if (input.custody === 'server') {
    const identity = openPkcs12(input.file, input.password ?? '');
    certificate = identity.certificate;
    sealedP12 = sealSecret(input.file, id);
    sealedPassword = sealSecret(Buffer.from(input.password ?? '', 'utf8'), id);
  } else {
    certificate = derOf(input.file);
    try {
      describeCertificate(certificate);
    } catch {
      throw badRequest('Tệp không phải chứng thư số (.cer, .crt, .pem) hợp lệ.');
    }
  }
  const info = describeCertificate(certificate);
  if (!info.maySign) throw new CertificateNotUsable('Chứng thư số không có mục đích sử dụng để ký (digitalSignature, nonRepudiation).');
  if (input.image) await checkedPng(input.image);
  const row = await insertCredential(ctx.tx, {
    id,
    unitId: input.unitId,
    personId: input.kind === 'personal' ? input.personId : null,
    kind: input.kind,
    label: input.label,
    commonName: info.commonName,
    organisation: info.organisation,
    serial: info.serial,
    issuer: info.issuer,
    notBefore: info.notBefore,
    notAfter: info.notAfter,
    certificate,
    custody: input.custody,
    sealedP12,
    sealedPassword,
    ...remoteCredentialColumns(input.custody, input.remote, id),
    image: input.image,
    sealMm: input.kind === 'organisation' ? (input.sealMm ?? 36) : null,
    createdBy: ctx.actor.accountId,
    createdAt: now(),
  });
  await ctx.audit({
    action: 'signing.credential_added',
    entityType: 'signing_credential',
    entityId: id,
    unitId: input.unitId,
    summary: `Thêm chứng thư số "${input.label}" (${info.commonName}, số hiệu ${info.serial}, cấp bởi ${info.issuer})`,
    after: { kind: input.kind, custody: input.custody, serial: info.serial, issuer: info.issuer, notAfter: info.notAfter },
  });
  return row;
}

export async function setCredentialImage(ctx: CommandContext, id: string, image: Buffer, sealMm: number | null): Promise<void> {
  const c = await findVisibleCredential(ctx.tx, ctx.actor, id);
  if (!c) throw notFound('Không tìm thấy chứng thư số.');
  await checkedPng(image);
  await updateCredential(ctx.tx, id, { image, ...(c.kind === 'organisation' && sealMm ? { sealMm } : {}) });
  await ctx.audit({
    action: 'signing.credential_image_set',
    entityType: 'signing_credential',
    entityId: id,
    unitId: c.unitId,
    summary: `Cập nhật hình ảnh của chứng thư số "${c.label}"`,
  });
}

export async function disableCredential(ctx: CommandContext, id: string): Promise<void> {
  const c = await findVisibleCredential(ctx.tx, ctx.actor, id);
  if (!c) throw notFound('Không tìm thấy chứng thư số.');
  if (c.disabledAt) return;
  await updateCredential(ctx.tx, id, { disabledAt: now() });
  await ctx.audit({
    action: 'signing.credential_disabled',
    entityType: 'signing_credential',
    entityId: id,
    unitId: c.unitId,
    summary: `Ngừng sử dụng chứng thư số "${c.label}"`,
  });
}

export async function addTrustEntry(ctx: CommandContext, input: { kind: 'anchor' | 'intermediate' | 'crl'; label: string; file: Buffer }) {
  // An agency's trust store is its own unit's: what the units below it verify against too.
  const der = derOf(input.file);
  let subject: string;
  try {
    subject = input.kind === 'crl' ? new x509.X509Crl(new Uint8Array(der)).issuer : new x509.X509Certificate(new Uint8Array(der)).subject;
  } catch {
    throw badRequest(
      input.kind === 'crl' ? 'Tệp không phải danh sách chứng thư số bị thu hồi (CRL) hợp lệ.' : 'Tệp không phải chứng thư số (.cer, .crt, .pem) hợp lệ.',
    );
  }
  const row = await insertTrustEntry(ctx.tx, {
    unitId: ctx.actor.unitId,
    kind: input.kind,
    label: input.label,
    subject,
    der,
    createdBy: ctx.actor.accountId,
    createdAt: now(),
  });
  await ctx.audit({
    action: 'signing.trust_added',
    entityType: 'trust_entry',
    entityId: row.id,
    unitId: ctx.actor.unitId,
    summary: `Thêm ${input.label} (${subject})`,
  });
  return row;
}

export async function removeTrustEntry(ctx: CommandContext, id: string): Promise<void> {
  const gone = await deleteVisibleTrustEntry(ctx.tx, ctx.actor, id);
  if (!gone) throw notFound('Không tìm thấy mục tin cậy.');
  await ctx.audit({
    action: 'signing.trust_removed',
    entityType: 'trust_entry',
    entityId: id,
    unitId: gone.unitId,
    summary: `Xóa ${gone.label} (${gone.subject})`,
  });
}

interface DecisionSignTarget {
  decision: DecisionMeta;
  state: SignState;
  base: Buffer;
  credential: CredentialRow;
  field: FieldRequest;
}

/** The decision, its state, the PDF the next signature goes on, and where the signature shows. */
async function signTarget(
  ctx: CommandContext,
  decisionId: string,
  type: 'approve' | 'issue',
  credentialId: string,
  renderPdf: (tx: Executor, d: DecisionMeta) => Promise<Buffer>,
  at: Date,
): Promise<DecisionSignTarget> {
  const decision = await findVisibleDecision(ctx.tx, ctx.actor, decisionId);
  if (!decision) throw notFound('Không tìm thấy quyết định.');
  const signed = await signedDocumentOf(ctx.tx, 'decision', decision.id);
  const state = (signed?.state ?? 'unsigned') as SignState;
  assertDecisionSignable(ctx.actor, decision, state, type);
  const credential = await findVisibleCredential(ctx.tx, ctx.actor, credentialId);
  if (!credential) throw notFound('Không tìm thấy chứng thư số.');
  assertCredentialFits(ctx.actor, credential, type);
  await assertOwnSeal(ctx.tx, decision.unitId, credential, decision.issuerName);
  // Rendered inside the transaction: on PGlite a query outside it would wait for it forever.
  const base = signed?.pdf ?? (await renderPdf(ctx.tx, decision));
  const look = await appearanceFor(base, {
    type,
    signerName: decision.signerName,
    signerTitle: decision.signerTitle,
    image: credential.image,
    sealMm: credential.sealMm ?? 36,
    lines: type === 'issue' ? [credential.organisation ?? decision.issuerName, isoVn(at)] : [],
  });
  const field: FieldRequest = {
    ...look,
    fieldName: type === 'approve' ? `Người có thẩm quyền ký ${decision.numberText}` : `Cơ quan ký ${decision.numberText}`,
    name: credential.commonName,
    reason: type === 'approve' ? `Ký ban hành Quyết định số ${decision.numberText}` : `Phát hành Quyết định số ${decision.numberText}`,
    location: decision.issuerName,
  };
  return { decision, state, base, credential, field };
}

async function recordSignature(
  ctx: CommandContext,
  t: Pick<DecisionSignTarget, 'decision' | 'credential'>,
  type: 'approve' | 'issue',
  pdf: Buffer,
  cert: CertificateInfo,
  via: SignedVia | 'token',
  at: Date,
): Promise<void> {
  const doc = await saveSignedDocument(ctx.tx, {
    entityType: 'decision',
    entityId: t.decision.id,
    unitId: t.decision.unitId,
    state: type === 'approve' ? 'approved' : 'issued',
    pdf,
    updatedAt: at,
  });
  await logSignature(ctx, doc.id, type, via, t.credential.id, cert, at);
  await ctx.audit({
    action: 'decision.signed',
    entityType: 'decision',
    entityId: t.decision.id,
    unitId: t.decision.unitId,
    summary: `${type === 'approve' ? 'Người có thẩm quyền ký số' : 'Cơ quan ký số phát hành'} Quyết định số ${t.decision.numberText}: ${cert.commonName}, chứng thư số ${cert.serial} do ${cert.issuer} cấp, từ địa chỉ ${ctx.actor.ip}`,
    after: { type, via, serial: cert.serial, issuer: cert.issuer, signedAt: at.toISOString(), ip: ctx.actor.ip },
  });
  // An agency that issues only signed decisions: its signature issues the decision.
  if (type === 'issue') await issueSignedDecision(ctx, t.decision.id);
}

/** Sign a decision with a credential the server holds (PKCS#12) or reaches (remote provider). */
export async function signDecision(
  ctx: CommandContext,
  decisionId: string,
  input: { type: 'approve' | 'issue'; credentialId: string },
  renderPdf: (tx: Executor, d: DecisionMeta) => Promise<Buffer>,
): Promise<void> {
  const at = now();
  const t = await signTarget(ctx, decisionId, input.type, input.credentialId, renderPdf, at);
  const { signer, via } = signerFor(t.credential, `Quyết định số ${t.decision.numberText}`);
  const trust = await trustStoreOf(ctx.tx, t.decision.unitId);
  const { pdf, certificate } = await signPdf(t.base, t.field, signer, trust, at);
  await recordSignature(ctx, t, input.type, pdf, certificate, via, at);
}

/** Logs one signature of a stored signed document: which certificate (serial, issuer), when, from which address, by whom. */
export async function logSignature(
  ctx: CommandContext,
  signedDocumentId: string,
  type: string,
  via: string,
  credentialId: string,
  cert: CertificateInfo,
  at: Date,
): Promise<void> {
  await insertSignature(ctx.tx, {
    signedDocumentId,
    type,
    via,
    credentialId,
    signerName: cert.commonName,
    organisation: cert.organisation,
    serial: cert.serial,
    issuer: cert.issuer,
    signedAt: at,
    ip: ctx.actor.ip,
    accountId: ctx.actor.accountId,
  });
}

const tokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * External signing, step one: the prepared PDF waits for the token tool, which fetches it once by
 * its one-time URL and uploads the signed file with the same token.
 */
export async function startExternalSigning(
  ctx: CommandContext,
  decisionId: string,
  input: { type: 'approve' | 'issue'; credentialId: string },
  renderPdf: (tx: Executor, d: DecisionMeta) => Promise<Buffer>,
): Promise<{ token: string; request: SigningRequestRow }> {
  const at = now();
  const t = await signTarget(ctx, decisionId, input.type, input.credentialId, renderPdf, at);
  await assertMaySign(t.credential.certificate, [], await trustStoreOf(ctx.tx, t.decision.unitId), at);
  const prepared = await prepareForSigning(t.base, t.field, at);
  const token = randomBytes(32).toString('base64url');
  const request = await insertSigningRequest(ctx.tx, {
    entityType: 'decision',
    entityId: t.decision.id,
    unitId: t.decision.unitId,
    type: input.type,
    credentialId: t.credential.id,
    tokenHash: tokenHash(token),
    preparedPdf: prepared.pdf,
    byteRange: prepared.byteRange,
    digest: prepared.digest,
    expiresAt: new Date(at.getTime() + EXTERNAL_MINUTES * 60_000),
    createdBy: ctx.actor.accountId,
    createdAt: at,
  });
  await ctx.audit({
    action: 'decision.external_signing_started',
    entityType: 'decision',
    entityId: t.decision.id,
    unitId: t.decision.unitId,
    summary: `Chuẩn bị Quyết định số ${t.decision.numberText} để ký bằng thiết bị ký (${t.credential.label})`,
  });
  return { token, request };
}

/** The actor behind a token: the account that started the request, from the tool's address. */
export async function actorOfSigningToken(tx: Executor, token: string, ip: string): Promise<Actor> {
  const r = await unsafeRequesterOf(tx, tokenHash(token), now());
  const role = r?.active ? parseRole(r.role) : undefined;
  if (!r || !role) throw notFound('Liên kết ký số không còn hiệu lực (đã dùng hoặc đã hết hạn).');
  return { accountId: r.accountId, username: r.username, displayName: r.displayName, role, unitId: r.unitId, unitPath: r.unitPath, personId: r.personId, ip };
}

/** The token tool fetches the prepared PDF: once. */
export async function fetchForExternalSigning(tx: Executor, token: string): Promise<Buffer> {
  const at = now();
  const req = await unsafeFindOpenSigningRequest(tx, tokenHash(token), at);
  if (!req || req.fetchedAt) throw notFound('Liên kết ký số không còn hiệu lực (đã dùng hoặc đã hết hạn).');
  await markSigningRequest(tx, req.id, { fetchedAt: at });
  return req.preparedPdf;
}

/**
 * The token tool returns the signed PDF. It is accepted only if it is the prepared file with the hole
 * filled — same bytes outside the signature — signed by the registered certificate, and it verifies.
 */
export async function completeExternalSigning(ctx: CommandContext, token: string, signed: Buffer): Promise<{ decisionId: string }> {
  const at = now();
  const req = await unsafeFindOpenSigningRequest(ctx.tx, tokenHash(token), at);
  if (!req) throw notFound('Liên kết ký số không còn hiệu lực (đã dùng hoặc đã hết hạn).');
  const [, b, c] = req.byteRange;
  const prepared = req.preparedPdf;
  if (signed.length !== prepared.length || !signed.subarray(0, b).equals(prepared.subarray(0, b)) || !signed.subarray(c).equals(prepared.subarray(c)))
    throw new SignatureRejected('Tệp trả về không phải văn bản đã chuẩn bị để ký (nội dung khác hoặc đã bị sửa).');
  const verification = await acceptSigned(signed, await trustStoreOf(ctx.tx, req.unitId), at);
  const last = verification.signatures[verification.signatures.length - 1]!;
  const decision = await findVisibleDecision(ctx.tx, ctx.actor, req.entityId);
  const credential = decision ? await findVisibleCredential(ctx.tx, ctx.actor, req.credentialId) : undefined;
  if (!decision || !credential) throw notFound('Không tìm thấy quyết định.');
  if (last.certificate?.sha256 !== describeCertificate(credential.certificate).sha256)
    throw new SignatureRejected('Văn bản được ký bằng chứng thư số khác với chứng thư số đã chọn.');
  await markSigningRequest(ctx.tx, req.id, { completedAt: at });
  await recordSignature(ctx, { decision, credential }, req.type as 'approve' | 'issue', signed, last.certificate, 'token', at);
  return { decisionId: decision.id };
}

/** The signer of a credential the server holds or reaches; a token's certificate cannot sign in a batch. */
function heldSigner(credential: CredentialRow, label: string) {
  if (credential.custody === 'token')
    throw badRequest('Chứng thư số này nằm trên thiết bị ký (USB token): ký hàng loạt và ký bản sao cần chứng thư số lưu trên máy chủ hoặc dịch vụ ký từ xa.');
  return signerFor(credential, label);
}

export interface CertificateSigningProgress {
  /** Signed by this call. */
  signed: number;
  /** Still waiting for this step after this call. */
  remaining: number;
  /** Certificates in force of the decision. */
  total: number;
}

/** How many certificates one call signs at most: the client calls again until none remain. */
export const CERTIFICATE_BATCH_MAX = 200;

/**
 * Sign the decision's Giấy khen, Bằng khen in batches: the competent person's signature on those not
 * signed yet (`approve`), or the agency's on those the person signed (`issue`). The certificate is
 * checked once, the signer block found once (every certificate of a decision shares its layout).
 */
export async function signDecisionCertificates(
  ctx: CommandContext,
  decisionId: string,
  input: { type: 'approve' | 'issue'; credentialId: string; limit: number },
  renderOne: (c: CertificateRow) => Promise<Buffer>,
): Promise<CertificateSigningProgress> {
  const at = now();
  const decision = await findVisibleDecision(ctx.tx, ctx.actor, decisionId);
  if (!decision) throw notFound('Không tìm thấy quyết định.');
  assertCertificatesSignable(ctx.actor, decision, input.type);
  const credential = await findVisibleCredential(ctx.tx, ctx.actor, input.credentialId);
  if (!credential) throw notFound('Không tìm thấy chứng thư số.');
  assertCredentialFits(ctx.actor, credential, input.type);
  await assertOwnSeal(ctx.tx, decision.unitId, credential, decision.issuerName);
  const all = await activeCertificatesOfDecision(ctx.tx, decision.id);
  if (!all.length) throw badRequest('Quyết định chưa có Giấy khen, Bằng khen trong sổ vàng: hãy "Vào sổ vàng" trước khi ký.');
  const states = await signStatesOf(
    ctx.tx,
    'certificate',
    all.map((c) => c.id),
  );
  const from = input.type === 'approve' ? undefined : 'approved';
  const waiting = all.filter((c) => states.get(c.id) === from);
  const batch = waiting.slice(0, Math.min(Math.max(1, input.limit), CERTIFICATE_BATCH_MAX));
  if (!batch.length) {
    if (input.type === 'issue' && all.some((c) => !states.has(c.id)))
      throw badRequest('Người có thẩm quyền cần ký số Giấy khen, Bằng khen trước khi ký số của cơ quan.');
    return { signed: 0, remaining: 0, total: all.length };
  }
  const { signer, via } = heldSigner(credential, `Giấy khen, Bằng khen của Quyết định số ${decision.numberText}`);
  const trust = await trustStoreOf(ctx.tx, decision.unitId);
  const cert = await assertMaySign(signer.certificate, signer.chain, trust, at);
  const earlier =
    input.type === 'issue'
      ? await signedPdfsOf(
          ctx.tx,
          'certificate',
          batch.map((c) => c.id),
        )
      : new Map<string, Buffer>();
  let block: Awaited<ReturnType<typeof findSignerBlock>> = null;
  for (const c of batch) {
    const base = earlier.get(c.id) ?? (await renderOne(c));
    block ??= await findSignerBlock(base, c.signerName, c.signerTitle);
    if (!block) throw new SignatureRejected(`Không tìm thấy khối chữ ký của "${c.signerName}" trên Giấy khen để đặt chữ ký số.`);
    const look = await appearanceFor(base, {
      type: input.type,
      signerName: c.signerName,
      image: credential.image,
      sealMm: credential.sealMm ?? 36,
      lines: input.type === 'issue' ? [credential.organisation ?? c.issuerName, isoVn(at)] : [],
      block,
    });
    const { pdf } = await signWithChecked(
      base,
      {
        ...look,
        fieldName: `${input.type === 'approve' ? 'Người có thẩm quyền ký' : 'Cơ quan ký'} ${c.number}/${c.year}`,
        name: cert.commonName,
        reason: `${input.type === 'approve' ? 'Ký' : 'Phát hành'} Giấy khen, Bằng khen số ${c.number}/${c.year} theo Quyết định số ${decision.numberText}`,
        location: decision.issuerName,
      },
      signer,
      trust,
      at,
    );
    const doc = await saveSignedDocument(ctx.tx, {
      entityType: 'certificate',
      entityId: c.id,
      unitId: c.unitId,
      state: input.type === 'approve' ? 'approved' : 'issued',
      pdf,
      updatedAt: at,
    });
    await logSignature(ctx, doc.id, input.type, via, credential.id, cert, at);
  }
  const first = batch[0]!;
  const last = batch[batch.length - 1]!;
  await ctx.audit({
    action: 'certificate.signed',
    entityType: 'decision',
    entityId: decision.id,
    unitId: decision.unitId,
    summary: `${input.type === 'approve' ? 'Người có thẩm quyền ký số' : 'Cơ quan ký số phát hành'} ${batch.length} Giấy khen, Bằng khen (số ${first.number}/${first.year}${batch.length > 1 ? ` đến ${last.number}/${last.year}` : ''}) của Quyết định số ${decision.numberText}: ${cert.commonName}, chứng thư số ${cert.serial} do ${cert.issuer} cấp, từ địa chỉ ${ctx.actor.ip}`,
    after: { type: input.type, count: batch.length, serial: cert.serial, issuer: cert.issuer, signedAt: at.toISOString(), ip: ctx.actor.ip },
  });
  return { signed: batch.length, remaining: waiting.length - batch.length, total: all.length };
}

/** Forms of an electronic copy (NĐ 30/2020 Art 25): what the copy signature says it is. */
export const COPY_FORMS = { SAO_Y: 'SAO Y', TRICH_SAO: 'TRÍCH SAO', SAO_LUC: 'SAO LỤC' } as const;

/**
 * The agency's electronic copy of a decision it signed and issued: the original document (the bytes
 * before its first signature), with the agency's copy signature at the top right of the first page,
 * no image (Phụ lục I).
 */
export async function signDecisionCopy(ctx: CommandContext, decisionId: string, input: { credentialId: string; form: keyof typeof COPY_FORMS }): Promise<void> {
  const at = now();
  const decision = await findVisibleDecision(ctx.tx, ctx.actor, decisionId);
  if (!decision) throw notFound('Không tìm thấy quyết định.');
  const signed = await signedDocumentOf(ctx.tx, 'decision', decision.id);
  assertCopySignable(ctx.actor, (signed?.state ?? 'unsigned') as SignState);
  const credential = await findVisibleCredential(ctx.tx, ctx.actor, input.credentialId);
  if (!credential) throw notFound('Không tìm thấy chứng thư số.');
  assertCredentialFits(ctx.actor, credential, 'issue');
  await assertOwnSeal(ctx.tx, decision.unitId, credential, decision.issuerName);
  const first = signaturesIn(signed!.pdf)[0];
  if (!first) throw new SignatureRejected('Văn bản đã ký không còn chữ ký số.');
  const original = unsignedOriginal(signed!.pdf, first.byteRange);
  const agency = credential.organisation ?? decision.issuerName;
  const look = await appearanceFor(original, {
    type: 'copy',
    signerName: decision.signerName,
    image: null,
    lines: [COPY_FORMS[input.form], agency, isoVn(at)],
  });
  const { signer, via } = heldSigner(credential, `Bản sao Quyết định số ${decision.numberText}`);
  const { pdf, certificate } = await signPdf(
    original,
    {
      ...look,
      fieldName: `Bản sao ${decision.numberText}`,
      name: agency,
      reason: `${COPY_FORMS[input.form]} Quyết định số ${decision.numberText}`,
      location: decision.issuerName,
    },
    signer,
    await trustStoreOf(ctx.tx, decision.unitId),
    at,
  );
  const doc = await saveSignedDocument(ctx.tx, {
    entityType: 'decision_copy',
    entityId: decision.id,
    unitId: decision.unitId,
    state: 'copy',
    pdf,
    updatedAt: at,
  });
  await logSignature(ctx, doc.id, 'copy', via, credential.id, certificate, at);
  await ctx.audit({
    action: 'decision.copy_signed',
    entityType: 'decision',
    entityId: decision.id,
    unitId: decision.unitId,
    summary: `Ký số bản sao điện tử (${COPY_FORMS[input.form]}) Quyết định số ${decision.numberText}: chứng thư số ${certificate.serial} do ${certificate.issuer} cấp, từ địa chỉ ${ctx.actor.ip}`,
  });
}

/** The agency's rule: its decisions are issued only once signed (or issued on recording). */
export async function setSigningPolicy(ctx: CommandContext, unitId: string, requireSignature: boolean): Promise<void> {
  if (!maySetSigningPolicy(ctx.actor)) throw forbidden();
  const unit = await findVisibleUnit(ctx.tx, ctx.actor, unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị.');
  await saveSigningPolicy(ctx.tx, { unitId, requireSignature, updatedBy: ctx.actor.accountId, updatedAt: now() });
  await ctx.audit({
    action: 'signing.policy_set',
    entityType: 'unit',
    entityId: unitId,
    unitId,
    summary: requireSignature
      ? `${unit.name}: quyết định khen thưởng chỉ phát hành khi đã ký số`
      : `${unit.name}: quyết định khen thưởng phát hành khi ghi vào sổ (không bắt buộc ký số)`,
    after: { requireSignature },
  });
}

/**
 * Sổ vàng: registering Giấy khen / Bằng khen with a register number (per issuing unit and year,
 * no gaps: the counter row is locked FOR UPDATE in the caller's transaction) and a random public
 * code for the QR verification page.
 */
import { randomBytes } from 'node:crypto';
import type { Executor } from '../db/client.js';
import { holdingPetitionsOfDecision } from '../repositories/petitions.js';
import type { CommandContext } from './run.js';
import { findVisibleDecision } from '../repositories/decisions.js';
import {
  awardeesForCertificates,
  certificatesOfDecision,
  findCalibration,
  insertCertificate,
  lockVisibleCertificate,
  markCertificateRevoked,
  nextCertificateNumber,
  revokeCertificatesOfDecision,
  saveCalibrationRow,
  unitChainNames,
  unsafeLockDecision,
  type CertificateRow,
} from '../repositories/certificates.js';
import { badRequest, conflict, domainError, forbidden, notFound } from '../errors.js';
import { now } from '../clock.js';
import { can } from '../policies/abilities.js';
import { mayCertificate } from '../policies/certificate.js';
import { mayDecision } from '../policies/decision.js';
import { mayCalibrate } from '../policies/template.js';
import { HONOR_INFO, HONORS, type Honor } from '../../shared/codes.js';
import { formatDateVi } from '../../shared/format-vi.js';
import { normalizeName } from '../../shared/vietnamese.js';
import { validateCalibration, type CertificateCalibration, type CertificateData } from '../documents/index.js';

export type { CertificateRow };

/** The certificate was revoked already. */
export const CertificateAlreadyRevoked = domainError('CertificateAlreadyRevoked', 'conflict', 'certificate_already_revoked');
/** No certificate can be registered for this decision (a higher authority's, revoked, or nobody left on it). */
export const CertificatesNotIssuable = domainError('CertificatesNotIssuable', 'conflict', 'certificates_not_issuable');

/** Data of one certificate to register (what gets printed and what the public page shows). */
export interface CertificateInput {
  /** Issuing unit: its register numbers the certificate. */
  unitId: string;
  honor: Honor;
  recipientName: string;
  recipientDetail?: string | null | undefined;
  achievement?: string | null | undefined;
  decisionNumber: string;
  decisionDate: string;
  issuerName: string;
  /** Authority line printed at the top ("GIÁM ĐỐC SỞ …"); default: the issuer's name in capitals. */
  issuerTitle?: string | null | undefined;
  signerTitle: string;
  signerName: string;
  place?: string | null | undefined;
  decisionId?: string | null | undefined;
  awardeeId?: string | null | undefined;
  issuedBy?: string | null | undefined;
  /** Truy tặng: printed "TRUY TẶNG" instead of "TẶNG". */
  posthumous?: boolean | undefined;
}

// Crockford-style alphabet without 0/O, 1/I/L, U: codes are read aloud and typed from paper.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A random 10-character public code (≈ 49 bits): not guessable, short enough to type. */
export function newPublicCode(): string {
  const bytes = randomBytes(10);
  let s = '';
  for (const b of bytes) s += ALPHABET[b % ALPHABET.length];
  return s;
}

/** "12/2026": the register number as printed. */
export function registerNumberText(c: Pick<CertificateRow, 'number' | 'year'>): string {
  return `${c.number}/${c.year}`;
}

/** The public verification address a certificate's QR code carries. */
export function verificationUrl(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/xac-minh/${code}`;
}

/**
 * Registers one certificate in the issuing unit's sổ vàng, inside the caller's transaction: the
 * number is taken from the locked counter (rolled back with everything else on failure).
 */
export async function registerCertificate(tx: Executor, input: CertificateInput): Promise<CertificateRow> {
  if (!HONORS.includes(input.honor)) throw badRequest('Hình thức khen thưởng không hợp lệ.');
  const year = Number(input.decisionDate.slice(0, 4));
  const number = await nextCertificateNumber(tx, input.unitId, year);
  const issuerName = input.issuerName.trim().normalize('NFC');
  return insertCertificate(tx, {
    unitId: input.unitId,
    year,
    number,
    code: newPublicCode(),
    honor: input.honor,
    honorLabel: HONOR_INFO[input.honor].label,
    recipientName: normalizeName(input.recipientName),
    recipientDetail: input.recipientDetail?.trim().normalize('NFC') || null,
    achievement: input.achievement?.trim().normalize('NFC') ?? '',
    decisionId: input.decisionId ?? null,
    awardeeId: input.awardeeId ?? null,
    decisionNumber: input.decisionNumber.trim().normalize('NFC'),
    decisionDate: input.decisionDate,
    issuerName,
    issuerTitle: (input.issuerTitle?.trim() || issuerName.toLocaleUpperCase('vi')).normalize('NFC'),
    signerTitle: input.signerTitle.trim().normalize('NFC'),
    signerName: normalizeName(input.signerName),
    place: input.place?.trim().normalize('NFC') ?? '',
    issuedBy: input.issuedBy ?? null,
    posthumous: input.posthumous ?? false,
  });
}

/** The place line of a unit's documents: the province named at the end of its name or an ancestor's. */
async function placeOf(tx: Executor, unitId: string): Promise<string> {
  for (const name of await unitChainNames(tx, unitId)) {
    const m = /(?:tỉnh|thành phố)\s+(.+)$/iu.exec(name);
    if (m?.[1]) return m[1];
  }
  return '';
}

/**
 * The authority line heading a certificate: the signer's authority ("KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC" → "GIÁM ĐỐC")
 * followed by the issuer's name in capitals. Words the title already ends with and the name starts with are
 * printed once ("GIÁM ĐỐC SỞ" + "Sở Khoa học và Công nghệ" → "GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ"), and a title
 * that already names the issuer is kept as it is.
 */
export function authorityLine(signerTitle: string, issuerName: string): string {
  const first = signerTitle.split('\n')[0] ?? signerTitle;
  const authority = first
    .replace(/^(KT|TM|Q|TL|TUQ)\.\s*/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleUpperCase('vi');
  const name = issuerName.replace(/\s+/g, ' ').trim().toLocaleUpperCase('vi');
  if (!name) return authority;
  if (!authority) return name;
  if (authority.endsWith(name)) return authority;
  const a = authority.split(' ');
  const n = name.split(' ');
  for (let k = Math.min(a.length, n.length); k > 0; k--) {
    if (a.slice(-k).join(' ') === n.slice(0, k).join(' ')) return [...a, ...n.slice(k)].join(' ');
  }
  return `${authority} ${name}`;
}

export interface DecisionCertificates {
  created: number;
  reused: number;
  certificates: CertificateRow[];
}

/**
 * Registers a certificate for every awardee of an issued decision of the actor's scope. Idempotent:
 * awardees who already have one keep it (same number, same code).
 */
export async function issueCertificatesForDecision(ctx: CommandContext, decisionId: string): Promise<DecisionCertificates> {
  const visible = await findVisibleDecision(ctx.tx, ctx.actor, decisionId);
  if (!visible) throw notFound('Không tìm thấy quyết định.');
  if (!can(ctx.actor.role, 'certificate', 'issue')) throw forbidden();
  // Lock the decision: two concurrent calls must not both register the same awardees.
  const d = await unsafeLockDecision(ctx.tx, decisionId);
  if (!d) throw notFound('Không tìm thấy quyết định.');
  if (!mayDecision(ctx.actor, d, 'issueCertificates')) {
    throw new CertificatesNotIssuable(
      d.kind !== 'internal'
        ? 'Đây là quyết định của cấp trên: Giấy khen, Bằng khen do cơ quan ban hành quyết định cấp và vào sổ.'
        : d.status === 'signing'
          ? 'Quyết định chưa được ký số phát hành: Giấy khen, Bằng khen vào sổ sau khi cơ quan ký số.'
          : 'Quyết định đã bị hủy bỏ: không cấp Giấy khen, Bằng khen.',
    );
  }
  // A complaint or denunciation about the decision holds its execution until answered (petitions).
  const holds = await holdingPetitionsOfDecision(ctx.tx, decisionId);
  if (holds.length) throw new CertificatesNotIssuable(`Quyết định đang tạm dừng thi hành: còn ${holds.length} đơn khiếu nại, tố cáo chưa được trả lời.`);
  const awardees = await awardeesForCertificates(ctx.tx, decisionId);
  const active = awardees.filter((a) => !a.awardee.revoked);
  if (!active.length) throw new CertificatesNotIssuable('Quyết định không còn người/tập thể nào được khen thưởng.');
  const existing = await certificatesOfDecision(ctx.tx, decisionId);
  const byAwardee = new Map(existing.filter((c) => c.awardeeId).map((c) => [c.awardeeId!, c]));
  const place = await placeOf(ctx.tx, d.unitId);
  const issuerTitle = authorityLine(d.signerTitle, d.issuerName);
  const out: CertificateRow[] = [];
  let created = 0;
  for (const { awardee: a, gender, achievement, dossierYear } of active) {
    const had = byAwardee.get(a.id);
    if (had) {
      out.push(had);
      continue;
    }
    const honorific = a.subjectKind === 'individual' ? (gender === 'nu' ? 'Bà ' : gender === 'nam' ? 'Ông ' : '') : '';
    const shortAchievement = achievement && achievement.length <= 220 ? achievement : null;
    const row = await registerCertificate(ctx.tx, {
      unitId: d.unitId,
      honor: a.honor as Honor,
      recipientName: `${honorific}${a.displayName}`,
      recipientDetail: a.positionText,
      achievement: shortAchievement ?? `Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm ${dossierYear ?? d.year}`,
      decisionNumber: d.numberText,
      decisionDate: d.decisionDate,
      issuerName: d.issuerName,
      issuerTitle,
      signerTitle: d.signerTitle,
      signerName: d.signerName,
      place,
      decisionId: d.id,
      awardeeId: a.id,
      issuedBy: ctx.actor.accountId,
      posthumous: a.posthumous,
    });
    out.push(row);
    created++;
  }
  if (created) {
    const first = out.find((c) => !byAwardee.has(c.awardeeId ?? ''));
    const last = [...out].reverse().find((c) => !byAwardee.has(c.awardeeId ?? ''));
    await ctx.audit({
      action: 'certificate.issued',
      entityType: 'decision',
      entityId: d.id,
      unitId: d.unitId,
      summary: `Vào sổ vàng ${created} Giấy khen/Bằng khen theo Quyết định số ${d.numberText} ngày ${formatDateVi(d.decisionDate)}${first && last ? ` (số ${registerNumberText(first)} đến ${registerNumberText(last)})` : ''}`,
      after: { numbers: out.map(registerNumberText) },
    });
  }
  return { created, reused: out.length - created, certificates: out };
}

/**
 * Flags the certificates of a decision as revoked (all of them, or those of some awardees), with
 * the reason; returns how many changed. For decision revocation to call in its transaction.
 */
export async function revokeCertificatesForDecision(tx: Executor, decisionId: string, reason: string, awardeeIds?: string[]): Promise<number> {
  return revokeCertificatesOfDecision(tx, decisionId, reason.trim(), now(), awardeeIds);
}

/** Hủy bỏ one certificate of the register (with the reason); the register keeps its number. */
export async function revokeCertificate(ctx: CommandContext, id: string, reason: string): Promise<CertificateRow> {
  const c = await lockVisibleCertificate(ctx.tx, ctx.actor, id);
  if (!c) throw notFound('Không tìm thấy Giấy khen/Bằng khen.');
  if (!can(ctx.actor.role, 'certificate', 'revoke')) throw forbidden();
  if (!mayCertificate(ctx.actor, c, 'revoke')) throw new CertificateAlreadyRevoked('Giấy khen/Bằng khen đã bị hủy bỏ trước đó.');
  const why = reason.trim();
  if (!why) throw badRequest('Hãy ghi lý do hủy bỏ.');
  const row = await markCertificateRevoked(ctx.tx, c.id, why, now());
  await ctx.audit({
    action: 'certificate.revoked',
    entityType: 'certificate',
    entityId: c.id,
    unitId: c.unitId,
    summary: `Hủy bỏ ${c.honorLabel} số ${registerNumberText(c)} của ${c.recipientName}: ${why}`,
    before: { revoked: false },
    after: { revoked: true, reason: why },
  });
  return row;
}

/** Print data for a registered certificate. */
export function certificateData(c: CertificateRow, publicUrl: string): CertificateData {
  return {
    form: c.honor as Honor,
    ...(c.posthumous ? { verb: 'TRUY TẶNG' } : {}),
    issuer: c.issuerTitle,
    recipientName: c.recipientName,
    ...(c.recipientDetail ? { recipientDetail: c.recipientDetail } : {}),
    achievement: c.achievement,
    decisionNumber: c.decisionNumber,
    decisionDate: c.decisionDate,
    place: c.place,
    signerTitle: c.signerTitle,
    signerName: c.signerName,
    registerNumber: registerNumberText(c),
    verificationUrl: verificationUrl(publicUrl, c.code),
  };
}

/** Saves a unit's phôi calibration (validated; optimistic version). */
export async function saveCalibration(
  ctx: CommandContext,
  unitId: string,
  input: unknown,
  version: number | undefined,
): Promise<{ calibration: CertificateCalibration; version: number }> {
  if (!mayCalibrate(ctx.actor)) throw forbidden();
  const calibration = validateCalibration(input);
  const current = await findCalibration(ctx.tx, unitId, true);
  if (current && version !== undefined && current.version !== version) throw conflict('Bản căn chỉnh đã được người khác sửa. Hãy tải lại và thử lại.');
  const next = (current?.version ?? 0) + 1;
  await saveCalibrationRow(ctx.tx, unitId, { calibration, version: next, updatedBy: ctx.actor.accountId, updatedAt: now() }, Boolean(current));
  await ctx.audit({
    action: 'certificate.calibrated',
    entityType: 'unit',
    entityId: unitId,
    unitId,
    summary: `Căn chỉnh vị trí in phôi Giấy khen, Bằng khen (độ lệch ${calibration.offsetX}/${calibration.offsetY} mm)`,
    before: current?.calibration ?? null,
    after: calibration,
  });
  return { calibration, version: next };
}

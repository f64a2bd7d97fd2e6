/** Award decisions → API JSON: the register list, one decision with its awardees, candidates ready for a decision. */
import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import type { AwardeeRow, DecisionMeta } from '../repositories/decisions.js';
import type { CandidateRow } from '../repositories/dossiers.js';
import { decisionAbilities, DECISION_ABILITIES } from '../policies/decision.js';
import { agendaCandidateSchema, presentAgendaCandidate } from './sessions.js';
import { HONOR_INFO, awardWording, type Honor } from '../../shared/codes.js';

export const awardeeSchema = z
  .object({
    id: z.uuid(),
    candidateId: z.uuid().nullable(),
    displayName: z.string(),
    positionText: z.string().nullable(),
    subjectKind: z.string(),
    honor: z.string(),
    honorLabel: z.string(),
    amount: z.number().int(),
    coefficient: z.number().nullable(),
    baseSalary: z.number().int().nullable(),
    revoked: z.boolean(),
    personId: z.uuid().nullable(),
    subjectUnitId: z.uuid().nullable(),
    posthumous: z.boolean().describe('Truy tặng'),
    awardWording: z.string().describe('Cách văn bản ghi khen thưởng: "Truy tặng danh hiệu Anh hùng Lao động" hoặc tên hình thức'),
    inKindDescription: z.string().nullable().describe('Khen thưởng bằng hiện vật (ví dụ công trình phúc lợi)'),
    inKindValue: z.number().int().nullable().describe('Giá trị hiện vật (đồng)'),
  })
  .meta({ id: 'DecisionAwardee' });

export const decisionSchema = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    kindLabel: z.string(),
    issuerName: z.string(),
    numberText: z.string(),
    number: z.number().int().nullable(),
    year: z.number().int(),
    decisionDate: z.string(),
    title: z.string(),
    signerName: z.string(),
    signerTitle: z.string(),
    regime: z.string(),
    totalAmount: z.number().int(),
    status: z.string(),
    statusLabel: z.string(),
    revokeReason: z.string().nullable(),
    revokedAt: z.string().nullable(),
    hasFile: z.boolean(),
    fileName: z.string().nullable(),
    awardees: z.array(awardeeSchema).optional().describe('Danh sách khen thưởng (khi xem một quyết định)'),
    awardeeCount: z.number().int().optional().describe('Số người/tập thể được khen (trong danh sách)'),
    certificateCount: z.number().int().optional().describe('Số Giấy khen/Bằng khen đã vào sổ vàng (trong danh sách)'),
    abilities: z.array(z.enum(DECISION_ABILITIES)).describe('Các thao tác tài khoản được làm với quyết định này'),
    dossierId: z.uuid().nullable().describe('Hồ sơ đã trình mà quyết định của cấp trên trả lời (null: ghi nhận riêng)'),
    issuerSuperior: z.string().nullable().describe('Cơ quan chủ quản in trên tên cơ quan ban hành'),
    issuerPlace: z.string().nullable().describe('Địa danh'),
    issuingAuthority: z.string().nullable().describe('Thẩm quyền ban hành (dòng dưới trích yếu)'),
    signerAuthorities: z.array(z.object({ authority: z.string(), of: z.string() })).describe('Thẩm quyền ký (TM., KT., Q., TL., TUQ.), ngoài trước'),
    legalBases: z.array(z.string()).describe('Căn cứ'),
    proposal: z.string().nullable().describe('Xét đề nghị của …'),
    achievement: z.string().nullable().describe('Thành tích ở Điều 1'),
    fundingRoute: z.string().nullable().describe('Nguồn kinh phí (in ở điều chi tiền thưởng)'),
    executors: z.array(z.string()).describe('Cơ quan, người chịu trách nhiệm thi hành'),
    recipients: z.array(z.string()).describe('Nơi nhận'),
    awardYear: z.number().int().nullable().describe('Năm thành tích ghi vào lịch sử khen thưởng'),
    version: z.number().int(),
  })
  .meta({ id: 'Decision' });
export type DecisionJson = z.infer<typeof decisionSchema>;
export const decisionListSchema = z.object({ items: z.array(decisionSchema), total: z.number().int() });

export const readyCandidateSchema = agendaCandidateSchema.extend({ year: z.number().int() }).meta({ id: 'ReadyCandidate' });
export const readyCandidateListSchema = z.object({ items: z.array(readyCandidateSchema), total: z.number().int() });

export function presentAwardee(a: AwardeeRow): z.infer<typeof awardeeSchema> {
  return {
    id: a.id,
    candidateId: a.candidateId,
    displayName: a.displayName,
    positionText: a.positionText,
    subjectKind: a.subjectKind,
    honor: a.honor,
    honorLabel: HONOR_INFO[a.honor as Honor]?.label ?? a.honor,
    amount: a.amount,
    coefficient: a.coefficientMilli === null ? null : a.coefficientMilli / 1000,
    baseSalary: a.baseSalary,
    revoked: a.revoked,
    personId: a.personId,
    subjectUnitId: a.subjectUnitId,
    posthumous: a.posthumous,
    awardWording: HONOR_INFO[a.honor as Honor] ? awardWording(a.honor as Honor, a.posthumous) : a.honor,
    inKindDescription: a.inKindDescription,
    inKindValue: a.inKindValue,
  };
}

export function presentDecision(
  d: DecisionMeta,
  actor: Actor,
  extra: { awardees?: AwardeeRow[]; awardeeCount?: number; certificateCount?: number } = {},
): DecisionJson {
  return {
    id: d.id,
    kind: d.kind,
    kindLabel: d.kind === 'internal' ? 'Do đơn vị ban hành' : 'Của cấp trên',
    issuerName: d.issuerName,
    numberText: d.numberText,
    number: d.number,
    year: d.year,
    decisionDate: d.decisionDate,
    title: d.title,
    signerName: d.signerName,
    signerTitle: d.signerTitle,
    regime: d.regime,
    totalAmount: d.totalAmount,
    status: d.status,
    statusLabel: d.status === 'revoked' ? 'Đã hủy bỏ' : d.status === 'signing' ? 'Chờ ký số phát hành' : 'Có hiệu lực',
    revokeReason: d.revokeReason,
    revokedAt: d.revokedAt ? d.revokedAt.toISOString() : null,
    hasFile: Boolean(d.fileName),
    fileName: d.fileName,
    ...(extra.awardees ? { awardees: extra.awardees.map(presentAwardee) } : {}),
    ...(extra.awardeeCount !== undefined ? { awardeeCount: Number(extra.awardeeCount) } : {}),
    ...(extra.certificateCount !== undefined ? { certificateCount: Number(extra.certificateCount) } : {}),
    abilities: decisionAbilities(actor, d),
    dossierId: d.dossierId,
    issuerSuperior: d.issuerSuperior,
    issuerPlace: d.issuerPlace,
    issuingAuthority: d.issuingAuthority,
    signerAuthorities: d.signerAuthorities,
    legalBases: d.legalBases,
    proposal: d.proposal,
    achievement: d.achievement,
    fundingRoute: d.fundingRoute,
    executors: d.executors,
    recipients: d.recipients,
    awardYear: d.awardYear,
    version: d.version,
  };
}

export function presentReadyCandidate(r: {
  candidate: CandidateRow;
  dossierId: string;
  dossierTitle: string;
  unitName: string;
  year: number;
}): z.infer<typeof readyCandidateSchema> {
  return { ...presentAgendaCandidate(r), year: r.year };
}

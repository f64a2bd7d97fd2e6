import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import type { ApplicationListRow, AssignmentRow, AuthorRow, RoundMember, RoundWithUnit, RubricRow, ScoreRow } from '../repositories/initiatives.js';
import type { InitiativeAttachmentRow } from '../repositories/initiative-attachments.js';
import { initiativeAbilities, roundAbilities, type InitiativeFacts } from '../policies/initiative.js';
import type { SheetContext } from '../commands/initiatives.js';
import type { SheetLine, SheetScore } from '../initiatives/sheet.js';
import {
  COUNCIL_POSITION_LABELS,
  INITIATIVE_CONFLICT_LABELS,
  INITIATIVE_KIND_LABELS,
  INITIATIVE_ROUND_STATUS_LABELS,
  INITIATIVE_SCOPE_LABELS,
  INITIATIVE_STATUS_LABELS,
  type CouncilPosition,
  type InitiativeConflict,
  type InitiativeKind,
  type InitiativeRoundStatus,
  type InitiativeScope,
  type InitiativeStatus,
} from '../../shared/codes.js';

const label = <K extends string>(labels: Record<K, string>, v: string): string => labels[v as K] ?? v;

export const rubricSchema = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string(),
    year: z.number().int(),
    version: z.number().int(),
    name: z.string(),
    source: z.string(),
    passMark: z.number().int(),
    maxTotal: z.number().int(),
    criteria: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        maxPoints: z.number().int(),
        levels: z.array(z.object({ points: z.number().int(), descriptor: z.string() })),
      }),
    ),
  })
  .meta({ id: 'InitiativeRubric' });
export type RubricJson = z.infer<typeof rubricSchema>;

export function presentRubric(r: RubricRow, unitName: string): RubricJson {
  return {
    id: r.id,
    unitId: r.unitId,
    unitName,
    year: r.year,
    version: r.version,
    name: r.name,
    source: r.source,
    passMark: r.passMark,
    maxTotal: r.criteria.reduce((s, c) => s + c.maxPoints, 0),
    criteria: r.criteria,
  };
}

const roundMemberSchema = z.object({ personId: z.uuid(), fullName: z.string(), position: z.string(), positionLabel: z.string() });

export const roundSchema = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string(),
    councilId: z.uuid(),
    councilName: z.string(),
    rubricId: z.uuid(),
    year: z.number().int(),
    title: z.string(),
    status: z.string(),
    statusLabel: z.string(),
    calendar: z.array(z.object({ label: z.string(), from: z.string(), to: z.string() })).describe('Lịch của đợt xét theo quy chế của cơ quan'),
    maxLoad: z.number().int().describe('Số sáng kiến tối đa giao cho một thành viên chấm'),
    members: z.array(roundMemberSchema).describe('Thành viên Hội đồng của đợt xét (lấy khi mở đợt)'),
    version: z.number().int(),
    abilities: z.array(z.enum(['update', 'open', 'close', 'submit'])),
  })
  .meta({ id: 'InitiativeRound' });
export type RoundJson = z.infer<typeof roundSchema>;

export function presentRound(r: RoundWithUnit, actor: Actor, members: RoundMember[]): RoundJson {
  return {
    id: r.round.id,
    unitId: r.round.unitId,
    unitName: r.unitName,
    councilId: r.round.councilId,
    councilName: r.councilName,
    rubricId: r.round.rubricId,
    year: r.round.year,
    title: r.round.title,
    status: r.round.status,
    statusLabel: label<InitiativeRoundStatus>(INITIATIVE_ROUND_STATUS_LABELS, r.round.status),
    calendar: r.round.calendar,
    maxLoad: r.round.maxLoad,
    members: members.map((m) => ({
      personId: m.personId,
      fullName: m.fullName,
      position: m.position,
      positionLabel: label<CouncilPosition>(COUNCIL_POSITION_LABELS, m.position),
    })),
    version: r.round.version,
    abilities: roundAbilities(actor, { status: r.round.status, unitPath: r.unitPath }),
  };
}

const ABILITIES = ['update', 'withdraw', 'assign', 'score', 'declareConflict', 'enterPaperScores', 'decide', 'recordHigher'] as const;

export const initiativeSummarySchema = z
  .object({
    id: z.uuid(),
    roundId: z.uuid(),
    roundTitle: z.string(),
    year: z.number().int(),
    unitId: z.uuid(),
    unitName: z.string(),
    kind: z.string(),
    kindLabel: z.string(),
    title: z.string(),
    authors: z.array(z.object({ personId: z.uuid(), fullName: z.string(), sharePercent: z.number().int() })),
    scopeAsked: z.string(),
    scopeAskedLabel: z.string(),
    status: z.string(),
    statusLabel: z.string(),
    decisionNumber: z.string().nullable(),
    decisionDate: z.string().nullable(),
  })
  .meta({ id: 'InitiativeSummary' });
export type InitiativeSummaryJson = z.infer<typeof initiativeSummarySchema>;

export function presentInitiativeSummary(a: ApplicationListRow, authors: AuthorRow[]): InitiativeSummaryJson {
  return {
    id: a.app.id,
    roundId: a.app.roundId,
    roundTitle: a.roundTitle,
    year: a.year,
    unitId: a.app.unitId,
    unitName: a.unitName,
    kind: a.app.kind,
    kindLabel: label<InitiativeKind>(INITIATIVE_KIND_LABELS, a.app.kind),
    title: a.app.title,
    authors: authors.map((x) => ({ personId: x.personId, fullName: x.fullName, sharePercent: x.sharePercent })),
    scopeAsked: a.app.scopeAsked,
    scopeAskedLabel: label<InitiativeScope>(INITIATIVE_SCOPE_LABELS, a.app.scopeAsked),
    status: a.app.status,
    statusLabel: label<InitiativeStatus>(INITIATIVE_STATUS_LABELS, a.app.status),
    decisionNumber: a.app.decisionNumber,
    decisionDate: a.app.decisionDate,
  };
}

const assignmentSchema = z.object({
  personId: z.uuid(),
  fullName: z.string(),
  conflict: z.string().nullable(),
  conflictLabel: z.string().nullable(),
  conflictNote: z.string().nullable(),
  declared: z.boolean(),
  scored: z.boolean(),
});

export const initiativeAttachmentSchema = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    mimeType: z.string(),
    size: z.number().int().describe('Dung lượng (byte)'),
    createdAt: z.string(),
  })
  .meta({ id: 'InitiativeAttachment' });

export function presentInitiativeAttachment(f: InitiativeAttachmentRow): z.infer<typeof initiativeAttachmentSchema> {
  return { id: f.id, fileName: f.fileName, mimeType: f.mimeType, size: f.size, createdAt: f.createdAt.toISOString() };
}

export const initiativeSchema = initiativeSummarySchema
  .extend({
    roundStatus: z.string(),
    field: z.string().nullable(),
    appliedUnitId: z.uuid().nullable(),
    appliedPlace: z.string().nullable(),
    firstAppliedOn: z.string(),
    novelty: z.string(),
    application: z.string(),
    benefitVnd: z.number().int().nullable().describe('Số tiền làm lợi (đồng)'),
    benefitText: z.string().nullable(),
    refusalReason: z.string().nullable().describe('Lý do không công nhận, báo cho tác giả'),
    recordId: z.uuid().nullable().describe('Sáng kiến được công nhận trong hồ sơ của tác giả (cơ sở xét danh hiệu)'),
    certificateCode: z.string().nullable().describe('Mã xác minh của Giấy chứng nhận sáng kiến (trang /xac-minh/:mã)'),
    decisionId: z.uuid().nullable().describe('Quyết định công nhận sáng kiến (sổ quyết định của đơn vị)'),
    certificateId: z.uuid().nullable(),
    higher: z
      .object({ scope: z.string(), scopeLabel: z.string(), decisionNumber: z.string(), decisionDate: z.string(), issuer: z.string() })
      .nullable()
      .describe('Cấp trên công nhận phạm vi ảnh hưởng rộng hơn'),
    usedFor: z.string().nullable().describe('Khen thưởng mà sáng kiến là căn cứ (mỗi sáng kiến chỉ dùng một lần)'),
    authorIds: z.array(z.uuid()),
    assignments: z.array(assignmentSchema).describe('Thành viên được phân công chấm, người không tham gia chấm và lý do'),
    attachments: z.array(initiativeAttachmentSchema).describe('Tệp đính kèm (bản mô tả, minh chứng hiệu quả, ảnh áp dụng)'),
    version: z.number().int(),
    abilities: z.array(z.enum(ABILITIES)),
  })
  .meta({ id: 'Initiative' });
export type InitiativeJson = z.infer<typeof initiativeSchema>;

export function presentInitiative(
  a: ApplicationListRow,
  actor: Actor,
  facts: InitiativeFacts,
  authors: AuthorRow[],
  assignments: AssignmentRow[],
  scores: ScoreRow[],
  members: RoundMember[],
  usedFor: string | null,
  attachments: InitiativeAttachmentRow[],
): InitiativeJson {
  const names = new Map(members.map((m) => [m.personId, m.fullName]));
  const scored = new Set(scores.map((s) => s.personId));
  return {
    ...presentInitiativeSummary(a, authors),
    roundStatus: a.roundStatus,
    field: a.app.field,
    appliedUnitId: a.app.appliedUnitId,
    appliedPlace: a.app.appliedPlace,
    firstAppliedOn: a.app.firstAppliedOn,
    novelty: a.app.novelty,
    application: a.app.application,
    benefitVnd: a.app.benefitVnd,
    benefitText: a.app.benefitText,
    refusalReason: a.app.refusalReason,
    recordId: a.app.recordId,
    certificateCode: a.app.certificateCode,
    decisionId: a.app.decisionId,
    certificateId: a.app.certificateId,
    higher:
      a.app.higherScope && a.app.higherDecisionNumber && a.app.higherDecisionDate
        ? {
            scope: a.app.higherScope,
            scopeLabel: label<InitiativeScope>(INITIATIVE_SCOPE_LABELS, a.app.higherScope),
            decisionNumber: a.app.higherDecisionNumber,
            decisionDate: a.app.higherDecisionDate,
            issuer: a.app.higherIssuer ?? '',
          }
        : null,
    usedFor,
    authorIds: authors.map((x) => x.personId),
    assignments: assignments.map((x) => ({
      personId: x.personId,
      fullName: names.get(x.personId) ?? '',
      conflict: x.conflict,
      conflictLabel: x.conflict ? label<InitiativeConflict>(INITIATIVE_CONFLICT_LABELS, x.conflict) : null,
      conflictNote: x.conflictNote,
      declared: x.declared,
      scored: scored.has(x.personId),
    })),
    attachments: attachments.map(presentInitiativeAttachment),
    version: a.app.version,
    abilities: initiativeAbilities(actor, facts),
  };
}

const thresholdsSchema = z.object({
  totalMembers: z.number().int(),
  quorumNeeded: z.number().int(),
  votesNeeded: z.number().int(),
  passMark: z.number().int(),
  maxTotal: z.number().int(),
  sources: z
    .object({ passMark: z.string(), quorum: z.string(), votes: z.string(), verified: z.boolean() })
    .describe('Căn cứ của điểm sàn, số thành viên tối thiểu và tỷ lệ biểu quyết'),
});

function thresholds(sc: SheetContext) {
  return {
    totalMembers: sc.totalMembers,
    quorumNeeded: sc.quorumNeeded,
    votesNeeded: sc.votesNeeded,
    passMark: sc.rubric.passMark,
    maxTotal: sc.maxTotal,
    sources: sc.sources,
  };
}

const lineSchema = z.object({
  scored: z.number().int(),
  recused: z.number().int(),
  average: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  spread: z.number().nullable().describe('Chênh lệch giữa điểm cao nhất và thấp nhất'),
  approvals: z.number().int(),
  outliers: z.array(z.uuid()).describe('Thành viên có tổng điểm lệch xa các thành viên khác'),
  quorumMet: z.boolean(),
  passMarkMet: z.boolean(),
  votesMet: z.boolean(),
  passes: z.boolean(),
  shortfalls: z.array(z.string()),
});

const sheetOfMemberSchema = z.object({
  personId: z.uuid(),
  fullName: z.string(),
  points: z.record(z.string(), z.number()),
  total: z.number().int(),
  approve: z.boolean(),
  comment: z.string().nullable(),
  outlier: z.boolean(),
});

export const initiativeScoresSchema = z
  .object({
    initiativeId: z.uuid(),
    rubric: rubricSchema,
    thresholds: thresholdsSchema,
    mine: sheetOfMemberSchema.nullable().describe('Phiếu của chính tài khoản (nếu là thành viên đã chấm)'),
    hidden: z.boolean().describe('true: phiếu của thành viên khác chưa hiện vì bạn chưa nộp phiếu của mình'),
    sheets: z.array(sheetOfMemberSchema),
    line: lineSchema.nullable().describe('Tổng hợp (khi được xem phiếu của mọi thành viên)'),
  })
  .meta({ id: 'InitiativeScores' });
export type InitiativeScoresJson = z.infer<typeof initiativeScoresSchema>;

export function presentScores(
  id: string,
  actor: Actor,
  sc: SheetContext,
  rubricUnitName: string,
  scores: ScoreRow[],
  members: RoundMember[],
  line: SheetLine,
  seeAll: boolean,
): InitiativeScoresJson {
  const names = new Map(members.map((m) => [m.personId, m.fullName]));
  const outliers = new Set(line.outliers);
  const sheet = (s: ScoreRow) => ({
    personId: s.personId,
    fullName: names.get(s.personId) ?? '',
    points: s.points,
    total: s.total,
    approve: s.approve,
    comment: s.comment,
    outlier: seeAll && outliers.has(s.personId),
  });
  const mine = scores.find((s) => s.personId === actor.personId);
  return {
    initiativeId: id,
    rubric: presentRubric(sc.rubric, rubricUnitName),
    thresholds: thresholds(sc),
    mine: mine ? sheet(mine) : null,
    hidden: !seeAll,
    sheets: seeAll ? scores.map(sheet) : [],
    line: seeAll ? line : null,
  };
}

export const roundSheetSchema = z
  .object({
    round: roundSchema,
    thresholds: thresholdsSchema,
    members: z.array(roundMemberSchema),
    rows: z.array(
      z.object({
        initiative: initiativeSummarySchema,
        /** Per member (in `members` order): total, or null (not scored), with recusal. */
        cells: z.array(
          z.object({ personId: z.uuid(), total: z.number().int().nullable(), approve: z.boolean().nullable(), recused: z.boolean(), outlier: z.boolean() }),
        ),
        line: lineSchema,
      }),
    ),
  })
  .meta({ id: 'InitiativeRoundSheet' });
export type RoundSheetJson = z.infer<typeof roundSheetSchema>;

export interface SheetRowInput {
  app: ApplicationListRow;
  authors: AuthorRow[];
  scores: SheetScore[];
  recused: Set<string>;
  line: SheetLine;
}

export function presentRoundSheet(round: RoundJson, sc: SheetContext, members: RoundMember[], rows: SheetRowInput[]): RoundSheetJson {
  return {
    round,
    thresholds: thresholds(sc),
    members: round.members,
    rows: rows.map((r) => {
      const byMember = new Map(r.scores.map((s) => [s.personId, s]));
      const outliers = new Set(r.line.outliers);
      return {
        initiative: presentInitiativeSummary(r.app, r.authors),
        cells: members.map((m) => {
          const s = byMember.get(m.personId);
          return {
            personId: m.personId,
            total: s?.total ?? null,
            approve: s?.approve ?? null,
            recused: r.recused.has(m.personId),
            outlier: outliers.has(m.personId),
          };
        }),
        line: r.line,
      };
    }),
  };
}

const backingSchema = z.object({
  initiativeId: z.uuid(),
  title: z.string(),
  year: z.number().int(),
  scope: z.string(),
  scopeLabel: z.string(),
  decisionNumber: z.string().nullable(),
  used: z.boolean().describe('Đã là căn cứ của khen thưởng đã quyết định'),
});

export const dossierInitiativesSchema = z
  .object({
    candidates: z.array(
      z.object({
        candidateId: z.uuid(),
        displayName: z.string(),
        backing: z.array(backingSchema).describe('Sáng kiến làm căn cứ đề nghị của người/tập thể này'),
        available: z
          .array(backingSchema.extend({ takenBy: z.string().nullable().describe('Đã dùng cho đề nghị/khen thưởng khác (không chọn được)') }))
          .describe('Sáng kiến đã công nhận của người/tập thể này'),
      }),
    ),
    editable: z.boolean(),
  })
  .meta({ id: 'DossierInitiatives' });
export type DossierInitiativesJson = z.infer<typeof dossierInitiativesSchema>;

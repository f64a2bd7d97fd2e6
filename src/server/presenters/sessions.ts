/** Council sessions → API JSON: the list, the session page (agenda, attendance, my ballot, results once closed). */
import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import type { CandidateRow } from '../repositories/dossiers.js';
import type { SessionDetail, SessionRow } from '../repositories/council-sessions.js';
import type { ItemResult } from '../commands/sessions.js';
import { candidateSchema as dossierCandidateSchema, presentCandidate } from './dossiers.js';
import { maySession, sessionAbilities, SESSION_ABILITIES } from '../policies/session.js';
import { SESSION_STATUSES, SESSION_STATUS_LABELS, type SessionStatus } from '../../shared/dossiers.js';
import { quorumNeeded, type RulePack } from '../rules/index.js';
import { COUNCIL_POSITION_LABELS, HONOR_INFO, awardWording, type CouncilPosition, type Honor, type HonorInfo } from '../../shared/codes.js';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** A candidate (người/tập thể được đề nghị) as the pipeline pages show it. */
// The session pages show the same candidate record as the dossier (one schema, one presenter).
export const candidateSchema = dossierCandidateSchema;
export type CandidateJson = z.infer<typeof candidateSchema>;

export function presentPipelineCandidate(c: CandidateRow): CandidateJson {
  return presentCandidate(c);
}

/** A candidate waiting for the council or for a decision, with its dossier. */
export const agendaCandidateSchema = candidateSchema
  .extend({ dossierId: z.uuid(), dossierTitle: z.string(), unitName: z.string() })
  .meta({ id: 'AgendaCandidate' });
export const agendaCandidateListSchema = z.object({ items: z.array(agendaCandidateSchema), total: z.number().int() });

export function presentAgendaCandidate(r: {
  candidate: CandidateRow;
  dossierId: string;
  dossierTitle: string;
  unitName: string;
}): z.infer<typeof agendaCandidateSchema> {
  return { ...presentPipelineCandidate(r.candidate), dossierId: r.dossierId, dossierTitle: r.dossierTitle, unitName: r.unitName };
}

export const sessionSummarySchema = z
  .object({
    id: z.uuid(),
    councilId: z.uuid(),
    councilName: z.string(),
    title: z.string(),
    meetingDate: z.string(),
    location: z.string().nullable(),
    status: z.enum(SESSION_STATUSES),
    statusLabel: z.string(),
    totalMembers: z.number().int().nullable(),
    itemCount: z.number().int(),
    openedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    cancelReason: z.string().nullable(),
    version: z.number().int(),
    abilities: z.array(z.enum(SESSION_ABILITIES)).describe('Các thao tác tài khoản được làm với phiên họp này lúc này'),
  })
  .meta({ id: 'SessionSummary' });
export const sessionListSchema = z.object({ items: z.array(sessionSummarySchema), total: z.number().int() });

const itemResultSchema = z
  .object({
    approve: z.number().int(),
    reject: z.number().int(),
    abstain: z.number().int(),
    online: z.number().int(),
    paper: z.number().int(),
    eligible: z.number().int(),
    totalMembers: z.number().int(),
    required: z.number().int().nullable(),
    passed: z.boolean(),
    text: z.string(),
    article: z.string().nullable(),
  })
  .meta({ id: 'SessionItemResult' });

export const sessionSchema = sessionSummarySchema
  .extend({
    quorum: z.object({ present: z.number().int(), total: z.number().int(), required: z.number().int() }),
    attendance: z.array(
      z.object({ memberId: z.uuid(), personId: z.uuid(), fullName: z.string(), position: z.string(), positionLabel: z.string(), present: z.boolean() }),
    ),
    me: z.object({ memberId: z.uuid(), present: z.boolean() }).nullable().describe('Tài khoản đang đăng nhập là thành viên nào của Hội đồng (nếu có)'),
    items: z.array(
      z.object({
        id: z.uuid(),
        honor: z.string(),
        honorLabel: z.string(),
        dossierId: z.uuid(),
        dossierTitle: z.string(),
        unitName: z.string(),
        candidate: candidateSchema,
        conflicts: z.array(z.object({ memberId: z.uuid(), fullName: z.string(), reason: z.string(), recused: z.boolean() })),
        votedCount: z.number().int().describe('Số thành viên đã bỏ phiếu trực tuyến (không có nội dung phiếu)'),
        paperCount: z.number().int(),
        iVoted: z.boolean(),
        iMayVote: z.boolean(),
        result: itemResultSchema.nullable().describe('Kết quả kiểm phiếu, chỉ có khi phiên họp đã kết thúc'),
        listVoteId: z.uuid().nullable().describe('Danh sách biểu quyết cả danh sách chứa đề nghị này (không bỏ phiếu kín riêng)'),
      }),
    ),
    listVotes: z
      .array(
        z.object({
          id: z.uuid(),
          honor: z.string(),
          honorLabel: z.string(),
          title: z.string(),
          count: z.number().int().describe('Số đề nghị trong danh sách'),
          approve: z.number().int().nullable(),
          reject: z.number().int().nullable(),
          abstain: z.number().int().nullable(),
          recorded: z.boolean().describe('Thư ký đã ghi kết quả biểu quyết'),
          result: itemResultSchema.nullable().describe('Kết quả, chỉ có khi phiên họp đã kết thúc'),
        }),
      )
      .describe('Các danh sách Hội đồng biểu quyết thông qua cả danh sách (ví dụ danh sách Lao động tiên tiến)'),
    minutes: z
      .object({
        recorded: z.boolean().describe('Thư ký đã ghi biên bản; nếu chưa, các ô dưới đây là gợi ý từ chức vụ trong Hội đồng và chương trình họp'),
        recordedAt: z.string().nullable(),
        chairMemberId: z.uuid().nullable(),
        secretaryMemberId: z.uuid().nullable(),
        countingBoard: z.array(z.uuid()).describe('Ban kiểm phiếu do phiên họp bầu, Trưởng ban đứng đầu'),
        agenda: z.array(z.string()),
        discussion: z.string().nullable(),
      })
      .describe('Biên bản phiên họp: chủ trì, thư ký, Ban kiểm phiếu, chương trình, ý kiến thảo luận'),
  })
  .meta({ id: 'Session' });
export type SessionJson = z.infer<typeof sessionSchema>;

export const ballotCastSchema = z.object({ ok: z.literal(true), cast: z.number().int() });

export function presentSessionSummary(s: SessionRow, actor: Actor, councilName: string, itemCount: number): z.infer<typeof sessionSummarySchema> {
  return {
    id: s.id,
    councilId: s.councilId,
    councilName,
    title: s.title,
    meetingDate: s.meetingDate,
    location: s.location,
    status: s.status as SessionStatus,
    statusLabel: SESSION_STATUS_LABELS[s.status as SessionStatus] ?? s.status,
    totalMembers: s.totalMembers,
    itemCount,
    openedAt: iso(s.openedAt),
    closedAt: iso(s.closedAt),
    cancelledAt: iso(s.cancelledAt),
    cancelReason: s.cancelReason,
    version: s.version,
    abilities: sessionAbilities(actor, s),
  };
}

export type SessionMinutes = z.infer<typeof sessionSchema>['minutes'];

/**
 * The record of the meeting as the secretary wrote it, or, until then, what the data suggests:
 * the chair is the Chủ tịch present (else a Phó Chủ tịch), the secretary the Thư ký present, the
 * agenda one line per honor on the agenda. The Ban kiểm phiếu is never guessed: the session elects it.
 */
export function sessionMinutesOf(
  s: SessionRow,
  attendance: readonly { memberId: string; position: string; present: boolean }[],
  items: readonly { item: { honor: string }; candidate?: { posthumous: boolean } }[],
): SessionMinutes {
  if (s.minutesRecordedAt)
    return {
      recorded: true,
      recordedAt: s.minutesRecordedAt.toISOString(),
      chairMemberId: s.chairMemberId,
      secretaryMemberId: s.secretaryMemberId,
      countingBoard: s.countingBoard ?? [],
      agenda: s.agenda ?? [],
      discussion: s.discussion,
    };
  const present = attendance.filter((a) => a.present);
  const first = (...positions: string[]) => positions.map((p) => present.find((a) => a.position === p)).find(Boolean)?.memberId ?? null;
  // One line per award as it is worded: "truy tặng …" apart from the same honor for the living.
  const byHonor = new Map<string, number>();
  for (const { item, candidate } of items) {
    const info = HONOR_INFO[item.honor as Honor] as HonorInfo | undefined;
    const wording = info ? awardWording(item.honor as Honor, candidate?.posthumous ?? false) : item.honor;
    const key = /^Truy tặng /u.test(wording) ? `truy tặng ${wording.slice('Truy tặng '.length)}` : `tặng ${wording}`;
    byHonor.set(key, (byHonor.get(key) ?? 0) + 1);
  }
  return {
    recorded: false,
    recordedAt: null,
    chairMemberId: first('chu_tich', 'pho_chu_tich'),
    secretaryMemberId: first('thu_ky'),
    countingBoard: [],
    agenda: [
      'Thông qua chương trình phiên họp; bầu Ban kiểm phiếu',
      ...[...byHonor].map(([award, n]) => `Xét đề nghị ${award} (${n} trường hợp)`),
      'Bỏ phiếu kín, kiểm phiếu và công bố kết quả',
    ],
    discussion: null,
  };
}

/** The session page; `pack` governs the council's unit on the meeting date (its quorum). */
/** `minutesSigned`: the Biên bản họp xét carries a signature, so the minutes are no longer edited. */
export function presentSession(s: SessionRow, actor: Actor, x: SessionDetail, pack: RulePack, minutesSigned = false): SessionJson {
  const summary = presentSessionSummary(s, actor, x.council.name, x.items.length);
  const present = x.attendance.filter((a) => a.present).length;
  const total = s.totalMembers ?? x.attendance.length;
  const me = x.myMember;
  return {
    ...summary,
    abilities: minutesSigned ? summary.abilities.filter((a) => a !== 'recordMinutes') : summary.abilities,
    quorum: { present, total, required: quorumNeeded(pack, total) },
    attendance: x.attendance.map((a) => ({
      memberId: a.memberId,
      personId: a.personId,
      fullName: a.fullName,
      position: a.position,
      positionLabel: COUNCIL_POSITION_LABELS[a.position as CouncilPosition] ?? a.position,
      present: a.present,
    })),
    me: me ? { memberId: me.memberId, present: me.present } : null,
    items: x.items.map(({ item, candidate, dossierTitle, dossierUnitName, dossierId }) => {
      const conflicts = x.conflicts.filter((c) => c.itemId === item.id);
      const mineRecused = me ? conflicts.some((c) => c.memberId === me.memberId && c.recused) : false;
      return {
        id: item.id,
        honor: item.honor,
        honorLabel: HONOR_INFO[item.honor as Honor]?.label ?? item.honor,
        dossierId,
        dossierTitle,
        unitName: dossierUnitName,
        candidate: presentPipelineCandidate(candidate),
        conflicts: conflicts.map((c) => ({
          memberId: c.memberId,
          fullName: x.attendance.find((a) => a.memberId === c.memberId)?.fullName ?? '',
          reason: c.reason,
          recused: c.recused,
        })),
        votedCount: x.votedCounts.get(item.id) ?? 0,
        paperCount: x.paperCounts.get(item.id) ?? 0,
        iVoted: x.myMarks.has(item.id),
        iMayVote: !item.listVoteId && maySession(actor, s, 'vote') && Boolean(me?.present) && !mineRecused && !x.myMarks.has(item.id),
        // Counts are shown only once the session is closed, so that nobody votes watching a running tally.
        result: s.status === 'closed' ? (item.result as ItemResult | null) : null,
        listVoteId: item.listVoteId,
      };
    }),
    listVotes: x.listVotes.map((l) => ({
      id: l.id,
      honor: l.honor,
      honorLabel: HONOR_INFO[l.honor as Honor]?.label ?? l.honor,
      title: l.title,
      count: l.count,
      approve: l.approve,
      reject: l.reject,
      abstain: l.abstain,
      recorded: l.recordedAt !== null,
      result: s.status === 'closed' ? (l.result as ItemResult | null) : null,
    })),
    minutes: sessionMinutesOf(s, x.attendance, x.items),
  };
}

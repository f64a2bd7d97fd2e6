import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import type { PetitionAttachmentMeta, PetitionEventRow, PetitionWithNames } from '../repositories/petitions.js';
import { PETITION_ACTIONS, mayReadIdentity, petitionActions, petitionOpen } from '../policies/petition.js';
import {
  PETITION_KIND_LABELS,
  PETITION_STATUS_LABELS,
  PETITION_SUBJECT_LABELS,
  type PetitionKind,
  type PetitionStatus,
  type PetitionSubject,
} from '../../shared/codes.js';
import { pageOf } from '../http/contract.js';

const HIDDEN = 'Thông tin người tố cáo được giữ bí mật';

export const petitionSummarySchema = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    kindLabel: z.string(),
    status: z.string(),
    statusLabel: z.string(),
    title: z.string(),
    channel: z.enum(['app', 'portal']),
    subjectType: z.string(),
    subjectLabel: z.string(),
    unitName: z.string(),
    receivedOn: z.string(),
    dueDate: z.string(),
    limitText: z.string().describe('Thời hạn theo luật/quy chế và căn cứ'),
    overdue: z.boolean(),
    handlerName: z.string().nullable(),
    /** null when hidden (a denunciation read by someone else than its handler or the head) or anonymous. */
    authorName: z.string().nullable(),
    identityHidden: z.boolean(),
    anonymous: z.boolean(),
    holdsSubject: z.boolean().describe('Đang tạm dừng xét người được đề nghị / thi hành quyết định đến khi trả lời'),
    answeredOn: z.string().nullable(),
    answeredOnTime: z.boolean().nullable(),
  })
  .meta({ id: 'PetitionSummary' });
export type PetitionSummaryJson = z.infer<typeof petitionSummarySchema>;

export const petitionListSchema = pageOf(petitionSummarySchema).extend({ overdue: z.number().int().describe('Số đơn đang mở đã quá hạn') });

export const petitionSchema = petitionSummarySchema
  .extend({
    content: z.string(),
    authorContact: z.string().nullable(),
    subjectId: z.uuid().nullable(),
    noticeId: z.uuid().nullable(),
    candidateId: z.uuid().nullable(),
    decisionId: z.uuid().nullable(),
    answer: z.string().nullable(),
    version: z.number().int(),
    events: z.array(z.object({ kind: z.string(), text: z.string().nullable(), at: z.string(), actorName: z.string().nullable(), byPetitioner: z.boolean() })),
    attachments: z.array(z.object({ id: z.uuid(), fileName: z.string(), size: z.number().int(), mime: z.string() })),
    abilities: z.array(z.enum(PETITION_ACTIONS)),
  })
  .meta({ id: 'Petition' });

export const petitionCreatedSchema = petitionSchema.extend({ trackingCode: z.string().describe('Mã tra cứu (chỉ trả về một lần)') });

/** What the public sees when following a case by its code. */
export const publicPetitionSchema = z
  .object({
    kindLabel: z.string(),
    title: z.string(),
    status: z.string(),
    statusLabel: z.string(),
    unitName: z.string(),
    receivedOn: z.string(),
    dueDate: z.string(),
    limitText: z.string(),
    infoRequest: z.string().nullable().describe('Nội dung cơ quan đề nghị bổ sung (nếu có)'),
    answer: z.string().nullable(),
    answeredOn: z.string().nullable(),
  })
  .meta({ id: 'PublicPetition' });

export const publicPetitionCreatedSchema = z.object({ trackingCode: z.string(), dueDate: z.string(), message: z.string() });
/** The portal's list of agencies that accept petitions: names only. */
export const publicPetitionAgencyListSchema = pageOf(z.object({ id: z.uuid(), name: z.string() }).meta({ id: 'PublicPetitionAgency' }));
export const petitionChallengeSchema = z.object({ nonce: z.string(), difficulty: z.number().int(), expiresAt: z.string() });
export const assignableSchema = z.object({ items: z.array(z.object({ id: z.uuid(), displayName: z.string() })), total: z.number().int() });

function limitText(p: PetitionWithNames['petition']): string {
  return `${p.limitDays} ${p.limitUnit === 'working' ? 'ngày làm việc' : 'ngày'} kể từ ngày nhận (${p.limitArticle})`;
}

export function presentPetitionSummary(actor: Actor, r: PetitionWithNames, today: string): PetitionSummaryJson {
  const p = r.petition;
  const identity = mayReadIdentity(actor, p);
  return {
    id: p.id,
    kind: p.kind,
    kindLabel: PETITION_KIND_LABELS[p.kind as PetitionKind] ?? p.kind,
    status: p.status,
    statusLabel: PETITION_STATUS_LABELS[p.status as PetitionStatus] ?? p.status,
    title: p.title,
    channel: p.channel === 'portal' ? 'portal' : 'app',
    subjectType: p.subjectType,
    subjectLabel: PETITION_SUBJECT_LABELS[p.subjectType as PetitionSubject] ?? p.subjectType,
    unitName: r.unitName,
    receivedOn: p.receivedOn,
    dueDate: p.dueDate,
    limitText: limitText(p),
    overdue: petitionOpen(p) && today > p.dueDate,
    handlerName: r.handlerName,
    authorName: identity ? p.authorName : null,
    identityHidden: !identity,
    anonymous: p.anonymous,
    holdsSubject: p.holdsSubject && petitionOpen(p),
    answeredOn: p.answeredOn,
    answeredOnTime: p.answeredOn ? p.answeredOn <= p.dueDate : null,
  };
}

export function presentPetition(
  actor: Actor,
  r: PetitionWithNames,
  today: string,
  events: { event: PetitionEventRow; actorName: string | null }[],
  attachments: PetitionAttachmentMeta[],
): z.infer<typeof petitionSchema> {
  const p = r.petition;
  const identity = mayReadIdentity(actor, p);
  return {
    ...presentPetitionSummary(actor, r, today),
    content: p.content,
    authorContact: identity ? p.authorContact : null,
    subjectId: p.subjectId,
    noticeId: p.noticeId,
    candidateId: p.candidateId,
    decisionId: p.decisionId,
    answer: p.answer,
    version: p.version,
    events: events.map(({ event: e, actorName }) => ({
      kind: e.kind,
      text: e.text,
      at: e.at.toISOString(),
      actorName: e.byPetitioner && !identity ? HIDDEN : actorName,
      byPetitioner: e.byPetitioner,
    })),
    attachments: attachments.map((a) => ({ id: a.id, fileName: a.fileName, size: a.size, mime: a.mime })),
    abilities: petitionActions(actor, p),
  };
}

export function presentPublicPetition(r: PetitionWithNames, events: { event: PetitionEventRow }[]): z.infer<typeof publicPetitionSchema> {
  const p = r.petition;
  const lastRequest = [...events].reverse().find((e) => e.event.kind === 'info_requested');
  return {
    kindLabel: PETITION_KIND_LABELS[p.kind as PetitionKind] ?? p.kind,
    title: p.title,
    status: p.status,
    statusLabel: PETITION_STATUS_LABELS[p.status as PetitionStatus] ?? p.status,
    unitName: r.unitName,
    receivedOn: p.receivedOn,
    dueDate: p.dueDate,
    limitText: limitText(p),
    infoRequest: p.status === 'info_requested' ? (lastRequest?.event.text ?? null) : null,
    answer: p.answer,
    answeredOn: p.answeredOn,
  };
}

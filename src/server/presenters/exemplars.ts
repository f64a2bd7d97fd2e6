import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import type { ConferenceListRow, ExemplarListRow, ExemplarStepRow, HonorRun } from '../repositories/exemplars.js';
import type { StoryImageMeta, StoryListRow } from '../repositories/stories.js';
import { conferenceAbilities, exemplarAbilities, storyAbilities } from '../policies/exemplar.js';
import {
  EXEMPLAR_KIND_LABELS,
  EXEMPLAR_STAGES,
  EXEMPLAR_STAGE_LABELS,
  STORY_STATUS_LABELS,
  type ExemplarKind,
  type ExemplarStage,
  type StoryStatus,
} from '../../shared/codes.js';

const abilities = z.array(z.string()).describe('Các thao tác tài khoản được làm với bản ghi này (theo vai trò, phạm vi và giai đoạn)');

export const exemplarStepJsonSchema = z
  .object({ id: z.uuid(), stage: z.string(), stepDate: z.string(), owner: z.string(), content: z.string(), unitId: z.uuid().nullable() })
  .meta({ id: 'ExemplarStep' });

/** The four stages with the date each was reached (null: not yet). */
const stageTrackSchema = z.array(z.object({ stage: z.string(), label: z.string(), date: z.string().nullable(), done: z.boolean(), current: z.boolean() }));

export const exemplarSummarySchema = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string(),
    kind: z.string(),
    kindLabel: z.string(),
    name: z.string(),
    positionText: z.string().nullable(),
    stage: z.string(),
    stageLabel: z.string(),
    movementId: z.uuid().nullable(),
    movementTitle: z.string().nullable(),
    decisionId: z.uuid().nullable(),
    decisionNumber: z.string().nullable(),
    discoveredOn: z.string(),
    publishedAt: z.string().nullable(),
    cancelledAt: z.string().nullable().describe('Đã hủy (rút đề xuất) lúc nào; null: đang theo dõi'),
    cancelReason: z.string().nullable(),
    version: z.number().int(),
    abilities,
  })
  .meta({ id: 'ExemplarSummary' });

export const exemplarSchema = exemplarSummarySchema
  .extend({
    personId: z.uuid().nullable(),
    subjectUnitId: z.uuid().nullable(),
    achievement: z.string(),
    reason: z.string(),
    nurturedFrom: z.string().nullable(),
    summedUpOn: z.string().nullable(),
    assessment: z.string().nullable(),
    spreadFrom: z.string().nullable(),
    stages: stageTrackSchema,
    steps: z.array(exemplarStepJsonSchema),
  })
  .meta({ id: 'Exemplar' });

function stageDates(e: ExemplarListRow['exemplar']): Record<ExemplarStage, string | null> {
  return { discovered: e.discoveredOn, nurturing: e.nurturedFrom, summed_up: e.summedUpOn, spreading: e.spreadFrom };
}

export function presentExemplarSummary(r: ExemplarListRow, actor: Actor): z.infer<typeof exemplarSummarySchema> {
  const e = r.exemplar;
  return {
    id: e.id,
    unitId: e.unitId,
    unitName: r.unitName,
    kind: e.kind,
    kindLabel: EXEMPLAR_KIND_LABELS[e.kind as ExemplarKind] ?? e.kind,
    name: e.name,
    positionText: e.positionText,
    stage: e.stage,
    stageLabel: EXEMPLAR_STAGE_LABELS[e.stage as ExemplarStage] ?? e.stage,
    movementId: e.movementId,
    movementTitle: r.movementTitle,
    decisionId: e.decisionId,
    decisionNumber: r.decisionNumber,
    discoveredOn: e.discoveredOn,
    publishedAt: e.publishedAt?.toISOString() ?? null,
    cancelledAt: e.cancelledAt?.toISOString() ?? null,
    cancelReason: e.cancelReason,
    version: e.version,
    abilities: exemplarAbilities(actor, { stage: e.stage, unitPath: r.unitPath, publishedAt: e.publishedAt, cancelledAt: e.cancelledAt }),
  };
}

export function presentExemplar(r: ExemplarListRow, actor: Actor, steps: ExemplarStepRow[]): z.infer<typeof exemplarSchema> {
  const e = r.exemplar;
  const dates = stageDates(e);
  const at = EXEMPLAR_STAGES.indexOf(e.stage as ExemplarStage);
  return {
    ...presentExemplarSummary(r, actor),
    personId: e.personId,
    subjectUnitId: e.subjectUnitId,
    achievement: e.achievement,
    reason: e.reason,
    nurturedFrom: e.nurturedFrom,
    summedUpOn: e.summedUpOn,
    assessment: e.assessment,
    spreadFrom: e.spreadFrom,
    stages: EXEMPLAR_STAGES.map((s, i) => ({ stage: s, label: EXEMPLAR_STAGE_LABELS[s], date: dates[s], done: i <= at, current: i === at })),
    steps: steps.map((s) => ({ id: s.id, stage: s.stage, stepDate: s.stepDate, owner: s.owner, content: s.content, unitId: s.unitId })),
  };
}

export const storyImageSchema = z
  .object({ id: z.uuid(), width: z.number().int(), height: z.number().int(), caption: z.string(), mime: z.string() })
  .meta({ id: 'StoryImage' });

export const storySummarySchema = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string(),
    exemplarId: z.uuid().nullable(),
    exemplarName: z.string().nullable(),
    title: z.string(),
    summary: z.string(),
    authorName: z.string(),
    status: z.string(),
    statusLabel: z.string(),
    approvedAt: z.string().nullable(),
    publishedAt: z.string().nullable(),
    version: z.number().int(),
    abilities,
  })
  .meta({ id: 'StorySummary' });

export const storySchema = storySummarySchema.extend({ bodyHtml: z.string(), images: z.array(storyImageSchema) }).meta({ id: 'Story' });

export function presentStorySummary(r: StoryListRow, actor: Actor): z.infer<typeof storySummarySchema> {
  const s = r.story;
  return {
    id: s.id,
    unitId: s.unitId,
    unitName: r.unitName,
    exemplarId: s.exemplarId,
    exemplarName: r.exemplarName,
    title: s.title,
    summary: s.summary,
    authorName: s.authorName,
    status: s.status,
    statusLabel: STORY_STATUS_LABELS[s.status as StoryStatus] ?? s.status,
    approvedAt: s.approvedAt?.toISOString() ?? null,
    publishedAt: s.publishedAt?.toISOString() ?? null,
    version: s.version,
    abilities: storyAbilities(actor, { status: s.status, unitPath: r.unitPath }),
  };
}

export function presentStory(r: StoryListRow, actor: Actor, images: StoryImageMeta[]): z.infer<typeof storySchema> {
  return {
    ...presentStorySummary(r, actor),
    bodyHtml: r.story.bodyHtml,
    images: images.map((i) => ({ id: i.id, width: i.width, height: i.height, caption: i.caption, mime: i.mime })),
  };
}

export const conferenceSchema = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string(),
    title: z.string(),
    heldOn: z.string(),
    place: z.string(),
    speakers: z.array(z.string()),
    exemplars: z.array(z.object({ id: z.uuid(), name: z.string(), kindLabel: z.string(), unitName: z.string() })),
    decisionId: z.uuid().nullable(),
    decisionNumber: z.string().nullable(),
    outcome: z.string().nullable(),
    shortcomings: z.string().nullable().describe('Tồn tại, hạn chế (mỗi dòng một đoạn của báo cáo)'),
    lessons: z.string().nullable().describe('Bài học kinh nghiệm'),
    directions: z.string().nullable().describe('Phương hướng, nhiệm vụ tiếp theo; trống: câu mặc định'),
    reportNumber: z.string().nullable().describe('Số của báo cáo kết quả ("12/BC-SKHCN"); trống: văn thư cấp số'),
    cancelledAt: z.string().nullable(),
    cancelReason: z.string().nullable(),
    version: z.number().int(),
    abilities,
  })
  .meta({ id: 'ExemplarConference' });

export function presentConference(r: ConferenceListRow, honoured: ExemplarListRow[], actor: Actor): z.infer<typeof conferenceSchema> {
  const c = r.conference;
  return {
    id: c.id,
    unitId: c.unitId,
    unitName: r.unitName,
    title: c.title,
    heldOn: c.heldOn,
    place: c.place,
    speakers: c.speakers,
    exemplars: honoured.map((h) => ({
      id: h.exemplar.id,
      name: h.exemplar.name,
      kindLabel: EXEMPLAR_KIND_LABELS[h.exemplar.kind as ExemplarKind] ?? h.exemplar.kind,
      unitName: h.unitName,
    })),
    decisionId: c.decisionId,
    decisionNumber: r.decisionNumber,
    outcome: c.outcome,
    shortcomings: c.shortcomings,
    lessons: c.lessons,
    directions: c.directions,
    reportNumber: c.reportNumber,
    cancelledAt: c.cancelledAt?.toISOString() ?? null,
    cancelReason: c.cancelReason,
    version: c.version,
    abilities: conferenceAbilities(actor, { unitPath: r.unitPath, cancelledAt: c.cancelledAt }),
  };
}

export const exemplarSuggestionSchema = z
  .object({
    kind: z.string(),
    reason: z.string(),
    name: z.string(),
    unitName: z.string(),
    personId: z.uuid().nullable(),
    subjectUnitId: z.uuid().nullable(),
    exemplarId: z.uuid().nullable(),
  })
  .meta({ id: 'ExemplarSuggestion' });

export function presentRun(r: HonorRun, reason: string): z.infer<typeof exemplarSuggestionSchema> {
  return {
    kind: r.personId ? 'person' : 'collective',
    reason: `${reason} (${r.years.join(', ')})`,
    name: r.name,
    unitName: r.unitName,
    personId: r.personId,
    subjectUnitId: r.unitId,
    exemplarId: null,
  };
}

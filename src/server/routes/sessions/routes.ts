import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteDeps } from '../../app.js';
import { runCommand } from '../../commands/run.js';
import { addItems, castBallot, closeSession, createSession, enterPaperBallots, openSession, removeItem, setAttendance, type ItemResult } from '../../commands/sessions.js';
import { actorOf } from '../../http/session.js';
import { authorize } from '../../policies/scope.js';
import { abilitiesFor } from '../../policies/abilities.js';
import { findVisibleSession, listSessions, sessionDetail, type SessionRow } from '../../repositories/sessions.js';
import { minutesDocx } from '../../presenters/dossier-documents.js';
import { presentCandidate } from '../../presenters/dossiers.js';
import { notFound } from '../../errors.js';
import { BALLOT_CHOICES, SESSION_STATUS_LABELS, quorumRequired, type SessionStatus } from '../../../shared/dossiers.js';
import { COUNCIL_POSITION_LABELS, HONOR_INFO, type CouncilPosition, type Honor } from '../../../shared/codes.js';
import { isoDate } from '../../../shared/schemas/common.js';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { dossierCandidates, dossiers, units } from '../../db/schema/index.js';
import { dossierVisible } from '../../repositories/dossiers.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';

const idParams = z.object({ id: z.uuid('Mã phiên họp không hợp lệ.') });
const count = z.number().int().min(0, 'Số phiếu không âm.').max(1000);

function presentSessionSummary(s: SessionRow, councilName: string, itemCount: number) {
  return { id: s.id, councilId: s.councilId, councilName, title: s.title, meetingDate: s.meetingDate, location: s.location, status: s.status, statusLabel: SESSION_STATUS_LABELS[s.status as SessionStatus] ?? s.status, totalMembers: s.totalMembers, itemCount, openedAt: s.openedAt, closedAt: s.closedAt, version: s.version };
}

async function sessionJson(db: Db, actor: Actor, id: string) {
  const s = await findVisibleSession(db, actor, id);
  if (!s) throw notFound('Không tìm thấy phiên họp.');
  const x = await sessionDetail(db, s, actor);
  const present = x.attendance.filter((a) => a.present).length;
  const total = s.totalMembers ?? x.attendance.length;
  return {
    ...presentSessionSummary(s, x.council.name, x.items.length),
    quorum: { present, total, required: quorumRequired(total) },
    attendance: x.attendance.map((a) => ({ memberId: a.memberId, personId: a.personId, fullName: a.fullName, position: a.position, positionLabel: COUNCIL_POSITION_LABELS[a.position as CouncilPosition] ?? a.position, present: a.present })),
    me: x.myMember ? { memberId: x.myMember.memberId, present: x.myMember.present } : null,
    items: x.items.map(({ item, candidate, dossierTitle, dossierUnitName, dossierId }) => {
      const conflicts = x.conflicts.filter((c) => c.itemId === item.id);
      const mineRecused = x.myMember ? conflicts.some((c) => c.memberId === x.myMember!.memberId && c.recused) : false;
      return {
        id: item.id,
        honor: item.honor,
        honorLabel: HONOR_INFO[item.honor as Honor]?.label ?? item.honor,
        dossierId,
        dossierTitle,
        unitName: dossierUnitName,
        candidate: presentCandidate(candidate),
        conflicts: conflicts.map((c) => ({ memberId: c.memberId, fullName: x.attendance.find((a) => a.memberId === c.memberId)?.fullName ?? '', reason: c.reason, recused: c.recused })),
        votedCount: x.votedCounts.get(item.id) ?? 0,
        paperCount: x.paperCounts.get(item.id) ?? 0,
        iVoted: x.myMarks.has(item.id),
        iMayVote: s.status === 'open' && Boolean(x.myMember?.present) && !mineRecused && !x.myMarks.has(item.id),
        // Counts are shown only once the session is closed, so that nobody votes watching a running tally.
        result: s.status === 'closed' ? (item.result as ItemResult | null) : null,
      };
    }),
    abilities: abilitiesFor(actor.role, 'session'),
  };
}

export const sessionRoutes = ({ db }: RouteDeps): FastifyPluginAsyncZod => async (app) => {
  const tags = ['sessions'];
  app.get('/api/sessions', { schema: { tags, summary: 'Phiên họp Hội đồng TĐKT trong phạm vi' } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'session', 'read');
    const rows = await listSessions(db, actor);
    return { items: rows.map((r) => presentSessionSummary(r.session, r.councilName, r.itemCount)) };
  });

  app.get('/api/sessions/candidates', { schema: { tags, summary: 'Đề nghị đã thẩm định, chờ đưa ra Hội đồng' } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'session', 'create');
    const rows = await db
      .select({ candidate: dossierCandidates, dossierTitle: dossiers.title, unitName: units.name, dossierId: dossiers.id })
      .from(dossierCandidates)
      .innerJoin(dossiers, eq(dossiers.id, dossierCandidates.dossierId))
      .innerJoin(units, eq(units.id, dossiers.unitId))
      .where(and(dossierVisible(actor), inArray(dossiers.status, ['appraising', 'in_council']), eq(dossiers.level, 'unit'), eq(dossierCandidates.outcome, 'pending')))
      .orderBy(asc(units.name), asc(dossierCandidates.sortOrder))
      .limit(1000);
    return { items: rows.filter((r) => !r.candidate.councilResult).map((r) => ({ ...presentCandidate(r.candidate), dossierId: r.dossierId, dossierTitle: r.dossierTitle, unitName: r.unitName })) };
  });

  app.post(
    '/api/sessions',
    { schema: { tags, summary: 'Tạo phiên họp với chương trình (các đề nghị)', body: z.object({ councilId: z.uuid('Hội đồng không hợp lệ.'), title: z.string().trim().min(3, 'Hãy nhập tên phiên họp.').max(300), meetingDate: isoDate, location: z.string().trim().max(300).nullish(), candidateIds: z.array(z.uuid()).max(1000).default([]) }) } },
    async (req, reply) => {
      const actor = actorOf(req);
      authorize(actor, 'session', 'create');
      const s = await runCommand(db, actor, (ctx) => createSession(ctx, req.body));
      return reply.status(201).send(await sessionJson(db, actor, s.id));
    },
  );

  app.get('/api/sessions/:id', { schema: { tags, summary: 'Một phiên họp: chương trình, điểm danh, xung đột lợi ích, phiếu của tôi, kết quả (khi đã kết thúc)', params: idParams } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'session', 'read');
    return sessionJson(db, actor, req.params.id);
  });

  app.post('/api/sessions/:id/items', { schema: { tags, summary: 'Thêm đề nghị vào chương trình họp', params: idParams, body: z.object({ candidateIds: z.array(z.uuid()).min(1, 'Hãy chọn đề nghị.').max(1000) }) } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'session', 'update');
    await runCommand(db, actor, (ctx) => addItems(ctx, req.params.id, req.body.candidateIds));
    return sessionJson(db, actor, req.params.id);
  });

  app.delete('/api/sessions/:id/items/:itemId', { schema: { tags, summary: 'Bỏ một đề nghị khỏi chương trình họp', params: idParams.extend({ itemId: z.uuid('Mã mục không hợp lệ.') }) } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'session', 'update');
    await runCommand(db, actor, (ctx) => removeItem(ctx, req.params.id, req.params.itemId));
    return sessionJson(db, actor, req.params.id);
  });

  app.put('/api/sessions/:id/attendance', { schema: { tags, summary: 'Điểm danh thành viên có mặt', params: idParams, body: z.object({ presentMemberIds: z.array(z.uuid()).max(200) }) } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'session', 'update');
    await runCommand(db, actor, (ctx) => setAttendance(ctx, req.params.id, req.body.presentMemberIds));
    return sessionJson(db, actor, req.params.id);
  });

  app.post('/api/sessions/:id/open', { schema: { tags, summary: 'Khai mạc: chốt tổng số thành viên, kiểm tra số có mặt, ghi nhận xung đột lợi ích, mở bỏ phiếu', params: idParams } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'session', 'update');
    await runCommand(db, actor, (ctx) => openSession(ctx, req.params.id));
    return sessionJson(db, actor, req.params.id);
  });

  app.post('/api/sessions/:id/ballots', { schema: { tags, summary: 'Bỏ phiếu kín (mỗi thành viên một lần cho mỗi đề nghị)', params: idParams, body: z.object({ votes: z.array(z.object({ itemId: z.uuid('Mã mục không hợp lệ.'), choice: z.enum(BALLOT_CHOICES, 'Phương án không hợp lệ.') })).min(1, 'Phiếu chưa chọn đề nghị nào.').max(1000) }) } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'session', 'vote');
    const r = await runCommand(db, actor, (ctx) => castBallot(ctx, req.params.id, req.body.votes));
    return { ok: true, cast: r.cast };
  });

  app.post('/api/sessions/:id/paper-ballots', { schema: { tags, summary: 'Thư ký nhập kết quả kiểm phiếu giấy', params: idParams, body: z.object({ items: z.array(z.object({ itemId: z.uuid('Mã mục không hợp lệ.'), approve: count, reject: count, abstain: count })).min(1).max(1000) }) } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'session', 'enterPaperBallots');
    await runCommand(db, actor, (ctx) => enterPaperBallots(ctx, req.params.id, req.body.items));
    return sessionJson(db, actor, req.params.id);
  });

  app.post('/api/sessions/:id/close', { schema: { tags, summary: 'Kết thúc phiên họp: kiểm phiếu theo tổng số thành viên, chốt kết quả', params: idParams } }, async (req) => {
    const actor = actorOf(req);
    authorize(actor, 'session', 'close');
    await runCommand(db, actor, (ctx) => closeSession(ctx, req.params.id));
    return sessionJson(db, actor, req.params.id);
  });

  app.get('/api/sessions/:id/minutes.docx', { schema: { tags, summary: 'Biên bản kiểm phiếu (DOCX)', params: idParams } }, async (req, reply) => {
    const actor = actorOf(req);
    authorize(actor, 'session', 'read');
    const s = await findVisibleSession(db, actor, req.params.id);
    if (!s) throw notFound('Không tìm thấy phiên họp.');
    const x = await sessionDetail(db, s, actor);
    const buf = await minutesDocx(db, s, x.items.map((i) => ({ candidate: i.candidate, dossierUnitName: i.dossierUnitName, item: i.item })), x.attendance);
    return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document').header('content-disposition', 'attachment; filename="bien-ban-kiem-phieu.docx"').send(buf);
  });
};

/** A movement's submission deadline for units, and the extensions the Office grants to late units. */
import type { CommandContext } from '../run.js';
import { findVisibleMovement, insertExtension, submissionDeadline, SUBMISSION_DEADLINE_KIND, type ExtensionRow } from '../../repositories/dossiers.js';
import { findVisibleUnit } from '../../repositories/units.js';
import { movementSubmissionDeadline, registerDeadline } from '../../deadlines/register.js';
import { MOVEMENT_EXTRA_PREFIX } from '../movements.js';
import { badRequest, notFound } from '../../errors.js';
import { now } from '../../clock.js';
import { formatDateVi } from '../../../shared/format-vi.js';

async function visibleMovement(ctx: CommandContext, movementId: string) {
  const m = await findVisibleMovement(ctx.tx, ctx.actor, movementId);
  if (!m) throw notFound('Không tìm thấy phong trào thi đua.');
  return m;
}

/**
 * Sets the date by which units submit their dossiers for a movement: updates the movement's own
 * submission deadline (kind 'unit_submission'), or adds one among its deadlines.
 */
export async function setSubmissionDeadline(
  ctx: CommandContext,
  input: { movementId: string; dueDate: string; note?: string | null | undefined },
): Promise<{ movementId: string; dueDate: string }> {
  const m = await visibleMovement(ctx, input.movementId);
  const existing = await movementSubmissionDeadline(ctx.tx, m.id);
  await registerDeadline(ctx.tx, {
    sourceType: 'movement',
    sourceId: m.id,
    key: existing?.key ?? `${MOVEMENT_EXTRA_PREFIX}units_submit`,
    unitId: m.unitId,
    audience: 'units',
    kind: SUBMISSION_DEADLINE_KIND,
    title: existing?.title ?? `Hạn nộp hồ sơ đề nghị khen thưởng — ${m.title}`,
    dueDate: input.dueDate,
    note: input.note?.trim() || existing?.note || 'Quá hạn coi như không có hồ sơ đề nghị.',
    link: `/phong-trao/${m.id}`,
    status: m.status === 'launched' ? 'open' : m.status === 'closed' ? 'done' : 'draft',
  });
  await ctx.audit({
    action: 'dossier.deadline_set',
    entityType: 'movement',
    entityId: m.id,
    unitId: m.unitId,
    summary: `Hạn nộp hồ sơ "${m.title}": ${formatDateVi(input.dueDate)}`,
  });
  return { movementId: m.id, dueDate: input.dueDate };
}

export async function grantExtension(ctx: CommandContext, input: { movementId: string; unitId: string; until: string; reason: string }): Promise<ExtensionRow> {
  const m = await visibleMovement(ctx, input.movementId);
  const u = await findVisibleUnit(ctx.tx, ctx.actor, input.unitId);
  if (!u) throw notFound('Không tìm thấy đơn vị.');
  if (!input.reason.trim()) throw badRequest('Hãy ghi lý do gia hạn.');
  // With per-honor deadlines an extension goes beyond the earliest one that binds the unit (the Cờ's 15/10, say).
  const { earliestDue } = await submissionDeadline(ctx.tx, m.id, u.id);
  if (earliestDue && input.until <= earliestDue) throw badRequest(`Ngày gia hạn phải sau hạn nộp hồ sơ (${formatDateVi(earliestDue)}).`);
  const row = await insertExtension(ctx.tx, {
    movementId: m.id,
    unitId: u.id,
    until: input.until,
    reason: input.reason.trim(),
    grantedBy: ctx.actor.accountId,
    grantedAt: now(),
  });
  await ctx.audit({
    action: 'dossier.extension_granted',
    entityType: 'movement',
    entityId: m.id,
    unitId: u.id,
    summary: `Gia hạn nộp hồ sơ "${m.title}" cho ${u.name} đến ${formatDateVi(input.until)}: ${input.reason.trim()}`,
  });
  return row;
}

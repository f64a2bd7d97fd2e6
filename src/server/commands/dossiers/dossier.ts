/** Creating, editing and deleting a dossier (its title and summary). */
import type { CommandContext } from '../run.js';
import {
  deleteDossierRow,
  insertDossier,
  movementParticipants,
  unsafeFindMovement,
  updateDossierAtVersion,
  type DossierRow,
} from '../../repositories/dossiers.js';
import { findVisibleUnit } from '../../repositories/units.js';
import { badRequest, forbidden, notFound } from '../../errors.js';
import { mayCreateDossierFor } from '../../policies/dossier.js';
import { now } from '../../clock.js';
import { COMMENDATION_TYPE_LABELS, type CommendationType } from '../../../shared/codes.js';
import { DossierNotEditable, DossierStale } from './errors.js';
import { STALE, editable } from './common.js';

export interface DossierInput {
  unitId?: string | null | undefined;
  movementId?: string | null | undefined;
  phaseId?: string | null | undefined;
  type: CommendationType;
  year: number;
  title: string;
  summary?: string | null | undefined;
}

export async function createDossier(ctx: CommandContext, input: DossierInput): Promise<DossierRow> {
  const unit = await findVisibleUnit(ctx.tx, ctx.actor, input.unitId ?? ctx.actor.unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị.');
  if (!unit.active) throw badRequest(`Đơn vị "${unit.name}" đã ngừng hoạt động.`);
  if (!mayCreateDossierFor(ctx.actor, unit.id))
    throw forbidden(
      `Hồ sơ của "${unit.name}" do chính đơn vị đó lập và gửi lên. Văn phòng lập hồ sơ của cơ quan mình (có thể đề nghị cả cán bộ, tập thể của đơn vị trực thuộc).`,
    );
  let receiverUnitId: string = unit.parentId ?? unit.id;
  if (input.movementId) {
    // The movement belongs to a parent level: checked by participation, not by the actor's scope.
    const m = await unsafeFindMovement(ctx.tx, input.movementId);
    if (!m) throw notFound('Không tìm thấy phong trào thi đua.');
    const listed = await movementParticipants(ctx.tx, m.movement.id);
    const participates = listed.length ? listed.includes(unit.id) || unit.path.startsWith(m.path) : unit.path.startsWith(m.path);
    if (!participates) throw badRequest(`Đơn vị "${unit.name}" không thuộc phạm vi của phong trào "${m.movement.title}".`);
    if (m.movement.unitId !== unit.id) receiverUnitId = m.movement.unitId;
  }
  const at = now();
  const row = await insertDossier(ctx.tx, {
    unitId: unit.id,
    receiverUnitId,
    movementId: input.movementId ?? null,
    phaseId: input.phaseId ?? null,
    type: input.type,
    year: input.year,
    title: input.title.trim(),
    summary: input.summary?.trim() || null,
    createdBy: ctx.actor.accountId,
    stepStartedAt: at,
    createdAt: at,
    updatedAt: at,
  });
  await ctx.audit({
    action: 'dossier.created',
    entityType: 'dossier',
    entityId: row.id,
    unitId: row.unitId,
    summary: `Tạo hồ sơ "${row.title}" (${COMMENDATION_TYPE_LABELS[input.type].toLowerCase()}, năm ${row.year})`,
  });
  return row;
}

export async function updateDossier(
  ctx: CommandContext,
  id: string,
  input: { title: string; summary?: string | null | undefined; version: number },
): Promise<DossierRow> {
  const d = await editable(ctx, id, input.version);
  const row = await updateDossierAtVersion(ctx.tx, id, input.version, {
    title: input.title.trim(),
    summary: input.summary?.trim() || null,
    version: d.version + 1,
    updatedAt: now(),
  });
  if (!row) throw new DossierStale(STALE);
  await ctx.audit({
    action: 'dossier.updated',
    entityType: 'dossier',
    entityId: id,
    unitId: d.unitId,
    summary: `Sửa hồ sơ "${row.title}"`,
    before: { title: d.title, summary: d.summary },
    after: { title: row.title, summary: row.summary },
  });
  return row;
}

export async function deleteDossier(ctx: CommandContext, id: string): Promise<void> {
  const d = await editable(ctx, id);
  if (d.status !== 'draft' || d.firstSubmittedAt) throw new DossierNotEditable('Chỉ xóa được hồ sơ chưa nộp lần nào; hồ sơ đã nộp được lưu lại để tra cứu.');
  await deleteDossierRow(ctx.tx, id);
  await ctx.audit({ action: 'dossier.deleted', entityType: 'dossier', entityId: id, unitId: d.unitId, summary: `Xóa hồ sơ nháp "${d.title}"` });
}

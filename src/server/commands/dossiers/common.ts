/** What every dossier command shares: loading within scope, the guards, the transition and the version bump. */
import type { dossiers } from '../../db/schema/index.js';
import type { CommandContext } from '../run.js';
import type { Actor } from '../../auth/actor.js';
import { lockVisibleDossier, updateDossierAtVersion, type DossierRow } from '../../repositories/dossiers.js';
import { isOfficeSide, isUnitSide, mayEditDocuments } from '../../policies/dossier.js';
import { notFound } from '../../errors.js';
import { now } from '../../clock.js';
import { DOSSIER_STATUS_LABELS, EDITABLE_STATUSES, nextStatus, transitionFor, type DossierCommand, type DossierStatus } from '../../../shared/dossiers.js';
import { DossierNotEditable, DossierStale, DossierTransitionRefused, DossierWrongSide } from './errors.js';

export const STALE = 'Hồ sơ đã được người khác sửa. Hãy tải lại và thử lại.';

export function statusLabel(s: string): string {
  return DOSSIER_STATUS_LABELS[s as DossierStatus] ?? s;
}

export function refuseTransition(d: DossierRow, command: DossierCommand): never {
  throw new DossierTransitionRefused(`Không thể "${transitionFor(command).label.toLowerCase()}" khi hồ sơ đang ở trạng thái "${statusLabel(d.status)}".`);
}

/** Refuses a client's stale copy of the dossier. */
export function assertVersion(d: DossierRow, expected: number | undefined): void {
  if (expected !== undefined && expected !== d.version) throw new DossierStale(STALE);
}

/** Moves a dossier along the transition table, with its stamps; a stale version is a 409. */
export async function transition(
  ctx: CommandContext,
  d: DossierRow,
  command: DossierCommand,
  stamps: Partial<typeof dossiers.$inferInsert> = {},
): Promise<DossierRow> {
  const to = nextStatus(d.status as DossierStatus, command);
  if (!to) refuseTransition(d, command);
  const at = now();
  const row = await updateDossierAtVersion(ctx.tx, d.id, d.version, {
    ...stamps,
    status: to,
    stepStartedAt: to === d.status ? d.stepStartedAt : at,
    version: d.version + 1,
    updatedAt: at,
  });
  if (!row) throw new DossierStale(STALE);
  return row;
}

/** Bumps the version of a dossier whose parts changed (candidates, documents): concurrent editors get a 409. */
export async function touch(ctx: CommandContext, d: DossierRow, expected?: number): Promise<DossierRow> {
  assertVersion(d, expected);
  const row = await updateDossierAtVersion(ctx.tx, d.id, d.version, { version: d.version + 1, updatedAt: now() });
  if (!row) throw new DossierStale(STALE);
  return row;
}

/** The dossier within the actor's scope, locked for the transaction; out of scope is not found. */
export async function loadDossier(ctx: CommandContext, id: string): Promise<DossierRow> {
  const d = await lockVisibleDossier(ctx.tx, ctx.actor, id);
  if (!d) throw notFound('Không tìm thấy hồ sơ.');
  return d;
}

export function assertUnitSide(actor: Actor, d: DossierRow): void {
  if (!isUnitSide(actor, d)) throw new DossierWrongSide('Chỉ đơn vị lập hồ sơ được sửa, nộp hoặc rút hồ sơ này.');
}

export function assertOfficeSide(actor: Actor, d: DossierRow): void {
  if (!isOfficeSide(actor, d)) throw new DossierWrongSide('Hồ sơ của chính đơn vị mình do cơ quan cấp trên tiếp nhận.');
}

/** Loads a dossier whose content the actor is about to edit; refuses with the reason when it may not. */
export async function editable(ctx: CommandContext, id: string, expectedVersion?: number): Promise<DossierRow> {
  const d = await loadDossier(ctx, id);
  assertUnitSide(ctx.actor, d);
  if (!EDITABLE_STATUSES.includes(d.status as DossierStatus))
    throw new DossierNotEditable(`Hồ sơ đang ở trạng thái "${statusLabel(d.status)}", không sửa được. Chỉ sửa khi hồ sơ đang soạn, bị trả lại hoặc đã rút.`);
  if (d.level !== 'unit') throw new DossierNotEditable('Hồ sơ trình cấp trên được lập từ các đề nghị đã qua Hội đồng, không sửa trực tiếp.');
  assertVersion(d, expectedVersion);
  return d;
}

/** Loads a dossier whose documents the actor is about to change: its content editors, or the parent level on its upward draft. */
export async function documentsEditable(ctx: CommandContext, id: string, expectedVersion?: number): Promise<DossierRow> {
  const d = await loadDossier(ctx, id);
  if (d.level === 'unit') return editable(ctx, id, expectedVersion);
  if (!mayEditDocuments(ctx.actor, d))
    throw new DossierNotEditable(`Hồ sơ trình cấp trên đang ở trạng thái "${statusLabel(d.status)}": chỉ thêm, bỏ tài liệu khi hồ sơ đang soạn.`);
  assertVersion(d, expectedVersion);
  return d;
}

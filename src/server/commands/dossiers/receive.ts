/** The receiving side's first transitions: receiving a submitted dossier, or returning it with reasons. */
import type { CommandContext } from '../run.js';
import type { DossierRow } from '../../repositories/dossiers.js';
import { badRequest } from '../../errors.js';
import { now } from '../../clock.js';
import { assertOfficeSide, loadDossier, transition } from './common.js';

export async function receiveDossier(ctx: CommandContext, id: string): Promise<DossierRow> {
  const d = await loadDossier(ctx, id);
  assertOfficeSide(ctx.actor, d);
  const row = await transition(ctx, d, 'receive', { receivedAt: now(), receivedBy: ctx.actor.accountId });
  await ctx.audit({
    action: 'dossier.received',
    entityType: 'dossier',
    entityId: id,
    unitId: d.unitId,
    summary: `Tiếp nhận hồ sơ "${d.title}" (lần nộp ${d.revision})`,
  });
  return row;
}

export async function returnDossier(ctx: CommandContext, id: string, reasons: string[]): Promise<DossierRow> {
  const d = await loadDossier(ctx, id);
  assertOfficeSide(ctx.actor, d);
  const clean = reasons.map((r) => r.trim()).filter(Boolean);
  if (!clean.length) throw badRequest('Hãy ghi lý do trả lại hồ sơ.');
  const row = await transition(ctx, d, 'return', { returnedAt: now(), returnedBy: ctx.actor.accountId, returnReasons: clean });
  await ctx.audit({
    action: 'dossier.returned',
    entityType: 'dossier',
    entityId: id,
    unitId: d.unitId,
    summary: `Trả lại hồ sơ "${d.title}": ${clean.join('; ')}`,
    after: { reasons: clean },
  });
  return row;
}

/** The receiving side's first transitions: receiving a submitted dossier, or returning it with reasons. */
import type { CommandContext } from '../run.js';
import type { DossierRow } from '../../repositories/dossiers.js';
import { badRequest } from '../../errors.js';
import { now } from '../../clock.js';
import { assertOfficeSide, loadDossier, transition } from './common.js';
import { notify } from '../notify.js';
import { releaseDossierClaims } from '../initiative-claims.js';

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
  await notify(
    ctx,
    { unitSide: [d.unitId] },
    {
      key: `dossier.received:${id}:${row.version}`,
      title: `Hồ sơ "${d.title}" đã được tiếp nhận`,
      body: `Văn phòng đã tiếp nhận hồ sơ "${d.title}" (lần nộp ${d.revision}) và chuyển sang thẩm định.`,
      link: `/ho-so/${id}`,
    },
  );
  return row;
}

export async function returnDossier(ctx: CommandContext, id: string, reasons: string[]): Promise<DossierRow> {
  const d = await loadDossier(ctx, id);
  assertOfficeSide(ctx.actor, d);
  const clean = reasons.map((r) => r.trim()).filter(Boolean);
  if (!clean.length) throw badRequest('Hãy ghi lý do trả lại hồ sơ.');
  const row = await transition(ctx, d, 'return', { returnedAt: now(), returnedBy: ctx.actor.accountId, returnReasons: clean });
  await releaseDossierClaims(ctx, d, 'returned');
  await ctx.audit({
    action: 'dossier.returned',
    entityType: 'dossier',
    entityId: id,
    unitId: d.unitId,
    summary: `Trả lại hồ sơ "${d.title}": ${clean.join('; ')}`,
    after: { reasons: clean },
  });
  await notify(
    ctx,
    { unitSide: [d.unitId] },
    {
      key: `dossier.returned:${id}:${row.version}`,
      title: `Hồ sơ "${d.title}" bị trả lại, cần bổ sung`,
      body: `Văn phòng trả lại hồ sơ "${d.title}" với lý do:\n${clean.map((r) => `- ${r}`).join('\n')}\nHãy sửa, bổ sung rồi nộp lại.`,
      link: `/ho-so/${id}`,
    },
  );
  return row;
}

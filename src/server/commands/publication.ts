import type { CommandContext } from './run.js';
import { findOwnedDecisionForPortal, isTakenOff, putBack, takeOff, upsertPublicationSetting } from '../repositories/public.js';
import { findVisibleUnit } from '../repositories/units.js';
import { conflict, forbidden, notFound } from '../errors.js';
import { mayManagePublication } from '../policies/exemplar.js';
import { now } from '../clock.js';
import { PUBLIC_KIND_LABELS } from '../../shared/codes.js';
import type { PublicationSettingInput } from '../../shared/schemas/exemplars.js';

/** Switches a kind of content on or off on the portal for a unit and its subtree. */
export async function setPublication(ctx: CommandContext, input: PublicationSettingInput): Promise<void> {
  const unit = await findVisibleUnit(ctx.tx, ctx.actor, input.unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị.');
  if (!mayManagePublication(ctx.actor, unit.path)) throw forbidden();
  await upsertPublicationSetting(ctx.tx, unit.id, input.kind, input.enabled, ctx.actor.accountId, now());
  await ctx.audit({
    action: 'publication.setting_changed',
    entityType: 'unit',
    entityId: unit.id,
    unitId: unit.id,
    summary: `${input.enabled ? 'Bật' : 'Tắt'} công khai "${PUBLIC_KIND_LABELS[input.kind]}" trên cổng thông tin (${unit.name})`,
    after: { kind: input.kind, enabled: input.enabled },
  });
}

/** Takes an issued decision off the portal (its record is untouched), or puts it back. */
export async function setDecisionOnPortal(ctx: CommandContext, id: string, shown: boolean, reason: string): Promise<void> {
  const d = await findOwnedDecisionForPortal(ctx.tx, ctx.actor, id);
  if (!d) throw notFound('Không tìm thấy quyết định.');
  if (!mayManagePublication(ctx.actor, d.unitPath)) throw forbidden();
  const off = await isTakenOff(ctx.tx, 'decision', id);
  if (shown === !off) throw conflict(shown ? 'Quyết định đang được công khai.' : 'Quyết định đã được gỡ khỏi cổng thông tin.');
  if (shown) await putBack(ctx.tx, 'decision', id);
  else await takeOff(ctx.tx, { kind: 'decision', itemId: id, unitId: d.unitId, reason, by: ctx.actor.accountId, at: now() });
  await ctx.audit({
    action: shown ? 'publication.item_restored' : 'publication.item_taken_off',
    entityType: 'decision',
    entityId: id,
    unitId: d.unitId,
    summary: `${shown ? 'Đăng lại' : 'Gỡ'} quyết định ${d.numberText} ${shown ? 'lên' : 'khỏi'} cổng thông tin${shown ? '' : `: ${reason}`}`,
  });
}

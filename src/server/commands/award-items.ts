/**
 * The inventory of award items (phôi Giấy khen / Bằng khen, khung, Kỷ niệm chương, Cờ): received,
 * issued per decision (one per certificate of the register), spoiled with a reason, recalled after
 * revocation; and the requests to re-issue (cấp lại) or exchange (cấp đổi) a certificate, handled
 * within the pack's time limit, the old certificate flagged and the new one registered.
 */
import type { Executor } from '../db/client.js';
import type { CommandContext } from './run.js';
import {
  certificatesWithIssuedItem,
  insertItemMove,
  insertReissue,
  issuedNotRecalled,
  itemTotals,
  lockItemStock,
  lockVisibleReissue,
  pendingReissueOf,
  revokedCertificatesOfDecision,
  updateReissue,
  type AwardItemMoveRow,
  type ReissueRow,
} from '../repositories/fund.js';
import { activeCertificatesOfDecision, lockVisibleCertificate, markCertificateRevoked } from '../repositories/certificates.js';
import { findVisibleDecision } from '../repositories/decisions.js';
import { loadCalendar } from '../repositories/dossiers.js';
import { findVisibleUnit } from '../repositories/units.js';
import { badRequest, forbidden, notFound } from '../errors.js';
import { can } from '../policies/abilities.js';
import { mayReissue, ReissueNotOpen, StockInsufficient } from '../policies/fund.js';
import { governingPackOfUnit } from '../records/eligibility.js';
import { reissueDueDate } from '../rules/index.js';
import { now, todayVn } from '../clock.js';
import { registerCertificate, registerNumberText } from './certificates.js';
import {
  AWARD_ITEM_KIND_LABELS,
  AWARD_ITEM_KINDS,
  REISSUE_KIND_LABELS,
  type AwardItemKind,
  type AwardItemMove,
  type Honor,
  type ReissueKind,
} from '../../shared/codes.js';
import { formatDateVi } from '../../shared/format-vi.js';

/** The item a certificate of this honor is printed on or comes with. */
export function itemKindForHonor(honor: string): AwardItemKind {
  if (honor === 'BK_BO_TINH' || honor === 'BK_TTG') return 'phoi_bang_khen';
  if (honor === 'KNC') return 'ky_niem_chuong';
  if (honor === 'CO_BO_TINH' || honor === 'CO_CP') return 'co_thi_dua';
  // Giấy khen and the unit's own titles (LĐTT, CSTĐCS, TTLĐTT…) are printed on the unit's Giấy khen blank.
  return 'phoi_giay_khen';
}

export interface StockLine {
  itemKind: AwardItemKind;
  received: number;
  issued: number;
  spoiled: number;
  recalled: number;
  /** Usable items in hand: received − issued − spoiled (recalled items are kept apart). */
  stock: number;
}

/** The stock of every item kind of a unit at the end of `date`. */
export async function stockAt(tx: Executor, unitId: string, date: string): Promise<StockLine[]> {
  const rows = await itemTotals(tx, unitId, date);
  return AWARD_ITEM_KINDS.map((itemKind) => {
    const v = (m: AwardItemMove) => rows.find((r) => r.itemKind === itemKind && r.move === m)?.total ?? 0;
    return {
      itemKind,
      received: v('received'),
      issued: v('issued'),
      spoiled: v('spoiled'),
      recalled: v('recalled'),
      stock: v('received') - v('issued') - v('spoiled'),
    };
  });
}

/** Refuses when taking `quantity` of a kind on `date` would leave the stock negative on that day or today. */
async function assertStock(tx: Executor, unitId: string, itemKind: AwardItemKind, quantity: number, date: string): Promise<void> {
  for (const d of [...new Set([date, todayVn()])]) {
    const line = (await stockAt(tx, unitId, d)).find((l) => l.itemKind === itemKind)!;
    if (line.stock < quantity)
      throw new StockInsufficient(
        `${AWARD_ITEM_KIND_LABELS[itemKind]} trong kho ngày ${formatDateVi(d)} còn ${line.stock}, không đủ ${quantity}. Hãy nhập kho trước.`,
      );
  }
}

async function inventoryUnit(ctx: CommandContext, unitId: string | undefined) {
  const u = await findVisibleUnit(ctx.tx, ctx.actor, unitId ?? ctx.actor.unitId);
  if (!u) throw notFound('Không tìm thấy đơn vị.');
  return u;
}

export interface ItemMoveInput {
  unitId?: string | undefined;
  itemKind: AwardItemKind;
  move: 'received' | 'spoiled';
  quantity: number;
  moveDate: string;
  reason?: string | null | undefined;
  reference?: string | null | undefined;
}

/** Items received into stock, or spoiled (with a reason, out of the stock). */
export async function recordItemMove(ctx: CommandContext, input: ItemMoveInput): Promise<AwardItemMoveRow> {
  if (!can(ctx.actor.role, 'awardItem', 'write')) throw forbidden();
  if (input.moveDate > todayVn()) throw badRequest('Ngày nhập, xuất không được sau ngày hôm nay.');
  const reason = input.reason?.trim() ?? '';
  if (input.move === 'spoiled' && !reason) throw badRequest('Hãy ghi lý do hỏng, hủy.');
  const unit = await inventoryUnit(ctx, input.unitId);
  await lockItemStock(ctx.tx, unit.id);
  if (input.move === 'spoiled') await assertStock(ctx.tx, unit.id, input.itemKind, input.quantity, input.moveDate);
  const row = await insertItemMove(ctx.tx, {
    unitId: unit.id,
    itemKind: input.itemKind,
    move: input.move,
    quantity: input.quantity,
    moveDate: input.moveDate,
    reason: reason || null,
    reference: input.reference?.trim() || null,
    createdBy: ctx.actor.accountId,
  });
  await ctx.audit({
    action: input.move === 'received' ? 'award_item.received' : 'award_item.spoiled',
    entityType: 'award_item',
    entityId: row.id,
    unitId: unit.id,
    summary: `${input.move === 'received' ? 'Nhập kho' : 'Hỏng, hủy'} ${input.quantity} ${AWARD_ITEM_KIND_LABELS[input.itemKind]} ngày ${formatDateVi(input.moveDate)}${reason ? `: ${reason}` : ''}`,
  });
  return row;
}

/** Issues one item per certificate of the decision that has none yet (idempotent). */
export async function issueItemsForDecision(ctx: CommandContext, decisionId: string, moveDate: string): Promise<AwardItemMoveRow[]> {
  if (!can(ctx.actor.role, 'awardItem', 'write')) throw forbidden();
  if (moveDate > todayVn()) throw badRequest('Ngày cấp phát không được sau ngày hôm nay.');
  const d = await findVisibleDecision(ctx.tx, ctx.actor, decisionId);
  if (!d) throw notFound('Không tìm thấy quyết định.');
  if (moveDate < d.decisionDate) throw badRequest(`Ngày cấp phát không được trước ngày quyết định (${formatDateVi(d.decisionDate)}).`);
  await lockItemStock(ctx.tx, d.unitId);
  const certs = await activeCertificatesOfDecision(ctx.tx, decisionId);
  if (!certs.length) throw badRequest('Quyết định chưa vào sổ vàng Giấy khen, Bằng khen nào: hãy vào sổ trước khi cấp phát.');
  const done = await certificatesWithIssuedItem(
    ctx.tx,
    certs.map((c) => c.id),
  );
  const todo = certs.filter((c) => !done.has(c.id));
  const need = new Map<AwardItemKind, number>();
  for (const c of todo) need.set(itemKindForHonor(c.honor), (need.get(itemKindForHonor(c.honor)) ?? 0) + 1);
  for (const [kind, n] of need) await assertStock(ctx.tx, d.unitId, kind, n, moveDate);
  const out: AwardItemMoveRow[] = [];
  for (const c of todo) {
    out.push(
      await insertItemMove(ctx.tx, {
        unitId: d.unitId,
        itemKind: itemKindForHonor(c.honor),
        move: 'issued',
        quantity: 1,
        moveDate,
        decisionId: d.id,
        certificateId: c.id,
        reference: `Số vào sổ ${registerNumberText(c)}`,
        createdBy: ctx.actor.accountId,
      }),
    );
  }
  if (out.length)
    await ctx.audit({
      action: 'award_item.issued',
      entityType: 'decision',
      entityId: d.id,
      unitId: d.unitId,
      summary: `Cấp phát ${out.length} phôi, hiện vật theo Quyết định số ${d.numberText}`,
    });
  return out;
}

/** After a revocation: the items of the revoked certificates are recalled (one line each, dated today). */
export async function recallItemsForRevocation(ctx: CommandContext, decisionId: string, unitId: string, awardeeIds: string[], reason: string): Promise<number> {
  const revoked = await revokedCertificatesOfDecision(ctx.tx, decisionId, awardeeIds);
  const issued = await issuedNotRecalled(
    ctx.tx,
    revoked.map((c) => c.id),
  );
  for (const m of issued) {
    await insertItemMove(ctx.tx, {
      unitId: m.unitId,
      itemKind: m.itemKind,
      move: 'recalled',
      quantity: 1,
      moveDate: todayVn(),
      decisionId,
      certificateId: m.certificateId,
      reason: `Hủy bỏ khen thưởng: ${reason}`,
      createdBy: ctx.actor.accountId,
    });
  }
  if (issued.length)
    await ctx.audit({
      action: 'award_item.recalled',
      entityType: 'decision',
      entityId: decisionId,
      unitId,
      summary: `Thu hồi ${issued.length} hiện vật khen thưởng do hủy bỏ: ${reason}`,
    });
  return issued.length;
}

export interface ReissueInput {
  certificateId: string;
  kind: ReissueKind;
  requesterName: string;
  reason: string;
  receivedDate: string;
}

/** Receives a request to re-issue or exchange a certificate of the register; the due date comes from the pack. */
export async function requestReissue(ctx: CommandContext, input: ReissueInput): Promise<ReissueRow> {
  if (!can(ctx.actor.role, 'awardItem', 'write')) throw forbidden();
  if (input.receivedDate > todayVn()) throw badRequest('Ngày nhận đơn không được sau ngày hôm nay.');
  const c = await lockVisibleCertificate(ctx.tx, ctx.actor, input.certificateId);
  if (!c) throw notFound('Không tìm thấy Giấy khen/Bằng khen trong sổ vàng.');
  if (c.revoked) throw new ReissueNotOpen('Giấy khen/Bằng khen này đã bị hủy bỏ hoặc đã được cấp lại, cấp đổi: không cấp lại.');
  if (await pendingReissueOf(ctx.tx, c.id)) throw new ReissueNotOpen('Đã có đề nghị cấp lại, cấp đổi đang giải quyết cho Giấy khen/Bằng khen này.');
  const pack = await governingPackOfUnit(ctx.tx, c.unitId, input.receivedDate);
  const { due, rule } = reissueDueDate(pack, input.receivedDate, await loadCalendar(ctx.tx));
  const row = await insertReissue(ctx.tx, {
    unitId: c.unitId,
    kind: input.kind,
    certificateId: c.id,
    requesterName: input.requesterName.trim(),
    reason: input.reason.trim(),
    receivedDate: input.receivedDate,
    dueDate: due,
    limitArticle: rule.article,
    createdBy: ctx.actor.accountId,
  });
  await ctx.audit({
    action: 'reissue.requested',
    entityType: 'reissue_request',
    entityId: row.id,
    unitId: c.unitId,
    summary: `Nhận đề nghị ${REISSUE_KIND_LABELS[input.kind].toLocaleLowerCase('vi')} ${c.honorLabel} số ${registerNumberText(c)} của ${c.recipientName}; hạn giải quyết ${formatDateVi(due)}`,
  });
  return row;
}

/**
 * Grants a request: a new certificate with the same content is registered (new number, new code),
 * the old one is flagged as replaced, a blank is issued for the new one and, for an exchange, the
 * old item is recalled.
 */
export async function grantReissue(ctx: CommandContext, id: string, input: { answer?: string | null | undefined }): Promise<ReissueRow> {
  const r = await lockVisibleReissue(ctx.tx, ctx.actor, id);
  if (!r) throw notFound('Không tìm thấy đề nghị cấp lại, cấp đổi.');
  if (!can(ctx.actor.role, 'awardItem', 'write')) throw forbidden();
  if (!mayReissue(ctx.actor, r, 'issue')) throw new ReissueNotOpen('Đề nghị đã được giải quyết.');
  const old = await lockVisibleCertificate(ctx.tx, ctx.actor, r.certificateId);
  if (!old) throw notFound('Không tìm thấy Giấy khen/Bằng khen trong sổ vàng.');
  if (old.revoked) throw new ReissueNotOpen('Giấy khen/Bằng khen gốc đã bị hủy bỏ: không cấp lại.');
  const today = todayVn();
  const itemKind = itemKindForHonor(old.honor);
  await lockItemStock(ctx.tx, old.unitId);
  await assertStock(ctx.tx, old.unitId, itemKind, 1, today);
  const fresh = await registerCertificate(ctx.tx, {
    unitId: old.unitId,
    honor: old.honor as Honor,
    recipientName: old.recipientName,
    recipientDetail: old.recipientDetail,
    achievement: old.achievement,
    decisionNumber: old.decisionNumber,
    decisionDate: old.decisionDate,
    issuerName: old.issuerName,
    issuerTitle: old.issuerTitle,
    signerTitle: old.signerTitle,
    signerName: old.signerName,
    place: old.place,
    decisionId: old.decisionId,
    issuedBy: ctx.actor.accountId,
    posthumous: old.posthumous,
  });
  const verb = r.kind === 'cap_lai' ? 'Đã cấp lại' : 'Đã cấp đổi';
  await markCertificateRevoked(ctx.tx, old.id, `${verb} ngày ${formatDateVi(today)}: thay bằng số ${registerNumberText(fresh)}`, now());
  await insertItemMove(ctx.tx, {
    unitId: old.unitId,
    itemKind,
    move: 'issued',
    quantity: 1,
    moveDate: today,
    decisionId: old.decisionId,
    certificateId: fresh.id,
    reference: `${verb} thay số ${registerNumberText(old)}`,
    createdBy: ctx.actor.accountId,
  });
  if (r.kind === 'cap_doi')
    await insertItemMove(ctx.tx, {
      unitId: old.unitId,
      itemKind,
      move: 'recalled',
      quantity: 1,
      moveDate: today,
      decisionId: old.decisionId,
      certificateId: old.id,
      reason: `Thu hồi khi cấp đổi: ${r.reason}`,
      createdBy: ctx.actor.accountId,
    });
  const row = await updateReissue(ctx.tx, r.id, {
    status: 'done',
    newCertificateId: fresh.id,
    answer: input.answer?.trim() || null,
    handledAt: now(),
    handledBy: ctx.actor.accountId,
  });
  await ctx.audit({
    action: 'reissue.issued',
    entityType: 'reissue_request',
    entityId: r.id,
    unitId: r.unitId,
    summary: `${verb} ${old.honorLabel} của ${old.recipientName}: số ${registerNumberText(old)} thay bằng số ${registerNumberText(fresh)}${today > r.dueDate ? ` (quá hạn ${formatDateVi(r.dueDate)})` : ''}`,
  });
  return row;
}

/** Refuses a request, with the answer sent to the requester. */
export async function refuseReissue(ctx: CommandContext, id: string, answer: string): Promise<ReissueRow> {
  const r = await lockVisibleReissue(ctx.tx, ctx.actor, id);
  if (!r) throw notFound('Không tìm thấy đề nghị cấp lại, cấp đổi.');
  if (!can(ctx.actor.role, 'awardItem', 'write')) throw forbidden();
  if (!mayReissue(ctx.actor, r, 'refuse')) throw new ReissueNotOpen('Đề nghị đã được giải quyết.');
  const text = answer.trim();
  if (!text) throw badRequest('Hãy ghi lý do từ chối.');
  const row = await updateReissue(ctx.tx, r.id, { status: 'refused', answer: text, handledAt: now(), handledBy: ctx.actor.accountId });
  await ctx.audit({
    action: 'reissue.refused',
    entityType: 'reissue_request',
    entityId: r.id,
    unitId: r.unitId,
    summary: `Từ chối đề nghị cấp lại, cấp đổi: ${text}`,
  });
  return row;
}

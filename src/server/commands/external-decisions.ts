/**
 * Decisions of an authority above the agency recorded on their own (no dossier, council session or
 * forward behind them): the Office picks the awardees of its tree, their histories get the honor.
 * Corrected while only recorded; deleted when recorded by mistake.
 */
import type { CommandContext } from './run.js';
import { findVisiblePersonWithUnit } from '../repositories/people.js';
import { findVisibleUnit } from '../repositories/units.js';
import {
  awardeesOf,
  decisionIsReferenced,
  deleteAwardeesAndHistories,
  deleteDecisionRow,
  findExternalDecisionByNumber,
  insertAwardee,
  insertDecision,
  lockVisibleDecision,
  refreshHistoriesOfDecision,
  setAwardeeHonorAward,
  setDecisionTotal,
  standingHonor,
  updateDecisionAtVersion,
  type DecisionRow,
} from '../repositories/decisions.js';
import { badRequest, conflict, domainError, forbidden, notFound, StaleVersion } from '../errors.js';
import { can } from '../policies/abilities.js';
import { mayDecision } from '../policies/decision.js';
import { now } from '../clock.js';
import { regimeForDate } from '../rules/index.js';
import { HONOR_INFO, type CommendationType, type Honor, type SubjectKind } from '../../shared/codes.js';
import { formatDateVi } from '../../shared/format-vi.js';
import { DECISION_NUMBER_SYMBOL, DECISION_NUMBER_SYMBOL_MESSAGE, type SignerAuthority } from '../../shared/external-decisions.js';
import { DuplicateHonor, externalTextColumns, money, recordAward, type ExternalDecisionText } from './decisions.js';

/** A record that something else already uses (a certificate, the fund, a signed copy…) is not deleted. */
export const DecisionInUse = domainError('DecisionInUse', 'conflict', 'decision_in_use');

export interface ExternalAwardeeInput {
  subjectKind: 'individual' | 'collective';
  personId?: string | null | undefined;
  unitId?: string | null | undefined;
  honor: Honor;
  /** As the list prints it; the person's position and unit when not given. */
  positionText?: string | null | undefined;
}

export interface StandaloneDecisionInput extends ExternalDecisionText {
  numberText: string;
  decisionDate: string;
  issuerName: string;
  signerName: string;
  signerTitle: string;
  title?: string | null | undefined;
  awardYear?: number | null | undefined;
  type?: CommendationType | undefined;
  awardees: ExternalAwardeeInput[];
}

const clean = (s: string | null | undefined): string | null => (s?.trim() ? s.trim() : null);

function assertNumberSymbol(numberText: string) {
  if (!DECISION_NUMBER_SYMBOL.test(numberText.trim())) throw badRequest(DECISION_NUMBER_SYMBOL_MESSAGE);
}

interface ResolvedAwardee {
  subjectKind: SubjectKind;
  personId: string | null;
  subjectUnitId: string | null;
  displayName: string;
  positionText: string | null;
  honor: Honor;
}

/** The awardees, each a person or a collective of the actor's tree (one outside it is not found). */
async function resolveAwardees(ctx: CommandContext, input: ExternalAwardeeInput[]): Promise<ResolvedAwardee[]> {
  if (!input.length) throw badRequest('Hãy chọn ít nhất một cá nhân hoặc tập thể được khen thưởng.');
  const out: ResolvedAwardee[] = [];
  for (const a of input) {
    if (a.subjectKind === 'individual') {
      if (!a.personId) throw badRequest('Hãy chọn cá nhân được khen thưởng.');
      const found = await findVisiblePersonWithUnit(ctx.tx, ctx.actor, a.personId);
      if (!found) throw notFound('Không tìm thấy cán bộ được khen thưởng trong đơn vị của bạn.');
      const position = [found.person.position, found.unitName].filter(Boolean).join(', ');
      out.push({
        subjectKind: 'individual',
        personId: found.person.id,
        subjectUnitId: null,
        displayName: found.person.fullName,
        positionText: clean(a.positionText) ?? (position || null),
        honor: a.honor,
      });
    } else {
      if (!a.unitId) throw badRequest('Hãy chọn tập thể được khen thưởng.');
      const u = await findVisibleUnit(ctx.tx, ctx.actor, a.unitId);
      if (!u) throw notFound('Không tìm thấy tập thể được khen thưởng trong đơn vị của bạn.');
      out.push({ subjectKind: 'collective', personId: null, subjectUnitId: u.id, displayName: u.name, positionText: clean(a.positionText), honor: a.honor });
    }
  }
  const seen = new Set<string>();
  for (const a of out) {
    const key = `${a.personId ?? a.subjectUnitId}:${a.honor}`;
    if (seen.has(key)) throw badRequest(`${a.displayName} có tên hai lần với cùng hình thức ${HONOR_INFO[a.honor].label}.`);
    seen.add(key);
  }
  return out;
}

/** The list with its money (the level's rules at the decision date) and the histories (what eligibility reads). */
async function writeAwardees(ctx: CommandContext, d: DecisionRow, awardees: ResolvedAwardee[], type: CommendationType): Promise<DecisionRow> {
  const year = d.awardYear ?? d.year;
  let total = 0;
  for (const [i, a] of awardees.entries()) {
    const m = money(a.honor, a.subjectKind, d.decisionDate);
    const amount = m?.amount ?? 0;
    total += amount;
    const dup = await standingHonor(ctx.tx, { personId: a.personId, unitId: a.subjectUnitId }, a.honor, year);
    if (dup)
      throw new DuplicateHonor(
        `${a.displayName} đã được ${HONOR_INFO[a.honor].label} năm ${year}${dup.number ? ` (Quyết định số ${dup.number})` : ''}; không ghi nhận trùng.`,
      );
    await insertAwardee(ctx.tx, {
      decisionId: d.id,
      candidateId: null,
      subjectKind: a.subjectKind,
      personId: a.personId,
      subjectUnitId: a.subjectUnitId,
      displayName: a.displayName,
      positionText: a.positionText,
      honor: a.honor,
      type,
      coefficientMilli: m ? Math.round(m.coefficient * 1000) : null,
      baseSalary: m?.baseSalary ?? null,
      amount,
      honorAwardId: null,
      sortOrder: i,
    });
  }
  for (const a of await awardeesOf(ctx.tx, d.id)) {
    const honorAwardId = await recordAward(ctx.tx, {
      personId: a.personId,
      unitId: a.subjectUnitId,
      honor: a.honor as Honor,
      year,
      type: a.type,
      decisionNumber: d.numberText,
      decisionDate: d.decisionDate,
      issuer: d.issuerName,
      amount: a.amount,
      dossierId: null,
      displayName: a.displayName,
    });
    if (honorAwardId) await setAwardeeHonorAward(ctx.tx, a.id, honorAwardId);
  }
  return setDecisionTotal(ctx.tx, d.id, total);
}

function defaultTitle(awardees: { honor: string }[]): string {
  return `Về việc tặng ${[...new Set(awardees.map((a) => HONOR_INFO[a.honor as Honor].label))].join(', ')}`;
}

async function assertNumberFree(ctx: CommandContext, unitId: string, input: { issuerName: string; numberText: string; decisionDate: string }, except?: string) {
  const other = await findExternalDecisionByNumber(ctx.tx, unitId, input.issuerName.trim(), input.numberText.trim(), Number(input.decisionDate.slice(0, 4)));
  if (other && other.id !== except)
    throw conflict(`Quyết định số ${input.numberText.trim()} của ${input.issuerName.trim()} đã được ghi nhận; mở quyết định đó để sửa.`);
}

/** Records a higher authority's decision on its own: the awardees are picked from the actor's tree. */
export async function recordStandaloneDecision(ctx: CommandContext, input: StandaloneDecisionInput): Promise<DecisionRow> {
  if (!can(ctx.actor.role, 'decision', 'record')) throw forbidden();
  assertNumberSymbol(input.numberText);
  const text = externalTextColumns(input);
  if (!text.executors.length) throw badRequest('Hãy ghi ít nhất một cơ quan, người chịu trách nhiệm thi hành (Điều 3 của quyết định).');
  const awardees = await resolveAwardees(ctx, input.awardees);
  await assertNumberFree(ctx, ctx.actor.unitId, input);
  const decision = await insertDecision(ctx.tx, {
    kind: 'external',
    unitId: ctx.actor.unitId,
    issuerName: input.issuerName.trim(),
    number: null,
    year: Number(input.decisionDate.slice(0, 4)),
    numberText: input.numberText.trim(),
    decisionDate: input.decisionDate,
    title: clean(input.title) ?? defaultTitle(awardees),
    signerName: input.signerName.trim(),
    signerTitle: input.signerTitle.trim(),
    regime: regimeForDate(input.decisionDate),
    issuedBy: ctx.actor.accountId,
    issuedAt: now(),
    awardYear: input.awardYear ?? null,
    dossierId: null,
    ...text,
  });
  const row = await writeAwardees(ctx, decision, awardees, input.type ?? 'cong_trang');
  await ctx.audit({
    action: 'decision.recorded',
    entityType: 'decision',
    entityId: row.id,
    unitId: row.unitId,
    summary: `Ghi nhận Quyết định số ${row.numberText} ngày ${formatDateVi(row.decisionDate)} của ${row.issuerName}: ${awardees.length} tập thể, cá nhân được khen thưởng`,
    after: { numberText: row.numberText, awardees: awardees.map((a) => `${a.displayName} (${HONOR_INFO[a.honor].label})`) },
  });
  return row;
}

export type ExternalDecisionUpdate = Partial<Omit<StandaloneDecisionInput, 'awardees'>> & {
  version: number;
  awardees?: ExternalAwardeeInput[] | undefined;
};

/**
 * Corrects a recorded external decision. One recorded on its own gets its list rebuilt (the histories
 * it wrote are replaced); one answering a dossier keeps its list (the dossier's candidates) and its
 * histories follow the corrected number, date and issuer.
 */
export async function updateExternalDecision(ctx: CommandContext, id: string, input: ExternalDecisionUpdate): Promise<DecisionRow> {
  const d = await lockVisibleDecision(ctx.tx, ctx.actor, id);
  if (!d) throw notFound('Không tìm thấy quyết định.');
  if (!mayDecision(ctx.actor, d, 'edit'))
    throw d.kind === 'external' ? conflict('Quyết định đã bị hủy bỏ (toàn bộ hoặc một phần): không sửa được.') : forbidden();
  if (d.version !== input.version) throw new StaleVersion('Quyết định vừa được người khác sửa; hãy tải lại rồi sửa tiếp.');
  const merged = {
    numberText: input.numberText ?? d.numberText,
    decisionDate: input.decisionDate ?? d.decisionDate,
    issuerName: input.issuerName ?? d.issuerName,
  };
  assertNumberSymbol(merged.numberText);
  const text = externalTextColumns({
    issuerSuperior: input.issuerSuperior !== undefined ? input.issuerSuperior : d.issuerSuperior,
    issuerPlace: input.issuerPlace !== undefined ? input.issuerPlace : d.issuerPlace,
    issuingAuthority: input.issuingAuthority !== undefined ? input.issuingAuthority : d.issuingAuthority,
    signerAuthorities: (input.signerAuthorities ?? d.signerAuthorities) as { authority: SignerAuthority; of: string }[],
    legalBases: input.legalBases ?? d.legalBases,
    proposal: input.proposal !== undefined ? input.proposal : d.proposal,
    achievement: input.achievement !== undefined ? input.achievement : d.achievement,
    fundingRoute: input.fundingRoute !== undefined ? input.fundingRoute : d.fundingRoute,
    executors: input.executors ?? d.executors,
    recipients: input.recipients ?? d.recipients,
  });
  const standalone = !d.dossierId;
  if (standalone && !text.executors.length) throw badRequest('Hãy ghi ít nhất một cơ quan, người chịu trách nhiệm thi hành (Điều 3 của quyết định).');
  if (!standalone && input.awardees) throw badRequest('Danh sách của quyết định trả lời hồ sơ là các đề nghị trong hồ sơ: không sửa ở đây.');
  await assertNumberFree(ctx, d.unitId, merged, d.id);
  // The list to write again (a standalone decision): the one given, or the one it has (new money and year).
  const current = await awardeesOf(ctx.tx, d.id);
  const awardees = standalone
    ? await resolveAwardees(
        ctx,
        input.awardees ??
          current.map((a) => ({
            subjectKind: a.subjectKind === 'individual' ? ('individual' as const) : ('collective' as const),
            personId: a.personId,
            unitId: a.subjectUnitId,
            honor: a.honor as Honor,
            positionText: a.positionText,
          })),
      )
    : [];
  const row = await updateDecisionAtVersion(ctx.tx, d.id, d.version, {
    ...merged,
    numberText: merged.numberText.trim(),
    issuerName: merged.issuerName.trim(),
    year: Number(merged.decisionDate.slice(0, 4)),
    regime: regimeForDate(merged.decisionDate),
    title: clean(input.title) ?? (input.title === undefined ? d.title : defaultTitle(awardees.length ? awardees : current)),
    signerName: (input.signerName ?? d.signerName).trim(),
    signerTitle: (input.signerTitle ?? d.signerTitle).trim(),
    awardYear: input.awardYear !== undefined ? input.awardYear : d.awardYear,
    ...text,
  });
  if (!row) throw new StaleVersion('Quyết định vừa được người khác sửa; hãy tải lại rồi sửa tiếp.');
  let out = row;
  if (standalone) {
    await deleteAwardeesAndHistories(ctx.tx, d.id);
    out = await writeAwardees(ctx, row, awardees, (input.type ?? current[0]?.type ?? 'cong_trang') as CommendationType);
  } else {
    await refreshHistoriesOfDecision(ctx.tx, d.id, { decisionNumber: row.numberText, decisionDate: row.decisionDate, issuer: row.issuerName });
  }
  await ctx.audit({
    action: 'decision.external_updated',
    entityType: 'decision',
    entityId: d.id,
    unitId: d.unitId,
    summary: `Sửa Quyết định số ${out.numberText} ngày ${formatDateVi(out.decisionDate)} của ${out.issuerName}`,
    before: { numberText: d.numberText, decisionDate: d.decisionDate, issuerName: d.issuerName, awardees: current.map((a) => a.displayName) },
    after: { numberText: out.numberText, decisionDate: out.decisionDate, issuerName: out.issuerName },
  });
  return out;
}

/** Deletes an external decision recorded by mistake (on its own, nothing else using it): its list and the histories it wrote go with it. */
export async function deleteExternalDecision(ctx: CommandContext, id: string): Promise<void> {
  const d = await lockVisibleDecision(ctx.tx, ctx.actor, id);
  if (!d) throw notFound('Không tìm thấy quyết định.');
  if (!mayDecision(ctx.actor, d, 'delete')) {
    if (!can(ctx.actor.role, 'decision', 'record') || d.kind !== 'external') throw forbidden();
    throw conflict(
      d.dossierId
        ? 'Quyết định này trả lời một hồ sơ đã trình: không xóa được; nếu ghi nhận sai, hãy sửa hoặc hủy bỏ.'
        : 'Quyết định đã bị hủy bỏ (toàn bộ hoặc một phần): không xóa được.',
    );
  }
  if (await decisionIsReferenced(ctx.tx, id))
    throw new DecisionInUse('Quyết định đã được dùng (sổ vàng, quỹ, bản ký số, hồ sơ khác…): không xóa được; hãy hủy bỏ nếu ghi nhận sai.');
  const awardees = await awardeesOf(ctx.tx, id);
  await deleteAwardeesAndHistories(ctx.tx, id);
  await deleteDecisionRow(ctx.tx, id);
  await ctx.audit({
    action: 'decision.external_deleted',
    entityType: 'decision',
    entityId: id,
    unitId: d.unitId,
    summary: `Xóa Quyết định số ${d.numberText} ngày ${formatDateVi(d.decisionDate)} của ${d.issuerName} (ghi nhận nhầm)`,
    before: { numberText: d.numberText, title: d.title, awardees: awardees.map((a) => a.displayName) },
  });
}

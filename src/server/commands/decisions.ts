import { claimsOfCandidates } from '../repositories/initiatives.js';
import type { Executor } from '../db/client.js';
import type { CommandContext } from './run.js';
import { recordHonorAward } from '../repositories/records.js';
import { candidatesOf, lockVisibleDossier, type CandidateRow, type DossierRow } from '../repositories/dossiers.js';
import { findVisibleUnit } from '../repositories/units.js';
import {
  awardeesOf,
  findVisibleDecision,
  insertDecision,
  lockVisibleCandidates,
  markDecisionIssued,
  releaseCandidates,
  lockVisibleDecision,
  markCandidatesNotAwarded,
  markDecisionRevoked,
  nextDecisionNumber,
  revokeAwardee,
  setDecisionFile,
  setDecisionTotal,
  individualHoldersInSubtree,
  standingHonor,
  type DecisionRow,
} from '../repositories/decisions.js';
import { badRequest, domainError, forbidden, notFound } from '../errors.js';
import { can } from '../policies/abilities.js';
import { mayDecision } from '../policies/decision.js';
import { now } from '../clock.js';
import { maybeComplete, transition } from './dossiers.js';
import { mayDecide, moneyFor, publicNotice, quotaBreach, regimeForDate, RuleError, unitAuthority, type Money, type RulePack } from '../rules/index.js';
import { governingPack } from '../records/eligibility.js';
import { HONOR_INFO, awardPhrase, classUndecided, type CommendationType, type Honor, type SubjectKind } from '../../shared/codes.js';
import { HonorClassUndecided, setDecidedClasses, type DecidedClass } from './honor-classes.js';
import { decisionNumberText, decisionSymbol } from '../../shared/dossiers.js';
import { formatDateVi, formatNumberVi } from '../../shared/format-vi.js';
import { revokeCertificatesForDecision } from './certificates.js';
import { commitDecisionMoney, returnRevokedMoney } from './fund.js';
import { recallItemsForRevocation } from './award-items.js';
import { notify } from './notify.js';
import { releaseInitiativeClaims } from './initiative-claims.js';
import { signingPolicyGoverning } from '../repositories/signing.js';
import { NoticeNotDone, noticeShortfall } from './notices.js';
import type { SignerAuthority } from '../../shared/external-decisions.js';
import {
  candidatesWithNoticesOrPetitions,
  decisionHonorAwardsOfDossiers,
  honorKey,
  insertAwardeesBulk,
  insertHonorAwardsBulk,
  markInitiativesUsed,
  setAwardeeHonorAwards,
  standingHonorsOf,
} from '../repositories/decision-lists.js';

/** A selected candidate cannot be decided (its dossier has not been through the council, it was decided already, it failed the vote…). */
export const DecisionNotIssuable = domainError('DecisionNotIssuable', 'conflict', 'decision_not_issuable');
/** The actor's unit, or its head, has no authority to award this honor (Law Art 80). */
export const NotDecisionAuthority = domainError('NotDecisionAuthority', 'invalid', 'not_decision_authority');
export { NoticeNotDone };
/** The subject already holds this honor for the year. */
export const DuplicateHonor = domainError('DuplicateHonor', 'conflict', 'duplicate_honor');
/** Issuing would take an honor over its quota (e.g. CSTĐCS ≤ 15% of LĐTT, NĐ 91/2017 Art 9 k3). */
export const QuotaExceeded = domainError('QuotaExceeded', 'conflict', 'quota_exceeded');
/** The decision (or an awardee of it) was already revoked. */
export const DecisionAlreadyRevoked = domainError('DecisionAlreadyRevoked', 'conflict', 'decision_already_revoked');

/**
 * Writes an awardee's honor into the records the eligibility engine reads (through
 * `recordHonorAward`). One subject cannot hold the same honor twice in a year: a second one fails
 * here, in the middle of issuing, and the whole decision rolls back.
 */
export async function recordAward(
  tx: Executor,
  a: {
    personId: string | null;
    unitId: string | null;
    honor: Honor;
    year: number;
    type: string;
    decisionNumber: string;
    decisionDate: string;
    issuer: string;
    amount: number;
    dossierId: string | null;
    displayName: string;
    /** Initiatives offered for this candidate (use once): marked used by this award. */
    initiativeIds?: string[];
    posthumous?: boolean;
    inKindDescription?: string | null;
    inKindValue?: number | null;
  },
): Promise<string> {
  const dup = await standingHonor(tx, { personId: a.personId, unitId: a.unitId }, a.honor, a.year);
  if (dup) {
    throw new DuplicateHonor(
      `${a.displayName} đã được ${HONOR_INFO[a.honor].label} năm ${a.year}${dup.number ? ` (Quyết định số ${dup.number})` : ''}; không khen trùng.`,
    );
  }
  // Households have no record of their own yet: their award lives only in the decision's list.
  if (!a.personId && !a.unitId) return '';
  const row = await recordHonorAward(tx, {
    personId: a.personId,
    unitId: a.unitId,
    honor: a.honor,
    year: a.year,
    type: a.type as CommendationType,
    decisionNumber: a.decisionNumber,
    decisionDate: a.decisionDate,
    issuer: a.issuer,
    amount: a.amount,
    dossierId: a.dossierId,
    initiativeIds: a.initiativeIds ?? [],
    posthumous: a.posthumous ?? false,
    inKindDescription: a.inKindDescription ?? null,
    inKindValue: a.inKindValue ?? null,
  });
  return row.id;
}

export function money(honor: Honor, subject: SubjectKind, date: string): Money | null {
  try {
    return moneyFor({ honor, subject, decisionDate: date });
  } catch (e) {
    if (e instanceof RuleError) return null;
    throw e;
  }
}

/** Candidates in a public notice: the notice must be over and every comment answered; `pack` says which honors need one. */
async function assertNoticesDone(tx: Executor, pack: RulePack, c: CandidateRow, decisionDate: string) {
  const why = await noticeShortfall(tx, pack, { displayName: c.displayName, honor: c.honor as Honor }, [c.id], decisionDate, 'trước khi quyết định');
  if (why) throw new NoticeNotDone(why);
}

/**
 * The pack's quotas (a share of another honor's holders in the unit for the year) hold when the decision is
 * issued, not only in the candidates list: the issuing unit's subtree, this decision's awardees included.
 * Quotas count individuals (the packs' only quota, CSTĐCS of LĐTT, is an individual title).
 */
async function assertQuotas(tx: Executor, pack: RulePack, unit: { name: string; path: string }, rows: { candidate: CandidateRow; dossier: DossierRow }[]) {
  const inDecision = (honor: Honor, year: number) =>
    rows.flatMap(({ candidate: c, dossier: d }) => (c.honor === honor && d.year === year && c.personId ? [c.personId] : []));
  const holders = async (honor: Honor, year: number) =>
    new Set([...(await individualHoldersInSubtree(tx, unit.path, honor, year)), ...inDecision(honor, year)]);
  const capped = new Map<string, { honor: Honor; year: number }>();
  for (const { candidate: c, dossier: d } of rows)
    if (c.personId && pack.honors[c.honor as Honor].quota) capped.set(`${c.honor}:${d.year}`, { honor: c.honor as Honor, year: d.year });
  for (const { honor, year } of capped.values()) {
    const base = pack.honors[honor].quota?.of;
    if (!base) continue;
    const breach = quotaBreach(pack, honor, (await holders(base, year)).size, (await holders(honor, year)).size);
    if (breach)
      throw new QuotaExceeded(
        `Vượt tỷ lệ khống chế năm ${year} của ${unit.name}: ${breach.text} (${inDecision(honor, year).length} người trong quyết định này). Chưa ban hành quyết định; hãy bớt người được đề nghị ${HONOR_INFO[honor].label}.`,
      );
  }
}

/** "cá nhân", "tập thể" or "tập thể, cá nhân" — as the decision's title and list heading say it. */
export function subjectsPhrase(kinds: string[]): string {
  const ind = kinds.some((k) => k === 'individual');
  const col = kinds.some((k) => k !== 'individual');
  return ind && col ? 'các tập thể, cá nhân' : ind ? 'các cá nhân' : 'các tập thể';
}

export interface IssueInput {
  candidateIds: string[];
  decisionDate: string;
  signerName: string;
  signerTitle: string;
  title?: string | null | undefined;
}

/**
 * Issues a decision of the actor's unit: number from the register (counter row locked FOR
 * UPDATE in this transaction: no gaps, no duplicates, also under concurrent issuing; a failure
 * rolls the number back with everything else), money from the rules, histories updated.
 */
export async function issueDecision(ctx: CommandContext, input: IssueInput): Promise<DecisionRow> {
  if (!can(ctx.actor.role, 'decision', 'issue')) throw forbidden();
  const ids = [...new Set(input.candidateIds)];
  if (!ids.length) throw badRequest('Hãy chọn ít nhất một người/tập thể được khen thưởng.');
  const unit = await findVisibleUnit(ctx.tx, ctx.actor, ctx.actor.unitId);
  if (!unit) throw notFound('Không tìm thấy đơn vị.');
  // The pack governing the issuing unit on the decision date (agency overrides included): authority and notices.
  const pack = await governingPack(ctx.tx, unit.path, input.decisionDate);
  const who = unitAuthority(pack, unit.kind);
  if (!who || !unit.code)
    throw new NotDecisionAuthority(`${unit.name} không phải đơn vị có thẩm quyền ban hành quyết định khen thưởng (hoặc chưa có ký hiệu văn bản).`);
  const rows = await lockVisibleCandidates(ctx.tx, ctx.actor, ids);
  if (rows.length !== ids.length) throw notFound('Không tìm thấy một số đề nghị được chọn.');
  // A long list (thousands of LĐTT): only candidates in a notice or named by a petition, or whose honor needs a notice, are checked one by one.
  const noticed = await candidatesWithNoticesOrPetitions(ctx.tx, ids);
  for (const { candidate: c, dossier: d } of rows) {
    if (d.level !== 'unit' || d.status !== 'reviewed')
      throw new DecisionNotIssuable(`Hồ sơ "${d.title}" chưa qua Hội đồng (đang ${d.status === 'draft' ? 'soạn' : 'xử lý'}): chưa quyết định được.`);
    if (d.receiverUnitId !== unit.id) throw new DecisionNotIssuable(`Hồ sơ "${d.title}" không gửi đến ${unit.name}.`);
    if (c.outcome !== 'pending') throw new DecisionNotIssuable(`${c.displayName} đã được xử lý, không quyết định lại.`);
    if (c.councilResult !== 'passed') throw new DecisionNotIssuable(`${c.displayName} không đạt tỷ lệ phiếu của Hội đồng.`);
    const auth = mayDecide({ honor: c.honor as Honor, decisionDate: input.decisionDate, who }, pack);
    if (!auth.allowed) throw new NotDecisionAuthority(`${auth.text}. Hãy chọn "Trình cấp trên" cho ${c.displayName}.`);
    if (noticed.has(c.id) || publicNotice(pack, c.honor as Honor).required) await assertNoticesDone(ctx.tx, pack, c, input.decisionDate);
  }
  await assertQuotas(ctx.tx, pack, unit, rows);
  const year = Number(input.decisionDate.slice(0, 4));
  // The register: the counter row stays locked until commit.
  const number = await nextDecisionNumber(ctx.tx, unit.id, year);
  const numberText = decisionNumberText(number, unit.code);
  // An agency that issues only signed decisions records this one as waiting for its signature.
  const awaitSignature = (await signingPolicyGoverning(ctx.tx, unit.path))?.requireSignature === true;
  const decision = await insertDecision(ctx.tx, {
    kind: 'internal',
    unitId: unit.id,
    issuerName: unit.name,
    number,
    year,
    numberText,
    decisionDate: input.decisionDate,
    // The default says "truy tặng …" for posthumous awardees.
    title:
      input.title?.trim() ||
      `Về việc ${awardPhrase(rows.map((r) => r.candidate))} cho ${subjectsPhrase(rows.map((r) => r.candidate.subjectKind))} có thành tích xuất sắc`,
    signerName: input.signerName.trim(),
    signerTitle: input.signerTitle.trim(),
    regime: regimeForDate(input.decisionDate),
    status: awaitSignature ? 'signing' : 'issued',
    issuedBy: ctx.actor.accountId,
    issuedAt: now(),
  });
  const total = await addAwardees(ctx, decision, rows);
  const row = await setDecisionTotal(ctx.tx, decision.id, total);
  if (!awaitSignature) {
    await takeEffect(ctx, row, rows);
    return row;
  }
  await ctx.audit({
    action: 'decision.prepared',
    entityType: 'decision',
    entityId: decision.id,
    unitId: unit.id,
    summary: `Lập Quyết định số ${numberText} ngày ${formatDateVi(input.decisionDate)} (${rows.length} tập thể, cá nhân): chờ ký số để phát hành`,
    after: { numberText, candidates: rows.map((r) => r.candidate.displayName) },
  });
  await notify(ctx, [{ unitSide: [unit.id] }], {
    key: `decision.signing:${decision.id}`,
    title: `Quyết định số ${numberText} chờ ký số`,
    body: `Quyết định số ${numberText} ${row.title.charAt(0).toLowerCase()}${row.title.slice(1)} chỉ có hiệu lực khi người có thẩm quyền và cơ quan ký số.`,
    link: `/quyet-dinh`,
  });
  return row;
}

/** The names of a decision's list for a notification: all of a short list, the first ones and a count for a long one. */
function namesLine(rows: { candidate: CandidateRow }[]): string {
  const shown = rows.slice(0, NAMES_IN_NOTICE).map((r) => `${r.candidate.displayName} (${HONOR_INFO[r.candidate.honor as Honor].label})`);
  const more = rows.length - shown.length;
  return `${shown.join('; ')}${more > 0 ? ` và ${formatNumberVi(more)} tập thể, cá nhân khác` : ''}`;
}
const NAMES_IN_NOTICE = 30;

/**
 * What issuing does: the awardees' histories, the money committed in the fund, the dossiers
 * completed, the notices. At recording, or — for an agency that issues only signed decisions — when
 * the agency's signature lands (`issueSignedDecision`).
 */
async function takeEffect(ctx: CommandContext, row: DecisionRow, rows: { candidate: CandidateRow; dossier: DossierRow }[]): Promise<void> {
  await recordHistories(ctx, row, rows);
  // The money goes into the issuing unit's TĐKT fund as commitments (paid later, returned on revocation).
  await commitDecisionMoney(ctx, row, await awardeesOf(ctx.tx, row.id));
  for (const d of new Set(rows.map((r) => r.dossier.id))) await maybeComplete(ctx, d);
  const honors = [...new Set(rows.map((r) => HONOR_INFO[r.candidate.honor as Honor].label))];
  await ctx.audit({
    action: 'decision.issued',
    entityType: 'decision',
    entityId: row.id,
    unitId: row.unitId,
    summary: `Ban hành Quyết định số ${row.numberText} ngày ${formatDateVi(row.decisionDate)}: ${rows.length} tập thể, cá nhân (${honors.join(', ')})`,
    after: { numberText: row.numberText, candidates: rows.map((r) => r.candidate.displayName) },
  });
  const dossierUnits = [...new Set(rows.map((r) => r.dossier.unitId))];
  const awardees = rows.flatMap((r) => (r.candidate.personId ? [r.candidate.personId] : []));
  await notify(ctx, [{ unitSide: dossierUnits }, { people: awardees }], {
    key: `decision.issued:${row.id}`,
    title: `Đã ban hành Quyết định số ${row.numberText}`,
    body: `Quyết định số ${row.numberText} ngày ${formatDateVi(row.decisionDate)} ${row.title.charAt(0).toLowerCase()}${row.title.slice(1)}: ${namesLine(rows)}.`,
    link: `/quyet-dinh`,
  });
}

/**
 * The awardees' histories (what eligibility reads), linked from the decision's list: a subject holds
 * an honor once a year (checked for the whole list in one query: a second one rolls the decision
 * back), a history already written from the same dossier is reused, the rest go in multi-row inserts.
 */
async function recordHistories(ctx: CommandContext, row: DecisionRow, rows: { candidate: CandidateRow; dossier: DossierRow }[]): Promise<void> {
  const byCandidate = new Map(rows.map((r) => [r.candidate.id, r]));
  const todo = (await awardeesOf(ctx.tx, row.id)).flatMap((a) => {
    const r = a.candidateId ? byCandidate.get(a.candidateId) : undefined;
    return r && !a.honorAwardId ? [{ a, r }] : [];
  });
  if (!todo.length) return;
  const subjectOf = ({ r }: (typeof todo)[number]) => r.candidate.personId ?? r.candidate.subjectUnitId;
  const keyOf = (x: (typeof todo)[number]) => `${x.r.dossier.id}:${subjectOf(x)}:${x.r.candidate.honor}`;
  const existing = await decisionHonorAwardsOfDossiers(
    ctx.tx,
    todo.map((x) => x.r.dossier.id),
  );
  const standing = await standingHonorsOf(
    ctx.tx,
    todo.flatMap((x) =>
      existing.has(keyOf(x))
        ? []
        : [{ personId: x.r.candidate.personId, unitId: x.r.candidate.subjectUnitId, honor: x.r.candidate.honor, year: x.r.dossier.year }],
    ),
  );
  const fresh = todo.filter((x) => subjectOf(x) && !existing.has(keyOf(x)));
  for (const x of fresh) {
    const number = standing.get(honorKey(subjectOf(x)!, x.r.candidate.honor, x.r.dossier.year));
    if (number !== undefined)
      throw new DuplicateHonor(
        `${x.r.candidate.displayName} đã được ${HONOR_INFO[x.r.candidate.honor as Honor].label} năm ${x.r.dossier.year}${number ? ` (Quyết định số ${number})` : ''}; không khen trùng.`,
      );
  }
  const created = await insertHonorAwardsBulk(
    ctx.tx,
    fresh.map(({ a, r }) => ({
      personId: r.candidate.personId,
      unitId: r.candidate.subjectUnitId,
      honor: r.candidate.honor,
      year: r.dossier.year,
      type: r.dossier.type,
      decisionNumber: row.numberText,
      decisionDate: row.decisionDate,
      issuer: row.issuerName,
      amount: a.amount,
      source: 'decision',
      dossierId: r.dossier.id,
      posthumous: r.candidate.posthumous,
      inKindDescription: r.candidate.inKindDescription,
      inKindValue: r.candidate.inKindValue,
      note: null,
    })),
  );
  // Initiatives offered for these candidates (use once): marked used by their award.
  const claims = await claimsOfCandidates(
    ctx.tx,
    fresh.map((x) => x.r.candidate.id),
  );
  for (const x of fresh) {
    const awardId = created.get(keyOf(x));
    const mine = claims.filter((c) => c.candidateId === x.r.candidate.id).map((c) => c.initiativeId);
    if (awardId && mine.length) await markInitiativesUsed(ctx.tx, awardId, mine);
  }
  // Households have no record of their own yet: their award lives only in the decision's list.
  await setAwardeeHonorAwards(
    ctx.tx,
    todo.flatMap((x) => {
      const id = existing.get(keyOf(x)) ?? created.get(keyOf(x));
      return id && subjectOf(x) ? [{ awardeeId: x.a.id, honorAwardId: id }] : [];
    }),
  );
}

/**
 * The agency's signature landed on a decision waiting for it: the decision is issued now and takes
 * effect (a decision issued at recording is left as it is).
 */
export async function issueSignedDecision(ctx: CommandContext, decisionId: string): Promise<void> {
  const d = await lockVisibleDecision(ctx.tx, ctx.actor, decisionId);
  if (!d || d.status !== 'signing') return;
  const awardees = await awardeesOf(ctx.tx, d.id);
  const rows = await lockVisibleCandidates(
    ctx.tx,
    ctx.actor,
    awardees.flatMap((a) => (a.candidateId ? [a.candidateId] : [])),
  );
  const row = await markDecisionIssued(ctx.tx, d.id, now());
  await takeEffect(ctx, row, rows);
}

/** The awardees with their money; the histories are written when the decision takes effect. One set query and multi-row inserts for the whole list. */
async function addAwardees(ctx: CommandContext, decision: DecisionRow, rows: { candidate: CandidateRow; dossier: DossierRow }[]): Promise<number> {
  let total = 0;
  const standing = await standingHonorsOf(
    ctx.tx,
    rows.map(({ candidate: c, dossier: d }) => ({ personId: c.personId, unitId: c.subjectUnitId, honor: c.honor, year: d.year })),
  );
  const values = rows.map(({ candidate: c, dossier: d }, i) => {
    if (classUndecided(c.honor as Honor)) throw new HonorClassUndecided(`${c.displayName}: quyết định phải ghi rõ hạng ${HONOR_INFO[c.honor as Honor].label}.`);
    const m = money(c.honor as Honor, c.subjectKind as SubjectKind, decision.decisionDate);
    const amount = m?.amount ?? 0;
    total += amount;
    // The same subject cannot hold the honor twice in a year: refused now, not when the decision is signed.
    const subject = c.personId ?? c.subjectUnitId;
    const key = subject ? honorKey(subject, c.honor, d.year) : null;
    if (key && standing.has(key)) {
      const number = standing.get(key);
      throw new DuplicateHonor(
        `${c.displayName} đã được ${HONOR_INFO[c.honor as Honor].label} năm ${d.year}${number ? ` (Quyết định số ${number})` : ''}; không khen trùng.`,
      );
    }
    return {
      decisionId: decision.id,
      candidateId: c.id,
      subjectKind: c.subjectKind,
      personId: c.personId,
      subjectUnitId: c.subjectUnitId,
      displayName: c.displayName,
      positionText: c.positionText,
      honor: c.honor,
      type: d.type,
      coefficientMilli: m ? Math.round(m.coefficient * 1000) : null,
      baseSalary: m?.baseSalary ?? null,
      amount,
      honorAwardId: null,
      sortOrder: i,
      posthumous: c.posthumous,
      inKindDescription: c.inKindDescription,
      inKindValue: c.inKindValue,
    };
  });
  await insertAwardeesBulk(ctx.tx, values);
  return total;
}

/** What the higher authority wrote, beyond the number and the signer (all optional on a dossier's decision). */
export interface ExternalDecisionText {
  issuerSuperior?: string | null | undefined;
  issuerPlace?: string | null | undefined;
  issuingAuthority?: string | null | undefined;
  signerAuthorities?: { authority: SignerAuthority; of: string }[] | undefined;
  legalBases?: string[] | undefined;
  proposal?: string | null | undefined;
  achievement?: string | null | undefined;
  fundingRoute?: string | null | undefined;
  executors?: string[] | undefined;
  recipients?: string[] | undefined;
}

const cleanText = (s: string | null | undefined): string | null => (s?.trim() ? s.trim() : null);
const lines = (xs: string[] | undefined): string[] => (xs ?? []).map((x) => x.trim()).filter(Boolean);

/** The columns of the authority's own text, trimmed (empty lines dropped). */
export function externalTextColumns(t: ExternalDecisionText) {
  return {
    issuerSuperior: cleanText(t.issuerSuperior),
    issuerPlace: cleanText(t.issuerPlace),
    issuingAuthority: cleanText(t.issuingAuthority),
    signerAuthorities: (t.signerAuthorities ?? []).flatMap((a) => (a.of.trim() ? [{ authority: a.authority, of: a.of.trim() }] : [])),
    legalBases: lines(t.legalBases),
    proposal: cleanText(t.proposal),
    achievement: cleanText(t.achievement),
    fundingRoute: cleanText(t.fundingRoute),
    executors: lines(t.executors),
    recipients: lines(t.recipients),
  };
}

export interface HigherDecisionInput extends ExternalDecisionText {
  numberText: string;
  decisionDate: string;
  issuerName: string;
  signerName: string;
  signerTitle: string;
  title?: string | null | undefined;
  /** Candidates of the upward dossier the decision names; absent = all of them. */
  awardedCandidateIds?: string[] | undefined;
  /** The class the decision gives to a candidate proposed without one (Huân chương Lao động → hạng Ba). */
  classes?: DecidedClass[] | undefined;
}

/** Records the higher authority's decision on a forwarded dossier; awardees' histories are updated. */
export async function recordHigherDecision(ctx: CommandContext, dossierId: string, input: HigherDecisionInput): Promise<DecisionRow> {
  if (!can(ctx.actor.role, 'decision', 'record')) throw forbidden();
  const d = await lockVisibleDossier(ctx.tx, ctx.actor, dossierId);
  if (!d) throw notFound('Không tìm thấy hồ sơ.');
  if (d.level !== 'upward') throw new DecisionNotIssuable('Chỉ ghi nhận quyết định của cấp trên cho hồ sơ đã trình cấp trên.');
  const cands = await setDecidedClasses(ctx, await candidatesOf(ctx.tx, d.id), input.awardedCandidateIds, input.classes ?? []);
  const awarded = input.awardedCandidateIds ? cands.filter((c) => input.awardedCandidateIds!.includes(c.id)) : cands;
  if (input.awardedCandidateIds && awarded.length !== input.awardedCandidateIds.length) throw notFound('Không tìm thấy một số đề nghị trong hồ sơ.');
  await transition(ctx, d, 'recordHigherDecision', { completedAt: now() });
  const decision = await insertDecision(ctx.tx, {
    kind: 'external',
    unitId: d.unitId,
    issuerName: input.issuerName.trim(),
    number: null,
    year: Number(input.decisionDate.slice(0, 4)),
    numberText: input.numberText.trim(),
    decisionDate: input.decisionDate,
    // The default says "truy tặng …" for posthumous awardees.
    title: input.title?.trim() || `Về việc ${awardPhrase(awarded)}`,
    signerName: input.signerName.trim(),
    signerTitle: input.signerTitle.trim(),
    regime: regimeForDate(input.decisionDate),
    issuedBy: ctx.actor.accountId,
    issuedAt: now(),
    dossierId: d.id,
    awardYear: d.year,
    ...externalTextColumns(input),
  });
  const awardedRows = awarded.map((c) => ({ candidate: c, dossier: d }));
  const total = await addAwardees(ctx, decision, awardedRows);
  await recordHistories(ctx, decision, awardedRows);
  const refused = cands.filter((c) => !awarded.includes(c));
  await markCandidatesNotAwarded(
    ctx.tx,
    refused.map((c) => c.id),
  );
  await releaseInitiativeClaims(
    ctx,
    d,
    refused.map((c) => c.id),
    'not_awarded',
  );
  const row = await setDecisionTotal(ctx.tx, decision.id, total);
  await ctx.audit({
    action: 'decision.recorded',
    entityType: 'decision',
    entityId: decision.id,
    unitId: d.unitId,
    summary: `Ghi nhận Quyết định số ${input.numberText} ngày ${formatDateVi(input.decisionDate)} của ${input.issuerName}: ${awarded.length} được khen thưởng${refused.length ? `, ${refused.length} không được` : ''}`,
  });
  return row;
}

export async function attachDecisionFile(ctx: CommandContext, id: string, file: { buffer: Buffer; fileName: string; mime: string }): Promise<void> {
  const d = await findVisibleDecision(ctx.tx, ctx.actor, id);
  if (!d) throw notFound('Không tìm thấy quyết định.');
  if (!mayDecision(ctx.actor, d, 'attachFile')) throw forbidden();
  await setDecisionFile(ctx.tx, id, { fileName: file.fileName, fileMime: file.mime, fileData: file.buffer });
  await ctx.audit({
    action: 'decision.recorded',
    entityType: 'decision',
    entityId: id,
    unitId: d.unitId,
    summary: `Đính kèm bản quyết định ${d.numberText} (${file.fileName})`,
  });
}

/** Hủy bỏ (Law Art 93): the whole decision or some awardees; histories are flagged, never deleted. */
export async function revokeDecision(ctx: CommandContext, id: string, input: { reason: string; awardeeIds?: string[] | undefined }): Promise<DecisionRow> {
  const d = await lockVisibleDecision(ctx.tx, ctx.actor, id);
  if (!d) throw notFound('Không tìm thấy quyết định.');
  if (!can(ctx.actor.role, 'decision', 'revoke')) throw forbidden();
  if (!mayDecision(ctx.actor, d, 'revoke')) throw new DecisionAlreadyRevoked('Quyết định đã bị hủy bỏ.');
  if (!input.reason.trim()) throw badRequest('Hãy ghi lý do hủy bỏ (Điều 93 Luật Thi đua, khen thưởng).');
  const awardees = await awardeesOf(ctx.tx, id);
  const targets = input.awardeeIds?.length ? awardees.filter((a) => input.awardeeIds!.includes(a.id)) : awardees;
  if (input.awardeeIds?.length && targets.length !== input.awardeeIds.length) throw notFound('Không tìm thấy người/tập thể trong quyết định.');
  if (targets.some((t) => t.revoked)) throw new DecisionAlreadyRevoked('Có người/tập thể đã bị hủy bỏ khen thưởng trước đó.');
  const reason = input.reason.trim();
  await revokeCertificatesForDecision(
    ctx.tx,
    id,
    reason,
    targets.map((t) => t.id),
  );
  const at = now();
  for (const a of targets) await revokeAwardee(ctx.tx, a, reason, at);
  // The fund gets the revoked money back; the items of revoked certificates are recalled.
  await returnRevokedMoney(
    ctx,
    d,
    targets.map((t) => t.id),
    reason,
  );
  await recallItemsForRevocation(
    ctx,
    id,
    d.unitId,
    targets.map((t) => t.id),
    reason,
  );
  // A decision still waiting for its signature never took effect: its candidates wait for a decision again.
  if (d.status === 'signing')
    await releaseCandidates(
      ctx.tx,
      targets.flatMap((t) => (t.candidateId ? [t.candidateId] : [])),
    );
  const all = targets.length === awardees.length || awardees.every((a) => a.revoked || targets.includes(a));
  const row = await markDecisionRevoked(ctx.tx, id, reason, all ? { at, by: ctx.actor.accountId } : null);
  await ctx.audit({
    action: 'decision.revoked',
    entityType: 'decision',
    entityId: id,
    unitId: d.unitId,
    summary: `Hủy bỏ ${all ? 'Quyết định' : `khen thưởng của ${targets.map((t) => t.displayName).join(', ')} tại Quyết định`} số ${d.numberText}: ${reason}`,
  });
  return row;
}

export { decisionSymbol };

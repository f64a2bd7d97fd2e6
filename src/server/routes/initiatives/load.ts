import type { Executor } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import {
  applicationsOfRound,
  assignmentsOf,
  authorsOf,
  roundMembers,
  scoresOf,
  sheetPartsOfRound,
  unsafeFindRound,
  claimsOfCandidates,
  initiativesOfSubject,
  unsafeFindClaimable,
  unsafeUnitNameAndPathOf,
  type ApplicationListRow,
  type AuthorRow,
  type RoundWithUnit,
} from '../../repositories/initiatives.js';
import { initiativeFacts, lineOf, sheetContext } from '../../commands/initiatives.js';
import { mayReadAllScores } from '../../policies/initiative.js';
import { sheetLine } from '../../initiatives/sheet.js';
import {
  presentInitiative,
  presentInitiativeSummary,
  presentRound,
  presentRoundSheet,
  presentScores,
  type InitiativeJson,
  type InitiativeScoresJson,
  type InitiativeSummaryJson,
  type RoundJson,
  type RoundSheetJson,
  type DossierInitiativesJson,
} from '../../presenters/initiatives.js';
import { attachmentsOf } from '../../repositories/initiative-attachments.js';
import type { MinutesRow } from '../../presenters/initiative-documents.js';
import type { SheetContext } from '../../commands/initiatives.js';
import { candidatesOf, type DossierRow } from '../../repositories/dossiers.js';
import { mayEditDossier } from '../../policies/dossier.js';
import { INITIATIVE_SCOPE_LABELS, type InitiativeScope } from '../../../shared/codes.js';
import { notFound } from '../../errors.js';
import { todayVn } from '../../clock.js';

function groupBy<T extends { applicationId: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.applicationId) ?? [];
    list.push(r);
    out.set(r.applicationId, list);
  }
  return out;
}

export async function loadSummaries(tx: Executor, rows: ApplicationListRow[]): Promise<InitiativeSummaryJson[]> {
  const authors = groupBy<AuthorRow>(
    await authorsOf(
      tx,
      rows.map((r) => r.app.id),
    ),
  );
  return rows.map((r) => presentInitiativeSummary(r, authors.get(r.app.id) ?? []));
}

export async function loadInitiative(tx: Executor, actor: Actor, a: ApplicationListRow): Promise<InitiativeJson> {
  const [facts, authors, assignments, scores, members] = [
    await initiativeFacts(tx, actor, a),
    await authorsOf(tx, [a.app.id]),
    await assignmentsOf(tx, [a.app.id]),
    await scoresOf(tx, [a.app.id]),
    await roundMembers(tx, a.app.roundId),
  ];
  const record = a.app.recordId ? await unsafeFindClaimable(tx, a.app.recordId, false) : undefined;
  const usedFor = record?.claim
    ? `${record.claim.candidateName}: hồ sơ "${record.claim.dossierTitle}"${record.usedForAwardId ? ' (đã quyết định khen thưởng)' : ''}`
    : record?.usedForAwardId
      ? 'Đã là căn cứ của một khen thưởng'
      : null;
  return presentInitiative(a, actor, facts, authors, assignments, scores, members, usedFor, await attachmentsOf(tx, a.app.id));
}

export async function loadRound(tx: Executor, actor: Actor, r: RoundWithUnit): Promise<RoundJson> {
  return presentRound(r, actor, await roundMembers(tx, r.round.id));
}

/** A member's view of the sheets of one initiative: the others' only once its own is in. */
export async function loadScores(tx: Executor, actor: Actor, a: ApplicationListRow): Promise<InitiativeScoresJson> {
  const round = await unsafeFindRound(tx, a.app.roundId);
  if (!round) throw notFound('Không tìm thấy đợt xét sáng kiến.');
  const sc = await sheetContext(tx, round, a.app.decisionDate ?? todayVn());
  const [facts, scores, members, line] = [
    await initiativeFacts(tx, actor, a),
    await scoresOf(tx, [a.app.id]),
    await roundMembers(tx, a.app.roundId),
    await lineOf(tx, sc, a.app.id),
  ];
  const rubricUnit = await unsafeUnitNameAndPathOf(tx, sc.rubric.unitId);
  return presentScores(a.app.id, actor, sc, rubricUnit.name, scores, members, line, mayReadAllScores(actor, facts));
}

/** The Office's score sheet of a round: every initiative × every member, in a fixed number of queries. */
export async function loadRoundSheet(tx: Executor, actor: Actor, r: RoundWithUnit): Promise<RoundSheetJson> {
  const sc = await sheetContext(tx, r, todayVn());
  const members = await roundMembers(tx, r.round.id);
  const apps = await applicationsOfRound(tx, r.round.id);
  const parts = await sheetPartsOfRound(tx, r.round.id);
  const [authors, recusals, scores] = [groupBy(parts.authors), groupBy(parts.recusals), groupBy(parts.scores)];
  const thresholds = {
    totalMembers: sc.totalMembers,
    quorumNeeded: sc.quorumNeeded,
    votesNeeded: sc.votesNeeded,
    passMark: sc.rubric.passMark,
    maxTotal: sc.maxTotal,
  };
  const rows = apps.map((app) => {
    const s = scores.get(app.app.id) ?? [];
    const recused = new Set((recusals.get(app.app.id) ?? []).map((x) => x.personId));
    return { app, authors: authors.get(app.app.id) ?? [], scores: s, recused, line: sheetLine(s, recused.size, thresholds) };
  });
  return presentRoundSheet(presentRound(r, actor, members), sc, members, rows);
}

/** The rows of the council's minutes: every initiative of the round with its line and the members recused. */
export async function loadMinutesRows(tx: Executor, sc: SheetContext): Promise<MinutesRow[]> {
  const apps = await applicationsOfRound(tx, sc.round.round.id);
  const ids = apps.map((a) => a.app.id);
  const members = new Map((await roundMembers(tx, sc.round.round.id)).map((m) => [m.personId, m.fullName]));
  const [authors, assignments, scores] = [groupBy(await authorsOf(tx, ids)), groupBy(await assignmentsOf(tx, ids)), groupBy(await scoresOf(tx, ids))];
  return apps.map((app) => {
    const recused = (assignments.get(app.app.id) ?? []).filter((x) => x.conflict);
    return {
      app,
      authors: authors.get(app.app.id) ?? [],
      recusedNames: recused.map((x) => members.get(x.personId) ?? ''),
      line: sheetLine(scores.get(app.app.id) ?? [], recused.length, {
        totalMembers: sc.totalMembers,
        quorumNeeded: sc.quorumNeeded,
        votesNeeded: sc.votesNeeded,
        passMark: sc.rubric.passMark,
        maxTotal: sc.maxTotal,
      }),
    };
  });
}

/** For each candidate of a dossier: the initiatives backing it and the recognised ones it could offer. */
export async function loadDossierInitiatives(tx: Executor, actor: Actor, d: DossierRow): Promise<DossierInitiativesJson> {
  const candidates = await candidatesOf(tx, d.id);
  const claims = await claimsOfCandidates(
    tx,
    candidates.map((c) => c.id),
  );
  const out: DossierInitiativesJson['candidates'] = [];
  for (const c of candidates) {
    if (!c.personId && !c.subjectUnitId) continue;
    const mine = await initiativesOfSubject(tx, { personId: c.personId, unitId: c.personId ? null : c.subjectUnitId });
    const view = (i: { initiativeId: string; title: string; year: number; scope: string; decisionNumber: string | null; usedForAwardId: string | null }) => ({
      initiativeId: i.initiativeId,
      title: i.title,
      year: i.year,
      scope: i.scope,
      scopeLabel: INITIATIVE_SCOPE_LABELS[i.scope as InitiativeScope] ?? i.scope,
      decisionNumber: i.decisionNumber,
      used: i.usedForAwardId !== null,
    });
    out.push({
      candidateId: c.id,
      displayName: c.displayName,
      backing: claims.filter((x) => x.candidateId === c.id).map(view),
      available: mine
        .filter((i) => i.claim?.candidateId !== c.id)
        .map((i) => ({
          ...view({ initiativeId: i.id, title: i.title, year: i.year, scope: i.scope, decisionNumber: null, usedForAwardId: i.usedForAwardId }),
          takenBy: i.claim ? `${i.claim.candidateName} (hồ sơ "${i.claim.dossierTitle}")` : i.usedForAwardId ? 'một khen thưởng đã quyết định' : null,
        })),
    });
  }
  return { candidates: out, editable: mayEditDossier(actor, d) };
}

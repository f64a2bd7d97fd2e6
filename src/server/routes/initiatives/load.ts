import type { Executor } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import {
  applicationsOfRound,
  assignmentsOf,
  authorsOf,
  roundMembers,
  scoresOf,
  unsafeFindRound,
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
} from '../../presenters/initiatives.js';
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
  return presentInitiative(a, actor, facts, authors, assignments, scores, members);
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
  const ids = apps.map((a) => a.app.id);
  const [authors, assignments, scores] = [groupBy(await authorsOf(tx, ids)), groupBy(await assignmentsOf(tx, ids)), groupBy(await scoresOf(tx, ids))];
  const thresholds = {
    totalMembers: sc.totalMembers,
    quorumNeeded: sc.quorumNeeded,
    votesNeeded: sc.votesNeeded,
    passMark: sc.rubric.passMark,
    maxTotal: sc.maxTotal,
  };
  const rows = apps.map((app) => {
    const s = scores.get(app.app.id) ?? [];
    const recused = new Set((assignments.get(app.app.id) ?? []).filter((x) => x.conflict).map((x) => x.personId));
    return { app, authors: authors.get(app.app.id) ?? [], scores: s, recused, line: sheetLine(s, recused.size, thresholds) };
  });
  return presentRoundSheet(presentRound(r, actor, members), sc, members, rows);
}

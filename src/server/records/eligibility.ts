/**
 * Eligibility from stored data: loads a subject's records (and, for a collective, its members'
 * records for the year), applies the agency overrides that govern the subject, runs the engine.
 */
import type { Executor } from '../db/client.js';
import { badRequest } from '../errors.js';
import { HONORS, HONOR_INFO, type Honor, type Regime } from '../../shared/codes.js';
import {
  RuleError,
  applyOverrides,
  candidatesFor,
  evaluate,
  packFor,
  resolveRegime,
  type CandidatesResult,
  type EvaluateResult,
  type RulePack,
  type SubjectInput,
} from '../rules/index.js';
import {
  groupRecordSets,
  loadRecordRows,
  membersInYear,
  overrideBodies,
  overridesForPath,
  peopleInSubtree,
  unitsInSubtree,
  type RecordSubject,
} from '../repositories/records.js';
import { collectiveSubject, emptyRecordSet, individualSubject } from './subjects.js';

/** Turns engine errors (bad date, override not allowed…) into a 400 with their Vietnamese text. */
export function ruleErrorToHttp<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof RuleError) throw badRequest(e.message, { code: e.code });
    throw e;
  }
}

/** The pack in force on the decision date with the overrides governing `unitPath` applied. */
export async function governingPack(tx: Executor, unitPath: string, decisionDate: string, regime?: Regime): Promise<RulePack> {
  const base = ruleErrorToHttp(() => packFor(resolveRegime(decisionDate, regime)));
  const overrides = overrideBodies(await overridesForPath(tx, unitPath));
  return ruleErrorToHttp(() => applyOverrides(base, overrides, decisionDate));
}

/** The engine subject of a person or unit for the year, built from stored records. */
export async function subjectFromRecords(tx: Executor, subject: RecordSubject, year: number): Promise<SubjectInput> {
  if (subject.personId) {
    const sets = groupRecordSets(await loadRecordRows(tx, [subject.personId], []));
    return individualSubject(sets.people.get(subject.personId) ?? emptyRecordSet());
  }
  const unitId = subject.unitId ?? '';
  const memberIds = await membersInYear(tx, subject.homeUnitPath, year);
  const sets = groupRecordSets(await loadRecordRows(tx, memberIds, [unitId]));
  return collectiveSubject(
    sets.units.get(unitId) ?? emptyRecordSet(),
    memberIds.map((id) => sets.people.get(id) ?? emptyRecordSet()),
  );
}

export interface HonorEligibility extends EvaluateResult {
  label: string;
  kind: 'title' | 'form';
}

/** Every honor the subject kind can get, evaluated for the year under the governing pack. */
export async function eligibilityOf(tx: Executor, subject: RecordSubject, year: number, decisionDate: string) {
  if (year > Number(decisionDate.slice(0, 4))) throw badRequest(`Năm xét tặng (${year}) không thể sau năm của ngày quyết định (${decisionDate.slice(0, 4)}).`);
  const pack = await governingPack(tx, subject.homeUnitPath, decisionDate);
  const input = await subjectFromRecords(tx, subject, year);
  const results: HonorEligibility[] = [];
  for (const honor of HONORS) {
    if (!pack.honors[honor].criteria[input.kind]) continue;
    const r = evaluate({ decisionDate, year, honor, subject: input }, { pack });
    results.push({ ...r, label: HONOR_INFO[honor].label, kind: HONOR_INFO[honor].kind });
  }
  return { regime: pack.regime, year, decisionDate, appliedOverrides: pack.appliedOverrides, members: input.members?.length ?? null, results };
}

export interface CandidateRow {
  id: string;
  kind: 'individual' | 'collective';
  name: string;
  unitId: string;
  unitName: string;
  outcomes: CandidatesResult['results'][number]['outcomes'];
}

/**
 * Candidates across a unit's subtree for a year (one honor or all): people currently in the
 * subtree as individuals, its units as collectives, with quota use.
 */
export async function candidatesIn(tx: Executor, root: { id: string; path: string }, year: number, decisionDate: string, honor?: Honor) {
  if (year > Number(decisionDate.slice(0, 4))) throw badRequest(`Năm xét tặng (${year}) không thể sau năm của ngày quyết định (${decisionDate.slice(0, 4)}).`);
  const pack = await governingPack(tx, root.path, decisionDate);
  const wantIndividuals = !honor || HONOR_INFO[honor].subjects.includes('individual');
  const wantCollectives = !honor || HONOR_INFO[honor].subjects.includes('collective');
  const persons = wantIndividuals ? await peopleInSubtree(tx, root.path) : [];
  const unitRows = wantCollectives ? await unitsInSubtree(tx, root.path) : [];

  const membersOf = new Map<string, string[]>();
  for (const u of unitRows) membersOf.set(u.id, await membersInYear(tx, u.path, year));
  const allPeople = new Set<string>(persons.map((p) => p.id));
  for (const ids of membersOf.values()) for (const id of ids) allPeople.add(id);
  const sets = groupRecordSets(await loadRecordRows(tx, [...allPeople], unitRows.map((u) => u.id)));

  const subjects = [
    ...persons.map((p) => ({ id: p.id, subject: individualSubject(sets.people.get(p.id) ?? emptyRecordSet()) })),
    ...unitRows.map((u) => ({
      id: u.id,
      subject: collectiveSubject(sets.units.get(u.id) ?? emptyRecordSet(), (membersOf.get(u.id) ?? []).map((id) => sets.people.get(id) ?? emptyRecordSet())),
    })),
  ];
  const res = ruleErrorToHttp(() => candidatesFor({ decisionDate, year, subjects, pack, explain: true, ...(honor ? { honors: [honor] } : {}) }));
  const names = new Map<string, { name: string; unitId: string; unitName: string }>();
  for (const p of persons) names.set(p.id, { name: p.fullName, unitId: p.unitId, unitName: p.unitName });
  for (const u of unitRows) names.set(u.id, { name: u.name, unitId: u.id, unitName: u.name });
  const rows: CandidateRow[] = res.results.map((r) => {
    const n = names.get(r.id);
    return { id: r.id, kind: r.kind === 'collective' ? 'collective' : 'individual', name: n?.name ?? '', unitId: n?.unitId ?? '', unitName: n?.unitName ?? '', outcomes: r.outcomes };
  });
  return { regime: res.regime, year, decisionDate, appliedOverrides: pack.appliedOverrides, summary: res.summary, quotas: res.quotas, results: rows };
}

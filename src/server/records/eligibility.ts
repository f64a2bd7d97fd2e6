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
  membersInYear,
  membersInYearOfUnits,
  peopleInSubtree,
  unitsInSubtree,
  unsafeLoadRecordRows,
  type RecordSubject,
} from '../repositories/records.js';
import { overrideBodies, overridesForPath } from '../repositories/rule-overrides.js';
import { unsafeUnitPath } from '../repositories/units.js';
import { collectiveSubject, emptyRecordSet, individualSubject } from './subjects.js';
import { YearAfterDecision } from './errors.js';

/** Turns engine errors (bad date, override not allowed…) into an invalid-input domain error with their Vietnamese text. */
export function withRuleErrors<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof RuleError) throw badRequest(e.message, { code: e.code });
    throw e;
  }
}

/** The pack in force on the decision date with the overrides governing `unitPath` applied. */
export async function governingPack(tx: Executor, unitPath: string, decisionDate: string, regime?: Regime): Promise<RulePack> {
  const base = withRuleErrors(() => packFor(resolveRegime(decisionDate, regime)));
  const overrides = overrideBodies(await overridesForPath(tx, unitPath));
  return withRuleErrors(() => applyOverrides(base, overrides, decisionDate));
}

/** The governing pack of the unit with this id (its ancestors' overrides apply), on `date`. */
export async function governingPackOfUnit(tx: Executor, unitId: string, date: string): Promise<RulePack> {
  return governingPack(tx, await unsafeUnitPath(tx, unitId), date);
}

function assertYearFits(year: number, decisionDate: string): void {
  if (year > Number(decisionDate.slice(0, 4)))
    throw new YearAfterDecision(`Năm xét tặng (${year}) không thể sau năm của ngày quyết định (${decisionDate.slice(0, 4)}).`);
}

/** The engine subject of a person or unit for the year, built from stored records. */
export async function subjectFromRecords(tx: Executor, subject: RecordSubject, year: number): Promise<SubjectInput> {
  if (subject.personId) {
    const sets = groupRecordSets(await unsafeLoadRecordRows(tx, [subject.personId], []));
    return individualSubject(sets.people.get(subject.personId) ?? emptyRecordSet());
  }
  const unitId = subject.unitId ?? '';
  const memberIds = await membersInYear(tx, subject.homeUnitPath, year);
  const sets = groupRecordSets(await unsafeLoadRecordRows(tx, memberIds, [unitId]));
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
  assertYearFits(year, decisionDate);
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

export type CandidateResultFilter = 'eligible' | 'undetermined' | 'ineligible';

/** In which order, and (optionally) only one result: the list and its export use the same. */
export interface CandidateView {
  /** `result`: eligible first, then undetermined, then not eligible; `name`: Vietnamese order. */
  sort: 'result' | 'name';
  order: 'asc' | 'desc';
  result?: CandidateResultFilter | undefined;
}

/** Which page of the list. */
export interface CandidatePage {
  page: number;
  pageSize: number;
}

const RESULT_RANK: Record<CandidateResultFilter, number> = { eligible: 0, undetermined: 1, ineligible: 2 };
const rankOf = (e: boolean | null): number => (e === true ? 0 : e === null ? 1 : 2);
/** A row's best result over the honors asked for (one honor: its result). */
const bestRank = (r: { outcomes: { eligible: boolean | null }[] }): number => Math.min(2, ...r.outcomes.map((o) => rankOf(o.eligible)));
const collator = new Intl.Collator('vi', { sensitivity: 'base' });

/**
 * Candidates across a unit's subtree for a year (one honor or all): people currently in the
 * subtree as individuals, its units as collectives, with the summary and quota use over all of
 * them (whatever the filter). With `page`, only the rows of that page carry their Vietnamese
 * reasons (the engine is run once without reasons over everyone, then with reasons over the
 * page); without it, every row does (the Excel export).
 */
export async function candidatesIn(
  tx: Executor,
  root: { id: string; path: string },
  year: number,
  decisionDate: string,
  honor: Honor | undefined,
  view: CandidateView = { sort: 'result', order: 'asc' },
  page?: CandidatePage,
) {
  assertYearFits(year, decisionDate);
  const pack = await governingPack(tx, root.path, decisionDate);
  const wantIndividuals = !honor || HONOR_INFO[honor].subjects.includes('individual');
  const wantCollectives = !honor || HONOR_INFO[honor].subjects.includes('collective');
  const persons = wantIndividuals ? await peopleInSubtree(tx, root.path) : [];
  const unitRows = wantCollectives ? await unitsInSubtree(tx, root.path) : [];

  // Members of every collective in one pass (not three queries per unit).
  const membersOf = await membersInYearOfUnits(
    tx,
    root.path,
    unitRows.map((u) => u.id),
    year,
  );
  const allPeople = new Set<string>(persons.map((p) => p.id));
  for (const ids of membersOf.values()) for (const id of ids) allPeople.add(id);
  const sets = groupRecordSets(
    await unsafeLoadRecordRows(
      tx,
      [...allPeople],
      unitRows.map((u) => u.id),
    ),
  );

  const subjects = [
    ...persons.map((p) => ({ id: p.id, subject: individualSubject(sets.people.get(p.id) ?? emptyRecordSet()) })),
    ...unitRows.map((u) => ({
      id: u.id,
      subject: collectiveSubject(
        sets.units.get(u.id) ?? emptyRecordSet(),
        (membersOf.get(u.id) ?? []).map((id) => sets.people.get(id) ?? emptyRecordSet()),
      ),
    })),
  ];
  const honors = honor ? { honors: [honor] } : {};
  const res = withRuleErrors(() => candidatesFor({ decisionDate, year, subjects, pack, explain: !page, ...honors }));
  const names = new Map<string, { name: string; unitId: string; unitName: string }>();
  for (const p of persons) names.set(p.id, { name: p.fullName, unitId: p.unitId, unitName: p.unitName });
  for (const u of unitRows) names.set(u.id, { name: u.name, unitId: u.id, unitName: u.name });
  let rows: CandidateRow[] = res.results.map((r) => {
    const n = names.get(r.id);
    return {
      id: r.id,
      kind: r.kind === 'collective' ? 'collective' : 'individual',
      name: n?.name ?? '',
      unitId: n?.unitId ?? '',
      unitName: n?.unitName ?? '',
      outcomes: r.outcomes,
    };
  });
  const head = { regime: res.regime, year, decisionDate, appliedOverrides: pack.appliedOverrides, summary: res.summary, quotas: res.quotas };
  if (view.result) {
    const wanted = RESULT_RANK[view.result];
    rows = rows.filter((r) => bestRank(r) === wanted);
  }
  // Stable sorts over the repository order (people by name key, then units by tree order).
  const dir = view.order === 'desc' ? -1 : 1;
  const position = new Map(rows.map((r, i) => [r.id, i]));
  rows.sort((a, b) => {
    const primary = view.sort === 'name' ? collator.compare(a.name, b.name) : bestRank(a) - bestRank(b);
    return primary !== 0 ? dir * primary : (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0);
  });
  // `explained`: how many rows carry reasons (the API drops it; a test checks only the page is explained).
  if (!page) return { ...head, items: rows, total: rows.length, explained: subjects.length };

  const slice = rows.slice((page.page - 1) * page.pageSize, page.page * page.pageSize);
  // Reasons only for the rows on the page.
  const wantedIds = new Set(slice.map((r) => r.id));
  const explained = withRuleErrors(() =>
    candidatesFor({ decisionDate, year, subjects: subjects.filter((s) => wantedIds.has(s.id)), pack, explain: true, ...honors }),
  );
  const outcomesOf = new Map(explained.results.map((r) => [r.id, r.outcomes]));
  return {
    ...head,
    items: slice.map((r) => ({ ...r, outcomes: outcomesOf.get(r.id) ?? r.outcomes })),
    total: rows.length,
    explained: explained.results.length,
  };
}

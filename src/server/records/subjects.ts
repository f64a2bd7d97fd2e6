/**
 * Pure assembly of rule-engine subjects from stored records, and collective membership by year.
 * No I/O: the repositories load rows, this turns them into `SubjectInput`.
 */
import type { CommendationType, Discipline, Honor, InitiativeScope, Rating } from '../../shared/codes.js';
import type { Fact, MemberInput, SubjectInput } from '../rules/index.js';

export interface RecordSet {
  ratings: { year: number; rating: string }[];
  honors: { year: number; honor: string; type: string; revoked: boolean }[];
  initiatives: { year: number; scope: string; used: boolean }[];
  disciplines: { year: number; level: string }[];
  facts: { year: number; fact: string }[];
}

export const emptyRecordSet = (): RecordSet => ({ ratings: [], honors: [], initiatives: [], disciplines: [], facts: [] });

/** Stored rows → the engine's member shape (revoked honors do not count). */
export function memberInput(r: RecordSet): Required<MemberInput> {
  return {
    ratings: r.ratings.map((x) => ({ year: x.year, rating: x.rating as Rating })),
    honors: r.honors.filter((h) => !h.revoked).map((h) => ({ year: h.year, honor: h.honor as Honor, type: h.type as CommendationType })),
    disciplines: r.disciplines.map((d) => ({ year: d.year, level: d.level as Discipline })),
  };
}

/** A person as the engine's individual subject. */
export function individualSubject(r: RecordSet): SubjectInput {
  return {
    kind: 'individual',
    ...memberInput(r),
    initiatives: r.initiatives.map((i) => ({ year: i.year, scope: i.scope as InitiativeScope, used: i.used })),
    facts: r.facts.map((f) => ({ year: f.year, fact: f.fact as Fact })),
  };
}

/** A unit as the engine's collective subject, with its members' records for the year. */
export function collectiveSubject(r: RecordSet, members: RecordSet[]): SubjectInput {
  return {
    kind: 'collective',
    ...memberInput(r),
    initiatives: r.initiatives.map((i) => ({ year: i.year, scope: i.scope as InitiativeScope, used: i.used })),
    facts: r.facts.map((f) => ({ year: f.year, fact: f.fact as Fact })),
    members: members.map(memberInput),
  };
}

export interface TransferStep {
  fromUnitId: string | null;
  toUnitId: string;
  effectiveDate: string;
}

/**
 * The units a person belonged to at some point during `year`, from the current unit and the
 * transfer history (person_transfers). Before the first transfer the person was in its
 * `fromUnitId`; a transfer effective on 1 January means the old unit does not count that year.
 */
export function unitsDuringYear(currentUnitId: string, transfers: readonly TransferStep[], year: number): Set<string> {
  const yearStart = `${year}-01-01`;
  const nextStart = `${year + 1}-01-01`;
  const steps = [...transfers].sort((a, b) => (a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : 0));
  const out = new Set<string>();
  let start = '0000-01-01';
  let unit: string | null = steps[0] ? steps[0].fromUnitId : currentUnitId;
  for (const t of steps) {
    // Interval [start, t.effectiveDate) in `unit`.
    if (unit && start < nextStart && t.effectiveDate > yearStart) out.add(unit);
    unit = t.toUnitId;
    start = t.effectiveDate;
  }
  // The last interval runs to today in the current unit (the truth even if a merge moved the person).
  if (start < nextStart) out.add(currentUnitId);
  return out;
}

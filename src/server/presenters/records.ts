/** Record rows → API JSON with Vietnamese labels and the actor's abilities. */
import type { Actor } from '../auth/actor.js';
import { abilitiesFor } from '../policies/abilities.js';
import {
  COMMENDATION_TYPE_LABELS,
  DISCIPLINE_LABELS,
  HONOR_INFO,
  INITIATIVE_SCOPE_LABELS,
  RATING_LABELS,
  type CommendationType,
  type Discipline,
  type Honor,
  type InitiativeScope,
  type Rating,
} from '../../shared/codes.js';
import { FACT_LABELS, type Fact } from '../rules/index.js';
import type { DisciplineRow, FactRow, HonorRow, InitiativeWithAuthors, RatingRow, RecordRows, RecordSubject } from '../repositories/records.js';

export function presentRating(r: RatingRow) {
  return { id: r.id, year: r.year, rating: r.rating, ratingLabel: RATING_LABELS[r.rating as Rating] ?? r.rating, note: r.note, source: r.source, version: r.version };
}

export function presentHonor(h: HonorRow) {
  return {
    id: h.id,
    personId: h.personId,
    unitId: h.unitId,
    year: h.year,
    honor: h.honor,
    honorLabel: HONOR_INFO[h.honor as Honor]?.label ?? h.honor,
    type: h.type,
    typeLabel: COMMENDATION_TYPE_LABELS[h.type as CommendationType] ?? h.type,
    decisionNumber: h.decisionNumber,
    decisionDate: h.decisionDate,
    issuer: h.issuer,
    amount: h.amount,
    revoked: h.revoked,
    revokedReason: h.revokedReason,
    source: h.source,
    dossierId: h.dossierId,
    note: h.note,
    version: h.version,
  };
}

export function presentInitiative(i: InitiativeWithAuthors) {
  return {
    id: i.id,
    unitId: i.unitId,
    title: i.title,
    year: i.year,
    scope: i.scope,
    scopeLabel: INITIATIVE_SCOPE_LABELS[i.scope as InitiativeScope] ?? i.scope,
    decisionNumber: i.decisionNumber,
    decisionDate: i.decisionDate,
    issuer: i.issuer,
    usedForAwardId: i.usedForAwardId,
    used: i.usedForAwardId !== null,
    authors: i.authors,
    version: i.version,
  };
}

export function presentDiscipline(d: DisciplineRow) {
  return { id: d.id, year: d.year, level: d.level, levelLabel: DISCIPLINE_LABELS[d.level as Discipline] ?? d.level, decisionNumber: d.decisionNumber, decisionDate: d.decisionDate, note: d.note, version: d.version };
}

export function presentFact(f: FactRow) {
  return { id: f.id, year: f.year, fact: f.fact, factLabel: FACT_LABELS[f.fact as Fact] ?? f.fact, note: f.note };
}

/** A subject's history: flat lists plus the years they cover, newest first. */
export function presentRecords(subject: RecordSubject, rows: RecordRows, actor: Actor) {
  const years = new Set<number>();
  for (const list of [rows.ratings, rows.honors, rows.initiatives, rows.disciplines, rows.facts]) for (const r of list) years.add(r.year);
  return {
    subject: { kind: subject.kind, id: subject.personId ?? subject.unitId, name: subject.name, unitId: subject.homeUnitId, unitName: subject.homeUnitName },
    years: [...years].sort((a, b) => b - a),
    ratings: rows.ratings.map(presentRating),
    honors: rows.honors.map(presentHonor),
    initiatives: rows.initiatives.map(presentInitiative),
    disciplines: rows.disciplines.map(presentDiscipline),
    facts: rows.facts.map(presentFact),
    abilities: abilitiesFor(actor.role, 'record'),
  };
}

/**
 * Record-level policy of the dossier pipeline: what an actor may do to *this* dossier and to each
 * of its candidates, given its role grant (`abilities.ts`) AND the record's state and ownership.
 * Commands refuse with it, presenters send its answers as `actions` (per dossier and per
 * candidate), and the web shows exactly those buttons.
 */
import type { Actor } from '../auth/actor.js';
import { can } from './abilities.js';
import { EDITABLE_STATUSES, commandsFrom, type DossierCommand, type DossierStatus } from '../../shared/dossiers.js';

/** The fields of a dossier the policy reads. */
export type DossierFacts = { unitId: string; level: string; status: string };
/** The fields of a candidate the policy reads. */
export type CandidateFacts = { outcome: string; councilResult: string | null };

/**
 * Which dossiers an actor sees. A unit's clerk: its subtree's dossiers, drafts included. The
 * Office, heads and administrators of a parent level: what has been submitted to them (ever) and
 * their own unit's dossiers — a unit's drafts stay the unit's business. `drafts`: the actor sees
 * the subtree's dossiers whatever their state; otherwise only those ever submitted, and its own
 * unit's. `repositories/scope.ts` translates it into SQL.
 */
export type DossierReach =
  | { kind: 'pipeline'; unitPath: string; drafts: boolean; ownUnitId: string }
  /** A council member reads, read only, the dossiers on the agenda of the sessions they sit in (and nothing else). */
  | { kind: 'agenda'; personId: string | null };

export function dossierReachOf(actor: Actor): DossierReach {
  if (actor.role === 'council') return { kind: 'agenda', personId: actor.personId ?? null };
  return { kind: 'pipeline', unitPath: actor.unitPath, drafts: actor.role === 'clerk', ownUnitId: actor.unitId };
}

/**
 * Who may open a dossier in the name of `unitId` (a unit the actor already sees): its own people,
 * or an actor who also sees the unit's drafts afterwards (a clerk of its subtree). The Office of a
 * parent level receives a subordinate unit's dossier; it does not write one in that unit's name, which
 * it could then neither see as a draft nor receive fairly (issue #19).
 */
export function mayCreateDossierFor(actor: Actor, unitId: string): boolean {
  if (actor.unitId === unitId) return true;
  const reach = dossierReachOf(actor);
  return reach.kind === 'pipeline' && reach.drafts;
}

/** The unit's side of the pipeline (editing, submitting, withdrawing): its own staff, a clerk of its subtree, or an administrator. */
export function isUnitSide(actor: Actor, d: DossierFacts): boolean {
  return actor.role === 'admin' || actor.role === 'clerk' || actor.unitId === d.unitId;
}

/** The receiving side (receive, return, appraise, forward): not the unit that made a unit-level dossier, unless an administrator. */
export function isOfficeSide(actor: Actor, d: DossierFacts): boolean {
  return actor.role === 'admin' || d.unitId !== actor.unitId || d.level !== 'unit';
}

/** The dossier's content (title, candidates, documents) may be edited: a unit-level dossier in an editable status, by its unit's side. */
export function mayEditDossier(actor: Actor, d: DossierFacts): boolean {
  return d.level === 'unit' && EDITABLE_STATUSES.includes(d.status as DossierStatus) && isUnitSide(actor, d) && can(actor.role, 'dossier', 'update');
}

/**
 * Who may set the date of the decision being prepared (which picks the regime): the unit's side while
 * it may edit the dossier, the receiving side while it receives and appraises it.
 */
export function maySetRegimeDate(actor: Actor, d: DossierFacts): boolean {
  if (mayEditDossier(actor, d)) return true;
  return ['submitted', 'received', 'appraising'].includes(d.status) && isOfficeSide(actor, d) && can(actor.role, 'dossier', 'appraise');
}

/**
 * The dossier's documents may be added or removed: as its content, or — for the upward dossier the
 * parent level is putting together — while it is a draft, by that level (the Tờ trình of the Sở,
 * anything the higher authority asks for).
 */
export function mayEditDocuments(actor: Actor, d: DossierFacts): boolean {
  if (mayEditDossier(actor, d)) return true;
  return d.level === 'upward' && d.status === 'draft' && isUnitSide(actor, d) && can(actor.role, 'dossier', 'forward');
}

/** The transitions this actor may take on this dossier now: the UI shows exactly these buttons. */
export function dossierActions(actor: Actor, d: DossierFacts): DossierCommand[] {
  const unitSide = isUnitSide(actor, d);
  const officeSide = isOfficeSide(actor, d);
  return commandsFrom(d.status as DossierStatus).filter((c) => {
    switch (c) {
      case 'submit':
        return d.level === 'unit' && unitSide && can(actor.role, 'dossier', 'submit');
      case 'withdraw':
        return unitSide && can(actor.role, 'dossier', 'withdraw');
      case 'receive':
        return officeSide && can(actor.role, 'dossier', 'receive');
      case 'return':
        return officeSide && can(actor.role, 'dossier', 'return');
      case 'appraise':
        return officeSide && can(actor.role, 'dossier', 'appraise');
      case 'forward':
        return d.level === 'upward' && can(actor.role, 'dossier', 'forward');
      case 'recordHigherDecision':
        return d.level === 'upward' && can(actor.role, 'decision', 'record');
      default:
        return false;
    }
  });
}

export const CANDIDATE_ACTIONS = ['update', 'remove', 'appraise', 'forward'] as const;
export type CandidateAction = (typeof CANDIDATE_ACTIONS)[number];

/**
 * A council-approved candidate of a reviewed dossier may be forwarded to the higher authority by
 * the receiving side: still pending, and not failed at the council.
 */
export function mayForwardCandidate(actor: Actor, d: DossierFacts, c: CandidateFacts): boolean {
  return can(actor.role, 'dossier', 'forward') && isOfficeSide(actor, d) && d.status === 'reviewed' && c.outcome === 'pending' && c.councilResult === 'passed';
}

/** What this actor may do to one candidate of this dossier now. */
export function candidateActions(actor: Actor, d: DossierFacts, c: CandidateFacts): CandidateAction[] {
  const out: CandidateAction[] = [];
  if (mayEditDossier(actor, d)) out.push('update', 'remove');
  if (dossierActions(actor, d).includes('appraise')) out.push('appraise');
  if (mayForwardCandidate(actor, d, c)) out.push('forward');
  return out;
}

export const ACHIEVEMENT_REPORT_ACTIONS = ['update', 'attach'] as const;
export type AchievementReportAction = (typeof ACHIEVEMENT_REPORT_ACTIONS)[number];

/**
 * A candidate's Báo cáo thành tích is the dossier's document: whoever may change the dossier's
 * documents edits and attaches it (the unit while it may edit the dossier); anyone who reads the
 * dossier (the Office) reads it.
 */
export function achievementReportActions(actor: Actor, d: DossierFacts): AchievementReportAction[] {
  return mayEditDocuments(actor, d) && can(actor.role, 'dossier', 'update') ? ['update', 'attach'] : [];
}

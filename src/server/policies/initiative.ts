/**
 * Record policy of initiatives (sáng kiến) and the initiative council's rounds: who reaches which
 * applications, and what an actor may do to one given the role's grant, the actor's tie to it
 * (author, owning unit, assigned member) and the round's state. The named refusals live here.
 */
import type { Actor } from '../auth/actor.js';
import { domainError } from '../errors.js';
import { POLICY, can, type Action } from './abilities.js';

/** The round does not take this step now (not open: no applications, no scores; not closed: no decision). */
export const InitiativeRoundNotOpen = domainError('InitiativeRoundNotOpen', 'conflict', 'initiative_round_not_open');
/** The application's state does not allow it (withdrawn, decided already). */
export const InitiativeNotAllowed = domainError('InitiativeNotAllowed', 'conflict', 'initiative_not_allowed');
/** The member has scored this initiative already. */
export const InitiativeAlreadyScored = domainError('InitiativeAlreadyScored', 'conflict', 'initiative_already_scored');
/** The member is recused (a conflict) or not assigned to this initiative. */
export const InitiativeMemberRecused = domainError('InitiativeMemberRecused', 'conflict', 'initiative_member_recused');
/** Recognition refused: too few members scored (quorum), or the votes or the average fall short. */
export const InitiativeNoQuorum = domainError('InitiativeNoQuorum', 'conflict', 'initiative_no_quorum');

/**
 * Which applications an actor reaches, besides those it authored (always): its unit subtree (the
 * Office, a clerk, the head), the rounds it sits in (a council member), or only its own (staff).
 */
export type InitiativeReach =
  { kind: 'subtree'; unitPath: string; personId: string | null } | { kind: 'member'; personId: string | null } | { kind: 'self'; personId: string | null };

export function initiativeReachOf(actor: Actor): InitiativeReach {
  const personId = actor.personId ?? null;
  if (POLICY[actor.role].reach === 'self') return { kind: 'self', personId };
  const onlyScores = can(actor.role, 'initiative', 'score') && !can(actor.role, 'initiative', 'create') && !can(actor.role, 'initiative', 'decide');
  if (onlyScores) return { kind: 'member', personId };
  return { kind: 'subtree', unitPath: actor.unitPath, personId };
}

export type InitiativeAction = Action<'initiative'>;
/** What a record exposes to the UI: the role's actions narrowed to this record, plus declaring a conflict. */
export type InitiativeAbility = 'update' | 'withdraw' | 'assign' | 'score' | 'declareConflict' | 'enterPaperScores' | 'decide' | 'recordHigher';

/** The facts about one application (and the actor's tie to it) that the policy reads. */
export interface InitiativeFacts {
  status: string;
  roundStatus: string;
  unitPath: string;
  authorIds: string[];
  /** The actor's assignment: null = not assigned; conflict set = recused. */
  myAssignment: { conflict: string | null } | null;
  iScored: boolean;
}

function owns(actor: Actor, f: InitiativeFacts): boolean {
  const reach = initiativeReachOf(actor);
  return (reach.kind === 'subtree' && f.unitPath.startsWith(reach.unitPath)) || (actor.personId !== null && f.authorIds.includes(actor.personId));
}

/** Why the record's state (or the actor's tie to it) refuses the action, or null when it allows it. */
export function initiativeRefusal(actor: Actor, f: InitiativeFacts, action: InitiativeAbility) {
  const open = f.roundStatus === 'open';
  const pending = f.status === 'submitted';
  switch (action) {
    case 'update':
    case 'withdraw':
      if (!owns(actor, f)) return new InitiativeNotAllowed('Chỉ tác giả hoặc đơn vị đề nghị được sửa, rút sáng kiến.');
      if (!pending) return new InitiativeNotAllowed('Sáng kiến đã được Hội đồng quyết định hoặc đã rút.');
      if (!open) return new InitiativeRoundNotOpen('Đợt xét sáng kiến không còn nhận hồ sơ.');
      return null;
    case 'assign':
    case 'enterPaperScores':
      if (!pending) return new InitiativeNotAllowed('Sáng kiến đã được Hội đồng quyết định hoặc đã rút.');
      if (!open) return new InitiativeRoundNotOpen('Đợt xét sáng kiến chưa mở hoặc đã kết thúc chấm điểm.');
      return null;
    case 'score':
    case 'declareConflict':
      if (!pending) return new InitiativeNotAllowed('Sáng kiến đã được Hội đồng quyết định hoặc đã rút.');
      if (!open) return new InitiativeRoundNotOpen('Đợt xét sáng kiến chưa mở hoặc đã kết thúc chấm điểm.');
      if (!f.myAssignment) return new InitiativeMemberRecused('Bạn không được phân công chấm sáng kiến này.');
      if (f.myAssignment.conflict) return new InitiativeMemberRecused('Bạn thuộc diện không tham gia chấm sáng kiến này (xung đột lợi ích).');
      if (f.iScored) return new InitiativeAlreadyScored('Bạn đã chấm sáng kiến này; phiếu đã nộp không sửa được.');
      return null;
    case 'decide':
      if (!pending) return new InitiativeNotAllowed('Sáng kiến đã được quyết định hoặc đã rút.');
      if (f.roundStatus !== 'closed') return new InitiativeRoundNotOpen('Chỉ quyết định công nhận sau khi đợt xét kết thúc chấm điểm.');
      return null;
    case 'recordHigher':
      if (f.status !== 'recognised') return new InitiativeNotAllowed('Chỉ ghi công nhận của cấp trên cho sáng kiến đã được cơ sở công nhận.');
      return null;
  }
}

const GRANT: Record<InitiativeAbility, InitiativeAction> = {
  update: 'update',
  withdraw: 'withdraw',
  assign: 'assign',
  score: 'score',
  declareConflict: 'score',
  enterPaperScores: 'enterPaperScores',
  decide: 'decide',
  recordHigher: 'decide',
};

/** The actions the actor may take on this application, sent with the record. */
export function initiativeAbilities(actor: Actor, f: InitiativeFacts): InitiativeAbility[] {
  return (Object.keys(GRANT) as InitiativeAbility[]).filter((a) => can(actor.role, 'initiative', GRANT[a]) && initiativeRefusal(actor, f, a) === null);
}

export function assertInitiativeAllows(actor: Actor, f: InitiativeFacts, action: InitiativeAbility): void {
  const refusal = initiativeRefusal(actor, f, action);
  if (refusal) throw refusal;
}

export type RoundAbility = 'update' | 'open' | 'close' | 'submit';

/** What the actor may do to a round: manage it (the Office of its unit) or submit an initiative to it. */
export function roundAbilities(actor: Actor, round: { status: string; unitPath: string }): RoundAbility[] {
  const out: RoundAbility[] = [];
  const manages = can(actor.role, 'initiative', 'manageRounds') && round.unitPath.startsWith(actor.unitPath);
  if (manages && round.status !== 'closed') out.push('update');
  if (manages && round.status === 'draft') out.push('open');
  if (manages && round.status === 'open') out.push('close');
  if (can(actor.role, 'initiative', 'create') && round.status === 'open') out.push('submit');
  return out;
}

export function assertRoundAllows(actor: Actor, round: { status: string; unitPath: string }, action: RoundAbility): void {
  if (roundAbilities(actor, round).includes(action)) return;
  if (action === 'submit') throw new InitiativeRoundNotOpen('Đợt xét sáng kiến không nhận hồ sơ (chưa mở hoặc đã kết thúc).');
  if (action === 'open') throw new InitiativeRoundNotOpen('Chỉ mở được đợt xét đang chuẩn bị.');
  if (action === 'close') throw new InitiativeRoundNotOpen('Chỉ kết thúc được đợt xét đang mở.');
  throw new InitiativeRoundNotOpen('Đợt xét đã kết thúc: không sửa được.');
}

/**
 * Whether the actor reads the other members' sheets: a member assigned to the initiative only once
 * its own sheet is in (or it is recused); otherwise those who manage or decide.
 */
export function mayReadAllScores(actor: Actor, f: InitiativeFacts): boolean {
  if (f.myAssignment && !f.myAssignment.conflict && !f.iScored) return false;
  if (f.iScored) return true;
  return can(actor.role, 'initiative', 'assign') || can(actor.role, 'initiative', 'enterPaperScores') || can(actor.role, 'initiative', 'decide');
}

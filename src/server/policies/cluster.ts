/**
 * Record policy of cụm, khối thi đua. Three kinds of actor meet in a cluster: the standing body
 * that keeps it (its unit's subtree holds `ownerPath`: sees every cluster, divides members,
 * records the head's election), the head of the year (its unit is the head member's: edits the
 * pledge, the table, the meeting), and each member's clerk (its unit is a member's: reads the
 * shared records, scores itself, reports, votes) — never another member's own records.
 */
import type { Actor } from '../auth/actor.js';
import { can, POLICY } from './abilities.js';
import { domainError } from '../errors.js';

export const ClusterConflict = domainError('ClusterConflict', 'conflict', 'cluster_conflict');
/** An organisation already sits in another cluster of the same kind and year. */
export const ClusterMemberTaken = domainError('ClusterMemberTaken', 'conflict', 'cluster_member_taken');
/** The head or deputy chosen is not a member of the cluster. */
export const ClusterHeadNotMember = domainError('ClusterHeadNotMember', 'invalid', 'cluster_head_not_member');
/** A score outside the criterion's bounds, or on a computed item. */
export const ClusterScoreInvalid = domainError('ClusterScoreInvalid', 'invalid', 'cluster_score_invalid');
/** The scoring table is closed: no more scores or adjustments. */
export const ClusterScoringClosed = domainError('ClusterScoringClosed', 'conflict', 'cluster_scoring_closed');
/** Too few members present for the meeting's vote. */
export const ClusterQuorumNotMet = domainError('ClusterQuorumNotMet', 'conflict', 'cluster_quorum_not_met');
/** The meeting's vote is closed, already voted, or not open to this member. */
export const ClusterVoteRefused = domainError('ClusterVoteRefused', 'conflict', 'cluster_vote_refused');

export interface ClusterFacts {
  /** Path of the unit that keeps the cluster (the standing body). */
  ownerPath: string;
  /** Path of the head member's unit, when the head is a unit of this installation. */
  headUnitPath: string | null;
  /** The head is an outside organisation (or none elected yet): the standing body enters its records. */
  headOutside: boolean;
  closed: boolean;
}

export type ClusterAbility = 'read' | 'manage' | 'edit' | 'score' | 'vote';

function reaches(actor: Actor, path: string | null): boolean {
  return path !== null && POLICY[actor.role].reach === 'subtree' && path.startsWith(actor.unitPath);
}

/** The actor keeps the cluster for the province (or agency): the standing body. */
export function isClusterKeeper(actor: Actor, c: Pick<ClusterFacts, 'ownerPath'>): boolean {
  return reaches(actor, c.ownerPath);
}

/** The actor speaks for a member unit (its clerk, or a unit above it in this installation). */
export function speaksForMember(actor: Actor, memberUnitPath: string | null): boolean {
  return reaches(actor, memberUnitPath);
}

/** The actor edits the cluster's records of the year: the head, or the keeper while the head is outside the installation. */
export function editsCluster(actor: Actor, c: ClusterFacts): boolean {
  if (!can(actor.role, 'cluster', 'update')) return false;
  if (reaches(actor, c.headUnitPath)) return true;
  return c.headOutside && isClusterKeeper(actor, c) && can(actor.role, 'cluster', 'create');
}

/** What the actor may do to this cluster: the buttons the web shows. `score`/`vote` need a member of the actor's (`ownMember`). */
export function clusterAbilities(actor: Actor, c: ClusterFacts, ownMember: boolean): ClusterAbility[] {
  const out: ClusterAbility[] = [];
  if (can(actor.role, 'cluster', 'read')) out.push('read');
  if (managesCluster(actor, c)) out.push('manage');
  if (editsCluster(actor, c)) out.push('edit');
  if (ownMember && !c.closed && can(actor.role, 'cluster', 'score')) out.push('score');
  if (ownMember && can(actor.role, 'cluster', 'vote')) out.push('vote');
  return out;
}

export function assertManages(actor: Actor, c: ClusterFacts): void {
  if (!managesCluster(actor, c))
    throw new ClusterConflict('Chỉ cơ quan thường trực theo dõi cụm, khối mới phân chia thành viên và ghi kết quả bầu Trưởng, Phó cụm.');
}

/** The standing body that keeps the cluster: divides members, records the election, sets the due dates of the head's reports to the Ban. */
export function managesCluster(actor: Actor, c: Pick<ClusterFacts, 'ownerPath'>): boolean {
  return isClusterKeeper(actor, c) && can(actor.role, 'cluster', 'create');
}

export function assertEdits(actor: Actor, c: ClusterFacts): void {
  if (!editsCluster(actor, c)) throw new ClusterConflict('Chỉ đơn vị Trưởng cụm, khối của năm mới sửa được hồ sơ chung của cụm, khối.');
}

/** As what an adjustment is made (recorded with it): the head, the keeper while the head is outside, or the cross-checking member. */
export type ClusterAdjusterRole = 'head' | 'keeper' | 'checker';

/**
 * Who may adjust a member's self-scores (with a reason), and as what: the head (or the keeper while
 * the head is outside), or the clerk of the member named to cross-check it (chấm chéo) — never a
 * member its own. Null: the actor may not.
 */
export function adjusterRole(
  actor: Actor,
  c: ClusterFacts,
  target: { unitPath: string | null },
  checker: { unitPath: string | null } | null,
): ClusterAdjusterRole | null {
  // The assigned checker first: an account above both the head and the checker (a Sở over its units) acts for the member it speaks for.
  if (checker && can(actor.role, 'cluster', 'score') && speaksForMember(actor, checker.unitPath) && !speaksForMember(actor, target.unitPath)) return 'checker';
  if (editsCluster(actor, c)) return reaches(actor, c.headUnitPath) ? 'head' : 'keeper';
  return null;
}

export function adjustsMember(actor: Actor, c: ClusterFacts, target: { unitPath: string | null }, checker: { unitPath: string | null } | null): boolean {
  return adjusterRole(actor, c, target, checker) !== null;
}

export function assertAdjusts(
  actor: Actor,
  c: ClusterFacts,
  target: { name: string; unitPath: string | null },
  checker: { unitPath: string | null } | null,
): ClusterAdjusterRole {
  const role = adjusterRole(actor, c, target, checker);
  if (!role) throw new ClusterConflict(`Chỉ Trưởng cụm, khối hoặc thành viên được phân công chấm chéo "${target.name}" mới điều chỉnh được điểm.`);
  return role;
}

export function assertOpen(c: Pick<ClusterFacts, 'closed'>): void {
  if (c.closed) throw new ClusterScoringClosed('Bảng chấm điểm đã khóa: không thể chấm hoặc sửa điểm.');
}

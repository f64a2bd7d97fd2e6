/**
 * Use once (legal-rules §10) counts awards, not offers: an initiative offered for a candidate who
 * ends without the award (refused by the council or the decision, or the dossier returned or
 * withdrawn) is given back, free to support another proposal (the unit offers it again when it
 * resubmits). An initiative already marked used by a decided award is never released here.
 */
import type { CommandContext } from './run.js';
import { candidatesOf } from '../repositories/dossiers.js';
import { claimsOfCandidates, deleteClaim } from '../repositories/initiatives.js';

export type ClaimRelease = 'not_awarded' | 'returned' | 'withdrawn';
const WHY: Record<ClaimRelease, string> = {
  not_awarded: 'không được khen thưởng',
  returned: 'hồ sơ bị trả lại',
  withdrawn: 'hồ sơ được rút lại',
};

/** Releases the claims these candidates hold; returns how many initiatives were given back. */
export async function releaseInitiativeClaims(
  ctx: CommandContext,
  dossier: { id: string; unitId: string },
  candidateIds: string[],
  why: ClaimRelease,
): Promise<number> {
  const claims = (await claimsOfCandidates(ctx.tx, candidateIds)).filter((c) => !c.usedForAwardId);
  for (const c of claims) {
    await deleteClaim(ctx.tx, c.initiativeId);
    await ctx.audit({
      action: 'initiative.claim_released',
      entityType: 'dossier',
      entityId: dossier.id,
      unitId: dossier.unitId,
      summary: `Sáng kiến "${c.title}" không còn là căn cứ đề nghị (${WHY[why]}); có thể dùng cho đề nghị khác`,
    });
  }
  return claims.length;
}

/** Releases every claim of the dossier's candidates (the dossier returned or withdrawn). */
export async function releaseDossierClaims(ctx: CommandContext, dossier: { id: string; unitId: string }, why: ClaimRelease): Promise<number> {
  const cands = await candidatesOf(ctx.tx, dossier.id);
  return releaseInitiativeClaims(
    ctx,
    dossier,
    cands.map((c) => c.id),
    why,
  );
}

/**
 * A Huân chương proposed without its class (HCLD): the deciding authority's decision sets the class.
 * Until then no money is computed and no statistics count it in a class.
 */
import type { CommandContext } from './run.js';
import type { CandidateRow } from '../repositories/dossiers.js';
import { updateCandidateRow } from '../repositories/candidates.js';
import { domainError, notFound } from '../errors.js';
import { HONOR_CLASSES, HONOR_INFO, classUndecided, type Honor } from '../../shared/codes.js';

/** A decision names a candidate proposed without a class but does not say which class. */
export const HonorClassUndecided = domainError('HonorClassUndecided', 'invalid', 'honor_class_undecided');

export interface DecidedClass {
  candidateId: string;
  honor: Honor;
}

/**
 * Applies the classes a recorded decision gives; refuses a class for a candidate that had one already,
 * a class that is not one of the proposal's, and an awarded candidate left without a class.
 * Answers the candidates as they now stand.
 */
export async function setDecidedClasses(
  ctx: CommandContext,
  cands: CandidateRow[],
  awardedIds: string[] | undefined,
  classes: DecidedClass[],
): Promise<CandidateRow[]> {
  const byId = new Map(cands.map((c) => [c.id, c]));
  for (const k of classes) {
    const c = byId.get(k.candidateId);
    if (!c) throw notFound('Không tìm thấy một số đề nghị trong hồ sơ.');
    const choices = HONOR_CLASSES[c.honor as Honor];
    if (!choices)
      throw new HonorClassUndecided(`${c.displayName} được đề nghị ${HONOR_INFO[c.honor as Honor].label}: hình thức đã rõ hạng, không ghi hạng khác.`);
    if (!choices.includes(k.honor))
      throw new HonorClassUndecided(
        `${HONOR_INFO[k.honor].label} không phải một hạng của ${HONOR_INFO[c.honor as Honor].label} (chọn: ${choices.map((h) => HONOR_INFO[h].label).join(', ')}).`,
      );
    byId.set(c.id, await updateCandidateRow(ctx.tx, c.id, { honor: k.honor }));
  }
  const awarded = new Set(awardedIds ?? cands.map((c) => c.id));
  for (const c of byId.values())
    if (awarded.has(c.id) && classUndecided(c.honor as Honor))
      throw new HonorClassUndecided(`Quyết định phải ghi rõ hạng ${HONOR_INFO[c.honor as Honor].label} được tặng cho ${c.displayName}.`);
  return cands.map((c) => byId.get(c.id)!);
}

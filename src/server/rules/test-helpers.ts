/** Small factories for rule tests (not a test file itself). */
import type { Honor, Rating } from '../../shared/codes.js';
import type { HonorEntry, MemberInput, SubjectInput } from './types.js';

/** Ratings from a { year: rating } map. */
export function ratings(map: Record<number, Rating>): { year: number; rating: Rating }[] {
  return Object.entries(map).map(([y, rating]) => ({ year: Number(y), rating }));
}

/** Same rating for a span of years (inclusive). */
export function ratedYears(from: number, to: number, rating: Rating): { year: number; rating: Rating }[] {
  const out: { year: number; rating: Rating }[] = [];
  for (let y = from; y <= to; y++) out.push({ year: y, rating });
  return out;
}

export function honorYears(honor: Honor, years: number[], type?: HonorEntry['type']): HonorEntry[] {
  return years.map((year) => (type ? { year, honor, type } : { year, honor }));
}

export function person(extra: Omit<SubjectInput, 'kind'> = {}): SubjectInput {
  return { kind: 'individual', ...extra };
}

/** A collective of `total` members, `ldtt` of them LĐTT in `year`, all rated HTTNV. */
export function collective(
  year: number,
  total: number,
  ldtt: number,
  extra: Omit<SubjectInput, 'kind' | 'members'> = {},
  memberExtra: (i: number) => MemberInput = () => ({}),
): SubjectInput {
  const members: MemberInput[] = [];
  for (let i = 0; i < total; i++) {
    const m = memberExtra(i);
    members.push({
      ratings: m.ratings ?? [{ year, rating: 'HTTNV' }],
      honors: [...(i < ldtt ? [{ year, honor: 'LDTT' as const }] : []), ...(m.honors ?? [])],
      disciplines: m.disciplines ?? [],
    });
  }
  return { kind: 'collective', ratings: [{ year, rating: 'HTTNV' }], ...extra, members };
}

/** A serialisable view of a rule pack for the rule-pack viewer UI (Vietnamese descriptions). */
import { HONORS, HONOR_INFO, REGIME_LABELS, SUBJECT_KIND_LABELS, type Honor, type HonorKind, type Regime, type SubjectKind } from '../../shared/codes.js';
import { todayVn } from '../../shared/clock.js';
import { baseSalaryOn } from './base-salary.js';
import { describeCriterion } from './criteria.js';
import { HONOR_SHORT, coef, percent, vnd } from './labels.js';
import { computeAmount } from './money.js';
import { packFor } from './packs/index.js';
import { AUTHORITY_LABELS, type Authority, type Criterion, type CriterionKind, type IsoDate, type RulePack } from './types.js';

export interface CriterionView {
  rule: string;
  kind: CriterionKind;
  text: string;
  article: string;
  verified: boolean;
  note?: string;
  /** The criterion's data parameters as stored (for the viewer's detail panel). */
  params: Record<string, unknown>;
  of?: CriterionView[];
}

export interface MoneyView {
  coefficient: number;
  isCap: boolean;
  article: string;
  verified: boolean;
  note?: string;
  /** Example amount at the base salary in force on `asOf`. */
  example: { asOf: IsoDate; baseSalary: number; amount: number; text: string } | null;
}

export interface HonorView {
  honor: Honor;
  label: string;
  short: string;
  kind: HonorKind;
  subjects: Array<{ subject: SubjectKind; label: string; criteria: CriterionView[]; money: MoneyView | null }>;
  vote: { share: number; secretBallot: boolean; text: string; article: string; verified: boolean } | null;
  quota: { of: Honor; share: number; rounding: string; text: string; article: string; verified: boolean } | null;
  authority: { who: Array<{ code: Authority; label: string }>; article: string; verified: boolean; note?: string };
  overridable: RulePack['honors'][Honor]['overridable'];
  notes: string[];
  /** Number of UNVERIFIED items in this honor (criteria, money, vote, quota, authority). */
  unverifiedCount: number;
}

export interface PackView {
  regime: Regime;
  label: string;
  decisionsFrom: IsoDate | null;
  decisionsTo: IsoDate | null;
  rounding: RulePack['rounding'] & { text: string };
  baseSalary: RulePack['baseSalary'];
  deadlines: RulePack['deadlines'];
  appliedOverrides: string[];
  honors: HonorView[];
}

function criterionView(c: Criterion): CriterionView {
  const { rule, kind, article, verified, note, ...rest } = c;
  const params: Record<string, unknown> = { ...rest };
  delete params.of;
  const view: CriterionView = { rule, kind, text: describeCriterion(c), article, verified, params };
  if (note) view.note = note;
  if (c.kind === 'any_of' || c.kind === 'all_of') view.of = c.of.map(criterionView);
  return view;
}

function countUnverified(list: CriterionView[]): number {
  let n = 0;
  for (const c of list) n += (c.verified ? 0 : 1) + (c.of ? countUnverified(c.of) : 0);
  return n;
}

/** The pack of a regime (or a given, possibly overridden, pack) as plain JSON for the viewer. */
export function describePack(regime: Regime, pack: RulePack = packFor(regime), asOf?: IsoDate): PackView {
  const exampleDate = asOf ?? pack.decisionsTo ?? todayVn();
  let exampleBase: number | null = null;
  try {
    exampleBase = baseSalaryOn(exampleDate, pack.baseSalary);
  } catch {
    exampleBase = null;
  }
  const honors: HonorView[] = HONORS.map((h) => {
    const r = pack.honors[h];
    const subjects = (Object.keys(r.criteria) as SubjectKind[]).map((s) => {
      const m = r.money[s];
      let money: MoneyView | null = null;
      if (m) {
        const amount = exampleBase === null ? null : computeAmount(m.coefficient, exampleBase, pack.rounding);
        money = {
          coefficient: m.coefficient,
          isCap: m.isCap ?? false,
          article: m.article,
          verified: m.verified,
          ...(m.note ? { note: m.note } : {}),
          example:
            exampleBase === null || amount === null
              ? null
              : { asOf: exampleDate, baseSalary: exampleBase, amount, text: `${m.isCap ? 'tối đa ' : ''}${coef(m.coefficient)} × ${vnd(exampleBase)} = ${vnd(amount)}` },
        };
      }
      return { subject: s, label: SUBJECT_KIND_LABELS[s], criteria: (r.criteria[s] ?? []).map(criterionView), money };
    });
    const unverifiedCount =
      subjects.reduce((n, s) => n + countUnverified(s.criteria) + (s.money && !s.money.verified ? 1 : 0), 0) +
      (r.vote && !r.vote.verified ? 1 : 0) +
      (r.quota && !r.quota.verified ? 1 : 0) +
      (r.authority.verified ? 0 : 1);
    return {
      honor: h,
      label: HONOR_INFO[h].label,
      short: HONOR_SHORT[h],
      kind: HONOR_INFO[h].kind,
      subjects,
      vote: r.vote
        ? { share: r.vote.share, secretBallot: r.vote.secretBallot, article: r.vote.article, verified: r.vote.verified, text: `Từ ${percent(r.vote.share)} tổng số thành viên Hội đồng đồng ý${r.vote.secretBallot ? ' (bỏ phiếu kín)' : ''}` }
        : null,
      quota: r.quota
        ? { of: r.quota.of, share: r.quota.share, rounding: r.quota.rounding, article: r.quota.article, verified: r.quota.verified, text: `Không quá ${percent(r.quota.share)} số ${HONOR_SHORT[r.quota.of]} của đơn vị (làm tròn ${r.quota.rounding === 'floor' ? 'xuống' : r.quota.rounding === 'ceil' ? 'lên' : 'gần nhất'})` }
        : null,
      authority: {
        who: r.authority.who.map((code) => ({ code, label: AUTHORITY_LABELS[code] })),
        article: r.authority.article,
        verified: r.authority.verified,
        ...(r.authority.note ? { note: r.authority.note } : {}),
      },
      overridable: r.overridable,
      notes: r.notes ?? [],
      unverifiedCount,
    };
  });
  return {
    regime: pack.regime,
    label: pack.label || REGIME_LABELS[regime],
    decisionsFrom: pack.decisionsFrom,
    decisionsTo: pack.decisionsTo,
    rounding: {
      ...pack.rounding,
      text: pack.rounding.mode === 'ceil' ? `Làm tròn lên bội số ${vnd(pack.rounding.step)}` : pack.rounding.mode === 'round' ? `Làm tròn đến bội số gần nhất ${vnd(pack.rounding.step)}` : 'Không làm tròn',
    },
    baseSalary: pack.baseSalary,
    deadlines: pack.deadlines,
    appliedOverrides: pack.appliedOverrides,
    honors,
  };
}

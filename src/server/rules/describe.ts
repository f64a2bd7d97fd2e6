/** A serialisable view of a rule pack for the rule-pack viewer UI (Vietnamese descriptions). */
import { z } from 'zod';
import {
  COMMENDATION_TYPES,
  COMMENDATION_TYPE_LABELS,
  CONSULTED_BODY_KIND_LABELS,
  HONORS,
  HONOR_INFO,
  REGIME_LABELS,
  SUBJECT_KIND_LABELS,
  UNIT_KINDS,
  UNIT_KIND_LABELS,
  type Honor,
  type HonorKind,
  type Regime,
  type SubjectKind,
} from '../../shared/codes.js';
import { DOCUMENT_KINDS, DOSSIER_STATUSES, DOSSIER_STATUS_LABELS } from '../../shared/dossiers.js';
import { todayVn } from '../../shared/clock.js';
import { baseSalaryOn } from './base-salary.js';
import { describeCriterion } from './criteria.js';
import { HONOR_SHORT, coef, percent, vnd } from './labels.js';
import { computeAmount } from './money.js';
import { packFor } from './packs/index.js';
import { consultationAnswerDays, initiativeVotesNeeded, publicNotice, quorumNeeded, majorityNeeded } from './pipeline.js';
import {
  AUTHORITIES,
  AUTHORITY_LABELS,
  PUBLIC_NOTICE_DEADLINE_ID,
  type Authority,
  type Criterion,
  type CriterionKind,
  type IsoDate,
  type RulePack,
} from './types.js';

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

const sourcedView = { article: z.string(), verified: z.boolean(), note: z.string().optional() };
const honorCode = z.enum(HONORS as unknown as readonly [Honor, ...Honor[]]);

/** The dossier pipeline's parameters as the rule viewer shows them (zod: routes declare it in their answer). */
export const pipelineViewSchema = z
  .object({
    documents: z.array(
      z.object({
        ...sourcedView,
        id: z.string(),
        kind: z.enum(DOCUMENT_KINDS),
        per: z.enum(['dossier', 'candidate']),
        label: z.string(),
        honors: z.array(honorCode).nullable(),
        exceptTypes: z.array(z.enum(COMMENDATION_TYPES)).nullable(),
        byLaw: z.boolean(),
        text: z.string(),
      }),
    ),
    publicNotice: z.object({
      honors: z.array(z.object({ ...sourcedView, honor: honorCode, label: z.string() })),
      minWorkingDays: z.number(),
      text: z.string(),
      article: z.string().nullable(),
      verified: z.boolean(),
    }),
    stepLimits: z.array(
      z.object({ ...sourcedView, step: z.enum(DOSSIER_STATUSES), stepLabel: z.string(), workingDays: z.number(), label: z.string(), text: z.string() }),
    ),
    quorum: z.object({ ...sourcedView, share: z.number(), text: z.string() }),
    majority: z.object({ ...sourcedView, share: z.number(), strict: z.boolean(), text: z.string() }),
    initiativeVote: z.object({ ...sourcedView, share: z.number(), strict: z.boolean(), text: z.string() }),
    honorOrder: z.object({ ...sourcedView, ranks: z.array(z.object({ honor: honorCode, label: z.string(), rank: z.number() })) }),
    unitAuthority: z.array(
      z.object({
        ...sourcedView,
        unitKind: z.enum(UNIT_KINDS),
        unitKindLabel: z.string(),
        who: z.enum(AUTHORITIES).nullable(),
        whoLabel: z.string().nullable(),
      }),
    ),
    /** Hiệp y: the bodies asked per honor and subject, the answer time, what silence means. */
    consultation: z.object({
      requirements: z.array(z.object({ ...sourcedView, honor: honorCode, label: z.string(), subject: z.string(), text: z.string() })),
      answerDays: z.object({ ...sourcedView, workingDays: z.number(), text: z.string() }),
      silence: z.object({ ...sourcedView, text: z.string() }),
    }),
    /** Number of UNVERIFIED items among the pipeline's parameters. */
    unverifiedCount: z.number(),
  })
  .meta({ id: 'PipelineRulesView' });
export type PipelineView = z.infer<typeof pipelineViewSchema>;

const noteOf = (x: { note?: string }) => (x.note ? { note: x.note } : {});
const shareText = (share: number) => (Math.abs(share - 2 / 3) < 1e-9 ? '2/3' : percent(share));

/** The pipeline part of a pack for the viewer, with Vietnamese texts (examples on 10 members). */
export function describePipeline(pack: RulePack): PipelineView {
  const p = pack.pipeline;
  const documents = p.documents.map((d) => ({
    id: d.id,
    kind: d.kind,
    per: d.per,
    label: d.label,
    honors: d.honors ? [...d.honors] : null,
    exceptTypes: d.exceptTypes ? [...d.exceptTypes] : null,
    byLaw: d.byLaw,
    text: `${d.label} (${d.per === 'dossier' ? 'một bản cho hồ sơ' : 'của từng cá nhân, tập thể được đề nghị'})${d.honors ? `; chỉ với ${d.honors.map((h) => HONOR_SHORT[h]).join(', ')}` : ''}${d.exceptTypes ? `; không cần với khen thưởng ${d.exceptTypes.map((t) => COMMENDATION_TYPE_LABELS[t]).join(', ')}` : ''}`,
    article: d.article,
    verified: d.verified,
    ...noteOf(d),
  }));
  const deadline = pack.deadlines.find((d) => d.id === PUBLIC_NOTICE_DEADLINE_ID);
  const minDays = p.publicNotice[0] ? publicNotice(pack, p.publicNotice[0].honor).minWorkingDays : deadline?.kind === 'working_days' ? deadline.days : 0;
  const notice = {
    honors: p.publicNotice.map((n) => ({ honor: n.honor, label: HONOR_INFO[n.honor].label, article: n.article, verified: n.verified, ...noteOf(n) })),
    minWorkingDays: minDays,
    text: p.publicNotice.length
      ? `Công khai danh sách đề nghị ${p.publicNotice.map((n) => HONOR_SHORT[n.honor]).join(', ')} ${minDays ? `ít nhất ${minDays} ngày làm việc` : '(không quy định số ngày tối thiểu)'} trước khi quyết định`
      : 'Không có danh hiệu, hình thức phải công khai',
    article: deadline?.article ?? null,
    verified: deadline?.verified ?? true,
  };
  const stepLimits = p.stepLimits.map((x) => ({
    step: x.step,
    stepLabel: DOSSIER_STATUS_LABELS[x.step],
    workingDays: x.workingDays,
    label: x.label,
    text: `${x.label}: ${x.workingDays} ngày làm việc (khi hồ sơ ở trạng thái "${DOSSIER_STATUS_LABELS[x.step]}")`,
    article: x.article,
    verified: x.verified,
    ...noteOf(x),
  }));
  const quorum = {
    share: p.quorum.share,
    text: `Phiên họp hợp lệ khi có từ ${shareText(p.quorum.share)} tổng số thành viên có mặt (Hội đồng 10 người: cần ${quorumNeeded(pack, 10)})`,
    article: p.quorum.article,
    verified: p.quorum.verified,
    ...noteOf(p.quorum),
  };
  const majority = {
    share: p.majority.share,
    strict: p.majority.strict,
    text: `Hình thức không có tỷ lệ riêng: ${p.majority.strict ? 'trên' : 'từ'} ${percent(p.majority.share)} tổng số thành viên đồng ý (Hội đồng 10 người: cần ${majorityNeeded(pack, 10)})`,
    article: p.majority.article,
    verified: p.majority.verified,
    ...noteOf(p.majority),
  };
  const initiativeVote = {
    share: p.initiativeVote.share,
    strict: p.initiativeVote.strict,
    text: `Công nhận sáng kiến: ${p.initiativeVote.strict ? 'trên' : 'từ'} ${percent(p.initiativeVote.share)} tổng số thành viên Hội đồng sáng kiến đồng ý (Hội đồng 5 người: cần ${initiativeVotesNeeded(pack, 5)})`,
    article: p.initiativeVote.article,
    verified: p.initiativeVote.verified,
    ...noteOf(p.initiativeVote),
  };
  const honorOrder = {
    ranks: HONORS.map((h) => ({ honor: h, label: HONOR_INFO[h].label, rank: p.honorOrder.ranks[h] })),
    article: p.honorOrder.article,
    verified: p.honorOrder.verified,
    ...noteOf(p.honorOrder),
  };
  const unitAuthority = p.unitAuthority.map((u) => ({
    unitKind: u.unitKind,
    unitKindLabel: UNIT_KIND_LABELS[u.unitKind],
    who: u.who,
    whoLabel: u.who ? AUTHORITY_LABELS[u.who] : null,
    article: u.article,
    verified: u.verified,
    ...noteOf(u),
  }));
  const days = consultationAnswerDays(pack);
  const consultation = {
    requirements: p.consultation.requirements.map((c) => ({
      honor: c.honor,
      label: HONOR_INFO[c.honor].label,
      subject: SUBJECT_KIND_LABELS[c.subject],
      text: `${HONOR_SHORT[c.honor]} (${SUBJECT_KIND_LABELS[c.subject].toLocaleLowerCase('vi')}): xin ý kiến ${c.bodies.map((b) => CONSULTED_BODY_KIND_LABELS[b]).join(', ')}`,
      article: c.article,
      verified: c.verified,
      ...noteOf(c),
    })),
    answerDays: {
      workingDays: days.workingDays,
      text: `Cơ quan được hỏi trả lời trong ${days.workingDays} ngày làm việc`,
      article: days.article,
      verified: days.verified,
    },
    silence: {
      text: 'Quá hạn không trả lời: ghi nhận "không có ý kiến", không tính là ý kiến không đồng ý',
      article: p.consultation.silence.article,
      verified: p.consultation.silence.verified,
      ...noteOf(p.consultation.silence),
    },
  };
  const flags = [
    ...documents,
    ...notice.honors,
    ...stepLimits,
    quorum,
    majority,
    initiativeVote,
    honorOrder,
    ...unitAuthority,
    ...consultation.requirements,
    consultation.answerDays,
    consultation.silence,
  ];
  return {
    consultation,
    documents,
    publicNotice: notice,
    stepLimits,
    quorum,
    majority,
    initiativeVote,
    honorOrder,
    unitAuthority,
    unverifiedCount: flags.filter((x) => !x.verified).length,
  };
}

export interface PackView {
  regime: Regime;
  label: string;
  decisionsFrom: IsoDate | null;
  decisionsTo: IsoDate | null;
  rounding: RulePack['rounding'] & { text: string };
  baseSalary: RulePack['baseSalary'];
  deadlines: RulePack['deadlines'];
  /** What the dossier pipeline reads: documents, notice, step limits, quorum, majority, order, authority. */
  pipeline: PipelineView;
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
              : {
                  asOf: exampleDate,
                  baseSalary: exampleBase,
                  amount,
                  text: `${m.isCap ? 'tối đa ' : ''}${coef(m.coefficient)} × ${vnd(exampleBase)} = ${vnd(amount)}`,
                },
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
        ? {
            share: r.vote.share,
            secretBallot: r.vote.secretBallot,
            article: r.vote.article,
            verified: r.vote.verified,
            text: `Từ ${percent(r.vote.share)} tổng số thành viên Hội đồng đồng ý${r.vote.secretBallot ? ' (bỏ phiếu kín)' : ''}`,
          }
        : null,
      quota: r.quota
        ? {
            of: r.quota.of,
            share: r.quota.share,
            rounding: r.quota.rounding,
            article: r.quota.article,
            verified: r.quota.verified,
            text: `Không quá ${percent(r.quota.share)} số ${HONOR_SHORT[r.quota.of]} của đơn vị (làm tròn ${r.quota.rounding === 'floor' ? 'xuống' : r.quota.rounding === 'ceil' ? 'lên' : 'gần nhất'})`,
          }
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
      text:
        pack.rounding.mode === 'ceil'
          ? `Làm tròn lên bội số ${vnd(pack.rounding.step)}`
          : pack.rounding.mode === 'round'
            ? `Làm tròn đến bội số gần nhất ${vnd(pack.rounding.step)}`
            : 'Không làm tròn',
    },
    baseSalary: pack.baseSalary,
    deadlines: pack.deadlines,
    pipeline: describePipeline(pack),
    appliedOverrides: pack.appliedOverrides,
    honors,
  };
}

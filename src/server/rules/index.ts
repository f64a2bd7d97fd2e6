/**
 * Public API of the pure rule engine (no I/O). Rule packs per regime are data; the evaluator,
 * money, quotas, votes and overrides read them. File names say what each part holds.
 */
export type {
  Authority,
  AuthorityRule,
  BaseSalaryEntry,
  Coefficient,
  Criterion,
  CriterionKind,
  CriterionMeta,
  DeadlineRule,
  DisciplineEntry,
  EvaluateInput,
  EvaluateResult,
  Fact,
  FactEntry,
  HonorEntry,
  HonorRule,
  InitiativeEntry,
  IsoDate,
  MemberInput,
  Money,
  Overridable,
  QuotaRule,
  RatingEntry,
  Reason,
  RoundingRule,
  RuleErrorCode,
  RulePack,
  SubjectInput,
  VoteRule,
} from './types.js';
export { AUTHORITIES, AUTHORITY_LABELS, FACTS, FACT_LABELS, RuleError } from './types.js';

export { REGIME_STARTS, assertIsoDate, isIsoDate, regimeForDate, resolveRegime } from './regimes.js';
export { BASE_SALARY_TABLE, baseSalaryEntryOn, baseSalaryOn, formatViDate } from './base-salary.js';
export { computeAmount, moneyFor, moneyFromPack, type MoneyQuery } from './money.js';
export { ND152_2025_PACK, ND91_2017_PACK, ND98_2023_PACK, PACKS, packFor } from './packs/index.js';
export { describeCriterion, indexSubject, type SubjectIndex, type Tri } from './criteria.js';
export { evaluate, evaluateIndexed, subjectNotAllowedMessage, type EvaluateOptions } from './evaluate.js';
export {
  candidatesFor,
  quotaCap,
  type CandidateOutcome,
  type CandidateResult,
  type CandidateSubject,
  type CandidatesInput,
  type CandidatesResult,
  type HonorSummary,
  type QuotaUse,
} from './candidates.js';
export { voteOutcome, type VoteOutcome, type VoteQuery } from './votes.js';
export {
  applyOverrides,
  checkOverride,
  overrideChangeSchema,
  overrideInForce,
  ruleOverrideSchema,
  type OverrideChange,
  type RuleOverride,
} from './overrides.js';
export {
  criterionSchema,
  evaluateRequestSchema,
  issuesToMessages,
  moneyQuerySchema,
  type EvaluateRequest,
  type MoneyQueryInput,
} from './schemas.js';
export { describePack, type CriterionView, type HonorView, type MoneyView, type PackView } from './describe.js';
export { HONOR_SHORT } from './labels.js';
export { authorityFor, mayDecide, type AuthorityQuery } from './authority.js';

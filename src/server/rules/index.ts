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
  DocumentRequirement,
  EvaluateInput,
  EvaluateResult,
  Fact,
  FactEntry,
  FundCapRule,
  FundRules,
  HonorEntry,
  HonorRule,
  InitiativeEntry,
  IsoDate,
  HonorOrderRule,
  MajorityRule,
  MemberInput,
  Money,
  NoticeRequirement,
  Overridable,
  PipelineRules,
  QuorumRule,
  QuotaRule,
  RatingEntry,
  Reason,
  RoundingRule,
  RuleErrorCode,
  RulePack,
  StepLimitRule,
  SubjectInput,
  UnitAuthorityRule,
  VoteRule,
} from './types.js';
export { AUTHORITIES, AUTHORITY_LABELS, FACTS, FACT_LABELS, PUBLIC_NOTICE_DEADLINE_ID, RuleError } from './types.js';

export { REGIME_STARTS, assertIsoDate, isIsoDate, regimeForDate, resolveRegime } from './regimes.js';
export { BASE_SALARY_TABLE, baseSalaryEntryOn, baseSalaryOn, formatViDate } from './base-salary.js';
export { computeAmount, moneyFor, moneyFromPack, type MoneyQuery } from './money.js';
export { ND152_2025_PACK, ND91_2017_PACK, ND98_2023_PACK, PACKS, packFor } from './packs/index.js';
export { describeCriterion, indexSubject, type SubjectIndex, type Tri } from './criteria.js';
export { evaluate, evaluateIndexed, subjectNotAllowedMessage, type EvaluateOptions } from './evaluate.js';
export {
  candidatesFor,
  quotaBreach,
  quotaCap,
  type CandidateOutcome,
  type CandidateResult,
  type CandidateSubject,
  type CandidatesInput,
  type CandidatesResult,
  type HonorSummary,
  type QuotaBreach,
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
  type OverrideDocument,
  type RuleOverride,
} from './overrides.js';
export {
  checklistRequirements,
  honorRank,
  isLowerHonor,
  limitedSteps,
  majorityNeeded,
  majorityPhrase,
  majorityRule,
  petitionLimit,
  anonymousDenunciationAllowed,
  publicNotice,
  quorum,
  quorumNeeded,
  quorumShortText,
  requiredDocuments,
  stepTimeLimit,
  unitAuthority,
  type PublicNoticeAnswer,
  consultationAnswerDays,
  consultationNeeded,
  consultationSilence,
} from './pipeline.js';
export { criterionSchema, evaluateRequestSchema, issuesToMessages, moneyQuerySchema, type EvaluateRequest, type MoneyQueryInput } from './schemas.js';
export {
  describePack,
  describePipeline,
  pipelineViewSchema,
  type CriterionView,
  type HonorView,
  type MoneyView,
  type PackView,
  type PipelineView,
} from './describe.js';
export { HONOR_SHORT } from './labels.js';
export { authorityFor, mayDecide, type AuthorityQuery } from './authority.js';
export { bonusFundCap, budgetCap, budgetCapText, organisingCap, reissueDueDate, type CapAnswer } from './fund.js';

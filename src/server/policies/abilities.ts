import type { Role } from '../../shared/codes.js';

/**
 * The one policy table: which role may do what to which kind of record. Record-level scope
 * (the actor's unit subtree, or only the actor's own person record) is applied by `scope.ts`
 * inside every query, so a record outside it simply is not found (404).
 */
export const RESOURCES = [
  'unit',
  'person',
  'account',
  'council',
  'audit',
  'record',
  'ruleOverride',
  'plan',
  'movement',
  'registration',
  'calendar',
  'notification',
  'dossier',
  'session',
  'decision',
  'notice',
  'template',
  'certificate',
  'document',
  'report',
  'initiative',
  'cluster',
  'petition',
  'inspection',
  'training',
  'exemplar',
  'story',
  'publication',
  'fund',
  'awardItem',
  'consultation',
  'signature',
] as const;
export type Resource = (typeof RESOURCES)[number];

export const ACTIONS = {
  unit: ['read', 'create', 'update', 'move', 'merge', 'deactivate', 'delete'],
  person: ['read', 'create', 'update', 'transfer', 'import', 'deactivate'],
  account: ['read', 'create', 'update', 'resetPassword'],
  council: ['read', 'create', 'update', 'manageMembers'],
  audit: ['read'],
  /** Ratings, honors received, initiatives, discipline, confirmed facts (what the rule engine reads). */
  record: ['read', 'write', 'import'],
  /** Agency overrides of rule packs (Law Art 75 k2). */
  ruleOverride: ['read', 'create'],
  /** Annual plans (kế hoạch công tác TĐKT) and movements (phong trào); registrations, pledges; the calendar and the bell. */
  plan: ['read', 'create', 'update', 'publish'],
  movement: ['read', 'create', 'update', 'launch', 'close'],
  /** `readPledges`: the unit's pledges (giao ước thi đua) and their signed documents — not staff (docs/decisions.md). */
  registration: ['read', 'register', 'registerUnit', 'rollup', 'reopen', 'pledge', 'readPledges'],
  calendar: ['read'],
  notification: ['read'],
  /** The nomination dossier pipeline: dossiers, council sessions (secret ballot), decisions, public notices. */
  dossier: ['read', 'create', 'update', 'submit', 'withdraw', 'receive', 'return', 'appraise', 'forward', 'manageDeadlines'],
  session: ['read', 'create', 'update', 'vote', 'enterPaperBallots', 'close'],
  decision: ['read', 'issue', 'record', 'revoke'],
  notice: ['read', 'post', 'answer', 'replace', 'withdraw'],
  /** The unit's own DOCX templates and its phôi calibration; certificates (sổ vàng). */
  template: ['read', 'write'],
  certificate: ['read', 'issue', 'revoke'],
  /** Converting an uploaded Word file to PDF on the server (LibreOffice). */
  document: ['convert'],
  /** Periodic reports: `request` opens a request to the units below, `write` fills and submits the unit's report, `receive` receives, returns, extends; and the dashboard and statistical forms (`read`). */
  report: ['read', 'request', 'write', 'receive'],
  /**
   * Initiatives (sáng kiến) and the initiative council's rounds: `manageRounds` (rounds, rubrics, open/close),
   * `assign` (members to initiatives), `score` (one's own sheet), `enterPaperScores` (a member's paper sheet), `decide` (recognise/refuse).
   */
  initiative: ['read', 'create', 'update', 'withdraw', 'manageRounds', 'assign', 'score', 'enterPaperScores', 'decide'],
  /** Cụm, khối thi đua: `create` the standing body's (clusters, members, head election); `update` the head's (pledge, table, meeting); `score` a member's self-scoring and reports; `vote` a member's ballot. */
  cluster: ['read', 'create', 'update', 'score', 'vote'],
  /**
   * Petitions (thắc mắc, kiến nghị, khiếu nại, tố cáo): `create` one's own; `handle` = receive, assign,
   * request information, answer, close within the unit subtree; `readIdentity` = a denouncer's
   * identity (the head; the assigned handler reads it through the record policy).
   */
  petition: ['read', 'create', 'handle', 'readIdentity'],
  /** Inspections of units' TĐKT work: plans, findings; `followUp`: the inspected unit reports what it fixed. */
  inspection: ['read', 'create', 'update', 'conclude', 'followUp'],
  /** Training courses; `enrol`: send staff of the actor's units to a course. */
  training: ['read', 'create', 'update', 'enrol'],
  /**
   * Điển hình tiên tiến: a unit proposes (phát hiện), corrects its proposal (`update`) and withdraws it (`cancel`);
   * the Office nurtures, sums up, spreads, publishes, cancels at any stage, `restore`s a cancelled one and holds the conference.
   */
  exemplar: ['read', 'propose', 'update', 'cancel', 'restore', 'nurture', 'sumUp', 'spread', 'publish', 'conference'],
  /** Stories about exemplars: written by units, approved by the head or the Office, then published (or withdrawn). */
  story: ['read', 'write', 'approve', 'publish'],
  /** The portal's switches per kind, and taking a published decision off the portal. */
  publication: ['read', 'manage'],
  /** The award fund (quỹ thi đua, khen thưởng) and the bonus fund: its settings, sources, payments, organising spending. */
  fund: ['read', 'write'],
  /** The inventory of award items (phôi, hiện vật) and requests to re-issue or exchange them. */
  awardItem: ['read', 'write'],
  /** Hiệp y: `create` requests (and cancels them), `answer` records the bodies' answers, `manageBodies` the address book. */
  consultation: ['read', 'create', 'answer', 'manageBodies'],
  /**
   * Ký số: `approve` the competent person signs with their own certificate, `issue` the agency's
   * certificate (văn thư), `manage` credentials and the trust store, `verify` any PDF.
   */
  signature: ['read', 'approve', 'issue', 'manage', 'verify'],
} as const satisfies Record<Resource, readonly string[]>;
export type Action<R extends Resource> = (typeof ACTIONS)[R][number];

/** How far a role reaches: its unit's whole subtree, or only its own person record. */
export type Reach = 'subtree' | 'self';

type Grants = { [R in Resource]?: readonly Action<R>[] };

const ALL = ACTIONS;
const READ = ['read'] as const;

export const POLICY: Record<Role, { reach: Reach; grants: Grants }> = {
  // A denouncer's identity is for the handler and the head only (Luật Tố cáo 2018 Art 47), not the administrator.
  admin: { reach: 'subtree', grants: { ...ALL, petition: ['read', 'create', 'handle'] } },
  office: {
    reach: 'subtree',
    grants: {
      unit: ['read', 'create', 'update', 'move', 'merge', 'deactivate'],
      person: ALL.person,
      account: READ,
      council: ALL.council,
      audit: READ,
      record: ALL.record,
      ruleOverride: ALL.ruleOverride,
      plan: ALL.plan,
      movement: ALL.movement,
      registration: ALL.registration,
      calendar: READ,
      notification: READ,
      dossier: ALL.dossier,
      session: ALL.session,
      decision: ['read', 'record'],
      signature: ['read', 'issue', 'verify'],
      notice: ALL.notice,
      template: ALL.template,
      certificate: ALL.certificate,
      document: ALL.document,
      report: ALL.report,
      initiative: ['read', 'create', 'update', 'withdraw', 'manageRounds', 'assign', 'enterPaperScores', 'decide'],
      cluster: ALL.cluster,
      petition: ['read', 'create', 'handle'],
      inspection: ['read', 'create', 'update', 'conclude'],
      training: ALL.training,
      exemplar: ALL.exemplar,
      story: ALL.story,
      publication: ALL.publication,
      fund: ALL.fund,
      awardItem: ALL.awardItem,
      consultation: ALL.consultation,
    },
  },
  clerk: {
    reach: 'subtree',
    grants: {
      unit: READ,
      person: ['read', 'create', 'update', 'transfer', 'import'],
      council: READ,
      audit: READ,
      record: ALL.record,
      ruleOverride: READ,
      plan: READ,
      movement: ALL.movement,
      registration: ['read', 'register', 'registerUnit', 'pledge', 'readPledges'],
      calendar: READ,
      notification: READ,
      dossier: ['read', 'create', 'update', 'submit', 'withdraw'],
      decision: READ,
      signature: ['read', 'verify'],
      template: READ,
      certificate: READ,
      document: ALL.document,
      report: ['read', 'write'],
      initiative: ['read', 'create', 'update', 'withdraw'],
      cluster: ['read', 'update', 'score', 'vote'],
      petition: ['read', 'create'],
      inspection: ['read', 'followUp'],
      training: ['read', 'enrol'],
      exemplar: ['read', 'propose', 'update', 'cancel'],
      story: ['read', 'write'],
    },
  },
  council: {
    reach: 'subtree',
    grants: {
      unit: READ,
      person: READ,
      council: READ,
      record: READ,
      ruleOverride: READ,
      plan: READ,
      movement: READ,
      registration: ['read', 'rollup', 'readPledges'],
      calendar: READ,
      notification: READ,
      /** Read only, and only the dossiers on the agenda of their sessions (`dossierReachOf`): members read what they vote on. */
      dossier: READ,
      session: ['read', 'vote'],
      template: READ,
      report: READ,
      initiative: ['read', 'score'],
      cluster: READ,
      petition: ['read', 'create'],
      exemplar: READ,
      story: READ,
      consultation: READ,
      signature: ['verify'],
    },
  },
  head: {
    reach: 'subtree',
    grants: {
      unit: READ,
      person: READ,
      council: READ,
      audit: READ,
      record: READ,
      ruleOverride: READ,
      plan: ['read', 'publish'],
      movement: ['read', 'launch', 'close'],
      registration: ['read', 'rollup', 'readPledges'],
      calendar: READ,
      notification: READ,
      dossier: READ,
      session: ['read', 'vote'],
      decision: ['read', 'issue', 'revoke'],
      signature: ['read', 'approve', 'issue', 'verify'],
      notice: READ,
      template: READ,
      certificate: READ,
      document: ALL.document,
      report: ['read', 'write'],
      initiative: ['read', 'score', 'decide'],
      cluster: READ,
      petition: ['read', 'create', 'handle', 'readIdentity'],
      inspection: READ,
      training: READ,
      exemplar: READ,
      story: ['read', 'approve', 'publish'],
      publication: READ,
      fund: READ,
      awardItem: READ,
      consultation: READ,
    },
  },
  staff: {
    reach: 'self',
    grants: {
      unit: READ,
      person: READ,
      record: READ,
      ruleOverride: READ,
      plan: READ,
      movement: READ,
      registration: ['read', 'register'],
      calendar: READ,
      notification: READ,
      template: READ,
      initiative: ['read', 'create', 'update', 'withdraw'],
      petition: ['read', 'create'],
      signature: ['verify'],
    },
  },
};

export function can<R extends Resource>(role: Role, resource: R, action: Action<R>): boolean {
  const list = POLICY[role].grants[resource] as readonly string[] | undefined;
  return list?.includes(action) ?? false;
}

/** Every action of a resource the role may take: sent with records so the UI hides the rest. */
export function abilitiesFor<R extends Resource>(role: Role, resource: R): Action<R>[] {
  return (ACTIONS[resource] as readonly Action<R>[]).filter((a) => can(role, resource, a));
}

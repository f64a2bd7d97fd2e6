/**
 * Every React Query key of the app, in one place. A key starts with its resource, so that
 * `invalidateQueries({ queryKey: keys.people.all })` refreshes every people query at once;
 * detail keys that must survive a list refresh use their own first element (`movement`, `plan`).
 */

/** A plan or a movement, the campaign a registration sheet belongs to. */
interface CampaignKey {
  planId?: string;
  movementId?: string;
}

export const keys = {
  me: ['auth', 'me'] as const,
  notifications: ['notifications'] as const,
  todo: ['todo'] as const,

  units: {
    all: ['units'] as const,
    list: (includeInactive: boolean) => ['units', { includeInactive }] as const,
  },
  people: {
    all: ['people'] as const,
    list: (filter: object) => ['people', 'list', filter] as const,
    detail: (id: string | null | undefined) => ['people', 'detail', id] as const,
    picker: (q: string) => ['people', 'picker', q] as const,
    count: ['people', 'count'] as const,
  },
  councils: ['councils'] as const,
  /** The signatures of a Tờ trình (by dossier) or a Biên bản họp xét (by session). */
  documentSignatures: (kind: string, id: string) => ['document-signatures', kind, id] as const,
  clusters: {
    all: ['clusters'] as const,
    list: (filter: object) => ['clusters', 'list', filter] as const,
    detail: (id: string) => ['clusters', 'detail', id] as const,
  },
  accounts: {
    all: ['accounts'] as const,
    list: (filter: object) => ['accounts', filter] as const,
  },
  audit: {
    list: (filter: object) => ['audit', filter] as const,
    actions: ['audit', 'actions'] as const,
  },

  plans: {
    all: ['plans'] as const,
    list: (filter: { year?: number; status?: string }) => ['plans', filter] as const,
  },
  plan: (id: string | undefined) => ['plan', id] as const,
  initiatives: {
    all: ['initiatives'] as const,
    list: (filter: object) => ['initiatives', 'list', filter] as const,
    detail: (id: string | undefined) => ['initiatives', 'detail', id] as const,
    scores: (id: string | undefined) => ['initiatives', 'scores', id] as const,
    rounds: ['initiatives', 'rounds'] as const,
    round: (id: string | undefined) => ['initiatives', 'round', id] as const,
    sheet: (id: string | undefined) => ['initiatives', 'sheet', id] as const,
    rubrics: ['initiatives', 'rubrics'] as const,
    dossier: (id: string | undefined) => ['initiatives', 'dossier', id] as const,
  },
  inspections: {
    all: ['inspections'] as const,
    list: (filter: object) => ['inspections', 'list', filter] as const,
    plans: ['inspections', 'plans'] as const,
    plan: (id: string | undefined) => ['inspections', 'plan', id] as const,
    one: (id: string | undefined) => ['inspections', 'one', id] as const,
  },
  trainings: {
    all: ['trainings'] as const,
    list: ['trainings', 'list'] as const,
    one: (id: string | undefined) => ['trainings', 'one', id] as const,
    untrained: ['trainings', 'untrained'] as const,
  },
  movements: {
    all: ['movements'] as const,
    list: (filter: { status?: string }) => ['movements', filter] as const,
    forDossier: ['movements', 'for-dossier'] as const,
  },
  movement: (id: string | null | undefined) => ['movement', id] as const,
  sheet: {
    all: ['sheet'] as const,
    of: (campaign: CampaignKey, unitId: string) => ['sheet', campaign, unitId] as const,
  },
  rollup: {
    all: ['rollup'] as const,
    of: (campaign: CampaignKey) => ['rollup', campaign] as const,
  },
  pledges: ['pledges'] as const,
  registrableHonors: (campaign: CampaignKey, subjectKind?: string) => ['registrable-honors', campaign, subjectKind] as const,
  calendar: (from: string, to: string, unitId: string | undefined) => ['calendar', from, to, unitId] as const,
  holidays: (year: number) => ['holidays', year] as const,
  petitions: (filter: object) => ['petitions', filter] as const,
  petition: (id: string) => ['petitions', 'one', id] as const,
  exemplars: {
    all: ['exemplars'] as const,
    list: (filter: object) => ['exemplars', 'list', filter] as const,
    one: (id: string | undefined) => ['exemplars', 'one', id] as const,
    suggestions: (filter: object) => ['exemplars', 'suggestions', filter] as const,
    stories: (filter: object) => ['exemplars', 'stories', filter] as const,
    story: (id: string | undefined) => ['exemplars', 'story', id] as const,
    conferences: ['exemplars', 'conferences'] as const,
    publication: ['exemplars', 'publication'] as const,
  },
  portal: {
    exemplars: (filter: object) => ['portal', 'exemplars', filter] as const,
    exemplar: (id: string | undefined) => ['portal', 'exemplar', id] as const,
    stories: (filter: object) => ['portal', 'stories', filter] as const,
    story: (id: string | undefined) => ['portal', 'story', id] as const,
    decisions: (filter: object) => ['portal', 'decisions', filter] as const,
    decision: (id: string | undefined) => ['portal', 'decision', id] as const,
  },
  publicPlans: ['public'] as const,
  publicPlan: (id: string | undefined) => ['public-plan', id] as const,
  publicMovement: (id: string | undefined) => ['public-movement', id] as const,

  records: {
    all: ['records'] as const,
    of: (kind: string, id: string) => ['records', kind, id] as const,
    eligibility: (kind: string, id: string, year: number, decisionDate: string) => ['records', kind, id, 'eligibility', year, decisionDate] as const,
  },
  candidates: {
    all: ['candidates'] as const,
    list: (unitId: string | undefined, year: number, honor: string | undefined, decisionDate: string, ...view: unknown[]) =>
      ['candidates', unitId, year, honor, decisionDate, ...view] as const,
  },
  rulePack: {
    all: ['rule-pack'] as const,
    of: (regime: string, asOf: string | undefined) => ['rule-pack', regime, asOf] as const,
  },
  ruleOverrides: ['rule-overrides'] as const,
  factKinds: ['fact-kinds'] as const,

  dossiers: {
    all: ['dossiers'] as const,
    list: (box: string, status: string | undefined, q: string, page: number) => ['dossiers', box, status, q, page] as const,
    overdue: ['dossiers', 'overdue'] as const,
  },
  dossier: (id: string) => ['dossier', id] as const,
  /** A candidate's Báo cáo thành tích (under its dossier's key: refreshing the dossier refreshes it). */
  achievementReport: (dossierId: string, candidateId: string) => ['dossier', dossierId, 'achievement-report', candidateId] as const,
  sessions: ['sessions'] as const,
  sessionCandidates: ['session-candidates'] as const,
  session: (id: string) => ['session', id] as const,
  decisions: {
    all: ['decisions'] as const,
    ready: ['decisions', 'ready'] as const,
  },
  decision: (id: string | null) => ['decision', id] as const,
  notices: ['notices'] as const,
  consultations: {
    all: ['consultations'] as const,
    list: (filter: object) => ['consultations', 'list', filter] as const,
    one: (id: string | undefined) => ['consultations', 'one', id] as const,
    draft: (dossierId: string) => ['consultations', 'draft', dossierId] as const,
    dossier: (dossierId: string) => ['consultations', 'dossier', dossierId] as const,
  },
  notice: (id: string) => ['notice', id] as const,
  publicNotices: ['public-notices'] as const,
  publicNotice: (id: string) => ['public-notices', id] as const,
  petitionAgencies: ['public-petition-agencies'] as const,

  fund: {
    all: ['fund'] as const,
    year: (year: number) => ['fund', year] as const,
  },
  certificates: {
    all: ['certificates'] as const,
    list: (year: number | undefined, q: string) => ['certificates', year, q] as const,
  },
  publicCertificate: (code: string) => ['public-certificate', code] as const,
  templates: {
    all: ['templates'] as const,
    versions: (kind: string) => ['templates', kind, 'versions'] as const,
  },
  calibration: ['calibration'] as const,
  /** Registration by number: a unit's count sheet, the Office's roll-up (both refreshed by `all`). */
  counts: {
    all: ['registration-counts'] as const,
    sheet: (campaign: CampaignKey, unitId: string) => ['registration-counts', 'sheet', campaign, unitId] as const,
    rollup: (campaign: CampaignKey) => ['registration-counts', 'rollup', campaign] as const,
  },
};

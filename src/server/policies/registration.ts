import type { Actor } from '../auth/actor.js';
import { domainError } from '../errors.js';
import { POLICY, can } from './abilities.js';
import { AUTHORITIES, packFor, regimeForDate, type Authority } from '../rules/index.js';
import { HONORS, HONOR_INFO, type Honor, type SubjectKind } from '../../shared/codes.js';

/** The registration deadline has passed and the Office has not reopened it for the unit. */
export const RegistrationClosed = domainError('RegistrationClosed', 'conflict', 'registration_closed');
/** The movement's registration window has not opened yet. */
export const RegistrationNotYetOpen = domainError('RegistrationNotYetOpen', 'conflict', 'registration_not_yet_open');
/** The plan is not published yet, or the movement not launched / already closed. */
export const CampaignNotOpen = domainError('CampaignNotOpen', 'conflict', 'campaign_not_open');
/** The subject has registered that honor already. */
export const RegistrationDuplicate = domainError('RegistrationDuplicate', 'conflict', 'registration_duplicate');
/** The campaign does not take registrations for that honor (or not for that kind of subject). */
export const HonorNotRegistrable = domainError('HonorNotRegistrable', 'invalid', 'honor_not_registrable');

/** A registration campaign: an annual plan (registration for the year) or a movement. */
export interface Campaign {
  key: string;
  kind: 'plan' | 'movement';
  id: string;
  title: string;
  year: number;
  /** The plan's or the movement's status (published / launched take registrations). */
  status: string;
  ownerUnitId: string;
  ownerPath: string;
  deadline: string | null;
  /** Registrations open at the start of this day (a movement's "từ ngày …"); null/absent = from the launch. */
  opensOn?: string | null;
  /** Honors the movement offers (empty = the annual honors, see `registrableHonors`). */
  offered: Honor[];
  /** Explicit participating units' paths (empty = every unit under the owner). */
  participantPaths: string[];
}

/**
 * The authorities whose honors a unit registers for at the start of the year: those decided
 * inside the agency or by the ministry / province. Honors decided by the
 * Prime Minister or the President, and the Kỷ niệm chương, are proposed later, not registered.
 */
const ANNUAL_AUTHORITIES: ReadonlySet<Authority> = new Set(
  AUTHORITIES.filter((a) => a !== 'thu_tuong' && a !== 'chu_tich_nuoc' && a !== 'co_quan_ban_hanh_knc'),
);

/**
 * The honors of the year's regime (its rule pack, by the year-end review date) that a subject
 * registers for in an annual plan: the pack's honors for which an agency or province authority decides.
 */
export function annualHonors(year: number): Honor[] {
  const pack = packFor(regimeForDate(`${year}-12-31`));
  return HONORS.filter((h) => {
    const rule = pack.honors[h];
    return rule && rule.authority.who.length > 0 && rule.authority.who.every((w) => ANNUAL_AUTHORITIES.has(w));
  });
}

/** The honors a campaign takes registrations for: the movement's offered ones, or the annual honors of its year. */
export function registrableHonors(c: Pick<Campaign, 'offered' | 'year'>): Honor[] {
  return c.offered.length ? c.offered : annualHonors(c.year);
}

/** The subject kinds that may register for an honor (from the honor's definition). */
export function subjectKindsOf(honor: Honor): readonly SubjectKind[] {
  return HONOR_INFO[honor].subjects;
}

/** The campaign's state lets it take registrations at all. */
export function campaignAcceptsRegistrations(c: Pick<Campaign, 'kind' | 'status'>): boolean {
  return c.kind === 'plan' ? c.status === 'published' : c.status === 'launched';
}

export function assertCampaignAccepts(c: Pick<Campaign, 'kind' | 'status'>): void {
  if (campaignAcceptsRegistrations(c)) return;
  if (c.kind === 'plan') throw new CampaignNotOpen('Kế hoạch chưa ban hành: chưa nhận đăng ký thi đua.');
  throw new CampaignNotOpen(
    c.status === 'draft' ? 'Phong trào chưa phát động: chưa nhận đăng ký thi đua.' : 'Phong trào đã kết thúc: không nhận đăng ký thi đua.',
  );
}

/** Before or on its deadline (a campaign without one is always within it). */
export function withinDeadline(c: Pick<Campaign, 'deadline' | 'opensOn'>, today: string): boolean {
  return (!c.opensOn || today >= c.opensOn) && (!c.deadline || today <= c.deadline);
}

export type CampaignAbility = 'register' | 'registerUnit' | 'rollup' | 'reopen';

/**
 * What the actor may do in this campaign today: register (itself or its units) while the campaign
 * takes registrations and its deadline has not passed (a reopening is checked per unit when saving),
 * see the roll-up, and reopen it for a late unit when it owns the campaign.
 */
export function campaignAbilities(actor: Actor, c: Campaign, today: string): CampaignAbility[] {
  const out: CampaignAbility[] = [];
  const accepting = campaignAcceptsRegistrations(c) && withinDeadline(c, today);
  if (accepting && can(actor.role, 'registration', 'register')) out.push('register');
  if (accepting && can(actor.role, 'registration', 'registerUnit')) out.push('registerUnit');
  if (can(actor.role, 'registration', 'rollup')) out.push('rollup');
  if (
    can(actor.role, 'registration', 'reopen') &&
    POLICY[actor.role].reach !== 'self' &&
    c.ownerPath.startsWith(actor.unitPath) &&
    campaignAcceptsRegistrations(c)
  )
    out.push('reopen');
  return out;
}

/**
 * Which registrations an actor sees: its subtree's; a role that reaches only itself sees its own
 * person's (none without a person). `repositories/scope.ts` translates it into SQL.
 */
export type RegistrationReach = { kind: 'subtree'; unitPath: string } | { kind: 'self'; personId: string | null };

export function registrationReachOf(actor: Actor): RegistrationReach {
  if (POLICY[actor.role].reach === 'self') return { kind: 'self', personId: actor.personId ?? null };
  return { kind: 'subtree', unitPath: actor.unitPath };
}

/**
 * Whether the actor may see pledges (giao ước thi đua) and their signed documents: its subtree's for
 * a role granted `readPledges`; none for the others. Staff have no access: a pledge is signed by the
 * unit's leaders on its behalf, and its scan carries signatures and seals; staff reach only their own
 * records (decision in docs/decisions.md).
 */
export function mayReadPledges(actor: Actor): boolean {
  return can(actor.role, 'registration', 'readPledges');
}

// ---------------------------------------------------------------- registration by number (đăng ký số lượng)

/** The unit's count sheet has been submitted: locked until the Office returns it. */
export const CountSheetLocked = domainError('CountSheetLocked', 'conflict', 'count_sheet_locked');
/** The count sheet is not in a state the command applies to (returning a sheet not submitted). */
export const CountSheetNotReturnable = domainError('CountSheetNotReturnable', 'conflict', 'count_sheet_not_returnable');

export const COUNT_SHEET_STATUSES = ['draft', 'submitted', 'returned'] as const;
export type CountSheetStatus = (typeof COUNT_SHEET_STATUSES)[number];
export const COUNT_SHEET_STATUS_LABELS: Record<CountSheetStatus, string> = {
  draft: 'Đang soạn',
  submitted: 'Đã gửi Văn phòng',
  returned: 'Văn phòng trả lại, cần sửa',
};

/**
 * The authorities whose honors are "high" (khen thưởng cấp cao): decided by the ministry / province
 * or above. A unit registers the number of proposals it will make for them (Cờ thi đua, TTLĐXS,
 * CSTĐ tỉnh / toàn quốc, Bằng khen, Huân chương…); the Kỷ niệm chương is not among them.
 */
const HIGH_AUTHORITIES: ReadonlySet<Authority> = new Set<Authority>(['bo_truong_chu_tich_tinh', 'thu_tuong', 'chu_tich_nuoc']);

/** The default honors registered by number for a year: those the year's rule pack puts with a high authority. */
export function defaultCountHonors(year: number): Honor[] {
  const pack = packFor(regimeForDate(`${year}-12-31`));
  return HONORS.filter((h) => {
    const rule = pack.honors[h];
    return rule && rule.authority.who.length > 0 && rule.authority.who.every((w) => HIGH_AUTHORITIES.has(w));
  });
}

/**
 * The honors a campaign takes registrations by number for: what its Office set (`configured`), else
 * the rules' high honors, kept to what a movement offers when it lists its honors.
 */
export function countHonorsOf(c: Pick<Campaign, 'offered' | 'year'>, configured: readonly string[] | null): Honor[] {
  const base = configured ? HONORS.filter((h) => configured.includes(h)) : defaultCountHonors(c.year);
  return c.offered.length ? base.filter((h) => c.offered.includes(h)) : base;
}

export type CountSheetAbility = 'edit' | 'submit' | 'return' | 'configure';

/**
 * What the actor may do to a unit's count sheet: edit and submit it (the unit's side, while the
 * campaign takes registrations and the window is open for the unit — `openForUnit` counts the
 * Office's reopening — and the sheet is not submitted); return a submitted sheet, and choose the
 * honors counted, when it owns the campaign (the Office).
 */
export function countSheetAbilities(actor: Actor, c: Campaign, status: CountSheetStatus, openForUnit: boolean): CountSheetAbility[] {
  const out: CountSheetAbility[] = [];
  const unitSide = campaignAcceptsRegistrations(c) && openForUnit && can(actor.role, 'registration', 'registerUnit');
  if (unitSide && status !== 'submitted') out.push('edit', 'submit');
  if (ownsCampaign(actor, c) && status === 'submitted') out.push('return');
  if (ownsCampaign(actor, c)) out.push('configure');
  return out;
}

/** The Office that launched the campaign (the reopen grant, within its subtree). */
export function ownsCampaign(actor: Actor, c: Pick<Campaign, 'ownerPath'>): boolean {
  return can(actor.role, 'registration', 'reopen') && POLICY[actor.role].reach !== 'self' && c.ownerPath.startsWith(actor.unitPath);
}

/** Refuses editing or submitting a submitted sheet (the Office must return it first). */
export function assertCountSheetEditable(status: CountSheetStatus, unitName: string): void {
  if (status === 'submitted')
    throw new CountSheetLocked(
      `Bảng đăng ký số lượng của "${unitName}" đã gửi Văn phòng nên không sửa được; nếu cần sửa, đề nghị Văn phòng (Thường trực Hội đồng) trả lại.`,
    );
}

/** The list of candidates of a unit's dossier: adding, editing, removing (while the dossier is editable). */
import type { CommandContext } from '../run.js';
import { candidatesOf, movementOfferedHonors, otherOpenCandidacy, unsafeFindUnit, type CandidateRow, type DossierRow } from '../../repositories/dossiers.js';
import { deleteCandidateOf, findCandidateOf, insertCandidate, updateCandidateRow } from '../../repositories/candidates.js';
import { findVisiblePerson } from '../../repositories/people.js';
import { findVisibleUnit } from '../../repositories/units.js';
import { badRequest, notFound } from '../../errors.js';
import { honorAllowsSubject, regimeDateOf } from '../../../shared/dossiers.js';
import { HONOR_INFO, SUBJECT_KIND_LABELS, awardWording, type Honor, type SubjectKind } from '../../../shared/codes.js';
import { governingPackOfUnit } from '../../records/eligibility.js';
import { todayVn } from '../../clock.js';
import { normalizeName } from '../../../shared/vietnamese.js';
import { DuplicateNomination } from './errors.js';
import { editable, touch } from './common.js';

export interface CandidateInput {
  subjectKind: SubjectKind;
  personId?: string | null | undefined;
  unitId?: string | null | undefined;
  householdName?: string | null | undefined;
  householdAddress?: string | null | undefined;
  proposedHonor: Honor;
  achievement?: string | null | undefined;
  positionText?: string | null | undefined;
  version?: number | undefined;
  /** Truy tặng: the person has died. */
  posthumous?: boolean | undefined;
  /** Award in kind (a welfare work for a commune…): description and value in VND. */
  inKindDescription?: string | null | undefined;
  inKindValue?: number | null | undefined;
}

/** What a candidate carries beside its honor: truy tặng and an award in kind, checked against the pack. */
async function extrasOf(
  ctx: CommandContext,
  d: DossierRow,
  honor: Honor,
  kind: SubjectKind,
  input: Pick<CandidateInput, 'posthumous' | 'inKindDescription' | 'inKindValue'>,
  current?: CandidateRow,
): Promise<{ posthumous: boolean; inKindDescription: string | null; inKindValue: number | null }> {
  const posthumous = input.posthumous ?? current?.posthumous ?? false;
  const inKindDescription = input.inKindDescription === undefined ? (current?.inKindDescription ?? null) : input.inKindDescription?.trim() || null;
  const inKindValue = input.inKindValue === undefined ? (current?.inKindValue ?? null) : input.inKindValue;
  if (posthumous) {
    if (kind !== 'individual') throw badRequest('Chỉ truy tặng cho cá nhân đã hy sinh, từ trần.');
    // The pack governing the dossier's unit on its regime date says which honors may be given posthumously.
    const pack = await governingPackOfUnit(ctx.tx, d.unitId, regimeDateOf(d, todayVn()));
    const rule = pack.honors[honor].posthumous;
    if (!rule.allowed) throw badRequest(`${HONOR_INFO[honor].label} không truy tặng (${rule.article}).`);
  }
  if (inKindValue !== null && !inKindDescription) throw badRequest('Hãy ghi hiện vật khen thưởng (ví dụ: công trình phúc lợi) kèm giá trị.');
  if (inKindDescription && inKindValue === null) throw badRequest('Hãy ghi giá trị hiện vật khen thưởng (đồng).');
  return { posthumous, inKindDescription, inKindValue };
}

async function assertHonorOffered(ctx: CommandContext, d: DossierRow, honor: Honor, kind: SubjectKind) {
  if (!honorAllowsSubject(honor, kind)) throw badRequest(`${SUBJECT_KIND_LABELS[kind]} không thể được đề nghị ${HONOR_INFO[honor].label}.`);
  const offered = d.movementId ? ((await movementOfferedHonors(ctx.tx, d.movementId)) as Honor[]) : [];
  if (offered.length && !offered.includes(honor)) {
    throw badRequest(`Phong trào này chỉ xét các hình thức: ${offered.map((h) => HONOR_INFO[h].label).join(', ')}.`);
  }
}

function duplicateElsewhere(displayName: string, honor: Honor, year: number, title: string) {
  return new DuplicateNomination(`${displayName} đã được đề nghị ${HONOR_INFO[honor].label} năm ${year} trong một hồ sơ khác đang xử lý ("${title}").`);
}

export async function addCandidate(ctx: CommandContext, dossierId: string, input: CandidateInput): Promise<CandidateRow> {
  const d = await editable(ctx, dossierId, input.version);
  await assertHonorOffered(ctx, d, input.proposedHonor, input.subjectKind);
  // The dossier's own unit: reached through the scoped dossier.
  const dUnit = await unsafeFindUnit(ctx.tx, d.unitId);
  if (!dUnit) throw notFound('Không tìm thấy đơn vị.');
  let displayName: string;
  let positionText = input.positionText?.trim() || null;
  let personId: string | null = null;
  let subjectUnitId: string | null = null;
  let householdName: string | null = null;
  if (input.subjectKind === 'individual') {
    if (!input.personId) throw badRequest('Hãy chọn cán bộ được đề nghị khen thưởng.');
    const p = await findVisiblePerson(ctx.tx, ctx.actor, input.personId);
    if (!p) throw notFound('Không tìm thấy cán bộ.');
    const pu = await unsafeFindUnit(ctx.tx, p.unitId);
    if (!pu || !pu.path.startsWith(dUnit.path)) throw badRequest(`${p.fullName} không thuộc đơn vị lập hồ sơ.`);
    personId = p.id;
    displayName = p.fullName;
    positionText ??= [p.position, pu.name].filter(Boolean).join(', ');
  } else if (input.subjectKind === 'collective') {
    if (!input.unitId) throw badRequest('Hãy chọn tập thể được đề nghị khen thưởng.');
    const u = await findVisibleUnit(ctx.tx, ctx.actor, input.unitId);
    if (!u) throw notFound('Không tìm thấy đơn vị.');
    if (!u.path.startsWith(dUnit.path)) throw badRequest(`"${u.name}" không thuộc đơn vị lập hồ sơ.`);
    subjectUnitId = u.id;
    displayName = u.name;
  } else {
    const name = normalizeName(input.householdName ?? '');
    if (!name) throw badRequest('Hãy nhập tên hộ gia đình (chủ hộ).');
    householdName = name;
    displayName = `Hộ gia đình ${name}`;
  }
  const mine = await candidatesOf(ctx.tx, d.id);
  if (
    mine.some(
      (c) =>
        (personId && c.personId === personId) || (subjectUnitId && c.subjectUnitId === subjectUnitId) || (householdName && c.householdName === householdName),
    )
  ) {
    throw new DuplicateNomination(`${displayName} đã có trong danh sách đề nghị của hồ sơ này.`);
  }
  const other = await otherOpenCandidacy(ctx.tx, { dossierId: d.id, year: d.year, honor: input.proposedHonor, personId, subjectUnitId, householdName });
  if (other) throw duplicateElsewhere(displayName, input.proposedHonor, d.year, other.title);
  const extras = await extrasOf(ctx, d, input.proposedHonor, input.subjectKind, input);
  const row = await insertCandidate(ctx.tx, {
    ...extras,
    dossierId: d.id,
    subjectKind: input.subjectKind,
    personId,
    subjectUnitId,
    householdName,
    householdAddress: input.householdAddress?.trim() || null,
    displayName,
    positionText,
    proposedHonor: input.proposedHonor,
    honor: input.proposedHonor,
    achievement: input.achievement?.trim() || null,
    sortOrder: mine.length,
  });
  await touch(ctx, d);
  await ctx.audit({
    action: 'dossier.candidate_added',
    entityType: 'dossier',
    entityId: d.id,
    unitId: d.unitId,
    summary: `Đề nghị ${awardWording(input.proposedHonor, extras.posthumous)} cho ${displayName}`,
  });
  return row;
}

export async function updateCandidate(
  ctx: CommandContext,
  dossierId: string,
  candidateId: string,
  input: {
    proposedHonor?: Honor | undefined;
    achievement?: string | null | undefined;
    positionText?: string | null | undefined;
    version?: number | undefined;
  } & Pick<CandidateInput, 'posthumous' | 'inKindDescription' | 'inKindValue'>,
): Promise<CandidateRow> {
  const d = await editable(ctx, dossierId, input.version);
  const c = await findCandidateOf(ctx.tx, d.id, candidateId);
  if (!c) throw notFound('Không tìm thấy người/tập thể trong hồ sơ.');
  const honor = input.proposedHonor ?? (c.proposedHonor as Honor);
  if (honor !== c.proposedHonor) {
    await assertHonorOffered(ctx, d, honor, c.subjectKind as SubjectKind);
    const other = await otherOpenCandidacy(ctx.tx, {
      dossierId: d.id,
      year: d.year,
      honor,
      personId: c.personId,
      subjectUnitId: c.subjectUnitId,
      householdName: c.householdName,
    });
    if (other) throw duplicateElsewhere(c.displayName, honor, d.year, other.title);
  }
  const extras = await extrasOf(ctx, d, honor, c.subjectKind as SubjectKind, input, c);
  const row = await updateCandidateRow(ctx.tx, c.id, {
    ...extras,
    proposedHonor: honor,
    honor,
    achievement: input.achievement === undefined ? c.achievement : input.achievement?.trim() || null,
    positionText: input.positionText === undefined ? c.positionText : input.positionText?.trim() || null,
  });
  await touch(ctx, d);
  await ctx.audit({
    action: 'dossier.candidate_updated',
    entityType: 'dossier',
    entityId: d.id,
    unitId: d.unitId,
    summary: `Sửa đề nghị của ${c.displayName}`,
    before: { honor: c.proposedHonor, posthumous: c.posthumous, inKindValue: c.inKindValue },
    after: { honor, posthumous: extras.posthumous, inKindValue: extras.inKindValue },
  });
  return row;
}

export async function removeCandidate(ctx: CommandContext, dossierId: string, candidateId: string, version?: number): Promise<void> {
  const d = await editable(ctx, dossierId, version);
  const c = await deleteCandidateOf(ctx.tx, d.id, candidateId);
  if (!c) throw notFound('Không tìm thấy người/tập thể trong hồ sơ.');
  await touch(ctx, d);
  await ctx.audit({
    action: 'dossier.candidate_removed',
    entityType: 'dossier',
    entityId: d.id,
    unitId: d.unitId,
    summary: `Bỏ ${c.displayName} khỏi danh sách đề nghị`,
  });
}

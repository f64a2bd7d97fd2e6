import { and, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { honorAwards, movementUnits, people, registrations, units } from '../db/schema/index.js';
import { escapeLike } from './scope.js';
import type { MovementRow } from './movements.js';

type TargetRow = { id: string; subjectKind: string; honor: string | null; measure: string; value: number; valueMax: number | null };

export interface TargetProgress {
  /** Units (collective targets) or staff (individual) the share is taken over; null for counts. */
  base: number | null;
  registered: number;
  awarded: number;
  /** Percent of the base (share) or of the target count (count), registered and awarded. */
  registeredPercent: number | null;
  awardedPercent: number | null;
  /** How far the awarded honors go toward the target, 0–100 (null when the target names no honor). */
  progress: number | null;
  achieved: boolean;
}

/** The units a movement is for: its participants, or every unit under the launching unit. */
async function participantUnits(tx: Executor, m: MovementRow): Promise<{ ids: string[]; paths: string[] }> {
  const listed = await tx
    .select({ id: units.id, path: units.path })
    .from(movementUnits)
    .innerJoin(units, eq(units.id, movementUnits.unitId))
    .where(eq(movementUnits.movementId, m.id));
  if (listed.length) return { ids: listed.map((u) => u.id), paths: listed.map((u) => u.path) };
  const [owner] = await tx.select({ path: units.path }).from(units).where(eq(units.id, m.unitId));
  if (!owner) return { ids: [], paths: [] };
  const rows = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(like(units.path, `${escapeLike(owner.path)}%`), eq(units.active, true), sql`${units.id} <> ${m.unitId}`));
  return { ids: rows.map((r) => r.id), paths: [owner.path] };
}

function underAny(col: SQL | typeof people.unitId, paths: string[]): SQL {
  if (paths.length === 0) return sql`false`;
  return sql`${col} in (select ${units.id} from ${units} where ${or(...paths.map((p) => like(units.path, `${escapeLike(p)}%`)))})`;
}

/**
 * Progress of each target from the product's data: registrations for the movement now, and
 * honors awarded in the movement's year (honor_awards, not revoked) as decisions come in.
 */
export async function targetProgress(tx: Executor, m: MovementRow, targets: TargetRow[]): Promise<Map<string, TargetProgress>> {
  const out = new Map<string, TargetProgress>();
  if (targets.length === 0) return out;
  const { ids, paths } = await participantUnits(tx, m);
  const campaignKey = `movement:${m.id}`;
  const [staff] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(people)
    .where(and(eq(people.active, true), underAny(people.unitId, paths)));
  const staffBase = Number(staff?.n ?? 0);
  const honorsWanted = [...new Set(targets.map((t) => t.honor).filter((h): h is string => !!h))];
  const reg = honorsWanted.length
    ? await tx
        .select({
          honor: registrations.honor,
          kind: registrations.subjectKind,
          n: sql<number>`count(distinct coalesce(${registrations.personId}, ${registrations.subjectUnitId}))::int`,
        })
        .from(registrations)
        .where(and(eq(registrations.campaignKey, campaignKey), inArray(registrations.honor, honorsWanted)))
        .groupBy(registrations.honor, registrations.subjectKind)
    : [];
  const awardCollective =
    honorsWanted.length && ids.length
      ? await tx
          .select({ honor: honorAwards.honor, n: sql<number>`count(distinct ${honorAwards.unitId})::int` })
          .from(honorAwards)
          .where(and(eq(honorAwards.year, m.year), eq(honorAwards.revoked, false), inArray(honorAwards.honor, honorsWanted), inArray(honorAwards.unitId, ids)))
          .groupBy(honorAwards.honor)
      : [];
  const awardIndividual = honorsWanted.length
    ? await tx
        .select({ honor: honorAwards.honor, n: sql<number>`count(distinct ${honorAwards.personId})::int` })
        .from(honorAwards)
        .innerJoin(people, eq(people.id, honorAwards.personId))
        .where(and(eq(honorAwards.year, m.year), eq(honorAwards.revoked, false), inArray(honorAwards.honor, honorsWanted), underAny(people.unitId, paths)))
        .groupBy(honorAwards.honor)
    : [];
  for (const t of targets) {
    const kind = t.subjectKind;
    const registered = t.honor ? Number(reg.find((r) => r.honor === t.honor && r.kind === kind)?.n ?? 0) : 0;
    const awarded = t.honor ? Number((kind === 'individual' ? awardIndividual : awardCollective).find((r) => r.honor === t.honor)?.n ?? 0) : 0;
    const base = t.measure === 'share' ? (kind === 'individual' ? staffBase : ids.length) : null;
    const pct = (n: number) => (t.measure === 'share' ? (base ? Math.round((n / base) * 1000) / 10 : 0) : t.value ? Math.round((n / t.value) * 1000) / 10 : 0);
    const registeredPercent = t.honor ? pct(registered) : null;
    const awardedPercent = t.honor ? pct(awarded) : null;
    const progress = !t.honor
      ? null
      : t.measure === 'share'
        ? t.value
          ? Math.min(100, Math.round(((awardedPercent ?? 0) / t.value) * 100))
          : 100
        : Math.min(100, Math.round(awardedPercent ?? 0));
    out.set(t.id, { base, registered, awarded, registeredPercent, awardedPercent, progress, achieved: progress !== null && progress >= 100 });
  }
  return out;
}

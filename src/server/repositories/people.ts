import { and, asc, count, desc, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { people, personTransfers, units } from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { escapeLike, visiblePeopleCondition } from './scope.js';
import { foldVietnamese } from '../../shared/vietnamese.js';
import { now } from '../clock.js';
import { cachedTotal, forgetTotals } from './list-totals.js';
import { badRequest } from '../errors.js';

export type PersonRow = typeof people.$inferSelect;

export interface PeopleFilter {
  q?: string | undefined;
  unitId?: string | undefined;
  /** With unitId: include the staff of its sub-units (default true). */
  includeSubunits?: boolean | undefined;
  active?: boolean | undefined;
  employmentType?: string | undefined;
  isLeader?: boolean | undefined;
  gender?: string | undefined;
  /** Column the list is ordered by (default the Vietnamese name order), then name, then id. */
  sort?: PeopleSort | undefined;
  order?: 'asc' | 'desc' | undefined;
  page: number;
  pageSize: number;
  /** Keyset cursor (`nextCursor` of the previous page) for the name order: deep pages without OFFSET. */
  after?: string | undefined;
}

export const PEOPLE_SORTS = ['name', 'birthDate', 'unit', 'position'] as const;
export type PeopleSort = (typeof PEOPLE_SORTS)[number];

/** A visible person with the name of its unit (the profile page). */
export async function findVisiblePersonWithUnit(tx: Executor, actor: Actor, id: string): Promise<{ person: PersonRow; unitName: string } | undefined> {
  const [row] = await tx
    .select({ person: people, unitName: units.name })
    .from(people)
    .innerJoin(units, eq(units.id, people.unitId))
    .where(and(eq(people.id, id), visiblePeopleCondition(actor)))
    .limit(1);
  return row;
}

export async function findVisiblePerson(tx: Executor, actor: Actor, id: string): Promise<PersonRow | undefined> {
  const [row] = await tx
    .select()
    .from(people)
    .where(and(eq(people.id, id), visiblePeopleCondition(actor)))
    .limit(1);
  return row;
}

function filterConditions(actor: Actor, f: PeopleFilter, unitPath: string | undefined): SQL[] {
  const conds: SQL[] = [visiblePeopleCondition(actor)];
  if (f.unitId) {
    if (f.includeSubunits === false || unitPath === undefined) conds.push(eq(people.unitId, f.unitId));
    else conds.push(sql`${people.unitId} in (select ${units.id} from ${units} where ${units.path} like ${escapeLike(unitPath) + '%'})`);
  }
  if (f.active !== undefined) conds.push(eq(people.active, f.active));
  if (f.employmentType) conds.push(eq(people.employmentType, f.employmentType));
  if (f.isLeader !== undefined) conds.push(eq(people.isLeader, f.isLeader));
  if (f.gender) conds.push(eq(people.gender, f.gender));
  // Each word must appear somewhere in the folded name or CCCD: "duc nguyen" finds "Nguyễn Văn Đức".
  const words = foldVietnamese(f.q ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8);
  for (const w of words) conds.push(like(people.searchKey, `%${escapeLike(w)}%`));
  return conds;
}

/**
 * Search words so common that most staff match (family and middle names): the name index walked in
 * order finds a page of them after reading a few hundred rows, where the trigram index would hand
 * over a third of the table to sort. A search with any rarer word goes through the trigram index.
 */
const COMMON_WORDS = new Set(
  'nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly van thi huu duc dinh minh ngoc thanh quang xuan thu anh'.split(' '),
);

/** `nextCursor` of a page in the name order: the last row's sort key and id. */
function encodeCursor(sortKey: string, id: string): string {
  return Buffer.from(JSON.stringify([sortKey, id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] | undefined {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string') return [v[0], v[1]];
  } catch {
    /* not a cursor of ours */
  }
  return undefined;
}

/**
 * One page of visible staff, Vietnamese name order, with the total for the pager. `after` (the
 * previous page's `nextCursor`, name order only) pages by keyset instead of OFFSET; a large total
 * is counted once per actor and filter for a short while (`list-totals.ts`), and a short last page
 * gives the total without counting.
 */
export async function listPeople(tx: Executor, actor: Actor, f: PeopleFilter) {
  let unitPath: string | undefined;
  if (f.unitId) {
    const [u] = await tx.select({ path: units.path }).from(units).where(eq(units.id, f.unitId)).limit(1);
    unitPath = u?.path;
  }
  const conds = filterConditions(actor, f, unitPath);
  const where = and(...conds);
  const words = foldVietnamese(f.q ?? '')
    .split(/\s+/)
    .filter(Boolean);
  // While searching a rare word, order by an expression the name index cannot serve: the planner
  // then takes the matches from the trigram index and sorts only those, instead of walking the whole
  // name index and filtering (85k rows read for a late-alphabet given name like "Thảo"). Common
  // words ("nguyen") are the opposite case: walk the name index.
  const viaTrigram = words.length > 0 && !words.every((w) => COMMON_WORDS.has(w));
  const nameOrder = viaTrigram ? sql`${people.sortKey} || ''` : people.sortKey;
  const dir = f.order === 'desc' ? desc : asc;
  const byNameOnly = f.sort === undefined || f.sort === 'name';
  const first: SQL[] =
    f.sort === 'birthDate'
      ? [sql`${people.birthDate} ${f.order === 'desc' ? sql`desc` : sql`asc`} nulls last`]
      : f.sort === 'unit'
        ? [dir(units.name)]
        : f.sort === 'position'
          ? [sql`${people.position} ${f.order === 'desc' ? sql`desc` : sql`asc`} nulls last`]
          : [];
  const byName = byNameOnly ? dir(nameOrder) : asc(nameOrder);
  const cursor = byNameOnly && f.after ? decodeCursor(f.after) : undefined;
  if (f.after && !cursor) throw badRequest('Con trỏ trang (after) không hợp lệ; hãy tải lại danh sách từ trang đầu.');
  const keyset = cursor
    ? f.order === 'desc'
      ? sql`(${nameOrder}, ${people.id}) < (${cursor[0]}, ${cursor[1]}::uuid)`
      : sql`(${nameOrder}, ${people.id}) > (${cursor[0]}, ${cursor[1]}::uuid)`
    : undefined;
  const offset = cursor ? 0 : (f.page - 1) * f.pageSize;
  const idOrder = f.order === 'desc' && byNameOnly ? desc(people.id) : asc(people.id);
  const rows = await tx
    .select({ person: people, unitName: units.name })
    .from(people)
    .innerJoin(units, eq(units.id, people.unitId))
    .where(keyset ? and(where, keyset) : where)
    .orderBy(...first, byName, idOrder)
    .limit(f.pageSize)
    .offset(offset);
  const last = rows[rows.length - 1];
  const nextCursor = byNameOnly && last && rows.length === f.pageSize ? encodeCursor(last.person.sortKey, last.person.id) : null;
  // A short page reached by offset is the end of the list: its total needs no count.
  if (!cursor && rows.length < f.pageSize && (rows.length > 0 || f.page === 1)) return { rows, total: offset + rows.length, nextCursor };
  const key = `people:${actor.accountId}:${JSON.stringify([f.q ?? '', f.unitId ?? '', f.includeSubunits ?? '', f.active ?? '', f.employmentType ?? '', f.isLeader ?? '', f.gender ?? ''])}`;
  const total = await cachedTotal(key, async () => Number((await tx.select({ n: count() }).from(people).where(where))[0]?.n ?? 0));
  return { rows, total, nextCursor };
}

export async function transfersOf(tx: Executor, personId: string) {
  return tx
    .select({
      transfer: personTransfers,
      fromName: sql<string | null>`(select name from units u where u.id = ${personTransfers.fromUnitId})`,
      toName: units.name,
    })
    .from(personTransfers)
    .innerJoin(units, eq(units.id, personTransfers.toUnitId))
    .where(eq(personTransfers.personId, personId))
    .orderBy(asc(personTransfers.effectiveDate), asc(personTransfers.createdAt));
}

export async function existingCccds(tx: Executor, cccds: string[]): Promise<Set<string>> {
  if (cccds.length === 0) return new Set();
  const found = new Set<string>();
  for (let i = 0; i < cccds.length; i += 5000) {
    const rows = await tx
      .select({ cccd: people.cccd })
      .from(people)
      .where(inArray(people.cccd, cccds.slice(i, i + 5000)));
    for (const r of rows) if (r.cccd) found.add(r.cccd);
  }
  return found;
}

/**
 * Every visible person matching the list filters (no paging), in the list's order, read in
 * keyset batches so an export of 100,000 people keeps memory flat.
 */
export async function* peopleMatching(tx: Executor, actor: Actor, f: Omit<PeopleFilter, 'page' | 'pageSize'>, batchSize = 2000) {
  let unitPath: string | undefined;
  if (f.unitId) {
    const [u] = await tx.select({ path: units.path }).from(units).where(eq(units.id, f.unitId)).limit(1);
    unitPath = u?.path;
  }
  const conds = filterConditions(actor, { ...f, page: 1, pageSize: batchSize }, unitPath);
  let after: { sortKey: string; id: string } | null = null;
  for (;;) {
    const page: { person: PersonRow; unitName: string }[] = await tx
      .select({ person: people, unitName: units.name })
      .from(people)
      .innerJoin(units, eq(units.id, people.unitId))
      .where(and(...conds, after ? sql`(${people.sortKey}, ${people.id}) > (${after.sortKey}, ${after.id})` : undefined))
      .orderBy(asc(people.sortKey), asc(people.id))
      .limit(batchSize);
    yield* page;
    if (page.length < batchSize) return;
    const last = page[page.length - 1]!.person;
    after = { sortKey: last.sortKey, id: last.id };
  }
}

/** A person with this CCCD anywhere in the system (CCCD is unique nationally, so scope does not apply). */
export async function unsafeFindPersonByCccd(tx: Executor, cccd: string): Promise<{ id: string } | undefined> {
  const [row] = await tx.select({ id: people.id }).from(people).where(eq(people.cccd, cccd)).limit(1);
  return row;
}

export type NewPerson = typeof people.$inferInsert;

export async function insertPerson(tx: Executor, values: NewPerson): Promise<PersonRow> {
  forgetTotals('people');
  const [row] = await tx.insert(people).values(values).returning();
  if (!row) throw new Error('insert into people returned nothing');
  return row;
}

/** Inserts many people (an import), in chunks the driver accepts; answers their ids in order. */
export async function insertPeople(tx: Executor, values: NewPerson[]): Promise<string[]> {
  const ids: string[] = [];
  forgetTotals('people');
  for (let i = 0; i < values.length; i += 1000) {
    const inserted = await tx
      .insert(people)
      .values(values.slice(i, i + 1000))
      .returning({ id: people.id });
    ids.push(...inserted.map((x) => x.id));
  }
  return ids;
}

type PersonChanges = Partial<Omit<NewPerson, 'id' | 'version' | 'createdAt' | 'updatedAt'>>;

/** Writes a person's fields and bumps the version, only if it is still `expectedVersion`. */
export async function updatePersonAtVersion(tx: Executor, id: string, expectedVersion: number, changes: PersonChanges): Promise<PersonRow | undefined> {
  forgetTotals('people');
  const [row] = await tx
    .update(people)
    .set({ ...changes, version: expectedVersion + 1, updatedAt: now() })
    .where(and(eq(people.id, id), eq(people.version, expectedVersion)))
    .returning();
  return row;
}

export async function insertPersonTransfers(tx: Executor, rows: (typeof personTransfers.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(personTransfers).values(rows);
}

/** The ids of everyone (active or not) whose unit is `unitId`. */
export async function staffIdsOfUnit(tx: Executor, unitId: string): Promise<string[]> {
  return (await tx.select({ id: people.id }).from(people).where(eq(people.unitId, unitId))).map((r) => r.id);
}

/** Everyone of `fromUnitId` now works in `toUnitId` (a merge; the transfers are written apart). */
export async function moveStaffToUnit(tx: Executor, fromUnitId: string, toUnitId: string): Promise<void> {
  forgetTotals('people');
  await tx.update(people).set({ unitId: toUnitId, updatedAt: now() }).where(eq(people.unitId, fromUnitId));
}

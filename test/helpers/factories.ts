/**
 * Small factories for API tests: one record per call, through the API (so through the commands,
 * their checks and their audit), with defaults for every field the test does not care about.
 * Prefer them to scanning the demo seed for a record of the right shape.
 *
 *   const unit = await buildUnit(admin, { parentId: t.demo.rootUnitId });
 *   const person = await buildPerson(admin, { unitId: unit.id });
 *   const dossier = await buildDossier(t, { unit, candidates: [person], complete: true });
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { accounts, units } from '../../src/server/db/schema/index.js';
import { hashPassword } from '../../src/server/auth/passwords.js';
import type { Client, TestApp } from './app.js';
import { completeDocuments } from './dossiers.js';

const tag = () => randomBytes(3).toString('hex');

function created(r: { status: number; body: unknown }, what: string): { id: string } & Record<string, unknown> {
  assert.ok(r.status === 200 || r.status === 201, `${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as { id: string } & Record<string, unknown>;
}

export interface BuiltUnit {
  id: string;
  name: string;
}

/** A department under `parentId` (default: the Sở), created by `admin`. */
export async function buildUnit(admin: Client, opts: { parentId: string; name?: string; kind?: string }): Promise<BuiltUnit> {
  const name = opts.name ?? `Phòng Thử ${tag()}`;
  const u = created(await admin.post('/api/units', { parentId: opts.parentId, name, kind: opts.kind ?? 'department' }), 'buildUnit');
  return { id: u.id, name };
}

export interface BuiltPerson {
  id: string;
  fullName: string;
}

/** A staff member of `unitId`, created by `client` (an account that may manage that unit's staff). */
export async function buildPerson(
  client: Client,
  opts: { unitId: string; fullName?: string; gender?: 'nam' | 'nu'; birthDate?: string },
): Promise<BuiltPerson> {
  const fullName = opts.fullName ?? `Nguyễn Văn Thử ${tag()}`;
  const p = created(
    await client.post('/api/people', { unitId: opts.unitId, fullName, gender: opts.gender ?? 'nam', birthDate: opts.birthDate ?? '1985-05-20' }),
    'buildPerson',
  );
  return { id: p.id, fullName };
}

/** A launched movement of the Sở, created by the Office (`office`), offering Giấy khen and Lao động tiên tiến by default. */
export async function buildMovement(
  t: TestApp,
  office: Client,
  opts: { year: number; startDate: string; endDate: string; registrationDeadline?: string; title?: string; honors?: { honor: string }[] },
): Promise<string> {
  const m = created(
    await office.post('/api/movements', {
      unitId: t.demo.rootUnitId,
      type: 'thematic',
      year: opts.year,
      title: opts.title ?? `Phong trào thi đua thử ${tag()}`,
      startDate: opts.startDate,
      endDate: opts.endDate,
      ...(opts.registrationDeadline ? { registrationDeadline: opts.registrationDeadline } : {}),
      honors: opts.honors ?? [{ honor: 'GK' }, { honor: 'LDTT' }, { honor: 'CSTDCS' }],
    }),
    'buildMovement',
  );
  created(await office.post(`/api/movements/${m.id}/launch`), 'launch movement');
  return m.id;
}

const clerks = new WeakMap<TestApp, Map<string, Client>>();

/** A signed-in clerk of `unitId` (created once per app and unit). */
export async function clerkOf(t: TestApp, unitId: string): Promise<Client> {
  let byUnit = clerks.get(t);
  if (!byUnit) clerks.set(t, (byUnit = new Map()));
  const known = byUnit.get(unitId);
  if (known) return known;
  const username = `vanthu_${tag()}`;
  await t.db.insert(accounts).values({
    username,
    displayName: `Văn thư ${username}`,
    role: 'clerk',
    unitId,
    passwordHash: await hashPassword('Clerk-12345'),
    passwordChangedAt: new Date(),
  });
  const client = await t.login(username, 'Clerk-12345');
  byUnit.set(unitId, client);
  return client;
}

/**
 * A dossier of `unit` (built by a clerk of that unit) proposing `honor` (default Giấy khen) for each
 * candidate; `complete` adds the documents its checklist requires, so that it can be submitted.
 */
export async function buildDossier(
  t: TestApp,
  opts: {
    unit: { id: string };
    candidates: { id: string }[];
    year: number;
    type?: string;
    movementId?: string;
    honor?: string;
    complete?: boolean;
    title?: string;
  },
): Promise<{ id: string; clerk: Client }> {
  const clerk = await clerkOf(t, opts.unit.id);
  const d = created(
    await clerk.post('/api/dossiers', {
      type: opts.type ?? (opts.movementId ? 'chuyen_de' : 'cong_trang'),
      year: opts.year,
      title: opts.title ?? `Hồ sơ đề nghị khen thưởng ${tag()}`,
      ...(opts.movementId ? { movementId: opts.movementId } : {}),
    }),
    'buildDossier',
  );
  for (const p of opts.candidates)
    created(
      await clerk.post(`/api/dossiers/${d.id}/candidates`, { subjectKind: 'individual', personId: p.id, proposedHonor: opts.honor ?? 'GK' }),
      'add candidate',
    );
  if (opts.complete) await completeDocuments(clerk, d.id);
  return { id: d.id, clerk };
}

/** The administrator of a second agency unrelated to the demo Sở ("ngoai"): every grant, nothing of the demo in scope (the 404 checks). */
export async function buildOutsider(t: TestApp): Promise<Client> {
  const otherId = crypto.randomUUID();
  await t.db.insert(units).values({ id: otherId, path: `/${otherId}/`, name: 'Sở Nội vụ tỉnh Lạng Sơn', kind: 'agency', code: 'SNV' });
  await t.db.insert(accounts).values({
    username: 'ngoai',
    displayName: 'Quản trị Sở Nội vụ',
    role: 'admin',
    unitId: otherId,
    passwordHash: await hashPassword('Ngoai-12345'),
    passwordChangedAt: new Date(),
  });
  return t.login('ngoai', 'Ngoai-12345');
}

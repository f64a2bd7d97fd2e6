/** Fixtures for the nomination pipeline tests: seed 001's movement, clerks of other units, a dossier pushed through the council. */
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { accounts, councilMembers, movementHonors, movements, people, units } from '../../src/server/db/schema/index.js';
import { hashPassword } from '../../src/server/auth/passwords.js';
import type { Client, TestApp } from './app.js';
import { INITIATIVE_PROOF_HONORS } from '../../src/server/rules/packs/pipeline.js';

export const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6300010000050001' + '0d0a2db40000000049454e44ae426082',
  'hex',
);
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

export async function unitByCode(t: TestApp, code: string) {
  const [u] = await t.db.select().from(units).where(eq(units.code, code));
  assert.ok(u, `unit ${code}`);
  return u;
}

export async function personByName(t: TestApp, name: string) {
  const [p] = await t.db.select().from(people).where(eq(people.fullName, name));
  assert.ok(p, `person ${name}`);
  return p;
}

export async function staffOf(t: TestApp, unitId: string) {
  return t.db.select().from(people).where(eq(people.unitId, unitId)).orderBy(people.sortKey);
}

/** A clerk account for another unit of the demo Sở. */
export async function clerkFor(t: TestApp, username: string, unitCode: string): Promise<Client> {
  const u = await unitByCode(t, unitCode);
  await t.db.insert(accounts).values({
    username,
    displayName: `Văn thư ${u.name}`,
    role: 'clerk',
    unitId: u.id,
    passwordHash: await hashPassword('Clerk-12345'),
    passwordChangedAt: new Date(),
  });
  return t.login(username, 'Clerk-12345');
}

/** Seed 001's movement of the Sở: Bằng khen tỉnh limited to 01 for the whole Sở, Giấy khen unlimited. */
export async function seed001Movement(t: TestApp): Promise<string> {
  const [m] = await t.db
    .insert(movements)
    .values({
      unitId: t.demo.rootUnitId,
      type: 'thematic',
      year: 2021,
      title: 'Đợt thi đua chào mừng 80 năm Ngày Bác Hồ về nước và 60 năm Cao Bằng thực hiện lời căn dặn của Bác',
      startDate: '2021-01-20',
      endDate: '2021-06-30',
      status: 'launched',
    })
    .returning();
  await t.db.insert(movementHonors).values([
    { movementId: m!.id, honor: 'BK_BO_TINH', quota: 1, quotaNote: '01 tập thể hoặc 01 cá nhân cho toàn Sở', awardedBy: 'Chủ tịch UBND tỉnh' },
    { movementId: m!.id, honor: 'GK', quota: null, awardedBy: 'Giám đốc Sở' },
  ]);
  // The demo council's term starts in 2024; seed 001 happens in 2021, so its members sit from 2020.
  await t.db.update(councilMembers).set({ fromDate: '2020-01-01' });
  return m!.id;
}

export const ok = (r: { status: number; body: unknown }, status = 200) => assert.equal(r.status, status, JSON.stringify(r.body));

/** The shared documents of a dossier plus a written achievement report for every candidate. */
export async function completeDocuments(c: Client, dossierId: string) {
  const d = (await c.get(`/api/dossiers/${dossierId}`)).body;
  ok(
    await c.post(`/api/dossiers/${dossierId}/documents`, {
      kind: 'to_trinh',
      content: 'Kính đề nghị Giám đốc Sở xét khen thưởng cho các cá nhân, tập thể có thành tích xuất sắc.',
    }),
    201,
  );
  ok(
    await c.post(`/api/dossiers/${dossierId}/documents`, {
      kind: 'bien_ban_hop_xet',
      content: 'Họp xét ngày 10/6/2021.',
      voteResult: '5/5 thành viên dự họp đồng ý',
    }),
    201,
  );
  for (const cand of d.candidates as { id: string; displayName: string; proposedHonor: string }[]) {
    // A CSTĐ's dossier holds the certificate of the initiative its achievements rest on.
    if ((INITIATIVE_PROOF_HONORS as readonly string[]).includes(cand.proposedHonor))
      ok(
        await c.post(`/api/dossiers/${dossierId}/documents`, {
          kind: 'minh_chung',
          candidateId: cand.id,
          content: `Giấy chứng nhận sáng kiến cấp cơ sở của ${cand.displayName}.`,
        }),
        201,
      );
    ok(
      await c.post(`/api/dossiers/${dossierId}/documents`, {
        kind: 'bao_cao_thanh_tich',
        candidateId: cand.id,
        content: `I. Sơ lược lý lịch: ${cand.displayName}.\nII. Thành tích đạt được: hoàn thành xuất sắc nhiệm vụ trong đợt thi đua.`,
      }),
      201,
    );
  }
}

/** One signed-in client per app and account for the fixtures below: a file calling them often stays under the sign-in rate limit. */
const fixtureSessions = new WeakMap<TestApp, Map<string, Promise<Client>>>();
function signedIn(t: TestApp, username: string): Promise<Client> {
  let byUser = fixtureSessions.get(t);
  if (!byUser) fixtureSessions.set(t, (byUser = new Map()));
  let c = byUser.get(username);
  if (!c) byUser.set(username, (c = t.login(username)));
  return c;
}

/**
 * A TTUD dossier of `n` nominees taken to "reviewed" (all passed) by the Office, the council and its members;
 * each proposed for Giấy khen unless `honors` names the i-th nominee's honor.
 */
export async function reviewedDossier(t: TestApp, n: number, opts: { year?: number; skip?: number; honors?: string[] } = {}) {
  await t.db.update(councilMembers).set({ fromDate: '2020-01-01' });
  const donvi = await signedIn(t, 'donvi');
  const office = await signedIn(t, 'vanphong');
  const ttud = await unitByCode(t, 'TTUD');
  const staff = (await staffOf(t, ttud.id)).slice(opts.skip ?? 0, (opts.skip ?? 0) + n);
  const d = await donvi.post('/api/dossiers', { type: 'cong_trang', year: opts.year ?? 2021, title: `Hồ sơ đề nghị Giấy khen (${n})` });
  ok(d, 201);
  for (const [i, p] of staff.entries())
    ok(await donvi.post(`/api/dossiers/${d.body.id}/candidates`, { subjectKind: 'individual', personId: p.id, proposedHonor: opts.honors?.[i] ?? 'GK' }), 201);
  await completeDocuments(donvi, d.body.id);
  ok(await donvi.post(`/api/dossiers/${d.body.id}/submit`));
  ok(await office.post(`/api/dossiers/${d.body.id}/receive`));
  const det = (await office.get(`/api/dossiers/${d.body.id}`)).body;
  for (const c of det.candidates) ok(await office.post(`/api/dossiers/${d.body.id}/candidates/${c.id}/appraise`, { note: 'Đủ thành phần' }));
  const councils = (await office.get('/api/councils')).body.items as { id: string; kind: string }[];
  const s = await office.post('/api/sessions', {
    councilId: councils.find((c) => c.kind === 'tdkt')!.id,
    title: 'Phiên họp xét khen thưởng',
    meetingDate: '2021-06-22',
    candidateIds: det.candidates.map((c: { id: string }) => c.id),
  });
  ok(s, 201);
  ok(await office.post(`/api/sessions/${s.body.id}/open`));
  const items = (await office.get(`/api/sessions/${s.body.id}`)).body.items as { id: string }[];
  for (const u of ['hoidong', 'giamdoc', 'vanphong']) {
    const c = await signedIn(t, u);
    ok(await c.post(`/api/sessions/${s.body.id}/ballots`, { votes: items.map((i) => ({ itemId: i.id, choice: 'approve' })) }));
  }
  ok(await office.post(`/api/sessions/${s.body.id}/paper-ballots`, { items: items.map((i) => ({ itemId: i.id, approve: 1, reject: 0, abstain: 0 })) }));
  ok(await office.post(`/api/sessions/${s.body.id}/close`));
  return { dossierId: d.body.id as string, candidateIds: det.candidates.map((c: { id: string }) => c.id) as string[], sessionId: s.body.id as string };
}

// Issue #19, "bugs seen" with real agencies' data, each as a regression test: the Office writing a
// dossier in a subordinate unit's name, and a second honor forwarded for the same subject.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { count, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { ok, reviewedDossier, unitByCode } from '../helpers/dossiers.js';
import { setClock } from '../../src/server/clock.js';
import { dossierCandidates, dossiers } from '../../src/server/db/schema/index.js';

describe('regressions found with real agencies’ data', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    setClock('2021-06-10');
  });
  after(async () => {
    setClock(null);
    await t.close();
  });

  const dossierCount = async () => (await t.db.select({ n: count() }).from(dossiers))[0]!.n;

  it("the Office may not open a dossier in a subordinate unit's name (it could not see it afterwards); the unit's clerk may, and reads it back", async () => {
    const office = await t.login('vanphong');
    const ttud = await unitByCode(t, 'TTUD');
    const before = await dossierCount();
    const r = await office.post('/api/dossiers', { unitId: ttud.id, type: 'cong_trang', year: 2021, title: 'Hồ sơ lập hộ đơn vị' });
    assert.equal(r.status, 403, JSON.stringify(r.body));
    assert.match(r.body.message, /do chính đơn vị đó lập và gửi lên/);
    assert.equal(await dossierCount(), before, 'nothing stored');
    // Its own agency's dossier: created and read back (201 with the dossier, not 404).
    const own = await office.post('/api/dossiers', { type: 'cong_trang', year: 2021, title: 'Hồ sơ của Sở' });
    ok(own, 201);
    assert.equal(own.body.title, 'Hồ sơ của Sở');
    // The clerk of the subtree writes the unit's dossier and sees it as a draft.
    const donvi = await t.login('donvi');
    const mine = await donvi.post('/api/dossiers', { unitId: ttud.id, type: 'cong_trang', year: 2021, title: 'Hồ sơ của Trung tâm' });
    ok(mine, 201);
    assert.equal(mine.body.unitId, ttud.id);
  });

  it('a second honor forwarded for the same subject into one upward dossier answers 409 by name, not 500, and stores nothing', async () => {
    const office = await t.login('vanphong');
    const first = await reviewedDossier(t, 1, { skip: 3 });
    ok(await office.post(`/api/dossiers/${first.dossierId}/candidates/${first.candidateIds[0]}/forward`, {}), 201);
    // The first dossier is done (its only candidate forwarded): the same person may be proposed again.
    const second = await reviewedDossier(t, 1, { skip: 3 });
    const upwardBefore = await t.db.select({ n: count() }).from(dossierCandidates).where(eq(dossierCandidates.sourceCandidateId, second.candidateIds[0]!));
    const r = await office.post(`/api/dossiers/${second.dossierId}/candidates/${second.candidateIds[0]}/forward`, { honor: 'BK_BO_TINH' });
    assert.equal(r.status, 409, JSON.stringify(r.body));
    assert.match(r.body.message, /đã có trong hồ sơ trình cấp trên/);
    const upwardAfter = await t.db.select({ n: count() }).from(dossierCandidates).where(eq(dossierCandidates.sourceCandidateId, second.candidateIds[0]!));
    assert.deepEqual(upwardAfter, upwardBefore, 'nothing stored');
    const cand = (await office.get(`/api/dossiers/${second.dossierId}`)).body.candidates[0] as { outcome: string };
    assert.notEqual(cand.outcome, 'forwarded');
  });
});

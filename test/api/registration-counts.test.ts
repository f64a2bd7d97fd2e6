import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, type Client, type TestApp } from '../helpers/app.js';
import { clerkOf, buildPerson } from '../helpers/factories.js';
import { completeDocuments, unitByCode } from '../helpers/dossiers.js';
import { auditEvents, registrationCountSheets, registrationCounts } from '../../src/server/db/schema/index.js';
import { addDays } from '../../src/server/deadlines/clock.js';
import { instantVn, setClock, todayVn } from '../../src/server/clock.js';
import { readXlsxTable } from '../../src/server/documents/index.js';

/** Next year in the agency's calendar (Vietnam). */
const Y = Number(todayVn().slice(0, 4)) + 1;

type Cell = { honor: string; registered: number | null; proposed: number; difference: number };
type RollupUnit = { unitId: string; unitName: string; status: string | null; cells: Cell[]; abilities: string[] };

describe('registration by number (đăng ký số lượng): two units, proposals later, roll-up, bad input, the Excel roll-up', () => {
  let t: TestApp;
  let office: Client;
  let ttudClerk: Client;
  let vpClerk: Client;
  let ttud: { id: string; name: string };
  let vp: { id: string; name: string };
  let movementId = '';
  let deadline = '';
  const campaignKey = () => `movement:${movementId}`;

  const linesOf = async (unitId: string) => {
    const [s] = await t.db.select().from(registrationCountSheets).where(eq(registrationCountSheets.unitId, unitId));
    if (!s) return [];
    return (await t.db.select().from(registrationCounts).where(eq(registrationCounts.sheetId, s.id))).map((l) => `${l.honor}=${l.count}`).sort();
  };

  before(async () => {
    t = await createTestApp();
    office = await t.login('vanphong');
    const u1 = await unitByCode(t, 'TTUD');
    const u2 = await unitByCode(t, 'VP');
    ttud = { id: u1.id, name: u1.name };
    vp = { id: u2.id, name: u2.name };
    ttudClerk = await clerkOf(t, ttud.id);
    vpClerk = await clerkOf(t, vp.id);
    deadline = addDays(todayVn(), 20);
    const m = await office.post('/api/movements', {
      unitId: t.demo.rootUnitId,
      type: 'thematic',
      year: Y,
      title: 'Phong trào thi đua "Đổi mới sáng tạo, chuyển đổi số" năm ' + Y,
      startDate: todayVn(),
      endDate: `${Y}-12-31`,
      registrationDeadline: deadline,
      honors: [{ honor: 'CO_BO_TINH' }, { honor: 'TTLDXS' }, { honor: 'CSTD_BO_TINH' }, { honor: 'BK_BO_TINH' }, { honor: 'LDTT' }, { honor: 'GK' }],
    });
    assert.equal(m.status, 201, JSON.stringify(m.body));
    movementId = m.body.id;
    assert.equal((await office.post(`/api/movements/${movementId}/launch`)).status, 200);
  });
  after(async () => {
    setClock(null);
    await t.close();
  });

  it('the sheet lists the high honors the movement offers (from the rules, not LĐTT nor Giấy khen); the annual plan lists the national ones too', async () => {
    const r = await ttudClerk.get(`/api/registrations/counts?movementId=${movementId}&unitId=${ttud.id}`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(r.body.honors.map((h: { honor: string }) => h.honor).sort(), ['BK_BO_TINH', 'CO_BO_TINH', 'CSTD_BO_TINH', 'TTLDXS']);
    assert.deepEqual([r.body.status, r.body.version, r.body.items], ['draft', 0, []]);
    assert.deepEqual(r.body.abilities, ['edit', 'submit']);
    const plan = (await office.get('/api/plans')).body.items[0] as { id: string };
    const p = await office.get(`/api/registrations/counts?planId=${plan.id}&unitId=${ttud.id}`);
    assert.equal(p.status, 200, JSON.stringify(p.body));
    const planHonors = p.body.honors.map((h: { honor: string }) => h.honor);
    for (const h of ['CO_CP', 'CO_BO_TINH', 'TTLDXS', 'CSTD_TQ', 'CSTD_BO_TINH']) assert.ok(planHonors.includes(h), `${h} in ${planHonors}`);
    for (const h of ['LDTT', 'CSTDCS', 'GK', 'TTLDTT', 'KNC']) assert.ok(!planHonors.includes(h), `${h} not counted`);
  });

  it('two units register their numbers; another unit’s sheet is not found for a clerk', async () => {
    const a = await ttudClerk.put('/api/registrations/counts', {
      movementId,
      unitId: ttud.id,
      items: [
        { honor: 'CO_BO_TINH', count: 1, note: 'Đề nghị Cờ thi đua UBND tỉnh cho Trung tâm' },
        { honor: 'TTLDXS', count: 1 },
        { honor: 'CSTD_BO_TINH', count: 3 },
      ],
    });
    assert.equal(a.status, 200, JSON.stringify(a.body));
    // Read back in the order of the honors counted (the rules' order), whatever the order typed.
    const order = a.body.honors.map((h: { honor: string }) => h.honor);
    assert.deepEqual(
      a.body.items.map((i: { honor: string; count: number }) => `${i.honor}=${i.count}`),
      ['CO_BO_TINH=1', 'TTLDXS=1', 'CSTD_BO_TINH=3'].sort((x, y) => order.indexOf(x.split('=')[0]) - order.indexOf(y.split('=')[0])),
    );
    assert.equal(a.body.items.find((i: { honor: string }) => i.honor === 'CO_BO_TINH').note, 'Đề nghị Cờ thi đua UBND tỉnh cho Trung tâm');
    // A sheet never saved reads version 0; saving with it is not stale.
    const b = await vpClerk.put('/api/registrations/counts', {
      movementId,
      unitId: vp.id,
      version: 0,
      items: [
        { honor: 'TTLDXS', count: 1 },
        { honor: 'CSTD_BO_TINH', count: 2 },
        { honor: 'CO_BO_TINH', count: 0 },
      ],
    });
    assert.equal(b.status, 200, JSON.stringify(b.body));
    assert.equal((await vpClerk.get(`/api/registrations/counts?movementId=${movementId}&unitId=${ttud.id}`)).status, 404);
    assert.equal((await vpClerk.put('/api/registrations/counts', { movementId, unitId: ttud.id, items: [] })).status, 404);
    assert.deepEqual(await linesOf(ttud.id), ['CO_BO_TINH=1', 'CSTD_BO_TINH=3', 'TTLDXS=1']);
    const [ev] = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'registration.counts_saved')).limit(1);
    assert.ok(ev, 'audited');
  });

  it('refuses bad input in Vietnamese and stores nothing', async () => {
    const before = await linesOf(ttud.id);
    const put = (items: unknown[]) => ttudClerk.put('/api/registrations/counts', { movementId, unitId: ttud.id, items });
    const negative = await put([{ honor: 'TTLDXS', count: -1 }]);
    assert.equal(negative.status, 400);
    assert.match(negative.body.message, /không được âm/);
    const fraction = await put([{ honor: 'CSTD_BO_TINH', count: 2.5 }]);
    assert.equal(fraction.status, 400);
    assert.match(fraction.body.message, /số nguyên/);
    const text = await put([{ honor: 'CSTD_BO_TINH', count: 'ba' }]);
    assert.equal(text.status, 400);
    assert.match(text.body.message, /Số lượng phải là một số/);
    const unknown = await put([{ honor: 'CO_THI_DUA_HUYEN', count: 1 }]);
    assert.equal(unknown.status, 400);
    assert.match(unknown.body.message, /Mã danh hiệu \/ hình thức khen thưởng không hợp lệ/);
    const notByNumber = await put([
      { honor: 'CSTD_BO_TINH', count: 9 },
      { honor: 'LDTT', count: 40 },
    ]);
    assert.deepEqual([notByNumber.status, notByNumber.body.error], [400, 'honor_not_registrable']);
    assert.match(notByNumber.body.message, /"Lao động tiên tiến" không đăng ký theo số lượng/);
    const twice = await put([
      { honor: 'TTLDXS', count: 1 },
      { honor: 'TTLDXS', count: 2 },
    ]);
    assert.equal(twice.status, 400);
    assert.match(twice.body.message, /xuất hiện hai lần/);
    assert.deepEqual(await linesOf(ttud.id), before);
  });

  it('submission locks the sheet; the Office returns it with a reason; the clerk corrects and submits again', async () => {
    const s = await ttudClerk.post('/api/registrations/counts/submit', { movementId, unitId: ttud.id });
    assert.equal(s.status, 200, JSON.stringify(s.body));
    assert.deepEqual([s.body.status, s.body.abilities], ['submitted', []]);
    const locked = await ttudClerk.put('/api/registrations/counts', { movementId, unitId: ttud.id, items: [{ honor: 'CSTD_BO_TINH', count: 5 }] });
    assert.deepEqual([locked.status, locked.body.error], [409, 'count_sheet_locked']);
    assert.match(locked.body.message, /đã gửi Văn phòng/);
    assert.equal((await ttudClerk.post('/api/registrations/counts/submit', { movementId, unitId: ttud.id })).status, 409);
    // The clerk may not return; the Office may not return a sheet not submitted.
    assert.equal((await ttudClerk.post('/api/registrations/counts/return', { movementId, unitId: ttud.id, reason: 'Sửa lại' })).status, 403);
    const notSubmitted = await office.post('/api/registrations/counts/return', { movementId, unitId: vp.id, reason: 'Sửa lại số CSTĐ' });
    assert.deepEqual([notSubmitted.status, notSubmitted.body.error], [409, 'count_sheet_not_returnable']);
    const noReason = await office.post('/api/registrations/counts/return', { movementId, unitId: ttud.id, reason: '' });
    assert.equal(noReason.status, 400);
    const ret = await office.post('/api/registrations/counts/return', {
      movementId,
      unitId: ttud.id,
      reason: 'Số CSTĐ tỉnh vượt 15% số CSTĐCS của đơn vị; đề nghị rà soát lại.',
    });
    assert.equal(ret.status, 200, JSON.stringify(ret.body));
    const back = await ttudClerk.get(`/api/registrations/counts?movementId=${movementId}&unitId=${ttud.id}`);
    assert.deepEqual([back.body.status, back.body.returnReason], ['returned', 'Số CSTĐ tỉnh vượt 15% số CSTĐCS của đơn vị; đề nghị rà soát lại.']);
    assert.deepEqual(back.body.abilities, ['edit', 'submit']);
    const fixed = await ttudClerk.put('/api/registrations/counts', {
      movementId,
      unitId: ttud.id,
      version: back.body.version,
      items: [
        { honor: 'CO_BO_TINH', count: 1 },
        { honor: 'TTLDXS', count: 1 },
        { honor: 'CSTD_BO_TINH', count: 3 },
      ],
    });
    assert.equal(fixed.status, 200, JSON.stringify(fixed.body));
    const stale = await ttudClerk.put('/api/registrations/counts', { movementId, unitId: ttud.id, version: back.body.version, items: [] });
    assert.deepEqual([stale.status, stale.body.error], [409, 'stale_version']);
    assert.equal((await ttudClerk.post('/api/registrations/counts/submit', { movementId, unitId: ttud.id })).body.status, 'submitted');
  });

  it('the roll-up shows, per unit and honor, the numbers registered beside the candidates proposed later, and the totals', async () => {
    // Trung tâm proposes its TTLĐXS and four CSTĐ tỉnh (one more than registered), no Cờ; Văn phòng proposes one CSTĐ tỉnh (one fewer).
    const ttudPeople = await Promise.all(
      ['Nguyễn Thị Thu Hà', 'Trần Văn Minh', 'Lê Hoàng Nam', 'Phạm Thị Lan'].map((fullName) => buildPerson(office, { unitId: ttud.id, fullName })),
    );
    const d1 = await ttudClerk.post('/api/dossiers', {
      type: 'chuyen_de',
      year: Y,
      movementId,
      title: 'Hồ sơ đề nghị khen thưởng phong trào chuyển đổi số — Trung tâm',
    });
    assert.equal(d1.status, 201, JSON.stringify(d1.body));
    for (const p of ttudPeople)
      assert.equal(
        (await ttudClerk.post(`/api/dossiers/${d1.body.id}/candidates`, { subjectKind: 'individual', personId: p.id, proposedHonor: 'CSTD_BO_TINH' })).status,
        201,
      );
    const col = await ttudClerk.post(`/api/dossiers/${d1.body.id}/candidates`, { subjectKind: 'collective', unitId: ttud.id, proposedHonor: 'TTLDXS' });
    assert.equal(col.status, 201, JSON.stringify(col.body));
    await completeDocuments(ttudClerk, d1.body.id);
    const sub1 = await ttudClerk.post(`/api/dossiers/${d1.body.id}/submit`);
    assert.equal(sub1.status, 200, JSON.stringify(sub1.body));

    const vpPerson = await buildPerson(office, { unitId: vp.id, fullName: 'Đỗ Quang Huy' });
    const d2 = await vpClerk.post('/api/dossiers', { type: 'chuyen_de', year: Y, movementId, title: 'Hồ sơ đề nghị khen thưởng — Văn phòng Sở' });
    assert.equal(d2.status, 201, JSON.stringify(d2.body));
    assert.equal(
      (await vpClerk.post(`/api/dossiers/${d2.body.id}/candidates`, { subjectKind: 'individual', personId: vpPerson.id, proposedHonor: 'CSTD_BO_TINH' }))
        .status,
      201,
    );
    await completeDocuments(vpClerk, d2.body.id);
    assert.equal((await vpClerk.post(`/api/dossiers/${d2.body.id}/submit`)).status, 200);
    // A draft is not a proposal yet.
    const d3 = await vpClerk.post('/api/dossiers', { type: 'chuyen_de', year: Y, movementId, title: 'Hồ sơ nháp — Văn phòng Sở' });
    const draftPeople = await Promise.all([1, 2, 3].map((i) => buildPerson(office, { unitId: vp.id, fullName: `Vũ Thị Nháp ${'ABC'[i - 1]}` })));
    for (const p of draftPeople)
      await vpClerk.post(`/api/dossiers/${d3.body.id}/candidates`, { subjectKind: 'individual', personId: p.id, proposedHonor: 'CSTD_BO_TINH' });

    const r = await office.get(`/api/registrations/counts/rollup?movementId=${movementId}`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const cell = (unitId: string, honor: string) => {
      const u = (r.body.units as RollupUnit[]).find((x) => x.unitId === unitId)!;
      const c = u.cells.find((x) => x.honor === honor)!;
      return [c.registered, c.proposed, c.difference];
    };
    assert.deepEqual(cell(ttud.id, 'CO_BO_TINH'), [1, 0, -1]);
    assert.deepEqual(cell(ttud.id, 'TTLDXS'), [1, 1, 0]);
    assert.deepEqual(cell(ttud.id, 'CSTD_BO_TINH'), [3, 4, 1]);
    assert.deepEqual(cell(vp.id, 'CSTD_BO_TINH'), [2, 1, -1]);
    assert.deepEqual(cell(vp.id, 'TTLDXS'), [1, 0, -1]);
    assert.deepEqual(cell(vp.id, 'BK_BO_TINH'), [null, 0, 0]);
    const total = (honor: string) => {
      const h = r.body.honors.find((x: { honor: string }) => x.honor === honor);
      return [h.registered, h.proposed, h.difference];
    };
    assert.deepEqual(total('CSTD_BO_TINH'), [5, 5, 0]);
    assert.deepEqual(total('TTLDXS'), [2, 1, -1]);
    assert.deepEqual(total('CO_BO_TINH'), [1, 0, -1]);
    const ttudRow = (r.body.units as RollupUnit[]).find((x) => x.unitId === ttud.id)!;
    assert.deepEqual([ttudRow.status, ttudRow.abilities], ['submitted', ['return']]);
    assert.deepEqual((r.body.units as RollupUnit[]).find((x) => x.unitId === vp.id)!.abilities, []);
    // The roll-up is the Office's.
    assert.equal((await ttudClerk.get(`/api/registrations/counts/rollup?movementId=${movementId}`)).status, 403);
  });

  it('exports the roll-up to Excel, read back with the repository’s reader', async () => {
    const buf = await office.getFile(`/api/registrations/counts/rollup/export.xlsx?movementId=${movementId}`);
    const H = (label: string, what: string) => `${label} — ${what}`;
    const cstd = 'Chiến sĩ thi đua bộ, ban, ngành, tỉnh';
    const co = 'Cờ thi đua bộ, ban, ngành, tỉnh';
    const table = await readXlsxTable(
      buf,
      [
        { key: 'unit', header: 'Đơn vị', required: true },
        { key: 'status', header: 'Tình trạng đăng ký' },
        { key: 'cstdReg', header: H(cstd, 'đăng ký'), type: 'integer' },
        { key: 'cstdProp', header: H(cstd, 'đã đề nghị'), type: 'integer' },
        { key: 'cstdDiff', header: H(cstd, 'chênh lệch'), type: 'integer' },
        { key: 'coReg', header: H(co, 'đăng ký'), type: 'integer' },
        { key: 'coProp', header: H(co, 'đã đề nghị'), type: 'integer' },
      ],
      { strictColumns: false },
    );
    const byUnit = new Map(table.rows.map((row) => [String(row.values.unit ?? ''), row.values]));
    const a = byUnit.get(ttud.name)!;
    assert.ok(a, [...byUnit.keys()].join(' | '));
    assert.deepEqual([a.cstdReg, a.cstdProp, a.cstdDiff, a.coReg, a.coProp], [3, 4, 1, 1, 0]);
    assert.equal(a.status, 'Đã gửi Văn phòng');
    const b = byUnit.get(vp.name)!;
    assert.deepEqual([b.cstdReg, b.cstdProp, b.cstdDiff], [2, 1, -1]);
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/registrations/counts/rollup/export.xlsx?movementId=${movementId}` })).statusCode, 401);
  });

  it('after the deadline the sheet is refused until the Office reopens the window for the unit', async () => {
    // Văn phòng's sheet is still a draft; the day after the deadline, 09:00 in Hà Nội.
    setClock(instantVn(addDays(deadline, 1), '09:00'));
    try {
      const late = await vpClerk.put('/api/registrations/counts', { movementId, unitId: vp.id, items: [{ honor: 'CSTD_BO_TINH', count: 1 }] });
      assert.deepEqual([late.status, late.body.error], [409, 'registration_closed']);
      assert.match(late.body.message, /Đã hết hạn đăng ký thi đua/);
      const sheet = await vpClerk.get(`/api/registrations/counts?movementId=${movementId}&unitId=${vp.id}`);
      assert.deepEqual([sheet.body.open, sheet.body.abilities], [false, []]);
      const reopened = await office.post('/api/registrations/reopen', {
        movementId,
        unitId: vp.id,
        until: addDays(deadline, 5),
        reason: 'Đơn vị bổ sung đăng ký số lượng',
      });
      assert.equal(reopened.status, 201, JSON.stringify(reopened.body));
      const ok = await vpClerk.put('/api/registrations/counts', { movementId, unitId: vp.id, items: [{ honor: 'CSTD_BO_TINH', count: 1 }] });
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.deepEqual(await linesOf(vp.id), ['CSTD_BO_TINH=1']);
    } finally {
      setClock(null);
    }
  });

  it('the Office chooses the honors counted; a movement’s honors not offered are refused', async () => {
    const r = await office.put('/api/registrations/counts/honors', { movementId, honors: ['CSTD_BO_TINH', 'TTLDXS'] });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(
      r.body.items.map((h: { honor: string }) => h.honor),
      ['CSTD_BO_TINH', 'TTLDXS'],
    );
    const bad = await office.put('/api/registrations/counts/honors', { movementId, honors: ['CO_CP'] });
    assert.deepEqual([bad.status, bad.body.error], [400, 'honor_not_registrable']);
    assert.equal((await ttudClerk.put('/api/registrations/counts/honors', { movementId, honors: [] })).status, 403);
    const sheet = await vpClerk.get(`/api/registrations/counts?movementId=${movementId}&unitId=${vp.id}`);
    assert.deepEqual(
      sheet.body.honors.map((h: { honor: string }) => h.honor),
      ['CSTD_BO_TINH', 'TTLDXS'],
    );
    assert.ok(campaignKey());
  });
});

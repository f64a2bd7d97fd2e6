/**
 * Issue 19, concept 3: windows with a start and per-honor deadlines inside one movement. A provincial
 * movement takes the Cờ thi đua and CSTĐ tỉnh dossiers from 01/10 to 15/10, the TTLĐXS and Bằng khen
 * ones from 02/11 to 30/11, everything else by 10/12; registration opens on 10/09 and closes on 30/09.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type Client, type TestApp } from '../helpers/app.js';
import { buildDossier, buildPerson, buildUnit, clerkOf, type BuiltPerson, type BuiltUnit } from '../helpers/factories.js';
import { completeDocuments, ok } from '../helpers/dossiers.js';
import { docxText, downloadAs } from '../helpers/pdf-layout.js';
import { setClock } from '../../src/server/clock.js';

const Y = 2026;

describe('windows with a start and per-honor deadlines (issue 19 concept 3)', () => {
  let t: TestApp;
  let admin: Client, office: Client, clerk: Client;
  let unit: BuiltUnit;
  let staff: BuiltPerson[];
  let movementId = '';

  const movementBody = (over: Record<string, unknown> = {}) => ({
    unitId: t.demo.rootUnitId,
    type: 'regular',
    year: Y,
    number: '125/KH-SNV',
    issuedDate: `${Y}-08-28`,
    issuer: 'Sở Nội vụ tỉnh Hà Tĩnh',
    title: `Phong trào thi đua "Cán bộ, công chức thi đua thực hiện văn hóa công sở" năm ${Y}`,
    startDate: `${Y}-01-01`,
    endDate: `${Y}-12-31`,
    registrationStartDate: `${Y}-09-10`,
    registrationDeadline: `${Y}-09-30`,
    honors: [{ honor: 'CO_BO_TINH' }, { honor: 'CSTD_BO_TINH' }, { honor: 'TTLDXS' }, { honor: 'BK_BO_TINH' }, { honor: 'GK' }, { honor: 'LDTT' }],
    deadlines: [
      {
        key: 'co_cstd',
        kind: 'unit_submission',
        audience: 'units',
        title: 'Hồ sơ đề nghị Cờ thi đua, Chiến sĩ thi đua tỉnh',
        startDate: `${Y}-10-01`,
        dueDate: `${Y}-10-15`,
        dayCountKind: 'calendar',
        dayCount: 15,
        honors: ['CO_BO_TINH', 'CSTD_BO_TINH'],
      },
      {
        key: 'ttldxs_bk',
        kind: 'unit_submission',
        audience: 'units',
        title: 'Hồ sơ đề nghị Tập thể lao động xuất sắc, Bằng khen',
        startDate: `${Y}-11-02`,
        dueDate: `${Y}-11-30`,
        honors: ['TTLDXS', 'BK_BO_TINH'],
      },
      { key: 'chung', kind: 'unit_submission', audience: 'units', title: 'Hồ sơ đề nghị các hình thức khác', dueDate: `${Y}-12-10` },
    ],
    ...over,
  });

  before(async () => {
    t = await createTestApp();
    setClock(`${Y}-09-01`);
    admin = await t.login('admin');
    office = await t.login('vanphong');
    unit = await buildUnit(admin, { parentId: t.demo.rootUnitId, name: 'Phòng Cải cách hành chính' });
    staff = [];
    for (const fullName of ['Hoàng Thị Thu Hà', 'Phan Văn Đức', 'Võ Thị Mai']) staff.push(await buildPerson(admin, { unitId: unit.id, fullName }));
    clerk = await clerkOf(t, unit.id);
    const m = await office.post('/api/movements', movementBody());
    ok(m, 201);
    movementId = m.body.id;
    ok(await office.post(`/api/movements/${movementId}/launch`));
  });
  after(async () => {
    setClock(null);
    await t.close();
  });

  it('reads back the per-honor windows, the registration window and the document identity', async () => {
    const m = (await office.get(`/api/movements/${movementId}`)).body;
    assert.equal(m.number, '125/KH-SNV');
    assert.equal(m.issuedDate, `${Y}-08-28`);
    assert.equal(m.issuer, 'Sở Nội vụ tỉnh Hà Tĩnh');
    assert.equal(m.registrationStartDate, `${Y}-09-10`);
    const co = m.deadlines.find((d: { key: string }) => d.key === 'x-co_cstd');
    assert.equal(co.startDate, `${Y}-10-01`);
    assert.equal(co.dueDate, `${Y}-10-15`);
    assert.equal(co.dayCountKind, 'calendar');
    assert.equal(co.dayCount, 15);
    assert.deepEqual(co.honors, ['CO_BO_TINH', 'CSTD_BO_TINH']);
    assert.equal(co.windowText, `từ ngày 01/10/${Y} đến hết ngày 15/10/${Y} (15 ngày)`);
    assert.equal(co.notYetOpen, true);
    const reg = m.deadlines.find((d: { key: string }) => d.key === 'registration');
    assert.equal(reg.startDate, `${Y}-09-10`);
    // The editor gets the windows back as it sent them.
    const extra = m.extraDeadlines.find((d: { key: string }) => d.key === 'ttldxs_bk');
    assert.equal(extra.startDate, `${Y}-11-02`);
    assert.deepEqual(extra.honors, ['TTLDXS', 'BK_BO_TINH']);
    // Both deadlines stay in the calendar, with their opening: neither overrides the other.
    const cal = (await office.get(`/api/calendar?from=${Y}-10-01&to=${Y}-12-31`)).body;
    const mine = cal.items
      .filter((d: { sourceId: string }) => d.sourceId === movementId)
      .map((d: { dueDate: string; startDate: string | null }) => [d.startDate, d.dueDate]);
    assert.deepEqual(mine, [
      [`${Y}-10-01`, `${Y}-10-15`],
      [`${Y}-11-02`, `${Y}-11-30`],
      [null, `${Y}-12-10`],
    ]);
  });

  it('prints the number, issue date, issuer and the windows on the Kế hoạch', async () => {
    const text = docxText((await downloadAs(t, 'vanphong', `/api/movements/${movementId}/document`)).body);
    assert.match(text, /Số: 125\/KH-SNV/);
    assert.match(text, /ngày 28 tháng 8 năm 2026/);
    assert.match(text, /SỞ NỘI VỤ TỈNH HÀ TĨNH/);
    assert.match(text, /Các đơn vị đăng ký thi đua từ ngày 10\/09\/2026 đến hết ngày 30\/09\/2026\./);
    assert.match(
      text,
      /Hồ sơ đề nghị Cờ thi đua, Chiến sĩ thi đua tỉnh \(Cờ thi đua [^)]*, Chiến sĩ thi đua [^)]*\): từ ngày 01\/10\/2026 đến hết ngày 15\/10\/2026 \(15 ngày\)\./,
    );
    assert.match(text, /Hồ sơ đề nghị các hình thức khác: trước ngày 10\/12\/2026\./);
  });

  it('refuses a window whose day count disagrees with its dates, and a deadline for an honor not offered', async () => {
    const bad = movementBody({
      title: `Đợt thi đua cao điểm chào mừng Đại hội năm ${Y}`,
      deadlines: [
        {
          kind: 'unit_submission',
          title: 'Hồ sơ đề nghị Bằng khen',
          startDate: `${Y}-10-01`,
          dueDate: `${Y}-10-10`,
          dayCountKind: 'working',
          dayCount: 10,
          honors: ['BK_BO_TINH'],
        },
      ],
    });
    const r = await office.post('/api/movements', bad);
    assert.equal(r.status, 400, JSON.stringify(r.body));
    assert.match(r.body.message, /10 ngày làm việc kể từ ngày 01\/10\/2026 là đến hết ngày 14\/10\/2026, không phải 10\/10\/2026/);
    const notOffered = await office.post(
      '/api/movements',
      movementBody({
        title: `Đợt thi đua cao điểm chào mừng Đại hội năm ${Y}`,
        honors: [{ honor: 'GK' }],
        deadlines: [{ kind: 'unit_submission', title: 'Hồ sơ đề nghị Cờ thi đua', dueDate: `${Y}-10-10`, honors: ['CO_BO_TINH'] }],
      }),
    );
    assert.equal(notOffered.status, 400);
    assert.match(notOffered.body.message, /phong trào không xét hình thức này/);
    const reversed = await office.post(
      '/api/movements',
      movementBody({ title: `Đợt thi đua cao điểm chào mừng Đại hội năm ${Y}`, registrationStartDate: `${Y}-10-05`, registrationDeadline: `${Y}-09-30` }),
    );
    assert.equal(reversed.status, 400);
    assert.match(reversed.body.message, /ngày mở 05\/10\/2026 sau hạn đăng ký 30\/09\/2026/);
  });

  it('refuses a registration before the registration window opens, accepts one inside it', async () => {
    setClock(`${Y}-09-05`);
    const early = await clerk.post('/api/registrations', { movementId, subjectKind: 'individual', personId: staff[0]!.id, honor: 'LDTT' });
    assert.equal(early.status, 409, JSON.stringify(early.body));
    assert.match(early.body.message, /Chưa đến thời gian đăng ký thi đua.*từ ngày 10\/09\/2026 đến hết ngày 30\/09\/2026/);
    setClock(`${Y}-09-12`);
    ok(await clerk.post('/api/registrations', { movementId, subjectKind: 'individual', personId: staff[0]!.id, honor: 'LDTT' }), 201);
  });

  let coDossier = '';
  let ttDossier = '';
  let gkDossier = '';

  it('binds a dossier with a Cờ candidate to the earlier date, a TTLĐXS one to its own, a Giấy khen one to the general date', async () => {
    setClock(`${Y}-09-20`);
    const co = await buildDossier(t, { unit, movementId, year: Y, title: 'Hồ sơ đề nghị tặng Cờ thi đua và Bằng khen', candidates: [] });
    ok(await clerk.post(`/api/dossiers/${co.id}/candidates`, { subjectKind: 'collective', unitId: unit.id, proposedHonor: 'CO_BO_TINH' }), 201);
    ok(await clerk.post(`/api/dossiers/${co.id}/candidates`, { subjectKind: 'individual', personId: staff[1]!.id, proposedHonor: 'BK_BO_TINH' }), 201);
    await completeDocuments(clerk, co.id);
    coDossier = co.id;
    const tt = await buildDossier(t, { unit, movementId, year: Y, title: 'Hồ sơ đề nghị công nhận Tập thể lao động xuất sắc', candidates: [] });
    ok(await clerk.post(`/api/dossiers/${tt.id}/candidates`, { subjectKind: 'collective', unitId: unit.id, proposedHonor: 'TTLDXS' }), 201);
    await completeDocuments(clerk, tt.id);
    ttDossier = tt.id;
    gkDossier = (await buildDossier(t, { unit, movementId, year: Y, candidates: [staff[2]!], complete: true })).id;

    const dl = async (id: string) => (await clerk.get(`/api/dossiers/${id}`)).body.deadline;
    assert.deepEqual(await dl(coDossier), { dueDate: `${Y}-10-15`, startDate: `${Y}-10-01`, extensionUntil: null });
    assert.deepEqual(await dl(ttDossier), { dueDate: `${Y}-11-30`, startDate: `${Y}-11-02`, extensionUntil: null });
    assert.deepEqual(await dl(gkDossier), { dueDate: `${Y}-12-10`, startDate: null, extensionUntil: null });
  });

  it('refuses a submission before its window opens (409, naming the window) and accepts one inside it', async () => {
    setClock(`${Y}-09-25`);
    const early = await clerk.post(`/api/dossiers/${coDossier}/submit`);
    assert.equal(early.status, 409, JSON.stringify(early.body));
    assert.match(
      early.body.message,
      /Chưa đến thời gian nộp hồ sơ: "Hồ sơ đề nghị Cờ thi đua, Chiến sĩ thi đua tỉnh" từ ngày 01\/10\/2026 đến hết ngày 15\/10\/2026/,
    );
    assert.equal((await clerk.get(`/api/dossiers/${coDossier}`)).body.status, 'draft');

    setClock(`${Y}-10-20`);
    // The Cờ dossier is bound to 15/10 although its Bằng khen candidate alone would wait until 30/11.
    const late = await clerk.post(`/api/dossiers/${coDossier}/submit`);
    assert.equal(late.status, 400, JSON.stringify(late.body));
    assert.match(late.body.message, /quá hạn nộp hồ sơ \(hạn 15\/10\/2026/);
    // The TTLĐXS window has not opened on 20/10: the earlier Cờ date does not override it either way.
    const ttEarly = await clerk.post(`/api/dossiers/${ttDossier}/submit`);
    assert.equal(ttEarly.status, 409);
    assert.match(ttEarly.body.message, /từ ngày 02\/11\/2026 đến hết ngày 30\/11\/2026/);
    // A Giấy khen dossier has only the general date.
    ok(await clerk.post(`/api/dossiers/${gkDossier}/submit`));

    setClock(`${Y}-11-05`);
    ok(await clerk.post(`/api/dossiers/${ttDossier}/submit`));
    assert.equal((await clerk.get(`/api/dossiers/${ttDossier}`)).body.status, 'submitted');
  });

  it('an extension granted to the unit still lets the late Cờ dossier in', async () => {
    setClock(`${Y}-10-20`);
    const tooEarly = await office.post('/api/dossiers/extensions', { movementId, unitId: unit.id, until: `${Y}-10-12`, reason: 'Đơn vị đang họp xét' });
    assert.equal(tooEarly.status, 400);
    assert.match(tooEarly.body.message, /sau hạn nộp hồ sơ \(15\/10\/2026\)/);
    ok(await office.post('/api/dossiers/extensions', { movementId, unitId: unit.id, until: `${Y}-10-25`, reason: 'Đơn vị bổ sung biên bản họp xét' }), 201);
    ok(await clerk.post(`/api/dossiers/${coDossier}/submit`));
    assert.equal((await clerk.get(`/api/dossiers/${coDossier}`)).body.deadline.extensionUntil, `${Y}-10-25`);
  });
});

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, unitId, type Client, type TestApp } from '../helpers/app.js';
import { deadlines, honorAwards, movements } from '../../src/server/db/schema/index.js';
import { todayVn } from '../../src/server/clock.js';

/** Next year in the agency's calendar (Vietnam), whatever the hour in UTC. */
const Y = Number(todayVn().slice(0, 4)) + 1;

describe('movements: targets with progress, phases, honors offered, deadlines, child movements', () => {
  let t: TestApp;
  let office: Client;
  let clerk: Client;
  let staff: Client;
  let root: string;
  let ttud: string;
  let units: { id: string; name: string; code: string }[];

  before(async () => {
    t = await createTestApp();
    office = await t.login('vanphong');
    clerk = await t.login('donvi');
    staff = await t.login('canhan');
    root = t.demo.rootUnitId;
    ttud = await unitId(office, 'Trung tâm Ứng dụng');
    units = (await office.get('/api/units')).body.items;
  });
  after(async () => t.close());

  const body = (over: Record<string, unknown> = {}) => ({
    unitId: root,
    type: 'regular',
    year: Y,
    title: `Phong trào thi đua thực hiện thắng lợi nhiệm vụ năm ${Y}`,
    theme: 'Đoàn kết, đổi mới, thi đua hoàn thành vượt mức các chỉ tiêu',
    slogan: 'Thi đua là yêu nước',
    content: 'Nội dung thi đua',
    startDate: `${Y}-01-01`,
    endDate: `${Y}-12-31`,
    registrationDeadline: `${Y}-01-30`,
    participantUnitIds: units.filter((u) => ['VP', 'TTr', 'KHTC', 'QLKH', 'TTUD'].includes(u.code)).map((u) => u.id),
    targets: [
      { subjectKind: 'collective', honor: 'TTLDXS', measure: 'share', value: 20, label: '20% tập thể đạt TTLDXS' },
      { subjectKind: 'collective', honor: 'BK_BO_TINH', measure: 'count', value: 2, valueMax: 3, label: '2 - 3 tập thể được tặng Bằng khen' },
      { subjectKind: 'individual', honor: 'CSTDCS', measure: 'share', value: 15, label: '15% đạt CSTĐCS' },
    ],
    phases: [
      { name: 'Đợt thi đua thứ nhất', startDate: `${Y}-01-01`, endDate: `${Y}-06-30`, summingUpDeadline: `${Y}-07-15` },
      { name: 'Đợt thi đua thứ hai', startDate: `${Y}-07-01`, endDate: `${Y}-12-31`, summingUpDeadline: `${Y}-12-31` },
    ],
    honors: [
      {
        honor: 'BK_BO_TINH',
        subjectKinds: ['collective', 'individual'],
        quota: 1,
        quotaNote: '01 tập thể hoặc 01 cá nhân',
        minTargetShare: 60,
        criteriaByDate: `${Y}-06-30`,
      },
      { honor: 'GK' },
      { honor: 'TTLDXS' },
      { honor: 'CSTDCS' },
    ],
    deadlines: [
      {
        key: 'units_submit',
        kind: 'unit_submission',
        audience: 'units',
        title: 'Đơn vị gửi hồ sơ',
        dueDate: `${Y}-06-18`,
        note: 'Quá hạn coi như không có hồ sơ.',
      },
      { key: 'office_compile', kind: 'office_compilation', title: 'Văn phòng tổng hợp', dueDate: `${Y}-06-26` },
      { key: 'report', kind: 'report', title: 'Báo cáo', dueDate: `${Y}-06-30` },
    ],
    ...over,
  });

  let id = '';

  it('creates, launches and shows targets, phases, honors offered and deadlines', async () => {
    const r = await office.post('/api/movements', body());
    assert.equal(r.status, 201, JSON.stringify(r.body));
    id = r.body.id;
    assert.equal(r.body.status, 'draft');
    assert.equal(r.body.participants.length, 5);
    assert.equal((await clerk.get(`/api/movements/${id}`)).status, 404);
    const l = await office.post(`/api/movements/${id}/launch`);
    assert.equal(l.status, 200);
    assert.equal(l.body.status, 'launched');
    const again = await office.post(`/api/movements/${id}/launch`);
    assert.deepEqual([again.status, again.body.error], [409, 'movement_not_launchable']);
    const m = (await clerk.get(`/api/movements/${id}`)).body;
    assert.deepEqual(m.abilities, ['read']);
    assert.deepEqual(
      m.deadlines.map((d: { key: string; dueDate: string }) => `${d.key}@${d.dueDate}`),
      [
        `registration@${Y}-01-30`,
        `x-units_submit@${Y}-06-18`,
        `x-office_compile@${Y}-06-26`,
        `x-report@${Y}-06-30`,
        `phase-1@${Y}-07-15`,
        `phase-2@${Y}-12-31`,
      ],
    );
    assert.equal(m.honors[0].quota, 1);
    assert.equal(m.honors[1].quota, null);
    assert.deepEqual(m.honors[1].subjectKinds, ['individual', 'collective', 'household']);
    assert.equal(m.targets[0].progress.base, 5);
    assert.equal(m.targets[0].progress.registered, 0);
    // On the public portal without signing in.
    assert.equal((await t.anonymous.request('GET', `/api/public/movements/${id}`)).status, 200);
    assert.equal((await staff.get(`/api/movements/${id}`)).status, 200);
  });

  it('computes progress from registrations and from honors awarded', async () => {
    // Two of five units register TTLDXS; one is awarded it.
    const vp = units.find((u) => u.code === 'VP')!.id;
    const sheet = async (client: Client, unit: string, collective: string[]) => {
      const r = await client.put('/api/registrations/sheet', { movementId: id, unitId: unit, collective, people: [] });
      assert.equal(r.status, 200, JSON.stringify(r.body));
    };
    await sheet(office, vp, ['TTLDXS']);
    await sheet(clerk, ttud, ['TTLDXS', 'BK_BO_TINH']);
    await t.db.insert(honorAwards).values({ unitId: ttud, honor: 'TTLDXS', year: Y, source: 'manual' });
    const m = (await office.get(`/api/movements/${id}`)).body;
    const p = m.targets[0].progress;
    assert.deepEqual([p.base, p.registered, p.registeredPercent, p.awarded, p.awardedPercent, p.progress, p.achieved], [5, 2, 40, 1, 20, 100, true]);
    const bk = m.targets[1].progress;
    assert.deepEqual([bk.registered, bk.awarded, bk.progress], [1, 0, 0]);
    assert.equal(m.honors.find((h: { honor: string }) => h.honor === 'BK_BO_TINH').registered, 1);
  });

  it('lets a unit below launch a child movement under the parent', async () => {
    const child = await clerk.post('/api/movements', {
      unitId: ttud,
      parentId: id,
      type: 'short_term',
      year: Y,
      title: 'Đợt thi đua 100 ngày cao điểm của Trung tâm',
      startDate: `${Y}-03-01`,
      endDate: `${Y}-06-08`,
      deadlines: [{ kind: 'report', title: 'Trung tâm báo cáo kết quả đợt', dueDate: `${Y}-06-10` }],
    });
    assert.equal(child.status, 201, JSON.stringify(child.body));
    assert.equal(child.body.parent.id, id);
    assert.equal((await clerk.post(`/api/movements/${child.body.id}/launch`)).status, 200);
    const parent = (await office.get(`/api/movements/${id}`)).body;
    assert.deepEqual(
      parent.children.map((c: { title: string }) => c.title),
      ['Đợt thi đua 100 ngày cao điểm của Trung tâm'],
    );
    // The clerk cannot launch at the Sở level nor edit the parent: 404 (not its record).
    assert.equal((await clerk.put(`/api/movements/${id}`, body())).status, 404);
    // A child for a unit outside the clerk's subtree: 404.
    assert.equal((await clerk.post('/api/movements', { ...body({ unitId: root, parentId: id }), participantUnitIds: [] })).status, 404);
  });

  it('refuses bad input with clear messages and stores nothing', async () => {
    const count = async () => (await t.db.select().from(movements)).length;
    const before = await count();
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ phases: [{ name: 'Đợt 1', startDate: `${Y - 1}-12-01`, endDate: `${Y}-06-30` }] }, /nằm ngoài thời gian của phong trào/],
      [{ phases: [{ name: 'Đợt 1', startDate: `${Y}-01-01`, endDate: `${Y + 1}-01-31` }] }, /nằm ngoài thời gian/],
      [{ deadlines: [{ kind: 'report', title: 'Báo cáo sớm', dueDate: `${Y - 1}-12-20` }] }, /trước ngày phát động/],
      [{ registrationDeadline: `${Y - 1}-12-30` }, /trước ngày phát động/],
      [{ targets: [{ subjectKind: 'collective', honor: 'TTLDXS', measure: 'share', value: 120, label: '120% tập thể' }] }, /vượt quá 100%/],
      [
        { targets: [{ subjectKind: 'individual', honor: 'TTLDXS', measure: 'count', value: 1, label: 'Cá nhân TTLDXS' }] },
        /Cá nhân không thể nhận "Tập thể lao động xuất sắc"/,
      ],
      [{ honors: [{ honor: 'CSTDCS', subjectKinds: ['collective'] }] }, /Tập thể không thể nhận "Chiến sĩ thi đua cơ sở"/],
      [{ endDate: `${Y - 1}-12-31` }, /ngày kết thúc/],
      [{ type: 'weekly' }, /Loại phong trào không hợp lệ/],
    ];
    for (const [over, msg] of cases) {
      const r = await office.post('/api/movements', body(over));
      assert.ok(r.status >= 400 && r.status < 500, `${JSON.stringify(over)} → ${r.status}`);
      assert.match(r.body.message, msg, JSON.stringify(r.body));
    }
    assert.equal(await count(), before);
  });

  it('closes: deadlines done, registrations refused', async () => {
    const r = await office.post(`/api/movements/${id}/close`);
    assert.equal(r.status, 200);
    assert.equal(r.body.status, 'closed');
    const open = (await t.db.select().from(deadlines).where(eq(deadlines.sourceId, id))).filter((d) => d.status === 'open');
    assert.equal(open.length, 0);
    const reg = await clerk.post('/api/registrations', { movementId: id, subjectKind: 'collective', subjectUnitId: ttud, honor: 'GK' });
    assert.deepEqual([reg.status, reg.body.error], [409, 'campaign_not_open']);
    assert.match(reg.body.message, /đã kết thúc/);
    const edit = await office.put(`/api/movements/${id}`, body());
    assert.deepEqual([edit.status, edit.body.error], [409, 'movement_not_editable']);
  });
});

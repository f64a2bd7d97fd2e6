import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, makeXlsx, type Client, type TestApp } from '../helpers/app.js';
import { accounts, units } from '../../src/server/db/schema/index.js';
import { hashPassword } from '../../src/server/auth/passwords.js';

/** Routes that answer without a session. */
const PUBLIC = new Set(['GET /api/health', 'GET /api/openapi.json', 'POST /api/auth/login']);

describe('every route: 401 without a session, 404 for an account of another unit', () => {
  let t: TestApp;
  let outsider: Client;
  let admin: Client;
  const ids: { unit: string; person: string; council: string; member: string; account: string } = { unit: '', person: '', council: '', member: '', account: '' };

  before(async () => {
    t = await createTestApp();
    // A second agency, unrelated to the demo Sở, with its own administrator.
    const otherId = crypto.randomUUID();
    await t.db.insert(units).values({ id: otherId, path: `/${otherId}/`, name: 'Sở Nội vụ tỉnh Lạng Sơn', kind: 'agency', code: 'SNV' });
    await t.db.insert(accounts).values({ username: 'ngoai', displayName: 'Quản trị Sở Nội vụ', role: 'admin', unitId: otherId, passwordHash: await hashPassword('Ngoai-12345') });
    outsider = await t.login('ngoai', 'Ngoai-12345');
    admin = await t.login('admin');
    ids.unit = t.demo.rootUnitId;
    const people = await admin.get('/api/people?pageSize=1');
    ids.person = people.body.items[0].id;
    const councils = await admin.get('/api/councils');
    ids.council = councils.body.items[0].id;
    ids.member = councils.body.items[0].members[0].id;
    const accs = await admin.get('/api/accounts');
    ids.account = accs.body.items.find((a: { username: string }) => a.username === 'donvi').id;
  });
  after(async () => t.close());

  function routes(): { method: string; url: string }[] {
    const spec = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const out: { method: string; url: string }[] = [];
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const m of Object.keys(methods)) out.push({ method: m.toUpperCase(), url: path });
    }
    return out;
  }

  const fill = (url: string) =>
    url
      .replace('/api/units/{id}', `/api/units/${ids.unit}`)
      .replace('/api/people/{id}', `/api/people/${ids.person}`)
      .replace('/api/councils/{id}/members/{memberId}', `/api/councils/${ids.council}/members/${ids.member}`)
      .replace('/api/councils/{id}', `/api/councils/${ids.council}`)
      .replace('/api/accounts/{id}', `/api/accounts/${ids.account}`);

  it('lists enough routes to be meaningful', () => {
    assert.ok(routes().length >= 25, `only ${routes().length} routes`);
  });

  it('answers 401 to every non-public route without a session', async () => {
    for (const r of routes()) {
      if (PUBLIC.has(`${r.method} ${r.url}`)) continue;
      const res = await t.anonymous.request(r.method as 'GET', fill(r.url), r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
      assert.equal(res.status, 401, `${r.method} ${r.url} → ${res.status}`);
      assert.equal(res.body.message, 'Bạn cần đăng nhập để tiếp tục.');
    }
  });

  it("answers 404 to every record route when the record is another unit's", async () => {
    const bodies: Record<string, unknown> = {
      'PUT /api/units/{id}': { name: 'Đổi tên', kind: 'agency' },
      'POST /api/units/{id}/move': { parentId: ids.unit },
      'POST /api/units/{id}/merge': { targetId: ids.unit, effectiveDate: '2025-07-01' },
      'PUT /api/people/{id}': { fullName: 'Tên Mới', unitId: ids.unit, isLeader: false },
      'POST /api/people/{id}/transfer': { toUnitId: ids.unit, effectiveDate: '2025-01-01' },
      'PUT /api/councils/{id}': { termStart: '2024-01-01' },
      'POST /api/councils/{id}/members': { personId: ids.person, position: 'uy_vien' },
      'PUT /api/accounts/{id}': { displayName: 'X Y', role: 'clerk', unitId: ids.unit, active: true },
      'POST /api/accounts/{id}/reset-password': { newPassword: 'MatKhau12345' },
    };
    let checked = 0;
    for (const r of routes()) {
      if (!r.url.includes('{')) continue;
      const key = `${r.method} ${r.url}`;
      const res = r.method === 'GET' ? await outsider.get(fill(r.url)) : r.method === 'DELETE' ? await outsider.del(fill(r.url)) : r.method === 'PUT' ? await outsider.put(fill(r.url), bodies[key] ?? {}) : await outsider.post(fill(r.url), bodies[key] ?? {});
      assert.equal(res.status, 404, `${key} → ${res.status} ${JSON.stringify(res.body)}`);
      checked++;
    }
    assert.ok(checked >= 15, `checked ${checked}`);
  });

  it('keeps lists to the caller\'s own tree', async () => {
    const units = await outsider.get('/api/units');
    assert.deepEqual(units.body.items.map((u: { name: string }) => u.name), ['Sở Nội vụ tỉnh Lạng Sơn']);
    assert.equal((await outsider.get('/api/people')).body.total, 0);
    assert.equal((await outsider.get('/api/councils')).body.items.length, 0);
    const audit = await outsider.get('/api/audit?pageSize=200');
    assert.ok(audit.body.items.every((e: { actorUsername: string }) => e.actorUsername === 'ngoai'));
    // Filtering by a foreign unit is a 404, not an empty page that confirms it exists.
    assert.equal((await outsider.get(`/api/people?unitId=${ids.unit}`)).status, 404);
  });

  it('refuses to create records in another unit (404) and to import into it', async () => {
    assert.equal((await outsider.post('/api/units', { parentId: ids.unit, name: 'Phòng Lạ', kind: 'department' })).status, 404);
    assert.equal((await outsider.post('/api/people', { fullName: 'Người Lạ', unitId: ids.unit, isLeader: false })).status, 404);
    assert.equal((await outsider.post('/api/councils', { unitId: ids.unit, kind: 'tdkt', termStart: '2025-01-01' })).status, 404);
    const xlsx = await makeXlsx([['Họ và tên'], ['Người Lạ']]);
    assert.equal((await outsider.upload('/api/people/import/preview', xlsx, { unitId: ids.unit })).status, 404);
    const [row] = await t.db.select().from(units).where(eq(units.id, ids.unit));
    assert.equal(row!.name, 'Sở Khoa học và Công nghệ tỉnh Cao Bằng');
  });
});

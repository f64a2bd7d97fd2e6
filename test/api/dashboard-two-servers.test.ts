import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { createTestApp, DEMO_PASSWORD, type Client, type TestApp } from '../helpers/app.js';
import { withDatabase } from '../helpers/scratch-db.js';
import { buildApp } from '../../src/server/app.js';
import { openDatabase, type Database } from '../../src/server/db/client.js';
import { setClock, instantVn } from '../../src/server/clock.js';

/**
 * Two app servers on one PostgreSQL, each with its own connection pool and its own cache of the
 * dashboard's figures: an honor recorded through one shows on the other's dashboard at once (the
 * honor triggers' notification voids the other's cache). PostgreSQL only: PGlite is one process.
 */
const serverUrl = process.env.TEST_DATABASE_URL;

describe('dashboard cache across two app servers on one PostgreSQL', { skip: serverUrl ? false : 'PostgreSQL only (TEST_DATABASE_URL)' }, () => {
  let t: TestApp;
  let second: Awaited<ReturnType<typeof buildApp>>;
  let secondDb: Database;
  let adminOnFirst: Client;
  let cookie = '';

  before(async () => {
    setClock(instantVn('2034-02-01', '09:00'));
    t = await createTestApp();
    adminOnFirst = await t.login('admin');
    const result: unknown = await t.db.execute(sql`select current_database() as name`);
    const name = (result as { rows: { name: string }[] }).rows[0]!.name;
    secondDb = await openDatabase({ databaseUrl: withDatabase(serverUrl!, name), dataDir: 'unused' });
    second = await buildApp({ database: secondDb, config: { secureCookies: false, webDir: '/nonexistent' } });
    await second.ready();
    const r = await second.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'vanphong', password: DEMO_PASSWORD } });
    assert.equal(r.statusCode, 200, r.body);
    cookie = r.cookies.find((c) => c.name === 'tdkt_session')!.value;
  });
  after(async () => {
    setClock(null);
    await second?.close();
    await secondDb?.close();
    await t?.close();
  });

  const totalsOnSecond = async () => {
    const r = await second.inject({ method: 'GET', url: '/api/dashboard?year=2034', cookies: { tdkt_session: cookie } });
    assert.equal(r.statusCode, 200, r.body);
    return (JSON.parse(r.body) as { totals: { collective: number } }).totals.collective;
  };

  it('an honor recorded on the first server shows on the second server’s cached dashboard', async () => {
    const before = await totalsOnSecond();
    assert.equal(await totalsOnSecond(), before, 'served again (cached)');
    const r = await adminOnFirst.post('/api/records/honors', { unitId: t.demo.rootUnitId, honor: 'TTLDXS', year: 2034, decisionDate: '2034-01-25' });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    // The notification is delivered at commit, asynchronously: wait for it (a few ms), at most 3 s.
    let now = before;
    for (let i = 0; i < 30 && now === before; i++) {
      await new Promise((res) => setTimeout(res, 100));
      now = await totalsOnSecond();
    }
    assert.equal(now, before + 1);
  });
});

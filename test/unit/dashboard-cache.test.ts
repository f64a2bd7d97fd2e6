import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DashboardFiguresCache } from '../../src/server/reports/dashboard-cache.js';
import { bumpChangeEpoch, changeEpoch } from '../../src/server/db/change-epoch.js';

test('cached dashboard figures last until the next commit, the age bound, and never across databases', async () => {
  const db = {};
  const other = {};
  let computed = 0;
  const compute = async () => ++computed;
  const cache = new DashboardFiguresCache<number>(db, 60_000, 2);
  assert.equal(await cache.get('u|2025', compute, 0), 1);
  assert.equal(await cache.get('u|2025', compute, 1000), 1, 'nothing committed: the same figures');
  bumpChangeEpoch(db);
  assert.equal(await cache.get('u|2025', compute, 2000), 2, 'a commit voids them');
  bumpChangeEpoch(other);
  assert.equal(await cache.get('u|2025', compute, 3000), 2, 'another database’s commit does not');
  assert.equal(await cache.get('u|2025', compute, 2000 + 60_000), 3, 'too old: recomputed');
  // Bounded: a third key pushes the oldest out.
  await cache.get('a|2025', compute, 70_000);
  await cache.get('b|2025', compute, 70_000);
  const before = computed;
  await cache.get('u|2025', compute, 70_000);
  assert.equal(computed, before + 1);
  assert.ok(changeEpoch(db) > 0 && changeEpoch({}) === 0);
});

test('a failed computation is not kept', async () => {
  const cache = new DashboardFiguresCache<number>({});
  await assert.rejects(cache.get('k', () => Promise.reject(new Error('mất kết nối'))));
  assert.equal(await cache.get('k', () => Promise.resolve(7)), 7);
});

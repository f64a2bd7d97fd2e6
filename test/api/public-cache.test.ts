/**
 * The origin's micro-cache of public answers (`http/public-cache.ts`): a repeat of a public page is served
 * from memory, a write through the app empties it (a story withdrawn leaves the portal at once), signed-in
 * answers are never kept, and the ETag / 304 still works on a cached answer.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, type Client, type TestApp } from '../helpers/app.js';
import { stories } from '../../src/server/db/schema/index.js';
import { PublicAnswerCache } from '../../src/server/http/public-cache.js';

describe('public answer cache', () => {
  let t: TestApp;
  let office: Client;
  before(async () => {
    t = await createTestApp({ publicCacheMs: 60_000 });
    office = await t.login('vanphong');
  });
  after(async () => t.close());

  it('serves a repeat from memory until a write, then reads again', async () => {
    const first = await t.anonymous.request('GET', '/api/public/stories?pageSize=50');
    assert.equal(first.status, 200);
    const story = first.body.items[0];
    assert.ok(story, 'the demo has a published story');
    // Changed behind the app's back: the cached answer is still served (that is what a cache does) …
    await t.db.update(stories).set({ title: 'Tiêu đề đổi thẳng trong cơ sở dữ liệu' }).where(eq(stories.id, story.id));
    const cached = await t.anonymous.request('GET', '/api/public/stories?pageSize=50');
    assert.equal(cached.body.items[0].title, story.title);
    assert.equal(cached.headers['cache-control'], 'public, max-age=60');
    // … and a 304 on its ETag.
    const etag = String(cached.headers.etag);
    assert.equal((await t.anonymous.request('GET', '/api/public/stories?pageSize=50', undefined, { 'if-none-match': etag })).status, 304);
    // A write through the app (the story withdrawn) empties it: the portal shows the change at once.
    const w = await office.post(`/api/stories/${story.id}/withdraw`);
    assert.equal(w.status, 200, JSON.stringify(w.body));
    const fresh = await t.anonymous.request('GET', '/api/public/stories?pageSize=50');
    assert.ok(!fresh.body.items.some((x: { id: string }) => x.id === story.id));
    assert.equal((await t.anonymous.request('GET', `/api/public/stories/${story.id}`)).status, 404);
  });

  it('keeps nothing signed in or private, nor a refused request', async () => {
    const cache = new PublicAnswerCache(1000, 2, () => 0);
    cache.set('a', { payload: 'A', contentType: 'application/json', cacheControl: 'public' });
    cache.set('b', { payload: 'B', contentType: 'application/json', cacheControl: 'public' });
    cache.set('c', { payload: 'C', contentType: 'application/json', cacheControl: 'public' });
    assert.equal(cache.size, 2, 'the oldest entry makes room');
    assert.equal(cache.get('a'), undefined);
    // A signed-in list is never kept: a change shows on the next read.
    const mine = (await office.get('/api/stories')).body.items[0];
    await t.db.update(stories).set({ title: 'Đổi lần hai' }).where(eq(stories.id, mine.id));
    const again = (await office.get('/api/stories')).body.items.find((x: { id: string }) => x.id === mine.id);
    assert.equal(again.title, 'Đổi lần hai');
    const bad = await t.anonymous.request('GET', '/api/public/decisions?year=1990');
    assert.equal(bad.status, 400);
    assert.equal((await t.anonymous.request('GET', '/api/public/decisions?year=1990')).status, 400);
  });

  it('an answer expires after its time', () => {
    let now = 0;
    const cache = new PublicAnswerCache(1000, 10, () => now);
    cache.set('k', { payload: 'x', contentType: 'application/json', cacheControl: 'public' });
    now = 999;
    assert.ok(cache.get('k'));
    now = 1001;
    assert.equal(cache.get('k'), undefined);
  });
});

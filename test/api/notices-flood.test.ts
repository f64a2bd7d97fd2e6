/** Issue #20: a flood of anonymous comments on a public notice is limited, costs work, and never blocks a decision. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type Client, type TestApp } from '../helpers/app.js';
import { ok, reviewedDossier } from '../helpers/dossiers.js';
import { postPublicComment, solveChallenge } from '../helpers/notices.js';
import { setClock } from '../../src/server/clock.js';
import { publicNoticeChallenges } from '../../src/server/db/schema/index.js';

describe('public comment flood', () => {
  let t: TestApp;
  let office: Client, giamdoc: Client;
  let noticeId = '';
  let candidateIds: string[] = [];

  before(async () => {
    t = await createTestApp();
    setClock('2024-03-01');
    office = await t.login('vanphong');
    giamdoc = await t.login('giamdoc');
    const r = await reviewedDossier(t, 1, { year: 2024, skip: 2 });
    candidateIds = r.candidateIds;
    const n = await office.post('/api/notices', { candidateIds, title: 'Công khai danh sách đề nghị khen thưởng năm 2024', workingDays: 10 });
    ok(n, 201);
    noticeId = n.body.id;
  });
  after(async () => {
    setClock(null);
    await t.close();
  });

  it('a comment needs a solved, unused challenge; the nonce is stored only as its hash', async () => {
    const url = `/api/public/notices/${noticeId}/comments`;
    const body = { authorName: 'Nguyễn Văn Dân', content: 'Đề nghị làm rõ thành tích.' };
    const none = await t.anonymous.request('POST', url, body);
    assert.equal(none.status, 400);
    assert.match(none.body.message, /mã xác minh/i);
    const c = await t.anonymous.request('GET', `/api/public/notices/${noticeId}/challenge`);
    ok(c);
    assert.match(c.body.nonce, /^[0-9a-f]{32}$/);
    assert.ok(c.body.difficulty >= 8);
    const stored = await t.db.select().from(publicNoticeChallenges);
    assert.ok(
      stored.every((s) => s.nonceHash !== c.body.nonce),
      'the nonce itself is not stored',
    );
    // A wrong solution: refused, and the challenge is still there for a right one.
    const solved = await solveChallenge(t.anonymous, noticeId);
    const wrong = await t.anonymous.request('POST', url, { ...body, challenge: { nonce: solved.nonce, solution: solved.solution + 1 } });
    // solution+1 may by chance also be valid (2^-difficulty): only assert when it is not accepted.
    if (wrong.status !== 201) {
      assert.equal(wrong.status, 400);
      assert.equal(wrong.body.error, 'challenge_failed');
      ok(await t.anonymous.request('POST', url, { ...body, challenge: solved }), 201);
    }
    const replay = await t.anonymous.request('POST', url, { ...body, challenge: solved });
    assert.equal(replay.status, 400, 'a challenge serves once');
    assert.equal(replay.body.error, 'challenge_failed');
  });

  it('5 comments per address and notice in 10 minutes, whatever X-Forwarded-For says from an untrusted peer', async () => {
    const before = (await office.get(`/api/notices/${noticeId}`)).body.comments.length as number;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await postPublicComment(
        t.anonymous,
        noticeId,
        { authorName: `Người gửi ${i}`, content: `Góp ý số ${i} về danh sách.` },
        { 'x-forwarded-for': `203.0.113.${i + 1}` },
      );
      statuses.push(r.status);
      if (r.status === 429) assert.match(r.body.message, /Hãy thử lại sau/);
    }
    // One comment of the first test already counts for this address.
    assert.deepEqual(statuses, [201, 201, 201, 201, 429, 429]);
    const after = (await office.get(`/api/notices/${noticeId}`)).body.comments.length as number;
    assert.equal(after - before, 4);
  });

  it('the Office sets spam aside collectively with a reason (audited), and the decision is no longer blocked', async () => {
    setClock('2024-03-15');
    const blocked = await giamdoc.post('/api/decisions', {
      candidateIds,
      decisionDate: '2024-03-15',
      signerName: 'Hoàng Văn Thạch',
      signerTitle: 'Giám đốc Sở',
    });
    assert.equal(blocked.status, 409);
    assert.match(blocked.body.message, /chưa được trả lời/);
    const comments = (await office.get(`/api/notices/${noticeId}`)).body.comments as { id: string; disposition: string | null }[];
    assert.ok(comments.length >= 5);
    assert.ok(comments.every((c) => c.disposition === null));
    const [first, ...rest] = comments;
    // A comment id of nothing in this notice: 404 and nothing changed.
    const bad = await office.post(`/api/notices/${noticeId}/comments/set-aside`, {
      commentIds: [rest[0]!.id, '00000000-0000-4000-8000-000000000000'],
      disposition: 'spam',
      reason: 'Gửi hàng loạt',
    });
    assert.equal(bad.status, 404);
    assert.ok((await office.get(`/api/notices/${noticeId}`)).body.comments.every((c: { disposition: string | null }) => c.disposition === null));
    const spam = await office.post(`/api/notices/${noticeId}/comments/set-aside`, {
      commentIds: rest.map((c) => c.id),
      disposition: 'spam',
      reason: 'Gửi hàng loạt từ một địa chỉ, không liên quan',
    });
    ok(spam);
    assert.equal(spam.body.total, rest.length);
    assert.ok(spam.body.items.every((c: { disposition: string; answer: string }) => c.disposition === 'spam' && /Gửi hàng loạt/.test(c.answer)));
    assert.equal(
      (await giamdoc.post(`/api/notices/${noticeId}/comments/set-aside`, { commentIds: [first!.id], disposition: 'duplicate', reason: 'Trùng' })).status,
      403,
    );
    // The one real comment still waits for an answer.
    assert.equal(
      (await giamdoc.post('/api/decisions', { candidateIds, decisionDate: '2024-03-15', signerName: 'Hoàng Văn Thạch', signerTitle: 'Giám đốc Sở' })).status,
      409,
    );
    ok(await office.post(`/api/notices/${noticeId}/comments/${first!.id}/answer`, { answer: 'Thành tích đã được thẩm định.' }));
    ok(await giamdoc.post('/api/decisions', { candidateIds, decisionDate: '2024-03-15', signerName: 'Hoàng Văn Thạch', signerTitle: 'Giám đốc Sở' }), 201);
    const audit = await office.get('/api/audit?pageSize=200');
    assert.ok(
      audit.body.items.some((e: { action: string; summary: string }) => e.action === 'notice.comments_set_aside' && /spam/.test(e.summary)),
      'the set-aside is audited',
    );
  });
});

/**
 * Council sessions at real size (issue 19, concept 8): the LĐTT list of a dossier (1,500 names) is
 * voted as a whole by one vote, the high honors by secret ballot item by item; the Biên bản họp xét
 * prints the list as one line with its count and the names in an annex. Timings are logged.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, type Client, type TestApp } from '../helpers/app.js';
import { buildUnit, clerkOf } from '../helpers/factories.js';
import { docxText } from '../helpers/pdf-layout.js';
import { councilMembers, dossierCandidates, dossiers, people } from '../../src/server/db/schema/index.js';
import { vietnameseNameSortKey } from '../../src/shared/vietnamese.js';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Phan', 'Vũ', 'Đặng', 'Bùi', 'Đỗ'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thanh', 'Ngọc', 'Quang', 'Hữu', 'Xuân', 'Thu', 'Đức'];
const GIVEN = ['An', 'Bình', 'Chi', 'Dũng', 'Hà', 'Hải', 'Hòa', 'Hùng', 'Lan', 'Linh', 'Long', 'Mai', 'Nam', 'Nga', 'Sơn', 'Tâm', 'Thảo', 'Tú', 'Vân', 'Yến'];
const nameOf = (i: number) => `${FAMILY[i % 10]} ${MIDDLE[Math.floor(i / 10) % 10]} ${GIVEN[Math.floor(i / 100) % 20]}`;
const N = 1_500;

describe('a council session with a list voted as a whole', () => {
  let t: TestApp;
  let office: Client;
  let sessionId: string;

  before(async () => {
    t = await createTestApp();
    const admin = await t.login('admin');
    office = await t.login('vanphong');
    const unit = await buildUnit(admin, { parentId: t.demo.rootUnitId, name: 'Phòng Giáo dục và Đào tạo huyện Quảng Hòa', kind: 'subordinate' });
    const rows = Array.from({ length: N + 2 }, (_, i) => ({
      unitId: unit.id,
      fullName: nameOf(i),
      sortKey: vietnameseNameSortKey(nameOf(i)),
      cccd: `0041${90 + (i % 10)}${String(i).padStart(6, '0')}`,
      position: 'Giáo viên',
    }));
    for (let i = 0; i < rows.length; i += 1_000) await t.db.insert(people).values(rows.slice(i, i + 1_000));
    const clerk = await clerkOf(t, unit.id);
    const d = await clerk.post('/api/dossiers', {
      unitId: unit.id,
      type: 'cong_trang',
      year: 2025,
      title: 'Hồ sơ đề nghị khen thưởng năm 2025 của Phòng Giáo dục',
    });
    assert.equal(d.status, 201, JSON.stringify(d.body));
    const staff = await t.db.select().from(people).where(eq(people.unitId, unit.id));
    // The high honors: two Bằng khen, proposed one by one; the LĐTT list in bulk (as the Excel import would).
    for (const p of staff.slice(0, 2))
      assert.equal(
        (await clerk.post(`/api/dossiers/${d.body.id}/candidates`, { subjectKind: 'individual', personId: p.id, proposedHonor: 'BK_BO_TINH' })).status,
        201,
      );
    const ids = staff.slice(2).map((p) => p.id);
    await t.db.insert(dossierCandidates).values(
      staff.slice(2).map((p, i) => ({
        dossierId: d.body.id,
        subjectKind: 'individual',
        personId: p.id,
        displayName: p.fullName,
        positionText: `Giáo viên, ${unit.name}`,
        proposedHonor: 'LDTT',
        honor: 'LDTT',
        sortOrder: 2 + i,
      })),
    );
    assert.equal(ids.length, N);
    // Submitted, received and appraised (tested elsewhere).
    await t.db
      .update(dossiers)
      .set({ status: 'appraising', receiverUnitId: t.demo.rootUnitId, firstSubmittedAt: new Date() })
      .where(eq(dossiers.id, d.body.id));
    await t.db.update(councilMembers).set({ fromDate: '2020-01-01' });
    const councils = (await office.get('/api/councils')).body.items as { id: string; kind: string }[];
    const cands = await t.db.select().from(dossierCandidates).where(eq(dossierCandidates.dossierId, d.body.id));
    const s = await office.post('/api/sessions', {
      councilId: councils.find((c) => c.kind === 'tdkt')!.id,
      title: 'Phiên họp xét khen thưởng năm 2025',
      meetingDate: '2025-12-18',
      candidateIds: cands.filter((c) => c.honor === 'BK_BO_TINH').map((c) => c.id),
    });
    assert.equal(s.status, 201, JSON.stringify(s.body));
    sessionId = s.body.id;
    const l = await office.post(`/api/sessions/${sessionId}/list-votes`, {
      honor: 'LDTT',
      dossierIds: [d.body.id],
      title: 'Danh sách đề nghị tặng danh hiệu Lao động tiên tiến năm 2025',
    });
    assert.equal(l.status, 201, JSON.stringify(l.body).slice(0, 400));
  });
  after(async () => t.close());

  it('votes the list as a whole, the high honors by secret ballot, and prints the minutes', async () => {
    let s = (await office.get(`/api/sessions/${sessionId}`)).body;
    assert.equal(s.listVotes.length, 1);
    assert.equal(s.listVotes[0].count, N);
    assert.equal(s.items.length, N + 2);
    const listId = s.listVotes[0].id;
    assert.equal((await office.post(`/api/sessions/${sessionId}/open`)).status, 200);
    s = (await office.get(`/api/sessions/${sessionId}`)).body;
    const single = (s.items as { id: string; listVoteId: string | null }[]).filter((i) => !i.listVoteId);
    const inList = (s.items as { id: string; listVoteId: string | null }[]).find((i) => i.listVoteId);
    assert.equal(single.length, 2);
    const member = await t.login('hoidong');
    const refused = await member.post(`/api/sessions/${sessionId}/ballots`, { votes: [{ itemId: inList!.id, choice: 'approve' }] });
    assert.equal(refused.status, 409);
    assert.match(refused.body.message, /biểu quyết cùng cả danh sách/);
    for (const u of ['hoidong', 'giamdoc', 'vanphong']) {
      const c = u === 'hoidong' ? member : await t.login(u);
      const r = await c.post(`/api/sessions/${sessionId}/ballots`, { votes: single.map((i) => ({ itemId: i.id, choice: 'approve' })) });
      assert.equal(r.status, 200, JSON.stringify(r.body));
    }
    const present = s.quorum.present as number;
    // Closing before the list's vote is recorded is refused.
    assert.equal((await office.post(`/api/sessions/${sessionId}/close`)).status, 409);
    const tooMany = await office.post(`/api/sessions/${sessionId}/list-votes/${listId}/result`, { approve: present + 1, reject: 0, abstain: 0 });
    assert.equal(tooMany.status, 400);
    assert.equal((await office.post(`/api/sessions/${sessionId}/list-votes/${listId}/result`, { approve: present, reject: 0, abstain: 0 })).status, 200);
    const closed = await office.post(`/api/sessions/${sessionId}/close`);
    assert.equal(closed.status, 200, JSON.stringify(closed.body).slice(0, 400));
    assert.equal(closed.body.listVotes[0].result.passed, present >= closed.body.listVotes[0].result.required);
    const passed = await t.db
      .select()
      .from(dossierCandidates)
      .where(eq(dossierCandidates.councilResult, closed.body.listVotes[0].result.passed ? 'passed' : 'failed'));
    assert.ok(passed.length >= N);
    const docx = await office.getFile(`/api/sessions/${sessionId}/review-minutes.docx?so=12`);
    const text = docxText(docx);
    assert.match(text, /Danh sách đề nghị tặng danh hiệu Lao động tiên tiến năm 2025 \(1\.500 người\/tập thể, chi tiết tại Phụ lục\)/);
    assert.match(text, /PHỤ LỤC/);
    assert.match(text, /\(1\.500 người\/tập thể\)/);
    assert.ok(text.includes(nameOf(N + 1)));
    const tally = docxText(await office.getFile(`/api/sessions/${sessionId}/minutes.docx?so=13`));
    assert.ok(!tally.includes(nameOf(N + 1)), 'the kiểm phiếu lists only the secret ballots');
  });
});

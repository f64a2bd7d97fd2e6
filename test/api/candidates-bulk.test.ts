/**
 * Big lists (issue 19, concept 7): a district's LĐTT list of 2,000 names added to a dossier in one
 * command — from an Excel sheet (preview with the findings of each row, then commit of the valid
 * rows only), from the eligible list, from the named registrations — and a decision naming more
 * than 1,000 awardees issued as one decision. Timings are logged, never asserted.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { docxText } from '../helpers/pdf-layout.js';
import { eq, inArray } from 'drizzle-orm';
import { createTestApp, makeXlsx, type Client, type TestApp } from '../helpers/app.js';
import { buildMovement, buildUnit, clerkOf } from '../helpers/factories.js';
import { dossierCandidates, dossiers, people } from '../../src/server/db/schema/index.js';
import { instantVn, setClock } from '../../src/server/clock.js';
import { vietnameseNameSortKey } from '../../src/shared/vietnamese.js';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Ngọc', 'Quang', 'Thu', 'Hoài', 'Xuân', 'Kim'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiền', 'Hùng', 'Hương', 'Khánh', 'Lan', 'Linh'];
const GIVEN2 = ['Long', 'Mai', 'Nam', 'Nga', 'Phúc', 'Phương', 'Quân', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Tuấn', 'Vân', 'Yến'];

/** The i-th of a list of distinct, realistic names (16 × 12 × 28 = 5,376 before a repeat). */
function nameOf(i: number): string {
  const given = [...GIVEN, ...GIVEN2];
  return `${FAMILY[i % 16]} ${MIDDLE[Math.floor(i / 16) % 12]} ${given[Math.floor(i / 192) % 28]}`;
}
/** A CCCD: province 001 (Hà Nội), century/gender digit, birth year, six digits. */
const cccdOf = (i: number, base = 0) => `0011${85 + (i % 10)}${String(base + i).padStart(6, '0')}`;

const N = 2_000;

describe('candidates in bulk: 2,000 names in one command, a decision of more than 1,000 awardees', () => {
  let t: TestApp;
  let admin: Client;
  let clerk: Client;
  let center: { id: string; name: string };
  let khoaNoi: { id: string; name: string };
  let khoaNgoai: { id: string; name: string };
  let dossierId: string;
  const outsiders: { cccd: string; fullName: string }[] = [];

  before(async () => {
    setClock(instantVn('2025-11-20', '09:00'));
    t = await createTestApp();
    admin = await t.login('admin');
    center = await buildUnit(admin, { parentId: t.demo.rootUnitId, name: 'Trung tâm Y tế huyện Hòa An', kind: 'subordinate' });
    khoaNoi = await buildUnit(admin, { parentId: center.id, name: 'Khoa Nội tổng hợp' });
    khoaNgoai = await buildUnit(admin, { parentId: center.id, name: 'Khoa Ngoại' });
    // 2,000 staff of the Khoa Nội (inserted at once: the staff import is tested elsewhere) and a few of the Khoa Ngoại.
    const rows = Array.from({ length: N }, (_, i) => {
      const fullName = nameOf(i);
      return {
        unitId: khoaNoi.id,
        fullName,
        sortKey: vietnameseNameSortKey(fullName),
        gender: MIDDLE[Math.floor(i / 16) % 12] === 'Thị' ? 'nu' : 'nam',
        birthDate: `19${85 + (i % 10)}-05-20`,
        cccd: cccdOf(i),
        position: i % 50 === 0 ? 'Điều dưỡng trưởng' : 'Điều dưỡng',
        employmentType: 'vien_chuc',
      };
    });
    for (let i = 0; i < rows.length; i += 1_000) await t.db.insert(people).values(rows.slice(i, i + 1_000));
    for (let i = 0; i < 3; i++) {
      const fullName = nameOf(3_000 + i);
      outsiders.push({ cccd: cccdOf(i, 900_000), fullName });
      await t.db.insert(people).values({ unitId: khoaNgoai.id, fullName, sortKey: vietnameseNameSortKey(fullName), cccd: cccdOf(i, 900_000) });
    }
    // The centre's clerk keeps the dossier of its Khoa Nội (and sees the Khoa Ngoại too).
    clerk = await clerkOf(t, center.id);
    const d = await clerk.post('/api/dossiers', {
      unitId: khoaNoi.id,
      type: 'cong_trang',
      year: 2025,
      title: 'Hồ sơ đề nghị tặng danh hiệu Lao động tiên tiến năm 2025 của Khoa Nội tổng hợp',
    });
    assert.equal(d.status, 201, JSON.stringify(d.body));
    dossierId = d.body.id;
  });
  after(async () => {
    setClock(null);
    await t.close();
  });

  it('offers a template to fill', async () => {
    const buf = await clerk.getFile(`/api/dossiers/${dossierId}/candidates/import/template.xlsx`);
    assert.ok(buf.length > 1000);
    assert.equal(buf.subarray(0, 2).toString(), 'PK');
  });

  it('previews an Excel list of 2,000 with the bad rows found, then adds the valid rows only, in one command', async () => {
    // One person already in the dossier (added one by one, as today).
    const [first] = await t.db
      .select()
      .from(people)
      .where(eq(people.cccd, cccdOf(0)));
    const one = await clerk.post(`/api/dossiers/${dossierId}/candidates`, { subjectKind: 'individual', personId: first!.id, proposedHonor: 'LDTT' });
    assert.equal(one.status, 201, JSON.stringify(one.body));

    const sheet: (string | null)[][] = [['Số CCCD', 'Họ và tên', 'Danh hiệu, hình thức', 'Tóm tắt thành tích']];
    for (let i = 0; i < N; i++)
      sheet.push([cccdOf(i), nameOf(i), i % 2 ? 'Lao động tiên tiến' : 'LĐTT', i % 100 === 0 ? 'Hoàn thành tốt nhiệm vụ năm 2025' : null]);
    sheet.push(['001190999999', 'Nguyễn Văn Không Có', 'LĐTT', null]); // unknown CCCD
    sheet.push([outsiders[0]!.cccd, outsiders[0]!.fullName, 'LĐTT', null]); // another department: outside the dossier's unit
    sheet.push([cccdOf(5), nameOf(5), 'LĐTT', null]); // twice in the file
    sheet.push([cccdOf(7), 'Trần Văn Khác Tên', 'Tập thể lao động xuất sắc', null]); // a collective title for a person
    sheet.push([cccdOf(9), nameOf(9), 'Bằng khen hạng sang', null]); // no such honor
    const file = await makeXlsx(sheet);
    const preview = await clerk.upload(`/api/dossiers/${dossierId}/candidates/import/preview`, file, { honor: 'LDTT' });
    assert.equal(preview.status, 200, JSON.stringify(preview.body).slice(0, 500));
    assert.equal(preview.body.total, N + 5);
    const bad = (preview.body.rows as { row: number; valid: boolean; errors: string[]; warnings: string[]; name: string }[]).filter((r) => !r.valid);
    // Row 2 is CCCD 0 (already in the dossier); rows 2003…2007 the bad ones; row 2004's CCCD 5 and row 2005's CCCD 7 repeat rows 7 and 9.
    const reasons = new Map(bad.map((r) => [r.row, r.errors.join(' ')]));
    assert.match(reasons.get(2) ?? '', /đã có trong danh sách đề nghị của hồ sơ này/);
    assert.match(reasons.get(N + 2) ?? '', /Không tìm thấy cán bộ có số CCCD 001190999999/);
    assert.match(reasons.get(N + 3) ?? '', new RegExp(`${outsiders[0]!.fullName} không thuộc đơn vị lập hồ sơ`));
    assert.match(reasons.get(N + 4) ?? '', /trùng với dòng 7 của tệp/);
    assert.match(reasons.get(N + 5) ?? '', /Cá nhân không thể được đề nghị Tập thể lao động xuất sắc/);
    assert.match(reasons.get(N + 6) ?? '', /"Bằng khen hạng sang" không có trong danh mục/);
    assert.equal(bad.length, 6, JSON.stringify(bad));
    assert.equal(preview.body.valid, N - 1);
    const renamed = (preview.body.rows as { row: number; warnings: string[] }[]).find((r) => r.row === N + 5);
    assert.match(renamed!.warnings.join(' '), /khác họ tên đã lưu/);
    // The preview stores nothing.
    assert.equal((await t.db.select().from(dossierCandidates).where(eq(dossierCandidates.dossierId, dossierId))).length, 1);

    const version = (await clerk.get(`/api/dossiers/${dossierId}`)).body.version;
    const commit = await clerk.upload(`/api/dossiers/${dossierId}/candidates/import/commit`, file, { honor: 'LDTT', version: String(version) });
    assert.equal(commit.status, 200, JSON.stringify(commit.body).slice(0, 500));
    assert.equal(commit.body.added, N - 1);
    assert.equal(commit.body.skipped.length, 6);
    assert.equal(commit.body.total, N);

    // Read back through the API: 2,000 candidates, each once, none of the bad rows.
    const d = (await clerk.get(`/api/dossiers/${dossierId}`)).body;
    assert.equal(d.candidates.length, N);
    assert.equal(new Set(d.candidates.map((c: { personId: string }) => c.personId)).size, N);
    assert.ok(d.candidates.every((c: { proposedHonor: string }) => c.proposedHonor === 'LDTT'));
    assert.ok(!d.candidates.some((c: { displayName: string }) => c.displayName === outsiders[0]!.fullName));
    const withAchievement = d.candidates.find((c: { displayName: string }) => c.displayName === nameOf(100));
    assert.equal(withAchievement.achievement, 'Hoàn thành tốt nhiệm vụ năm 2025');
    assert.equal(withAchievement.positionText, 'Điều dưỡng trưởng, Khoa Nội tổng hợp');
    // One audit line for the lot.
    const audit = await admin.get(`/api/audit?entityId=${dossierId}&pageSize=50`);
    if (audit.status === 200) {
      const lines = (audit.body.items as { action: string; summary: string }[]).filter((a) => a.action === 'dossier.candidates_bulk_added');
      assert.equal(lines.length, 1);
      assert.match(lines[0]!.summary, /1\.999 đề nghị từ tệp Excel/);
    }
    // Sending the same file again adds nobody: every row is now a duplicate.
    const again = await clerk.upload(`/api/dossiers/${dossierId}/candidates/import/commit`, file, { honor: 'LDTT' });
    assert.equal(again.status, 200);
    assert.equal(again.body.added, 0);
  });

  it('a file that is not a spreadsheet is refused in Vietnamese, nothing stored', async () => {
    const r = await clerk.upload(`/api/dossiers/${dossierId}/candidates/import/commit`, Buffer.from('Họ và tên;CCCD\n'), { honor: 'LDTT' }, 'danh-sach.csv');
    assert.equal(r.status, 400);
    assert.match(r.body.message, /Excel/);
  });

  it('adds everyone eligible, or those chosen, and the named registrations of a movement', async () => {
    const office = await t.login('vanphong');
    setClock(instantVn('2025-02-10', '09:00'));
    const movementId = await buildMovement(t, office, {
      year: 2025,
      startDate: '2025-01-15',
      endDate: '2025-12-31',
      registrationDeadline: '2025-03-31',
      title: 'Phong trào thi đua "Xanh - Sạch - Đẹp" ngành y tế năm 2025',
      honors: [{ honor: 'GK' }, { honor: 'LDTT' }, { honor: 'CSTDCS' }],
    });
    const khoaNgoaiStaff = await t.db.select().from(people).where(eq(people.unitId, khoaNgoai.id));
    const noi = await t.db
      .select()
      .from(people)
      .where(inArray(people.cccd, [cccdOf(10), cccdOf(11)]));
    for (const p of [...khoaNgoaiStaff.slice(0, 2), ...noi]) {
      const r = await clerk.post('/api/registrations', { movementId, subjectKind: 'individual', personId: p.id, honor: 'LDTT' });
      assert.equal(r.status, 201, JSON.stringify(r.body));
    }
    setClock(instantVn('2025-11-20', '09:00'));
    // The Khoa Ngoại's three staff: two rated HTTNV for 2025, one HTNV.
    for (const [i, p] of khoaNgoaiStaff.entries()) {
      const r = await clerk.put(`/api/people/${p.id}/ratings/2025`, { rating: i < 2 ? 'HTTNV' : 'HTNV' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
    }
    const d = await clerk.post('/api/dossiers', {
      unitId: khoaNgoai.id,
      movementId,
      type: 'chuyen_de',
      year: 2025,
      title: 'Hồ sơ đề nghị khen thưởng Khoa Ngoại',
    });
    assert.equal(d.status, 201, JSON.stringify(d.body));
    const list = await clerk.get(`/api/dossiers/${d.body.id}/candidates/eligible?honor=LDTT`);
    assert.equal(list.status, 200, JSON.stringify(list.body));
    const eligibleIds = (list.body.items as { id: string }[]).map((i) => i.id).sort();
    assert.deepEqual(
      eligibleIds,
      khoaNgoaiStaff
        .slice(0, 2)
        .map((p) => p.id)
        .sort(),
      'HTTNV qualifies for LĐTT, HTNV does not',
    );
    assert.equal(list.body.registrations, 2, 'the registrations of the Khoa Nội are not of this unit');

    // Chosen: the first of the eligible only.
    const chosen = await clerk.post(`/api/dossiers/${d.body.id}/candidates/bulk`, { source: 'eligible', honor: 'LDTT', personIds: [eligibleIds[0]] });
    assert.equal(chosen.status, 200, JSON.stringify(chosen.body));
    assert.equal(chosen.body.added, 1);
    // All eligible: the other one is added, the first is already there.
    const all = await clerk.post(`/api/dossiers/${d.body.id}/candidates/bulk`, { source: 'eligible', honor: 'LDTT' });
    assert.equal(all.body.added, 1);
    assert.equal(all.body.skipped.length, 1);
    assert.match(all.body.skipped[0].errors[0], /đã có trong danh sách đề nghị/);
    // The registrations: both already in; nothing new.
    const regs = await clerk.post(`/api/dossiers/${d.body.id}/candidates/bulk`, { source: 'registrations', honor: 'LDTT' });
    assert.equal(regs.status, 200);
    assert.equal(regs.body.added, 0);
    assert.equal(regs.body.total, 2);
    // A movement offering no such honor refuses the row, with the reason.
    const hc = await clerk.post(`/api/dossiers/${d.body.id}/candidates/bulk`, { source: 'registrations', honor: 'HCLD3' });
    assert.equal(hc.body.added, 0);

    // The Khoa Nội's registrations go to a dossier of the Khoa Nội of the movement.
    const d2 = await clerk.post('/api/dossiers', {
      unitId: khoaNoi.id,
      movementId,
      type: 'chuyen_de',
      year: 2025,
      title: 'Hồ sơ phong trào Xanh - Sạch - Đẹp, Khoa Nội',
    });
    const r2 = await clerk.post(`/api/dossiers/${d2.body.id}/candidates/bulk`, { source: 'registrations', honor: 'LDTT' });
    assert.equal(r2.status, 200, JSON.stringify(r2.body));
    assert.equal(r2.body.added, 0, 'already proposed LĐTT 2025 in the other open dossier of the Khoa Nội');
    assert.match(r2.body.skipped[0].errors[0], /trong một hồ sơ khác đang xử lý/);
    assert.equal((await clerk.get(`/api/dossiers/${d.body.id}`)).body.candidates.length, 2);
  });

  it('issues one decision for the 2,000 awardees', async () => {
    // The dossier reaches "reviewed" with every candidate passed by the council (the pipeline is tested elsewhere).
    await t.db.update(dossiers).set({ status: 'reviewed', receiverUnitId: t.demo.rootUnitId, firstSubmittedAt: new Date() }).where(eq(dossiers.id, dossierId));
    await t.db
      .update(dossierCandidates)
      .set({ councilResult: 'passed', councilText: 'Hội đồng thông qua danh sách' })
      .where(eq(dossierCandidates.dossierId, dossierId));
    const ids = (await t.db.select({ id: dossierCandidates.id }).from(dossierCandidates).where(eq(dossierCandidates.dossierId, dossierId))).map((r) => r.id);
    assert.equal(ids.length, N);
    const director = await t.login('giamdoc');
    const r = await director.post('/api/decisions', {
      candidateIds: ids,
      decisionDate: '2025-11-20',
      signerName: 'Hoàng Văn Thạch',
      signerTitle: 'GIÁM ĐỐC',
      title: 'Về việc tặng danh hiệu Lao động tiên tiến năm 2025',
    });
    assert.equal(r.status, 201, JSON.stringify(r.body).slice(0, 500));
    const got = (await director.get(`/api/decisions/${r.body.id}`)).body;
    assert.equal(got.awardees.length, N);
    const sum = (got.awardees as { amount: number }[]).reduce((a, x) => a + x.amount, 0);
    assert.ok(sum > 0);
    assert.equal(got.totalAmount, sum, 'the decision total is the sum of its 2,000 awardees (bigint money)');
    const docx = await director.getFile(`/api/decisions/${r.body.id}/docx`);
    const text = docxText(docx);
    const missing = (got.awardees as { displayName: string }[]).filter((a) => !text.includes(a.displayName));
    assert.deepEqual(missing, [], 'the list of the DOCX holds every awardee');
  });
});

/**
 * Báo cáo thành tích (issue 15), in seed 001's scenario (Sở KH&CN Cao Bằng, an đợt thi đua of
 * 2021, NĐ 91/2017 in force): the Trung tâm Ứng dụng proposes Lý Thị Phương (ratings, honors and an
 * initiative on record) and its Phòng Kỹ thuật ứng dụng (a collective). The report comes prefilled
 * from those records, the unit edits and attaches it (the checklist item is then present), and
 * nothing can change once the dossier has gone to the Office. The PDF is checked as a clerk would:
 * the form's number, signatures side by side on the page of the last table, the head's seal line.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, or } from 'drizzle-orm';
import { createTestApp, type Client, type TestApp } from '../helpers/app.js';
import { ok, personByName, unitByCode } from '../helpers/dossiers.js';
import { assertHeader, docxText, downloadAs, find, skipWithoutPdfTools, wordsOf } from '../helpers/pdf-layout.js';
import { setClock } from '../../src/server/clock.js';
import { stopWarmOffice } from '../../src/server/office/soffice.js';
import { honorAwards, initiativeAuthors, initiatives, qualityRatings } from '../../src/server/db/schema/index.js';

describe('Báo cáo thành tích prefilled from the records, edited and attached by the unit', { timeout: 600_000 }, () => {
  let t: TestApp;
  let donvi: Client, office: Client;
  let dir: string;
  const ids = { dossier: '', person: '', unit: '', cPerson: '', cUnit: '', ttud: '' };
  const url = (c: string) => `/api/dossiers/${ids.dossier}/candidates/${c}/achievement-report`;

  before(async () => {
    t = await createTestApp();
    dir = mkdtempSync(join(tmpdir(), 'tdkt-bctt-'));
    setClock('2021-06-10');
    donvi = await t.login('donvi');
    office = await t.login('vanphong');
    const phuong = await personByName(t, 'Lý Thị Phương');
    const kt = await unitByCode(t, 'KTUD');
    ids.person = phuong.id;
    ids.unit = kt.id;
    // Her records and the unit's, exactly as the test states them (the demo seed has some of its own).
    await t.db.delete(qualityRatings).where(or(eq(qualityRatings.personId, phuong.id), eq(qualityRatings.unitId, kt.id)));
    await t.db.delete(honorAwards).where(or(eq(honorAwards.personId, phuong.id), eq(honorAwards.unitId, kt.id)));
    await t.db.insert(qualityRatings).values([
      { personId: phuong.id, year: 2019, rating: 'HTTNV' },
      { personId: phuong.id, year: 2020, rating: 'HTXSNV' },
      { personId: phuong.id, year: 2021, rating: 'HTXSNV', note: 'Đánh giá 6 tháng' },
      { unitId: kt.id, year: 2020, rating: 'HTXSNV' },
    ]);
    await t.db.insert(honorAwards).values([
      { personId: phuong.id, honor: 'LDTT', year: 2020, decisionNumber: '51/QĐ-SKHCN', decisionDate: '2020-12-22', issuer: 'Sở Khoa học và Công nghệ' },
      { personId: phuong.id, honor: 'GK', year: 2019, decisionNumber: '45/QĐ-SKHCN', decisionDate: '2019-12-20', issuer: 'Sở Khoa học và Công nghệ' },
      { personId: phuong.id, honor: 'CSTDCS', year: 2018, revoked: true, revokedReason: 'Khai sai thành tích' },
      { unitId: kt.id, honor: 'TTLDTT', year: 2020, decisionNumber: '52/QĐ-SKHCN', decisionDate: '2020-12-22', issuer: 'Sở Khoa học và Công nghệ' },
    ]);
    const [ini] = await t.db
      .insert(initiatives)
      .values({
        unitId: phuong.unitId,
        title: 'Số hóa hồ sơ khen thưởng',
        scope: 'co_so',
        year: 2020,
        decisionNumber: '30/QĐ-SKHCN',
        decisionDate: '2020-11-02',
      })
      .returning();
    await t.db.insert(initiativeAuthors).values({ initiativeId: ini!.id, personId: phuong.id });
    const d = await donvi.post('/api/dossiers', {
      type: 'chuyen_de',
      year: 2021,
      title: 'Đề nghị khen thưởng đợt thi đua chào mừng 80 năm Ngày Bác Hồ về nước',
    });
    ok(d, 201);
    ids.dossier = d.body.id;
    const c1 = await donvi.post(`/api/dossiers/${ids.dossier}/candidates`, { subjectKind: 'individual', personId: phuong.id, proposedHonor: 'BK_BO_TINH' });
    ok(c1, 201);
    ids.cPerson = c1.body.id;
    const c2 = await donvi.post(`/api/dossiers/${ids.dossier}/candidates`, { subjectKind: 'collective', unitId: kt.id, proposedHonor: 'GK' });
    ok(c2, 201);
    ids.cUnit = c2.body.id;
  });
  after(async () => {
    setClock(null);
    stopWarmOffice();
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  it('a person: profile, the ratings of the years the honor looks at, honors by year and decision, initiatives, the form of the regime', async () => {
    const r = await donvi.get(url(ids.cPerson));
    ok(r);
    const b = r.body;
    assert.equal(b.id, null, 'not saved yet');
    assert.equal(b.version, 0);
    assert.equal(b.form, 'individual');
    assert.equal(b.regime, 'ND91_2017');
    assert.equal(b.formNumber, 'Mẫu số 07 - Nghị định số 91/2017/NĐ-CP', 'đợt thi đua: Mẫu 07 of NĐ 91 (seed 001 cites it)');
    assert.deepEqual(b.abilities, ['update', 'attach']);
    const c = b.content;
    assert.equal(c.hoTen, 'Lý Thị Phương');
    assert.equal(c.hinhThucDeNghi, 'Bằng khen bộ, ban, ngành, tỉnh');
    assert.match(c.donViCongTac, /Trung tâm/);
    // Bằng khen tỉnh looks at 2 years: 2020 and 2021, not 2019.
    assert.deepEqual(
      c.xepLoai.map((x: { nam: string; xepLoai: string }) => `${x.nam}: ${x.xepLoai}`),
      ['2020: Hoàn thành xuất sắc nhiệm vụ', '2021: Hoàn thành xuất sắc nhiệm vụ'],
    );
    assert.equal(c.xepLoai[1].ghiChu, 'Đánh giá 6 tháng');
    assert.deepEqual(c.danhHieu, [
      { nam: '2020', noiDung: 'Lao động tiên tiến', soNgayQuyetDinh: 'Số 51/QĐ-SKHCN ngày 22/12/2020', coQuanBanHanh: 'Sở Khoa học và Công nghệ' },
    ]);
    assert.deepEqual(
      c.khenThuong.map((x: { nam: string; noiDung: string }) => `${x.nam} ${x.noiDung}`),
      ['2019 Giấy khen'],
      'a revoked honor is not listed',
    );
    assert.match(c.sangKien, /"Số hóa hồ sơ khen thưởng" \(Cấp cơ sở, năm 2020, Quyết định Số 30\/QĐ-SKHCN ngày 02\/11\/2020\)/);
  });

  it('a collective: its name, head and staff, its title history; the superior head confirms', async () => {
    const r = await donvi.get(url(ids.cUnit));
    ok(r);
    const c = r.body.content;
    assert.equal(r.body.form, 'collective');
    assert.match(c.tenTapThe, /Kỹ thuật/);
    assert.match(c.coCau, /Tổng số cán bộ, công chức, viên chức và người lao động: \d+ người\./);
    assert.deepEqual(
      c.danhHieu.map((x: { nam: string; noiDung: string }) => `${x.nam} ${x.noiDung}`),
      ['2020 Tập thể lao động tiên tiến'],
    );
    // Giấy khen looks at the dossier's year only: the unit's 2020 rating is left out.
    assert.deepEqual(c.xepLoai, []);
    assert.ok(c.thuTruongCapTren, 'the superior unit has a head');
  });

  it('bad input: a Vietnamese 400 and nothing stored', async () => {
    const cur = (await donvi.get(url(ids.cPerson))).body;
    const bad = await donvi.put(url(ids.cPerson), { version: 0, content: { ...cur.content, xepLoai: [{ nam: 'năm ngoái', xepLoai: 'Tốt', ghiChu: '' }] } });
    assert.equal(bad.status, 400);
    assert.match(bad.body.message, /Năm phải có dạng 2021 hoặc 2019-2021/);
    const empty = await donvi.put(url(ids.cPerson), { version: 0, content: { ...cur.content, hinhThucDeNghi: '  ' } });
    assert.equal(empty.status, 400);
    assert.match(empty.body.message, /Hãy ghi hình thức đề nghị khen thưởng/);
    assert.equal((await donvi.get(url(ids.cPerson))).body.version, 0);
  });

  it('the unit edits a section and a table row; a stale copy is refused', async () => {
    const cur = (await donvi.get(url(ids.cPerson))).body;
    const content = {
      ...cur.content,
      trinhDo: 'Thạc sĩ Quản lý khoa học và công nghệ',
      thanhTich: 'Tham mưu tổ chức 05 hoạt động kỷ niệm 80 năm Ngày Bác Hồ về nước.\nHoàn thành 100% chỉ tiêu đăng ký.',
      khenThuong: [
        ...cur.content.khenThuong,
        { nam: '2017', noiDung: 'Giấy khen của Công đoàn', soNgayQuyetDinh: 'Số 12/QĐ-CĐ ngày 01/12/2017', coQuanBanHanh: 'Công đoàn Sở' },
      ],
    };
    const r = await donvi.put(url(ids.cPerson), { version: 0, content });
    ok(r);
    assert.equal(r.body.version, 1);
    assert.ok(r.body.id);
    assert.equal(r.body.content.trinhDo, 'Thạc sĩ Quản lý khoa học và công nghệ');
    assert.equal(r.body.content.khenThuong.length, 2);
    const stale = await donvi.put(url(ids.cPerson), { version: 0, content });
    assert.equal(stale.status, 409);
    assert.match(stale.body.message, /người khác sửa/);
    const docx = await downloadAs(t, 'donvi', `${url(ids.cPerson)}.docx`);
    assert.equal(docx.status, 200);
    assert.match(docx.disposition, /filename="BCTT-Ly-Thi-Phuong-2021\.docx"; filename\*=UTF-8''BCTT-Ly-Thi-Phuong-2021\.docx/);
    const text = docxText(docx.body);
    assert.match(text, /Thạc sĩ Quản lý khoa học và công nghệ/);
    assert.match(text, /Hoàn thành 100% chỉ tiêu đăng ký/);
    assert.match(text, /Mẫu số 07 - Nghị định số 91\/2017\/NĐ-CP/);
  });

  it(
    'the PDF: form number, ratings and awards tables, the two signatures side by side with the last table, "(Ký, đóng dấu)" for the head',
    { skip: skipWithoutPdfTools },
    async () => {
      const r = await downloadAs(t, 'donvi', `${url(ids.cPerson)}.docx?format=pdf`);
      assert.equal(r.status, 200, r.body.toString());
      assert.match(r.disposition, /BCTT-Ly-Thi-Phuong-2021\.pdf/);
      const { words, pageWidth, text } = wordsOf(r.body, dir, 'bctt-ca-nhan');
      assert.match(text, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
      assert.match(text, /Cao Bằng, ngày 10 tháng 6 năm 2021/);
      assert.match(text, /BÁO CÁO THÀNH TÍCH/);
      assert.match(text, /ĐỀ NGHỊ TẶNG BẰNG KHEN BỘ, BAN, NGÀNH, TỈNH/);
      assert.match(text, /Lý Thị Phương/);
      assert.match(text, /2021\s+Hoàn thành xuất sắc nhiệm vụ\s+Đánh giá 6 tháng/);
      assert.match(text, /Giấy khen của Công đoàn/);
      assert.match(text, /\(Ký, đóng dấu\)/);
      assert.match(text, /\(Ký, ghi rõ họ tên\)/);
      assert.doesNotMatch(text, /Ký, ghi rõ họ và tên/);
      const formNo = find(words, 'Mẫu');
      assert.equal(formNo.page, 1);
      assert.ok(formNo.x > pageWidth * 0.5, 'the form number at the top right');
      // Signatures: the two titles on one line, the head left, the reporter right; on the page of the last table.
      const head = find(words, 'THỦ');
      const reporter = find(words, 'NGƯỜI', { page: head.page });
      assert.ok(Math.abs(head.y - reporter.y) < 2, 'both signature titles on one line');
      assert.ok(head.x < pageWidth * 0.5 && reporter.x > pageWidth * 0.5);
      const lastTable = words.filter((w) => w.text === 'Công' && w.page <= head.page).at(-1)!;
      assert.equal(lastTable.page, head.page, 'no orphan signature: the last table and the signatures on one page');
      const names = words.filter((w) => w.text === 'Phương' && w.page === head.page && w.y > head.y);
      assert.ok(
        names.some((w) => w.x > pageWidth * 0.5),
        'the reporter signs her name on the right',
      );
    },
  );

  it(
    'a collective\'s PDF: its superior and its name left of the Quốc hiệu on the first line; empty tables print "Không có"',
    { skip: skipWithoutPdfTools },
    async () => {
      const r = await downloadAs(t, 'donvi', `${url(ids.cUnit)}.docx?format=pdf`);
      assert.equal(r.status, 200, r.body.toString());
      const { words, pageWidth, text } = wordsOf(r.body, dir, 'bctt-tap-the');
      assertHeader(words, pageWidth, 'TRUNG');
      assert.match(text, /Không có/);
      assert.equal(text.match(/\(Ký, đóng dấu\)/g)?.length, 2, 'both heads seal');
    },
  );

  it("attaching stores the PDF as the candidate's report: the checklist item is present", { skip: skipWithoutPdfTools }, async () => {
    const before = (await donvi.get(`/api/dossiers/${ids.dossier}`)).body;
    const item = (b: typeof before) =>
      b.checklist.items.find((i: { kind: string; candidateId: string | null }) => i.kind === 'bao_cao_thanh_tich' && i.candidateId === ids.cPerson);
    assert.equal(item(before).present, false);
    const stale = await donvi.post(`${url(ids.cPerson)}/attach`, { version: 0 });
    assert.equal(stale.status, 409);
    const r = await donvi.post(`${url(ids.cPerson)}/attach`, { version: 1 });
    ok(r);
    assert.ok(r.body.attachedDocumentId);
    const after = (await donvi.get(`/api/dossiers/${ids.dossier}`)).body;
    assert.equal(item(after).present, true);
    const doc = after.documents.find((d: { id: string }) => d.id === r.body.attachedDocumentId);
    assert.equal(doc.kind, 'bao_cao_thanh_tich');
    assert.equal(doc.candidateId, ids.cPerson);
    assert.equal(doc.fileName, 'BCTT-Ly-Thi-Phuong-2021.pdf');
    // Attaching again replaces the attached PDF (one report per candidate).
    const again = await donvi.post(`${url(ids.cPerson)}/attach`, { version: r.body.version });
    ok(again);
    const docs = (await donvi.get(`/api/dossiers/${ids.dossier}`)).body.documents.filter(
      (d: { kind: string; candidateId: string }) => d.kind === 'bao_cao_thanh_tich' && d.candidateId === ids.cPerson,
    );
    assert.equal(docs.length, 1);
    // The collective's report, never saved: attaching saves the prefill it was rendered from.
    const u = await donvi.post(`${url(ids.cUnit)}/attach`, { version: 0 });
    ok(u);
    assert.equal(u.body.version, 1);
  });

  it('after the dossier left the unit: edits refused (409, Vietnamese), the Office reads the report', { skip: skipWithoutPdfTools }, async () => {
    ok(await donvi.post(`/api/dossiers/${ids.dossier}/documents`, { kind: 'to_trinh', content: 'Kính đề nghị Giám đốc Sở xét khen thưởng.' }), 201);
    ok(
      await donvi.post(`/api/dossiers/${ids.dossier}/documents`, { kind: 'bien_ban_hop_xet', content: 'Họp xét ngày 09/6/2021.', voteResult: '5/5 đồng ý' }),
      201,
    );
    ok(await donvi.post(`/api/dossiers/${ids.dossier}/submit`));
    const cur = (await donvi.get(url(ids.cPerson))).body;
    assert.deepEqual(cur.abilities, []);
    const r = await donvi.put(url(ids.cPerson), { version: cur.version, content: cur.content });
    assert.equal(r.status, 409);
    assert.match(r.body.message, /không sửa được/);
    const attach = await donvi.post(`${url(ids.cPerson)}/attach`, { version: cur.version });
    assert.equal(attach.status, 409);
    const seen = await office.get(url(ids.cPerson));
    ok(seen);
    assert.deepEqual(seen.body.abilities, []);
    assert.equal(seen.body.content.trinhDo, 'Thạc sĩ Quản lý khoa học và công nghệ');
    assert.equal((await office.put(url(ids.cPerson), { version: cur.version, content: cur.content })).status, 403);
  });
});

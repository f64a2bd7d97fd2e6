/**
 * Issue #15: the documents a clerk signs, generated from the seed 001 scenario's data (a TTUD
 * dossier of Giấy khen nominees through the council to the director's decision), rendered to PDF by
 * the warm LibreOffice and checked as the signer would: by their text (pdftotext -layout) and by
 * where things stand on the page (word boxes from pdftotext -bbox): the Quốc hiệu on the right and
 * the issuing body on the left of the same first line, the signer at the right, and the signature
 * on the same page as the paragraph before it. Skipped without soffice/pdftotext outside CI.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { ok, reviewedDossier } from '../helpers/dossiers.js';
import { setClock } from '../../src/server/clock.js';
import { stopWarmOffice, warmOfficePid } from '../../src/server/office/soffice.js';
import { assertHeader, assertMatchesReference, downloadAs, find, skipWithoutPdfTools, wordsOf } from '../helpers/pdf-layout.js';

describe('documents a clerk signs (NĐ 30/2020), generated from the seed 001 scenario', { skip: skipWithoutPdfTools, timeout: 600_000 }, () => {
  let t: TestApp;
  let dir: string;
  const ids = { dossier: '', session: '', decision: '' };

  const download = (username: string, url: string) => downloadAs(t, username, url);

  before(async () => {
    t = await createTestApp();
    dir = mkdtempSync(join(tmpdir(), 'tdkt-nd30-'));
    setClock('2021-06-20');
    const r = await reviewedDossier(t, 3);
    ids.dossier = r.dossierId;
    ids.session = r.sessionId;
    setClock('2021-06-26');
    const giamdoc = await t.login('giamdoc');
    const d = await giamdoc.post('/api/decisions', {
      candidateIds: r.candidateIds,
      decisionDate: '2021-06-26',
      signerName: 'Nông Thị Hạnh',
      signerTitle: 'Phó Giám đốc Sở',
    });
    ok(d, 201);
    ids.decision = d.body.id;
  });
  after(async () => {
    setClock(null);
    stopWarmOffice();
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  it('Quyết định downloads as QD-01-SKHCN-2021.docx', async () => {
    const r = await download('giamdoc', `/api/decisions/${ids.decision}/docx`);
    assert.equal(r.status, 200);
    assert.equal(r.body.subarray(0, 2).toString(), 'PK');
    // Download names as agencies file them, with the UTF-8 form for every browser.
    assert.match(r.disposition, /filename="QD-01-SKHCN-2021\.docx"; filename\*=UTF-8''QD-01-SKHCN-2021\.docx/);
  });

  it('Quyết định: UBND tỉnh above the Sở, "Số: 01/QĐ-SKHCN", KT. GIÁM ĐỐC, money in words, no signing hint; the annex numbers its own pages', async () => {
    const r = await download('giamdoc', `/api/decisions/${ids.decision}/docx?format=pdf`);
    assert.equal(r.status, 200, r.body.toString());
    assert.equal(r.body.subarray(0, 4).toString(), '%PDF');
    assert.match(r.disposition, /QD-01-SKHCN-2021\.pdf/);
    const { words, pageWidth, text } = wordsOf(r.body, dir, 'quyet-dinh');
    assertHeader(words, pageWidth, 'UBND');
    assert.match(text, /UBND TỈNH CAO BẰNG/);
    assert.match(text, /SỞ KHOA HỌC VÀ CÔNG NGHỆ/);
    assert.match(text, /Số: 01\/QĐ-SKHCN/);
    assert.match(text, /Cao Bằng, ngày 26 tháng 6 năm 2021/);
    assert.match(text, /GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ/);
    assert.match(text, /KT\. GIÁM ĐỐC/);
    assert.match(text, /PHÓ GIÁM ĐỐC/);
    assert.match(text, /Nông Thị Hạnh/);
    assert.match(text, /1\.350\.000 đồng\s+\(Một triệu ba trăm năm mươi nghìn đồng\)/, 'money in figures and words');
    assert.doesNotMatch(text, /Ký, ghi rõ họ tên/);
    assert.equal(text.match(/DANH SÁCH/g)?.length, 1, 'one DANH SÁCH');
    assert.match(text, /Kèm theo Quyết định số 01\/QĐ-SKHCN ngày 26\/06\/2021 của Giám đốc Sở Khoa\s+học và Công nghệ\)/);
    // Signer block on the right, on the same page as Điều 3.
    const kt = find(words, 'KT.');
    assert.ok(kt.x > pageWidth * 0.5, 'signer block right');
    const name = find(words, 'Hạnh', { page: kt.page, y: kt.y });
    assert.equal(find(words, 'Điều').page <= name.page, true);
    const dieu3 = words.filter((w) => w.text === 'Điều').at(-1)!;
    assert.equal(dieu3.page, name.page, 'Điều 3 and the signature on one page');
    // The annex starts on its own page.
    const list = find(words, 'DANH');
    assert.ok(list.page > name.page);
  });

  it('Tờ trình: place before the date, the number entered by the clerk, the head of the unit signs, no dash in the trích yếu', async () => {
    const bad = await download('donvi', `/api/dossiers/${ids.dossier}/to-trinh.docx?so=${encodeURIComponent('12/xyz')}`);
    assert.equal(bad.status, 400);
    assert.match(bad.body.toString(), /Số văn bản chỉ gồm chữ số/);
    const r = await download('donvi', `/api/dossiers/${ids.dossier}/to-trinh.docx?format=pdf&so=7`);
    assert.equal(r.status, 200, r.body.toString());
    assert.match(r.disposition, /TTr-07-TTUD-2021\.pdf/);
    const { words, pageWidth, text } = wordsOf(r.body, dir, 'to-trinh');
    assertHeader(words, pageWidth, 'SỞ');
    assert.match(text, /Số: 07\/TTr-TTUD/);
    assert.match(text, /Cao Bằng, ngày 26 tháng 6 năm 2021/);
    assert.doesNotMatch(text, /[—–]/);
    assert.match(text, /GIÁM ĐỐC/);
    assert.match(text, /Lục Văn Hùng/);
    const signer = words.filter((w) => w.text === 'Hùng').at(-1)!;
    assert.ok(signer.x > pageWidth * 0.5, 'signer right');
  });

  it('Biên bản kiểm phiếu: issued by the Hội đồng; ballots per item agree with the votes; opening and closing time', async () => {
    const r = await download('vanphong', `/api/sessions/${ids.session}/minutes.docx?format=pdf&so=3`);
    assert.equal(r.status, 200, r.body.toString());
    const { words, pageWidth, text } = wordsOf(r.body, dir, 'kiem-phieu');
    assertHeader(words, pageWidth, 'SỞ');
    assert.match(text, /HỘI ĐỒNG THI ĐUA -\s+(?:\S.*\n\s*)?KHEN THƯỞNG/, "the council's name in two lines, broken after the dash");
    assert.match(text, /Số: 03\/BB-HĐTĐKT/);
    assert.match(text, /bắt đầu lúc \d{2} giờ \d{2} phút/);
    assert.match(text, /kết thúc lúc \d{2} giờ \d{2} phút/);
    // Six members present, one recused from each item (his own unit's nominees): five ballots
    // issued per item; three voted online and one on paper: four returned, four valid, four for.
    assert.match(text, /Số thành viên Hội đồng có mặt: 6\/6/);
    assert.match(text, /Số phiếu phát ra: 5/);
    assert.match(text, /Số phiếu thu về: 4/);
    assert.match(text, /Số phiếu hợp lệ: 4/);
    assert.match(text, /Số phiếu không hợp lệ: 0/);
    assert.equal(text.match(/Giấy khen\s+5\s+4\s+66,7%\s+Đạt/g)?.length, 3, 'each row: 5 issued, 4 for');
    assert.doesNotMatch(text, /Chưa kiểm phiếu/);
    assert.match(text, /CÁC THÀNH VIÊN\s+TRƯỞNG BAN\n\s*BAN KIỂM PHIẾU\s+KIỂM PHIẾU/, 'the Ban signs: members left, head right');
    const chair = find(words, 'TRƯỞNG');
    assert.ok(chair.x > pageWidth * 0.5);
  });

  it('each document looks as its reference image does (a moved block, table or signature fails)', async () => {
    const pages: [string, string, string, number][] = [
      ['quyet-dinh', 'giamdoc', `/api/decisions/${ids.decision}/docx?format=pdf`, 1],
      ['quyet-dinh-danh-sach', 'giamdoc', `/api/decisions/${ids.decision}/docx?format=pdf`, 2],
      ['to-trinh', 'donvi', `/api/dossiers/${ids.dossier}/to-trinh.docx?format=pdf&so=7`, 1],
      ['bien-ban-kiem-phieu', 'vanphong', `/api/sessions/${ids.session}/minutes.docx?format=pdf&so=3`, 1],
      ['bien-ban-kiem-phieu-chu-ky', 'vanphong', `/api/sessions/${ids.session}/minutes.docx?format=pdf&so=3`, 2],
    ];
    for (const [name, user, url, page] of pages) {
      const r = await download(user, url);
      assert.equal(r.status, 200, r.body.toString());
      assertMatchesReference(r.body, dir, name, { page });
    }
  });

  it('the same warm office converts every document (no office per file)', async () => {
    const pid = warmOfficePid();
    assert.ok(pid, 'a warm office is running');
    const r = await download('giamdoc', `/api/decisions/${ids.decision}/docx?format=pdf`);
    assert.equal(r.status, 200);
    assert.equal(warmOfficePid(), pid);
  });
});

/**
 * Renders every default template (filled with sample data) through LibreOffice and checks the
 * PDF text. Skipped with a reason when `soffice`/`pdftotext` are absent, except on CI
 * (CI=true), where their absence is a failure: the layout check must not silently disappear.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { TEMPLATE_KINDS } from './fields.js';
import { renderDocument } from './render.js';
import { sampleData } from './sample-data.js';

function available(cmd: string, arg: string): boolean {
  try {
    execFileSync(cmd, [arg], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

const tools = available('soffice', '--version') && available('pdftotext', '-v');
const skip = !tools && process.env.CI !== 'true' ? 'soffice hoặc pdftotext chưa được cài (apt-get install libreoffice-writer poppler-utils)' : false;
if (skip) console.log(`# bỏ qua kiểm tra LibreOffice: ${skip}`);

test('every default template converts to PDF with LibreOffice and shows its text', { skip, timeout: 180_000 }, () => {
  assert.ok(tools, 'CI=true nhưng thiếu soffice/pdftotext');
  const dir = mkdtempSync(join(tmpdir(), 'tdkt-docx-'));
  try {
    for (const kind of TEMPLATE_KINDS) writeFileSync(join(dir, `${kind}.docx`), renderDocument(kind, sampleData(kind)));
    // A private profile directory: a concurrent LibreOffice (desktop, other tests) would
    // otherwise swallow the conversion request.
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        ...TEMPLATE_KINDS.map((k) => join(dir, `${k}.docx`)),
      ],
      { stdio: 'ignore', timeout: 150_000 },
    );
    const pdfs = readdirSync(dir).filter((f) => f.endsWith('.pdf'));
    assert.equal(pdfs.length, TEMPLATE_KINDS.length);
    for (const kind of TEMPLATE_KINDS) {
      const text = execFileSync('pdftotext', ['-layout', join(dir, `${kind}.pdf`), '-']).toString();
      assert.match(text, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/, kind);
      assert.match(text, /Độc lập - Tự do - Hạnh phúc/, kind);
      assert.doesNotMatch(text, /\{[#/]?[a-zA-Z.]+\}/, `${kind}: unreplaced tag`);
      if (kind.startsWith('bao_cao_thanh_tich')) assert.match(text, /BÁO CÁO THÀNH TÍCH/, kind);
      // The score sheet and the certificate carry no document number.
      else if (kind === 'phieu_cham_sang_kien') assert.match(text, /PHIẾU CHẤM ĐIỂM SÁNG KIẾN/, kind);
      else if (kind === 'giay_chung_nhan_sang_kien') assert.match(text, /Mã xác minh: AB23CD45EF/, kind);
      else assert.match(text, /Số: 125\//, kind);
    }
    const decision = execFileSync('pdftotext', [join(dir, 'quyet_dinh_khen_thuong.pdf'), '-']).toString();
    assert.match(decision, /QUYẾT ĐỊNH/);
    assert.match(decision, /Nguyễn Văn Đức 3/);
    assert.match(decision, /Một triệu ba trăm năm mươi nghìn đồng/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

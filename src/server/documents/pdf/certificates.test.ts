import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { DocumentError } from '../errors.js';
import {
  DEFAULT_BLANK_CALIBRATION,
  FULL_DESIGN_LAYOUT,
  layoutCertificate,
  renderCalibrationPdf,
  renderCertificatesPdf,
  streamToBuffer,
  validateCalibration,
  type CertificateData,
} from './certificates.js';

const cert: CertificateData = {
  form: 'GK',
  issuer: 'GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ',
  recipientName: 'Ông Nguyễn Văn Đức',
  recipientDetail: 'Chuyên viên Văn phòng Sở',
  achievement: 'Đã có thành tích xuất sắc trong đợt thi đua năm 2021',
  decisionNumber: '125/QĐ-SKHCN',
  decisionDate: '2021-06-26',
  place: 'Sơn La',
  signerTitle: 'GIÁM ĐỐC',
  signerName: 'Bế Đăng Khoa',
  registerNumber: 'GK-2021-000123',
  verificationUrl: 'https://tdkt.example.vn/xac-minh/AB12CD34',
};

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

test('layout carries the register number, decision and the verification URL as QR payload', () => {
  const layout = layoutCertificate(cert, FULL_DESIGN_LAYOUT);
  assert.equal(layout.qr?.payload, cert.verificationUrl);
  const texts = Object.fromEntries(layout.texts.map((t) => [t.field, t.text]));
  assert.equal(texts.registerNumber, 'Số sổ vàng: GK-2021-000123');
  assert.equal(texts.decision, 'Quyết định số 125/QĐ-SKHCN ngày 26/06/2021');
  assert.equal(texts.placeDate, 'Sơn La, ngày 26 tháng 6 năm 2021');
  // A printer shift moves every field.
  const shifted = layoutCertificate(cert, { ...DEFAULT_BLANK_CALIBRATION, offsetX: 2, offsetY: -1 });
  const a = layout.texts.find((t) => t.field === 'recipientName');
  const b = shifted.texts.find((t) => t.field === 'recipientName');
  assert.ok(a && b && Math.abs(b.x - a.x - (2 * 72) / 25.4) < 1e-6 && Math.abs(b.y - a.y + 72 / 25.4) < 1e-6);
});

test('full and blank certificates render to PDF with the number and name as text', { skip: !hasPdftotext() && 'pdftotext absent' }, async () => {
  for (const mode of ['full', 'blank'] as const) {
    const pdf = await streamToBuffer(renderCertificatesPdf([cert, { ...cert, form: 'BK_BO_TINH', registerNumber: 'BK-2021-000007' }], { mode }));
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const text = execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString();
    assert.match(text, /GK-2021-000123/);
    assert.match(text, /BK-2021-000007/);
    assert.match(text, /Nguyễn Văn Đức/);
    if (mode === 'full') {
      assert.match(text, /GIẤY KHEN/);
      assert.match(text, /BẰNG KHEN/);
    } else {
      assert.doesNotMatch(text, /GIẤY KHEN/, 'a phôi has the title pre-printed');
    }
  }
});

test('a calibration that puts a field off the page is refused in Vietnamese', () => {
  const bad = {
    ...DEFAULT_BLANK_CALIBRATION,
    fields: { ...DEFAULT_BLANK_CALIBRATION.fields, recipientName: { x: 200, y: 80, width: 120, fontSize: 20 } },
  };
  assert.throws(
    () => validateCalibration(bad),
    (e: unknown) => e instanceof DocumentError && /«Họ tên \/ tên tập thể» vượt mép phải/.test(e.message),
  );
  assert.throws(() => validateCalibration({ ...DEFAULT_BLANK_CALIBRATION, offsetY: -45 }), /mép trên/);
  assert.throws(() => renderCertificatesPdf([cert], { mode: 'blank', calibration: bad }), DocumentError);
});

test('the calibration test page renders', async () => {
  const pdf = await streamToBuffer(renderCalibrationPdf(DEFAULT_BLANK_CALIBRATION));
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
});

test('invalid data destroys the stream with a Vietnamese error', async () => {
  await assert.rejects(
    streamToBuffer(renderCertificatesPdf([cert, { ...cert, verificationUrl: 'not a url' }], { mode: 'full' })),
    (e: unknown) => e instanceof DocumentError && /giấy khen thứ 2/.test(e.message),
  );
});

// Their speed (target ≤ 20 s) is measured by `npm run bench -- documents`, never asserted here.
test('1,000 certificates stream from an async source into one PDF, one page each', async () => {
  const list = (async function* () {
    for (let i = 0; i < 1000; i++) yield { ...cert, registerNumber: `GK-2021-${String(i).padStart(6, '0')}` };
  })();
  const pdf = await streamToBuffer(renderCertificatesPdf(list, { mode: 'full' }));
  assert.ok(pdf.length > 100_000);
  const text = pdf.toString('latin1');
  assert.equal((text.match(/\/Type \/Page\b/g) ?? []).length, 1000);
});

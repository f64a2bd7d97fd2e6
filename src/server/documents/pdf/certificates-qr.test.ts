import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeQrOnFirstPage, qrDecodeSkipReason } from '../../../../test/helpers/pdf-qr.js';
import { DEFAULT_BLANK_CALIBRATION, renderCertificatesPdf, streamToBuffer, type CertificateData } from './certificates.js';

const code = 'AB12CD34EF';
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
  verificationUrl: `https://tdkt.example.gov.vn/xac-minh/${code}`,
};

const skip = qrDecodeSkipReason();

for (const mode of ['full', 'blank'] as const) {
  test(`the QR printed on a ${mode} certificate decodes (page scanned at 150 dpi) to its verification URL`, { skip }, async () => {
    const pdf = await streamToBuffer(renderCertificatesPdf([cert], mode === 'full' ? { mode } : { mode, calibration: DEFAULT_BLANK_CALIBRATION }));
    assert.equal(decodeQrOnFirstPage(pdf, 150), cert.verificationUrl);
  });
}

test('a long verification URL (bigger QR version) still decodes at 150 dpi', { skip }, async () => {
  const url = `https://tdkt.so-khcn.caobang.gov.vn/cong-thong-tin/xac-minh/${code}?nguon=giay-khen-in`;
  const pdf = await streamToBuffer(renderCertificatesPdf([{ ...cert, verificationUrl: url }], { mode: 'full' }));
  assert.equal(decodeQrOnFirstPage(pdf, 150), url);
});

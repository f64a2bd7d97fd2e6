/**
 * Document generation figures: `npx tsx bench/documents.bench.ts`.
 * Targets: decision with 1,000 awardees ≤ 2 s; 1,000 certificates ≤ 20 s; 100,000-row xlsx
 * export ≤ 15 s with flat memory.
 */
import { Writable } from 'node:stream';
import { decisionData } from '../src/server/documents/docx/sample-data.js';
import { renderDocument } from '../src/server/documents/docx/render.js';
import { renderCertificatesPdf, type CertificateData } from '../src/server/documents/pdf/certificates.js';
import { exportXlsx } from '../src/server/documents/xlsx/export.js';

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Counts bytes without keeping them, so the memory figure is the generator's own. */
function countingSink(): { sink: Writable; bytes: () => number } {
  let total = 0;
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      total += chunk.length;
      cb();
    },
  });
  return { sink, bytes: () => total };
}

async function drain(stream: NodeJS.ReadableStream): Promise<number> {
  let total = 0;
  for await (const chunk of stream) total += (chunk as Buffer).length;
  return total;
}

/** Print timings (and peak RSS for the xlsx export). */
export async function benchDocuments(): Promise<void> {
  // DOCX
  renderDocument('quyet_dinh_khen_thuong', decisionData(10)); // warm-up: template build, JIT
  let t0 = performance.now();
  const docx = renderDocument('quyet_dinh_khen_thuong', decisionData(1000));
  console.log(`Quyết định + 1.000 người (DOCX): ${(performance.now() - t0).toFixed(0)} ms, ${(docx.length / 1024).toFixed(0)} KB`);

  // PDF certificates
  const cert: CertificateData = {
    form: 'GK',
    issuer: 'GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH SƠN LA',
    recipientName: 'Ông Nguyễn Văn Đức',
    recipientDetail: 'Chuyên viên Văn phòng Sở',
    achievement: 'Đã có thành tích xuất sắc trong đợt thi đua lập thành tích chào mừng kỷ niệm 80 năm Ngày Bác Hồ về nước',
    decisionNumber: '125/QĐ-SKHCN',
    decisionDate: '2021-06-26',
    place: 'Sơn La',
    signerTitle: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC',
    signerName: 'Bế Đăng Khoa',
    registerNumber: 'GK-2021-000000',
    verificationUrl: 'https://tdkt.example.vn/xac-minh/AB12CD34',
  };
  const certs = (function* () {
    for (let i = 0; i < 1000; i++) yield { ...cert, registerNumber: `GK-2021-${String(i).padStart(6, '0')}`, verificationUrl: `https://tdkt.example.vn/xac-minh/C${i}` };
  })();
  t0 = performance.now();
  const pdfBytes = await drain(renderCertificatesPdf(certs, { mode: 'full' }));
  console.log(`1.000 giấy khen (PDF, full): ${(performance.now() - t0).toFixed(0)} ms, ${mb(pdfBytes)}`);

  // XLSX
  let peak = process.memoryUsage().rss;
  const base = peak;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  async function* rows() {
    for (let i = 0; i < 100_000; i++) {
      yield { stt: i + 1, hoTen: `Nguyễn Văn Đức ${i}`, donVi: 'Văn phòng Sở Khoa học và Công nghệ', ngay: '2021-06-26', soTien: 1_490_000 + i };
    }
  }
  const { sink, bytes } = countingSink();
  t0 = performance.now();
  const n = await exportXlsx(
    [
      { header: 'STT', value: 'stt', type: 'integer', width: 8 },
      { header: 'Họ và tên', value: 'hoTen', width: 30 },
      { header: 'Đơn vị', value: 'donVi', width: 40 },
      { header: 'Ngày quyết định', value: 'ngay', type: 'date' },
      { header: 'Số tiền (đồng)', value: 'soTien', type: 'money' },
    ],
    rows(),
    sink,
  );
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(
    `Xuất ${n.toLocaleString('vi-VN')} dòng (XLSX): ${(performance.now() - t0).toFixed(0)} ms, ${mb(bytes())}; RSS đỉnh ${mb(peak)} (trước khi xuất ${mb(base)})`,
  );
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  await benchDocuments();
}

/**
 * Document generation figures: `npm run bench -- documents` (or `npx tsx bench/documents.bench.ts`).
 * The unit tests check what these produce, never how fast (a loaded machine is not a slow generator).
 * Targets, printed beside each figure: decision with 1,000 awardees ≤ 2 s; 1,000 certificates ≤ 20 s; 100,000-row xlsx
 * export ≤ 15 s with flat memory.
 */
import { Writable } from 'node:stream';
import { decisionData } from '../src/server/documents/docx/sample-data.js';
import { renderDocument } from '../src/server/documents/docx/render.js';
import { renderCertificatesPdf, type CertificateData } from '../src/server/documents/pdf/certificates.js';
import { exportXlsx } from '../src/server/documents/xlsx/export.js';
import { docxToPdf, pdfConversionAvailable, stopWarmOffice } from '../src/server/office/soffice.js';
import { sampleData } from '../src/server/documents/docx/sample-data.js';
import { openDatabase } from '../src/server/db/client.js';
import { refreshStatistics } from '../src/server/db/maintenance.js';
import { people } from '../src/server/db/schema/index.js';
import { seedDemo } from '../src/server/demo/seed.js';
import { buildApp } from '../src/server/app.js';
import { vietnameseNameSortKey } from '../src/shared/vietnamese.js';

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
  console.log(`Quyết định + 1.000 người (DOCX): ${(performance.now() - t0).toFixed(0)} ms (mục tiêu ≤ 2.000 ms), ${(docx.length / 1024).toFixed(0)} KB`);

  // PDF through the warm LibreOffice (issue #15: ≤ 1.5 s a document once warm; 1,000 awardees ≤ 10 s)
  if (pdfConversionAvailable()) {
    const single = renderDocument('quyet_dinh_khen_thuong', sampleData('quyet_dinh_khen_thuong'));
    t0 = performance.now();
    await docxToPdf(single);
    console.log(`PDF lần đầu (khởi động LibreOffice): ${(performance.now() - t0).toFixed(0)} ms`);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      t0 = performance.now();
      await docxToPdf(single);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    console.log(`PDF một văn bản (đã khởi động, trung vị 5 lần): ${times[2]!.toFixed(0)} ms (mục tiêu ≤ 1.500 ms)`);
    t0 = performance.now();
    const big = await docxToPdf(docx);
    console.log(`Quyết định + 1.000 người (PDF): ${(performance.now() - t0).toFixed(0)} ms (mục tiêu ≤ 10.000 ms), ${mb(big.length)}`);
    stopWarmOffice();
  } else console.log('PDF: bỏ qua (chưa cài LibreOffice)');

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
    for (let i = 0; i < 1000; i++)
      yield { ...cert, registerNumber: `GK-2021-${String(i).padStart(6, '0')}`, verificationUrl: `https://tdkt.example.vn/xac-minh/C${i}` };
  })();
  t0 = performance.now();
  const pdfBytes = await drain(renderCertificatesPdf(certs, { mode: 'full' }));
  console.log(`1.000 giấy khen (PDF, full): ${(performance.now() - t0).toFixed(0)} ms (mục tiêu ≤ 20.000 ms), ${mb(pdfBytes)}`);

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
    `Xuất ${n.toLocaleString('vi-VN')} dòng (XLSX): ${(performance.now() - t0).toFixed(0)} ms (mục tiêu ≤ 15.000 ms), ${mb(bytes())}; RSS đỉnh ${mb(peak)} (trước khi xuất ${mb(base)})`,
  );
  await benchExportEndpoint();
}

/**
 * The people export through the app (HTTP, session, scope, keyset batches from the database,
 * streamed to the client): 100,000 people on embedded PGlite, bytes counted as they arrive.
 */
export async function benchExportEndpoint(): Promise<void> {
  const database = await openDatabase({ dataDir: 'memory://' });
  const password = 'Bench-12345';
  const demo = await seedDemo(database.db, password);
  const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Nông', 'Bế', 'Lục', 'Đàm', 'Triệu'];
  const given = ['An', 'Bình', 'Cường', 'Dũng', 'Đức', 'Hạnh', 'Hoa', 'Lan', 'Minh', 'Thảo', 'Yến'];
  const rows: (typeof people.$inferInsert)[] = [];
  for (let i = 0; i < 100_000; i++) {
    const fullName = `${family[i % family.length]} Văn ${given[(i * 7) % given.length]} ${i}`;
    rows.push({
      unitId: demo.rootUnitId,
      fullName,
      sortKey: vietnameseNameSortKey(fullName),
      gender: i % 2 ? 'nam' : 'nu',
      birthDate: `${1965 + (i % 35)}-06-15`,
      isLeader: false,
      employmentType: 'cong_chuc',
    });
  }
  for (let i = 0; i < rows.length; i += 2000) await database.db.insert(people).values(rows.slice(i, i + 2000));
  rows.length = 0;
  await refreshStatistics(database);
  const app = await buildApp({ database, config: { secureCookies: false, webDir: '/nonexistent', publicUrl: 'http://localhost' } });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const login = await fetch(`${address}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'vanphong', password }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    global.gc?.();
    const base = process.memoryUsage().rss;
    let peak = base;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const t0 = performance.now();
    const res = await fetch(`${address}/api/people/export.xlsx`, { headers: { cookie } });
    let bytes = 0;
    let first = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      if (!first) first = performance.now() - t0;
      bytes += chunk.length;
    }
    clearInterval(timer);
    console.log(
      `Xuất Excel 100.000 cán bộ qua API (/api/people/export.xlsx, PGlite): ${(performance.now() - t0).toFixed(0)} ms (byte đầu tiên sau ${first.toFixed(0)} ms), ${mb(bytes)}; RSS đỉnh ${mb(peak)} (trước khi xuất ${mb(base)}, đã gồm PGlite)`,
    );
  } finally {
    await app.close();
    await database.close();
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  await benchDocuments();
}

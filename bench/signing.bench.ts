/**
 * Digital signing figures: `npm run bench -- signing`.
 * Targets (issue 17): signing one decision PDF ≤ 300 ms (PKCS#12); verifying ≤ 200 ms; 1,000
 * certificates signed in a batch ≤ 60 s.
 *
 * Everything over HTTP against the app on the demo agency (PGlite), the head and the Office signed
 * in; beside each API figure, the same work done in-process without HTTP or database (the signing
 * core), so the difference is what the route, the session, the queries and the storage cost.
 */
import { eq } from 'drizzle-orm';
import { openDatabase } from '../src/server/db/client.js';
import { people, signingCredentials } from '../src/server/db/schema/index.js';
import { seedDemo } from '../src/server/demo/seed.js';
import { buildApp } from '../src/server/app.js';
import { pdfConversionAvailable, stopWarmOffice } from '../src/server/office/soffice.js';
import { trustStoreOf } from '../src/server/commands/signing.js';
import { verifyPdf } from '../src/server/signing/verify.js';
import { clearMemos } from '../src/server/signing/memo.js';
import { vietnameseNameSortKey } from '../src/shared/vietnamese.js';
import { buildDecision } from '../test/helpers/decisions.js';
import { percentile, report } from './report.js';
import { loadAverage } from './load-average.js';

interface Session {
  cookie: string;
  csrf: string;
}

const stats = (xs: number[]) => `trung vị ${percentile(xs, 50).toFixed(0)} ms, p95 ${percentile(xs, 95).toFixed(0)} ms (${xs.length} lần)`;

/** How many certificates the batch case signs: 1,000 (the target); fewer with TDKT_BENCH_CERTIFICATES=100 when iterating. */
const CERTIFICATES = Math.max(1, Number(process.env.TDKT_BENCH_CERTIFICATES ?? '') || 1000);

export async function benchSigning(): Promise<void> {
  if (!pdfConversionAvailable()) {
    report('Ký số', 'bỏ qua: chưa cài LibreOffice (cần để dựng PDF quyết định)');
    return;
  }
  process.env.TDKT_SECRET_KEY ??= 'bench-signing-secret-key-0123456789';
  const database = await openDatabase({ dataDir: 'memory://' });
  const password = 'Bench-12345';
  const demo = await seedDemo(database.db, password);
  const db = database.db;
  // The people to award (1,000 by default): Vietnamese names, one unit.
  const family = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Nông', 'Bế', 'Lục', 'Đàm', 'Triệu', 'Hà', 'Vi'];
  const middle = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Ngọc'];
  const given = ['An', 'Bình', 'Cường', 'Dũng', 'Đức', 'Hạnh', 'Hoa', 'Lan', 'Minh', 'Thảo', 'Yến', 'Phương', 'Khoa'];
  const extra: (typeof people.$inferInsert)[] = [];
  for (let i = 0; i < CERTIFICATES; i++) {
    const fullName = `${family[(i * 7) % family.length]} ${middle[i % middle.length]} ${given[(i * 5) % given.length]}`;
    extra.push({
      unitId: demo.rootUnitId,
      fullName,
      sortKey: vietnameseNameSortKey(fullName),
      gender: i % 2 ? 'nam' : 'nu',
      isLeader: false,
      employmentType: 'vien_chuc',
    });
  }
  for (let i = 0; i < extra.length; i += 500) await db.insert(people).values(extra.slice(i, i + 500));
  const decisions: string[] = [];
  for (let i = 0; i < 12; i++) decisions.push((await buildDecision(db, demo.rootUnitId, { n: 5 + i, date: '2026-11-20' })).decision.id);
  const big = (await buildDecision(db, demo.rootUnitId, { n: CERTIFICATES, date: '2026-11-21' })).decision.id;
  const creds = await db.select().from(signingCredentials).where(eq(signingCredentials.unitId, demo.rootUnitId));
  const personal = creds.find((c) => c.kind === 'personal' && c.commonName === 'Hoàng Văn Thạch')!.id;
  const organisation = creds.find((c) => c.kind === 'organisation')!.id;

  const app = await buildApp({ database, config: { secureCookies: false, webDir: '/nonexistent', publicUrl: 'http://localhost' } });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const login = async (username: string): Promise<Session> => {
    const r = await fetch(`${address}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const body = (await r.json()) as { csrfToken: string };
    return { cookie: (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrf: body.csrfToken };
  };
  const post = async (s: Session, url: string, body: unknown) => {
    const r = await fetch(`${address}${url}`, {
      method: 'POST',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${url}: ${r.status} ${await r.text()}`);
    return r.json() as Promise<Record<string, unknown>>;
  };
  const timed = async <T>(f: () => Promise<T>): Promise<[number, T]> => {
    const t0 = performance.now();
    const out = await f();
    return [performance.now() - t0, out];
  };
  console.log(`Tải máy trước khi đo: ${loadAverage()}`);
  try {
    const head = await login('giamdoc');
    const office = await login('vanphong');
    // Warm-up: LibreOffice, pdf.js, the JIT.
    await post(head, `/api/decisions/${decisions[0]}/sign`, { type: 'approve', credentialId: personal });
    await post(office, `/api/decisions/${decisions[0]}/sign`, { type: 'issue', credentialId: organisation });

    const approve: number[] = [];
    const issue: number[] = [];
    for (const id of decisions.slice(1)) {
      approve.push((await timed(() => post(head, `/api/decisions/${id}/sign`, { type: 'approve', credentialId: personal })))[0]);
      issue.push((await timed(() => post(office, `/api/decisions/${id}/sign`, { type: 'issue', credentialId: organisation })))[0]);
    }
    report('Người có thẩm quyền ký quyết định (API, gồm dựng PDF bằng LibreOffice)', stats(approve));
    report('Cơ quan ký quyết định đã có PDF (API, PKCS#12; mục tiêu ≤ 300 ms)', stats(issue));

    // Verifying: the signed decision, 4 clients at once, over HTTP; and the same in-process.
    const { signedDocuments } = await import('../src/server/db/schema/index.js');
    const [doc] = await db.select().from(signedDocuments).where(eq(signedDocuments.entityId, decisions[1]!));
    const trust = await trustStoreOf(db, demo.rootUnitId);
    // A new trust store per verification, as each request makes; "cold": nothing kept from before
    // (certificates, chains, CRLs, CMS checks), as for a file the server sees for the first time.
    const core: number[] = [];
    const cold: number[] = [];
    for (let i = 0; i < 10; i++) {
      core.push((await timed(() => verifyPdf(doc!.pdf, { ...trust, memo: new Map() }, new Date())))[0]);
      clearMemos();
      cold.push((await timed(() => verifyPdf(doc!.pdf, { ...trust, memo: new Map() }, new Date())))[0]);
    }
    const verifyOnce = async () => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(doc!.pdf)]), 'qd.pdf');
      const r = await fetch(`${address}/api/signatures/verify`, {
        method: 'POST',
        headers: { cookie: office.cookie, 'x-csrf-token': office.csrf },
        body: form,
      });
      if (!r.ok) throw new Error(`verify: ${r.status}`);
      await r.json();
    };
    const http: number[] = [];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let i = 0; i < 10; i++) http.push((await timed(verifyOnce))[0]);
      }),
    );
    report(
      'Kiểm tra quyết định 2 chữ ký (API, 4 người dùng cùng lúc; mục tiêu ≤ 200 ms)',
      `${stats(http)}; lõi kiểm tra không qua HTTP: ${stats(core)}; lõi, tệp lần đầu gặp: ${stats(cold)}`,
    );

    // The certificates (1,000 by default): registered, then signed by the head and by the agency in batches of 200.
    await post(office, `/api/decisions/${big}/certificates`, {});
    const batches = async (s: Session, type: 'approve' | 'issue', credentialId: string) => {
      const t0 = performance.now();
      const each: number[] = [];
      for (;;) {
        const [ms, r] = await timed(() => post(s, `/api/decisions/${big}/certificates/sign`, { type, credentialId, limit: 200 }));
        each.push(ms);
        if ((r.remaining as number) === 0) break;
      }
      return { total: performance.now() - t0, each };
    };
    const a = await batches(head, 'approve', personal);
    report(
      `${CERTIFICATES} Giấy khen: người có thẩm quyền ký (API, lô 200; mục tiêu 1.000 trong ≤ 60 s)`,
      `${(a.total / 1000).toFixed(1)} s (${(a.total / CERTIFICATES).toFixed(0)} ms mỗi Giấy khen, gồm dựng PDF; lô ${a.each.map((x) => (x / 1000).toFixed(1)).join(' / ')} s)`,
    );
    const b = await batches(office, 'issue', organisation);
    report(
      `${CERTIFICATES} Giấy khen: cơ quan ký phát hành (API, lô 200; mục tiêu 1.000 trong ≤ 60 s)`,
      `${(b.total / 1000).toFixed(1)} s (${(b.total / CERTIFICATES).toFixed(0)} ms mỗi Giấy khen; lô ${b.each.map((x) => (x / 1000).toFixed(1)).join(' / ')} s)`,
    );
    console.log(`Tải máy sau khi đo: ${loadAverage()}`);
  } finally {
    await app.close();
    stopWarmOffice();
    await database.close();
  }
}

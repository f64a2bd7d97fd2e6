import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, makeXlsx, type Client, type TestApp } from '../helpers/app.js';
import { accounts, notifications, pledges, registrations, units } from '../../src/server/db/schema/index.js';
import { hashPassword } from '../../src/server/auth/passwords.js';
import { buildDecision } from '../helpers/decisions.js';
import { reviewedDossier } from '../helpers/dossiers.js';
import { postPublicComment } from '../helpers/notices.js';

/** Routes that answer without a session. */
const PUBLIC = new Set(['GET /api/health', 'GET /api/openapi.json', 'POST /api/auth/login', 'GET /api/public/certificates/{code}']);

describe('every route: 401 without a session, 404 for an account of another unit', () => {
  let t: TestApp;
  let outsider: Client;
  let admin: Client;
  const ids: { unit: string; person: string; council: string; member: string; account: string } = {
    unit: '',
    person: '',
    council: '',
    member: '',
    account: '',
  };
  // Records of the demo agency (ratings, honors, initiatives, discipline, facts).
  const rec = { honor: '', initiative: '', discipline: '', fact: '' };
  // Plans, movements, registrations, pledges, notifications of the demo agency.
  const pm = { plan: '', task: '', movement: '', registration: '', pledge: '', notification: '' };
  // A decision of the demo agency with its certificates (sổ vàng).
  const doc = { decision: '', certificate: '', reissue: '' };
  // The nomination pipeline: a dossier through the council, a decision, a public notice with a comment.
  const dp = { dossier: '', candidate: '', document: '', session: '', item: '', decision: '', notice: '', comment: '' };

  before(async () => {
    t = await createTestApp();
    // A second agency, unrelated to the demo Sở, with its own administrator.
    const otherId = crypto.randomUUID();
    await t.db.insert(units).values({ id: otherId, path: `/${otherId}/`, name: 'Sở Nội vụ tỉnh Lạng Sơn', kind: 'agency', code: 'SNV' });
    await t.db.insert(accounts).values({
      username: 'ngoai',
      displayName: 'Quản trị Sở Nội vụ',
      role: 'admin',
      unitId: otherId,
      passwordHash: await hashPassword('Ngoai-12345'),
      passwordChangedAt: new Date(),
    });
    outsider = await t.login('ngoai', 'Ngoai-12345');
    admin = await t.login('admin');
    ids.unit = t.demo.rootUnitId;
    const people = await admin.get('/api/people?pageSize=1');
    ids.person = people.body.items[0].id;
    const councils = await admin.get('/api/councils');
    ids.council = councils.body.items[0].id;
    ids.member = councils.body.items[0].members[0].id;
    const accs = await admin.get('/api/accounts');
    ids.account = accs.body.items.find((a: { username: string }) => a.username === 'donvi').id;
    const history = await admin.get(`/api/people/${ids.person}/records`);
    rec.honor = history.body.honors[0].id;
    const init = await admin.post('/api/records/initiatives', { title: 'Sáng kiến kiểm tra phạm vi', scope: 'co_so', year: 2024, authorIds: [ids.person] });
    rec.initiative = init.body.id;
    rec.discipline = (await admin.post('/api/records/disciplines', { personId: ids.person, level: 'khien_trach', year: 2020 })).body.id;
    rec.fact = (await admin.post('/api/records/facts', { personId: ids.person, year: 2024, fact: 'nghi_tu_40_ngay' })).body.id;
    pm.plan = (await admin.get('/api/plans')).body.items[0].id;
    pm.task = (await admin.get(`/api/plans/${pm.plan}`)).body.tasks[0].id;
    pm.movement = (await admin.get('/api/movements')).body.items[0].id;
    const [adminAcc] = await t.db.select().from(accounts).where(eq(accounts.username, 'admin'));
    pm.registration = (
      await t.db
        .insert(registrations)
        .values({
          campaignKey: `plan:${pm.plan}`,
          planId: pm.plan,
          year: 2026,
          unitId: ids.unit,
          subjectKind: 'collective',
          subjectUnitId: ids.unit,
          honor: 'TTLDXS',
        })
        .returning()
    )[0]!.id;
    pm.pledge = (
      await t.db
        .insert(pledges)
        .values({
          unitId: ids.unit,
          year: 2026,
          title: 'Giao ước',
          signedDate: '2026-01-10',
          document: Buffer.from('%PDF-1.4'),
          documentName: 'a.pdf',
          documentMime: 'application/pdf',
        })
        .returning()
    )[0]!.id;
    doc.decision = (await buildDecision(t.db, ids.unit, { n: 1 })).decision.id;
    const issued = await admin.post(`/api/decisions/${doc.decision}/certificates`);
    assert.equal(issued.status, 200, JSON.stringify(issued.body));
    doc.certificate = issued.body.items[0].id;
    const reissue = await admin.post('/api/reissue-requests', {
      certificateId: doc.certificate,
      kind: 'cap_lai',
      requesterName: 'Người đề nghị',
      reason: 'Bị mất',
    });
    assert.equal(reissue.status, 201, JSON.stringify(reissue.body));
    doc.reissue = reissue.body.id;
    pm.notification = (await t.db.insert(notifications).values({ accountId: adminAcc!.id, key: 'test-n', title: 'Nhắc', body: 'Nhắc hạn' }).returning())[0]!.id;
    const r = await reviewedDossier(t, 2);
    dp.dossier = r.dossierId;
    dp.candidate = r.candidateIds[0]!;
    dp.session = r.sessionId;
    dp.item = (await admin.get(`/api/sessions/${r.sessionId}`)).body.items[0].id;
    dp.document = (await admin.get(`/api/dossiers/${r.dossierId}`)).body.documents[0].id;
    dp.decision = (
      await (
        await t.login('giamdoc')
      ).post('/api/decisions', { candidateIds: [r.candidateIds[0]], decisionDate: '2021-06-25', signerName: 'Hoàng Văn Thạch', signerTitle: 'Giám đốc Sở' })
    ).body.id;
    dp.notice = (
      await (await t.login('vanphong')).post('/api/notices', { candidateIds: [r.candidateIds[1]], title: 'Công khai danh sách đề nghị', workingDays: 10 })
    ).body.id;
    dp.comment = (await postPublicComment(t.anonymous, dp.notice, { authorName: 'Người dân', content: 'Ý kiến góp ý thử.' })).body.id;
  });
  after(async () => t.close());

  function routes(): { method: string; url: string }[] {
    const spec = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const out: { method: string; url: string }[] = [];
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const m of Object.keys(methods)) out.push({ method: m.toUpperCase(), url: path });
    }
    return out;
  }

  const fill = (url: string) =>
    url
      .replace('/api/units/{id}', `/api/units/${ids.unit}`)
      .replace('/api/people/{id}', `/api/people/${ids.person}`)
      .replace('/api/councils/{id}/members/{memberId}', `/api/councils/${ids.council}/members/${ids.member}`)
      .replace('/api/councils/{id}', `/api/councils/${ids.council}`)
      .replace('/api/accounts/{id}', `/api/accounts/${ids.account}`)
      .replace('/api/plans/{id}/tasks/{taskId}', `/api/plans/${pm.plan}/tasks/${pm.task}`)
      .replace('/api/plans/{id}', `/api/plans/${pm.plan}`)
      .replace('/api/movements/{id}', `/api/movements/${pm.movement}`)
      .replace('/api/registrations/{id}', `/api/registrations/${pm.registration}`)
      .replace('/api/pledges/{id}', `/api/pledges/${pm.pledge}`)
      .replace('/api/notifications/{id}', `/api/notifications/${pm.notification}`)
      .replace('/api/records/honors/{id}', `/api/records/honors/${rec.honor}`)
      .replace('/api/records/initiatives/{id}', `/api/records/initiatives/${rec.initiative}`)
      .replace('/api/records/disciplines/{id}', `/api/records/disciplines/${rec.discipline}`)
      .replace('/api/records/facts/{id}', `/api/records/facts/${rec.fact}`)
      .replace('/ratings/{year}', '/ratings/2024')
      .replace('/api/rules/packs/{regime}', '/api/rules/packs/ND98_2023')
      .replace('/api/templates/{kind}', '/api/templates/to_trinh')
      .replace('/api/decisions/{id}/certificates', `/api/decisions/${doc.decision}/certificates`)
      .replace('/api/certificates/{id}', `/api/certificates/${doc.certificate}`)
      .replace('/api/reissue-requests/{id}', `/api/reissue-requests/${doc.reissue}`)
      .replace('/api/fund/{year}', '/api/fund/2026')
      .replace('/api/public/certificates/{code}', '/api/public/certificates/KHONGCO123')
      .replace('/api/dossiers/{id}/candidates/{candidateId}', `/api/dossiers/${dp.dossier}/candidates/${dp.candidate}`)
      .replace('/api/dossiers/{id}/documents/{documentId}', `/api/dossiers/${dp.dossier}/documents/${dp.document}`)
      .replace('/api/dossiers/{id}', `/api/dossiers/${dp.dossier}`)
      .replace('/api/sessions/{id}/items/{itemId}', `/api/sessions/${dp.session}/items/${dp.item}`)
      .replace('/api/sessions/{id}', `/api/sessions/${dp.session}`)
      .replace('/api/decisions/{id}', `/api/decisions/${dp.decision}`)
      .replace('/api/notices/{id}/comments/{commentId}', `/api/notices/${dp.notice}/comments/${dp.comment}`)
      .replace('/api/notices/{id}', `/api/notices/${dp.notice}`);

  /** Routes with a path parameter that are not records (nothing to hide from another unit). */
  const NOT_RECORDS = new Set([
    'GET /api/rules/packs/{regime}',
    // Template kinds: every unit has each kind (its own, inherited or the default).
    'GET /api/templates/{kind}/download',
    'GET /api/templates/{kind}/preview',
    'GET /api/templates/{kind}/versions',
    'POST /api/templates/{kind}',
    'POST /api/templates/{kind}/revert',
    // The fund of a year is the caller's own unit's (another unit only through unitId, checked in scope).
    'GET /api/fund/{year}',
    'PUT /api/fund/{year}/settings',
    'GET /api/fund/{year}/entries',
    'GET /api/fund/{year}/commitments',
    'POST /api/fund/{year}/sources',
    'POST /api/fund/{year}/payments',
    'POST /api/fund/{year}/organising',
    'GET /api/fund/{year}/ledger.xlsx',
  ]);

  it('lists enough routes to be meaningful', () => {
    assert.ok(routes().length >= 25, `only ${routes().length} routes`);
  });

  it('answers 401 to every non-public route without a session', async () => {
    for (const r of routes()) {
      if (PUBLIC.has(`${r.method} ${r.url}`) || r.url.startsWith('/api/public/')) continue;
      const res = await t.anonymous.request(r.method as 'GET', fill(r.url), r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
      assert.equal(res.status, 401, `${r.method} ${r.url} → ${res.status}`);
      assert.equal(res.body.message, 'Bạn cần đăng nhập để tiếp tục.');
    }
  });

  it("answers 404 to every record route when the record is another unit's", async () => {
    const bodies: Record<string, unknown> = {
      'PUT /api/units/{id}': { name: 'Đổi tên', kind: 'agency' },
      'POST /api/units/{id}/move': { parentId: ids.unit },
      'POST /api/units/{id}/merge': { targetId: ids.unit, effectiveDate: '2025-07-01' },
      'PUT /api/people/{id}': { fullName: 'Tên Mới', unitId: ids.unit, isLeader: false },
      'POST /api/people/{id}/transfer': { toUnitId: ids.unit, effectiveDate: '2025-01-01' },
      'PUT /api/councils/{id}': { termStart: '2024-01-01' },
      'POST /api/councils/{id}/members': { personId: ids.person, position: 'uy_vien' },
      'PUT /api/accounts/{id}': { displayName: 'X Y', role: 'clerk', unitId: ids.unit, active: true },
      'POST /api/accounts/{id}/reset-password': { newPassword: 'MatKhau12345' },
      'PUT /api/people/{id}/ratings/{year}': { rating: 'HTNV' },
      'PUT /api/plans/{id}': { unitId: ids.unit, year: 2026, title: 'Kế hoạch thử' },
      'POST /api/plans/{id}/copy': { unitId: ids.unit, year: 2027 },
      'POST /api/plans/{id}/tasks/{taskId}/progress': { status: 'done', progress: 100 },
      'PUT /api/movements/{id}': { unitId: ids.unit, type: 'thematic', year: 2026, title: 'Phong trào thử', startDate: '2026-01-01', endDate: '2026-12-31' },
      'PUT /api/units/{id}/ratings/{year}': { rating: 'HTNV' },
      'PUT /api/records/honors/{id}': { honor: 'LDTT', year: 2024 },
      'POST /api/records/honors/{id}/revoke': { reason: 'Thử thu hồi' },
      'PUT /api/records/initiatives/{id}': { title: 'Đổi tên', scope: 'co_so', year: 2024, authorIds: [ids.person] },
      'PUT /api/records/disciplines/{id}': { level: 'canh_cao', year: 2020 },
      'POST /api/certificates/{id}/revoke': { reason: 'Thử hủy bỏ' },
      'PUT /api/dossiers/{id}': { title: 'Đổi tên hồ sơ', version: 1 },
      'POST /api/dossiers/{id}/candidates': { subjectKind: 'individual', personId: ids.person, proposedHonor: 'GK' },
      'POST /api/dossiers/{id}/documents': { kind: 'to_trinh', content: 'Tờ trình' },
      'POST /api/dossiers/{id}/return': { reasons: ['Thiếu hồ sơ'] },
      'POST /api/dossiers/{id}/forward': { receiverName: 'UBND tỉnh' },
      'POST /api/dossiers/{id}/higher-decision': {
        numberText: '1/QĐ-UBND',
        decisionDate: '2021-07-01',
        issuerName: 'UBND tỉnh',
        signerName: 'Người Ký',
        signerTitle: 'Chủ tịch',
      },
      'POST /api/sessions/{id}/items': { candidateIds: [dp.candidate] },
      'PUT /api/sessions/{id}/attendance': { presentMemberIds: [] },
      'POST /api/sessions/{id}/ballots': { votes: [{ itemId: dp.item, choice: 'approve' }] },
      'POST /api/sessions/{id}/paper-ballots': { items: [{ itemId: dp.item, approve: 1, reject: 0, abstain: 0 }] },
      'POST /api/decisions/{id}/revoke': { reason: 'Thử hủy bỏ' },
      'POST /api/reissue-requests/{id}/refuse': { answer: 'Thử từ chối' },
      'POST /api/notices/{id}/comments/{commentId}/answer': { answer: 'Trả lời thử' },
      'POST /api/notices/{id}/comments/set-aside': { commentIds: [dp.comment], disposition: 'spam', reason: 'Thử đánh dấu' },
    };
    let checked = 0;
    for (const r of routes()) {
      if (!r.url.includes('{')) continue;
      const key = `${r.method} ${r.url}`;
      if (NOT_RECORDS.has(key) || r.url.startsWith('/api/public/')) continue;
      const res =
        r.method === 'GET'
          ? await outsider.get(fill(r.url))
          : r.method === 'DELETE'
            ? await outsider.del(fill(r.url))
            : r.method === 'PUT'
              ? await outsider.put(fill(r.url), bodies[key] ?? {})
              : await outsider.post(fill(r.url), bodies[key] ?? {});
      assert.equal(res.status, 404, `${key} → ${res.status} ${JSON.stringify(res.body)}`);
      checked++;
    }
    assert.ok(checked >= 15, `checked ${checked}`);
  });

  it("keeps lists to the caller's own tree", async () => {
    const units = await outsider.get('/api/units');
    assert.deepEqual(
      units.body.items.map((u: { name: string }) => u.name),
      ['Sở Nội vụ tỉnh Lạng Sơn'],
    );
    assert.equal((await outsider.get('/api/people')).body.total, 0);
    assert.equal((await outsider.get('/api/councils')).body.items.length, 0);
    const audit = await outsider.get('/api/audit?pageSize=200');
    assert.ok(audit.body.items.every((e: { actorUsername: string }) => e.actorUsername === 'ngoai'));
    // Filtering by a foreign unit is a 404, not an empty page that confirms it exists.
    assert.equal((await outsider.get(`/api/people?unitId=${ids.unit}`)).status, 404);
  });

  it('refuses to create records in another unit (404) and to import into it', async () => {
    assert.equal((await outsider.post('/api/units', { parentId: ids.unit, name: 'Phòng Lạ', kind: 'department' })).status, 404);
    assert.equal((await outsider.post('/api/people', { fullName: 'Người Lạ', unitId: ids.unit, isLeader: false })).status, 404);
    assert.equal((await outsider.post('/api/councils', { unitId: ids.unit, kind: 'tdkt', termStart: '2025-01-01' })).status, 404);
    const xlsx = await makeXlsx([['Họ và tên'], ['Người Lạ']]);
    assert.equal((await outsider.upload('/api/people/import/preview', xlsx, { unitId: ids.unit })).status, 404);
    const [row] = await t.db.select().from(units).where(eq(units.id, ids.unit));
    assert.equal(row!.name, 'Sở Khoa học và Công nghệ tỉnh Cao Bằng');
  });
});

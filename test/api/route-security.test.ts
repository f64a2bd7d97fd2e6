import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { createTestApp, makeXlsx, type Client, type TestApp } from '../helpers/app.js';
import {
  accounts,
  notifications,
  pledges,
  registrations,
  reportRequests,
  reports,
  signingCredentials,
  trustEntries,
  units,
} from '../../src/server/db/schema/index.js';
import { buildDecision } from '../helpers/decisions.js';
import { buildOutsider } from '../helpers/factories.js';
import { reviewedDossier } from '../helpers/dossiers.js';
import { postPublicComment } from '../helpers/notices.js';

/** Routes that answer without a session. */
const PUBLIC = new Set(['GET /api/health', 'GET /api/openapi.json', 'POST /api/auth/login', 'GET /api/public/certificates/{code}']);

const ins = { plan: '', inspection: '', finding: '', course: '', participant: '' };
// A hiệp y request of the demo Sở about the pipeline dossier's candidate, one answer, one address-book entry.
const hy = { consultation: '', answer: '', body: '' };
const inspectionPlanBody = (unitId: string) => ({
  unitId: '00000000-0000-4000-8000-000000000000',
  year: 2026,
  title: 'Kế hoạch kiểm tra thử',
  content: ['Đăng ký thi đua'],
  periodFrom: '2026-05-01',
  periodTo: '2026-06-30',
  team: [{ name: 'Người Kiểm Tra', role: 'Trưởng đoàn' }],
  units: [{ unitId, scheduledFrom: '2026-05-20', scheduledTo: '2026-05-21' }],
});
const findingBody = (ownerUnitId: string) => ({ finding: 'Tồn tại thử', recommendation: 'Kiến nghị thử', dueDate: '2026-07-30', ownerUnitId });
const courseBody = () => ({
  unitId: '00000000-0000-4000-8000-000000000000',
  title: 'Lớp tập huấn thử',
  organiser: 'Sở Nội vụ',
  startDate: '2026-04-10',
  endDate: '2026-04-11',
});

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
  const rp = { request: '', report: '' };
  const dp = { dossier: '', candidate: '', document: '', session: '', item: '', decision: '', notice: '', comment: '' };
  // Initiatives: a round of the demo Sở's initiative council and one application.
  const ini = { round: '', initiative: '', attachment: '' };
  const iniBody = () => ({
    roundId: ini.round,
    kind: 'sang_kien',
    title: 'Sáng kiến kiểm tra phạm vi',
    authors: [{ personId: ids.person, sharePercent: 100 }],
    appliedPlace: 'Sở',
    firstAppliedOn: '2025-03-01',
    novelty: 'Mới',
    application: 'Áp dụng',
    scopeAsked: 'co_so',
  });
  // A cluster kept by the demo Sở, with one member and one meeting.
  const cl = { cluster: '', member: '', meeting: '', task: '' };
  // A petition of the demo agency with an attachment.
  const pt = { petition: '', attachment: '' };
  // An exemplar, a story and a conference of the demo agency.
  const ex = { exemplar: '', story: '', conference: '' };
  // The demo agency's signing credential and trust entry.
  const sg = { credential: '', trust: '' };

  before(async () => {
    t = await createTestApp();
    // A second agency, unrelated to the demo Sở, with its own administrator.
    outsider = await buildOutsider(t);
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
    rp.request = (
      await t.db
        .insert(reportRequests)
        .values({
          unitId: ids.unit,
          kind: 'six_month',
          title: 'Báo cáo thử',
          year: 2026,
          periodFrom: '2026-01-01',
          periodTo: '2026-06-30',
          dueDate: '2099-06-25',
        })
        .returning()
    )[0]!.id;
    rp.report = (await t.db.insert(reports).values({ requestId: rp.request, unitId: ids.unit }).returning())[0]!.id;
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
    const councilSk = councils.body.items.find((c: { kind: string }) => c.kind === 'sang_kien').id;
    const rubric = await admin.post('/api/initiative-rubrics', {
      unitId: ids.unit,
      year: 2025,
      name: 'Thang điểm',
      source: 'Quy chế',
      passMark: 5,
      criteria: [{ key: 'tinh_moi', label: 'Tính mới', maxPoints: 10, levels: [{ points: 10, descriptor: 'Mới' }] }],
    });
    ini.round = (await admin.post('/api/initiative-rounds', { councilId: councilSk, rubricId: rubric.body.id, year: 2025, title: 'Đợt xét thử' })).body.id;
    await admin.post(`/api/initiative-rounds/${ini.round}/open`);
    ini.initiative = (await admin.post('/api/initiatives', iniBody())).body.id;
    ini.attachment = (
      await admin.upload(`/api/initiatives/${ini.initiative}/attachments`, Buffer.from('%PDF-1.4\n%%EOF\n'), {}, 'mo-ta.pdf')
    ).body.attachments[0].id;
    const office = await t.login('vanphong');
    cl.cluster = (await office.post('/api/clusters', { year: 2026, kind: 'cum', name: 'Cụm kiểm tra phạm vi', scale: 100 })).body.id;
    cl.member = (await office.post(`/api/clusters/${cl.cluster}/members`, { name: 'Cơ quan ngoài thử' })).body.id;
    await office.post(`/api/clusters/${cl.cluster}/leaders`, { headMemberId: cl.member, electedOn: '2026-01-10' });
    const meetings = await office.post(`/api/clusters/${cl.cluster}/meetings`, {
      heldOn: '2026-12-10',
      presentMemberIds: [cl.member],
      items: [{ memberId: cl.member, honor: 'CO_BO_TINH' }],
    });
    assert.equal(meetings.status, 200, JSON.stringify(meetings.body));
    cl.meeting = meetings.body.items[0].id;
    const task = await office.post(`/api/clusters/${cl.cluster}/tasks`, { title: 'Nhiệm vụ thử', dueDate: '2026-06-30' });
    assert.equal(task.status, 200, JSON.stringify(task.body));
    cl.task = task.body.tasks[0].id;
    const sent = await (
      await t.login('canhan')
    ).post('/api/petitions', {
      kind: 'kien_nghi',
      title: 'Kiến nghị thử',
      content: 'Nội dung kiến nghị thử phạm vi.',
      attachments: [{ fileName: 'a.pdf', data: Buffer.from('%PDF-1.4').toString('base64') }],
    });
    assert.equal(sent.status, 201, JSON.stringify(sent.body));
    pt.petition = sent.body.id;
    pt.attachment = sent.body.attachments[0].id;
    dp.comment = (await postPublicComment(t.anonymous, dp.notice, { authorName: 'Người dân', content: 'Ý kiến góp ý thử.' })).body.id;
    const sub = (await admin.get('/api/units')).body.items.find((u: { id: string; parentId: string | null }) => u.parentId === ids.unit).id;
    const ip = await admin.post('/api/inspections/plans', { ...inspectionPlanBody(sub), unitId: ids.unit });
    ins.plan = ip.body.id;
    ins.inspection = ip.body.inspections[0].id;
    await admin.post(`/api/inspections/plans/${ins.plan}/approve`);
    ins.finding = (await admin.post(`/api/inspections/${ins.inspection}/findings`, findingBody(sub))).body.findings[0].id;
    ins.course = (await admin.post('/api/trainings', { ...courseBody(), unitId: ids.unit })).body.id;
    ins.participant = (await admin.post(`/api/trainings/${ins.course}/participants`, { personIds: [ids.person] })).body.participants[0].id;
    const exemplar = { unitId: ids.unit, kind: 'model', name: 'Mô hình thử', achievement: 'Thành tích', reason: 'Lý do', discoveredOn: '2024-01-02' };
    ex.exemplar = (await admin.post('/api/exemplars', exemplar)).body.id;
    sg.credential = (await t.db.select().from(signingCredentials).where(eq(signingCredentials.unitId, ids.unit)))[0]!.id;
    sg.trust = (await t.db.select().from(trustEntries).where(eq(trustEntries.unitId, ids.unit)))[0]!.id;
    ex.story = (
      await admin.post('/api/stories', { unitId: ids.unit, title: 'Bài thử', summary: 'Tóm tắt', bodyHtml: '<p>Nội dung</p>', authorName: 'A' })
    ).body.id;
    ex.conference = (
      await admin.post('/api/exemplar-conferences', { unitId: ids.unit, title: 'Hội nghị', heldOn: '2024-05-01', place: 'Sở', exemplarIds: [ex.exemplar] })
    ).body.id;
    hy.body = (await admin.get('/api/consultations/bodies')).body.items[0].id;
    const hyReq = await admin.post('/api/consultations', { dossierId: dp.dossier, candidateIds: [dp.candidate], bodyIds: [hy.body] });
    assert.equal(hyReq.status, 201, JSON.stringify(hyReq.body));
    hy.consultation = hyReq.body.id;
    hy.answer = hyReq.body.answers[0].id;
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
      .replace('/api/inspections/plans/{id}', `/api/inspections/plans/${ins.plan}`)
      .replace('/api/consultations/bodies/{id}', `/api/consultations/bodies/${hy.body}`)
      .replace('/api/consultations/{id}/answers/{answerId}', `/api/consultations/${hy.consultation}/answers/${hy.answer}`)
      .replace('/api/consultations/{id}', `/api/consultations/${hy.consultation}`)
      .replace('/api/inspections/{id}/findings/{findingId}', `/api/inspections/${ins.inspection}/findings/${ins.finding}`)
      .replace('/api/inspections/{id}', `/api/inspections/${ins.inspection}`)
      .replace('/api/trainings/{id}/participants/{participantId}', `/api/trainings/${ins.course}/participants/${ins.participant}`)
      .replace('/api/trainings/{id}', `/api/trainings/${ins.course}`)
      .replace('/api/import-jobs/{id}', '/api/import-jobs/00000000-0000-4000-8000-000000000000')
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
      .replace('/api/statistics/forms/{code}', '/api/statistics/forms/0601')
      .replace('/api/public/certificates/{code}', '/api/public/certificates/KHONGCO123')
      .replace('/initiatives/{initiativeId}', `/initiatives/${rec.initiative}`)
      .replace('/score-sheets/{personId}', `/score-sheets/${ids.person}`)
      .replace('/api/signed-documents/{kind}/{id}', `/api/signed-documents/to_trinh/${dp.dossier}`)
      .replace('/api/dossiers/{id}/candidates/{candidateId}', `/api/dossiers/${dp.dossier}/candidates/${dp.candidate}`)
      .replace('/api/dossiers/{id}/documents/{documentId}', `/api/dossiers/${dp.dossier}/documents/${dp.document}`)
      .replace('/api/dossiers/{id}', `/api/dossiers/${dp.dossier}`)
      .replace('/api/sessions/{id}/items/{itemId}', `/api/sessions/${dp.session}/items/${dp.item}`)
      .replace('/api/sessions/{id}', `/api/sessions/${dp.session}`)
      .replace('/api/decisions/{id}', `/api/decisions/${dp.decision}`)
      .replace('/api/notices/{id}/comments/{commentId}', `/api/notices/${dp.notice}/comments/${dp.comment}`)
      .replace('/api/notices/{id}', `/api/notices/${dp.notice}`)
      .replace('/api/report-requests/{id}', `/api/report-requests/${rp.request}`)
      .replace('/api/reports/{id}', `/api/reports/${rp.report}`)
      .replace('/api/initiative-rounds/{id}', `/api/initiative-rounds/${ini.round}`)
      .replace('/api/initiatives/{id}/attachments/{attachmentId}', `/api/initiatives/${ini.initiative}/attachments/${ini.attachment}`)
      .replace('/api/initiatives/{id}', `/api/initiatives/${ini.initiative}`)
      .replace('/api/clusters/{id}/members/{memberId}', `/api/clusters/${cl.cluster}/members/${cl.member}`)
      .replace('/api/clusters/{id}/tasks/{taskId}', `/api/clusters/${cl.cluster}/tasks/${cl.task}`)
      .replace('/api/clusters/{id}/scoring/members/{memberId}', `/api/clusters/${cl.cluster}/scoring/members/${cl.member}`)
      .replace('/api/clusters/{id}/reports/{memberId}', `/api/clusters/${cl.cluster}/reports/${cl.member}`)
      .replace('/api/clusters/{id}/meetings/{meetingId}', `/api/clusters/${cl.cluster}/meetings/${cl.meeting}`)
      .replace('/api/clusters/{id}', `/api/clusters/${cl.cluster}`)
      .replace('/api/petitions/{id}/attachments/{attachmentId}', `/api/petitions/${pt.petition}/attachments/${pt.attachment}`)
      .replace('/api/petitions/{id}', `/api/petitions/${pt.petition}`)
      .replace('/api/exemplars/{id}', `/api/exemplars/${ex.exemplar}`)
      .replace('/api/stories/{id}/images/{imageId}', `/api/stories/${ex.story}/images/${crypto.randomUUID()}`)
      .replace('/api/stories/{id}', `/api/stories/${ex.story}`)
      .replace('/api/exemplar-conferences/{id}', `/api/exemplar-conferences/${ex.conference}`)
      .replace('/api/publication/decisions/{id}', `/api/publication/decisions/${doc.decision}`)
      .replace('/api/signing/credentials/{id}', `/api/signing/credentials/${sg.credential}`)
      .replace('/api/signing/trust/{id}', `/api/signing/trust/${sg.trust}`)
      .replace('/api/public/signing/{token}', '/api/public/signing/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')
      .replace(/\/candidates\/eligible$/, '/candidates/eligible?honor=LDTT')
      .replace('/list-votes/{listId}', '/list-votes/00000000-0000-4000-8000-000000000000');

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
    // A statistical form is computed over the caller's own subtree (the code names a form, not a record).
    'GET /api/statistics/forms/{code}',
    'GET /api/statistics/forms/{code}/export.xlsx',
    'GET /api/statistics/forms/{code}/cells',
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
      'PUT /api/inspections/plans/{id}': inspectionPlanBody(ids.unit),
      'POST /api/decisions/{id}/sign': { type: 'approve', credentialId: sg.credential },
      'POST /api/signed-documents/{kind}/{id}/sign': { step: 'sign', credentialId: sg.credential },
      'POST /api/decisions/{id}/sign/external': { type: 'approve', credentialId: sg.credential },
      'POST /api/decisions/{id}/certificates/sign': { type: 'approve', credentialId: sg.credential },
      'POST /api/decisions/{id}/copy': { credentialId: sg.credential },
      'POST /api/inspections/{id}/findings': findingBody(ids.unit),
      'POST /api/inspections/{id}/conclude': { inspectedDate: '2026-05-20', conclusion: 'Kết luận thử' },
      'POST /api/inspections/{id}/findings/{findingId}/follow-up': { report: 'Đã khắc phục' },
      'POST /api/inspections/{id}/findings/{findingId}/review': { accepted: true },
      'PUT /api/trainings/{id}': courseBody(),
      'POST /api/trainings/{id}/participants': { personIds: [ids.person] },
      'PUT /api/trainings/{id}/participants/{participantId}': { attendance: 'attended' },
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
      'PUT /api/dossiers/{id}/regime-date': { regimeDate: '2021-12-20', version: 1 },
      'POST /api/dossiers/{id}/candidates/bulk': { source: 'eligible', honor: 'LDTT' },
      'POST /api/sessions/{id}/list-votes': { honor: 'LDTT', dossierIds: [dp.dossier] },
      'POST /api/sessions/{id}/list-votes/{listId}/result': { approve: 1, reject: 0, abstain: 0 },
      'PUT /api/sessions/{id}/list-votes/{listId}/result': { approve: 1, reject: 0, abstain: 0 },
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
      'PUT /api/dossiers/{id}/candidates/{candidateId}/achievement-report': { version: 0, content: { hinhThucDeNghi: 'Giấy khen' } },
      'POST /api/dossiers/{id}/candidates/{candidateId}/achievement-report/attach': { version: 0 },
      'POST /api/sessions/{id}/items': { candidateIds: [dp.candidate] },
      'PUT /api/sessions/{id}/attendance': { presentMemberIds: [] },
      'PUT /api/sessions/{id}': { title: 'Phiên họp khác', meetingDate: '2025-06-22', version: 1 },
      'POST /api/sessions/{id}/cancel': { reason: 'Lý do hủy phiên họp' },
      'POST /api/sessions/{id}/ballots': { votes: [{ itemId: dp.item, choice: 'approve' }] },
      'POST /api/sessions/{id}/paper-ballots': { items: [{ itemId: dp.item, approve: 1, reject: 0, abstain: 0 }] },
      'PUT /api/sessions/{id}/minutes': { chairMemberId: dp.session, secretaryMemberId: dp.session, countingBoard: [dp.session], agenda: [], version: 1 },
      'POST /api/decisions/{id}/revoke': { reason: 'Thử hủy bỏ' },
      'PUT /api/decisions/{id}/external': { version: 1 },
      'PUT /api/reports/{id}': { version: 1, narrative: {}, typed: {} },
      'POST /api/reports/{id}/submit': { version: 1 },
      'POST /api/reports/{id}/receive': { version: 1 },
      'POST /api/reports/{id}/return': { version: 1, reason: 'Thiếu số liệu' },
      'POST /api/reports/{id}/extend': { until: '2099-12-31' },
      'POST /api/reissue-requests/{id}/refuse': { answer: 'Thử từ chối' },
      'POST /api/notices/{id}/comments/{commentId}/answer': { answer: 'Trả lời thử' },
      'PUT /api/initiatives/{id}': iniBody(),
      'POST /api/initiatives/{id}/assignments': { personIds: [ids.person] },
      'POST /api/initiatives/{id}/conflicts': { kind: 'family' },
      'POST /api/initiatives/{id}/scores': { points: { tinh_moi: 5 }, approve: true },
      'POST /api/initiatives/{id}/recognise': { decisionDate: '2025-10-20', signerName: 'Người Ký', signerTitle: 'Giám đốc' },
      'POST /api/initiatives/{id}/higher-recognition': { scope: 'bo_tinh', decisionNumber: '1/QĐ-UBND', decisionDate: '2025-12-01', issuer: 'UBND tỉnh' },
      'POST /api/initiative-rounds/{id}/recognition': {
        initiativeIds: [ini.initiative],
        decisionDate: '2025-10-20',
        signerName: 'Người Ký',
        signerTitle: 'Giám đốc',
      },
      'PUT /api/initiative-rounds/{id}': { councilId: ids.unit, rubricId: ids.unit, year: 2025, title: 'Đổi tên' },
      'POST /api/dossiers/{id}/initiatives': { candidateId: dp.candidate, initiativeId: rec.initiative },
      'POST /api/initiatives/{id}/refuse': { reason: 'Thử không công nhận' },
      'PUT /api/clusters/{id}': { name: 'Đổi tên', scale: 100, version: 1 },
      'POST /api/clusters/{id}/members': { name: 'Cơ quan khác' },
      'POST /api/clusters/{id}/leaders': { headMemberId: cl.member, electedOn: '2026-01-10' },
      'PUT /api/clusters/{id}/pledge': { commonTargets: [], memberTargets: [] },
      'PUT /api/clusters/{id}/scoring': { scale: 100, version: 1, criteria: [] },
      'POST /api/clusters/{id}/scoring/members/{memberId}': { entries: [{ criterionId: cl.member, points: 1 }] },
      'POST /api/clusters/{id}/scoring/members/{memberId}/adjust': { criterionId: cl.member, points: 1, reason: 'Thử' },
      'POST /api/clusters/{id}/reports/{memberId}': { period: 'h1' },
      'POST /api/clusters/{id}/meetings': { heldOn: '2026-12-10', presentMemberIds: [], items: [] },
      'POST /api/clusters/{id}/meetings/{meetingId}/ballots': { memberId: cl.member, choices: [{ itemId: cl.member, choice: 'approve' }] },
      'POST /api/clusters/{id}/meetings/{meetingId}/paper': { itemId: cl.member, counts: { approve: 0, reject: 0, abstain: 0 } },
      'PUT /api/clusters/{id}/checkers': { assignments: [] },
      'POST /api/clusters/{id}/tasks': { title: 'Nhiệm vụ khác', dueDate: '2026-07-30' },
      'PUT /api/clusters/{id}/tasks/{taskId}': { title: 'Nhiệm vụ sửa', dueDate: '2026-07-30', version: 1 },
      'POST /api/clusters/{id}/tasks/{taskId}/close': { version: 1, outcome: 'done' },
      'POST /api/clusters/{id}/head-reports': { period: 'h1' },
      'PUT /api/clusters/{id}/head-report-dues': { h1: '2026-07-10', year: '2026-12-15', version: 1 },
      'POST /api/notices/{id}/comments/set-aside': { commentIds: [dp.comment], disposition: 'spam', reason: 'Thử đánh dấu' },
      'POST /api/notices/{id}/replace': { title: 'Thông báo thay thế thử', workingDays: 10 },
      'POST /api/notices/{id}/withdraw': { reason: 'Thử thu hồi' },
      'POST /api/petitions/{id}/assign': { handlerId: ids.account },
      'POST /api/petitions/{id}/request-info': { text: 'Bổ sung thử' },
      'POST /api/petitions/{id}/reply': { text: 'Bổ sung thử' },
      'POST /api/petitions/{id}/answer': { answer: 'Trả lời thử đơn.' },
      'POST /api/exemplars/{id}/nurture': { stepDate: '2024-02-01', owner: 'Văn phòng', content: 'Hỗ trợ' },
      'POST /api/exemplars/{id}/spread': { stepDate: '2024-02-01', owner: 'Văn phòng', content: 'Nhân rộng' },
      'POST /api/exemplars/{id}/sum-up': { summedUpOn: '2024-02-01', assessment: 'Tốt' },
      'PUT /api/exemplars/{id}': { kind: 'model', name: 'Mô hình', achievement: 'Thành tích', reason: 'Lý do', discoveredOn: '2024-01-02', version: 1 },
      'POST /api/exemplars/{id}/cancel': { reason: 'Thử hủy' },
      'POST /api/exemplars/{id}/restore': { reason: 'Thử khôi phục' },
      'PUT /api/exemplar-conferences/{id}': { title: 'Hội nghị', heldOn: '2024-05-01', place: 'Sở', exemplarIds: [ex.exemplar], version: 1 },
      'POST /api/exemplar-conferences/{id}/cancel': { reason: 'Thử hủy' },
      'PUT /api/stories/{id}/images/{imageId}': { caption: 'Chú thích' },
      'PUT /api/stories/{id}': { unitId: ids.unit, title: 'Bài', summary: 'Tóm tắt', bodyHtml: '<p>x</p>', authorName: 'A' },
      'POST /api/publication/decisions/{id}/take-off': { reason: 'Thử gỡ' },
      'POST /api/publication/decisions/{id}/restore': { reason: 'Thử đăng lại' },
      'PUT /api/consultations/bodies/{id}': { kind: 'cong_an', name: 'Công an thử' },
      'POST /api/consultations/{id}/answers': { answerId: hy.answer, answer: 'agree', answeredOn: '2026-01-05' },
      'POST /api/consultations/{id}/cancel': { reason: 'Thử hủy' },
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

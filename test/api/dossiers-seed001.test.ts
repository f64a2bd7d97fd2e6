/**
 * Seed 001 end to end (Sở KH&CN Cao Bằng, 2021): units submit by 18/6, a late one is refused,
 * the Office returns one dossier for a missing achievement report, the council votes (secret
 * ballot), the director decides Giấy khen, one nominee goes up for Bằng khen tỉnh and the quota
 * of 01 stops a second.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type Client, type TestApp } from '../helpers/app.js';
import { PDF, PNG, clerkFor, completeDocuments, ok, personByName, seed001Movement, staffOf, unitByCode } from '../helpers/dossiers.js';
import { setClock } from '../../src/server/clock.js';
import { decisionCounters, honorAwards } from '../../src/server/db/schema/index.js';
import { subjectFor } from '../../src/server/repositories/dossiers.js';

describe('seed 001: the nomination pipeline end to end', () => {
  let t: TestApp;
  let office: Client, donvi: Client, qlkh: Client, chicuc: Client, giamdoc: Client;
  let movementId: string;
  const ids = { a: '', b: '', c: '', phuong: '', mai: '', kt: '', x: '', y: '', xName: '', wrongDoc: '', session: '', decision: '', upward: '' };

  before(async () => {
    t = await createTestApp();
    setClock('2021-06-01');
    office = await t.login('vanphong');
    donvi = await t.login('donvi');
    giamdoc = await t.login('giamdoc');
    qlkh = await clerkFor(t, 'qlkh', 'QLKH');
    chicuc = await clerkFor(t, 'chicuc', 'CCTĐC');
    movementId = await seed001Movement(t);
  });
  after(async () => {
    setClock(null);
    await t.close();
  });

  it('the Office sets the deadline of 18/6/2021', async () => {
    ok(await office.post('/api/dossiers/deadlines', { movementId, dueDate: '2021-06-18' }));
    assert.equal((await donvi.post('/api/dossiers/deadlines', { movementId, dueDate: '2021-06-30' })).status, 403);
  });

  it('Trung tâm Ứng dụng builds its dossier; submitting is refused until complete', async () => {
    setClock('2021-06-10');
    const d = await donvi.post('/api/dossiers', {
      movementId,
      type: 'chuyen_de',
      year: 2021,
      title: 'Đề nghị khen thưởng đợt thi đua chào mừng 80 năm Ngày Bác Hồ về nước',
    });
    ok(d, 201);
    ids.a = d.body.id;
    assert.equal(d.body.status, 'draft');
    const phuong = await personByName(t, 'Lý Thị Phương');
    const mai = await personByName(t, 'Hà Thị Mai');
    const kt = await unitByCode(t, 'KTUD');
    const c1 = await donvi.post(`/api/dossiers/${ids.a}/candidates`, {
      subjectKind: 'individual',
      personId: phuong.id,
      proposedHonor: 'GK',
      achievement: 'Tham mưu tổ chức các hoạt động kỷ niệm.',
    });
    ok(c1, 201);
    ids.phuong = c1.body.id;
    assert.equal(c1.body.positionText, 'Kỹ sư nông nghiệp, Trung tâm Ứng dụng tiến bộ khoa học và công nghệ');
    const c2 = await donvi.post(`/api/dossiers/${ids.a}/candidates`, { subjectKind: 'individual', personId: mai.id, proposedHonor: 'BK_BO_TINH' });
    ok(c2, 201);
    ids.mai = c2.body.id;
    const c3 = await donvi.post(`/api/dossiers/${ids.a}/candidates`, { subjectKind: 'collective', unitId: kt.id, proposedHonor: 'GK' });
    ok(c3, 201);
    ids.kt = c3.body.id;
    // The movement offers only Bằng khen tỉnh and Giấy khen.
    const lđtt = await donvi.post(`/api/dossiers/${ids.a}/candidates`, { subjectKind: 'individual', personId: phuong.id, proposedHonor: 'CSTDCS' });
    assert.equal(lđtt.status, 400);
    assert.match(lđtt.body.message, /chỉ xét các hình thức: Bằng khen bộ, ban, ngành, tỉnh, Giấy khen/);

    const refused = await donvi.post(`/api/dossiers/${ids.a}/submit`);
    assert.equal(refused.status, 400);
    assert.match(refused.body.message, /Còn thiếu: Tờ trình đề nghị khen thưởng; Biên bản họp xét/);
    assert.match(refused.body.message, /Báo cáo thành tích của Lý Thị Phương/);
    const det = (await donvi.get(`/api/dossiers/${ids.a}`)).body;
    assert.equal(det.checklist.complete, false);
    assert.equal(det.status, 'draft');

    await completeDocuments(donvi, ids.a);
    const sub = await donvi.post(`/api/dossiers/${ids.a}/submit`);
    ok(sub);
    assert.equal(sub.body.status, 'submitted');
    assert.equal(sub.body.revision, 1);
    assert.deepEqual(sub.body.versions[0].changes, ['Nộp lần đầu: 3 đề nghị, 5 tài liệu']);
    assert.equal(sub.body.editable, false);
    // A submitted dossier is frozen for the unit.
    assert.equal((await donvi.put(`/api/dossiers/${ids.a}`, { title: 'Sửa sau khi nộp', version: sub.body.version })).status, 409);
  });

  it('Phòng Quản lý khoa học submits, with one report that is not really a report', async () => {
    const qlkhUnit = await unitByCode(t, 'QLKH');
    const [x, y] = await staffOf(t, qlkhUnit.id);
    const d = await qlkh.post('/api/dossiers', { movementId, type: 'chuyen_de', year: 2021, title: 'Đề nghị khen thưởng của Phòng Quản lý khoa học' });
    ok(d, 201);
    ids.b = d.body.id;
    const cx = await qlkh.post(`/api/dossiers/${ids.b}/candidates`, { subjectKind: 'individual', personId: x!.id, proposedHonor: 'GK' });
    const cy = await qlkh.post(`/api/dossiers/${ids.b}/candidates`, { subjectKind: 'individual', personId: y!.id, proposedHonor: 'BK_BO_TINH' });
    ids.x = cx.body.id;
    ids.y = cy.body.id;
    ids.xName = x!.fullName;
    ok(await qlkh.post(`/api/dossiers/${ids.b}/documents`, { kind: 'to_trinh', content: 'Tờ trình của Phòng.' }), 201);
    ok(await qlkh.post(`/api/dossiers/${ids.b}/documents`, { kind: 'bien_ban_hop_xet', content: 'Biên bản họp Phòng.', voteResult: '6/6 đồng ý' }), 201);
    ok(await qlkh.post(`/api/dossiers/${ids.b}/documents`, { kind: 'bao_cao_thanh_tich', candidateId: ids.y, content: 'Báo cáo thành tích.' }), 201);
    // A file named .pdf that is text is refused by its content; a real image is accepted (it is the wrong paper).
    const fake = await qlkh.upload(
      `/api/dossiers/${ids.b}/documents/upload`,
      Buffer.from('day khong phai pdf'),
      { kind: 'bao_cao_thanh_tich', candidateId: ids.x },
      'bao-cao.pdf',
    );
    assert.equal(fake.status, 400);
    assert.match(fake.body.message, /Chỉ nhận tệp PDF, Word/);
    const img = await qlkh.upload(`/api/dossiers/${ids.b}/documents/upload`, PNG, { kind: 'bao_cao_thanh_tich', candidateId: ids.x }, 'anh-chup.png');
    ok(img, 201);
    ids.wrongDoc = img.body.id;
    ok(await qlkh.post(`/api/dossiers/${ids.b}/submit`));
    // Clerks see only their own unit's dossiers.
    assert.equal((await donvi.get(`/api/dossiers/${ids.b}`)).status, 404);
    assert.equal((await qlkh.get(`/api/dossiers/${ids.a}`)).status, 404);
  });

  it('Chi cục submits after 18/6 and is refused; an extension, recorded, lets it in', async () => {
    setClock('2021-06-21');
    const cc = await unitByCode(t, 'CCTĐC');
    const [p] = await staffOf(t, cc.id);
    const d = await chicuc.post('/api/dossiers', { movementId, type: 'chuyen_de', year: 2021, title: 'Đề nghị khen thưởng của Chi cục' });
    ids.c = d.body.id;
    ok(await chicuc.post(`/api/dossiers/${ids.c}/candidates`, { subjectKind: 'individual', personId: p!.id, proposedHonor: 'GK' }), 201);
    await completeDocuments(chicuc, ids.c);
    const late = await chicuc.post(`/api/dossiers/${ids.c}/submit`);
    assert.equal(late.status, 400);
    assert.match(late.body.message, /Đã quá hạn nộp hồ sơ \(hạn 18\/06\/2021\)/);
    assert.equal((await chicuc.get(`/api/dossiers/${ids.c}`)).body.status, 'draft');
    // The Office does not even see a unit's draft.
    assert.equal((await office.get(`/api/dossiers/${ids.c}`)).status, 404);
    ok(
      await office.post('/api/dossiers/extensions', {
        movementId,
        unitId: cc.id,
        until: '2021-06-22',
        reason: 'Đơn vị có cán bộ đi công tác dài ngày, đề nghị bằng văn bản ngày 17/6',
      }),
      201,
    );
    const inTime = await chicuc.post(`/api/dossiers/${ids.c}/submit`);
    ok(inTime);
    const exts = await office.get(`/api/dossiers/extensions?movementId=${movementId}`);
    assert.equal(exts.body.items[0].reason, 'Đơn vị có cán bộ đi công tác dài ngày, đề nghị bằng văn bản ngày 17/6');
  });

  it("the Office's inbox lists what was submitted to it", async () => {
    const inbox = await office.get('/api/dossiers?box=inbox');
    ok(inbox);
    assert.deepEqual(new Set(inbox.body.items.map((d: { id: string }) => d.id)), new Set([ids.a, ids.b, ids.c]));
    assert.ok(inbox.body.items.every((d: { actions: string[] }) => d.actions.includes('receive') && d.actions.includes('return')));
  });

  it('the Office returns B for a missing achievement report; the unit fixes and resubmits; versions are kept', async () => {
    ok(await office.post(`/api/dossiers/${ids.a}/receive`));
    const ret = await office.post(`/api/dossiers/${ids.b}/return`, {
      reasons: [`Thiếu báo cáo thành tích của ${ids.xName} (tệp đính kèm là ảnh chụp, không phải báo cáo).`],
    });
    ok(ret);
    assert.equal(ret.body.status, 'returned');
    const seen = (await qlkh.get(`/api/dossiers/${ids.b}`)).body;
    assert.equal(seen.status, 'returned');
    assert.match(seen.returnReasons[0], /Thiếu báo cáo thành tích/);
    assert.equal(seen.editable, true);
    ok(await qlkh.del(`/api/dossiers/${ids.b}/documents/${ids.wrongDoc}`));
    ok(
      await qlkh.upload(
        `/api/dossiers/${ids.b}/documents/upload`,
        PDF,
        { kind: 'bao_cao_thanh_tich', candidateId: ids.x, title: 'Báo cáo thành tích (Mẫu 07)' },
        'bao-cao-thanh-tich.pdf',
      ),
      201,
    );
    // Past the deadline, but a returned dossier is the Office's request: accepted.
    const re = await qlkh.post(`/api/dossiers/${ids.b}/submit`);
    ok(re);
    assert.equal(re.body.revision, 2);
    assert.equal(re.body.versions.length, 2);
    assert.ok(
      re.body.versions[1].changes.some((c: string) => c.includes('Báo cáo thành tích (Mẫu 07)')),
      JSON.stringify(re.body.versions[1].changes),
    );
    assert.ok(re.body.versions[1].changes.some((c: string) => c.startsWith('Bỏ tài liệu')));
    // The uploaded file comes back byte for byte.
    const doc = re.body.documents.find((x: { fileName: string | null }) => x.fileName === 'bao-cao-thanh-tich.pdf');
    const file = await office.get(`/api/dossiers/${ids.b}/documents/${doc.id}/file`);
    assert.equal(file.status, 200);
    assert.equal(file.headers['content-type'], 'application/pdf');
    ok(await office.post(`/api/dossiers/${ids.b}/receive`));
  });

  it('the Office appraises each candidate with the rule engine', async () => {
    for (const [d, c] of [
      [ids.a, ids.phuong],
      [ids.a, ids.mai],
      [ids.a, ids.kt],
      [ids.b, ids.x],
      [ids.b, ids.y],
    ] as const) {
      const r = await office.post(`/api/dossiers/${d}/candidates/${c}/appraise`, { note: 'Hồ sơ đủ thành phần, thành tích phù hợp tiêu chuẩn của Kế hoạch.' });
      ok(r);
      assert.ok(r.body.appraisal, 'engine result kept');
      assert.ok(Array.isArray(r.body.appraisal.reasons));
    }
    assert.equal((await office.get(`/api/dossiers/${ids.a}`)).body.status, 'appraising');
    // The unit cannot withdraw once received.
    assert.equal((await donvi.post(`/api/dossiers/${ids.a}/withdraw`)).status, 409);
  });

  it('the council session: agenda, attendance, conflicts, secret ballot, tally against total members, minutes', async () => {
    const councils = (await office.get('/api/councils')).body.items as { id: string; kind: string; members: { id: string; fullName: string }[] }[];
    const hd = councils.find((c) => c.kind === 'tdkt')!;
    const s = await office.post('/api/sessions', {
      councilId: hd.id,
      title: 'Phiên họp Hội đồng TĐKT Sở xét khen thưởng đợt thi đua',
      meetingDate: '2021-06-22',
      location: 'Phòng họp Sở',
      candidateIds: [ids.phuong, ids.mai, ids.kt, ids.x, ids.y],
    });
    ok(s, 201);
    ids.session = s.body.id;
    assert.equal((await office.get(`/api/dossiers/${ids.a}`)).body.status, 'in_council');
    // Nông Thị Hạnh is absent: 5 of 6 present (quorum 4).
    const hanh = s.body.attendance.find((a: { fullName: string }) => a.fullName === 'Nông Thị Hạnh');
    ok(
      await office.put(`/api/sessions/${ids.session}/attendance`, {
        presentMemberIds: s.body.attendance.filter((a: { memberId: string }) => a.memberId !== hanh.memberId).map((a: { memberId: string }) => a.memberId),
      }),
    );
    // No voting before the session opens.
    const hoidong = await t.login('hoidong');
    const early = await hoidong.post(`/api/sessions/${ids.session}/ballots`, { votes: [{ itemId: s.body.items[0].id, choice: 'approve' }] });
    assert.equal(early.status, 409);
    const opened = await office.post(`/api/sessions/${ids.session}/open`);
    ok(opened);
    assert.equal(opened.body.totalMembers, 6);
    // Lục Văn Hùng directs Trung tâm Ứng dụng: recused on its three nominations.
    const item = (cid: string) => opened.body.items.find((i: { candidate: { id: string } }) => i.candidate.id === cid);
    for (const cid of [ids.phuong, ids.mai, ids.kt])
      assert.deepEqual(
        item(cid).conflicts.map((c: { fullName: string; recused: boolean }) => [c.fullName, c.recused]),
        [['Lục Văn Hùng', true]],
      );
    assert.equal(item(ids.x).conflicts.length, 0);

    const vote = (c: Client, choices: Record<string, 'approve' | 'reject' | 'abstain'>) =>
      c.post(`/api/sessions/${ids.session}/ballots`, { votes: Object.entries(choices).map(([cid, choice]) => ({ itemId: item(cid).id, choice })) });
    const all = (choice: 'approve' | 'reject') => ({ [ids.phuong]: choice, [ids.mai]: choice, [ids.kt]: choice, [ids.x]: choice, [ids.y]: choice });
    ok(await vote(hoidong, { ...all('approve'), [ids.kt]: 'reject' }));
    ok(await vote(giamdoc, all('approve')));
    ok(await vote(office, all('approve')));
    const twice = await vote(hoidong, { [ids.x]: 'approve' });
    assert.equal(twice.status, 409);
    assert.match(twice.body.message, /mỗi thành viên chỉ bỏ phiếu một lần/);
    assert.equal(
      (await (await t.login('canhan')).post(`/api/sessions/${ids.session}/ballots`, { votes: [{ itemId: item(ids.x).id, choice: 'approve' }] })).status,
      403,
    );
    // While open nobody sees a running tally, only how many have voted.
    const during = (await hoidong.get(`/api/sessions/${ids.session}`)).body;
    assert.ok(during.items.every((i: { result: unknown; iVoted: boolean }) => i.result === null && i.iVoted));
    // Paper ballots of the members present who did not vote online: Bế Thị Thu Hà (all), Lục Văn Hùng (only B's).
    const paper = [ids.phuong, ids.mai, ids.kt].map((cid) => ({ itemId: item(cid).id, approve: 1, reject: 0, abstain: 0 }));
    paper.push(...[ids.x, ids.y].map((cid) => ({ itemId: item(cid).id, approve: 2, reject: 0, abstain: 0 })));
    // Too many paper ballots for A's items (eligible 4 = 5 present − 1 recused) is refused.
    const tooMany = await office.post(`/api/sessions/${ids.session}/paper-ballots`, {
      items: [{ itemId: item(ids.phuong).id, approve: 2, reject: 0, abstain: 0 }],
    });
    assert.equal(tooMany.status, 400);
    ok(await office.post(`/api/sessions/${ids.session}/paper-ballots`, { items: paper }));
    const closed = await office.post(`/api/sessions/${ids.session}/close`);
    ok(closed);
    const res = (cid: string) => closed.body.items.find((i: { candidate: { id: string } }) => i.candidate.id === cid).result;
    assert.equal(res(ids.phuong).approve, 4);
    assert.equal(res(ids.phuong).passed, true, 'Giấy khen: more than half of 6 members = 4');
    assert.equal(res(ids.kt).approve, 3);
    assert.equal(res(ids.kt).passed, false, '3 of 4 voters approved, but only 3 of 6 members');
    assert.equal(res(ids.x).approve, 5);
    // Results are frozen: no more votes.
    assert.equal((await vote(await t.login('hoidong'), { [ids.x]: 'approve' })).status, 409);
    assert.equal((await office.post(`/api/sessions/${ids.session}/paper-ballots`, { items: paper })).status, 409);
    const minutes = await office.get(`/api/sessions/${ids.session}/minutes.docx`);
    assert.equal(minutes.status, 200);
    assert.equal(minutes.body.slice(0, 2), 'PK');
    assert.equal((await office.get(`/api/dossiers/${ids.a}`)).body.status, 'reviewed');
  });

  it('the director decides Giấy khen within his authority; Bằng khen tỉnh is not his to decide', async () => {
    const ready = await giamdoc.get('/api/decisions/ready');
    ok(ready);
    assert.deepEqual(new Set(ready.body.items.map((c: { id: string }) => c.id)), new Set([ids.phuong, ids.mai, ids.x, ids.y]));
    const beyond = await giamdoc.post('/api/decisions', {
      candidateIds: [ids.mai],
      decisionDate: '2021-06-25',
      signerName: 'Hoàng Văn Thạch',
      signerTitle: 'Giám đốc Sở Khoa học và Công nghệ',
    });
    assert.equal(beyond.status, 400);
    assert.match(beyond.body.message, /không có thẩm quyền quyết định tặng Bằng khen bộ, ban, ngành, tỉnh.*Trình cấp trên/);
    assert.equal(
      (await office.post('/api/decisions', { candidateIds: [ids.phuong], decisionDate: '2021-06-25', signerName: 'X Y', signerTitle: 'Z W' })).status,
      403,
    );
    const d = await giamdoc.post('/api/decisions', {
      candidateIds: [ids.phuong, ids.x],
      decisionDate: '2021-06-25',
      signerName: 'Hoàng Văn Thạch',
      signerTitle: 'Giám đốc Sở Khoa học và Công nghệ',
    });
    ok(d, 201);
    ids.decision = d.body.id;
    assert.equal(d.body.numberText, '1/QĐ-SKHCN');
    assert.equal(d.body.regime, 'ND91_2017');
    // 0.3 × 1,490,000 = 447,000 → rounded up to 450,000 (NĐ 91/2017).
    assert.deepEqual(
      d.body.awardees.map((a: { amount: number }) => a.amount),
      [450000, 450000],
    );
    assert.equal(d.body.totalAmount, 900000);
    const phuong = await personByName(t, 'Lý Thị Phương');
    const [award] = await t.db
      .select()
      .from(honorAwards)
      .where(and(eq(honorAwards.personId, phuong.id), eq(honorAwards.honor, 'GK')));
    assert.equal(award?.decisionNumber, '1/QĐ-SKHCN');
    assert.equal(award?.source, 'decision');
    assert.equal(award?.year, 2021);
    const docx = await giamdoc.get(`/api/decisions/${ids.decision}/docx`);
    assert.equal(docx.status, 200);
    assert.equal(docx.body.slice(0, 2), 'PK');
    // Deciding the same candidate twice is refused.
    assert.equal(
      (
        await giamdoc.post('/api/decisions', {
          candidateIds: [ids.phuong],
          decisionDate: '2021-06-25',
          signerName: 'Hoàng Văn Thạch',
          signerTitle: 'Giám đốc Sở',
        })
      ).status,
      409,
    );
    const [counter] = await t.db.select().from(decisionCounters);
    assert.equal(counter?.lastNumber, 1);
    const register = await giamdoc.get('/api/decisions');
    assert.equal(register.body.items[0].awardeeCount, 2);
    assert.equal((await office.get('/api/sessions')).body.items[0].itemCount, 5);
  });

  it('one nominee goes up for Bằng khen tỉnh; the quota of 01 stops a second', async () => {
    const f = await office.post(`/api/dossiers/${ids.a}/candidates/${ids.mai}/forward`, {});
    ok(f, 201);
    ids.upward = f.body.upwardDossierId;
    // Every candidate of A now has an outcome: the dossier is complete.
    assert.equal((await office.get(`/api/dossiers/${ids.a}`)).body.status, 'completed');
    const second = await office.post(`/api/dossiers/${ids.b}/candidates/${ids.y}/forward`, {});
    assert.equal(second.status, 409);
    assert.match(second.body.message, /Vượt chỉ tiêu: phong trào chỉ cho phép đề nghị 01 Bằng khen bộ, ban, ngành, tỉnh.*đã đề nghị: Hà Thị Mai/);
    // The upward dossier carries the unit's achievement report and the council's minutes with its vote; the Sở's Tờ trình is still missing.
    const draft = (await office.get(`/api/dossiers/${ids.upward}`)).body;
    const kinds = draft.documents.map((x: { kind: string }) => x.kind).sort();
    assert.deepEqual(kinds, ['bao_cao_thanh_tich', 'bien_ban_hop_xet']);
    assert.match(draft.documents.find((x: { kind: string }) => x.kind === 'bien_ban_hop_xet').voteResult, /phiếu/);
    assert.equal(draft.documentsEditable, true);
    assert.equal(draft.editable, false, 'its candidates come from the council, not typed in');
    const missingReceiver = await office.post(`/api/dossiers/${ids.upward}/forward`, {});
    assert.equal(missingReceiver.status, 400);
    assert.match(missingReceiver.body.message, /Hãy nhập cơ quan nhận hồ sơ/);
    assert.doesNotMatch(missingReceiver.body.message, /receiverName/);
    const early = await office.post(`/api/dossiers/${ids.upward}/forward`, { receiverName: 'Ban Thi đua - Khen thưởng tỉnh Cao Bằng' });
    assert.equal(early.status, 400, JSON.stringify(early.body));
    assert.equal(early.body.error, 'dossier_incomplete');
    assert.match(early.body.message, /Còn thiếu: .*Tờ trình/);
    assert.equal((await office.get(`/api/dossiers/${ids.upward}`)).body.status, 'draft');
    ok(
      await office.post(`/api/dossiers/${ids.upward}/documents`, {
        kind: 'to_trinh',
        content: 'Sở Khoa học và Công nghệ kính trình Chủ tịch UBND tỉnh xét tặng Bằng khen cho bà Hà Thị Mai.',
      }),
      201,
    );
    const up = await office.post(`/api/dossiers/${ids.upward}/forward`, { receiverName: 'Ban Thi đua - Khen thưởng tỉnh Cao Bằng' });
    ok(up);
    assert.equal(up.body.documentsEditable, false);
    assert.equal(up.body.status, 'forwarded');
    assert.equal(up.body.level, 'upward');
  });

  it("the province's decision is recorded when it arrives, and reaches the awardee's history", async () => {
    setClock('2021-07-20');
    const r = await office.post(`/api/dossiers/${ids.upward}/higher-decision`, {
      numberText: '1234/QĐ-UBND',
      decisionDate: '2021-07-15',
      issuerName: 'Ủy ban nhân dân tỉnh Cao Bằng',
      signerName: 'Hoàng Xuân Ánh',
      signerTitle: 'Chủ tịch',
      signerAuthorities: [{ authority: 'TM.', of: 'Ủy ban nhân dân' }],
      fundingRoute: 'từ nguồn ngân sách tỉnh qua Sở Nội vụ cấp cho đơn vị đề nghị',
      executors: ['Chánh Văn phòng UBND tỉnh', 'Giám đốc Sở Nội vụ', 'các cá nhân có tên tại Điều 1'],
    });
    ok(r, 201);
    ok(await office.upload(`/api/decisions/${r.body.id}/file`, PDF, {}, 'qd-1234.pdf'));
    const dec = await office.get(`/api/decisions/${r.body.id}`);
    assert.equal(dec.body.kind, 'external');
    assert.equal(dec.body.hasFile, true);
    // The authority's own text is held on the dossier's path too; a decision answering a dossier is corrected or revoked, never deleted.
    assert.equal(dec.body.dossierId, ids.upward);
    assert.deepEqual(dec.body.signerAuthorities, [{ authority: 'TM.', of: 'Ủy ban nhân dân' }]);
    assert.equal(dec.body.executors.length, 3);
    assert.ok(dec.body.abilities.includes('edit') && !dec.body.abilities.includes('delete'));
    assert.equal((await office.del(`/api/decisions/${r.body.id}`)).status, 409);
    assert.equal((await office.get(`/api/dossiers/${ids.upward}`)).body.status, 'completed');
    const mai = await personByName(t, 'Hà Thị Mai');
    const subject = await subjectFor(t.db, { subjectKind: 'individual', personId: mai.id, subjectUnitId: null, subjectData: null });
    assert.ok(
      subject.honors?.some((h) => h.honor === 'BK_BO_TINH' && h.year === 2021),
      'the engine sees the Bằng khen',
    );
  });

  it('a decision can be revoked for one awardee (Law Art 93): the history is flagged, not deleted', async () => {
    assert.equal((await office.post(`/api/decisions/${ids.decision}/revoke`, { reason: 'x y z' })).status, 403);
    const d = (await giamdoc.get(`/api/decisions/${ids.decision}`)).body;
    const x = d.awardees.find((a: { candidateId: string }) => a.candidateId === ids.x);
    const r = await giamdoc.post(`/api/decisions/${ids.decision}/revoke`, {
      reason: 'Hồ sơ khai không trung thực (kết luận thanh tra ngày 01/9/2021)',
      awardeeIds: [x.id],
    });
    ok(r);
    assert.equal(r.body.status, 'issued', 'the other awardee keeps the award');
    assert.equal(r.body.awardees.find((a: { id: string }) => a.id === x.id).revoked, true);
    const [award] = await t.db
      .select()
      .from(honorAwards)
      .where(and(eq(honorAwards.decisionNumber, '1/QĐ-SKHCN'), eq(honorAwards.revoked, true)));
    assert.match(award!.revokedReason!, /không trung thực/);
  });
});

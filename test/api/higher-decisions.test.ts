/**
 * Issue 19, concept 1: a decision of an authority above the agency (here the Chủ tịch UBND tỉnh),
 * recorded as it was written — issuing body, signing authority, căn cứ, proposing line, funding route,
 * executors — without a dossier, a council session or a forward; the awardees' histories get the honor;
 * its DOCX uses its own wording. Bad input is refused in Vietnamese with nothing stored.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type Client, type TestApp } from '../helpers/app.js';
import { buildOutsider, buildPerson, buildUnit } from '../helpers/factories.js';
import { docxText, downloadAs } from '../helpers/pdf-layout.js';
import { setClock } from '../../src/server/clock.js';

describe('decisions of an authority above the agency (Chủ tịch UBND tỉnh), recorded on their own', () => {
  let t: TestApp;
  let office: Client;
  let admin: Client;
  const ids = { person1: '', person2: '', unit: '', outsiderPerson: '', decision: '' };
  let unitName = '';
  let version = 0;

  const decision = () => ({
    numberText: '1234/QĐ-UBND',
    decisionDate: '2025-03-14',
    issuerName: 'Ủy ban nhân dân tỉnh Quảng Ninh',
    issuerPlace: 'Quảng Ninh',
    issuingAuthority: 'Chủ tịch Ủy ban nhân dân tỉnh Quảng Ninh',
    signerAuthorities: [{ authority: 'KT.', of: 'Chủ tịch' }],
    signerTitle: 'Phó Chủ tịch',
    signerName: 'Nghiêm Xuân Cường',
    title: 'Về việc tặng Bằng khen của Chủ tịch UBND tỉnh',
    legalBases: [
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019;',
      'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
      'Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;',
    ],
    proposal: 'Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 215/TTr-SNV ngày 10 tháng 3 năm 2025',
    achievement: 'đã có thành tích xuất sắc trong công tác chuyển đổi số năm 2024',
    fundingRoute: 'từ nguồn ngân sách tỉnh qua Sở Nội vụ cấp cho đơn vị đề nghị',
    executors: ['Chánh Văn phòng UBND tỉnh', 'Giám đốc Sở Nội vụ', 'Thủ trưởng các cơ quan, đơn vị có liên quan', 'các tập thể, cá nhân có tên tại Điều 1'],
    recipients: ['Như Điều 3;', 'CT, các PCT UBND tỉnh;', 'Lưu: VT, NC.'],
    awardYear: 2024,
    awardees: [
      { subjectKind: 'individual', personId: ids.person1, honor: 'BK_BO_TINH' },
      { subjectKind: 'individual', personId: ids.person2, honor: 'BK_BO_TINH', positionText: 'Chuyên viên Phòng Chuyển đổi số' },
      { subjectKind: 'collective', unitId: ids.unit, honor: 'BK_BO_TINH' },
    ],
  });

  const countDecisions = async () => (await office.get('/api/decisions?pageSize=100')).body.total as number;
  const honorsOf = async (personId: string) =>
    ((await office.get(`/api/people/${personId}/records`)).body.honors as { honor: string; year: number; decisionNumber: string | null }[]).filter(
      (h) => h.honor === 'BK_BO_TINH',
    );

  before(async () => {
    t = await createTestApp();
    setClock('2025-03-20');
    office = await t.login('vanphong');
    admin = await t.login('admin');
    const unit = await buildUnit(admin, { parentId: t.demo.rootUnitId, name: 'Phòng Chuyển đổi số' });
    ids.unit = unit.id;
    unitName = unit.name;
    ids.person1 = (await buildPerson(admin, { unitId: unit.id, fullName: 'Vũ Thị Thanh Hằng', gender: 'nu' })).id;
    ids.person2 = (await buildPerson(admin, { unitId: unit.id, fullName: 'Lê Quang Minh' })).id;
    const ngoai = await buildOutsider(t);
    const units = (await ngoai.get('/api/units')).body as { items?: { id: string }[] } | { id: string }[];
    const outsiderUnit = Array.isArray(units) ? units[0]!.id : units.items![0]!.id;
    ids.outsiderPerson = (await buildPerson(ngoai, { unitId: outsiderUnit, fullName: 'Hoàng Văn Ngoài' })).id;
  });
  after(async () => {
    setClock(null);
    await t.close();
  });

  it('refuses bad input in Vietnamese and stores nothing', async () => {
    const before = await countDecisions();
    const noExecutors = await office.post('/api/decisions/external', { ...decision(), executors: [] });
    assert.equal(noExecutors.status, 400, JSON.stringify(noExecutors.body));
    assert.match(noExecutors.body.message, /chịu trách nhiệm thi hành/);
    const badNumber = await office.post('/api/decisions/external', { ...decision(), numberText: 'QĐ 1234 UBND' });
    assert.equal(badNumber.status, 400);
    assert.match(JSON.stringify(badNumber.body), /Số, ký hiệu quyết định không đúng dạng/);
    const badAuthority = await office.post('/api/decisions/external', { ...decision(), signerAuthorities: [{ authority: 'KY THAY', of: 'Chủ tịch' }] });
    assert.equal(badAuthority.status, 400);
    assert.match(JSON.stringify(badAuthority.body), /TM\., KT\., Q\., TL\. hoặc TUQ\./);
    const outsider = await office.post('/api/decisions/external', {
      ...decision(),
      awardees: [...decision().awardees, { subjectKind: 'individual', personId: ids.outsiderPerson, honor: 'BK_BO_TINH' }],
    });
    assert.equal(outsider.status, 404);
    assert.match(outsider.body.message, /Không tìm thấy cán bộ được khen thưởng/);
    assert.equal(await countDecisions(), before);
    assert.equal((await honorsOf(ids.person1)).length, 0, 'no history written by a refused request');
    // The head of the agency issues; recording a higher decision is the Office's.
    const giamdoc = await t.login('giamdoc');
    assert.equal((await giamdoc.post('/api/decisions/external', decision())).status, 403);
  });

  it('records the provincial chairman’s decision standalone and reads it back with its own text', async () => {
    const r = await office.post('/api/decisions/external', decision());
    assert.equal(r.status, 201, JSON.stringify(r.body));
    ids.decision = r.body.id;
    const d = (await office.get(`/api/decisions/${ids.decision}`)).body;
    assert.equal(d.kind, 'external');
    assert.equal(d.dossierId, null);
    assert.equal(d.numberText, '1234/QĐ-UBND');
    assert.equal(d.issuerName, 'Ủy ban nhân dân tỉnh Quảng Ninh');
    assert.deepEqual(d.signerAuthorities, [{ authority: 'KT.', of: 'Chủ tịch' }]);
    assert.equal(d.signerTitle, 'Phó Chủ tịch');
    assert.equal(d.legalBases.length, 3);
    assert.equal(d.fundingRoute, 'từ nguồn ngân sách tỉnh qua Sở Nội vụ cấp cho đơn vị đề nghị');
    assert.deepEqual(d.executors, decision().executors);
    assert.deepEqual(d.recipients, decision().recipients);
    assert.equal(d.awardYear, 2024);
    assert.deepEqual(d.awardees.map((a: { displayName: string }) => a.displayName).sort(), ['Lê Quang Minh', 'Phòng Chuyển đổi số', 'Vũ Thị Thanh Hằng']);
    const minh = d.awardees.find((a: { displayName: string }) => a.displayName === 'Lê Quang Minh');
    assert.equal(minh.positionText, 'Chuyên viên Phòng Chuyển đổi số');
    const hang = d.awardees.find((a: { displayName: string }) => a.displayName === 'Vũ Thị Thanh Hằng');
    assert.match(hang.positionText, new RegExp(unitName));
    assert.ok(d.totalAmount > 0, 'the rules give the Bằng khen its money');
    assert.equal(
      d.totalAmount,
      d.awardees.reduce((s: number, a: { amount: number }) => s + a.amount, 0),
    );
    assert.ok(d.abilities.includes('edit') && d.abilities.includes('delete'));
    version = d.version;
    // In the decisions list, as the higher authority's.
    const list = (await office.get('/api/decisions?pageSize=100')).body.items as { id: string; kind: string; awardeeCount: number }[];
    const row = list.find((x) => x.id === ids.decision);
    assert.equal(row?.kind, 'external');
    assert.equal(row?.awardeeCount, 3);
    // The histories carry the honor for the achievement year, with the decision's number.
    const h = await honorsOf(ids.person1);
    assert.equal(h.length, 1);
    assert.equal(h[0]!.year, 2024);
    assert.equal(h[0]!.decisionNumber, '1234/QĐ-UBND');
    const unitHonors = (await office.get(`/api/units/${ids.unit}/records`)).body.honors as { honor: string }[];
    assert.ok(unitHonors.some((x) => x.honor === 'BK_BO_TINH'));
    // The same number of the same issuer twice is a conflict, not a second record.
    const again = await office.post('/api/decisions/external', decision());
    assert.equal(again.status, 409);
    assert.match(again.body.message, /đã được ghi nhận/);
  });

  it('prints the decision as the province wrote it: issuer, authority lines, căn cứ, funding route, executors', async () => {
    const r = await downloadAs(t, 'vanphong', `/api/decisions/${ids.decision}/docx`);
    assert.equal(r.status, 200);
    const text = docxText(r.body);
    assert.match(text, /ỦY BAN NHÂN DÂN\s*\n?\s*TỈNH QUẢNG NINH/);
    assert.match(text, /Số: 1234\/QĐ-UBND/);
    assert.match(text, /Quảng Ninh, ngày 14 tháng 3 năm 2025/);
    assert.match(text, /Về việc tặng Bằng khen của Chủ tịch UBND tỉnh/);
    assert.match(text, /CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH/);
    assert.match(text, /Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015/);
    assert.match(text, /Căn cứ Nghị định số 98\/2023\/NĐ-CP/);
    assert.match(text, /Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 215\/TTr-SNV ngày 10 tháng 3 năm 2025\./);
    assert.match(
      text,
      /Điều 1\. Tặng Bằng khen của Chủ tịch UBND tỉnh cho 01 tập thể và 02 cá nhân \(có danh sách kèm theo\) đã có thành tích xuất sắc trong công tác chuyển đổi số năm 2024\./,
    );
    assert.match(text, /Điều 2\. Tiền thưởng kèm theo Bằng khen của Chủ tịch UBND tỉnh .*từ nguồn ngân sách tỉnh qua Sở Nội vụ cấp cho đơn vị đề nghị\./);
    assert.match(
      text,
      /Điều 3\. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ, Thủ trưởng các cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này\.\/\./,
    );
    assert.match(text, /KT\. CHỦ TỊCH\nPHÓ CHỦ TỊCH/);
    assert.match(text, /Nghiêm Xuân Cường/);
    assert.match(text, /CT, các PCT UBND tỉnh;/);
    assert.match(text, /Kèm theo Quyết định số 1234\/QĐ-UBND ngày 14\/03\/2025 của Chủ tịch Ủy ban nhân dân tỉnh Quảng Ninh/);
    // Not the agency's own generic wording.
    assert.doesNotMatch(text, /trích từ quỹ thi đua, khen thưởng theo quy định/);
    assert.doesNotMatch(text, /Thường trực Hội đồng Thi đua - Khen thưởng/);
  });

  it('is corrected while only recorded (list and histories follow), then deleted as a mistake', async () => {
    const stale = await office.put(`/api/decisions/${ids.decision}/external`, { version: version + 5, fundingRoute: 'từ Quỹ thi đua, khen thưởng tỉnh' });
    assert.equal(stale.status, 409);
    const r = await office.put(`/api/decisions/${ids.decision}/external`, {
      version,
      numberText: '1243/QĐ-UBND',
      fundingRoute: 'từ Quỹ thi đua, khen thưởng của tỉnh',
      awardees: [{ subjectKind: 'individual', personId: ids.person1, honor: 'BK_BO_TINH' }],
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.numberText, '1243/QĐ-UBND');
    assert.equal(r.body.awardees.length, 1);
    assert.equal(r.body.executors.length, 4, 'what was not sent stays');
    assert.equal((await honorsOf(ids.person1))[0]?.decisionNumber, '1243/QĐ-UBND');
    assert.equal((await honorsOf(ids.person2)).length, 0, 'taken off the list: the history goes too');
    const bad = await office.put(`/api/decisions/${ids.decision}/external`, { version: r.body.version, executors: [] });
    assert.equal(bad.status, 400);
    const del = await office.del(`/api/decisions/${ids.decision}`);
    assert.equal(del.status, 200, JSON.stringify(del.body));
    assert.equal((await office.get(`/api/decisions/${ids.decision}`)).status, 404);
    assert.equal((await honorsOf(ids.person1)).length, 0);
    const audit = (await admin.get('/api/audit?pageSize=20')).body.items as { action: string }[] | undefined;
    if (audit) assert.ok(audit.some((a) => a.action === 'decision.external_deleted'));
  });
});

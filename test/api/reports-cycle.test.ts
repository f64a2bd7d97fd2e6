import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type Client, type TestApp } from '../helpers/app.js';
import { buildUnit, clerkOf } from '../helpers/factories.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { docxText, downloadAs, skipWithoutPdfTools, wordsOf, assertHeader } from '../helpers/pdf-layout.js';
import { setClock, instantVn } from '../../src/server/clock.js';
import { stopWarmOffice } from '../../src/server/office/soffice.js';
import { formatNumberVi } from '../../src/shared/format-vi.js';

/**
 * Seed 000: every unit reports "định kỳ 06 tháng (trước ngày 25/6), năm (trước ngày 25/12)".
 * The Office asks three units; A sends on time, B misses the due date (refused, then extended and
 * marked late), C is returned and sends again. The roll-up's figures are checked against the sum
 * computed here from the records this test creates; a year with no data gives an empty, valid report.
 */
interface Award {
  /** Index of the asked unit (0..2), or -1: a unit the request does not ask. */
  unit: number;
  /** Index into `people` for an individual, absent for the unit itself (collective). */
  person?: number;
  honor: string;
  date: string;
  amount?: number;
  /** Loại hình khen thưởng; the records API defaults to công trạng. */
  type?: string;
}
interface Staff {
  unit: number;
  fullName: string;
  gender: 'nam' | 'nu';
  isLeader: boolean;
  employmentType: string;
}

const STAFF: Staff[] = [
  { unit: 0, fullName: 'Hà Văn Trưởng', gender: 'nam', isLeader: true, employmentType: 'cong_chuc' },
  { unit: 0, fullName: 'Vi Thị Lành', gender: 'nu', isLeader: false, employmentType: 'nguoi_lao_dong' },
  { unit: 1, fullName: 'Lò Thị Mai', gender: 'nu', isLeader: false, employmentType: 'vien_chuc' },
  { unit: 1, fullName: 'Đinh Văn Công', gender: 'nam', isLeader: false, employmentType: 'nguoi_lao_dong' },
  { unit: 2, fullName: 'Triệu Thị Hoa', gender: 'nu', isLeader: true, employmentType: 'vien_chuc' },
  { unit: -1, fullName: 'Bế Văn Ngoài', gender: 'nam', isLeader: false, employmentType: 'nguoi_lao_dong' },
];

const AWARDS: Award[] = [
  { unit: 0, person: 0, honor: 'CSTDCS', date: '2030-03-10', amount: 2_340_000 },
  { unit: 0, person: 1, honor: 'LDTT', date: '2030-11-02' },
  { unit: 0, person: 1, honor: 'GK', date: '2030-07-15', amount: 710_000 },
  { unit: 0, honor: 'TTLDTT', date: '2030-10-01', amount: 1_880_000 },
  { unit: 1, person: 2, honor: 'LDTT', date: '2030-09-09' },
  { unit: 1, person: 3, honor: 'GK', date: '2030-09-09', amount: 710_000, type: 'dot_xuat' },
  { unit: 1, honor: 'TTLDXS', date: '2030-12-05', amount: 3_510_000 },
  { unit: 2, person: 4, honor: 'GK', date: '2030-05-20', amount: 710_000 },
  // Outside the period (the year before): not counted.
  { unit: 2, person: 4, honor: 'LDTT', date: '2029-12-20' },
  // A unit that was not asked: in the Office's subtree, not in the roll-up of the three.
  { unit: -1, person: 5, honor: 'GK', date: '2030-04-04', amount: 710_000 },
];

/** What the report of unit `u` must say, worked out from the lists above (the same rules a clerk applies by hand). */
function expectedOf(u: number): Record<string, number> {
  const out: Record<string, number> = {};
  const add = (k: string, n: number) => (out[k] = (out[k] ?? 0) + n);
  for (const a of AWARDS.filter((x) => x.unit === u && x.date >= '2030-01-01' && x.date <= '2030-12-31')) {
    add(`honor:${a.honor}:${a.person === undefined ? 'collective' : 'individual'}`, 1);
    add('money', a.amount ?? 0);
    add(`type:${a.type ?? 'cong_trang'}`, 1);
    if (a.person === undefined) continue;
    const p = STAFF[a.person]!;
    add('people:total', 1);
    add(p.isLeader ? 'people:leader' : 'people:non_leader', 1);
    if (!p.isLeader && p.employmentType === 'nguoi_lao_dong') add('people:direct_worker', 1);
    if (p.gender === 'nu') add('people:female', 1);
  }
  return out;
}

describe('reports: seed 000 annual cycle — three units, one late, one returned, the roll-up is their sum', () => {
  let t: TestApp;
  let admin: Client;
  let office: Client;
  const units: { id: string; name: string }[] = [];
  let outsider = { id: '', name: '' };
  let requestId = '';

  before(async () => {
    setClock(instantVn('2030-12-01', '08:30'));
    t = await createTestApp();
    admin = await t.login('admin');
    office = await t.login('vanphong');
    for (const name of ['Phòng Tổng hợp Năm', 'Phòng Kỹ thuật Năm', 'Phòng Hành chính Năm'])
      units.push(await buildUnit(admin, { parentId: t.demo.rootUnitId, name }));
    outsider = await buildUnit(admin, { parentId: t.demo.rootUnitId, name: 'Phòng Không Được Hỏi' });
    const unitOf = (i: number) => (i === -1 ? outsider : units[i]!);
    const ids: string[] = [];
    for (const s of STAFF) {
      const { unit, ...body } = s;
      const r = await admin.post('/api/people', { unitId: unitOf(unit).id, ...body });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      ids.push(r.body.id);
    }
    for (const a of AWARDS) {
      const who = a.person === undefined ? { unitId: unitOf(a.unit).id } : { personId: ids[a.person] };
      const r = await admin.post('/api/records/honors', {
        year: Number(a.date.slice(0, 4)),
        ...who,
        honor: a.honor,
        decisionDate: a.date,
        ...(a.amount ? { amount: a.amount } : {}),
        ...(a.type ? { type: a.type } : {}),
      });
      assert.equal(r.status, 201, JSON.stringify(r.body));
    }
  });
  after(async () => {
    setClock(null);
    stopWarmOffice();
    await t.close();
  });

  const fig = (rep: { rows: { key: string; data: number }[] }, k: string) => rep.rows.find((x) => x.key === k)?.data ?? 0;
  const mine = async (c: Client) => (await c.get(`/api/reports?requestId=${requestId}`)).body.items[0];
  /** The Office asks `asked` for the annual report of `year`. */
  const askAnnual = (title: string, year: number, dueDate: string, asked: { id: string }[]) =>
    office.post('/api/report-requests', {
      unitId: t.demo.rootUnitId,
      kind: 'annual',
      title,
      year,
      periodFrom: `${year}-01-01`,
      periodTo: `${year}-12-31`,
      dueDate,
      unitIds: asked.map((u) => u.id),
    });

  it('each unit’s report is prefilled with its own year, as worked out by hand', async () => {
    const r = await askAnnual('Báo cáo tổng kết công tác thi đua, khen thưởng năm 2030', 2030, '2030-12-25', units);
    assert.equal(r.status, 201, JSON.stringify(r.body));
    requestId = r.body.id;
    // Literal figures for unit A, so the helper above is itself checked once.
    const a = (await (await clerkOf(t, units[0]!.id)).get(`/api/reports/${(await mine(await clerkOf(t, units[0]!.id))).id}`)).body;
    assert.equal(fig(a, 'people:total'), 3);
    assert.equal(fig(a, 'people:direct_worker'), 2);
    assert.equal(fig(a, 'honor:TTLDTT:collective'), 1);
    assert.equal(fig(a, 'money'), 2_340_000 + 710_000 + 1_880_000);
    for (let i = 0; i < 3; i++) {
      const clerk = await clerkOf(t, units[i]!.id);
      const rep = (await clerk.get(`/api/reports/${(await mine(clerk)).id}`)).body;
      for (const [k, v] of Object.entries(expectedOf(i))) assert.equal(fig(rep, k), v, `${units[i]!.name}: ${k}`);
    }
    // Unit C's only in-period award is one Giấy khen: last year's LĐTT is not counted.
    const c = (await (await clerkOf(t, units[2]!.id)).get(`/api/reports/${(await mine(await clerkOf(t, units[2]!.id))).id}`)).body;
    assert.equal(fig(c, 'honor:LDTT:individual'), 0);
    assert.equal(fig(c, 'people:total'), 1);
  });

  it('A on time, C returned then sent again, B late: refused until extended, then marked late', async () => {
    const [clerkA, clerkB, clerkC] = [await clerkOf(t, units[0]!.id), await clerkOf(t, units[1]!.id), await clerkOf(t, units[2]!.id)];
    const a = await mine(clerkA);
    const repA = (
      await clerkA.put(`/api/reports/${a.id}`, {
        version: a.version,
        narrative: {
          results: 'Hoàn thành xuất sắc nhiệm vụ năm.',
          shortcomings: 'Còn chậm gửi hồ sơ.',
          lessons: 'Bám sát kế hoạch.',
          proposals: 'Tăng khen đột xuất.',
        },
        typed: {},
      })
    ).body;
    const sentA = await clerkA.post(`/api/reports/${a.id}/submit`, { version: repA.version });
    assert.equal(sentA.status, 200, JSON.stringify(sentA.body));
    assert.equal(sentA.body.late, false);

    const c = await mine(clerkC);
    assert.equal((await clerkC.post(`/api/reports/${c.id}/submit`, { version: c.version })).status, 200);
    let cNow = (await office.get(`/api/reports/${c.id}`)).body;
    const returned = await office.post(`/api/reports/${c.id}/return`, { version: cNow.version, reason: 'Thiếu phương hướng năm tới.' });
    assert.equal(returned.status, 200, JSON.stringify(returned.body));
    cNow = (await clerkC.get(`/api/reports/${c.id}`)).body;
    assert.equal(cNow.status, 'returned');
    assert.ok(cNow.abilities.includes('submit'));
    cNow = (await clerkC.put(`/api/reports/${c.id}`, { version: cNow.version, narrative: { proposals: 'Phát động thi đua chuyên đề.' }, typed: {} })).body;
    const resent = await clerkC.post(`/api/reports/${c.id}/submit`, { version: cNow.version });
    assert.equal(resent.status, 200);
    assert.equal(resent.body.status, 'submitted');

    setClock(instantVn('2030-12-27', '10:00'));
    const b = await mine(clerkB);
    const before = (await clerkB.get(`/api/reports/${b.id}`)).body;
    const refused = await clerkB.post(`/api/reports/${b.id}/submit`, { version: b.version });
    assert.equal(refused.status, 409);
    assert.match(refused.body.message, /quá hạn/);
    const still = (await clerkB.get(`/api/reports/${b.id}`)).body;
    assert.equal(still.status, 'draft');
    assert.equal(still.version, before.version);
    // The unit itself cannot grant itself more time.
    assert.notEqual((await clerkB.post(`/api/reports/${b.id}/extend`, { until: '2030-12-30' })).status, 200);
    assert.equal((await office.post(`/api/reports/${b.id}/extend`, { until: '2030-12-30' })).status, 200);
    const bNow = (await clerkB.get(`/api/reports/${b.id}`)).body;
    const sentB = await clerkB.post(`/api/reports/${b.id}/submit`, { version: bNow.version });
    assert.equal(sentB.status, 200, JSON.stringify(sentB.body));
    assert.equal(sentB.body.late, true);

    for (const id of [a.id, b.id, c.id]) {
      const cur = (await office.get(`/api/reports/${id}`)).body;
      assert.equal((await office.post(`/api/reports/${id}/receive`, { version: cur.version })).status, 200);
    }
  });

  it('the roll-up equals the sum of the three units, worked out by hand; the unasked unit is left out', async () => {
    const roll = (await office.get(`/api/report-requests/${requestId}`)).body;
    assert.equal(roll.request.received, 3);
    assert.deepEqual(
      roll.units.map((u: { late: boolean }) => u.late),
      [false, true, false],
    );
    const expected = [0, 1, 2].map(expectedOf);
    for (const row of roll.rows) {
      const want = expected.reduce((s, e) => s + (e[row.key] ?? 0), 0);
      assert.equal(row.sum, want, row.key);
      assert.equal(row.dataSum, want, row.key);
    }
    const byKey = (k: string) => roll.rows.find((x: { key: string }) => x.key === k);
    // Literal checks of the hand sums.
    assert.equal(byKey('people:total').sum, 3 + 2 + 1);
    assert.equal(byKey('honor:GK:individual').sum, 3);
    assert.equal(byKey('type:dot_xuat').sum, 1);
    assert.equal(byKey('type:cong_trang').sum, 7);
    assert.equal(byKey('money').sum, 2_340_000 + 710_000 + 1_880_000 + 710_000 + 3_510_000 + 710_000);
    // The Office's whole subtree also holds the unit that was not asked (its Giấy khen).
    assert.equal(byKey('honor:GK:individual').subtreeData >= byKey('honor:GK:individual').sum + 1, true);
  });

  /** What the Office's Báo cáo tổng kết must print, from the same hand sums. */
  const unitLine = (i: number) => {
    const e = expectedOf(i);
    const sum = (suffix: string) => Object.entries(e).reduce((n, [k, v]) => (k.startsWith('honor:') && k.endsWith(suffix) ? n + v : n), 0);
    return [units[i]!.name, formatNumberVi(sum(':collective')), formatNumberVi(sum(':individual')), formatNumberVi(e.money ?? 0)];
  };
  const totalMoney = () => [0, 1, 2].reduce((n, i) => n + (expectedOf(i).money ?? 0), 0);

  it('the Office’s Báo cáo tổng kết (DOCX): the figures as tables — by honor, by unit, other figures — and the four sections', async () => {
    const r = await downloadAs(t, 'vanphong', `/api/report-requests/${requestId}/report.docx?so=12`);
    assert.equal(r.status, 200);
    const text = docxText(r.body);
    assert.match(text, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    assert.match(text, /Số: 12\//);
    assert.match(text, /BÁO CÁO/);
    assert.match(text, /Tổng kết công tác thi đua, khen thưởng từ ngày 01\/01\/2030 đến ngày 31\/12\/2030/);
    assert.match(text, /Đã nhận báo cáo của 3\/3 đơn vị được yêu cầu \(1 đơn vị gửi muộn\)\./);
    // By unit: each row is the unit's name, its collective and individual awards, its money.
    assert.match(text, /Kết quả khen thưởng theo đơn vị:/);
    for (const i of [0, 1, 2]) assert.ok(text.includes(unitLine(i).join('\n')), `row of ${units[i]!.name}: ${unitLine(i).join(' | ')}`);
    assert.ok(!text.includes(outsider.name), 'the unit not asked is not in the table');
    // By honor (Giấy khen: 3 individuals, no collective) and the money among the other figures.
    assert.ok(text.includes(['Giấy khen', '0', '3'].join('\n')), 'Giấy khen row');
    assert.match(text, new RegExp(`Tổng tiền thưởng \\(đồng\\)\\n${formatNumberVi(totalMoney()).replace(/\./g, '\\.')}`));
    // The units' sections, each point led by its unit; the headings renumbered I–IV.
    assert.match(text, /I\. KẾT QUẢ THỰC HIỆN/);
    assert.match(text, new RegExp(`${units[0]!.name}: Hoàn thành xuất sắc nhiệm vụ năm\\.`));
    assert.match(text, /II\. TỒN TẠI, HẠN CHẾ\n.*Còn chậm gửi hồ sơ\./);
    assert.match(text, /III\. BÀI HỌC KINH NGHIỆM\n.*Bám sát kế hoạch\./);
    const iv = text.slice(text.indexOf('IV. PHƯƠNG HƯỚNG, NHIỆM VỤ'));
    assert.ok(iv.includes(`${units[0]!.name}: Tăng khen đột xuất.`) && iv.includes(`${units[2]!.name}: Phát động thi đua chuyên đề.`), iv.slice(0, 300));
  });

  it('the same report as PDF (LibreOffice): NĐ 30 header, the tables and the sections on the pages', { skip: skipWithoutPdfTools }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tdkt-rollup-'));
    try {
      const r = await downloadAs(t, 'vanphong', `/api/report-requests/${requestId}/report.docx?format=pdf`);
      assert.equal(r.status, 200);
      assert.match(r.disposition, /\.pdf/);
      const { words, pageWidth, text } = wordsOf(r.body, dir, 'bao-cao-tong-hop');
      assertHeader(words, pageWidth, 'SỞ');
      const flat = text.replace(/\s+/g, ' ');
      for (const i of [0, 1, 2]) assert.ok(flat.includes(unitLine(i).slice(1).join(' ')) || flat.includes(units[i]!.name), units[i]!.name);
      for (const h of ['KẾT QUẢ THỰC HIỆN', 'TỒN TẠI, HẠN CHẾ', 'BÀI HỌC KINH NGHIỆM', 'PHƯƠNG HƯỚNG, NHIỆM VỤ']) assert.ok(flat.includes(h), h);
      assert.ok(flat.includes(formatNumberVi(totalMoney())), 'total money');
      assert.ok(flat.includes('Còn chậm gửi hồ sơ.'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a year with no data gives an empty but valid report, sent and rolled up as zeros', async () => {
    const r = await askAnnual('Báo cáo bổ sung số liệu năm 2019', 2019, '2030-12-31', [units[0]!]);
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const clerkA = await clerkOf(t, units[0]!.id);
    const item = (await clerkA.get(`/api/reports?requestId=${r.body.id}`)).body.items[0];
    const rep = (await clerkA.get(`/api/reports/${item.id}`)).body;
    assert.ok(rep.rows.length > 0);
    assert.ok(rep.rows.every((x: { data: number }) => x.data === 0));
    assert.equal((await clerkA.post(`/api/reports/${item.id}/submit`, { version: rep.version })).status, 200);
    const roll = (await office.get(`/api/report-requests/${r.body.id}`)).body;
    assert.ok(roll.rows.every((x: { sum: number }) => x.sum === 0));
    const docx = await office.get(`/api/report-requests/${r.body.id}/report.docx`);
    assert.equal(docx.status, 200);
  });
});

/** The award fund (a decision's money in, payments, revocation back out) and the award-item inventory with re-issue requests. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { count, eq } from 'drizzle-orm';
import { createTestApp, DEMO_PASSWORD, type Client, type TestApp } from '../helpers/app.js';
import { ok, reviewedDossier } from '../helpers/dossiers.js';
import { awardItemMoves, fundEntries, reissueRequests } from '../../src/server/db/schema/index.js';

describe('award fund: a decision commits its money, payments are bounded, revocation returns it; award items and re-issue', () => {
  let t: TestApp;
  let office: Client;
  let giamdoc: Client;
  let decisionId: string;
  let awardees: { id: string; amount: number; displayName: string }[];

  const entryCount = async () => Number((await t.db.select({ n: count() }).from(fundEntries))[0]!.n);

  before(async () => {
    t = await createTestApp();
    office = await t.login('vanphong');
    giamdoc = await t.login('giamdoc');
    const r = await reviewedDossier(t, 3);
    const d = await giamdoc.post('/api/decisions', {
      candidateIds: r.candidateIds,
      decisionDate: '2021-06-25',
      signerName: 'Hoàng Văn Thạch',
      signerTitle: 'Giám đốc Sở',
    });
    ok(d, 201);
    decisionId = d.body.id;
    awardees = d.body.awardees;
  });
  after(async () => t.close());

  it('the decision money is in the 2021 fund as one commitment per awardee', async () => {
    const f = await office.get('/api/fund/2021');
    ok(f);
    const total = awardees.reduce((s, a) => s + a.amount, 0);
    assert.ok(total > 0);
    assert.equal(f.body.totals.committed, total);
    assert.equal(f.body.totals.owed, total);
    assert.equal(f.body.totals.balance, 0);
    const c = await office.get('/api/fund/2021/commitments');
    ok(c);
    assert.equal(c.body.total, 3);
    assert.deepEqual(
      c.body.items.map((i: { amount: number }) => i.amount),
      awardees.map((a) => a.amount),
    );
    assert.equal(c.body.items[0].decisionNumber, (await office.get(`/api/decisions/${decisionId}`)).body.numberText);
  });

  it('refuses a payment from the empty fund, in Vietnamese, and stores nothing', async () => {
    const c = (await office.get('/api/fund/2021/commitments')).body.items[0];
    const before = await entryCount();
    const r = await office.post('/api/fund/2021/payments', {
      commitmentId: c.id,
      amount: c.amount,
      entryDate: '2021-07-01',
      voucher: 'PC01',
      payee: c.awardeeName,
    });
    assert.equal(r.status, 409);
    assert.equal(r.body.error, 'fund_insufficient');
    assert.match(r.body.message, /chưa có tiền/);
    assert.equal(await entryCount(), before);
  });

  it('caps the budget allocation by the pack share of the declared base; contributions come on top', async () => {
    ok(await office.put('/api/fund/2021/settings', { capBasis: 'recurrent_spending_mountain', basisAmount: 100_000_000 }));
    const f = (await office.get('/api/fund/2021')).body;
    assert.equal(f.budgetCap.cap, 1_500_000);
    assert.equal(f.budgetCap.share, 0.015);
    const before = await entryCount();
    const over = await office.post('/api/fund/2021/sources', { source: 'budget', amount: 2_000_000, entryDate: '2021-07-01', description: 'Dự toán năm' });
    assert.equal(over.status, 409);
    assert.equal(over.body.error, 'fund_cap_exceeded');
    assert.match(over.body.message, /vượt mức tối đa 1,5%/);
    assert.equal(await entryCount(), before);
    ok(
      await office.post('/api/fund/2021/sources', {
        source: 'budget',
        amount: 1_000_000,
        entryDate: '2021-07-01',
        voucher: 'UNC 12',
        description: 'Dự toán năm 2021',
      }),
      201,
    );
    ok(
      await office.post('/api/fund/2021/sources', { source: 'contribution', amount: 500_000, entryDate: '2021-07-02', description: 'Công đoàn đóng góp' }),
      201,
    );
    const bad = await office.post('/api/fund/2021/sources', { source: 'budget', amount: -5, entryDate: '2021-07-01', description: 'x' });
    assert.equal(bad.status, 400);
    assert.match(bad.body.message, /lớn hơn 0/);
  });

  it('refuses a payment above the committed amount, then pays it exactly', async () => {
    const c = (await office.get('/api/fund/2021/commitments')).body.items[0];
    const before = await entryCount();
    const r = await office.post('/api/fund/2021/payments', {
      commitmentId: c.id,
      amount: c.amount + 10_000,
      entryDate: '2021-07-03',
      voucher: 'PC01',
      payee: c.awardeeName,
    });
    assert.equal(r.status, 409);
    assert.equal(r.body.error, 'payment_above_committed');
    assert.match(r.body.message, /vượt số còn phải chi/);
    assert.equal(await entryCount(), before);
    ok(
      await office.post('/api/fund/2021/payments', { commitmentId: c.id, amount: c.amount, entryDate: '2021-07-03', voucher: 'PC01', payee: c.awardeeName }),
      201,
    );
    const again = await office.post('/api/fund/2021/payments', {
      commitmentId: c.id,
      amount: 10_000,
      entryDate: '2021-07-03',
      voucher: 'PC02',
      payee: c.awardeeName,
    });
    assert.equal(again.status, 409);
    const f = (await office.get('/api/fund/2021')).body;
    assert.equal(f.totals.paid, c.amount);
    assert.equal(f.totals.balance, 1_500_000 - c.amount);
  });

  it('organising spending stays within the pack share of the fund', async () => {
    const over = await office.post('/api/fund/2021/organising', { amount: 400_000, entryDate: '2021-07-05', description: 'Hội nghị tổng kết' });
    assert.equal(over.status, 409);
    assert.match(over.body.message, /tối đa 20%/);
    ok(await office.post('/api/fund/2021/organising', { amount: 200_000, entryDate: '2021-07-05', voucher: 'PC03', description: 'Hội nghị sơ kết' }), 201);
  });

  it('revocation returns the money: unpaid commitments are released, paid ones become money to recover', async () => {
    const before = (await office.get('/api/fund/2021')).body.totals;
    const paidOne = awardees[0]!;
    const unpaid = awardees[1]!;
    ok(await giamdoc.post(`/api/decisions/${decisionId}/revoke`, { reason: 'Phát hiện khai man thành tích', awardeeIds: [paidOne.id, unpaid.id] }));
    const after = (await office.get('/api/fund/2021')).body.totals;
    assert.equal(after.returned, paidOne.amount + unpaid.amount);
    assert.equal(after.owed, before.owed - unpaid.amount);
    assert.equal(after.toRecover, paidOne.amount);
    assert.equal(after.balance, before.balance);
    const returns = (await office.get('/api/fund/2021/entries?entryKind=return')).body;
    assert.equal(returns.total, 2);
    assert.ok(
      returns.items.some((e: { description: string }) => /phải thu hồi/.test(e.description)),
      JSON.stringify(returns.items),
    );
    const items = (await office.get('/api/fund/2021/commitments')).body.items as { id: string; status: string }[];
    assert.deepEqual(
      items.map((i) => i.status),
      ['returned', 'returned', 'open'],
    );
    const refused = await office.post('/api/fund/2021/payments', {
      commitmentId: items[1]!.id,
      amount: 10_000,
      entryDate: '2021-07-06',
      voucher: 'PC04',
      payee: 'X',
    });
    assert.equal(refused.status, 409);
    assert.match(refused.body.message, /đã bị hủy bỏ/);
  });

  it('exports the ledger to Excel with a running balance; formula-like text stays text', async () => {
    ok(await office.post('/api/fund/2021/sources', { source: 'contribution', amount: 100_000, entryDate: '2021-07-07', description: '=HYPERLINK("x")' }), 201);
    const cookie = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'vanphong', password: DEMO_PASSWORD } });
    const r = await t.app.inject({
      method: 'GET',
      url: '/api/fund/2021/ledger.xlsx',
      cookies: { tdkt_session: cookie.cookies.find((c) => c.name === 'tdkt_session')!.value },
    });
    assert.equal(r.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    assert.equal(sheet.getRow(1).getCell(1).value, 'Ngày');
    const total = (await office.get('/api/fund/2021/entries')).body.total;
    // The header, one row per entry, then the totals row (sums of Thu, Chi and commitments).
    assert.equal(sheet.rowCount, total + 2);
    const texts: string[] = [];
    sheet.eachRow((row) => texts.push(String(row.getCell(5).value)));
    assert.ok(texts.includes(`'=HYPERLINK("x")`), texts.join(' | '));
    const lastEntry = sheet.getRow(total + 1);
    assert.equal(Number(lastEntry.getCell(9).value), (await office.get('/api/fund/2021')).body.totals.balance);
    const totals = sheet.getRow(total + 2);
    const income = (await office.get('/api/fund/2021')).body.totals.income as number;
    assert.equal((totals.getCell(6).value as { result: number }).result, income);
  });

  it('keeps the bonus fund of NĐ 73/2024 apart', async () => {
    const bonus = await office.get('/api/fund/2021?kind=bonus');
    ok(bonus);
    assert.equal(bonus.body.totals.income, 0);
    assert.equal(bonus.body.kindLabel, 'Quỹ tiền thưởng (NĐ 73/2024)');
    const tied = await office.post('/api/fund/2021/payments', {
      kind: 'bonus',
      commitmentId: awardees[2]!.id,
      amount: 1,
      entryDate: '2021-07-08',
      voucher: 'x',
      payee: 'y',
    });
    assert.equal(tied.status, 400);
  });

  it('a clerk of a unit cannot see the fund', async () => {
    const donvi = await t.login('donvi');
    assert.equal((await donvi.get('/api/fund/2021')).status, 403);
  });

  it('award items: stock at a date, issue per decision, spoiled with a reason, refused beyond stock', async () => {
    const d2 = await reviewedDossier(t, 2, { skip: 3 });
    const dec = await giamdoc.post('/api/decisions', {
      candidateIds: d2.candidateIds,
      decisionDate: '2021-06-26',
      signerName: 'Hoàng Văn Thạch',
      signerTitle: 'Giám đốc Sở',
    });
    ok(dec, 201);
    ok(await office.post(`/api/decisions/${dec.body.id}/certificates`));
    const none = await office.post('/api/award-items/issue', { decisionId: dec.body.id, moveDate: '2021-07-10' });
    assert.equal(none.status, 409);
    assert.match(none.body.message, /không đủ/);
    ok(
      await office.post('/api/award-items/moves', { itemKind: 'phoi_giay_khen', move: 'received', quantity: 3, moveDate: '2021-07-01', reference: 'PN 01' }),
      201,
    );
    const noReason = await office.post('/api/award-items/moves', { itemKind: 'phoi_giay_khen', move: 'spoiled', quantity: 1, moveDate: '2021-07-02' });
    assert.equal(noReason.status, 400);
    assert.match(noReason.body.message, /lý do/);
    ok(
      await office.post('/api/award-items/moves', { itemKind: 'phoi_giay_khen', move: 'spoiled', quantity: 1, moveDate: '2021-07-02', reason: 'In lệch' }),
      201,
    );
    const issued = await office.post('/api/award-items/issue', { decisionId: dec.body.id, moveDate: '2021-07-10' });
    ok(issued);
    assert.equal(issued.body.total, 2);
    const stock = async (date: string) =>
      ((await office.get(`/api/award-items/stock?date=${date}`)).body.items as { itemKind: string; stock: number }[]).find(
        (l) => l.itemKind === 'phoi_giay_khen',
      )!.stock;
    assert.equal(await stock('2021-06-30'), 0);
    assert.equal(await stock('2021-07-01'), 3);
    assert.equal(await stock('2021-07-05'), 2);
    assert.equal(await stock('2021-07-10'), 0);
    assert.equal((await office.post('/api/award-items/issue', { decisionId: dec.body.id, moveDate: '2021-07-11' })).body.total, 0, 'idempotent');
    // Revoking one awardee recalls the item of that certificate.
    ok(await giamdoc.post(`/api/decisions/${dec.body.id}/revoke`, { reason: 'Sai đối tượng', awardeeIds: [dec.body.awardees[0].id] }));
    const recalled = (await office.get('/api/award-items/stock')).body.items.find((l: { itemKind: string }) => l.itemKind === 'phoi_giay_khen');
    assert.equal(recalled.recalled, 1);
  });

  it('a re-issue request end to end: due date from the pack, new register number, old one flagged, both in the register', async () => {
    const d3 = await reviewedDossier(t, 1, { skip: 5 });
    const dec = await giamdoc.post('/api/decisions', {
      candidateIds: d3.candidateIds,
      decisionDate: '2021-06-27',
      signerName: 'Hoàng Văn Thạch',
      signerTitle: 'Giám đốc Sở',
    });
    ok(dec, 201);
    const cert = (await office.post(`/api/decisions/${dec.body.id}/certificates`)).body.items[0];
    ok(await office.post('/api/award-items/moves', { itemKind: 'phoi_giay_khen', move: 'received', quantity: 2, moveDate: '2021-07-01' }), 201);
    const badReq = await office.post('/api/reissue-requests', { certificateId: cert.id, kind: 'cap_doi', requesterName: '', reason: 'Rách' });
    assert.equal(badReq.status, 400);
    assert.equal(Number((await t.db.select({ n: count() }).from(reissueRequests))[0]!.n), 0);
    const r = await office.post('/api/reissue-requests', {
      certificateId: cert.id,
      kind: 'cap_doi',
      requesterName: cert.recipientName,
      reason: 'Giấy khen bị rách, nhòe chữ',
      receivedDate: '2026-11-20',
    });
    ok(r, 201);
    assert.equal(r.body.dueDate, '2026-12-05');
    assert.match(r.body.limitArticle, /15 ngày/);
    assert.deepEqual(r.body.abilities, ['read', 'issue', 'refuse']);
    const dup = await office.post('/api/reissue-requests', { certificateId: cert.id, kind: 'cap_lai', requesterName: 'A', reason: 'Mất' });
    assert.equal(dup.status, 409);
    const g = await office.post(`/api/reissue-requests/${r.body.id}/grant`, { answer: 'Đã cấp đổi' });
    ok(g);
    assert.equal(g.body.status, 'done');
    assert.ok(g.body.newCertificate);
    assert.notEqual(g.body.newCertificate.registerNumber, cert.registerNumber);
    assert.equal(g.body.oldCertificate.revoked, true);
    const register = (await office.get(`/api/certificates?decisionId=${dec.body.id}`)).body.items as {
      id: string;
      revoked: boolean;
      revokedReason: string | null;
    }[];
    assert.equal(register.length, 2);
    const old = register.find((c) => c.id === cert.id)!;
    assert.equal(old.revoked, true);
    assert.match(old.revokedReason ?? '', /Đã cấp đổi/);
    const moves = await t.db.select().from(awardItemMoves).where(eq(awardItemMoves.certificateId, cert.id));
    assert.deepEqual(
      moves.map((m) => m.move),
      ['recalled'],
    );
    assert.equal((await office.post(`/api/reissue-requests/${r.body.id}/refuse`, { answer: 'x' })).status, 409);
    assert.equal((await office.get('/api/reissue-requests')).body.total, 1);
  });
});

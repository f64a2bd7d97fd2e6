/** Money is bigint: a decision of 5,000 Giấy khen (over 2^31 đồng) is stored and answered exactly. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type Client, type TestApp } from '../helpers/app.js';
import { ok, reviewedDossier } from '../helpers/dossiers.js';
import { decisionAwardees } from '../../src/server/db/schema/index.js';
import { setDecisionTotal } from '../../src/server/repositories/decisions.js';
import { rowsOf } from '../../src/server/repositories/dossiers.js';

const INT32_MAX = 2 ** 31 - 1;

describe('money columns are bigint', () => {
  let t: TestApp;
  let giamdoc: Client;

  before(async () => {
    t = await createTestApp();
    giamdoc = await t.login('giamdoc');
  });
  after(async () => t.close());

  it('every money column of the schema is bigint (or numeric), none a 32-bit integer', async () => {
    const list = rowsOf<{ table_name: string; column_name: string; data_type: string }>(
      await t.db.execute(sql`
      select table_name, column_name, data_type from information_schema.columns
      where table_schema = 'public'
        and (column_name in ('amount', 'total_amount', 'base_salary', 'basis_amount') or column_name like '%\_vnd')`),
    );
    const money = list.map((r) => `${r.table_name}.${r.column_name}`);
    for (const c of ['award_decisions.total_amount', 'decision_awardees.amount', 'decision_awardees.base_salary', 'honor_awards.amount', 'fund_entries.amount'])
      assert.ok(money.includes(c), `${c} is among the money columns`);
    const narrow = list.filter((r) => r.data_type !== 'bigint' && r.data_type !== 'numeric').map((r) => `${r.table_name}.${r.column_name}: ${r.data_type}`);
    assert.deepEqual(narrow, []);
  });

  it('a decision of 5,000 Giấy khen totals past 2^31 đồng and reads back exactly', async () => {
    const r = await reviewedDossier(t, 1);
    const d = await giamdoc.post('/api/decisions', {
      candidateIds: r.candidateIds,
      decisionDate: '2021-06-25',
      signerName: 'Hoàng Văn Thạch',
      signerTitle: 'Giám đốc Sở',
    });
    ok(d, 201);
    const first = d.body.awardees[0] as { id: string; amount: number };
    assert.ok(first.amount > 0, 'a Giấy khen carries money');
    // The other 4,999 awardees of the same list (the pipeline's own rows, copied: pushing 5,000
    // people through council and ballots would make this test minutes long).
    const [row] = await t.db.select().from(decisionAwardees).where(eq(decisionAwardees.id, first.id));
    const { id: _id, candidateId: _c, honorAwardId: _h, ...copy } = row!;
    const more = Array.from({ length: 4_999 }, (_, i) => ({ ...copy, displayName: `${copy.displayName} ${i + 2}`, sortOrder: i + 1 }));
    for (let i = 0; i < more.length; i += 1_000) await t.db.insert(decisionAwardees).values(more.slice(i, i + 1_000));
    const [sum] = await t.db
      .select({ n: sql<string>`count(*)`, total: sql<string>`sum(${decisionAwardees.amount})` })
      .from(decisionAwardees)
      .where(eq(decisionAwardees.decisionId, d.body.id));
    assert.equal(Number(sum!.n), 5_000);
    const total = 5_000 * first.amount;
    assert.equal(Number(sum!.total), total);
    assert.ok(total > INT32_MAX, `${total} overflows a 32-bit integer`);
    await setDecisionTotal(t.db, d.body.id, total);
    const got = await giamdoc.get(`/api/decisions/${d.body.id}`);
    ok(got);
    assert.equal(got.body.totalAmount, total);
    assert.equal(got.body.awardees.length, 5_000);
  });
});

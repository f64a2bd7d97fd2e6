import { eq } from 'drizzle-orm';
import type { Db } from '../../src/server/db/client.js';
import { awardDecisions, decisionAwardees, people } from '../../src/server/db/schema/index.js';

/**
 * An issued internal decision of `unitId` awarding `honor` to the first `n` people of the unit's
 * staff (inserted directly: the dossier pipeline that normally issues it is tested elsewhere).
 */
let nextNumber = 900;

export async function buildDecision(db: Db, unitId: string, opts: { n?: number; honor?: string; number?: number; date?: string } = {}) {
  const n = opts.n ?? 3;
  const staff = await db.select().from(people).where(eq(people.unitId, unitId)).limit(n);
  // Numbers from a counter: random ones collided in the register's unique (unit, year, number) now and then.
  const number = opts.number ?? nextNumber++;
  const date = opts.date ?? '2026-03-15';
  const [d] = await db
    .insert(awardDecisions)
    .values({
      kind: 'internal',
      unitId,
      issuerName: 'Sở Khoa học và Công nghệ tỉnh Cao Bằng',
      number,
      year: Number(date.slice(0, 4)),
      numberText: `${number}/QĐ-SKHCN`,
      decisionDate: date,
      title: 'Về việc tặng Giấy khen',
      signerName: 'Hoàng Văn Thạch',
      signerTitle: 'GIÁM ĐỐC',
      regime: 'ND98_2023',
    })
    .returning();
  const awardees = [];
  for (const [i, p] of staff.entries()) {
    const [a] = await db
      .insert(decisionAwardees)
      .values({
        decisionId: d!.id,
        subjectKind: 'individual',
        personId: p.id,
        displayName: p.fullName,
        positionText: p.position,
        honor: opts.honor ?? 'GK',
        type: 'cong_trang',
        amount: 450_000,
        sortOrder: i,
      })
      .returning();
    awardees.push(a!);
  }
  return { decision: d!, awardees };
}

/**
 * Demo records for the demo agency: ratings 2019–2025 for every person and unit, LĐTT/CSTĐCS
 * history with decision numbers, a few initiatives, one discipline. Built so that, for 2025,
 * Lý Thị Phương is eligible for CSTĐ cấp tỉnh (CSTĐCS 2023–2025 + a provincial initiative) and
 * Hà Thị Mai just misses it (CSTĐCS only 2024–2025).
 */
import type { Executor } from '../db/client.js';
import type { honorAwards, qualityRatings } from '../db/schema/index.js';
import {
  unsafeAllPeople,
  unsafeInsertDiscipline,
  unsafeInsertHonorAwards,
  unsafeInsertInitiative,
  unsafeInsertRatings,
  unsafeInsertRuleOverride,
  unsafeUnitsOfSubtree,
} from '../repositories/demo-records.js';
import type { RuleOverride } from '../rules/index.js';
import type { Honor, InitiativeScope, Rating } from '../../shared/codes.js';

const FIRST = 2019;
const LAST = 2025;
const ISSUER = 'Giám đốc Sở Khoa học và Công nghệ tỉnh Cao Bằng';
const PROVINCE = 'Chủ tịch UBND tỉnh Cao Bằng';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Fixed careers for named people (the rest are generated). */
const SCRIPTED: Record<string, { ratings: Partial<Record<number, Rating>>; cstdcs: number[] }> = {
  // Eligible for CSTĐ cấp tỉnh 2025: three consecutive CSTĐCS + a provincial initiative (2024).
  'Lý Thị Phương': {
    ratings: { 2019: 'HTTNV', 2020: 'HTTNV', 2021: 'HTTNV', 2022: 'HTTNV', 2023: 'HTXSNV', 2024: 'HTXSNV', 2025: 'HTXSNV' },
    cstdcs: [2023, 2024, 2025],
  },
  // Just misses it: CSTĐCS 2024 and 2025 only (2023 was HTTNV, LĐTT).
  'Hà Thị Mai': { ratings: { 2022: 'HTXSNV', 2023: 'HTTNV', 2024: 'HTXSNV', 2025: 'HTXSNV' }, cstdcs: [2022, 2024, 2025] },
  'Triệu Văn Sơn': { ratings: { 2019: 'HTXSNV', 2020: 'HTXSNV', 2021: 'HTXSNV' }, cstdcs: [2019, 2020, 2021] },
};

/** Adds the demo records inside the demo seed's transaction. */
export async function seedDemoRecords(tx: Executor, rootUnitId: string): Promise<{ ratings: number; honors: number; initiatives: number }> {
  const rand = rng(2025);
  const unitRows = await unsafeUnitsOfSubtree(tx, rootUnitId);
  const staff = await unsafeAllPeople(tx);
  const unitCode = new Map(unitRows.map((u) => [u.id, u.code ?? 'SKHCN']));

  const ratingRows: (typeof qualityRatings.$inferInsert)[] = [];
  const honorRows: (typeof honorAwards.$inferInsert & { id: string })[] = [];
  let decisionNo = 10;
  const decision = (year: number, issuer = ISSUER) => ({
    decisionNumber: `${decisionNo++}/QĐ-${issuer === PROVINCE ? 'UBND' : 'SKHCN'}`,
    decisionDate: `${year + 1}-01-${String(10 + (decisionNo % 15)).padStart(2, '0')}`,
    issuer,
    source: 'import',
  });
  const honor = (personId: string | null, unitId: string | null, h: Honor, year: number, issuer?: string) => {
    const id = crypto.randomUUID();
    honorRows.push({ id, personId, unitId, honor: h, year, type: 'cong_trang', ...decision(year, issuer) });
    return id;
  };
  const cstdcsUsedBy = new Map<string, { personId: string; year: number; awardId: string }[]>();

  for (const p of staff) {
    const script = SCRIPTED[p.fullName];
    let run = 0;
    for (let y = FIRST; y <= LAST; y++) {
      const r = rand();
      const rating: Rating = script?.ratings[y] ?? (r < 0.25 ? 'HTXSNV' : r < 0.9 ? 'HTTNV' : r < 0.98 ? 'HTNV' : 'KHTNV');
      // Generated careers never reach CSTĐ cấp tỉnh by accident: at most two CSTĐCS in a row.
      const cstdcs = script ? script.cstdcs.includes(y) : rating === 'HTXSNV' && run < 2 && rand() < 0.5;
      ratingRows.push({ personId: p.id, year: y, rating, source: 'import' });
      if (rating === 'HTXSNV' || rating === 'HTTNV') honor(p.id, null, 'LDTT', y);
      if (cstdcs) {
        const awardId = honor(p.id, null, 'CSTDCS', y);
        const list = cstdcsUsedBy.get(p.id) ?? [];
        list.push({ personId: p.id, year: y, awardId });
        cstdcsUsedBy.set(p.id, list);
        run++;
      } else run = 0;
    }
    if (p.fullName === 'Triệu Văn Sơn') honor(p.id, null, 'CSTD_BO_TINH', 2021, PROVINCE);
  }

  // Units as collectives: ratings every year; TTLĐTT mostly, TTLĐXS for the best years.
  for (const u of unitRows) {
    if (u.kind === 'union') continue;
    for (let y = FIRST; y <= LAST; y++) {
      const rating: Rating = rand() < 0.35 ? 'HTXSNV' : 'HTTNV';
      ratingRows.push({ unitId: u.id, year: y, rating, source: 'import' });
      honor(null, u.id, rating === 'HTXSNV' && rand() < 0.5 ? 'TTLDXS' : 'TTLDTT', y);
    }
  }

  await unsafeInsertRatings(tx, ratingRows);
  await unsafeInsertHonorAwards(tx, honorRows);

  // Initiatives: the CSTĐCS of a generated career rest on a co_so initiative that year (used for it).
  const byName = new Map(staff.map((p) => [p.fullName, p]));
  const items: { title: string; scope: InitiativeScope; year: number; authors: string[]; usedFor?: string; unitId: string }[] = [];
  const phuong = byName.get('Lý Thị Phương');
  const mai = byName.get('Hà Thị Mai');
  if (phuong)
    items.push({
      title: 'Quy trình nhân giống cây dẻ Trùng Khánh bằng phương pháp ghép cải tiến',
      scope: 'bo_tinh',
      year: 2024,
      authors: [phuong.id],
      unitId: phuong.unitId,
    });
  if (mai)
    items.push({ title: 'Phần mềm theo dõi hồ sơ thi đua, khen thưởng của Trung tâm', scope: 'bo_tinh', year: 2025, authors: [mai.id], unitId: mai.unitId });
  const topics = [
    'Số hóa hồ sơ lưu trữ',
    'Cải tiến quy trình kiểm định phương tiện đo',
    'Ứng dụng chế phẩm vi sinh xử lý phụ phẩm nông nghiệp',
    'Bản đồ số nguồn gen cây bản địa',
    'Chuẩn hóa mẫu báo cáo thống kê KH&CN',
    'Tự động hóa nhắc hạn hồ sơ',
  ];
  let t = 0;
  for (const [personId, list] of cstdcsUsedBy) {
    const p = staff.find((x) => x.id === personId);
    if (!p || SCRIPTED[p.fullName] || t >= topics.length) continue;
    const last = list[list.length - 1]!;
    items.push({
      title: `${topics[t++]} (${unitCode.get(p.unitId)})`,
      scope: 'co_so',
      year: last.year,
      authors: [personId],
      usedFor: last.awardId,
      unitId: p.unitId,
    });
  }
  for (const it of items) {
    await unsafeInsertInitiative(
      tx,
      {
        unitId: it.unitId,
        title: it.title,
        scope: it.scope,
        year: it.year,
        decisionNumber: `${decisionNo++}/QĐ-${it.scope === 'co_so' ? 'SKHCN' : 'UBND'}`,
        decisionDate: `${it.year}-11-20`,
        issuer: it.scope === 'co_so' ? ISSUER : PROVINCE,
        usedForAwardId: it.usedFor ?? null,
      },
      it.authors,
    );
  }

  // One discipline: a reprimand in 2024 for a generated member of staff.
  const disciplined = staff.find((p) => !SCRIPTED[p.fullName] && unitCode.get(p.unitId) === 'CCTĐC');
  if (disciplined)
    await unsafeInsertDiscipline(tx, {
      personId: disciplined.id,
      level: 'khien_trach',
      year: 2024,
      decisionNumber: '45/QĐ-SKHCN',
      decisionDate: '2024-08-12',
      note: 'Vi phạm quy chế làm việc',
    });

  // The Sở's own Giấy khen criteria (Law Art 75 k2), in force from the 2025 reform.
  const gk: RuleOverride = {
    id: 'skhcn-giay-khen',
    version: 1,
    agency: 'SKHCN',
    title: 'Tiêu chuẩn Giấy khen của Giám đốc Sở',
    basis: 'Quyết định số 05/2025/QĐ-SKHCN',
    effectiveFrom: '2025-07-01',
    regimes: ['ND152_2025'],
    changes: [
      {
        op: 'set_criteria',
        honor: 'GK',
        subject: 'individual',
        criteria: [
          { kind: 'rating_at_least', rating: 'HTTNV', rule: 'SKHCN.GK.httnv', article: 'Điều 4 Quyết định số 05/2025/QĐ-SKHCN', verified: true },
          {
            kind: 'no_discipline',
            atLeast: 'khien_trach',
            withinYears: 1,
            rule: 'SKHCN.GK.khong_ky_luat',
            article: 'Điều 4 Quyết định số 05/2025/QĐ-SKHCN',
            verified: true,
          },
        ],
      },
    ],
  };
  await unsafeInsertRuleOverride(tx, { unitId: rootUnitId, overrideId: gk.id, version: gk.version, effectiveFrom: gk.effectiveFrom, body: gk });

  return { ratings: ratingRows.length, honors: honorRows.length, initiatives: items.length };
}

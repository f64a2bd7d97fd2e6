/**
 * Criterion evaluators (three-valued: true / false / null = data missing) with Vietnamese texts,
 * and the per-subject index they read. The index is built once per subject and reused across all
 * honors, which is what keeps batch evaluation fast (no re-sorting, no repeated scans).
 */
import { COMMENDATION_TYPES, DISCIPLINES, INITIATIVE_SCOPES, RATINGS, type CommendationType, type Honor, type SubjectKind } from '../../shared/codes.js';
import { HONOR_SHORT, disciplineLabel, inWindow, percent, ratingAtLeastLabel, ratingLabel, scopeLabel, windowLabel, yearsList } from './labels.js';
import { FACT_LABELS, type Criterion, type Fact, type MemberInput, type RulePack, type SubjectInput } from './types.js';

// ---------------------------------------------------------------- index

/** Bit per commendation type; an honor-year holds the OR of the types it was given with. */
const TYPE_BIT: Record<CommendationType, number> = Object.fromEntries(COMMENDATION_TYPES.map((t, i) => [t, 1 << i])) as Record<CommendationType, number>;
/** Only merit-based (công trạng) awards feed chains (ND98/ND152 Art 4). */
const DEFAULT_MASK = TYPE_BIT.cong_trang;

const RATING_RANK = new Map(RATINGS.map((r, i) => [r, i])); // 0 = best
const DISCIPLINE_RANK = new Map(DISCIPLINES.map((d, i) => [d, i])); // 0 = mildest
const SCOPE_RANK = new Map(INITIATIVE_SCOPES.map((s, i) => [s, i])); // 0 = co_so

export interface SubjectIndex {
  kind: SubjectKind;
  /** year → rating rank (0 = HTXSNV). */
  ratings: Map<number, number>;
  /** honor → year → bitmask of commendation types. */
  honors: Map<Honor, Map<number, number>>;
  /** Unused initiatives only; `usedByYear` keeps the used ones for the explanation. */
  initiatives: { year: number; scope: number }[];
  usedInitiatives: { year: number; scope: number }[];
  /** year → highest discipline rank that year. */
  disciplines: Map<number, number>;
  facts: Map<Fact, Set<number>>;
  members: SubjectIndex[] | null;
}

function indexMember(m: MemberInput, kind: SubjectKind): SubjectIndex {
  const ratings = new Map<number, number>();
  for (const r of m.ratings ?? []) ratings.set(r.year, RATING_RANK.get(r.rating) ?? RATINGS.length);
  const honors = new Map<Honor, Map<number, number>>();
  for (const h of m.honors ?? []) {
    let years = honors.get(h.honor);
    if (!years) honors.set(h.honor, (years = new Map<number, number>()));
    years.set(h.year, (years.get(h.year) ?? 0) | TYPE_BIT[h.type ?? 'cong_trang']);
  }
  const disciplines = new Map<number, number>();
  for (const d of m.disciplines ?? []) {
    const rank = DISCIPLINE_RANK.get(d.level) ?? 0;
    if ((disciplines.get(d.year) ?? -1) < rank) disciplines.set(d.year, rank);
  }
  return { kind, ratings, honors, initiatives: [], usedInitiatives: [], disciplines, facts: new Map(), members: null };
}

/** Builds the lookup structures for one subject (and its members) once. */
export function indexSubject(subject: SubjectInput): SubjectIndex {
  const idx = indexMember(subject, subject.kind);
  for (const i of subject.initiatives ?? []) {
    (i.used ? idx.usedInitiatives : idx.initiatives).push({ year: i.year, scope: SCOPE_RANK.get(i.scope) ?? 0 });
  }
  for (const f of subject.facts ?? []) {
    let years = idx.facts.get(f.fact);
    if (!years) idx.facts.set(f.fact, (years = new Set()));
    years.add(f.year);
  }
  if (subject.kind === 'collective' && subject.members) idx.members = subject.members.map((m) => indexMember(m, 'individual'));
  return idx;
}

// ---------------------------------------------------------------- evaluation

export type Tri = boolean | null;

export interface Outcome {
  ok: Tri;
  /** Empty when the caller did not ask for explanations (batch mode). */
  text: string;
}

export interface EvalContext {
  pack: RulePack;
  year: number;
  explain: boolean;
  /** Guards meets_honor recursion. */
  depth: number;
}

const maskCache = new WeakMap<readonly CommendationType[], number>();
function maskOf(types: readonly CommendationType[] | undefined): number {
  if (!types) return DEFAULT_MASK;
  let m = maskCache.get(types);
  if (m === undefined) {
    m = 0;
    for (const t of types) m |= TYPE_BIT[t];
    maskCache.set(types, m);
  }
  return m;
}

function holds(idx: SubjectIndex, honor: Honor, year: number, mask: number): boolean {
  const years = idx.honors.get(honor);
  return years !== undefined && ((years.get(year) ?? 0) & mask) !== 0;
}

/** Years the honor was given only with types that do not count (e.g. chuyên đề) — for the text. */
function excludedYears(idx: SubjectIndex, honor: Honor, from: number, to: number, mask: number): number[] {
  const years = idx.honors.get(honor);
  if (!years) return [];
  const out: number[] = [];
  for (let y = from; y <= to; y++) {
    const bits = years.get(y);
    if (bits !== undefined && (bits & mask) === 0) out.push(y);
  }
  return out;
}

function excludedNote(years: number[]): string {
  return years.length ? `; không tính khen thưởng theo đợt, chuyên đề, đột xuất năm ${yearsList(years)}` : '';
}

export function and(values: Tri[]): Tri {
  let unknown = false;
  for (const v of values) {
    if (v === false) return false;
    if (v === null) unknown = true;
  }
  return unknown ? null : true;
}

export function or(values: Tri[]): Tri {
  let unknown = false;
  for (const v of values) {
    if (v === true) return true;
    if (v === null) unknown = true;
  }
  return unknown ? null : false;
}

const strip = (t: string): string => t.replace(/^(Đạt|Chưa đạt|Chưa đủ|Không đạt|Thiếu dữ liệu|Cần xác nhận): /, '');

const ok = (cond: Tri, explain: boolean, yes: () => string, no: () => string, unknown?: () => string): Outcome => ({
  ok: cond,
  text: explain ? (cond === true ? yes() : cond === false ? no() : (unknown ?? no)()) : '',
});

/** Evaluates one criterion for an indexed subject in the context's year. */
export function evaluateCriterion(c: Criterion, idx: SubjectIndex, ctx: EvalContext): Outcome {
  const { year: y, explain: ex } = ctx;
  switch (c.kind) {
    case 'rating_at_least': {
      const r = idx.ratings.get(y);
      const need = RATING_RANK.get(c.rating) ?? 0;
      if (r === undefined) return { ok: null, text: ex ? `Thiếu dữ liệu: chưa có xếp loại chất lượng năm ${y}` : '' };
      const actual = RATINGS[r];
      return ok(
        r <= need,
        ex,
        () => `Đạt: xếp loại ${actual ? ratingLabel(actual) : '?'} năm ${y}`,
        () => `Chưa đạt: xếp loại năm ${y} là ${actual ? ratingLabel(actual) : '?'}; cần ${ratingAtLeastLabel(c.rating)}`,
      );
    }
    case 'consecutive_rating_years': {
      const need = RATING_RANK.get(c.rating) ?? 0;
      const from = y - c.years + 1;
      const missing: number[] = [];
      const bad: string[] = [];
      for (let yy = from; yy <= y; yy++) {
        const r = idx.ratings.get(yy);
        if (r === undefined) missing.push(yy);
        else if (r > need) bad.push(ex ? `${yy} (${ratingLabel(RATINGS[r] ?? 'KHTNV')})` : '');
      }
      const res: Tri = bad.length ? false : missing.length ? null : true;
      const what = `${c.years} năm liên tục (${windowLabel(from, y)}) xếp loại ${ratingAtLeastLabel(c.rating)}`;
      return ok(
        res,
        ex,
        () => `Đạt: ${what}`,
        () => `Chưa đủ: cần ${what}; năm không đạt: ${bad.join(', ')}`,
        () => `Thiếu dữ liệu: cần ${what}; chưa có xếp loại năm ${yearsList(missing)}`,
      );
    }
    case 'consecutive_title_years': {
      const mask = maskOf(c.countTypes);
      const term = c.termYears ?? 1;
      const chain: number[] = [];
      for (let i = c.years - 1; i >= 0; i--) chain.push(y - i * term);
      const first = chain[0] ?? y;
      // One achievement, one award: years before the last award of `resetBy` cannot be reused.
      let resetYear: number | null = null;
      if (c.resetBy) {
        const rs = idx.honors.get(c.resetBy);
        if (rs) for (const [ry, bits] of rs) if (ry < y && ry >= first && bits & DEFAULT_MASK && (resetYear === null || ry > resetYear)) resetYear = ry;
      }
      const held = chain.filter((cy) => holds(idx, c.honor, cy, mask) && (resetYear === null || cy > resetYear));
      const res = held.length === chain.length;
      const unit = term === 1 ? 'năm' : 'lần';
      return ok(
        res,
        ex,
        () => `Đạt: ${c.years} ${unit} liên tục đạt ${HONOR_SHORT[c.honor]} (${yearsList(chain)})`,
        () => {
          const span = term === 1 ? windowLabel(first, y) : `các năm ${yearsList(chain)}`;
          const reset = resetYear !== null ? `; chỉ tính sau năm ${resetYear} đã được tặng ${HONOR_SHORT[c.resetBy ?? c.honor]}` : '';
          return `Chưa đủ: cần ${c.years} ${unit} liên tục đạt ${HONOR_SHORT[c.honor]} (${span}); ${held.length ? `mới có ${yearsList(held)}` : 'chưa có năm nào'}${reset}${excludedNote(excludedYears(idx, c.honor, first, y, mask))}`;
        },
      );
    }
    case 'honor_count': {
      const mask = maskOf(c.countTypes);
      const from = y - (c.withinYears ?? 1) + 1;
      const held: number[] = [];
      for (let yy = from; yy <= y; yy++) if (holds(idx, c.honor, yy, mask)) held.push(yy);
      return ok(
        held.length >= c.atLeast,
        ex,
        () => `Đạt: ${held.length} lần đạt ${HONOR_SHORT[c.honor]} trong ${windowLabel(from, y)} (${yearsList(held)})`,
        () =>
          `Chưa đủ: cần ${c.atLeast} lần đạt ${HONOR_SHORT[c.honor]} trong ${windowLabel(from, y)}; mới có ${held.length}${held.length ? ` (${yearsList(held)})` : ''}${excludedNote(excludedYears(idx, c.honor, from, y, mask))}`,
      );
    }
    case 'prerequisite_honor': {
      const mask = maskOf(c.countTypes);
      const from = c.withinYears ? y - c.withinYears + 1 : -Infinity;
      let found: number | null = null;
      const years = idx.honors.get(c.honor);
      if (years) for (const [hy, bits] of years) if (hy <= y && hy >= from && bits & mask && (found === null || hy > found)) found = hy;
      return ok(
        found !== null,
        ex,
        () => `Đạt: đã được tặng ${HONOR_SHORT[c.honor]} năm ${found}`,
        () => `Chưa đạt: chưa được tặng ${HONOR_SHORT[c.honor]}${c.withinYears ? ` ${inWindow(from, y)}` : ''} (khen thưởng theo công trạng)`,
      );
    }
    case 'initiative': {
      const need = SCOPE_RANK.get(c.scope) ?? 0;
      const count = c.count ?? 1;
      const from = y - (c.withinYears ?? 1) + 1;
      let n = 0;
      for (const i of idx.initiatives) if (i.year >= from && i.year <= y && i.scope >= need) n++;
      let used = 0;
      if (ex && n < count) for (const i of idx.usedInitiatives) if (i.year >= from && i.year <= y && i.scope >= need) used++;
      const what = `${count} sáng kiến phạm vi ${scopeLabel(c.scope)}${c.scope === 'toan_quoc' ? '' : ' trở lên'}`;
      return ok(
        n >= count,
        ex,
        () =>
          `Đạt: có ${n} sáng kiến phạm vi ${scopeLabel(c.scope)}${c.scope === 'toan_quoc' ? '' : ' trở lên'} ${inWindow(from, y)} chưa dùng cho khen thưởng khác`,
        () => `Chưa đạt: cần ${what} ${inWindow(from, y)}; hiện có ${n}${used ? ` (${used} sáng kiến đã dùng cho khen thưởng khác không được tính)` : ''}`,
      );
    }
    case 'no_discipline': {
      const need = DISCIPLINE_RANK.get(c.atLeast) ?? 0;
      const from = y - (c.withinYears ?? 1) + 1;
      let worst = -1;
      let worstYear = y;
      for (let yy = from; yy <= y; yy++) {
        const d = idx.disciplines.get(yy);
        if (d !== undefined && d > worst) {
          worst = d;
          worstYear = yy;
        }
      }
      const level = need === 0 ? '' : ` từ ${disciplineLabel(c.atLeast)} trở lên`;
      return ok(
        worst < need,
        ex,
        () => `Đạt: không bị kỷ luật${level} ${inWindow(from, y)}`,
        () => `Không đạt: bị kỷ luật ${disciplineLabel(DISCIPLINES[worst] ?? c.atLeast)} năm ${worstYear}`,
      );
    }
    case 'member_share': {
      const members = idx.members;
      if (!members || members.length === 0) return noMembers(ex);
      let n = 0;
      for (const m of members) if (holds(m, c.honor, y, DEFAULT_MASK)) n++;
      const total = members.length;
      const eps = 1e-9 * total;
      const pass = c.strict ? n > c.atLeast * total + eps : n >= c.atLeast * total - eps;
      const need = `${c.strict ? 'trên' : 'từ'} ${percent(c.atLeast)}${c.strict ? '' : ' trở lên'}`;
      const got = `${n}/${total} thành viên (${percent(n / total)}) đạt ${HONOR_SHORT[c.honor]} năm ${y}`;
      return ok(
        pass,
        ex,
        () => `Đạt: ${got}; cần ${need}`,
        () => `Chưa đạt: ${got}; cần ${need}`,
      );
    }
    case 'members_all_rating_at_least': {
      const members = idx.members;
      if (!members || members.length === 0) return noMembers(ex);
      const need = RATING_RANK.get(c.rating) ?? 0;
      let below = 0;
      let missing = 0;
      for (const m of members) {
        const r = m.ratings.get(y);
        if (r === undefined) missing++;
        else if (r > need) below++;
      }
      const total = members.length;
      const res: Tri = below ? false : missing ? null : true;
      return ok(
        res,
        ex,
        () => `Đạt: 100% thành viên (${total}/${total}) xếp loại ${ratingAtLeastLabel(c.rating)} năm ${y}`,
        () =>
          `Chưa đạt: ${below}/${total} thành viên xếp loại dưới ${ratingLabel(c.rating)} năm ${y}; cần 100% thành viên ${ratingAtLeastLabel(c.rating).toLowerCase()}`,
        () => `Thiếu dữ liệu: ${missing}/${total} thành viên chưa có xếp loại năm ${y}`,
      );
    }
    case 'member_count_with_honor': {
      const members = idx.members;
      if (!members || members.length === 0) return noMembers(ex);
      let n = 0;
      for (const m of members) if (holds(m, c.honor, y, DEFAULT_MASK)) n++;
      return ok(
        n >= c.atLeast,
        ex,
        () => `Đạt: có ${n} thành viên đạt ${HONOR_SHORT[c.honor]} năm ${y}`,
        () => `Chưa đạt: cần ít nhất ${c.atLeast} thành viên đạt ${HONOR_SHORT[c.honor]} năm ${y}; hiện có ${n}`,
      );
    }
    case 'no_member_discipline_at_least': {
      const members = idx.members;
      if (!members || members.length === 0) return noMembers(ex);
      const need = DISCIPLINE_RANK.get(c.level) ?? 0;
      let n = 0;
      for (const m of members) if ((m.disciplines.get(y) ?? -1) >= need) n++;
      return ok(
        n === 0,
        ex,
        () => `Đạt: không có thành viên bị kỷ luật từ ${disciplineLabel(c.level)} trở lên năm ${y}`,
        () => `Không đạt: ${n} thành viên bị kỷ luật từ ${disciplineLabel(c.level)} trở lên năm ${y}`,
      );
    }
    case 'fact':
    case 'no_fact': {
      const from = y - (c.withinYears ?? 1) + 1;
      let present = false;
      const years = idx.facts.get(c.fact);
      if (years) for (const fy of years) if (fy >= from && fy <= y) present = true;
      const label = FACT_LABELS[c.fact];
      const when = inWindow(from, y);
      if (c.kind === 'no_fact') {
        return ok(
          !present,
          ex,
          () => `Đạt: không thuộc trường hợp ${label} ${when}`,
          () => `Không đạt: ${label} ${when}`,
        );
      }
      const absent: Tri = c.ifAbsent === 'unknown' ? null : false;
      return ok(
        present ? true : absent,
        ex,
        () => `Đạt: đã xác nhận ${label} ${when}`,
        () => `Chưa đạt: chưa có xác nhận ${label} ${when}`,
        () => `Cần xác nhận: ${label} ${when}`,
      );
    }
    case 'meets_honor': {
      const list = ctx.pack.honors[c.honor].criteria[idx.kind];
      if (!list || ctx.depth > 4) return { ok: null, text: ex ? `Thiếu dữ liệu: không có tiêu chuẩn ${HONOR_SHORT[c.honor]} cho đối tượng này` : '' };
      const sub = { ...ctx, depth: ctx.depth + 1 };
      const outs = list.map((cc) => evaluateCriterion(cc, idx, sub));
      const res = and(outs.map((o) => o.ok));
      return ok(
        res,
        ex,
        () => `Đạt tiêu chuẩn ${HONOR_SHORT[c.honor]}: ${strip(outs[0]?.text ?? '')}`,
        () =>
          `Chưa đạt tiêu chuẩn ${HONOR_SHORT[c.honor]}: ${outs
            .filter((o) => o.ok === false)
            .map((o) => strip(o.text))
            .join('; ')}`,
        () =>
          `Thiếu dữ liệu để xét tiêu chuẩn ${HONOR_SHORT[c.honor]}: ${outs
            .filter((o) => o.ok === null)
            .map((o) => strip(o.text))
            .join('; ')}`,
      );
    }
    case 'all_of': {
      const outs = c.of.map((cc) => evaluateCriterion(cc, idx, ctx));
      const res = and(outs.map((o) => o.ok));
      return ok(
        res,
        ex,
        () => `Đạt: ${outs.map((o) => strip(o.text)).join('; ')}`,
        () =>
          `Chưa đạt: ${outs
            .filter((o) => o.ok !== true)
            .map((o) => strip(o.text))
            .join('; ')}`,
        () =>
          `Thiếu dữ liệu: ${outs
            .filter((o) => o.ok === null)
            .map((o) => strip(o.text))
            .join('; ')}`,
      );
    }
    case 'any_of': {
      const outs = c.of.map((cc) => evaluateCriterion(cc, idx, ctx));
      const res = or(outs.map((o) => o.ok));
      return ok(
        res,
        ex,
        () => `Đạt (một trong các điều kiện): ${strip(outs.find((o) => o.ok === true)?.text ?? '')}`,
        () => `Chưa đạt điều kiện nào trong các điều kiện: ${outs.map((o, i) => `(${i + 1}) ${strip(o.text)}`).join('; ')}`,
        () =>
          `Thiếu dữ liệu: ${outs
            .filter((o) => o.ok === null)
            .map((o) => strip(o.text))
            .join('; ')}`,
      );
    }
  }
}

function noMembers(explain: boolean): Outcome {
  return { ok: null, text: explain ? 'Thiếu dữ liệu: chưa có danh sách thành viên của tập thể' : '' };
}

// ---------------------------------------------------------------- descriptions (pack viewer)

/** What the criterion requires, in Vietnamese, independent of any subject. */
export function describeCriterion(c: Criterion): string {
  switch (c.kind) {
    case 'rating_at_least':
      return `Xếp loại ${ratingAtLeastLabel(c.rating)} trong năm xét`;
    case 'consecutive_rating_years':
      return `${c.years} năm liên tục (tính đến năm xét) xếp loại ${ratingAtLeastLabel(c.rating)}`;
    case 'consecutive_title_years':
      return `${c.years} ${(c.termYears ?? 1) === 1 ? 'năm' : `lần (mỗi lần ${c.termYears} năm)`} liên tục đạt ${HONOR_SHORT[c.honor]}, tính đến năm xét${c.resetBy ? `, sau lần được tặng ${HONOR_SHORT[c.resetBy]} gần nhất` : ''}; chỉ tính khen thưởng theo công trạng`;
    case 'honor_count':
      return `Ít nhất ${c.atLeast} lần đạt ${HONOR_SHORT[c.honor]} trong ${c.withinYears ?? 1} năm tính đến năm xét (theo công trạng)`;
    case 'prerequisite_honor':
      return `Đã được tặng ${HONOR_SHORT[c.honor]}${c.withinYears ? ` trong ${c.withinYears} năm tính đến năm xét` : ''} (theo công trạng)`;
    case 'initiative':
      return `Có ${c.count ?? 1} sáng kiến phạm vi ${scopeLabel(c.scope)}${c.scope === 'toan_quoc' ? '' : ' trở lên'} trong ${c.withinYears ?? 1} năm tính đến năm xét, chưa dùng cho khen thưởng khác`;
    case 'no_discipline':
      return `Không bị kỷ luật${c.atLeast === 'khien_trach' ? '' : ` từ ${disciplineLabel(c.atLeast)} trở lên`} trong ${c.withinYears ?? 1} năm tính đến năm xét`;
    case 'member_share':
      return `${c.strict ? 'Trên' : 'Từ'} ${percent(c.atLeast)}${c.strict ? '' : ' trở lên'} thành viên đạt ${HONOR_SHORT[c.honor]}`;
    case 'members_all_rating_at_least':
      return `100% thành viên xếp loại ${ratingAtLeastLabel(c.rating)}`;
    case 'member_count_with_honor':
      return `Có ít nhất ${c.atLeast} thành viên đạt ${HONOR_SHORT[c.honor]}`;
    case 'no_member_discipline_at_least':
      return `Không có thành viên bị kỷ luật từ ${disciplineLabel(c.level)} trở lên`;
    case 'fact':
      return `Được xác nhận: ${FACT_LABELS[c.fact]}`;
    case 'no_fact':
      return `Không thuộc trường hợp: ${FACT_LABELS[c.fact]}`;
    case 'meets_honor':
      return `Đạt tiêu chuẩn ${HONOR_SHORT[c.honor]}`;
    case 'all_of':
      return `Đồng thời: ${c.of.map(describeCriterion).join('; ')}`;
    case 'any_of':
      return `Một trong các điều kiện: ${c.of.map((x, i) => `(${i + 1}) ${describeCriterion(x)}`).join('; ')}`;
  }
}

/**
 * Working-day clocks (ngày làm việc): Monday–Friday minus public holidays, plus make-up working
 * days. The statutory days off of Bộ luật Lao động 2019 Art 112 k1 are computed for any year: the
 * fixed days, and Tết Nguyên đán and Giỗ Tổ Hùng Vương from the Vietnamese lunar calendar
 * (`lunar.ts`). A day off falling on a weekend is made up on the next working day (Art 111 k3).
 * Which five days are Tết, and the swaps of working days, are decided each year by the Prime
 * Minister (Art 112 k3): the agency's administrator enters them (`public_holidays`, entries win over
 * the defaults); the arrangements already published for 2020–2026 are kept below.
 */
import { hungKingsDay, lunarNewYear } from './lunar.js';

export type IsoDate = string;

export interface HolidayEntry {
  date: IsoDate;
  name: string;
  /** 'holiday' = a day off; 'workday' = a weekend day worked in exchange for a bridge day. */
  kind: 'holiday' | 'workday';
}

/** The Tết days off of civil servants as the Government arranged them (ranges include weekends and make-up days). */
const PUBLISHED_TET: Record<number, [IsoDate, IsoDate]> = {
  2020: ['2020-01-23', '2020-01-29'],
  2021: ['2021-02-10', '2021-02-16'],
  2022: ['2022-01-29', '2022-02-06'],
  2023: ['2023-01-20', '2023-01-26'],
  2024: ['2024-02-08', '2024-02-14'],
  2025: ['2025-01-25', '2025-02-02'],
  2026: ['2026-02-14', '2026-02-22'],
};

function d(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}
function parse(iso: IsoDate): Date {
  return new Date(`${iso}T00:00:00Z`);
}
export function addDays(iso: IsoDate, n: number): IsoDate {
  const x = parse(iso);
  x.setUTCDate(x.getUTCDate() + n);
  return d(x);
}
function isWeekend(iso: IsoDate): boolean {
  const w = parse(iso).getUTCDay();
  return w === 0 || w === 6;
}

/**
 * The five Tết days when no arrangement is entered: the last day of the lunar year (giao thừa) and
 * mùng 1 to mùng 4 — the usual arrangement; the law fixes only their number (Art 112 k1 c).
 */
export function defaultTetDays(year: number): IsoDate[] {
  const first = lunarNewYear(year);
  return [-1, 0, 1, 2, 3].map((i) => addDays(first, i));
}

/** The statutory holidays of a year (Labour Code 2019 Art 112), with the next-working-day compensation for days on a weekend (Art 111 k3). */
export function defaultHolidays(year: number): HolidayEntry[] {
  const out: HolidayEntry[] = [];
  const days: [IsoDate, string][] = [
    [`${year}-01-01`, 'Tết Dương lịch'],
    [hungKingsDay(year), 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'],
    [`${year}-04-30`, 'Ngày Chiến thắng'],
    [`${year}-05-01`, 'Ngày Quốc tế lao động'],
    [`${year}-09-02`, 'Quốc khánh'],
    [`${year}-09-03`, 'Quốc khánh (ngày liền kề)'],
  ];
  const published = PUBLISHED_TET[year];
  const tet: IsoDate[] = [];
  if (published) for (let c = published[0]; c <= published[1]; c = addDays(c, 1)) tet.push(c);
  else tet.push(...defaultTetDays(year));
  const taken = new Set([...days.map(([x]) => x), ...tet]);
  const compensate = (date: IsoDate, name: string) => {
    let c = addDays(date, 1);
    while (isWeekend(c) || taken.has(c)) c = addDays(c, 1);
    taken.add(c);
    out.push({ date: c, name: `Nghỉ bù ${name}`, kind: 'holiday' });
  };
  for (const [date, name] of days) {
    out.push({ date, name, kind: 'holiday' });
    if (isWeekend(date)) compensate(date, name);
  }
  for (const date of tet) out.push({ date, name: 'Tết Nguyên đán', kind: 'holiday' });
  // A published arrangement already holds its make-up days; the computed five days get theirs here.
  if (!published) for (const date of tet) if (isWeekend(date)) compensate(date, 'Tết Nguyên đán');
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

export interface Calendar {
  isWorkingDay(date: IsoDate): boolean;
  /** Same, by day number (days since 1970-01-01): the clocks loop over these. */
  isWorkingDayN(day: number): boolean;
  /** Working days in the closed range [from, to] of day numbers, without walking every day. */
  countWorkingDaysN(from: number, to: number): number;
}

const DAY_MS = 86_400_000;
export function dayNumber(iso: IsoDate): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}
export function fromDayNumber(n: number): IsoDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** A calendar from the default holidays of the years touched plus the agency's own entries (which win). */
export function makeCalendar(agencyEntries: readonly HolidayEntry[] = []): Calendar {
  const kinds = new Map<number, HolidayEntry['kind']>();
  const loaded = new Set<number>();
  const own = new Map(agencyEntries.map((e) => [dayNumber(e.date), e.kind] as const));
  const load = (y: number) => {
    if (loaded.has(y)) return;
    loaded.add(y);
    for (const e of defaultHolidays(y)) kinds.set(dayNumber(e.date), e.kind);
  };
  const isWorkingDayN = (n: number) => {
    // Cheap year guess; its neighbours are loaded too so that a boundary day is never missed.
    const y = 1970 + Math.floor(n / 365.2425);
    load(y - 1);
    load(y);
    load(y + 1);
    const kind = own.get(n) ?? kinds.get(n);
    if (kind === 'workday') return true;
    if (kind === 'holiday') return false;
    const w = (n + 4) % 7; // 1970-01-01 was a Thursday
    return w !== 0 && w !== 6;
  };
  const isWeekday = (n: number) => {
    const w = (n + 4) % 7;
    return w !== 0 && w !== 6;
  };
  const countWorkingDaysN = (from: number, to: number) => {
    if (to < from) return 0;
    for (let y = 1970 + Math.floor(from / 365.2425) - 1; y <= 1970 + Math.floor(to / 365.2425) + 1; y++) load(y);
    // Weekdays by whole weeks, then the exceptions (days off on weekdays, make-up weekend days).
    const days = to - from + 1;
    let n = Math.floor(days / 7) * 5;
    for (let c = from + Math.floor(days / 7) * 7; c <= to; c++) if (isWeekday(c)) n++;
    const special = new Set<number>();
    for (const k of kinds.keys()) if (k >= from && k <= to) special.add(k);
    for (const k of own.keys()) if (k >= from && k <= to) special.add(k);
    for (const k of special) {
      const kind = own.get(k) ?? kinds.get(k);
      if (kind === 'holiday' && isWeekday(k)) n--;
      if (kind === 'workday' && !isWeekday(k)) n++;
    }
    return n;
  };
  return { isWorkingDayN, countWorkingDaysN, isWorkingDay: (date) => isWorkingDayN(dayNumber(date)) };
}

/** The date on which `n` working days counted from the day after `start` have all passed. */
export function addWorkingDays(cal: Calendar, start: IsoDate, n: number): IsoDate {
  let c = dayNumber(start);
  let left = n;
  while (left > 0) {
    c++;
    if (cal.isWorkingDayN(c)) left--;
  }
  return fromDayNumber(c);
}

/** Working days after `from` up to and including `to` (0 when `to` ≤ `from`). */
export function workingDaysBetween(cal: Calendar, from: IsoDate, to: IsoDate): number {
  return cal.countWorkingDaysN(dayNumber(from) + 1, dayNumber(to));
}

export interface StepClock {
  startedOn: IsoDate;
  limitDays: number;
  dueOn: IsoDate;
  usedDays: number;
  overdue: boolean;
  daysOver: number;
}

/** The clock of a step started on `startedOn` with a limit of `limitDays` working days, as of `today`. */
export function stepClock(cal: Calendar, startedOn: IsoDate, limitDays: number, today: IsoDate): StepClock {
  const dueOn = addWorkingDays(cal, startedOn, limitDays);
  const usedDays = workingDaysBetween(cal, startedOn, today);
  const overdue = today > dueOn;
  return { startedOn, limitDays, dueOn, usedDays, overdue, daysOver: overdue ? workingDaysBetween(cal, dueOn, today) : 0 };
}

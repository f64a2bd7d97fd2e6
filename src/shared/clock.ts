/**
 * The product's one clock. "Today", a year and a deadline are days in Vietnam (Asia/Ho_Chi_Minh:
 * UTC+7, no daylight saving since 1975, so a fixed offset is exact): "before 30/01" ends at 24:00
 * Hà Nội time, whatever the server's TZ. Every date the product computes goes through here
 * (the server imports it as `src/server/clock.ts`); tests fix the instant with `setClock`.
 *
 * Pure apart from the test override: shared by the server, the shared zod schemas and the web.
 */

export type IsoDate = string;

/** Vietnam's offset from UTC. */
export const VN_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;

let override: (() => Date) | null = null;

/** The current instant (the fixed one while a test has set the clock). */
export function now(): Date {
  return override ? override() : new Date();
}

/** The date in Vietnam, yyyy-mm-dd, of an instant (default: now). */
export function todayVn(at: Date = now()): IsoDate {
  return new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** The date in Vietnam of a stored instant (same as `todayVn(at)`, named for stored timestamps). */
export function dateVn(at: Date): IsoDate {
  return todayVn(at);
}

/** The year in Vietnam of an instant (default: now): on 31/12 at 23:30 UTC it is already next year in Hà Nội. */
export function yearVn(at: Date = now()): number {
  return Number(todayVn(at).slice(0, 4));
}

/** The instant of a wall-clock time in Vietnam: `instantVn('2025-03-14', '23:30')` is 2025-03-14T16:30:00Z. */
export function instantVn(date: IsoDate, time = '00:00'): Date {
  const d = new Date(`${date}T${time.length === 5 ? `${time}:00` : time}+07:00`);
  if (Number.isNaN(d.getTime())) throw new RangeError(`Thời điểm không hợp lệ: ${date} ${time}`);
  return d;
}

/** Whole days from `from` to `to` (yyyy-mm-dd), negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The calendar date `days` days after (or before, when negative) `date`. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** `addDays(todayVn(), days)`: the Vietnamese day `days` days from now. */
export function addDaysVn(days: number, at: Date = now()): IsoDate {
  return addDays(todayVn(at), days);
}

/**
 * Test hook: fix the clock at an instant, or at a yyyy-mm-dd date at 09:00 Vietnam time (02:00Z);
 * null gives the real clock back. Call `setClock(null)` in the test's `after`.
 */
export function setClock(at: Date | IsoDate | null): void {
  if (at === null) {
    override = null;
    return;
  }
  const ms = (typeof at === 'string' ? instantVn(at, '09:00') : at).getTime();
  if (Number.isNaN(ms)) throw new RangeError('Thời điểm không hợp lệ');
  override = () => new Date(ms);
}

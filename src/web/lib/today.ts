/**
 * The agency's day is the Vietnamese day (Asia/Ho_Chi_Minh), whatever the browser's time zone:
 * at 23:30 in Hà Nội it is already tomorrow in UTC terms, and a browser set to Paris is still on
 * yesterday at 05:00. Default years and "today" in forms, and the day shown for stored instants,
 * come from here.
 */
import dayjs, { type Dayjs } from 'dayjs';

export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const dayParts = new Intl.DateTimeFormat('en-GB', { timeZone: VIETNAM_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const timeParts = new Intl.DateTimeFormat('en-GB', { timeZone: VIETNAM_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((p) => p.type === type)?.value ?? '';
}

/** `yyyy-mm-dd` of an instant as the day in Vietnam. */
export function vietnamDay(at: Date): string {
  const p = dayParts.formatToParts(at);
  return `${part(p, 'year')}-${part(p, 'month')}-${part(p, 'day')}`;
}

/** `HH:mm` of an instant in Vietnam. */
export function vietnamTime(at: Date): string {
  const p = timeParts.formatToParts(at);
  return `${part(p, 'hour')}:${part(p, 'minute')}`;
}

/** Today in Vietnam, `yyyy-mm-dd`; `now` is for tests. */
export function todayVn(now: Date = new Date()): string {
  return vietnamDay(now);
}

/** The current year in Vietnam (default year of plans, movements, dossiers, registrations). */
export function currentYearVn(now: Date = new Date()): number {
  return Number(todayVn(now).slice(0, 4));
}

/** Today in Vietnam as a dayjs date (midnight, for DatePicker defaults). */
export function todayDayjs(now: Date = new Date()): Dayjs {
  return dayjs(todayVn(now));
}

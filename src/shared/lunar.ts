/**
 * The Vietnamese lunar calendar (âm lịch), computed: Hồ Ngọc Đức's algorithm (new moons and solar
 * terms after Jean Meeus, "Astronomical Algorithms"), with days reckoned at UTC+7. The Chinese
 * calendar reckons at UTC+8 and differs in some years (1985 and 2007 the Tết; 2033's leap month), so a
 * Chinese-calendar library is not a substitute. Julian day numbers are integers (the civil day at
 * noon); a lunar month starts on the day (at UTC+7) of its new moon; month 11 holds the winter
 * solstice; a lunar year with 13 months repeats the first month without a major solar term.
 */
export type IsoDate = string;

export interface LunarDate {
  day: number;
  month: number;
  /** The lunar year (the year whose Tết starts it). */
  year: number;
  /** A leap month (tháng nhuận) repeats the number of the month before it. */
  leap: boolean;
}

/** Vietnam's time zone, in hours east of UTC. */
const TZ = 7;
const PI = Math.PI;
const INT = Math.floor;

export function jdFromDate(dd: number, mm: number, yy: number): number {
  const a = INT((14 - mm) / 12);
  const y = yy + 4800 - a;
  const m = mm + 12 * a - 3;
  const jd = dd + INT((153 * m + 2) / 5) + 365 * y + INT(y / 4) - INT(y / 100) + INT(y / 400) - 32045;
  // Before the Gregorian reform the Julian calendar applies.
  return jd < 2299161 ? dd + INT((153 * m + 2) / 5) + 365 * y + INT(y / 4) - 32083 : jd;
}

export function jdToDate(jd: number): [number, number, number] {
  let b: number;
  let c: number;
  if (jd > 2299160) {
    const a = jd + 32044;
    b = INT((4 * a + 3) / 146097);
    c = a - INT((b * 146097) / 4);
  } else {
    b = 0;
    c = jd + 32082;
  }
  const d = INT((4 * c + 3) / 1461);
  const e = c - INT((1461 * d) / 4);
  const m = INT((5 * e + 2) / 153);
  const day = e - INT((153 * m + 2) / 5) + 1;
  const month = m + 3 - 12 * INT(m / 10);
  const year = b * 100 + d - 4800 + INT(m / 10);
  return [day, month, year];
}

/** The instant (Julian day, UTC) of the k-th new moon after the one of 1900-01-01. */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const dr = PI / 180;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3; // the sun's mean anomaly
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3; // the moon's mean anomaly
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3; // the moon's argument of latitude
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * dr) + 0.0021 * Math.sin(2 * dr * M);
  c1 -= 0.4068 * Math.sin(Mpr * dr) - 0.0161 * Math.sin(dr * 2 * Mpr);
  c1 -= 0.0004 * Math.sin(dr * 3 * Mpr);
  c1 += 0.0104 * Math.sin(dr * 2 * F) - 0.0051 * Math.sin(dr * (M + Mpr));
  c1 -= 0.0074 * Math.sin(dr * (M - Mpr)) - 0.0004 * Math.sin(dr * (2 * F + M));
  c1 -= 0.0004 * Math.sin(dr * (2 * F - M)) + 0.0006 * Math.sin(dr * (2 * F + Mpr));
  c1 += 0.001 * Math.sin(dr * (2 * F - Mpr)) + 0.0005 * Math.sin(dr * (2 * Mpr + M));
  const deltaT = T < -11 ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3 : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** The sun's apparent longitude (radians, 0..2π) at the instant `jdn` (Julian day, UTC). */
function sunLongitude(jdn: number): number {
  const T = (jdn - 2451545.0) / 36525;
  const T2 = T * T;
  const dr = PI / 180;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let DL = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(dr * M);
  DL += (0.019993 - 0.000101 * T) * Math.sin(dr * 2 * M) + 0.00029 * Math.sin(dr * 3 * M);
  let L = (L0 + DL) * dr;
  L -= PI * 2 * INT(L / (PI * 2));
  return L;
}

/** Which of the 12 major solar terms' sectors (0..11, of 30° each) the sun is in at the start of local day `dayNumber`. */
function sunSector(dayNumber: number): number {
  return INT((sunLongitude(dayNumber - 0.5 - TZ / 24) / PI) * 6);
}

/** The local day (Julian day number) of the k-th new moon. */
function newMoonDay(k: number): number {
  return INT(newMoon(k) + 0.5 + TZ / 24);
}

/** The first day of lunar month 11 (the month with the winter solstice) that begins in Gregorian year `yy`, or before it. */
function lunarMonth11(yy: number): number {
  const off = jdFromDate(31, 12, yy) - 2415021;
  const k = INT(off / 29.530588853);
  const nm = newMoonDay(k);
  // Past the solstice's sector (270°) already: the month 11 started one new moon earlier.
  return sunSector(nm) >= 9 ? newMoonDay(k - 1) : nm;
}

/** In a 13-month year starting at month 11 `a11`: the offset of the leap month (the first without a major term). */
function leapMonthOffset(a11: number): number {
  const k = INT((a11 - 2415021.076998695) / 29.530588853 + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

export function solarToLunar(dd: number, mm: number, yy: number): LunarDate {
  const dayNumber = jdFromDate(dd, mm, yy);
  const k = INT((dayNumber - 2415021.076998695) / 29.530588853);
  let monthStart = newMoonDay(k + 1);
  if (monthStart > dayNumber) monthStart = newMoonDay(k);
  let a11 = lunarMonth11(yy);
  let b11 = a11;
  let year: number;
  if (a11 >= monthStart) {
    year = yy;
    a11 = lunarMonth11(yy - 1);
  } else {
    year = yy + 1;
    b11 = lunarMonth11(yy + 1);
  }
  const day = dayNumber - monthStart + 1;
  const diff = INT((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11);
    if (diff >= leapDiff) {
      month = diff + 10;
      if (diff === leapDiff) leap = true;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) year -= 1;
  return { day, month, year, leap };
}

/** The Gregorian date of a lunar date, or null when that leap month does not exist. */
export function lunarToSolar(l: LunarDate): [number, number, number] | null {
  let a11: number;
  let b11: number;
  if (l.month < 11) {
    a11 = lunarMonth11(l.year - 1);
    b11 = lunarMonth11(l.year);
  } else {
    a11 = lunarMonth11(l.year);
    b11 = lunarMonth11(l.year + 1);
  }
  const k = INT(0.5 + (a11 - 2415021.076998695) / 29.530588853);
  let off = l.month - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (l.leap && l.month !== leapMonth) return null;
    if (l.leap || off >= leapOff) off += 1;
  } else if (l.leap) return null;
  return jdToDate(newMoonDay(k + off) + l.day - 1);
}

function iso([d, m, y]: [number, number, number]): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The lunar date of a Gregorian `yyyy-mm-dd`. */
export function lunarOf(date: IsoDate): LunarDate {
  return solarToLunar(Number(date.slice(8, 10)), Number(date.slice(5, 7)), Number(date.slice(0, 4)));
}

/** The Gregorian `yyyy-mm-dd` of a (non-leap unless said) lunar date; throws for a leap month that does not exist. */
export function solarOf(l: LunarDate): IsoDate {
  const s = lunarToSolar(l);
  if (!s) throw new Error(`Năm âm lịch ${l.year} không có tháng ${l.month} nhuận.`);
  return iso(s);
}

/** Mùng 1 Tết of lunar year `year` (which starts in Gregorian `year`). */
export function lunarNewYear(year: number): IsoDate {
  return solarOf({ day: 1, month: 1, year, leap: false });
}

/** Giỗ Tổ Hùng Vương: 10 tháng 3 âm lịch (the ordinary month 3, even in a year with a leap third month). */
export function hungKingsDay(year: number): IsoDate {
  return solarOf({ day: 10, month: 3, year, leap: false });
}

/** "15/8", "1/3 nhuận": the lunar date as written on Vietnamese calendars (day/month). */
export function formatLunar(l: LunarDate): string {
  return `${l.day}/${l.month}${l.leap ? ' nhuận' : ''}`;
}

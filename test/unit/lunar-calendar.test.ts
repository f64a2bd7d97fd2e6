/** The Vietnamese lunar calendar (UTC+7) and the statutory days off computed from it. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatLunar, hungKingsDay, lunarNewYear, lunarOf, solarOf } from '../../src/shared/lunar.js';
import { defaultHolidays, makeCalendar } from '../../src/shared/working-days.js';

/** Mùng 1 Tết and Giỗ Tổ (10/3 âm lịch) as published in Vietnamese calendars (lịch vạn niên, Hồ Ngọc Đức's tables). */
const PUBLISHED: Record<number, { tet: string; hungKings: string }> = {
  2020: { tet: '2020-01-25', hungKings: '2020-04-02' },
  2021: { tet: '2021-02-12', hungKings: '2021-04-21' },
  2022: { tet: '2022-02-01', hungKings: '2022-04-10' },
  2023: { tet: '2023-01-22', hungKings: '2023-04-29' },
  2024: { tet: '2024-02-10', hungKings: '2024-04-18' },
  2025: { tet: '2025-01-29', hungKings: '2025-04-07' },
  2026: { tet: '2026-02-17', hungKings: '2026-04-26' },
  2027: { tet: '2027-02-06', hungKings: '2027-04-16' },
  2028: { tet: '2028-01-26', hungKings: '2028-04-04' },
  2029: { tet: '2029-02-13', hungKings: '2029-04-23' },
  // The new moon is at 23:07 in Hà Nội on 02/02/2030 (00:07 on 03/02 in Beijing): Tết Canh Tuất is
  // 02/02 in Vietnam, one day before the Chinese Spring Festival.
  2030: { tet: '2030-02-02', hungKings: '2030-04-12' },
  2031: { tet: '2031-01-23', hungKings: '2031-04-01' },
  2032: { tet: '2032-02-11', hungKings: '2032-04-19' },
  2033: { tet: '2033-01-31', hungKings: '2033-04-09' },
  2034: { tet: '2034-02-19', hungKings: '2034-04-28' },
  2035: { tet: '2035-02-08', hungKings: '2035-04-17' },
};

describe('Vietnamese lunar calendar', () => {
  it('puts Tết and Giỗ Tổ Hùng Vương on their published dates, 2020–2035', () => {
    for (const [y, p] of Object.entries(PUBLISHED)) {
      assert.equal(lunarNewYear(Number(y)), p.tet, `Tết ${y}`);
      assert.equal(hungKingsDay(Number(y)), p.hungKings, `Giỗ Tổ ${y}`);
    }
  });

  it('reckons at UTC+7, not at the Chinese UTC+8 (1985, 2007)', () => {
    assert.equal(lunarNewYear(1985), '1985-01-21'); // China: 1985-02-20
    assert.equal(lunarNewYear(2007), '2007-02-17'); // China: 2007-02-18
  });

  it('places the leap months (2023 nhuận 2, 2025 nhuận 6, 2031 nhuận 3, 2033 nhuận 11)', () => {
    assert.equal(formatLunar(lunarOf('2023-03-22')), '1/2 nhuận');
    assert.equal(formatLunar(lunarOf('2025-07-25')), '1/6 nhuận');
    assert.equal(formatLunar(lunarOf('2031-04-22')), '2/3 nhuận');
    assert.equal(formatLunar(lunarOf('2033-12-22')), '1/11 nhuận');
    assert.deepEqual(lunarOf('2034-01-20'), { day: 1, month: 12, year: 2033, leap: false });
    assert.equal(solarOf({ day: 1, month: 3, year: 2031, leap: true }), '2031-04-21');
    assert.throws(() => solarOf({ day: 1, month: 4, year: 2031, leap: true }), /không có tháng 4 nhuận/);
  });

  it('round-trips every day of 2024–2036', () => {
    for (let n = Date.UTC(2024, 0, 1); n <= Date.UTC(2036, 11, 31); n += 86_400_000) {
      const iso = new Date(n).toISOString().slice(0, 10);
      const l = lunarOf(iso);
      assert.ok(l.day >= 1 && l.day <= 30, iso);
      assert.equal(solarOf(l), iso);
    }
  });

  it('Rằm tháng Tám 2024 is 17/09/2024', () => {
    assert.equal(formatLunar(lunarOf('2024-09-17')), '15/8');
  });
});

describe('statutory days off computed for any year', () => {
  it('2027 has Giỗ Tổ (16/04, a Friday) and Tết off; 2031 has Tết', () => {
    const cal = makeCalendar();
    assert.equal(cal.isWorkingDay('2027-04-16'), false);
    assert.equal(cal.isWorkingDay('2027-04-15'), true);
    // Tết Đinh Mùi: 05/02 (giao thừa, Fri) to 09/02; Sat 06 and Sun 07 are made up on Wed 10 and Thu 11.
    for (const x of ['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11']) assert.equal(cal.isWorkingDay(x), false, x);
    assert.equal(cal.isWorkingDay('2027-02-12'), true);
    for (const x of ['2031-01-22', '2031-01-23', '2031-01-24']) assert.equal(cal.isWorkingDay(x), false, x);
  });

  it('gives five Tết days in every year and the make-up days never collide', () => {
    for (let y = 2027; y <= 2040; y++) {
      const hs = defaultHolidays(y);
      assert.equal(hs.filter((h) => h.name === 'Tết Nguyên đán').length, 5, `${y}`);
      assert.equal(new Set(hs.map((h) => h.date)).size, hs.length, `${y}: one entry a day`);
    }
  });

  it("the agency's entries (the Prime Minister's arrangement, swaps) win over the defaults", () => {
    const cal = makeCalendar([
      { date: '2027-02-12', name: 'Nghỉ Tết theo thông báo', kind: 'holiday' },
      { date: '2027-02-20', name: 'Làm bù', kind: 'workday' },
    ]);
    assert.equal(cal.isWorkingDay('2027-02-12'), false);
    assert.equal(cal.isWorkingDay('2027-02-20'), true);
  });
});

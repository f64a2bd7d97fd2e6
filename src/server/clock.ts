/**
 * The server's clock: the product's one clock (`src/shared/clock.ts`), re-exported here so that
 * server code imports `../clock.js`. Deadlines and working-day clocks are dates in Vietnam
 * (UTC+7, no DST): use `now()` for an instant, `todayVn()` / `yearVn()` for today and this year,
 * `dateVn(at)` for the Vietnamese day of a stored instant; never `new Date()` or `Date.now()`.
 * Tests move it to replay a scenario (seed 001 is dated 2021) with `setClock`.
 */
export { VN_OFFSET_MS, addDays, addDaysVn, dateVn, daysBetween, instantVn, now, setClock, todayVn, yearVn, type IsoDate } from '../shared/clock.js';

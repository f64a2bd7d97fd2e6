/**
 * Former second copy of the clock, kept so that existing imports compile: everything delegates to
 * `src/server/clock.ts` (import from there in new code). `vnToday()` without an argument follows
 * `setClock`, like `todayVn()`.
 */
export { addDays, daysBetween, todayVn as vnToday } from '../clock.js';

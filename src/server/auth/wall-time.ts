/**
 * Security timers — session lifetimes, login lockouts — run on wall time. The agency clock
 * (`clock.ts`) is for the agency's business dates and is moved by tests to replay past years
 * (seed 001 is dated 2021); a session must not expire because a scenario jumped ten days ahead.
 */
export function wallNow(): Date {
  return new Date();
}

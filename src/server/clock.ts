/**
 * The product's clock. Deadlines and working-day clocks are dates in Vietnam (UTC+7, no DST).
 * Tests move it to replay a scenario (seed 001 is dated 2021) with `setClock`.
 */
let override: (() => Date) | null = null;

export function now(): Date {
  return override ? override() : new Date();
}

/** Today's date in Vietnam, yyyy-mm-dd. */
export function todayVn(at: Date = now()): string {
  return new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** The date in Vietnam of a stored instant. */
export function dateVn(at: Date): string {
  return todayVn(at);
}

/** Test hook: fix the clock at an instant (or a yyyy-mm-dd date at 09:00 Vietnam time); null restores it. */
export function setClock(at: Date | string | null): void {
  if (at === null) override = null;
  else {
    const d = typeof at === 'string' ? new Date(`${at}T02:00:00Z`) : at;
    override = () => d;
  }
}

import { changeEpoch } from '../db/change-epoch.js';
import { now } from '../clock.js';

/**
 * The dashboard's honor figures of one unit and year (the sums over the unit's subtree), kept
 * while nothing was committed since (`changeEpoch` of the database unmoved) and for at most
 * `maxAgeMs` besides (a bound should a change notification be lost). A province's root sums
 * some 50,000 pre-aggregated rows a year; an Office refreshing the page between two commits gets
 * the same figures without that work. Bounded: the oldest entries leave first.
 */
export class DashboardFiguresCache<T> {
  private readonly entries = new Map<string, { epoch: number; at: number; value: Promise<T> }>();

  constructor(
    private readonly db: object,
    private readonly maxAgeMs = 5 * 60_000,
    private readonly maxEntries = 500,
  ) {}

  async get(key: string, compute: () => Promise<T>, nowMs = now().getTime()): Promise<T> {
    const epoch = changeEpoch(this.db);
    const hit = this.entries.get(key);
    if (hit && hit.epoch === epoch && nowMs - hit.at < this.maxAgeMs) return hit.value;
    // The epoch is read BEFORE computing: a commit during the computation moves it, and the
    // figures (perhaps without that commit) are not served after it.
    const value = compute();
    this.entries.delete(key);
    this.entries.set(key, { epoch, at: nowMs, value });
    value.catch(() => this.entries.delete(key));
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}

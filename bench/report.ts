/** Shared helpers for the benchmarks: percentiles and one printed line per figure. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx] ?? NaN;
}

export function report(name: string, text: string): void {
  console.log(`${name}: ${text}`);
}

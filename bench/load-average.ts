import { cpus, loadavg } from 'node:os';

/** "1,8 / 1,5 / 1,2 trên 2 lõi": the machine's load beside the figures measured on it. */
export function loadAverage(): string {
  return `${loadavg()
    .map((x) => x.toFixed(1).replace('.', ','))
    .join(' / ')} trên ${cpus().length} lõi`;
}

/**
 * A counter per database that moves whenever committed data may have changed: after every command
 * of this process (runCommand, at once, so that a user reads their own write), and when another
 * app server's commit on the same PostgreSQL touches the honors (the `tdkt_changes` notification
 * the honor triggers send; delivered at commit, never for a rolled-back transaction). Caches of
 * derived figures keep the epoch they were computed at and are void once it moves.
 */
const epochs = new WeakMap<object, number>();

export const CHANGES_CHANNEL = 'tdkt_changes';

export function changeEpoch(db: object): number {
  return epochs.get(db) ?? 0;
}

export function bumpChangeEpoch(db: object): void {
  epochs.set(db, changeEpoch(db) + 1);
}

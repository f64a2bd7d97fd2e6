import type { Role } from '../../shared/codes.js';

/** Who is acting: resolved from the session on every request. */
export interface Actor {
  accountId: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string;
  /** Materialised path of the actor's unit: the prefix of everything it may see. */
  unitPath: string;
  personId: string | null;
  ip: string;
}

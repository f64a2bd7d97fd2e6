/** Which modules a user may open, from the abilities the server sent with the session. */
import type { Me } from '../api/auth';

export interface ModuleAccess {
  units: boolean;
  people: boolean;
  councils: boolean;
  accounts: boolean;
  audit: boolean;
  import: boolean;
}

export function moduleAccess(user: Me): ModuleAccess {
  const a = user.abilities;
  return {
    // Staff see only their own record: "Hồ sơ của tôi" on the start page instead of the lists.
    units: a.unit.includes('read') && user.reach !== 'self',
    people: a.person.includes('read') && user.reach !== 'self',
    councils: a.council.includes('read'),
    accounts: a.account.includes('read'),
    audit: a.audit.includes('read'),
    import: a.person.includes('import'),
  };
}

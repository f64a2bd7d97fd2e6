/** The three built-in rule packs, by regime. */
import type { Regime } from '../../../shared/codes.js';
import type { RulePack } from '../types.js';
import { ND91_2017_PACK } from './nd91-2017.js';
import { ND98_2023_PACK } from './nd98-2023.js';
import { ND152_2025_PACK } from './nd152-2025.js';

export { ND91_2017_PACK, ND98_2023_PACK, ND152_2025_PACK };

export const PACKS: Readonly<Record<Regime, RulePack>> = Object.freeze({
  ND91_2017: ND91_2017_PACK,
  ND98_2023: ND98_2023_PACK,
  ND152_2025: ND152_2025_PACK,
});

/** The built-in (un-overridden) pack of a regime. */
export function packFor(regime: Regime): RulePack {
  return PACKS[regime];
}

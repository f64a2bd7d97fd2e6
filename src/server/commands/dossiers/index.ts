/** The dossier pipeline's commands, one file per verb or small family; import them from here (or `commands/dossiers.js`). */
export * from './errors.js';
export { STALE, assertOfficeSide, assertUnitSide, assertVersion, editable, loadDossier, refuseTransition, statusLabel, touch, transition } from './common.js';
export * from './dossier.js';
export * from './candidates.js';
export * from './documents.js';
export * from './submit.js';
export * from './receive.js';
export * from './appraise.js';
export * from './forward.js';
export * from './deadlines.js';
export * from './holidays.js';

/** Kept so that `commands/dossiers.js` imports keep working: the commands live in `commands/dossiers/`, one file per verb family. */
export * from './dossiers/index.js';

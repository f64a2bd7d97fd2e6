export * from './units.js';
export * from './people.js';
export * from './accounts.js';
export * from './councils.js';
export * from './audit.js';

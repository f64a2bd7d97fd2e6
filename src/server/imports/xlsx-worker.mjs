// Entry of the import worker thread: a worker does not inherit the parent's `--import tsx` hooks,
// so it registers tsx itself, then loads the TypeScript worker (xlsx-worker.ts).
import { register } from 'tsx/esm/api';

register();
await import('./xlsx-worker.ts');

// The layers docs/development.md promises, checked on the source so that they hold as the product grows:
// SQL only in repositories (and db/), the web imports nothing from the server, role decisions only in
// policies, legal constants only in the rule packs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sources(p, out);
    else if (/\.(ts|tsx)$/.test(name) && !/\.test\.ts$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const rel = (p: string) => relative(ROOT, p).replaceAll('\\', '/');
const server = sources(join(ROOT, 'src', 'server')).map((p) => ({ path: rel(p), text: readFileSync(p, 'utf8') }));
const web = sources(join(ROOT, 'src', 'web')).map((p) => ({ path: rel(p), text: readFileSync(p, 'utf8') }));

/** Lines of `text` that match `re`, as "path:line: text". */
function hits(file: { path: string; text: string }, re: RegExp): string[] {
  return file.text
    .split('\n')
    .map((line, i) => ({ line, n: i + 1 }))
    .filter(({ line }) => re.test(line) && !/^\s*(\/\/|\*)/.test(line))
    .map(({ line, n }) => `${file.path}:${n}: ${line.trim()}`);
}

const SQL_HOME = /^src\/server\/(repositories|db)\//;

test('SQL is written only in repositories/ and db/: no query-builder call elsewhere', () => {
  // A query-builder call on a database, a transaction or an executor; raw sql`` fragments.
  const call = /\b(db|tx|ctx\.tx|executor|exec|database\.db)\s*\.\s*(select|selectDistinct|insert|update|delete|execute|query)\b|\bsql`|\bsql\.raw\(/;
  const found = server.filter((f) => !SQL_HOME.test(f.path)).flatMap((f) => hits(f, call));
  assert.deepEqual(found, [], `Query-builder calls outside repositories/ and db/:\n${found.join('\n')}`);
});

test('outside repositories/ and db/, drizzle-orm is imported for types only', () => {
  const valueImport = /^import\s+(?!type\b)[^;]*from\s+'drizzle-orm(\/[^']*)?'/;
  const found = server.filter((f) => !SQL_HOME.test(f.path)).flatMap((f) => hits(f, valueImport));
  assert.deepEqual(found, [], `drizzle-orm value imports outside repositories/ and db/:\n${found.join('\n')}`);
});

test('routes never import the database schema', () => {
  const found = server.filter((f) => f.path.startsWith('src/server/routes/')).flatMap((f) => hits(f, /^import\s+(?!type\b).*from\s+'[./]*db\/schema/));
  assert.deepEqual(found, [], found.join('\n'));
});

test('the web imports nothing from src/server', () => {
  const found = web.flatMap((f) => hits(f, /from\s+'[^']*\/server\//));
  assert.deepEqual(found, [], `Web files importing server code:\n${found.join('\n')}`);
});

test('no role literal outside policies/: who may do what is decided there', () => {
  const roleCompare =
    /\brole\s*[!=]==?\s*'|'\s*[!=]==?\s*[\w.]*\brole\b|\[\s*'(admin|office|clerk|council|head|staff)'(\s*,\s*'(admin|office|clerk|council|head|staff)')*\s*\]\.includes\(/;
  const allowed = /^src\/server\/(policies|db|demo)\//;
  const found = [...server.filter((f) => !allowed.test(f.path)), ...web].flatMap((f) => hits(f, roleCompare));
  assert.deepEqual(found, [], `Role decisions outside policies/:\n${found.join('\n')}`);
});

test('no HTTP status outside the HTTP layer: commands raise domain errors', () => {
  const status = /\bstatus(Code)?\s*:\s*[45]\d\d\b|new\s+\w*Error\(\s*[45]\d\d\b/;
  const found = server
    .filter((f) => /^src\/server\/(commands|repositories|policies|rules|records|documents|jobs|deadlines)\//.test(f.path))
    .flatMap((f) => hits(f, status));
  assert.deepEqual(found, [], found.join('\n'));
});

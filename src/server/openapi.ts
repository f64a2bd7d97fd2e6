import type { Database } from './db/client.js';
import { buildApp } from './app.js';

/** The OpenAPI document built from the route schemas, without opening a database. */
export async function generateOpenApi(): Promise<Record<string, unknown>> {
  // Routes only touch the database when a request arrives; none does here.
  const database = { db: {} as Database['db'], kind: 'pglite', close: async () => {} } satisfies Database;
  const app = await buildApp({ database, config: { secureCookies: false, webDir: '/nonexistent' } });
  await app.ready();
  const doc = app.swagger() as unknown as Record<string, unknown>;
  await app.close();
  return pruneComponents(doc);
}

/** Drops the component schemas nothing refers to (zod's registry emits an input and an output copy of each). */
function pruneComponents(doc: Record<string, unknown>): Record<string, unknown> {
  const components = doc.components as { schemas?: Record<string, unknown> } | undefined;
  const schemas = components?.schemas ?? {};
  const used = new Set<string>();
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === '$ref' && typeof x === 'string' && x.startsWith('#/components/schemas/')) {
          const name = x.slice('#/components/schemas/'.length);
          if (!used.has(name)) {
            used.add(name);
            visit(schemas[name]);
          }
        } else visit(x);
      }
    }
  };
  visit(doc.paths);
  if (components)
    components.schemas = Object.fromEntries(
      Object.entries(schemas)
        .filter(([name]) => used.has(name))
        .sort(([a], [b]) => a.localeCompare(b)),
    );
  return doc;
}

interface Operation {
  operationId?: string;
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const OPERATION_ID = /^[a-z][a-zA-Z0-9]*$/;

/**
 * What the project asks of every operation beyond the OpenAPI standard: a camelCase operationId
 * (unique), a described success answer, and the error answers it may give.
 */
export function contractProblems(doc: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const paths = (doc.paths ?? {}) as Record<string, Partial<Record<(typeof METHODS)[number], Operation>>>;
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const where = `${method.toUpperCase()} ${path}`;
      if (!op.operationId) problems.push(`${where}: thiếu operationId`);
      else {
        if (!OPERATION_ID.test(op.operationId)) problems.push(`${where}: operationId "${op.operationId}" phải viết camelCase`);
        const other = seen.get(op.operationId);
        if (other) problems.push(`${where}: operationId "${op.operationId}" trùng với ${other}`);
        seen.set(op.operationId, where);
      }
      const responses = op.responses ?? {};
      const success = Object.entries(responses).filter(([code]) => code.startsWith('2'));
      if (success.length === 0) problems.push(`${where}: thiếu câu trả lời 2xx`);
      for (const [code, r] of success) {
        if (code !== '204' && !r.content) problems.push(`${where}: câu trả lời ${code} không khai báo nội dung`);
      }
      if (!Object.keys(responses).some((code) => code.startsWith('4') || code.startsWith('5')))
        problems.push(`${where}: không khai báo câu trả lời lỗi (4xx/5xx)`);
    }
  }
  return problems;
}

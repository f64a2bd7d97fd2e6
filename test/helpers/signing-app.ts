/** The demo app for ký số tests of generated documents: the clock set, the demo's signers logged in, their credentials by name. */
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { auditEvents, signedDocuments } from '../../src/server/db/schema/index.js';
import { createTestApp, type Client, type TestApp } from './app.js';
import { credentialIdsByName } from './pdf-layout.js';
import { setClock } from '../../src/server/clock.js';
import { pdfConversionAvailable, stopWarmOffice } from '../../src/server/office/soffice.js';

export interface SigningApp {
  t: TestApp;
  /** giamdoc: Hoàng Văn Thạch, the Sở's director. */
  head: Client;
  /** vanphong: the Sở's Office. */
  office: Client;
  /** donvi: Hà Thị Mai, the Trung tâm's clerk. */
  clerk: Client;
  /** thutruong: Lục Văn Hùng, the Trung tâm's director (his certificate and the Trung tâm's seal). */
  director: Client;
  creds: Record<string, string>;
}

/** Registers the suite's before/after hooks; the returned object is filled once `before` has run. */
export function signingApp(at: Date): SigningApp {
  const s = { creds: {} } as SigningApp;
  before(async () => {
    setClock(at);
    s.t = await createTestApp();
    s.head = await s.t.login('giamdoc');
    s.office = await s.t.login('vanphong');
    s.clerk = await s.t.login('donvi');
    s.director = await s.t.login('thutruong');
    s.creds = await credentialIdsByName(s.t);
  });
  after(async () => {
    setClock(null);
    stopWarmOffice();
    await s.t?.close();
  });
  return s;
}

/** The suite's options: the documents are rendered with LibreOffice (skipped where it is not installed). */
export const signingSuite = { skip: pdfConversionAvailable() ? false : 'soffice is not installed', timeout: 600_000 };

/** The stored signed PDF of a generated document (kind, record id). */
export async function storedSignedPdf(t: TestApp, kind: string, id: string): Promise<Buffer> {
  const [stored] = await t.db
    .select()
    .from(signedDocuments)
    .where(and(eq(signedDocuments.entityType, kind), eq(signedDocuments.entityId, id)));
  assert.ok(stored, `the signed ${kind}`);
  return stored.pdf;
}

/** The record types of the document.signed audit entries about a record, in order. */
export async function signedAuditTypes(t: TestApp, id: string): Promise<string[]> {
  const rows = await t.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'document.signed'), eq(auditEvents.entityId, id)));
  return rows.map((a) => a.entityType);
}

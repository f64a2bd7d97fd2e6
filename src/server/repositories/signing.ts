/**
 * Digital signing: signers' credentials, the trust store, the signed PDF of a record with the log of
 * its signatures, and the external-signing requests waiting for a token tool.
 */
import { and, asc, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import {
  accounts,
  certificates,
  documentSignatures,
  signedDocuments,
  signingCredentials,
  signingPolicies,
  signingRequests,
  trustEntries,
  units,
} from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { unitIdInScope } from './scope.js';
import { ACTOR_COLUMNS } from './login-sessions.js';

export type CredentialRow = typeof signingCredentials.$inferSelect;
export type TrustRow = typeof trustEntries.$inferSelect;
export type SignedDocumentRow = typeof signedDocuments.$inferSelect;
export type SignatureRow = typeof documentSignatures.$inferSelect;
export type SigningRequestRow = typeof signingRequests.$inferSelect;

const CREDENTIAL_SUMMARY = {
  id: signingCredentials.id,
  unitId: signingCredentials.unitId,
  unitName: units.name,
  personId: signingCredentials.personId,
  kind: signingCredentials.kind,
  custody: signingCredentials.custody,
  providerUrl: signingCredentials.providerUrl,
  providerKeyId: signingCredentials.providerKeyId,
  label: signingCredentials.label,
  commonName: signingCredentials.commonName,
  organisation: signingCredentials.organisation,
  serial: signingCredentials.serial,
  issuer: signingCredentials.issuer,
  notBefore: signingCredentials.notBefore,
  notAfter: signingCredentials.notAfter,
  sealMm: signingCredentials.sealMm,
  disabledAt: signingCredentials.disabledAt,
  createdAt: signingCredentials.createdAt,
};
export type CredentialSummary = Omit<CredentialRow, 'certificate' | 'sealedP12' | 'sealedPassword' | 'sealedApiKey' | 'image' | 'createdBy'> & {
  unitName: string;
  hasImage: boolean;
};

export async function listVisibleCredentials(tx: Executor, actor: Actor): Promise<CredentialSummary[]> {
  const rows = await tx
    .select({ ...CREDENTIAL_SUMMARY, image: signingCredentials.image })
    .from(signingCredentials)
    .innerJoin(units, eq(units.id, signingCredentials.unitId))
    .where(unitIdInScope(actor, signingCredentials.unitId))
    .orderBy(asc(units.name), asc(signingCredentials.kind), desc(signingCredentials.createdAt));
  return rows.map(({ image, ...r }) => ({ ...r, hasImage: image !== null }));
}

export async function findVisibleCredential(tx: Executor, actor: Actor, id: string): Promise<CredentialRow | undefined> {
  const [row] = await tx
    .select()
    .from(signingCredentials)
    .where(and(eq(signingCredentials.id, id), unitIdInScope(actor, signingCredentials.unitId)))
    .limit(1);
  return row;
}

export async function insertCredential(tx: Executor, row: typeof signingCredentials.$inferInsert): Promise<CredentialRow> {
  const [created] = await tx.insert(signingCredentials).values(row).returning();
  return created!;
}

export async function updateCredential(
  tx: Executor,
  id: string,
  changes: Partial<Pick<CredentialRow, 'image' | 'sealMm' | 'disabledAt' | 'label'>>,
): Promise<void> {
  await tx.update(signingCredentials).set(changes).where(eq(signingCredentials.id, id));
}

/** The entries the actor manages (their subtree's). */
export async function listVisibleTrustEntries(tx: Executor, actor: Actor): Promise<TrustRow[]> {
  return tx.select().from(trustEntries).where(unitIdInScope(actor, trustEntries.unitId)).orderBy(asc(trustEntries.kind), asc(trustEntries.createdAt));
}

/** The entries that govern a unit: its own and those of every unit above it. */
export async function trustEntriesGoverning(tx: Executor, unitPath: string): Promise<TrustRow[]> {
  return tx
    .select({ trust: trustEntries })
    .from(trustEntries)
    .innerJoin(units, eq(units.id, trustEntries.unitId))
    .where(sql`${unitPath} LIKE ${units.path} || '%'`)
    .orderBy(asc(trustEntries.kind), asc(trustEntries.createdAt))
    .then((rows) => rows.map((r) => r.trust));
}

export async function insertTrustEntry(tx: Executor, row: typeof trustEntries.$inferInsert): Promise<TrustRow> {
  const [created] = await tx.insert(trustEntries).values(row).returning();
  return created!;
}

export async function deleteVisibleTrustEntry(tx: Executor, actor: Actor, id: string): Promise<TrustRow | undefined> {
  const [gone] = await tx
    .delete(trustEntries)
    .where(and(eq(trustEntries.id, id), unitIdInScope(actor, trustEntries.unitId)))
    .returning();
  return gone;
}

/** A unit's path (the record's unit was already found in scope). */
export async function unitPathOf(tx: Executor, unitId: string): Promise<string> {
  const [row] = await tx.select({ path: units.path }).from(units).where(eq(units.id, unitId)).limit(1);
  return row?.path ?? '';
}

/** The signed PDF of a record reached through that record (already found in scope). */
export async function signedDocumentOf(tx: Executor, entityType: string, entityId: string): Promise<SignedDocumentRow | undefined> {
  const [row] = await tx
    .select()
    .from(signedDocuments)
    .where(and(eq(signedDocuments.entityType, entityType), eq(signedDocuments.entityId, entityId)))
    .limit(1);
  return row;
}

/** Which of `ids` (records of one type) carry a signed document: one query for a list page. */
export async function signedEntityIds(tx: Executor, entityType: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx
    .selectDistinct({ id: signedDocuments.entityId })
    .from(signedDocuments)
    .where(and(eq(signedDocuments.entityType, entityType), inArray(signedDocuments.entityId, ids)));
  return new Set(rows.map((r) => r.id));
}

export async function saveSignedDocument(
  tx: Executor,
  row: Pick<SignedDocumentRow, 'entityType' | 'entityId' | 'unitId' | 'state' | 'pdf'> & { updatedAt: Date },
): Promise<{ id: string }> {
  // Only the id comes back: the PDF is not read back.
  const [saved] = await tx
    .insert(signedDocuments)
    .values(row)
    .onConflictDoUpdate({ target: [signedDocuments.entityType, signedDocuments.entityId], set: { state: row.state, pdf: row.pdf, updatedAt: row.updatedAt } })
    .returning({ id: signedDocuments.id });
  return saved!;
}

export async function insertSignature(tx: Executor, row: typeof documentSignatures.$inferInsert): Promise<void> {
  await tx.insert(documentSignatures).values(row);
}

export async function signaturesOf(tx: Executor, signedDocumentId: string): Promise<SignatureRow[]> {
  return tx.select().from(documentSignatures).where(eq(documentSignatures.signedDocumentId, signedDocumentId)).orderBy(asc(documentSignatures.signedAt));
}

export async function insertSigningRequest(tx: Executor, row: typeof signingRequests.$inferInsert): Promise<SigningRequestRow> {
  const [created] = await tx.insert(signingRequests).values(row).returning();
  return created!;
}

/**
 * An open request by its token (the token tool has no session: the token is the credential), locked
 * for the update that follows.
 */
export async function unsafeFindOpenSigningRequest(tx: Executor, tokenHash: string, at: Date): Promise<SigningRequestRow | undefined> {
  const [row] = await tx
    .select()
    .from(signingRequests)
    .where(and(eq(signingRequests.tokenHash, tokenHash), isNull(signingRequests.completedAt), gt(signingRequests.expiresAt, at)))
    .for('update')
    .limit(1);
  return row;
}

export async function markSigningRequest(tx: Executor, id: string, changes: Partial<Pick<SigningRequestRow, 'fetchedAt' | 'completedAt'>>): Promise<void> {
  await tx.update(signingRequests).set(changes).where(eq(signingRequests.id, id));
}

/** Who started an external signing request (the token tool has no session; the request is theirs). */
export async function unsafeRequesterOf(tx: Executor, tokenHash: string, at: Date) {
  const [row] = await tx
    .select(ACTOR_COLUMNS)
    .from(signingRequests)
    .innerJoin(accounts, eq(accounts.id, signingRequests.createdBy))
    .innerJoin(units, eq(units.id, accounts.unitId))
    .where(and(eq(signingRequests.tokenHash, tokenHash), isNull(signingRequests.completedAt), gt(signingRequests.expiresAt, at)))
    .limit(1);
  return row;
}

/** Signed state of many records of one kind (certificates of a decision): entity id → state. */
export async function signStatesOf(tx: Executor, entityType: string, entityIds: readonly string[]): Promise<Map<string, string>> {
  if (!entityIds.length) return new Map();
  const rows = await tx
    .select({ entityId: signedDocuments.entityId, state: signedDocuments.state })
    .from(signedDocuments)
    .where(and(eq(signedDocuments.entityType, entityType), inArray(signedDocuments.entityId, [...entityIds])));
  return new Map(rows.map((r) => [r.entityId, r.state]));
}

/** The signed PDFs of some records of one kind (the batch being signed further). */
export async function signedPdfsOf(tx: Executor, entityType: string, entityIds: readonly string[]): Promise<Map<string, Buffer>> {
  if (!entityIds.length) return new Map();
  const rows = await tx
    .select({ entityId: signedDocuments.entityId, pdf: signedDocuments.pdf })
    .from(signedDocuments)
    .where(and(eq(signedDocuments.entityType, entityType), inArray(signedDocuments.entityId, [...entityIds])));
  return new Map(rows.map((r) => [r.entityId, r.pdf]));
}

/** Who signed a record and when, without its PDF (the public certificate page). */
export async function signersOf(tx: Executor, entityType: string, entityId: string) {
  return tx
    .select({
      state: signedDocuments.state,
      type: documentSignatures.type,
      signerName: documentSignatures.signerName,
      organisation: documentSignatures.organisation,
      signedAt: documentSignatures.signedAt,
    })
    .from(signedDocuments)
    .innerJoin(documentSignatures, eq(documentSignatures.signedDocumentId, signedDocuments.id))
    .where(and(eq(signedDocuments.entityType, entityType), eq(signedDocuments.entityId, entityId)))
    .orderBy(asc(documentSignatures.signedAt));
}

/** The signing rule governing a unit: the nearest row up its path (the unit's own first). */
export async function signingPolicyGoverning(tx: Executor, unitPath: string): Promise<{ unitId: string; requireSignature: boolean } | undefined> {
  const [row] = await tx
    .select({ unitId: signingPolicies.unitId, requireSignature: signingPolicies.requireSignature })
    .from(signingPolicies)
    .innerJoin(units, eq(units.id, signingPolicies.unitId))
    .where(sql`${unitPath} like ${units.path} || '%'`)
    .orderBy(desc(sql`length(${units.path})`))
    .limit(1);
  return row;
}

export async function saveSigningPolicy(tx: Executor, row: { unitId: string; requireSignature: boolean; updatedBy: string; updatedAt: Date }): Promise<void> {
  await tx
    .insert(signingPolicies)
    .values(row)
    .onConflictDoUpdate({
      target: signingPolicies.unitId,
      set: { requireSignature: row.requireSignature, updatedBy: row.updatedBy, updatedAt: row.updatedAt },
    });
}

/** How far the certificates in force of a decision are signed. */
export async function certificateSignCounts(tx: Executor, decisionId: string): Promise<{ total: number; approved: number; issued: number }> {
  const [row] = await tx
    .select({
      total: sql<number>`count(*)::int`,
      approved: sql<number>`count(*) filter (where ${signedDocuments.state} = 'approved')::int`,
      issued: sql<number>`count(*) filter (where ${signedDocuments.state} = 'issued')::int`,
    })
    .from(certificates)
    .leftJoin(signedDocuments, and(eq(signedDocuments.entityType, 'certificate'), eq(signedDocuments.entityId, certificates.id)))
    .where(and(eq(certificates.decisionId, decisionId), eq(certificates.revoked, false)));
  return row ?? { total: 0, approved: 0, issued: 0 };
}

/** When the record's signed document was last written (the copy of a decision), without its PDF. */
export async function signedAtOf(tx: Executor, entityType: string, entityId: string): Promise<Date | null> {
  const [row] = await tx
    .select({ updatedAt: signedDocuments.updatedAt })
    .from(signedDocuments)
    .where(and(eq(signedDocuments.entityType, entityType), eq(signedDocuments.entityId, entityId)))
    .limit(1);
  return row?.updatedAt ?? null;
}

/** Whether any of these documents of the record carries a signature (the minutes freeze once either Biên bản is signed). */
export async function anySignedOf(tx: Executor, entityTypes: readonly string[], entityId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: signedDocuments.id })
    .from(signedDocuments)
    .where(and(inArray(signedDocuments.entityType, [...entityTypes]), eq(signedDocuments.entityId, entityId)))
    .limit(1);
  return row !== undefined;
}

/** The signatures of a signed document with the person each certificate belongs to (the signer slots it fills). */
export async function signaturesWithPersonOf(tx: Executor, signedDocumentId: string) {
  return tx
    .select({
      type: documentSignatures.type,
      via: documentSignatures.via,
      signerName: documentSignatures.signerName,
      organisation: documentSignatures.organisation,
      serial: documentSignatures.serial,
      issuer: documentSignatures.issuer,
      signedAt: documentSignatures.signedAt,
      personId: signingCredentials.personId,
    })
    .from(documentSignatures)
    .leftJoin(signingCredentials, eq(signingCredentials.id, documentSignatures.credentialId))
    .where(eq(documentSignatures.signedDocumentId, signedDocumentId))
    .orderBy(asc(documentSignatures.signedAt));
}

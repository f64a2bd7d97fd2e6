import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { units } from './units.js';
import { people } from './people.js';
import { accounts } from './accounts.js';
import { bytea } from './columns.js';

/**
 * A signer's credential (chứng thư số): a person's (`personal`, the competent person who approves)
 * or the agency's (`organisation`, the seal). The PKCS#12 file and its password are stored sealed
 * with the server key (TDKT_SIGNING_KEY, docs/operations.md), never in clear.
 */
export const signingCredentials = pgTable(
  'signing_credentials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    personId: uuid('person_id').references(() => people.id),
    kind: text('kind').notNull(),
    label: text('label').notNull(),
    commonName: text('common_name').notNull(),
    organisation: text('organisation'),
    serial: text('serial').notNull(),
    issuer: text('issuer').notNull(),
    notBefore: timestamp('not_before', { withTimezone: true }).notNull(),
    notAfter: timestamp('not_after', { withTimezone: true }).notNull(),
    certificate: bytea('certificate').notNull(),
    /**
     * 'server': the PKCS#12 file is held here (sealed); 'token': only the certificate — the key stays on
     * a USB token; 'remote': the key stays with a remote-signing provider reached over HTTP
     * (docs/signing-provider.md), with its URL, the key's id there and the sealed API key.
     */
    custody: text('custody').notNull().default('server'),
    sealedP12: bytea('sealed_p12'),
    sealedPassword: bytea('sealed_password'),
    providerUrl: text('provider_url'),
    providerKeyId: text('provider_key_id'),
    sealedApiKey: bytea('sealed_api_key'),
    /** The signature image (blue, transparent PNG) of a personal credential, the seal (red) of an organisation's. */
    image: bytea('image'),
    sealMm: integer('seal_mm'),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('signing_credentials_unit_idx').on(t.unitId)],
);

/**
 * Trust material an agency's admin configured: root and intermediate certificates, CRLs (uploaded:
 * `der`), and online revocation sources (`crl_url`, `ocsp_url`: `url`, no `der`). A record is
 * verified against the entries of its unit and the units above it.
 */
export const trustEntries = pgTable('trust_entries', {
  id: uuid('id').primaryKey().defaultRandom(),
  unitId: uuid('unit_id')
    .notNull()
    .references(() => units.id),
  kind: text('kind').notNull(),
  label: text('label').notNull(),
  subject: text('subject').notNull(),
  der: bytea('der'),
  url: text('url'),
  createdBy: uuid('created_by').references(() => accounts.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The current signed PDF of a record (a decision today), and how far it is signed. */
export const signedDocuments = pgTable(
  'signed_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** 'approved' (the competent person signed), 'issued' (the agency signed too). */
    state: text('state').notNull(),
    pdf: bytea('pdf').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('signed_documents_entity_uq').on(t.entityType, t.entityId)],
);

/** Every signature put on a document: who, with which certificate, when, from where. */
export const documentSignatures = pgTable(
  'document_signatures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    signedDocumentId: uuid('signed_document_id')
      .notNull()
      .references(() => signedDocuments.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    via: text('via').notNull(),
    credentialId: uuid('credential_id').references(() => signingCredentials.id),
    signerName: text('signer_name').notNull(),
    organisation: text('organisation'),
    serial: text('serial').notNull(),
    issuer: text('issuer').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    accountId: uuid('account_id').references(() => accounts.id),
  },
  (t) => [index('document_signatures_doc_idx').on(t.signedDocumentId)],
);

/**
 * External signing (USB token tool, remote provider): the prepared PDF waits here; the tool fetches it
 * once with a one-time URL and uploads the signed file with a token-guarded one.
 */
export const signingRequests = pgTable(
  'signing_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    type: text('type').notNull(),
    credentialId: uuid('credential_id')
      .notNull()
      .references(() => signingCredentials.id),
    tokenHash: text('token_hash').notNull(),
    preparedPdf: bytea('prepared_pdf').notNull(),
    byteRange: jsonb('byte_range').$type<[number, number, number, number]>().notNull(),
    digest: text('digest').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    fetchedAt: timestamp('fetched_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('signing_requests_token_uq').on(t.tokenHash)],
);

/**
 * An agency's signing rule: with `requireSignature`, a decision it issues takes effect (histories,
 * fund, notices, certificates, portal) only once it carries the agency's signature; until then it
 * waits as "chờ ký số". The nearest unit up the tree with a row decides; no row = issued on recording.
 */
export const signingPolicies = pgTable('signing_policies', {
  unitId: uuid('unit_id')
    .primaryKey()
    .references(() => units.id),
  requireSignature: boolean('require_signature').notNull(),
  updatedBy: uuid('updated_by').references(() => accounts.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

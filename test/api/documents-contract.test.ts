import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type Client, type TestApp } from '../helpers/app.js';
import { buildDecision } from '../helpers/decisions.js';
import { auditEvents, certificates } from '../../src/server/db/schema/index.js';
import { defaultTemplate } from '../../src/server/documents/index.js';
import { maySession, sessionAbilities } from '../../src/server/policies/session.js';
import { decisionAbilities } from '../../src/server/policies/decision.js';
import { mayTemplate } from '../../src/server/policies/template.js';
import { STATUS_OF_KIND } from '../../src/server/http/errors.js';
import { AlreadyVoted, QuorumNotMet, SessionNotOpen } from '../../src/server/commands/sessions.js';
import { DecisionNotIssuable, NotDecisionAuthority } from '../../src/server/commands/decisions.js';
import { CertificateAlreadyRevoked } from '../../src/server/commands/certificates.js';
import type { Actor } from '../../src/server/auth/actor.js';
import type { Role } from '../../src/shared/codes.js';

const actor = (role: Role): Actor => ({ accountId: 'a', username: 'u', displayName: 'U', role, unitId: 'x', unitPath: '/x/', personId: null, ip: '127.0.0.1' });

describe('record policies (council sessions, decisions, templates)', () => {
  it('lets the office edit a session only in draft, vote/close only while open, record the minutes once open', () => {
    const office = actor('office');
    assert.deepEqual(sessionAbilities(office, { status: 'draft' }), ['read', 'update', 'cancel', 'open']);
    assert.deepEqual(sessionAbilities(office, { status: 'cancelled' }), ['read']);
    assert.deepEqual(sessionAbilities(office, { status: 'open' }), ['read', 'vote', 'enterPaperBallots', 'close', 'recordMinutes']);
    assert.deepEqual(sessionAbilities(office, { status: 'closed' }), ['read', 'recordMinutes']);
    // A council member votes but never runs the session; a clerk does neither.
    assert.deepEqual(sessionAbilities(actor('council'), { status: 'open' }), ['read', 'vote']);
    assert.equal(maySession(actor('clerk'), { status: 'open' }, 'vote'), false);
  });

  it('refuses a second revocation and certificates of a higher authority', () => {
    assert.deepEqual(decisionAbilities(actor('head'), { kind: 'internal', status: 'issued' }), ['read', 'revoke', 'printCertificates']);
    assert.deepEqual(decisionAbilities(actor('head'), { kind: 'internal', status: 'revoked' }), ['read', 'printCertificates']);
    // A higher decision as recorded here is corrected; deleted only when it stands alone (not answering a dossier).
    assert.deepEqual(decisionAbilities(actor('office'), { kind: 'external', status: 'issued' }), ['read', 'attachFile', 'edit', 'delete']);
    assert.deepEqual(decisionAbilities(actor('office'), { kind: 'external', status: 'issued', dossierId: 'd' }), ['read', 'attachFile', 'edit']);
    assert.deepEqual(decisionAbilities(actor('office'), { kind: 'external', status: 'issued', revokeReason: 'sai' }), ['read', 'attachFile']);
    assert.equal(mayTemplate(actor('office'), { source: 'inherited' }, 'revert'), false);
    assert.equal(mayTemplate(actor('office'), { source: 'own' }, 'revert'), true);
    assert.equal(mayTemplate(actor('head'), { source: 'own' }, 'upload'), false);
  });

  it('maps the named domain errors to their HTTP status', () => {
    assert.equal(STATUS_OF_KIND[new SessionNotOpen('x').kind], 409);
    assert.equal(STATUS_OF_KIND[new AlreadyVoted('x').kind], 409);
    assert.equal(STATUS_OF_KIND[new QuorumNotMet('x').kind], 400);
    assert.equal(STATUS_OF_KIND[new DecisionNotIssuable('x').kind], 409);
    assert.equal(STATUS_OF_KIND[new NotDecisionAuthority('x').kind], 400);
    assert.equal(STATUS_OF_KIND[new CertificateAlreadyRevoked('x').kind], 409);
    assert.equal(new AlreadyVoted('x').name, 'AlreadyVoted');
  });
});

describe('documents API: list shape, abilities with each record, revocation as a command', () => {
  let t: TestApp;
  let office: Client;
  let head: Client;
  let decisionId: string;

  before(async () => {
    t = await createTestApp();
    office = await t.login('vanphong');
    head = await t.login('giamdoc');
    decisionId = (await buildDecision(t.db, t.demo.rootUnitId, { n: 3, number: 41 })).decision.id;
    const issued = await office.post(`/api/decisions/${decisionId}/certificates`);
    assert.equal(issued.status, 200, JSON.stringify(issued.body));
    assert.equal(issued.body.created, 3);
    assert.equal(issued.body.total, 3);
  });
  after(async () => t.close());

  it('pages the sổ vàng with page/pageSize and answers {items,total}', async () => {
    const p1 = await office.get(`/api/certificates?decisionId=${decisionId}&pageSize=2`);
    assert.equal(p1.status, 200, JSON.stringify(p1.body));
    assert.equal(p1.body.total, 3);
    assert.deepEqual(
      p1.body.items.map((c: { number: number }) => c.number),
      [1, 2],
    );
    const p2 = await office.get(`/api/certificates?decisionId=${decisionId}&pageSize=2&page=2`);
    assert.deepEqual(
      p2.body.items.map((c: { number: number }) => c.number),
      [3],
    );
    assert.equal((await office.get('/api/certificates?pageSize=500')).status, 400);
  });

  it('answers every list of the slice as {items,total}', async () => {
    for (const path of [
      '/api/sessions',
      '/api/sessions/candidates',
      '/api/decisions',
      '/api/decisions/ready',
      '/api/templates',
      '/api/templates/to_trinh/versions',
    ]) {
      const r = await office.get(path);
      assert.equal(r.status, 200, `${path}: ${JSON.stringify(r.body)}`);
      assert.ok(Array.isArray(r.body.items), path);
      assert.equal(typeof r.body.total, 'number', path);
    }
    const decisions = await office.get('/api/decisions?pageSize=1');
    assert.equal(decisions.body.items.length, 1);
    const mine = (await office.get('/api/decisions?year=2026&pageSize=200')).body.items.find((d: { id: string }) => d.id === decisionId);
    assert.equal(mine.certificateCount, 3);
    assert.equal(mine.awardeeCount, 3);
  });

  it('sends the record-level abilities with decisions, certificates and templates', async () => {
    assert.deepEqual((await head.get(`/api/decisions/${decisionId}`)).body.abilities, ['read', 'revoke', 'printCertificates']);
    assert.deepEqual((await office.get(`/api/decisions/${decisionId}`)).body.abilities, ['read', 'attachFile', 'issueCertificates', 'printCertificates']);
    const list = await office.get(`/api/certificates?decisionId=${decisionId}`);
    assert.ok(list.body.items.every((c: { abilities: string[] }) => c.abilities.join() === 'read,revoke'));
    assert.ok((await head.get(`/api/certificates?decisionId=${decisionId}`)).body.items.every((c: { abilities: string[] }) => c.abilities.join() === 'read'));
    const templates = await office.get('/api/templates');
    const toTrinh = templates.body.items.find((i: { kind: string }) => i.kind === 'to_trinh');
    assert.equal(toTrinh.inForce.source, 'default');
    assert.deepEqual(toTrinh.abilities, ['read', 'upload']);
    assert.deepEqual((await head.get('/api/templates')).body.items[0].abilities, ['read']);
  });

  it('revokes a certificate through a command that writes its audit event, once', async () => {
    const [c] = await t.db
      .select()
      .from(certificates)
      .where(and(eq(certificates.decisionId, decisionId), eq(certificates.number, 2)));
    const r = await office.post(`/api/certificates/${c!.id}/revoke`, { reason: 'Cấp nhầm người' });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.revoked, true);
    assert.equal(r.body.revokedReason, 'Cấp nhầm người');
    assert.deepEqual(r.body.abilities, ['read']);
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'certificate.revoked'), eq(auditEvents.entityId, c!.id)));
    assert.equal(events.length, 1);
    assert.match(events[0]!.summary, /Cấp nhầm người/);
    const again = await office.post(`/api/certificates/${c!.id}/revoke`, { reason: 'Lần nữa' });
    assert.equal(again.status, 409);
    assert.equal(again.body.error, 'certificate_already_revoked');
    const [still] = await t.db.select().from(certificates).where(eq(certificates.id, c!.id));
    assert.equal(still!.revokedReason, 'Cấp nhầm người');
    // A head may read the register but not revoke in it.
    const [other] = await t.db
      .select()
      .from(certificates)
      .where(and(eq(certificates.decisionId, decisionId), eq(certificates.number, 3)));
    assert.equal((await head.post(`/api/certificates/${other!.id}/revoke`, { reason: 'Không có quyền' })).status, 403);
  });

  it('refuses certificates for a revoked decision with a named error', async () => {
    const revoked = await head.post(`/api/decisions/${decisionId}/revoke`, { reason: 'Hủy bỏ để kiểm tra' });
    assert.equal(revoked.status, 200, JSON.stringify(revoked.body));
    assert.deepEqual(revoked.body.abilities, ['read', 'printCertificates']);
    const again = await office.post(`/api/decisions/${decisionId}/certificates`);
    assert.equal(again.status, 409);
    assert.equal(again.body.error, 'certificates_not_issuable');
    const twice = await head.post(`/api/decisions/${decisionId}/revoke`, { reason: 'Hủy bỏ lần hai' });
    assert.equal(twice.status, 409);
    assert.equal(twice.body.error, 'decision_already_revoked');
  });

  it('guards DOCX → PDF conversion with its own policy action (document: convert)', async () => {
    for (const username of ['canhan', 'hoidong']) {
      const r = await (await t.login(username)).upload('/api/documents/pdf', defaultTemplate('to_trinh'), {}, 'a.docx');
      assert.equal(r.status, 403, `${username}: ${r.status}`);
    }
    // The office may convert: it gets the PDF, or 503 when LibreOffice is not installed — never 403.
    const r = await office.upload('/api/documents/pdf', Buffer.from('not a docx file'), {}, 'a.docx');
    assert.ok([400, 503].includes(r.status), String(r.status));
  });
});

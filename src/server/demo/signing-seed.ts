/**
 * The demo agency's digital signing: a test CA made on the spot (its names say "thử nghiệm", nothing
 * it signs has legal value) trusted by the installation, the director's personal certificate with
 * a sample signature image, and the agency's certificate with a sample seal — so that a decision can
 * be signed and verified in the demo from the browser.
 */
import { randomUUID } from 'node:crypto';
import type { Executor } from '../db/client.js';
import { insertCredential, insertTrustEntry } from '../repositories/signing.js';
import { now } from '../clock.js';
import { describeCertificate } from '../signing/pkcs12.js';
import { sampleSealPng, sampleSignaturePng } from '../signing/sample-images.js';
import { sealSecret } from '../signing/secret-box.js';
import { makeTestCa, type TestEndEntity } from '../signing/test-ca.js';

export async function seedDemoSigning(
  tx: Executor,
  agency: { unitId: string; name: string },
  head: { personId: string; name: string },
  /** Other signers of the demo (the Council's secretary, who signs the Biên bản họp xét); `unitId`: kept by a unit below the agency. */
  others: readonly { personId: string; name: string; unitId?: string }[] = [],
  /** Units below the agency with their own seal (a public service unit signs its own Báo cáo thành tích). */
  sealed: readonly { unitId: string; name: string }[] = [],
): Promise<void> {
  const at = now();
  const ca = await makeTestCa(
    at,
    { person: head.name, organisation: agency.name, others: [...others.map((o) => o.name), ...sealed.map((u) => ({ cn: u.name, o: u.name }))] },
    { extras: false },
  );
  await insertTrustEntry(tx, {
    unitId: agency.unitId,
    kind: 'anchor',
    label: 'CA gốc thử nghiệm (dữ liệu mẫu)',
    subject: 'CN=CA gốc thử nghiệm TĐKT',
    der: ca.root,
    createdAt: at,
  });
  await insertTrustEntry(tx, {
    unitId: agency.unitId,
    kind: 'intermediate',
    label: 'CA trung gian thử nghiệm (dữ liệu mẫu)',
    subject: 'CN=CA trung gian thử nghiệm TĐKT',
    der: ca.intermediate,
    createdAt: at,
  });
  await insertTrustEntry(tx, {
    unitId: agency.unitId,
    kind: 'crl',
    label: 'CRL của CA trung gian thử nghiệm',
    subject: 'CN=CA trung gian thử nghiệm TĐKT',
    der: ca.crl,
    createdAt: at,
  });
  const add = async (who: TestEndEntity, kind: 'personal' | 'organisation', label: string, image: Buffer, personId = head.personId, unitId = agency.unitId) => {
    const id = randomUUID();
    const info = describeCertificate(who.certificate);
    await insertCredential(tx, {
      id,
      unitId,
      personId: kind === 'personal' ? personId : null,
      kind,
      label,
      commonName: info.commonName,
      organisation: info.organisation,
      serial: info.serial,
      issuer: info.issuer,
      notBefore: info.notBefore,
      notAfter: info.notAfter,
      certificate: who.certificate,
      custody: 'server',
      sealedP12: sealSecret(who.p12, id),
      sealedPassword: sealSecret(Buffer.from(who.password, 'utf8'), id),
      image,
      sealMm: kind === 'organisation' ? 36 : null,
      createdAt: at,
    });
  };
  await add(ca.person, 'personal', `Chứng thư số của ${head.name} (thử nghiệm)`, await sampleSignaturePng());
  for (const [i, o] of others.entries())
    await add(ca.others[i]!, 'personal', `Chứng thư số của ${o.name} (thử nghiệm)`, await sampleSignaturePng(), o.personId, o.unitId);
  await add(ca.organisation, 'organisation', `Chứng thư số của ${agency.name} (thử nghiệm)`, await sampleSealPng(agency.name));
  for (const [i, u] of sealed.entries())
    await add(ca.others[others.length + i]!, 'organisation', `Chứng thư số của ${u.name} (thử nghiệm)`, await sampleSealPng(u.name), undefined, u.unitId);
}

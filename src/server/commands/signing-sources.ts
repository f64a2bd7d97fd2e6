/**
 * Online revocation sources of an agency's trust store: a CRL to fetch from a URL, an OCSP
 * responder. Removing one is removing a trust entry (commands/signing.ts removeTrustEntry).
 */
import type { CommandContext } from './run.js';
import { badRequest } from '../errors.js';
import { now } from '../clock.js';
import { insertTrustEntry, type TrustRow } from '../repositories/signing.js';

export interface RevocationSourceInput {
  kind: 'crl_url' | 'ocsp_url';
  label: string;
  url: string;
}

export async function addRevocationSource(ctx: CommandContext, input: RevocationSourceInput): Promise<TrustRow> {
  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    throw badRequest('Địa chỉ không hợp lệ (ví dụ http://ca.example.vn/ocsp).');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw badRequest('Địa chỉ phải bắt đầu bằng http:// hoặc https://.');
  const row = await insertTrustEntry(ctx.tx, {
    unitId: ctx.actor.unitId,
    kind: input.kind,
    label: input.label,
    subject: url.href,
    url: url.href,
    createdBy: ctx.actor.accountId,
    createdAt: now(),
  });
  await ctx.audit({
    action: 'signing.trust_added',
    entityType: 'trust_entry',
    entityId: row.id,
    unitId: ctx.actor.unitId,
    summary: `Thêm ${input.kind === 'ocsp_url' ? 'máy chủ OCSP' : 'địa chỉ CRL'} ${input.label} (${url.href})`,
  });
  return row;
}

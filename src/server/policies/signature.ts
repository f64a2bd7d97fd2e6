/**
 * Who may sign what (ký số). A decision is signed first by the competent person with their own
 * certificate (`approve`), then with the agency's certificate (`issue`), as NĐ 30/2020 Phụ lục I
 * has it; a revoked decision keeps its signatures and takes no more.
 */
import type { Actor } from '../auth/actor.js';
import { domainError } from '../errors.js';
import { can } from './abilities.js';

export const SignatureNotAllowed = domainError('SignatureNotAllowed', 'conflict', 'signature_not_allowed');
export const CredentialNotYours = domainError('CredentialNotYours', 'forbidden', 'credential_not_yours');

export type SignState = 'unsigned' | 'approved' | 'issued';
export type SignatureAbility = 'approve' | 'issue' | 'download';

/** What the actor may do about the signatures of a decision they reach (found in scope). */
export function decisionSignatureAbilities(actor: Actor, d: { kind: string; status: string }, state: SignState): SignatureAbility[] {
  // A decision waiting for its signature ('signing') is signed to be issued; an issued one may be signed after the fact.
  const open = d.kind === 'internal' && (d.status === 'issued' || d.status === 'signing');
  const out: SignatureAbility[] = [];
  if (open && state === 'unsigned' && can(actor.role, 'signature', 'approve')) out.push('approve');
  if (open && state === 'approved' && can(actor.role, 'signature', 'issue')) out.push('issue');
  if (state !== 'unsigned') out.push('download');
  return out;
}

const STEP_MESSAGES = {
  approve: {
    unsigned: '',
    approved: 'Quyết định đã được người có thẩm quyền ký số.',
    issued: 'Quyết định đã được ký số và phát hành.',
  },
  issue: {
    unsigned: 'Người có thẩm quyền cần ký số quyết định trước khi ký số của cơ quan.',
    approved: '',
    issued: 'Quyết định đã được ký số của cơ quan.',
  },
} as const;

export function assertDecisionSignable(actor: Actor, d: { kind: string; status: string }, state: SignState, type: 'approve' | 'issue'): void {
  if (decisionSignatureAbilities(actor, d, state).includes(type)) return;
  if (d.kind !== 'internal') throw new SignatureNotAllowed('Quyết định của cấp trên ghi nhận vào hệ thống không ký số tại đây.');
  if (d.status === 'revoked') throw new SignatureNotAllowed('Quyết định đã bị hủy bỏ: giữ nguyên chữ ký đã có, không ký thêm.');
  const message = STEP_MESSAGES[type][state];
  if (message) throw new SignatureNotAllowed(message);
  throw new CredentialNotYours('Bạn không có quyền ký số bước này.');
}

/** A personal certificate signs only for its holder; an agency's certificate only the agency's signature. */
export function assertCredentialFits(actor: Actor, c: { kind: string; personId: string | null; disabledAt: Date | null }, type: 'approve' | 'issue'): void {
  if (c.disabledAt) throw new SignatureNotAllowed('Chứng thư số này đã bị ngừng sử dụng.');
  if (type === 'approve') {
    if (c.kind !== 'personal') throw new SignatureNotAllowed('Bước ký của người có thẩm quyền dùng chứng thư số cá nhân.');
    if (!c.personId || c.personId !== actor.personId) throw new CredentialNotYours('Chỉ chủ chứng thư số cá nhân mới được dùng nó để ký.');
  } else if (c.kind !== 'organisation') throw new SignatureNotAllowed('Bước ký của cơ quan dùng chứng thư số của cơ quan, tổ chức.');
}

/**
 * Giấy khen, Bằng khen of a decision are signed like the decision (the competent person, then the
 * agency), once the decision is in force; a revoked certificate takes no signature.
 */
export function assertCertificatesSignable(actor: Actor, d: { kind: string; status: string }, type: 'approve' | 'issue'): void {
  if (d.kind !== 'internal') throw new SignatureNotAllowed('Giấy khen, Bằng khen theo quyết định của cấp trên do cấp trên ký.');
  if (d.status !== 'issued')
    throw new SignatureNotAllowed(d.status === 'signing' ? 'Quyết định chưa được ký số phát hành.' : 'Quyết định đã bị hủy bỏ: không ký Giấy khen, Bằng khen.');
  if (!can(actor.role, 'signature', type)) throw new CredentialNotYours('Bạn không có quyền ký số bước này.');
}

/** The agency's electronic copy (bản sao điện tử) of a decision it signed and issued. */
export function assertCopySignable(actor: Actor, state: SignState): void {
  if (state !== 'issued') throw new SignatureNotAllowed('Chỉ sao điện tử quyết định đã được ký số và phát hành.');
  if (!can(actor.role, 'signature', 'issue')) throw new CredentialNotYours('Bạn không có quyền ký số bản sao của cơ quan.');
}

/** Who sets the agency's rule "issued only once signed": whoever manages its signing. */
export function maySetSigningPolicy(actor: Actor): boolean {
  return can(actor.role, 'signature', 'manage');
}

/** What the actor may sign of a decision's certificates, from how far they are signed. */
export function certificateSignatureAbilities(
  actor: Actor,
  d: { kind: string; status: string },
  counts: { total: number; approved: number; issued: number },
): ('approve' | 'issue')[] {
  if (d.kind !== 'internal' || d.status !== 'issued') return [];
  const out: ('approve' | 'issue')[] = [];
  if (counts.total > counts.approved + counts.issued && can(actor.role, 'signature', 'approve')) out.push('approve');
  if (counts.approved > 0 && can(actor.role, 'signature', 'issue')) out.push('issue');
  return out;
}

/** The electronic copy: made by whoever issues for the agency, once the decision is signed and issued. */
export function copySignatureAbilities(actor: Actor, state: SignState, copied: boolean): ('sign' | 'download')[] {
  const out: ('sign' | 'download')[] = [];
  if (state === 'issued' && can(actor.role, 'signature', 'issue')) out.push('sign');
  if (copied) out.push('download');
  return out;
}

/** A person whose signature a generated document carries (the head on a Tờ trình; the chair and secretary on a Biên bản). */
export interface SignerSlot {
  key: string;
  personId: string | null;
}

/**
 * Who may sign a generated document (Tờ trình, Biên bản họp xét): each person named in its signer
 * blocks signs with their own certificate, in any order; once they all have, the agency's
 * certificate stamps it where the document takes a seal (a Tờ trình; a Biên bản takes none).
 */
export function documentSignatureAbilities(
  actor: Actor,
  doc: { open: boolean; slots: readonly SignerSlot[]; seal: boolean },
  signedSlots: ReadonlySet<string>,
  sealed: boolean,
): { sign: string[]; seal: boolean; download: boolean } {
  const everyone = doc.slots.every((s) => signedSlots.has(s.key));
  return {
    sign: doc.open && !sealed ? doc.slots.filter((s) => !signedSlots.has(s.key) && s.personId !== null && s.personId === actor.personId).map((s) => s.key) : [],
    seal: doc.open && doc.seal && everyone && !sealed && can(actor.role, 'signature', 'issue'),
    download: signedSlots.size > 0 || sealed,
  };
}

/**
 * The agency's seals that may stamp a document of a unit: those kept by the unit itself or, when it
 * has none, by the nearest unit above it (a department signs with the Sở's seal; a public service
 * unit with its own). `unitPath` is the document's unit path (ids from the root).
 */
export function sealsFor<C extends { kind: string; unitId: string }>(unitPath: string, credentials: readonly C[]): C[] {
  const chain = unitPath.split('/').filter(Boolean);
  const depth = (c: C) => chain.indexOf(c.unitId);
  const seals = credentials.filter((c) => c.kind === 'organisation' && depth(c) >= 0);
  const nearest = Math.max(-1, ...seals.map(depth));
  return seals.filter((c) => depth(c) === nearest);
}

/** The signatures of a Tờ trình or a Biên bản → API JSON: who signs, who has, what the actor may do next. */
import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import type { CredentialSummary } from '../repositories/signing.js';
import type { PdfVerification } from '../signing/verify.js';
import { SIGNABLE_KINDS, type DocumentSignState, type Signable, type signProgress, type abilitiesOf } from '../commands/document-signing.js';
import { sealsFor } from '../policies/signature.js';
import { credentialSchema, presentCredential, presentVerification, verificationSchema } from './signing.js';

const STATE_LABELS: Record<DocumentSignState, string> = {
  unsigned: 'Chưa ký số',
  partial: 'Đang ký: còn người chưa ký số',
  signed: 'Những người ký đã ký số',
  issued: 'Đã ký số và đóng dấu của cơ quan',
};

export const documentSignaturePanelSchema = z
  .object({
    kind: z.enum(SIGNABLE_KINDS),
    title: z.string(),
    state: z.enum(['unsigned', 'partial', 'signed', 'issued']),
    stateLabel: z.string(),
    /** Why it may not be signed now; null when it may. */
    closedReason: z.string().nullable(),
    /** The people its signer blocks name, in the order they appear. */
    slots: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        name: z.string(),
        signedAt: z.string().nullable(),
        serial: z.string().nullable(),
        mine: z.boolean(),
      }),
    ),
    seal: z.object({ required: z.boolean(), signedAt: z.string().nullable(), organisation: z.string().nullable() }),
    abilities: z.object({ sign: z.boolean(), seal: z.boolean(), download: z.boolean() }),
    /** The number (số) can be given only before the first signature. */
    numberEditable: z.boolean(),
    /** The credentials the actor may use for the next step they may take. */
    credentials: z.array(credentialSchema),
    verification: verificationSchema.nullable(),
  })
  .meta({ id: 'DocumentSignaturePanel' });

export function presentDocumentSignaturePanel(
  actor: Actor,
  s: Signable,
  p: Awaited<ReturnType<typeof signProgress>>,
  may: ReturnType<typeof abilitiesOf>,
  verification: PdfVerification | null,
  credentials: CredentialSummary[],
  at: Date,
  /** The document's unit path: the seal offered is its unit's own, or the nearest above. */
  unitPath: string,
): z.infer<typeof documentSignaturePanelSchema> {
  const usable = credentials.filter((c) => !c.disabledAt && c.notAfter.getTime() >= at.getTime() && c.custody !== 'token');
  const next = may.sign.length ? 'personal' : may.seal ? 'organisation' : null;
  const offered = next === 'organisation' ? sealsFor(unitPath, usable) : usable.filter((c) => c.kind === 'personal' && c.personId === actor.personId);
  return {
    kind: s.kind,
    title: s.title,
    state: p.state,
    stateLabel: STATE_LABELS[p.state],
    closedReason: s.closed,
    slots: s.slots.map((x) => {
      const sig = p.bySlot.get(x.key);
      return {
        key: x.key,
        label: x.label,
        name: x.name,
        signedAt: sig?.signedAt.toISOString() ?? null,
        serial: sig?.serial ?? null,
        mine: x.personId !== null && x.personId === actor.personId,
      };
    }),
    seal: { required: s.seal, signedAt: p.sealSig?.signedAt.toISOString() ?? null, organisation: p.sealSig?.organisation ?? null },
    abilities: { sign: may.sign.length > 0, seal: may.seal, download: may.download },
    numberEditable: p.stored === undefined,
    credentials: next ? offered.map((c) => presentCredential(c, at)) : [],
    verification: verification ? presentVerification(verification) : null,
  };
}

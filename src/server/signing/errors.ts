/** The named errors of digital signing (ký số): each carries the Vietnamese message the user reads. */
import { domainError } from '../errors.js';

/** A PKCS#12 file that cannot be opened: not PKCS#12, wrong password, no key or no matching certificate. */
export const SigningCredentialInvalid = domainError('SigningCredentialInvalid', 'invalid', 'signing_credential_invalid');
/** A certificate that may not sign: no digitalSignature/nonRepudiation usage, expired, not yet valid, revoked, untrusted. */
export const CertificateNotUsable = domainError('CertificateNotUsable', 'invalid', 'certificate_not_usable');
/** A file that is not a PDF, or a PDF whose structure the signer cannot extend. */
export const PdfNotSignable = domainError('PdfNotSignable', 'invalid', 'pdf_not_signable');
/** A returned signature that does not verify against the prepared document. */
export const SignatureRejected = domainError('SignatureRejected', 'invalid', 'signature_rejected');
/** The server key that protects stored PKCS#12 files and passwords is missing or wrong. */
export const SigningKeyMissing = domainError('SigningKeyMissing', 'unavailable', 'signing_key_missing');
/** A remote-signing provider that cannot be reached, refuses the request, or answers something that is not a signature. */
export const RemoteSigningFailed = domainError('RemoteSigningFailed', 'unavailable', 'remote_signing_failed');

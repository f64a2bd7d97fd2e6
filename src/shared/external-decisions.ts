/**
 * Decisions of an authority above the agency (Chủ tịch UBND tỉnh/xã, Thủ tướng, Chủ tịch nước) as they
 * are written: the number and symbol, the signing authority (NĐ 30/2020, Phụ lục I, mục II.8.a).
 * Shared by the server's validation and the web form.
 */

/** Quyền hạn ký: thay mặt, ký thay, quyền, thừa lệnh, thừa ủy quyền. */
export const SIGNER_AUTHORITIES = ['TM.', 'KT.', 'Q.', 'TL.', 'TUQ.'] as const;
export type SignerAuthority = (typeof SIGNER_AUTHORITIES)[number];
export const SIGNER_AUTHORITY_LABELS: Record<SignerAuthority, string> = {
  'TM.': 'TM. (thay mặt tập thể)',
  'KT.': 'KT. (ký thay người đứng đầu)',
  'Q.': 'Q. (quyền)',
  'TL.': 'TL. (thừa lệnh)',
  'TUQ.': 'TUQ. (thừa ủy quyền)',
};

/**
 * Số, ký hiệu of a decision (NĐ 30: số/QĐ-chữ viết tắt tên cơ quan): "1234/QĐ-UBND", "85/QĐ-TTg",
 * "2121/QĐ-CTN", "12/QĐ-UBND-NC". The abbreviation keeps its letters as the issuer writes them.
 */
export const DECISION_NUMBER_SYMBOL = /^\d{1,6}\/QĐ-[\p{L}\d]+(?:-[\p{L}\d]+)*$/u;
export const DECISION_NUMBER_SYMBOL_MESSAGE = 'Số, ký hiệu quyết định không đúng dạng "1234/QĐ-UBND" (số/QĐ-chữ viết tắt tên cơ quan ban hành).';

/** "A", "A và B", "A, B và C": the executors of Điều 3 as one sentence. */
export function joinVi(items: readonly string[]): string {
  const xs = items.map((s) => s.trim().replace(/[;,.]+$/u, '')).filter(Boolean);
  if (xs.length <= 1) return xs[0] ?? '';
  return `${xs.slice(0, -1).join(', ')} và ${xs[xs.length - 1]}`;
}

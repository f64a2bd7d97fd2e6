/**
 * Narrowing of the codes the server sends as plain strings (a presenter that declares `z.string()`
 * for an honor, a gender, a status…) to the canonical code lists of src/shared/codes, without casts.
 */

/** The code if `value` is one of `codes`, else undefined. */
export function codeOf<T extends string>(codes: readonly T[], value: string | null | undefined): T | undefined {
  return codes.find((c) => c === value);
}

/** The values that are codes of `codes`, in order (unknown ones are left out). */
export function codesOf<T extends string>(codes: readonly T[], values: readonly string[]): T[] {
  return values.flatMap((v) => codeOf(codes, v) ?? []);
}

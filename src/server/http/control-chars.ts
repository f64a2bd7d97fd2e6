import { DomainError } from '../errors.js';

// C0 controls other than tab, line feed and carriage return, and DEL: never part of a Vietnamese text.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** The path of the first string in `value` that holds a control character (NUL…), or null. */
export function findControlCharacter(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return CONTROL.test(value) ? path.join('.') || '(giá trị)' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findControlCharacter(value[i], [...path, String(i)]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (CONTROL.test(k)) return [...path, '(tên trường)'].join('.');
      const found = findControlCharacter(v, [...path, k]);
      if (found !== null) return found;
    }
  }
  return null;
}

/** The refusal of an input holding control characters, for every route in one place (the validator). */
export function controlCharacterError(field: string): DomainError {
  return new DomainError(
    'invalid',
    'control_characters',
    `Dữ liệu có ký tự điều khiển không hợp lệ (ví dụ ký tự NUL) ở "${field}". Hãy xóa ký tự đó rồi gửi lại.`,
    [{ field, message: 'chứa ký tự điều khiển' }],
  );
}

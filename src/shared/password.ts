/** The password policy users can read, shared by the server and the web forms. */
export function passwordProblem(password: string): string | null {
  if (password.length < 8) return 'Mật khẩu phải có ít nhất 8 ký tự.';
  if (password.length > 200) return 'Mật khẩu quá dài (tối đa 200 ký tự).';
  if (!/[0-9]/.test(password) || !/[^0-9\s]/.test(password)) return 'Mật khẩu phải có cả chữ và số.';
  return null;
}

/** Client-side form rules mirroring the server's checks, with the same Vietnamese wording. */
import type { FormRule as Rule } from 'antd';
import { cccdProblem } from '../../shared/cccd';
import type { Gender } from '../../shared/codes';

/** At least 8 characters with a letter and a digit (server: passwordProblem). */
export function passwordProblem(password: string): string | null {
  if (password.length < 8) return 'Mật khẩu phải có ít nhất 8 ký tự.';
  if (password.length > 200) return 'Mật khẩu quá dài (tối đa 200 ký tự).';
  if (!/[0-9]/.test(password) || !/[^0-9\s]/.test(password)) return 'Mật khẩu phải có cả chữ và số.';
  return null;
}

export const passwordRule: Rule = {
  validator: (_, value: string | undefined) => {
    const problem = value ? passwordProblem(value) : null;
    return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
  },
};

/** CCCD rule that also checks gender and birth year against the other fields. */
export function cccdRule(ctx: () => { gender?: Gender | null; birthDate?: string | null }): Rule {
  return {
    validator: (_, value: string | undefined) => {
      if (!value || !value.trim()) return Promise.resolve();
      const problem = cccdProblem(value, ctx());
      return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
    },
  };
}

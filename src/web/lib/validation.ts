/** Client-side form rules mirroring the server's checks, with the same Vietnamese wording. */
import type { FormRule as Rule } from 'antd';
import { cccdProblem } from '../../shared/cccd';
import type { Gender } from '../../shared/codes';
import { passwordProblem } from '../../shared/password';

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

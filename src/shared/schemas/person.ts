import { z } from 'zod';
import { EMPLOYMENT_TYPES, GENDERS } from '../codes.js';
import { cccdProblem } from '../cccd.js';
import { isoDate } from './common.js';
import { yearVn } from '../clock.js';

/** Field labels used in error messages (Vietnamese). */
export const PERSON_FIELD_LABELS = {
  fullName: 'Họ và tên',
  unitId: 'Đơn vị',
  gender: 'Giới tính',
  birthDate: 'Ngày sinh',
  cccd: 'Số CCCD',
  position: 'Chức vụ',
  isLeader: 'Lãnh đạo',
  employmentType: 'Loại cán bộ',
  email: 'Thư điện tử',
} as const;

export const personInputSchema = z
  .object({
    fullName: z.string().trim().min(2, 'Họ và tên phải có ít nhất 2 ký tự.').max(120, 'Họ và tên quá dài (tối đa 120 ký tự).'),
    unitId: z.uuid('Đơn vị không hợp lệ.'),
    gender: z.enum(GENDERS, 'Giới tính phải là "nam" hoặc "nu".').nullish(),
    birthDate: isoDate.nullish(),
    cccd: z
      .string()
      .trim()
      .nullish()
      .superRefine((v, ctx) => {
        const problem = v ? cccdProblem(v) : null;
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      }),
    position: z.string().trim().max(200, 'Chức vụ quá dài (tối đa 200 ký tự).').nullish(),
    isLeader: z.boolean().default(false),
    employmentType: z.enum(EMPLOYMENT_TYPES, 'Loại cán bộ không hợp lệ.').nullish(),
    email: z
      .email('Thư điện tử không hợp lệ.')
      .max(200)
      .nullish()
      .or(z.literal('').transform(() => null)),
  })
  .superRefine((v, ctx) => {
    // Runs only once every field is valid: here the CCCD is well-formed, so only consistency is left.
    if (v.cccd) {
      const problem = cccdProblem(v.cccd, { gender: v.gender, birthDate: v.birthDate });
      if (problem) ctx.addIssue({ code: 'custom', path: ['cccd'], message: problem });
    }
    if (v.birthDate) {
      const year = Number(v.birthDate.slice(0, 4));
      const now = yearVn();
      if (year < now - 100 || year > now - 15)
        ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'Ngày sinh không hợp lý (tuổi phải từ 15 đến 100).' });
    }
  });
export type PersonInput = z.infer<typeof personInputSchema>;

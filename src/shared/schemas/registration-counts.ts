/** Requests of the registration by number (đăng ký số lượng): a unit's count per high honor, its submission and return. */
import { z } from 'zod';
import { HONORS } from '../codes.js';

const campaign = {
  planId: z.uuid('Kế hoạch không hợp lệ.').nullish(),
  movementId: z.uuid('Phong trào không hợp lệ.').nullish(),
};
const honor = z.enum(HONORS, 'Mã danh hiệu / hình thức khen thưởng không hợp lệ.');

export const countLineInput = z.object({
  honor,
  count: z
    .number('Số lượng phải là một số.')
    .int('Số lượng đăng ký phải là số nguyên.')
    .min(0, 'Số lượng đăng ký không được âm.')
    .max(100000, 'Số lượng đăng ký quá lớn.'),
  note: z.string().trim().max(1000, 'Ghi chú quá dài (tối đa 1000 ký tự).').nullish(),
});

export const countSheetInputSchema = z.object({
  ...campaign,
  unitId: z.uuid('Đơn vị không hợp lệ.'),
  items: z.array(countLineInput).max(50, 'Quá nhiều dòng đăng ký số lượng.'),
  version: z.number().int().optional(),
});
export type CountSheetInput = z.infer<typeof countSheetInputSchema>;

export const countSheetRefSchema = z.object({ ...campaign, unitId: z.uuid('Đơn vị không hợp lệ.') });
export type CountSheetRef = z.infer<typeof countSheetRefSchema>;

export const countSheetReturnSchema = countSheetRefSchema.extend({
  reason: z.string().trim().min(3, 'Hãy ghi lý do trả lại.').max(1000, 'Lý do quá dài (tối đa 1000 ký tự).'),
});
export type CountSheetReturnInput = z.infer<typeof countSheetReturnSchema>;

export const countHonorsInputSchema = z.object({
  ...campaign,
  honors: z.array(honor).max(30, 'Quá nhiều danh hiệu.'),
});
export type CountHonorsInput = z.infer<typeof countHonorsInputSchema>;

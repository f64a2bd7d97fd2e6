import { z } from 'zod';

/** A real calendar date written yyyy-mm-dd (2023-02-30 is refused). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng yyyy-mm-dd.')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'Ngày không tồn tại trong lịch.');

export const pageQuery = {
  page: z.coerce.number().int('Số trang phải là số nguyên.').min(1, 'Số trang phải từ 1 trở lên.').default(1),
  pageSize: z.coerce.number().int().min(1, 'Cỡ trang phải từ 1 trở lên.').max(200, 'Cỡ trang tối đa là 200.').default(50),
};

/** Query-string booleans: "true"/"false"/"1"/"0". */
export const queryBool = z.enum(['true', 'false', '1', '0'], 'Giá trị phải là true hoặc false.').transform((v) => v === 'true' || v === '1');

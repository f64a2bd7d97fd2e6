import { z } from 'zod';

export const todoItemSchema = z.object({
  title: z.string(),
  detail: z.string(),
  /** The SPA path where the work is done. */
  link: z.string(),
  /** The day it is due, when there is one (yyyy-mm-dd). */
  dueDate: z.string().nullable(),
});

export const todoSectionSchema = z.object({
  key: z.enum(['receive', 'appraise', 'prepare', 'ballots', 'returned', 'deadlines', 'registration']),
  title: z.string(),
  /** How many in all (the items are the first few). */
  total: z.number().int(),
  /** Where the whole list is. */
  link: z.string(),
  items: z.array(todoItemSchema),
});

export const todoSchema = z.object({ sections: z.array(todoSectionSchema), total: z.number().int() }).meta({ id: 'Todo' });

export type TodoSectionOut = z.infer<typeof todoSectionSchema>;

export const TODO_TITLES: Record<TodoSectionOut['key'], string> = {
  receive: 'Hồ sơ chờ tiếp nhận',
  appraise: 'Hồ sơ đang thẩm định',
  prepare: 'Phiên họp cần chuẩn bị',
  ballots: 'Phiếu bầu đang mở',
  returned: 'Hồ sơ bị trả lại, cần bổ sung',
  deadlines: 'Thời hạn trong 7 ngày tới',
  registration: 'Đăng ký thi đua đang mở',
};

/** Drops the empty parts: the panel shows only what waits. */
export function presentTodo(sections: TodoSectionOut[]): z.infer<typeof todoSchema> {
  const shown = sections.filter((s) => s.total > 0);
  return { sections: shown, total: shown.reduce((n, s) => n + s.total, 0) };
}

/** The agency's own working-day calendar (days off, make-up working days) over the statutory defaults. */
import type { CommandContext } from '../run.js';
import { deleteHoliday, upsertHoliday } from '../../repositories/dossiers.js';
import { formatDateVi } from '../../../shared/format-vi.js';

export async function setHoliday(ctx: CommandContext, input: { date: string; name: string; kind: 'holiday' | 'workday' | 'default' }): Promise<void> {
  if (input.kind === 'default') await deleteHoliday(ctx.tx, input.date);
  else await upsertHoliday(ctx.tx, { date: input.date, name: input.name.trim(), kind: input.kind });
  await ctx.audit({
    action: 'calendar.holiday_set',
    entityType: 'calendar',
    unitId: ctx.actor.unitId,
    summary: `${formatDateVi(input.date)}: ${input.kind === 'holiday' ? 'ngày nghỉ' : input.kind === 'workday' ? 'ngày làm bù' : 'theo lịch mặc định'} ${input.name}`,
  });
}

/**
 * Windows with a start ("từ ngày … đến hết ngày …", "trong 10 ngày làm việc kể từ ngày …") and
 * per-honor deadlines: pure helpers shared by the movement editor, the dossier pipeline and the
 * public notices.
 */
import { addDays, addWorkingDays, workingDaysBetween, type Calendar } from '../../shared/working-days.js';
import { DAY_COUNT_KIND_LABELS, type DayCountKind } from '../../shared/schemas/plans.js';
import { formatDateVi } from '../../shared/format-vi.js';

const d = formatDateVi;

/** The last day of a window of `count` days of that kind opening on `start` (the start day counts). */
export function windowEnd(cal: Calendar, start: string, count: number, kind: DayCountKind): string {
  return kind === 'calendar' ? addDays(start, count - 1) : addWorkingDays(cal, addDays(start, -1), count);
}

/** Days of that kind from `start` to `end`, both included. */
export function windowLength(cal: Calendar, start: string, end: string, kind: DayCountKind): number {
  if (end < start) return 0;
  return kind === 'calendar'
    ? Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1
    : workingDaysBetween(cal, addDays(start, -1), end);
}

export interface WindowInput {
  title: string;
  startDate?: string | null | undefined;
  dueDate: string;
  dayCountKind?: DayCountKind | null | undefined;
  dayCount?: number | null | undefined;
}

/** Why a window contradicts itself (null when it does not): opens after it closes, or its day count disagrees with its dates. */
export function windowProblem(cal: Calendar, w: WindowInput): string | null {
  if (w.startDate && w.startDate > w.dueDate) return `Thời hạn "${w.title}": ngày bắt đầu ${d(w.startDate)} sau ngày kết thúc ${d(w.dueDate)}.`;
  if (w.dayCount && !w.dayCountKind) return `Thời hạn "${w.title}": hãy chọn tính theo ngày hay ngày làm việc.`;
  if (w.dayCount && w.dayCountKind && w.startDate) {
    const end = windowEnd(cal, w.startDate, w.dayCount, w.dayCountKind);
    if (end !== w.dueDate)
      return `Thời hạn "${w.title}": ${w.dayCount} ${DAY_COUNT_KIND_LABELS[w.dayCountKind]} kể từ ngày ${d(w.startDate)} là đến hết ngày ${d(end)}, không phải ${d(w.dueDate)}.`;
  }
  return null;
}

/** "từ ngày 01/10/2026 đến hết ngày 15/10/2026" or "trước ngày 15/10/2026". */
export function windowText(w: {
  startDate?: string | null | undefined;
  dueDate: string;
  dayCountKind?: string | null | undefined;
  dayCount?: number | null | undefined;
}): string {
  const count = w.dayCount && w.dayCountKind ? ` (${w.dayCount} ${DAY_COUNT_KIND_LABELS[w.dayCountKind as DayCountKind] ?? 'ngày'})` : '';
  return w.startDate ? `từ ngày ${d(w.startDate)} đến hết ngày ${d(w.dueDate)}${count}` : `trước ngày ${d(w.dueDate)}${count}`;
}

export interface HonorDeadline {
  title: string;
  startDate: string | null;
  dueDate: string;
  honors: string[];
  responsibleUnitId: string | null;
}

/**
 * The deadline that applies to a dossier proposing `honors` for `unitId`: for each honor, the
 * deadline named for that honor (a unit's own before the general one), else the movement's general
 * deadline (no honor named); the dossier is bound by the earliest of those, and sent within that
 * deadline's window. Deadlines of honors the dossier does not propose never apply, and a unit's own
 * deadline applies to that unit only. `earliestDue` is the earliest date of any deadline that can
 * apply to the unit (what an extension must go beyond).
 */
export function applicableDeadline(
  all: HonorDeadline[],
  unitId: string,
  honors: string[],
): { dueDate: string; startDate: string | null; title: string; earliestDue: string } | null {
  const mine = all.filter((x) => x.responsibleUnitId === null || x.responsibleUnitId === unitId);
  const pick = (rows: HonorDeadline[]) => {
    const own = rows.filter((x) => x.responsibleUnitId === unitId);
    const use = own.length ? own : rows;
    return use.length ? use.reduce((a, b) => (b.dueDate < a.dueDate ? b : a)) : null;
  };
  const general = pick(mine.filter((x) => x.honors.length === 0));
  const chosen: HonorDeadline[] = [];
  const wanted = [...new Set(honors)];
  for (const h of wanted) {
    const x = pick(mine.filter((y) => y.honors.includes(h))) ?? general;
    if (x) chosen.push(x);
  }
  if (!wanted.length) {
    // A dossier with no candidate yet: the general deadline, else the earliest of the per-honor ones.
    const x = general ?? pick(mine);
    if (x) chosen.push(x);
  }
  const firstOfAll = pick(mine);
  if (!chosen.length || !firstOfAll) return null;
  const earliest = chosen.reduce((a, b) => (b.dueDate < a.dueDate ? b : a));
  return { dueDate: earliest.dueDate, startDate: earliest.startDate, title: earliest.title, earliestDue: firstOfAll.dueDate };
}

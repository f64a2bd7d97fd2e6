/** The statistical forms computed from the records of the actor's subtree, and the records behind one cell. */
import type { Executor } from '../db/client.js';
import { statHonorGroups, statHonorRecords, statMovements, type HonorPrefilter } from '../repositories/statistics.js';
import { formValues, honorRecord, inCell, movementRecord, STAT_FORMS, type StatForm, type StatGroup, type StatLine } from './forms.js';
import { HONOR_INFO, COMMENDATION_TYPE_LABELS, type CommendationType, type Honor } from '../../shared/codes.js';
import { MOVEMENT_TYPE_LABELS, type MovementType } from '../../shared/schemas/plans.js';
import { notFound } from '../errors.js';

/** Which body submits the agency's proposals upward (a ministry or a province): the demo agency is a provincial department. */
export const STAT_SUBMITTER: 'bo_nganh' | 'tinh' = 'tinh';

export function formOf(code: string): StatForm {
  const form = STAT_FORMS[code];
  if (!form) throw notFound('Không có biểu thống kê này.');
  return form;
}

export interface ComputedForm {
  form: StatForm;
  year: number;
  values: (number | null)[][];
}

export async function computeForm(db: Executor, path: string, code: string, year: number): Promise<ComputedForm> {
  const form = formOf(code);
  let groups: StatGroup[];
  if (form.source === 'movement') {
    groups = (await statMovements(db, path, year)).map((m) => ({ attrs: movementRecord(m), n: 1 }));
  } else {
    groups = (await statHonorGroups(db, path, year)).map((g) => ({ attrs: honorRecord(g, STAT_SUBMITTER), n: g.n }));
  }
  return { form, year, values: formValues(form, groups) };
}

export interface CellRecord {
  id: string;
  kind: 'honor' | 'movement';
  name: string;
  unitName: string;
  detail: string;
  date: string | null;
  reference: string | null;
  link: string;
}

/** The values a field may take in a cell: the intersection of the row's and the column's (SQL narrowing only). */
function allowed(row: StatLine, col: StatLine, field: string): readonly string[] | undefined {
  const a = row.where?.[field];
  const b = col.where?.[field];
  if (a && b) return a.filter((v) => b.includes(v));
  return a ?? b;
}

export async function cellRecords(
  db: Executor,
  path: string,
  code: string,
  year: number,
  rowKey: string,
  colKey: string,
): Promise<{ form: StatForm; row: StatLine; col: StatLine; items: CellRecord[] }> {
  const form = formOf(code);
  const row = form.rows.find((r) => r.key === rowKey);
  const col = form.columns.find((c) => c.key === colKey);
  if (!row || !col) throw notFound('Không có ô này trong biểu.');
  if (row.heading || row.none || col.none) return { form, row, col, items: [] };
  if (form.source === 'movement') {
    const items = (await statMovements(db, path, year))
      .filter((m) => inCell(movementRecord(m), row, col))
      .map((m) => ({
        id: m.id,
        kind: 'movement' as const,
        name: m.title,
        unitName: m.unitName,
        detail: MOVEMENT_TYPE_LABELS[m.type as MovementType] ?? m.type,
        date: m.startDate,
        reference: m.number,
        link: `/phong-trao/${m.id}`,
      }));
    return { form, row, col, items };
  }
  const pre: HonorPrefilter = { honors: allowed(row, col, 'honor'), types: allowed(row, col, 'type'), subject: allowed(row, col, 'subject') };
  const items = (await statHonorRecords(db, path, year, pre))
    .filter((h) => inCell(honorRecord(h, STAT_SUBMITTER), row, col))
    .map((h) => ({
      id: h.id,
      kind: 'honor' as const,
      name: h.name,
      unitName: h.unitName,
      detail: `${HONOR_INFO[h.honor as Honor]?.label ?? h.honor} — ${COMMENDATION_TYPE_LABELS[h.type as CommendationType] ?? h.type}`,
      date: h.decisionDate,
      reference: h.decisionNumber,
      link: h.personId ? `/thi-dua/ca-nhan/${h.personId}` : `/thi-dua/don-vi/${h.unitId}`,
    }));
  return { form, row, col, items };
}

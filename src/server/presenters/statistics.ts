import { z } from 'zod';
import type { ComputedForm, CellRecord } from '../statistics/query.js';
import type { StatForm, StatLine } from '../statistics/forms.js';
import { STAT_CIRCULARS, STAT_FORMS } from '../statistics/forms.js';

const lineSchema = z.object({
  key: z.string(),
  code: z.string(),
  label: z.string(),
  groups: z.array(z.string()),
  unit: z.string().nullable(),
  heading: z.boolean(),
  bold: z.boolean(),
  /** The records hold no such category: always 0, and why. */
  none: z.string().nullable(),
});

export const statFormSchema = z
  .object({
    code: z.string(),
    /** The short code used in the URL (`0601`). */
    urlCode: z.string(),
    circular: z.string(),
    title: z.string(),
    year: z.number().int(),
    unitName: z.string().nullable(),
    due: z.string(),
    unitOfCount: z.string().nullable(),
    verified: z.boolean(),
    note: z.string(),
    columns: z.array(lineSchema),
    /** Rows with their cells, in `columns` order (null in heading rows). */
    rows: z.array(lineSchema.extend({ cells: z.array(z.number().int().nullable()) })),
  })
  .meta({ id: 'StatisticalForm' });

export const statFormListSchema = z
  .object({
    forms: z.array(z.object({ urlCode: z.string(), code: z.string(), title: z.string(), circular: z.string(), verified: z.boolean() })),
    circulars: z.array(z.object({ code: z.string(), date: z.string(), forms: z.array(z.string()), verified: z.boolean(), note: z.string() })),
  })
  .meta({ id: 'StatisticalForms' });

export const statCellSchema = z
  .object({
    form: z.string(),
    year: z.number().int(),
    rowLabel: z.string(),
    columnLabel: z.string(),
    /** Why the cell is always empty (a category the records do not hold), else null. */
    none: z.string().nullable(),
    items: z.array(
      z.object({
        id: z.uuid(),
        kind: z.string(),
        name: z.string(),
        unitName: z.string(),
        detail: z.string(),
        date: z.string().nullable(),
        reference: z.string().nullable(),
        link: z.string(),
      }),
    ),
    total: z.number().int(),
  })
  .meta({ id: 'StatisticalCell' });

const line = (l: StatLine) => ({
  key: l.key,
  code: l.code,
  label: l.label,
  groups: [...(l.groups ?? [])],
  unit: l.unit ?? null,
  heading: !!l.heading,
  bold: !!l.bold,
  none: l.none ?? null,
});

export function presentStatForm(c: ComputedForm, urlCode: string, unitName: string | null): z.infer<typeof statFormSchema> {
  const f = c.form;
  return {
    code: f.code,
    urlCode,
    circular: f.circular,
    title: f.title,
    year: c.year,
    unitName,
    due: f.due,
    unitOfCount: f.unitOfCount ?? null,
    verified: f.verified,
    note: f.note,
    columns: f.columns.map(line),
    rows: f.rows.map((r, i) => ({ ...line(r), cells: c.values[i] ?? [] })),
  };
}

export function presentStatForms(): z.infer<typeof statFormListSchema> {
  return {
    forms: Object.entries(STAT_FORMS).map(([urlCode, f]) => ({ urlCode, code: f.code, title: f.title, circular: f.circular, verified: f.verified })),
    circulars: STAT_CIRCULARS.map((c) => ({ code: c.code, date: c.date, forms: [...c.forms], verified: c.verified, note: c.note })),
  };
}

export function presentStatCell(
  r: { form: StatForm; row: StatLine; col: StatLine; items: CellRecord[] },
  year: number,
  page: { page: number; pageSize: number },
): z.infer<typeof statCellSchema> {
  const from = (page.page - 1) * page.pageSize;
  return {
    form: r.form.code,
    year,
    rowLabel: `${r.row.code ? r.row.code + '. ' : ''}${r.row.label}`,
    columnLabel: [...(r.col.groups ?? []).filter((g) => g !== 'Chia ra'), r.col.label].join(' — '),
    none: r.row.none ?? r.col.none ?? null,
    items: r.items.slice(from, from + page.pageSize),
    total: r.items.length,
  };
}

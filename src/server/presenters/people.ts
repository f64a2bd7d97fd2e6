import { z } from 'zod';
import type { PersonRow } from '../repositories/people.js';
import type { Actor } from '../auth/actor.js';
import { ACTIONS } from '../policies/abilities.js';
import { personAbilities } from '../policies/person.js';
import type { ImportRow } from '../imports/staff-xlsx.js';
import { EMPLOYMENT_TYPE_LABELS, GENDER_LABELS, type EmploymentType, type Gender } from '../../shared/codes.js';

export const personSchema = z
  .object({
    id: z.uuid(),
    fullName: z.string(),
    unitId: z.uuid(),
    unitName: z.string().nullable(),
    gender: z.string().nullable(),
    genderLabel: z.string().nullable(),
    birthDate: z.string().nullable().describe('yyyy-mm-dd'),
    cccd: z.string().nullable(),
    position: z.string().nullable(),
    isLeader: z.boolean(),
    employmentType: z.string().nullable(),
    employmentTypeLabel: z.string().nullable(),
    email: z.string().nullable(),
    active: z.boolean(),
    version: z.number().int(),
    abilities: z.array(z.enum(ACTIONS.person)).describe('Các thao tác tài khoản được làm với cán bộ này (vai trò và trạng thái)'),
  })
  .meta({ id: 'Person' });
export type PersonJson = z.infer<typeof personSchema>;

export const transferSchema = z
  .object({
    id: z.uuid(),
    fromUnitId: z.uuid().nullable(),
    fromUnitName: z.string().nullable(),
    toUnitId: z.uuid(),
    toUnitName: z.string().nullable(),
    effectiveDate: z.string(),
    reason: z.string().nullable(),
  })
  .meta({ id: 'PersonTransfer' });

export const personDetailSchema = personSchema.extend({ transfers: z.array(transferSchema) }).meta({ id: 'PersonDetail' });

/** A page of staff: the one list shape, plus the page asked for (the pager shows it). */
export const personPageSchema = z.object({
  items: z.array(personSchema),
  total: z.number().int().describe('Tổng số cán bộ khớp bộ lọc (danh sách lớn: có thể là số đã đếm trong vài chục giây qua)'),
  page: z.number().int(),
  pageSize: z.number().int(),
  nextCursor: z.string().nullable().describe('Con trỏ trang sau (thứ tự họ tên): gửi lại trong `after` để lấy trang kế tiếp không dùng OFFSET'),
});

export function presentPerson(p: PersonRow, actor: Actor, unitName: string | null = null): PersonJson {
  return {
    id: p.id,
    fullName: p.fullName,
    unitId: p.unitId,
    unitName,
    gender: p.gender,
    genderLabel: p.gender ? (GENDER_LABELS[p.gender as Gender] ?? null) : null,
    birthDate: p.birthDate,
    cccd: p.cccd,
    position: p.position,
    isLeader: p.isLeader,
    employmentType: p.employmentType,
    employmentTypeLabel: p.employmentType ? (EMPLOYMENT_TYPE_LABELS[p.employmentType as EmploymentType] ?? null) : null,
    email: p.email,
    active: p.active,
    version: p.version,
    abilities: personAbilities(actor, p),
  };
}

export function presentTransfer(t: {
  transfer: { id: string; fromUnitId: string | null; toUnitId: string; effectiveDate: string; reason: string | null };
  fromName: string | null;
  toName: string | null;
}): z.infer<typeof transferSchema> {
  return {
    id: t.transfer.id,
    fromUnitId: t.transfer.fromUnitId,
    fromUnitName: t.fromName,
    toUnitId: t.transfer.toUnitId,
    toUnitName: t.toName,
    effectiveDate: t.transfer.effectiveDate,
    reason: t.transfer.reason,
  };
}

const importRowSchema = z.object({
  row: z.number().int(),
  values: z.record(z.string(), z.string()),
  ok: z.boolean(),
  errors: z.array(z.string()),
  /** What the reader corrected (a CCCD given back its leading zero): to look at, not blocking. */
  warnings: z.array(z.string()),
});

/** The preview of a staff sheet: its columns, the mapping used, and each row's errors (nothing stored). */
export const importPreviewSchema = z
  .object({
    headers: z.array(z.string()),
    columns: z.array(z.object({ letter: z.string(), header: z.string() })),
    mapping: z.record(z.string(), z.string().nullable()),
    fields: z.array(z.object({ key: z.string(), label: z.string(), required: z.boolean() })),
    converted: z.object({ cells: z.number().int(), encodings: z.array(z.string()) }),
    notices: z.array(z.string()),
    total: z.number().int(),
    valid: z.number().int(),
    invalid: z.number().int(),
    rows: z.array(importRowSchema),
  })
  .meta({ id: 'StaffImportPreview' });

export function presentImportRows(rows: ImportRow[]): z.infer<typeof importRowSchema>[] {
  return rows.map((r) => ({ row: r.row, values: r.values, ok: r.errors.length === 0, errors: r.errors, warnings: r.warnings }));
}

import type { CommandContext } from './run.js';
import type { Executor } from '../db/client.js';
import { existingCccds, insertPeople } from '../repositories/people.js';
import { CCCD_TAKEN_MESSAGE, personValues } from './people.js';
import type { ImportRow } from '../imports/staff-xlsx.js';
import { badRequest } from '../errors.js';

/** Adds the "already in the system" errors that need the database to the parsed rows. */
export async function checkRowsAgainstDatabase(tx: Executor, rows: ImportRow[]): Promise<void> {
  const cccds = rows.map((r) => r.values.cccd?.trim()).filter((c): c is string => !!c);
  const existing = await existingCccds(tx, cccds);
  for (const r of rows) {
    const c = r.values.cccd?.trim();
    if (c && existing.has(c)) {
      r.errors.push(CCCD_TAKEN_MESSAGE);
      r.input = null;
    }
  }
}

/**
 * Stores the valid rows of a checked sheet in one transaction. With errors present the user must
 * have chosen to skip them; otherwise nothing is stored.
 */
export async function importPeople(ctx: CommandContext, rows: ImportRow[], opts: { skipInvalid: boolean; fileName: string }) {
  await checkRowsAgainstDatabase(ctx.tx, rows);
  const valid = rows.flatMap((r) => (r.input ? [r.input] : []));
  const invalid = rows.length - valid.length;
  if (invalid > 0 && !opts.skipInvalid) throw badRequest(`Tệp còn ${invalid} dòng lỗi. Hãy sửa tệp, hoặc xác nhận bỏ qua các dòng lỗi.`);
  if (valid.length === 0) throw badRequest('Không có dòng hợp lệ nào để nhập.');
  const ids = await insertPeople(ctx.tx, valid.map(personValues));
  await ctx.audit({
    action: 'person.imported',
    entityType: 'person',
    unitId: ctx.actor.unitId,
    summary: `Nhập ${valid.length} cán bộ từ tệp "${opts.fileName}"${invalid ? `, bỏ qua ${invalid} dòng lỗi` : ''}`,
    after: { imported: valid.length, skipped: invalid, skippedRows: rows.filter((r) => !r.input).map((r) => r.row), ids },
  });
  return { imported: valid.length, skipped: invalid };
}

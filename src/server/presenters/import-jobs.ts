import { z } from 'zod';
import type { ImportJobRow } from '../repositories/import-jobs.js';
import { IMPORT_JOB_KINDS, IMPORT_JOB_MODES, IMPORT_JOB_STAGES, IMPORT_JOB_STATUSES, type ImportJobStage, type StoredJobError } from '../imports/jobs.js';
import { importPreviewSchema as staffPreviewSchema } from './people.js';
import { importPreviewSchema as recordPreviewSchema } from './records.js';
import { STATUS_OF_KIND } from '../http/errors.js';

const STAGE_LABELS: Record<ImportJobStage, string> = {
  queued: 'Đang chờ đến lượt',
  reading: 'Đang đọc tệp Excel',
  checking: 'Đang đối chiếu với dữ liệu trong hệ thống',
  storing: 'Đang lưu dữ liệu',
  done: 'Đã xong',
  failed: 'Không thành công',
};
const STAGE_PROGRESS: Record<ImportJobStage, number> = { queued: 5, reading: 30, checking: 70, storing: 90, done: 100, failed: 100 };

export const importCountsSchema = z
  .object({ imported: z.number().int(), skipped: z.number().int(), replaced: z.number().int().optional() })
  .meta({ id: 'ImportCounts', description: 'Kết quả nhập: số dòng đã nhập, bỏ qua (và số xếp loại được thay, với xếp loại).' });

export const importJobSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(IMPORT_JOB_KINDS),
    mode: z.enum(IMPORT_JOB_MODES),
    status: z.enum(IMPORT_JOB_STATUSES),
    stage: z.enum(IMPORT_JOB_STAGES),
    stageLabel: z.string(),
    progress: z.number().int().describe('Phần trăm ước lượng, 0–100'),
    fileName: z.string(),
    createdAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
    /** Why the job failed, as an error answer of the API would say it (with the HTTP status it stands for). */
    error: z.object({ status: z.number().int(), error: z.string(), message: z.string(), details: z.unknown().optional() }).nullable(),
    staffPreview: staffPreviewSchema.nullable().describe('Xem trước tệp cán bộ (kind = staff, mode = preview)'),
    recordPreview: recordPreviewSchema.nullable().describe('Xem trước tệp xếp loại/khen thưởng (kind = ratings | honors, mode = preview)'),
    result: importCountsSchema.nullable().describe('Kết quả nhập (mode = commit)'),
  })
  .meta({ id: 'ImportJob', description: 'Tác vụ nhập tệp Excel: hỏi lại cho đến khi status là done hoặc failed.' });
export type ImportJobJson = z.infer<typeof importJobSchema>;

function isStage(v: string): v is ImportJobStage {
  return (IMPORT_JOB_STAGES as readonly string[]).includes(v);
}

export function presentImportJob(row: ImportJobRow): ImportJobJson {
  const stage = isStage(row.stage) ? row.stage : 'queued';
  const done = row.status === 'done';
  const stored = row.error as StoredJobError | null;
  return {
    id: row.id,
    kind: z.enum(IMPORT_JOB_KINDS).parse(row.kind),
    mode: z.enum(IMPORT_JOB_MODES).parse(row.mode),
    status: z.enum(IMPORT_JOB_STATUSES).parse(row.status),
    stage,
    stageLabel: STAGE_LABELS[stage],
    progress: STAGE_PROGRESS[stage],
    fileName: row.fileName,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    error: stored ? { status: STATUS_OF_KIND[stored.kind], error: stored.code, message: stored.message, details: stored.details } : null,
    staffPreview: done && row.mode === 'preview' && row.kind === 'staff' ? staffPreviewSchema.parse(row.result) : null,
    recordPreview: done && row.mode === 'preview' && row.kind !== 'staff' ? recordPreviewSchema.parse(row.result) : null,
    result: done && row.mode === 'commit' ? importCountsSchema.parse(row.result) : null,
  };
}

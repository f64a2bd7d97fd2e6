/**
 * Where a spreadsheet import job is while the server reads, checks and stores it: the stage in
 * words and an estimated percentage, updated by every poll (see `awaitImportJob`).
 */
import { Card, Progress, Typography } from 'antd';
import { useCallback, useState } from 'react';
import type { ImportJob, OnImportProgress } from '../api/imports';

/** The job being followed, the callback to hand to the import call, and a reset. */
export function useImportProgress(): { job: ImportJob | null; onProgress: OnImportProgress; clear: () => void } {
  const [job, setJob] = useState<ImportJob | null>(null);
  const onProgress = useCallback<OnImportProgress>((j) => setJob(j), []);
  const clear = useCallback(() => setJob(null), []);
  return { job, onProgress, clear };
}

export function ImportProgress({ job, active }: { job: ImportJob | null; active: boolean }) {
  if (!active || !job || job.status === 'done' || job.status === 'failed') return null;
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="import-progress">
      <Typography.Text>
        {job.fileName}: {job.stageLabel}
      </Typography.Text>
      <Progress percent={Math.round(job.progress)} status="active" aria-label={`Tiến độ nhập tệp: ${job.stageLabel}`} />
    </Card>
  );
}

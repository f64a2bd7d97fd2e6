/** Small shared bits of the pipeline pages: status tags, the working-day clock, honor options. */
import { useState } from 'react';
import { Button, Grid, Input, Space, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { HONORS, HONOR_INFO, type Honor, type SubjectKind } from '../../../shared/codes';
import type { StepClock } from '../../api/dossiers';
import { fmtDate } from '../../lib/format';

const STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  submitted: 'blue',
  returned: 'orange',
  withdrawn: 'default',
  received: 'cyan',
  appraising: 'geekblue',
  in_council: 'purple',
  reviewed: 'gold',
  forwarded: 'magenta',
  completed: 'green',
};

export function StatusTag({ status, label }: { status: string; label: string }) {
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} data-testid="dossier-status">
      {label}
    </Tag>
  );
}

export function ClockTag({ clock }: { clock: StepClock | null }) {
  if (!clock) return null;
  const left = clock.limitDays - clock.usedDays;
  const text = clock.overdue ? `Quá hạn ${clock.daysOver} ngày làm việc` : `Còn ${left} ngày làm việc`;
  return (
    <Tooltip title={`${clock.step}: ${clock.limitDays} ngày làm việc (${clock.article}); hạn ${fmtDate(clock.dueOn)}`}>
      <Tag color={clock.overdue ? 'red' : left <= 2 ? 'orange' : 'default'}>{text}</Tag>
    </Tooltip>
  );
}

export function honorOptions(kind?: SubjectKind, only?: Honor[]) {
  return HONORS.filter((h) => (!kind || HONOR_INFO[h].subjects.includes(kind)) && (!only || only.includes(h))).map((h) => ({
    value: h,
    label: HONOR_INFO[h].label,
  }));
}

export function money(n: number | null | undefined): string {
  if (n === null || n === undefined) return '';
  return `${n.toLocaleString('vi-VN').replace(/,/g, '.')} đ`;
}

/** Opens a server file download in the browser (cookies go along). */
export function download(url: string) {
  window.open(url, '_blank', 'noopener');
}

/**
 * Word and PDF downloads of a generated document; `numbered` adds the number the clerk took from
 * the register ("05"), printed as "Số: 05/…" (left empty, the number is written in by hand).
 */
export function DocumentDownloads({ url, label, numbered = false, testId }: { url: string; label: string; numbered?: boolean; testId?: string }) {
  const [so, setSo] = useState('');
  const valid = /^[0-9]*$/.test(so.trim());
  const href = (format: 'docx' | 'pdf') => {
    const q = new URLSearchParams({ format });
    if (numbered && so.trim()) q.set('so', so.trim());
    return `${url}?${q.toString()}`;
  };
  // On a phone the document's name stands above its buttons: "Số | Word | PDF" fits the screen.
  const phone = !Grid.useBreakpoint().sm;
  const buttons = (
    <Space.Compact>
      {numbered ? (
        <Input
          style={{ width: 110 }}
          placeholder="Số (vd. 05)"
          aria-label={`Số văn bản của ${label}`}
          value={so}
          status={valid ? undefined : 'error'}
          onChange={(e) => setSo(e.target.value)}
          data-testid={testId ? `${testId}-so` : undefined}
        />
      ) : null}
      <Button
        icon={<DownloadOutlined />}
        disabled={!valid}
        onClick={() => download(href('docx'))}
        aria-label={`${label} (Word)`}
        data-testid={testId ? `${testId}-docx` : undefined}
      >
        {phone ? 'Word' : `${label} (Word)`}
      </Button>
      <Button disabled={!valid} onClick={() => download(href('pdf'))} aria-label={`${label} (PDF)`} data-testid={testId ? `${testId}-pdf` : undefined}>
        PDF
      </Button>
    </Space.Compact>
  );
  if (!phone) return buttons;
  return (
    <div style={{ display: 'inline-flex', flexDirection: 'column', gap: 2 }}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      {buttons}
    </div>
  );
}

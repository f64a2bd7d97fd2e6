/** Small shared bits of the hiệp y pages: the request's state and each body's answer as tags. */
import { Grid, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { ConsultationSummary } from '../../api/consultations';
import { fmtDate } from '../../lib/format';

const STATE_COLORS: Record<string, string> = { waiting: 'blue', lapsed: 'orange', complete: 'green', cancelled: 'default' };
const ANSWER_COLORS: Record<string, string> = { pending: 'default', agree: 'green', disagree: 'red', no_opinion: 'orange' };

export function ConsultationStateTag({ state, label }: { state: string; label: string }) {
  return (
    <Tag color={STATE_COLORS[state] ?? 'default'} data-testid="consultation-state">
      {label}
    </Tag>
  );
}

export function AnswerStateTag({ state, label }: { state: string; label: string }) {
  return (
    <Tag color={ANSWER_COLORS[state] ?? 'default'} data-testid="answer-state">
      {label}
    </Tag>
  );
}

/** The deadline, marked when the server says it has passed with bodies still silent (state "lapsed"). */
export function DeadlineText({ c }: { c: Pick<ConsultationSummary, 'deadline' | 'state'> }) {
  const overdue = c.state === 'lapsed';
  return (
    <span>
      {fmtDate(c.deadline)}
      {overdue ? (
        <Tag color="red" style={{ marginLeft: 6 }} data-testid="consultation-overdue">
          Quá hạn
        </Tag>
      ) : null}
    </span>
  );
}

/** A column with its own renderer (every column of the hiệp y tables is one). */
export interface Col<T> {
  title: ReactNode;
  key: string;
  align?: 'right';
  render: (value: unknown, row: T) => ReactNode;
}

/**
 * The table's columns on a desk; on a phone one column that stacks them (each part under its
 * title), so the state, the deadline and the buttons are not pushed off the screen.
 */
export function useResponsiveColumns<T>(columns: Col<T>[]): { columns: Col<T>[]; scroll?: { x: 'max-content' } } {
  const phone = !Grid.useBreakpoint().md;
  // On a desk a wide table scrolls inside its card; on a phone the stacked column wraps its text instead.
  if (!phone) return { columns, scroll: { x: 'max-content' } };
  return {
    columns: [
      {
        title: columns[0]?.title ?? '',
        key: 'stacked',
        render: (_: unknown, row: T) => (
          <Space direction="vertical" size={4} style={{ width: '100%' }}>
            {columns.map((c, i) => {
              const part = c.render(undefined, row);
              if (part === null || part === undefined || part === '') return null;
              return (
                <div key={c.key}>
                  {i > 0 && c.title ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12, marginRight: 6 }}>
                      {c.title}:
                    </Typography.Text>
                  ) : null}
                  {part}
                </div>
              );
            })}
          </Space>
        ),
      },
    ],
  };
}

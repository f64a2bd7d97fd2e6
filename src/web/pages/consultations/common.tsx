/** Small shared bits of the hiệp y pages: the request's state and each body's answer as tags. */
import { Tag } from 'antd';
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

/** A modal asking for the reason of a cancel, a withdrawal or a restore (kept in the record and the audit). */
import type { ReactNode } from 'react';
import { Form, Input } from 'antd';
import { FormModal } from './FormModal';

interface ReasonModalProps {
  open: boolean;
  title: string;
  okText: string;
  /** What will happen, said before the reason is asked. */
  intro?: ReactNode;
  onClose: () => void;
  onSubmit: (reason: string) => void;
  pending: boolean;
  error?: string | null;
  testId: string;
}

export function ReasonModal({ open, title, okText, intro, onClose, onSubmit, pending, error, testId }: ReasonModalProps) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <FormModal<{ reason: string }>
      open={open}
      title={title}
      okText={okText}
      onCancel={onClose}
      form={form}
      onFinish={(v) => onSubmit(v.reason.trim())}
      pending={pending}
      error={error}
      okTestId={`${testId}-ok`}
      destroyOnHidden
    >
      {intro ? <div style={{ marginBottom: 12 }}>{intro}</div> : null}
      <Form.Item
        name="reason"
        label="Lý do"
        rules={[
          { required: true, whitespace: true, message: 'Cần nêu lý do.' },
          { min: 3, message: 'Lý do tối thiểu 3 ký tự.' },
        ]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount data-testid={`${testId}-reason`} />
      </Form.Item>
    </FormModal>
  );
}

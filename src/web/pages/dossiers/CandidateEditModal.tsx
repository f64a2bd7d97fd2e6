/**
 * Corrects a candidate already on the list while the dossier may be edited: the summary of
 * achievements, truy tặng (a person who has died) and the award in kind with its value.
 */
import { Form, Input, InputNumber, Switch } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { updateCandidate, type Candidate } from '../../api/dossiers';
import { errorText } from '../../api/client';
import { FormModal } from '../../components/FormModal';

interface Values {
  achievement?: string;
  posthumous?: boolean;
  inKindDescription?: string;
  inKindValue?: number | null;
}

export function CandidateEditModal({
  dossierId,
  candidate,
  onClose,
  onDone,
}: {
  dossierId: string;
  candidate: Candidate | null;
  onClose: () => void;
  onDone: () => Promise<unknown>;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!candidate) return;
    setError(null);
    form.setFieldsValue({
      achievement: candidate.achievement ?? undefined,
      posthumous: candidate.posthumous,
      inKindDescription: candidate.inKindDescription ?? undefined,
      inKindValue: candidate.inKindValue,
    });
  }, [candidate, form]);
  const save = useMutation({
    mutationFn: (v: Values) =>
      updateCandidate(dossierId, candidate!.id, {
        achievement: v.achievement?.trim() || null,
        ...(candidate!.subjectKind === 'individual' && { posthumous: v.posthumous ?? false }),
        inKindDescription: v.inKindDescription?.trim() || null,
        inKindValue: v.inKindValue ?? null,
      }),
    onSuccess: async () => {
      await onDone();
      onClose();
    },
    onError: (e) => setError(errorText(e)),
  });
  return (
    <FormModal<Values>
      open={candidate !== null}
      title={candidate ? `Sửa đề nghị: ${candidate.displayName} (${candidate.honorLabel})` : 'Sửa đề nghị'}
      onCancel={onClose}
      form={form}
      onFinish={(v) => save.mutate(v)}
      pending={save.isPending}
      error={error}
      okTestId="candidate-edit-save"
    >
      <Form.Item name="achievement" label="Tóm tắt thành tích">
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      {candidate?.subjectKind === 'individual' ? (
        <Form.Item name="posthumous" label="Truy tặng (đã hy sinh, từ trần)" valuePropName="checked">
          <Switch data-testid="candidate-edit-posthumous" />
        </Form.Item>
      ) : null}
      <Form.Item name="inKindDescription" label="Hiện vật khen thưởng (nếu có)">
        <Input placeholder="Công trình phúc lợi: nhà văn hóa thôn" maxLength={500} data-testid="candidate-edit-in-kind-description" />
      </Form.Item>
      <Form.Item name="inKindValue" label="Giá trị hiện vật (đồng)">
        <InputNumber min={1} max={1_000_000_000_000} step={1_000_000} style={{ width: '100%' }} data-testid="candidate-edit-in-kind-value" />
      </Form.Item>
    </FormModal>
  );
}

/**
 * The Office records the decision the higher authority sent back for a forwarded dossier: its number,
 * date, issuer and signer, and — for every candidate proposed as a Huân chương whose class was left
 * to that authority — the class the decision gives (hạng Nhất, Nhì, Ba). The server refuses a decision
 * that leaves a class undecided; its message shows in the form.
 */
import { DatePicker, Form, Input, Radio, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { Dayjs } from 'dayjs';
import { recordHigherDecision, type Candidate, type Dossier } from '../../api/dossiers';
import { errorText } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { DATE_FORMAT, fromDayjs } from '../../lib/format';
import { HONORS, HONOR_CLASSES, HONOR_INFO, type Honor } from '../../../shared/codes';
import { codeOf } from '../../lib/codes';

interface Values {
  numberText: string;
  decisionDate: Dayjs;
  issuerName: string;
  signerName: string;
  signerTitle: string;
  /** candidateId → the class decided. */
  classes?: Record<string, Honor | undefined>;
}

/** "Hạng Ba" from "Huân chương Lao động hạng Ba" beside "Huân chương Lao động". */
function classLabel(base: Honor, cls: Honor): string {
  const rest = HONOR_INFO[cls].label.replace(HONOR_INFO[base].label, '').trim();
  return rest ? rest.charAt(0).toUpperCase() + rest.slice(1) : HONOR_INFO[cls].label;
}

/** The classes to offer a candidate, highest first (Nhất, Nhì, Ba); none when its class is decided. */
export function classChoices(c: Candidate): { base: Honor; choices: Honor[] } | null {
  const base = codeOf(HONORS, c.honor);
  if (!base || !c.classUndecided) return null;
  const choices = HONOR_CLASSES[base];
  return choices ? { base, choices: [...choices].reverse() } : null;
}

export function HigherDecisionModal({ d, open, onClose, onDone }: { d: Dossier; open: boolean; onClose: () => void; onDone: () => Promise<unknown> }) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const unclassed = d.candidates.flatMap((c) => {
    const k = classChoices(c);
    return k ? [{ c, ...k }] : [];
  });
  const save = useMutation({
    mutationFn: ({ decisionDate, classes, ...v }: Values) =>
      recordHigherDecision(d.id, {
        ...v,
        decisionDate: fromDayjs(decisionDate)!,
        classes: Object.entries(classes ?? {}).flatMap(([candidateId, honor]) => (honor ? [{ candidateId, honor }] : [])),
      }),
    onSuccess: async () => {
      setError(null);
      await onDone();
      onClose();
    },
    onError: (e) => setError(errorText(e)),
  });
  return (
    <FormModal<Values>
      open={open}
      title="Ghi nhận quyết định của cấp trên"
      okText="Ghi nhận"
      onCancel={() => {
        setError(null);
        onClose();
      }}
      form={form}
      onFinish={(v) => save.mutate(v)}
      pending={save.isPending}
      error={error}
      okTestId="higher-decision-save"
      destroyOnHidden
    >
      <Form.Item name="numberText" label="Số, ký hiệu" rules={[{ required: true, whitespace: true, message: 'Hãy nhập số quyết định.' }]}>
        <Input placeholder="1234/QĐ-CTN" data-testid="higher-decision-number" />
      </Form.Item>
      <Form.Item name="decisionDate" label="Ngày quyết định" rules={[{ required: true, message: 'Hãy chọn ngày quyết định.' }]}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} data-testid="higher-decision-date" />
      </Form.Item>
      <Form.Item name="issuerName" label="Cơ quan ban hành" rules={[{ required: true, whitespace: true, message: 'Hãy nhập cơ quan ban hành.' }]}>
        <Input placeholder="Chủ tịch nước Cộng hòa xã hội chủ nghĩa Việt Nam" data-testid="higher-decision-issuer" />
      </Form.Item>
      <Form.Item name="signerName" label="Người ký" rules={[{ required: true, whitespace: true, message: 'Hãy nhập người ký.' }]}>
        <Input data-testid="higher-decision-signer" />
      </Form.Item>
      <Form.Item name="signerTitle" label="Chức vụ người ký" rules={[{ required: true, whitespace: true, message: 'Hãy nhập chức vụ người ký.' }]}>
        <Input placeholder="Chủ tịch nước" data-testid="higher-decision-signer-title" />
      </Form.Item>
      {unclassed.length ? (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            Đề nghị chưa xác định hạng: ghi hạng theo quyết định của cấp trên.
          </Typography.Paragraph>
          {unclassed.map(({ c, base, choices }) => (
            <Form.Item
              key={c.id}
              name={['classes', c.id]}
              label={`${c.displayName} — ${HONOR_INFO[base].label}`}
              rules={[{ required: true, message: `Hãy chọn hạng ${HONOR_INFO[base].label} được tặng cho ${c.displayName}.` }]}
              data-testid="higher-decision-class"
            >
              <Radio.Group
                optionType="button"
                options={choices.map((h) => ({ value: h, label: classLabel(base, h) }))}
                data-testid={`higher-decision-class-${c.id}`}
              />
            </Form.Item>
          ))}
        </>
      ) : null}
    </FormModal>
  );
}

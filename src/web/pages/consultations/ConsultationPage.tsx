/**
 * One hiệp y request: the letter (Word/PDF), each body's answer with its due date (overdue marked),
 * the Office records an answer (agree, or disagree naming who and why) with the scanned reply,
 * cancels with a reason; the result per candidate.
 */
import { Alert, App, Button, Card, Checkbox, DatePicker, Descriptions, Form, Input, Modal, Radio, Space, Table, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { Dayjs } from 'dayjs';
import {
  answerFileUrl,
  attachConsultationAnswerFile,
  cancelConsultation,
  consultationLetterUrl,
  getConsultation,
  recordConsultationAnswer,
  type Consultation,
  type ConsultationAnswer,
} from '../../api/consultations';
import { errorText } from '../../api/client';
import { keys } from '../../api/keys';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert, LoadingBlock } from '../../components/PageStates';
import { DATE_FORMAT, blankToNull, fmtDate, fmtDateTime, fromDayjs, toDayjs } from '../../lib/format';
import { todayDayjs, todayVn } from '../../lib/today';
import { DocumentDownloads } from '../dossiers/common';
import { AnswerStateTag, ConsultationStateTag, DeadlineText, useResponsiveColumns } from './common';

interface AnswerValues {
  answer: 'agree' | 'disagree';
  answeredOn: Dayjs | null;
  answerNumber?: string;
  note?: string;
}

function AnswerModal({ c, a, onClose }: { c: Consultation; a: ConsultationAnswer; onClose: () => void }) {
  const [form] = Form.useForm<AnswerValues>();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const kind = Form.useWatch('answer', form);
  const [objected, setObjected] = useState<Record<string, string>>(Object.fromEntries(a.objections.map((o) => [o.candidateId, o.reason])));
  const [file, setFile] = useState<File | null>(null);
  const save = useMutation({
    mutationFn: async (v: AnswerValues) => {
      await recordConsultationAnswer(c.id, {
        answerId: a.id,
        answer: v.answer,
        answeredOn: fromDayjs(v.answeredOn) ?? todayVn(),
        answerNumber: blankToNull(v.answerNumber),
        note: blankToNull(v.note),
        objections: v.answer === 'disagree' ? Object.entries(objected).map(([candidateId, reason]) => ({ candidateId, reason })) : [],
        version: c.version,
      });
      if (file) {
        const fd = new FormData();
        fd.append('file', file, file.name);
        await attachConsultationAnswerFile(c.id, a.id, fd);
      }
    },
    onSuccess: async () => {
      message.success(`Đã ghi ý kiến của ${a.bodyName}.`);
      await qc.invalidateQueries({ queryKey: keys.consultations.all });
      onClose();
    },
    // A refusal of the file leaves the answer recorded: the page is refreshed so it shows.
    onError: async (e) => {
      message.error(errorText(e));
      await qc.invalidateQueries({ queryKey: keys.consultations.all });
    },
  });
  const disagree = kind === 'disagree';
  const missingReason = disagree && (Object.keys(objected).length === 0 || Object.values(objected).some((r) => !r.trim()));
  return (
    <Modal
      open
      onCancel={onClose}
      title={`Ý kiến trả lời của ${a.bodyName}`}
      width={680}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose}>
          Đóng
        </Button>,
        <Button
          key="save"
          type="primary"
          htmlType="submit"
          form="consultation-answer-form"
          loading={save.isPending}
          disabled={missingReason}
          data-testid="answer-save"
        >
          Ghi ý kiến
        </Button>,
      ]}
    >
      <Form<AnswerValues>
        form={form}
        id="consultation-answer-form"
        layout="vertical"
        initialValues={{
          answer: a.state === 'disagree' ? 'disagree' : 'agree',
          answeredOn: toDayjs(a.answeredOn) ?? todayDayjs(),
          answerNumber: a.answerNumber ?? undefined,
          note: a.note ?? undefined,
        }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="answer" label="Ý kiến">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'agree', label: 'Đồng ý' },
              { value: 'disagree', label: 'Không đồng ý' },
            ]}
            data-testid="answer-kind"
          />
        </Form.Item>
        {disagree ? (
          <Form.Item label="Không đồng ý với ai, lý do" required help={missingReason ? 'Chọn người/tập thể và ghi lý do không đồng ý.' : undefined}>
            <Space direction="vertical" style={{ width: '100%' }} data-testid="answer-objections">
              {c.candidates.map((k) => {
                const on = k.candidateId in objected;
                return (
                  <div key={k.candidateId}>
                    <Checkbox
                      checked={on}
                      onChange={(e) =>
                        setObjected((cur) => {
                          const next = { ...cur };
                          if (e.target.checked) next[k.candidateId] = '';
                          else delete next[k.candidateId];
                          return next;
                        })
                      }
                    >
                      {k.displayName}
                    </Checkbox>
                    {on ? (
                      <Input
                        style={{ marginTop: 4 }}
                        placeholder="Lý do không đồng ý"
                        maxLength={1000}
                        value={objected[k.candidateId]}
                        onChange={(e) => setObjected((cur) => ({ ...cur, [k.candidateId]: e.target.value }))}
                        data-testid="answer-reason"
                      />
                    ) : null}
                  </div>
                );
              })}
            </Space>
          </Form.Item>
        ) : null}
        <Space wrap style={{ width: '100%' }} styles={{ item: { flex: '1 1 200px' } }}>
          <Form.Item name="answeredOn" label="Ngày văn bản trả lời" rules={[{ required: true, message: 'Hãy chọn ngày văn bản trả lời.' }]}>
            <DatePicker format={DATE_FORMAT} data-testid="answer-date" />
          </Form.Item>
          <Form.Item name="answerNumber" label="Số văn bản trả lời">
            <Input maxLength={50} placeholder="120/CAT-PV01" data-testid="answer-number" />
          </Form.Item>
        </Space>
        <Form.Item name="note" label="Ghi chú">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item label="Văn bản trả lời (bản quét PDF, ảnh, Word ≤ 10 MB)">
          <Upload
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            maxCount={1}
            onRemove={() => setFile(null)}
            accept=".pdf,.doc,.docx,.jpg,.jpeg,.png"
            data-testid="answer-file"
          >
            <Button icon={<UploadOutlined />}>{a.fileName ? 'Thay tệp' : 'Chọn tệp'}</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CancelModal({ c, onClose }: { c: Consultation; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const m = useMutation({
    mutationFn: () => cancelConsultation(c.id, reason.trim(), c.version),
    onSuccess: async () => {
      message.success('Đã hủy công văn xin ý kiến hiệp y.');
      await qc.invalidateQueries({ queryKey: keys.consultations.all });
      onClose();
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <Modal
      open
      title="Hủy công văn xin ý kiến hiệp y"
      okText="Hủy công văn"
      cancelText="Đóng"
      okButtonProps={{ danger: true, disabled: !reason.trim(), loading: m.isPending, id: 'consultation-cancel-ok' }}
      onOk={() => m.mutate()}
      onCancel={onClose}
    >
      <Typography.Paragraph>Công văn đã hủy không ghi nhận thêm ý kiến và không tính vào kết quả hiệp y của hồ sơ.</Typography.Paragraph>
      <Input.TextArea rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Lý do hủy" data-testid="cancel-reason" />
    </Modal>
  );
}

function AnswersTable({ c, onAnswer }: { c: Consultation; onAnswer: ((a: ConsultationAnswer) => void) | null }) {
  const { columns, scroll } = useResponsiveColumns<ConsultationAnswer>([
    {
      title: 'Cơ quan',
      key: 'body',
      render: (_: unknown, a) => (
        <div>
          <strong>{a.bodyName}</strong>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {a.bodyKindLabel}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: 'Ý kiến',
      key: 'state',
      render: (_: unknown, a) => (
        <Space direction="vertical" size={2}>
          <AnswerStateTag state={a.state} label={a.stateLabel} />
          {a.state === 'pending' ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              hạn {fmtDate(c.deadline)}
            </Typography.Text>
          ) : null}
          {a.objections.map((o) => (
            <Typography.Text key={o.candidateId} type="danger" style={{ fontSize: 12, maxWidth: 320, whiteSpace: 'normal', display: 'block' }}>
              {o.displayName}: {o.reason}
            </Typography.Text>
          ))}
        </Space>
      ),
    },
    {
      title: 'Văn bản trả lời',
      key: 'reply',
      render: (_: unknown, a) =>
        a.answeredOn ? (
          <Space direction="vertical" size={2}>
            <span>
              {a.answerNumber ? `Số ${a.answerNumber}, ` : ''}ngày {fmtDate(a.answeredOn)}
            </span>
            {a.fileName ? (
              <a href={answerFileUrl(c.id, a.id)} data-testid="answer-file-link">
                {a.fileName}
              </a>
            ) : null}
            {a.note ? (
              <Typography.Text type="secondary" style={{ fontSize: 12, maxWidth: 320, whiteSpace: 'normal', display: 'block' }}>
                {a.note}
              </Typography.Text>
            ) : null}
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: '',
      key: 'actions',
      render: (_: unknown, a) =>
        onAnswer ? (
          <Button size="small" onClick={() => onAnswer(a)} data-testid="answer-record">
            {a.answeredOn ? 'Sửa ý kiến' : 'Ghi ý kiến'}
          </Button>
        ) : null,
    },
  ]);
  return (
    <Table<ConsultationAnswer>
      rowKey="id"
      size="small"
      pagination={false}
      scroll={scroll}
      dataSource={c.answers}
      data-testid="answer-table"
      columns={columns}
    />
  );
}

type CandidateResult = Consultation['candidates'][number];

function CandidateResultTable({ c }: { c: Consultation }) {
  const { columns, scroll } = useResponsiveColumns<CandidateResult>([
    { title: 'Người/tập thể', key: 'name', render: (_: unknown, k) => k.displayName },
    { title: 'Hình thức đề nghị', key: 'honor', render: (_: unknown, k) => k.honorLabel },
    {
      title: 'Kết quả hiệp y',
      key: 'result',
      render: (_: unknown, k) =>
        k.flagged ? (
          <Space direction="vertical" size={2}>
            <Tag color="red">Có ý kiến không đồng ý</Tag>
            {k.objections.map((o) => (
              <Typography.Text key={o.bodyName} type="danger" style={{ fontSize: 12, maxWidth: 360, whiteSpace: 'normal', display: 'block' }}>
                {o.bodyName}: {o.reason}
              </Typography.Text>
            ))}
          </Space>
        ) : (
          <Tag color="green">Không có ý kiến khác</Tag>
        ),
    },
  ]);
  return (
    <Table<CandidateResult>
      rowKey="candidateId"
      size="small"
      pagination={false}
      scroll={scroll}
      dataSource={c.candidates}
      data-testid="candidate-result-table"
      columns={columns}
    />
  );
}

export default function ConsultationPage() {
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: keys.consultations.one(id), queryFn: () => getConsultation(id) });
  const [answering, setAnswering] = useState<ConsultationAnswer | null>(null);
  const [cancelling, setCancelling] = useState(false);
  if (q.isLoading) return <LoadingBlock />;
  if (q.isError || !q.data) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const c = q.data;
  const may = (a: string) => c.abilities.includes(a);
  return (
    <>
      <PageHeader
        title={`Xin ý kiến hiệp y: ${c.dossierTitle}`}
        subtitle={
          <Space wrap>
            <Link to="/hiep-y">← Hiệp y</Link>
            <Link to={`/ho-so/${c.dossierId}`} data-testid="consultation-dossier-link">
              Mở hồ sơ
            </Link>
            <span>{c.unitName}</span>
            <ConsultationStateTag state={c.state} label={c.stateLabel} />
          </Space>
        }
        extra={
          <>
            {may('letter') ? <DocumentDownloads url={consultationLetterUrl(c.id)} label="Công văn" testId="consultation-letter" /> : null}
            {may('cancel') ? (
              <Button danger onClick={() => setCancelling(true)} data-testid="consultation-cancel">
                Hủy công văn
              </Button>
            ) : null}
          </>
        }
      />
      {c.status === 'cancelled' ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={`Đã hủy${c.cancelledAt ? ` lúc ${fmtDateTime(c.cancelledAt)}` : ''}`}
          description={c.cancelReason ? `Lý do: ${c.cancelReason}` : undefined}
          data-testid="consultation-cancelled"
        />
      ) : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="Số, ký hiệu">{c.numberText ?? 'Ghi tay khi ký'}</Descriptions.Item>
          <Descriptions.Item label="Ngày xin ý kiến">{fmtDate(c.requestDate)}</Descriptions.Item>
          <Descriptions.Item label="Hạn trả lời">
            <Space wrap size={4}>
              <DeadlineText c={c} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.deadlineSource === 'pack' ? '(theo bộ quy tắc)' : '(Văn phòng đặt)'}
              </Typography.Text>
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="Quá hạn không trả lời">
            <div>
              {c.silence.text}
              <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                ({c.silence.article}
                {c.silence.verified ? '' : ', chưa xác minh'})
              </Typography.Text>
            </div>
          </Descriptions.Item>
          {c.signerName || c.signerTitle ? (
            <Descriptions.Item label="Người ký">{[c.signerTitle, c.signerName].filter(Boolean).join(' ')}</Descriptions.Item>
          ) : null}
          {c.note ? <Descriptions.Item label="Ghi chú">{c.note}</Descriptions.Item> : null}
        </Descriptions>
      </Card>
      <Card size="small" title={`Ý kiến các cơ quan (${c.answeredCount}/${c.bodyCount} đã trả lời)`} style={{ marginBottom: 16 }}>
        <AnswersTable c={c} onAnswer={may('answer') ? setAnswering : null} />
      </Card>
      <Card size="small" title="Kết quả theo người/tập thể">
        <CandidateResultTable c={c} />
      </Card>
      {answering ? <AnswerModal c={c} a={answering} onClose={() => setAnswering(null)} /> : null}
      {cancelling ? <CancelModal c={c} onClose={() => setCancelling(false)} /> : null}
    </>
  );
}

/**
 * On a dossier: the hiệp y result per candidate (what each consulted body answered, who disagreed
 * and why) so the council reads it before voting, the requests sent, and the Office's "Xin ý kiến
 * hiệp y" form prefilled from the API's draft (candidates, the bodies the rule pack names, the
 * deadline in working days).
 */
import { Alert, App, Button, Card, Checkbox, DatePicker, Form, Input, List, Modal, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { Dayjs } from 'dayjs';
import {
  consultationAbilities,
  draftConsultation,
  dossierConsultationResult,
  requestConsultation,
  type ConsultationDraft,
  type DossierConsultationResult,
} from '../../api/consultations';
import { errorText } from '../../api/client';
import { keys } from '../../api/keys';
import { useUser } from '../../auth/AuthContext';
import { DATE_FORMAT, blankToNull, fmtDate, fromDayjs, toDayjs } from '../../lib/format';
import { AnswerStateTag, ConsultationStateTag, DeadlineText, useResponsiveColumns } from './common';

interface Values {
  candidateIds: string[];
  bodyIds: string[];
  deadline: Dayjs | null;
  numberText?: string;
  signerTitle?: string;
  signerName?: string;
  note?: string;
}

/** The candidates the pack says need hiệp y; when it names none, every candidate (the Office may still ask). */
function defaultCandidates(d: ConsultationDraft): string[] {
  const needed = d.candidates.filter((c) => c.needed).map((c) => c.candidateId);
  return needed.length ? needed : d.candidates.map((c) => c.candidateId);
}

function RequestForm({ draft, onDone }: { draft: ConsultationDraft; onDone: (id: string) => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const kinds = new Map(draft.bodies.map((b) => [b.id, b.kindLabel]));
  const send = useMutation({
    mutationFn: (v: Values) => {
      const deadline = fromDayjs(v.deadline);
      return requestConsultation({
        dossierId: draft.dossierId,
        candidateIds: v.candidateIds,
        bodyIds: v.bodyIds,
        // The pack's deadline is sent as "none" so the request records that it came from the rules.
        deadline: deadline && deadline !== draft.deadline ? deadline : null,
        numberText: blankToNull(v.numberText),
        signerTitle: blankToNull(v.signerTitle),
        signerName: blankToNull(v.signerName),
        note: blankToNull(v.note),
      });
    },
    onSuccess: async (c) => {
      message.success(`Đã lập công văn xin ý kiến hiệp y, hạn trả lời ${fmtDate(c.deadline)}.`);
      await qc.invalidateQueries({ queryKey: keys.consultations.all });
      onDone(c.id);
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      id="consultation-request-form"
      initialValues={{ candidateIds: defaultCandidates(draft), bodyIds: draft.suggestedBodyIds, deadline: toDayjs(draft.deadline) ?? null }}
      onFinish={(v) => send.mutate(v)}
    >
      <Form.Item name="candidateIds" label="Người/tập thể xin ý kiến" rules={[{ required: true, message: 'Chọn ít nhất một người/tập thể để xin ý kiến.' }]}>
        <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }} data-testid="consultation-candidates">
          {draft.candidates.map((c) => (
            <Checkbox key={c.candidateId} value={c.candidateId}>
              <strong>{c.displayName}</strong> · {c.honorLabel}
              {c.needed ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {' '}
                  — cần hiệp y ({c.bodyKinds.map((k) => draft.bodies.find((b) => b.kind === k)?.kindLabel ?? k).join(', ')}; {c.article}
                  {c.verified ? '' : ', chưa xác minh'})
                </Typography.Text>
              ) : null}
            </Checkbox>
          ))}
        </Checkbox.Group>
      </Form.Item>
      <Form.Item
        name="bodyIds"
        label="Cơ quan được xin ý kiến (danh bạ)"
        extra="Hệ thống chọn sẵn các cơ quan mà bộ quy tắc yêu cầu cho hình thức khen thưởng đề nghị."
        rules={[{ required: true, message: 'Chọn ít nhất một cơ quan để xin ý kiến.' }]}
      >
        <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }} data-testid="consultation-bodies">
          {draft.bodies.map((b) => (
            <Checkbox key={b.id} value={b.id}>
              {b.name}{' '}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                ({kinds.get(b.id)})
              </Typography.Text>
            </Checkbox>
          ))}
        </Checkbox.Group>
      </Form.Item>
      <Form.Item
        name="deadline"
        label="Hạn trả lời"
        extra={`${draft.answerDays.text} (${draft.answerDays.article}${draft.answerDays.verified ? '' : ', chưa xác minh'}); có thể đổi.`}
        rules={[{ required: true, message: 'Hãy chọn hạn trả lời.' }]}
      >
        <DatePicker format={DATE_FORMAT} data-testid="consultation-deadline" />
      </Form.Item>
      <Form.Item name="numberText" label="Số, ký hiệu công văn (để trống: ghi tay khi ký)">
        <Input placeholder="15/SKHCN-VP" maxLength={50} data-testid="consultation-number" />
      </Form.Item>
      <Space wrap style={{ width: '100%' }} styles={{ item: { flex: '1 1 220px' } }}>
        <Form.Item name="signerTitle" label="Chức vụ người ký (để trống: thủ trưởng)">
          <Input placeholder="PHÓ GIÁM ĐỐC" maxLength={100} />
        </Form.Item>
        <Form.Item name="signerName" label="Họ tên người ký">
          <Input maxLength={100} />
        </Form.Item>
      </Space>
      <Form.Item name="note" label="Nội dung thêm vào công văn (nếu có)">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </Form>
  );
}

export function ConsultationRequestModal({ dossierId, open, onClose }: { dossierId: string; open: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const draft = useQuery({ queryKey: keys.consultations.draft(dossierId), queryFn: () => draftConsultation(dossierId), enabled: open });
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title="Xin ý kiến hiệp y"
      footer={[
        <Button key="cancel" onClick={onClose}>
          Đóng
        </Button>,
        <Button
          key="send"
          type="primary"
          htmlType="submit"
          form="consultation-request-form"
          disabled={!draft.data?.candidates.length}
          data-testid="consultation-send"
        >
          Lập công văn
        </Button>,
      ]}
      width={720}
      destroyOnHidden
    >
      {draft.isError ? <Alert type="error" showIcon message={errorText(draft.error)} /> : null}
      {draft.data ? (
        draft.data.candidates.length === 0 ? (
          <Alert type="warning" showIcon message="Hồ sơ chưa có người/tập thể nào trong danh sách đề nghị." />
        ) : (
          <RequestForm
            draft={draft.data}
            onDone={(id) => {
              onClose();
              void navigate(`/hiep-y/${id}`);
            }}
          />
        )
      ) : null}
    </Modal>
  );
}

type CandidateRow = DossierConsultationResult['candidates'][number];

function ResultTable({ rows }: { rows: CandidateRow[] }) {
  const { columns, scroll } = useResponsiveColumns<CandidateRow>([
    {
      title: 'Người/tập thể',
      key: 'name',
      render: (_: unknown, c) => (
        <div>
          <strong>{c.displayName}</strong>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.honorLabel}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: 'Ý kiến các cơ quan',
      key: 'bodies',
      render: (_: unknown, c) => (
        <Space direction="vertical" size={2}>
          {c.bodies.map((b) => (
            <span key={b.bodyName}>
              {b.bodyName}: <AnswerStateTag state={b.state} label={b.stateLabel} />
            </span>
          ))}
          {c.objections.map((o) => (
            <Typography.Text key={o.bodyName} type="danger" style={{ fontSize: 12, display: 'block', whiteSpace: 'normal', maxWidth: 420 }}>
              {o.bodyName}: {o.reason}
            </Typography.Text>
          ))}
        </Space>
      ),
    },
    {
      title: 'Kết quả',
      key: 'result',
      render: (_: unknown, c) => (c.flagged ? <Tag color="red">Có ý kiến không đồng ý</Tag> : <Tag color="green">Không có ý kiến khác</Tag>),
    },
  ]);
  return (
    <Table<CandidateRow>
      rowKey="candidateId"
      size="small"
      pagination={false}
      scroll={scroll}
      dataSource={rows}
      data-testid="consultation-result-table"
      columns={columns}
    />
  );
}

/** The card on the dossier page (shown to those who may read hiệp y). */
export function DossierConsultations({ dossierId }: { dossierId: string }) {
  const user = useUser();
  const ab = consultationAbilities(user);
  const [open, setOpen] = useState(false);
  const q = useQuery({ queryKey: keys.consultations.dossier(dossierId), queryFn: () => dossierConsultationResult(dossierId), enabled: ab.read });
  if (!ab.read || !q.data) return null;
  const r = q.data;
  if (!r.requests.length && !r.mayRequest) return null;
  const flagged = r.candidates.filter((c) => c.flagged).length;
  return (
    <Card
      size="small"
      title="Hiệp y (ý kiến của các cơ quan)"
      style={{ marginBottom: 16 }}
      data-testid="dossier-consultations"
      extra={
        r.mayRequest ? (
          <Button size="small" type="primary" onClick={() => setOpen(true)} data-testid="consultation-new">
            Xin ý kiến hiệp y
          </Button>
        ) : null
      }
    >
      {r.requests.length === 0 ? (
        <Typography.Text type="secondary">Chưa xin ý kiến hiệp y cho hồ sơ này.</Typography.Text>
      ) : (
        <>
          {r.candidates.length ? (
            flagged ? (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 8 }}
                message={`${flagged} người/tập thể có cơ quan không đồng ý`}
                data-testid="consultation-flagged"
              />
            ) : (
              <Alert type="success" showIcon style={{ marginBottom: 8 }} message="Chưa có cơ quan nào không đồng ý" />
            )
          ) : null}
          <ResultTable rows={r.candidates} />
          <List
            size="small"
            header={<strong>Công văn đã gửi</strong>}
            dataSource={r.requests}
            renderItem={(c) => (
              <List.Item>
                <Space wrap>
                  <Link to={`/hiep-y/${c.id}`} data-testid="consultation-link">
                    {c.numberText ? `Công văn ${c.numberText}` : 'Công văn'} ngày {fmtDate(c.requestDate)}
                  </Link>
                  <ConsultationStateTag state={c.state} label={c.stateLabel} />
                  <span>
                    Hạn: <DeadlineText c={c} />
                  </span>
                  <span>
                    {c.answeredCount}/{c.bodyCount} cơ quan đã trả lời
                  </span>
                </Space>
              </List.Item>
            )}
          />
        </>
      )}
      {r.mayRequest ? <ConsultationRequestModal dossierId={dossierId} open={open} onClose={() => setOpen(false)} /> : null}
    </Card>
  );
}

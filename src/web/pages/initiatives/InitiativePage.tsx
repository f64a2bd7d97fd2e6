/** One initiative: its content, the council's assignment and recusals, the member's score sheet, the decision. */
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import type { Dayjs } from 'dayjs';
import {
  assignInitiative,
  declareConflict,
  getInitiative,
  getRound,
  getScores,
  downloadCertificate,
  downloadDecision,
  downloadScoreSheet,
  recogniseInitiative,
  recordHigherRecognition,
  refuseInitiative,
  scoreInitiative,
  withdrawInitiative,
  type Initiative,
  type InitiativeScores,
} from '../../api/initiatives';
import { errorText } from '../../api/client';
import { keys } from '../../api/keys';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert, LoadingBlock } from '../../components/PageStates';
import { DATE_FORMAT, fmtDate, fmtMoney, fromDayjs } from '../../lib/format';
import { InitiativeFormModal, initiativeStatusTag } from './InitiativesPage';
import { InitiativeAttachments } from './InitiativeAttachments';
import { INITIATIVE_CONFLICT_LABELS, INITIATIVE_CONFLICTS, INITIATIVE_SCOPE_LABELS } from '../../../shared/codes';

interface SheetValues {
  personId?: string;
  points: Record<string, number>;
  approve: boolean;
  comment?: string;
}

/** The score sheet form: one number per criterion of the rubric, each level's descriptor beside it. */
function ScoreForm({ initiative, scores, paper }: { initiative: Initiative; scores: InitiativeScores; paper: boolean }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<SheetValues>();
  const send = useMutation({
    mutationFn: (v: SheetValues) =>
      scoreInitiative(initiative.id, { personId: v.personId ?? null, points: v.points, approve: v.approve, comment: v.comment ?? null }),
    onSuccess: async () => {
      message.success('Đã nộp phiếu chấm điểm.');
      form.resetFields();
      await qc.invalidateQueries({ queryKey: keys.initiatives.all });
    },
    onError: (e) => message.error(errorText(e)),
  });
  const pending = initiative.assignments.filter((a) => !a.conflict && !a.scored);
  if (paper && pending.length === 0) return null;
  return (
    <Card
      title={paper ? 'Nhập phiếu giấy của thành viên' : 'Phiếu chấm điểm của bạn'}
      size="small"
      style={{ marginBottom: 16 }}
      data-testid={paper ? 'paper-score' : 'my-score'}
    >
      <Form form={form} layout="vertical" onFinish={(v) => send.mutate(v)} initialValues={{ approve: true }}>
        {paper ? (
          <Form.Item name="personId" label="Thành viên" rules={[{ required: true, message: 'Chọn thành viên' }]}>
            <Select data-testid="paper-member" options={pending.map((a) => ({ value: a.personId, label: a.fullName }))} />
          </Form.Item>
        ) : null}
        {scores.rubric.criteria.map((c) => (
          <Form.Item
            key={c.key}
            name={['points', c.key]}
            label={`${c.label} (tối đa ${c.maxPoints} điểm)`}
            extra={c.levels.map((l) => `${l.points} điểm: ${l.descriptor}`).join(' · ')}
            rules={[{ required: true, message: 'Nhập điểm' }]}
          >
            <InputNumber min={0} max={c.maxPoints} data-testid={`score-${c.key}`} />
          </Form.Item>
        ))}
        <Form.Item name="approve" label="Ý kiến">
          <Radio.Group
            options={[
              { value: true, label: 'Đồng ý công nhận' },
              { value: false, label: 'Không đồng ý' },
            ]}
          />
        </Form.Item>
        <Form.Item name="comment" label="Nhận xét">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={send.isPending} data-testid={paper ? 'paper-submit' : 'score-submit'}>
          Nộp phiếu
        </Button>
      </Form>
    </Card>
  );
}

function ScoresView({ scores }: { scores: InitiativeScores }) {
  if (scores.hidden)
    return <Alert type="info" showIcon style={{ marginBottom: 16 }} message="Phiếu của các thành viên khác chỉ hiện sau khi bạn nộp phiếu của mình." />;
  const t = scores.thresholds;
  const line = scores.line;
  return (
    <Card title="Kết quả chấm" size="small" style={{ marginBottom: 16 }} data-testid="scores-view">
      {line ? (
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
          <Descriptions.Item label="Đã chấm">{`${line.scored}/${t.totalMembers} (cần ${t.quorumNeeded}); không tham gia: ${line.recused}`}</Descriptions.Item>
          <Descriptions.Item label="Điểm trung bình">{`${line.average ?? '—'} / ${t.maxTotal} (điểm đạt ${t.passMark})`}</Descriptions.Item>
          <Descriptions.Item label="Đồng ý công nhận">{`${line.approvals}/${t.totalMembers} (cần ${t.votesNeeded})`}</Descriptions.Item>
          <Descriptions.Item label="Chênh lệch">{line.spread ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="Căn cứ">{`${t.sources.passMark}; biểu quyết: ${t.sources.votes}${t.sources.verified ? '' : ' (chưa xác minh)'}`}</Descriptions.Item>
        </Descriptions>
      ) : null}
      {line && line.shortfalls.length ? <Alert type="warning" message={line.shortfalls.join(' ')} style={{ marginBottom: 12 }} /> : null}
      <Table
        size="small"
        rowKey="personId"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={scores.sheets}
        columns={[
          {
            title: 'Thành viên',
            dataIndex: 'fullName',
            render: (v: string, s) =>
              s.outlier ? (
                <Space>
                  {v}
                  <Tag color="orange">Lệch xa</Tag>
                </Space>
              ) : (
                v
              ),
          },
          ...scores.rubric.criteria.map((c) => ({
            title: c.label,
            key: c.key,
            render: (_: unknown, s: InitiativeScores['sheets'][number]) => s.points[c.key] ?? '—',
          })),
          { title: 'Tổng', dataIndex: 'total' },
          { title: 'Ý kiến', dataIndex: 'approve', render: (v: boolean) => (v ? 'Đồng ý' : 'Không đồng ý') },
          {
            title: 'Phiếu',
            key: 'docx',
            render: (_: unknown, x: InitiativeScores['sheets'][number]) => (
              <Button size="small" type="link" onClick={() => void downloadScoreSheet(scores.initiativeId, x.personId)} data-testid="score-sheet-docx">
                Word
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

export default function InitiativePage() {
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const q = useQuery({ queryKey: keys.initiatives.detail(id), queryFn: () => getInitiative(id) });
  const s = useQuery({ queryKey: keys.initiatives.scores(id), queryFn: () => getScores(id) });
  const round = useQuery({ queryKey: keys.initiatives.round(q.data?.roundId), queryFn: () => getRound(q.data!.roundId), enabled: !!q.data });
  const [recognise, setRecognise] = useState(false);
  const [refuse, setRefuse] = useState(false);
  const [conflict, setConflict] = useState(false);
  const done = async (text: string) => {
    message.success(text);
    await qc.invalidateQueries({ queryKey: keys.initiatives.all });
  };
  const onError = (e: unknown) => message.error(errorText(e));
  const [assigning, setAssigning] = useState(false);
  const [editing, setEditing] = useState(false);
  const [higher, setHigher] = useState(false);
  const assign = useMutation({
    mutationFn: (personIds: string[]) => assignInitiative(id, personIds),
    onSuccess: async (r) => {
      setAssigning(false);
      await done(`Đã phân công ${r.assigned.length} thành viên${r.recused.length ? `; không tham gia chấm: ${r.recused.join(', ')}` : ''}.`);
    },
    onError,
  });
  const high = useMutation({
    mutationFn: (v: { scope: 'bo_tinh' | 'toan_quoc'; decisionNumber: string; decisionDate: Dayjs; issuer: string }) =>
      recordHigherRecognition(id, { ...v, decisionDate: fromDayjs(v.decisionDate) ?? '' }),
    onSuccess: async () => {
      setHigher(false);
      await done('Đã ghi quyết định công nhận của cấp trên.');
    },
    onError,
  });
  const withdraw = useMutation({ mutationFn: () => withdrawInitiative(id), onSuccess: () => done('Đã rút đơn.'), onError });
  const recog = useMutation({
    mutationFn: (v: { signerName: string; signerTitle: string; decisionDate: Dayjs }) =>
      recogniseInitiative(id, { signerName: v.signerName, signerTitle: v.signerTitle, decisionDate: fromDayjs(v.decisionDate) ?? '' }),
    onSuccess: async () => {
      setRecognise(false);
      await done('Đã công nhận sáng kiến.');
    },
    onError,
  });
  const refu = useMutation({
    mutationFn: (v: { reason: string }) => refuseInitiative(id, v.reason),
    onSuccess: async () => {
      setRefuse(false);
      await done('Đã ghi không công nhận.');
    },
    onError,
  });
  const decl = useMutation({
    mutationFn: (v: { personId?: string; kind: (typeof INITIATIVE_CONFLICTS)[number]; note?: string }) =>
      declareConflict(id, { personId: v.personId ?? null, kind: v.kind, note: v.note ?? null }),
    onSuccess: async () => {
      setConflict(false);
      await done('Đã ghi xung đột lợi ích: bạn không tham gia chấm sáng kiến này.');
    },
    onError,
  });
  if (q.isPending) return <LoadingBlock />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const a = q.data;
  const can = (x: Initiative['abilities'][number]) => a.abilities.includes(x);
  return (
    <>
      <PageHeader
        title={a.title}
        subtitle={`${a.kindLabel} · ${a.roundTitle}`}
        extra={
          <Space wrap>
            {can('assign') ? (
              <Button onClick={() => setAssigning(true)} data-testid="initiative-assign">
                Phân công chấm
              </Button>
            ) : null}
            {can('declareConflict') || can('assign') ? (
              <Button onClick={() => setConflict(true)} data-testid="initiative-conflict">
                {can('assign') ? 'Ghi xung đột lợi ích' : 'Khai xung đột lợi ích'}
              </Button>
            ) : null}
            {can('update') ? (
              <Button onClick={() => setEditing(true)} data-testid="initiative-edit">
                Sửa đơn
              </Button>
            ) : null}
            {a.status === 'recognised' ? (
              <>
                <Button onClick={() => void downloadDecision(a.id).catch(onError)} data-testid="initiative-decision-docx">
                  Quyết định công nhận
                </Button>
                <Button onClick={() => void downloadCertificate(a.id, 'pdf').catch(onError)} data-testid="initiative-certificate">
                  Giấy chứng nhận (PDF, mã QR)
                </Button>
                <Button onClick={() => void downloadCertificate(a.id, 'docx').catch(onError)}>Giấy chứng nhận (Word)</Button>
              </>
            ) : null}
            {can('recordHigher') && !a.higher ? (
              <Button onClick={() => setHigher(true)} data-testid="initiative-higher">
                Ghi công nhận của cấp trên
              </Button>
            ) : null}
            {can('decide') ? (
              <>
                <Button type="primary" onClick={() => setRecognise(true)} data-testid="initiative-recognise">
                  Công nhận
                </Button>
                <Button danger onClick={() => setRefuse(true)} data-testid="initiative-refuse">
                  Không công nhận
                </Button>
              </>
            ) : null}
            {can('withdraw') ? (
              <Button danger onClick={() => withdraw.mutate()} loading={withdraw.isPending}>
                Rút đơn
              </Button>
            ) : null}
          </Space>
        }
      />
      {a.status === 'refused' ? (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} message="Không công nhận" description={a.refusalReason} data-testid="refusal" />
      ) : null}
      {a.status === 'recognised' ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="recognised"
          message={`Được công nhận theo Quyết định số ${a.decisionNumber ?? ''} ngày ${fmtDate(a.decisionDate)}`}
          description={
            <>
              <div>{`Mã xác minh Giấy chứng nhận: ${a.certificateCode ?? '—'} (tra cứu tại trang /xac-minh/${a.certificateCode ?? ''}). Sáng kiến đã được ghi vào hồ sơ thi đua của tác giả.`}</div>
              {a.higher ? (
                <div data-testid="initiative-higher-text">{`${a.higher.issuer} công nhận phạm vi ${a.higher.scopeLabel} theo Quyết định số ${a.higher.decisionNumber} ngày ${fmtDate(a.higher.decisionDate)}.`}</div>
              ) : null}
              <div data-testid="initiative-used">
                {a.usedFor ? `Đã dùng làm căn cứ khen thưởng: ${a.usedFor}.` : 'Chưa dùng làm căn cứ khen thưởng nào (mỗi sáng kiến chỉ dùng một lần).'}
              </div>
            </>
          }
        />
      ) : null}
      {a.status === 'submitted' && a.roundStatus === 'open' ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message="Đơn đang chờ Hội đồng sáng kiến chấm điểm." />
      ) : null}
      {a.status === 'submitted' && a.roundStatus === 'closed' ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message="Hội đồng đã chấm xong; đơn chờ quyết định công nhận hoặc không công nhận." />
      ) : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="Trạng thái">{initiativeStatusTag(a.status, a.statusLabel)}</Descriptions.Item>
          <Descriptions.Item label="Đơn vị đề nghị">{a.unitName}</Descriptions.Item>
          <Descriptions.Item label="Tác giả">{a.authors.map((x) => `${x.fullName} (${x.sharePercent}%)`).join(', ')}</Descriptions.Item>
          <Descriptions.Item label="Phạm vi đề nghị">{a.scopeAskedLabel}</Descriptions.Item>
          <Descriptions.Item label="Lĩnh vực">{a.field ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="Áp dụng lần đầu">{`${fmtDate(a.firstAppliedOn)} tại ${a.appliedPlace ?? ''}`}</Descriptions.Item>
          <Descriptions.Item label="Tính mới" span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{a.novelty}</Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label="Cách thức áp dụng" span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{a.application}</Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label="Hiệu quả" span={2}>
            {[a.benefitVnd !== null ? `Làm lợi ${fmtMoney(a.benefitVnd)} đồng` : null, a.benefitText].filter(Boolean).join('. ') || '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <InitiativeAttachments initiative={a} editable={can('update')} />
      {a.assignments.length ? (
        <Card title="Phân công chấm" size="small" style={{ marginBottom: 16 }}>
          <Table
            size="small"
            rowKey="personId"
            pagination={false}
            dataSource={a.assignments}
            data-testid="assignments"
            columns={[
              { title: 'Thành viên', dataIndex: 'fullName' },
              {
                title: 'Tình trạng',
                render: (_, x) =>
                  x.conflict ? (
                    <Tag color="orange">{`Không tham gia: ${x.conflictLabel ?? ''}${x.conflictNote ? ` (${x.conflictNote})` : ''}`}</Tag>
                  ) : x.scored ? (
                    <Tag color="green">Đã chấm</Tag>
                  ) : (
                    <Tag>Chưa chấm</Tag>
                  ),
              },
            ]}
          />
        </Card>
      ) : null}
      {s.data && can('score') ? <ScoreForm initiative={a} scores={s.data} paper={false} /> : null}
      {s.data && can('enterPaperScores') ? <ScoreForm initiative={a} scores={s.data} paper /> : null}
      {s.data ? <ScoresView scores={s.data} /> : null}
      <Modal
        open={recognise}
        title="Công nhận sáng kiến"
        okText="Công nhận"
        cancelText="Hủy"
        onCancel={() => setRecognise(false)}
        footer={null}
        destroyOnHidden
      >
        <Form
          layout="vertical"
          onFinish={(v: { signerName: string; signerTitle: string; decisionDate: Dayjs }) => recog.mutate(v)}
          initialValues={{ signerTitle: 'Giám đốc' }}
        >
          <Alert type="info" showIcon style={{ marginBottom: 12 }} message="Số quyết định được lấy tự động từ sổ quyết định của đơn vị." />
          <Form.Item name="signerName" label="Người ký" rules={[{ required: true, message: 'Nhập họ tên người ký' }]}>
            <Input data-testid="decision-signer" />
          </Form.Item>
          <Form.Item name="signerTitle" label="Chức vụ người ký" rules={[{ required: true, message: 'Nhập chức vụ' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="decisionDate" label="Ngày quyết định" rules={[{ required: true, message: 'Chọn ngày' }]}>
            <DatePicker format={DATE_FORMAT} data-testid="decision-date" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={recog.isPending} data-testid="recognise-ok">
            Công nhận
          </Button>
        </Form>
      </Modal>
      <Modal open={refuse} title="Không công nhận sáng kiến" onCancel={() => setRefuse(false)} footer={null} destroyOnHidden>
        <Form layout="vertical" onFinish={(v: { reason: string }) => refu.mutate(v)}>
          <Form.Item name="reason" label="Lý do (báo cho tác giả)" rules={[{ required: true, min: 5, message: 'Ghi lý do (ít nhất 5 ký tự)' }]}>
            <Input.TextArea rows={3} data-testid="refuse-reason" />
          </Form.Item>
          <Button danger type="primary" htmlType="submit" loading={refu.isPending} data-testid="refuse-ok">
            Không công nhận
          </Button>
        </Form>
      </Modal>
      <Modal open={conflict} title="Khai xung đột lợi ích" onCancel={() => setConflict(false)} footer={null} destroyOnHidden>
        <Form
          layout="vertical"
          onFinish={(v: { personId?: string; kind: (typeof INITIATIVE_CONFLICTS)[number]; note?: string }) => decl.mutate(v)}
          initialValues={{ kind: 'family' }}
        >
          {can('assign') ? (
            <Form.Item name="personId" label="Thành viên" rules={[{ required: true, message: 'Chọn thành viên' }]}>
              <Select data-testid="conflict-member" options={(round.data?.members ?? []).map((m) => ({ value: m.personId, label: m.fullName }))} />
            </Form.Item>
          ) : null}
          <Form.Item name="kind" label="Loại">
            <Select
              options={INITIATIVE_CONFLICTS.filter((k) => k !== 'author' && k !== 'same_unit').map((k) => ({ value: k, label: INITIATIVE_CONFLICT_LABELS[k] }))}
            />
          </Form.Item>
          <Form.Item name="note" label="Ghi chú">
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={decl.isPending}>
            Ghi nhận
          </Button>
        </Form>
      </Modal>
      <Modal open={assigning} title="Phân công thành viên chấm" onCancel={() => setAssigning(false)} footer={null} destroyOnHidden>
        <Form
          layout="vertical"
          onFinish={(v: { personIds: string[] }) => assign.mutate(v.personIds)}
          initialValues={{ personIds: (round.data?.members ?? []).map((m) => m.personId) }}
        >
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message={`Mỗi thành viên chấm tối đa ${round.data?.maxLoad ?? '—'} sáng kiến của đợt. Tác giả và thành viên cùng đơn vị đề nghị tự động không tham gia chấm.`}
          />
          <Form.Item name="personIds" label="Thành viên" rules={[{ required: true, message: 'Chọn ít nhất một thành viên' }]}>
            <Checkbox.Group
              data-testid="assign-members"
              options={(round.data?.members ?? []).map((m) => ({ value: m.personId, label: `${m.fullName} (${m.positionLabel})` }))}
              style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={assign.isPending} data-testid="assign-ok">
            Phân công
          </Button>
        </Form>
      </Modal>
      <Modal open={higher} title="Cấp trên công nhận phạm vi ảnh hưởng" onCancel={() => setHigher(false)} footer={null} destroyOnHidden>
        <Form
          layout="vertical"
          onFinish={(v: { scope: 'bo_tinh' | 'toan_quoc'; decisionNumber: string; decisionDate: Dayjs; issuer: string }) => high.mutate(v)}
          initialValues={{ scope: 'bo_tinh', issuer: 'Ủy ban nhân dân tỉnh' }}
        >
          <Form.Item name="scope" label="Phạm vi được công nhận">
            <Select
              options={[
                { value: 'bo_tinh', label: INITIATIVE_SCOPE_LABELS.bo_tinh },
                { value: 'toan_quoc', label: INITIATIVE_SCOPE_LABELS.toan_quoc },
              ]}
            />
          </Form.Item>
          <Form.Item name="issuer" label="Cơ quan ban hành" rules={[{ required: true, message: 'Nhập cơ quan ban hành' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="decisionNumber" label="Số quyết định" rules={[{ required: true, message: 'Nhập số quyết định' }]}>
            <Input data-testid="higher-number" placeholder="123/QĐ-UBND" />
          </Form.Item>
          <Form.Item name="decisionDate" label="Ngày quyết định" rules={[{ required: true, message: 'Chọn ngày' }]}>
            <DatePicker format={DATE_FORMAT} data-testid="higher-date" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={high.isPending} data-testid="higher-ok">
            Ghi nhận
          </Button>
        </Form>
      </Modal>
      {editing ? <InitiativeFormModal open={editing} onClose={() => setEditing(false)} initiative={a} /> : null}
    </>
  );
}

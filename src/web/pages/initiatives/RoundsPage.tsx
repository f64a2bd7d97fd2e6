/** Rounds of the initiative council (đợt xét sáng kiến): open and close them, and the Office's score sheet of one round. */
import { Alert, App, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import type { Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import {
  closeRound,
  createRound,
  downloadMinutes,
  getRoundSheet,
  initiativeAbilities,
  issueRecognition,
  listRounds,
  listRubrics,
  openRound,
  updateRound,
  type InitiativeRound,
  type RoundSheet,
} from '../../api/initiatives';
import { listCouncils } from '../../api/councils';
import { DATE_FORMAT, fromDayjs, toDayjs } from '../../lib/format';
import { currentYearVn } from '../../lib/today';
import { errorText } from '../../api/client';
import { keys } from '../../api/keys';
import { useUser } from '../../auth/AuthContext';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert, LoadingBlock } from '../../components/PageStates';
import { fmtDate } from '../../lib/format';

interface RoundForm {
  councilId: string;
  rubricId: string;
  year: number;
  title: string;
  maxLoad: number;
  calendar: { label: string; from: Dayjs; to: Dayjs }[];
}

/** Create a round (or edit one still in draft): council, rubric, the calendar of the agency's regulation, the load limit. */
function RoundModal({ round, onClose }: { round: InitiativeRound | 'new'; onClose: () => void }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<RoundForm>();
  const councils = useQuery({ queryKey: ['councils', 'list'], queryFn: () => listCouncils() });
  const rubrics = useQuery({ queryKey: keys.initiatives.rubrics, queryFn: () => listRubrics() });
  const save = useMutation({
    mutationFn: (v: RoundForm) => {
      const body = {
        councilId: v.councilId,
        rubricId: v.rubricId,
        year: v.year,
        title: v.title,
        maxLoad: v.maxLoad,
        calendar: (v.calendar ?? []).map((c) => ({ label: c.label, from: fromDayjs(c.from) ?? '', to: fromDayjs(c.to) ?? '' })),
      };
      return round === 'new' ? createRound(body) : updateRound(round.id, { ...body, version: round.version });
    },
    onSuccess: async () => {
      message.success(round === 'new' ? 'Đã tạo đợt xét sáng kiến.' : 'Đã lưu đợt xét.');
      await qc.invalidateQueries({ queryKey: keys.initiatives.all });
      onClose();
    },
    onError: (e) => message.error(errorText(e)),
  });
  const y = currentYearVn();
  const initial =
    round === 'new'
      ? {
          year: y,
          title: `Đợt xét sáng kiến năm ${y}`,
          maxLoad: 50,
          calendar: [
            { label: 'Nhận đơn yêu cầu công nhận sáng kiến', from: toDayjs(`${y}-09-01`), to: toDayjs(`${y}-09-14`) },
            { label: 'Các đơn vị chuyển hồ sơ', from: toDayjs(`${y}-09-15`), to: toDayjs(`${y}-09-30`) },
            { label: 'Hội đồng sáng kiến chấm điểm, họp xét', from: toDayjs(`${y}-10-01`), to: toDayjs(`${y}-10-15`) },
          ],
        }
      : {
          councilId: round.councilId,
          rubricId: round.rubricId,
          year: round.year,
          title: round.title,
          maxLoad: round.maxLoad,
          calendar: round.calendar.map((c) => ({ label: c.label, from: toDayjs(c.from), to: toDayjs(c.to) })),
        };
  return (
    <Modal
      open
      width={760}
      title={round === 'new' ? 'Tạo đợt xét sáng kiến' : 'Sửa đợt xét sáng kiến'}
      okText="Lưu"
      cancelText="Hủy"
      onCancel={onClose}
      confirmLoading={save.isPending}
      onOk={() => void form.validateFields().then((v) => save.mutate(v))}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={initial} data-testid="round-form">
        <Form.Item name="councilId" label="Hội đồng sáng kiến" rules={[{ required: true, message: 'Chọn Hội đồng' }]}>
          <Select
            disabled={round !== 'new'}
            data-testid="round-council"
            options={(councils.data?.items ?? []).filter((c) => c.kind === 'sang_kien').map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
        <Form.Item name="rubricId" label="Thang điểm" rules={[{ required: true, message: 'Chọn thang điểm' }]}>
          <Select
            data-testid="round-rubric"
            options={(rubrics.data?.items ?? []).map((r) => ({
              value: r.id,
              label: `${r.name} năm ${r.year}, phiên bản ${r.version} (đạt ${r.passMark}/${r.maxTotal})`,
            }))}
          />
        </Form.Item>
        <Space wrap>
          <Form.Item name="year" label="Năm" rules={[{ required: true, message: 'Nhập năm' }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="maxLoad" label="Số sáng kiến tối đa mỗi thành viên chấm" rules={[{ required: true, message: 'Nhập số' }]}>
            <InputNumber min={1} max={1000} data-testid="round-maxload" />
          </Form.Item>
        </Space>
        <Form.Item name="title" label="Tên đợt xét" rules={[{ required: true, message: 'Nhập tên đợt xét' }]}>
          <Input data-testid="round-title" />
        </Form.Item>
        <Typography.Text strong>Lịch của đợt xét (theo quy chế của cơ quan)</Typography.Text>
        <Form.List name="calendar">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'label']} rules={[{ required: true, message: 'Tên bước' }]}>
                    <Input style={{ width: 300 }} placeholder="Bước" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'from']} rules={[{ required: true, message: 'Từ ngày' }]}>
                    <DatePicker format={DATE_FORMAT} placeholder="Từ ngày" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'to']} rules={[{ required: true, message: 'Đến ngày' }]}>
                    <DatePicker format={DATE_FORMAT} placeholder="Đến ngày" />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="Bỏ bước" />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} style={{ display: 'block', marginTop: 8 }}>
                Thêm bước
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

export default function RoundsPage() {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const can = initiativeAbilities(useUser());
  const q = useQuery({ queryKey: keys.initiatives.rounds, queryFn: () => listRounds() });
  const [editing, setEditing] = useState<InitiativeRound | 'new' | null>(null);
  const step = useMutation({
    mutationFn: (v: { id: string; verb: 'open' | 'close' }) => (v.verb === 'open' ? openRound(v.id) : closeRound(v.id)),
    onSuccess: async () => {
      message.success('Đã cập nhật đợt xét.');
      await qc.invalidateQueries({ queryKey: keys.initiatives.all });
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <>
      <PageHeader
        title="Đợt xét sáng kiến"
        subtitle="Các đợt xét của Hội đồng sáng kiến, lịch theo quy chế của cơ quan"
        extra={
          can.manageRounds ? (
            <Space wrap>
              <Link to="/sang-kien/thang-diem">
                <Button>Thang điểm</Button>
              </Link>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="round-new">
                Tạo đợt xét
              </Button>
            </Space>
          ) : null
        }
      />
      {q.isError ? <ErrorAlert error={q.error} onRetry={() => void q.refetch()} /> : null}
      <Table<InitiativeRound>
        loading={q.isPending}
        rowKey="id"
        dataSource={q.data?.items ?? []}
        data-testid="rounds-table"
        scroll={{ x: 'max-content' }}
        pagination={false}
        expandable={{
          expandedRowRender: (r) => (
            <Space direction="vertical">
              {r.calendar.map((c) => (
                <span key={c.label}>{`${c.label}: ${fmtDate(c.from)} – ${fmtDate(c.to)}`}</span>
              ))}
              <span>{`Thành viên: ${r.members.map((m) => `${m.fullName} (${m.positionLabel})`).join(', ') || 'lấy khi mở đợt'}`}</span>
            </Space>
          ),
        }}
        columns={[
          { title: 'Năm', dataIndex: 'year', width: 70 },
          { title: 'Đợt xét', dataIndex: 'title' },
          { title: 'Hội đồng', dataIndex: 'councilName', responsive: ['md'] },
          {
            title: 'Tình trạng',
            render: (_, r) => <Tag color={r.status === 'open' ? 'blue' : r.status === 'closed' ? 'green' : 'default'}>{r.statusLabel}</Tag>,
          },
          {
            title: '',
            render: (_, r) => (
              <Space wrap>
                <Link to={`/sang-kien?dot=${r.id}`}>Sáng kiến</Link>
                {can.assign && r.status !== 'draft' ? <Link to={`/sang-kien/dot-xet/${r.id}`}>Bảng điểm</Link> : null}
                {r.abilities.includes('update') && r.status === 'draft' ? (
                  <Button size="small" onClick={() => setEditing(r)} data-testid="round-edit">
                    Sửa
                  </Button>
                ) : null}
                {r.abilities.includes('open') ? (
                  <Button size="small" onClick={() => step.mutate({ id: r.id, verb: 'open' })} data-testid="round-open">
                    Mở đợt
                  </Button>
                ) : null}
                {r.abilities.includes('close') ? (
                  <Button size="small" onClick={() => step.mutate({ id: r.id, verb: 'close' })} data-testid="round-close">
                    Kết thúc chấm
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      {editing ? <RoundModal round={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

/** Quyết định công nhận sáng kiến of a closed round: the initiatives that pass, the signer; the number comes from the register. */
function RecognitionModal({ sheet, onClose }: { sheet: RoundSheet; onClose: () => void }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const passing = sheet.rows.filter((r) => r.line.passes && r.initiative.status === 'submitted');
  const issue = useMutation({
    mutationFn: (v: { initiativeIds: string[]; decisionDate: Dayjs; signerName: string; signerTitle: string }) =>
      issueRecognition(sheet.round.id, { ...v, decisionDate: fromDayjs(v.decisionDate) ?? '' }),
    onSuccess: async (d) => {
      message.success(`Đã ban hành Quyết định số ${d.numberText} công nhận sáng kiến.`);
      await qc.invalidateQueries({ queryKey: keys.initiatives.all });
      onClose();
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <Modal open title="Quyết định công nhận sáng kiến" onCancel={onClose} footer={null} width={640} destroyOnHidden>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message="Số quyết định lấy tự động từ sổ quyết định của đơn vị; mỗi sáng kiến được cấp một Giấy chứng nhận có mã QR."
      />
      <Form
        layout="vertical"
        onFinish={(v: { initiativeIds: string[]; decisionDate: Dayjs; signerName: string; signerTitle: string }) => issue.mutate(v)}
        initialValues={{ initiativeIds: passing.map((r) => r.initiative.id), signerTitle: 'Giám đốc' }}
      >
        <Form.Item name="initiativeIds" label="Sáng kiến đủ điều kiện công nhận" rules={[{ required: true, message: 'Chọn ít nhất một sáng kiến' }]}>
          <Checkbox.Group
            data-testid="recognition-list"
            style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
            options={passing.map((r) => ({ value: r.initiative.id, label: `${r.initiative.title} (TB ${r.line.average ?? '—'}, ${r.line.approvals} đồng ý)` }))}
          />
        </Form.Item>
        <Form.Item name="decisionDate" label="Ngày quyết định" rules={[{ required: true, message: 'Chọn ngày' }]}>
          <DatePicker format={DATE_FORMAT} data-testid="recognition-date" />
        </Form.Item>
        <Form.Item name="signerName" label="Người ký" rules={[{ required: true, message: 'Nhập họ tên người ký' }]}>
          <Input data-testid="recognition-signer" />
        </Form.Item>
        <Form.Item name="signerTitle" label="Chức vụ người ký" rules={[{ required: true, message: 'Nhập chức vụ' }]}>
          <Input />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={issue.isPending} disabled={passing.length === 0} data-testid="recognition-ok">
          Ban hành quyết định
        </Button>
      </Form>
    </Modal>
  );
}

/** The Office's sheet: every initiative × every member, the average, the spread, outliers and the votes. */
export function RoundSheetPage() {
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: keys.initiatives.sheet(id), queryFn: () => getRoundSheet(id) });
  const { message } = App.useApp();
  const can = initiativeAbilities(useUser());
  const [recognising, setRecognising] = useState(false);
  if (q.isPending) return <LoadingBlock />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const s = q.data;
  type Row = RoundSheet['rows'][number];
  return (
    <>
      <PageHeader
        title={`Bảng tổng hợp điểm: ${s.round.title}`}
        subtitle={s.round.councilName}
        extra={
          <Space wrap>
            <Button onClick={() => void downloadMinutes(s.round.id).catch((e) => message.error(errorText(e)))} data-testid="minutes-docx">
              Biên bản họp (Word)
            </Button>
            {s.round.status === 'closed' && can.decide ? (
              <Button type="primary" onClick={() => setRecognising(true)} data-testid="round-recognise">
                Quyết định công nhận
              </Button>
            ) : null}
          </Space>
        }
      />
      {s.round.status === 'open' ? (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message="Đợt xét đang chấm điểm; ra quyết định công nhận sau khi kết thúc chấm." />
      ) : null}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Typography.Text>
          {`Tổng số thành viên ${s.thresholds.totalMembers}; cần ít nhất ${s.thresholds.quorumNeeded} thành viên chấm, điểm trung bình từ ${s.thresholds.passMark}/${s.thresholds.maxTotal}, ${s.thresholds.votesNeeded} thành viên đồng ý. Căn cứ: ${s.thresholds.sources.passMark}; ${s.thresholds.sources.votes}${s.thresholds.sources.verified ? '' : ' (chưa xác minh)'}.`}
        </Typography.Text>
      </Card>
      <Table<Row>
        rowKey={(r) => r.initiative.id}
        dataSource={s.rows}
        data-testid="round-sheet"
        size="small"
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: 'Sáng kiến', fixed: 'left', render: (_, r) => <Link to={`/sang-kien/${r.initiative.id}`}>{r.initiative.title}</Link> },
          ...s.members.map((m, i) => ({
            title: m.fullName,
            key: m.personId,
            render: (_: unknown, r: Row) => {
              const c = r.cells[i]!;
              if (c.recused) return <Tag color="orange">Không chấm</Tag>;
              if (c.total === null) return '—';
              return (
                <Space size={4}>
                  {c.total}
                  {c.approve === false ? <Tag>Không đồng ý</Tag> : null}
                  {c.outlier ? <Tag color="red">Lệch</Tag> : null}
                </Space>
              );
            },
          })),
          { title: 'TB', render: (_, r) => r.line.average ?? '—' },
          { title: 'Chênh lệch', render: (_, r) => r.line.spread ?? '—' },
          { title: 'Đồng ý', render: (_, r) => `${r.line.approvals}/${s.thresholds.totalMembers}` },
          { title: 'Kết quả', render: (_, r) => (r.line.passes ? <Tag color="green">Đạt</Tag> : <Tag title={r.line.shortfalls.join(' ')}>Chưa đạt</Tag>) },
          { title: 'Trạng thái', render: (_, r) => r.initiative.statusLabel },
        ]}
      />
      {recognising ? <RecognitionModal sheet={s} onClose={() => setRecognising(false)} /> : null}
    </>
  );
}

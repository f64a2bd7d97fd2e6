import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import {
  closeClusterTask,
  createClusterTask,
  downloadClusterHeadReport,
  getClusterPlan,
  sendClusterHeadReport,
  setClusterHeadReportDues,
  updateClusterTask,
  type Cluster,
  type ClusterPlan,
  type ClusterTask,
} from '../../api/clusters';
import { errorText } from '../../api/client';
import { keys } from '../../api/keys';
import { FormModal } from '../../components/FormModal';
import { LoadingBlock } from '../../components/PageStates';
import { blankToNull, DATE_FORMAT, fmtDate, fromDayjs, toDayjs } from '../../lib/format';

interface TaskValues {
  title: string;
  startDate?: Dayjs | null;
  dueDate: Dayjs;
  responsibleMemberId?: string | null;
  note?: string;
}

const STATUS = { open: ['blue', 'Đang thực hiện'], done: ['green', 'Hoàn thành'], cancelled: ['default', 'Đã hủy'] } as const;
const PERIOD = { h1: 'Sơ kết 6 tháng', year: 'Tổng kết năm' } as const;

/** The cluster's plan as dated tasks (each on the members' deadline calendar): the head adds, edits, completes or cancels them. */
function Tasks({ c, plan }: { c: Cluster; plan: ClusterPlan }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const edit = plan.abilities.includes('edit');
  const [form] = Form.useForm<TaskValues>();
  const [editing, setEditing] = useState<ClusterTask | 'new' | null>(null);
  const planKey = [...keys.clusters.detail(c.id), 'plan'];
  const done = (text: string) => async () => {
    message.success(text);
    setEditing(null);
    await qc.invalidateQueries({ queryKey: planKey });
  };
  const save = useMutation({
    mutationFn: (v: TaskValues) => {
      const body = {
        title: v.title,
        startDate: fromDayjs(v.startDate),
        dueDate: fromDayjs(v.dueDate)!,
        responsibleMemberId: v.responsibleMemberId ?? null,
        note: blankToNull(v.note),
      };
      return editing && editing !== 'new' ? updateClusterTask(c.id, editing.id, { ...body, version: editing.version }) : createClusterTask(c.id, body);
    },
    onSuccess: done('Đã lưu nhiệm vụ; lịch thời hạn của các thành viên đã cập nhật.'),
  });
  const close = useMutation({
    mutationFn: (v: { t: ClusterTask; outcome: 'done' | 'cancelled' }) => closeClusterTask(c.id, v.t.id, { version: v.t.version, outcome: v.outcome }),
    onSuccess: done('Đã cập nhật nhiệm vụ.'),
    onError: (e) => message.error(errorText(e)),
  });
  const open = (t: ClusterTask | 'new') => {
    save.reset();
    form.resetFields();
    if (t !== 'new')
      form.setFieldsValue({
        title: t.title,
        startDate: toDayjs(t.startDate) ?? null,
        dueDate: toDayjs(t.dueDate)!,
        responsibleMemberId: t.responsibleMemberId,
        note: t.note ?? '',
      });
    setEditing(t);
  };
  return (
    <Card
      size="small"
      title="Nhiệm vụ theo kế hoạch"
      extra={
        edit ? (
          <Button type="primary" data-testid="cluster-task-add" onClick={() => open('new')}>
            Thêm nhiệm vụ
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">
        Mỗi nhiệm vụ có hạn nằm trên <Link to="/lich">lịch thời hạn</Link> của các đơn vị thành viên (hoặc của thành viên thực hiện), có nhắc hạn.
      </Typography.Paragraph>
      <Table<ClusterTask>
        data-testid="cluster-tasks"
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={plan.tasks}
        locale={{ emptyText: 'Chưa có nhiệm vụ.' }}
        columns={[
          { title: 'Nhiệm vụ', dataIndex: 'title', render: (v: string, t) => (t.status === 'cancelled' ? <Typography.Text delete>{v}</Typography.Text> : v) },
          {
            title: 'Thời gian',
            render: (_, t) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                {t.startDate ? `${fmtDate(t.startDate)} – ` : 'Hạn '}
                {fmtDate(t.dueDate)}
              </span>
            ),
          },
          { title: 'Thực hiện', responsive: ['md'], render: (_, t) => t.responsibleName ?? 'Các thành viên' },
          {
            title: 'Trạng thái',
            render: (_, t) => (
              <>
                <Tag color={STATUS[t.status][0]}>{STATUS[t.status][1]}</Tag>
                {t.overdue ? <Tag color="red">Quá hạn</Tag> : null}
              </>
            ),
          },
          ...(edit
            ? [
                {
                  title: '',
                  key: 'actions',
                  render: (_: unknown, t: ClusterTask) =>
                    t.status === 'open' ? (
                      <Space wrap size={4}>
                        <Button size="small" aria-label={`Sửa ${t.title}`} onClick={() => open(t)}>
                          Sửa
                        </Button>
                        <Button size="small" aria-label={`Hoàn thành ${t.title}`} onClick={() => close.mutate({ t, outcome: 'done' })}>
                          Hoàn thành
                        </Button>
                        <Popconfirm
                          title={`Hủy nhiệm vụ “${t.title}”? Nhiệm vụ rời lịch thời hạn.`}
                          okText="Hủy nhiệm vụ"
                          cancelText="Không"
                          onConfirm={() => close.mutate({ t, outcome: 'cancelled' })}
                        >
                          <Button size="small" danger aria-label={`Hủy ${t.title}`}>
                            Hủy
                          </Button>
                        </Popconfirm>
                      </Space>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <FormModal<TaskValues>
        open={!!editing}
        title={editing === 'new' ? 'Thêm nhiệm vụ' : 'Sửa nhiệm vụ'}
        onCancel={() => setEditing(null)}
        form={form}
        onFinish={(v) => save.mutate(v)}
        pending={save.isPending}
        error={save.error ? errorText(save.error) : null}
        okTestId="cluster-task-ok"
      >
        <Form.Item name="title" label="Nội dung nhiệm vụ" rules={[{ required: true, message: 'Hãy nhập nội dung nhiệm vụ.' }]}>
          <Input />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="startDate" label="Từ ngày">
            <DatePicker format={DATE_FORMAT} aria-label="Từ ngày" />
          </Form.Item>
          <Form.Item name="dueDate" label="Hạn hoàn thành" rules={[{ required: true, message: 'Hãy chọn hạn hoàn thành.' }]}>
            <DatePicker format={DATE_FORMAT} aria-label="Hạn hoàn thành" />
          </Form.Item>
        </Flex>
        <Form.Item name="responsibleMemberId" label="Thành viên thực hiện (để trống: mọi thành viên)">
          <Select allowClear showSearch optionFilterProp="label" options={c.members.map((m) => ({ value: m.id, label: m.name }))} />
        </Form.Item>
        <Form.Item name="note" label="Ghi chú">
          <Input />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

type HeadReport = ClusterPlan['headReports'][number];

/** Where a head's report stands against its due date (the server decides `late` and `daysLate`). */
function HeadReportState({ r }: { r: HeadReport }) {
  if (r.sentOn) return r.late ? <Tag color="red">Gửi muộn {r.daysLate} ngày</Tag> : r.due ? <Tag color="green">Đúng hạn</Tag> : null;
  if (r.late) return <Tag color="red">Quá hạn {r.daysLate} ngày, chưa gửi</Tag>;
  return r.due ? <Tag color="blue">Chưa đến hạn</Tag> : <Typography.Text type="secondary">Chưa đặt hạn</Typography.Text>;
}

interface DueValues {
  h1?: Dayjs | null;
  year?: Dayjs | null;
}

/** The head's 6-month and year reports to the Ban TĐKT: due dates set by the standing body, printed from the cluster's records, then recorded as sent. */
function HeadReports({ c, plan }: { c: Cluster; plan: ClusterPlan }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const edit = plan.abilities.includes('edit');
  const manage = plan.abilities.includes('manage');
  const [dueForm] = Form.useForm<DueValues>();
  const [setting, setSetting] = useState(false);
  const dues = useMutation({
    mutationFn: (v: DueValues) => setClusterHeadReportDues(c.id, { h1: fromDayjs(v.h1), year: fromDayjs(v.year), version: c.version }),
    onSuccess: async () => {
      message.success('Đã đặt hạn báo cáo của Trưởng cụm, khối.');
      setSetting(false);
      await qc.invalidateQueries({ queryKey: keys.clusters.all });
    },
  });
  const who = c.kind === 'cum' ? 'cụm' : 'khối';
  const late = plan.headReports.filter((r) => r.late && !r.sentOn);
  const send = useMutation({
    mutationFn: (period: 'h1' | 'year') => sendClusterHeadReport(c.id, { period }),
    onSuccess: async () => {
      message.success('Đã ghi nhận báo cáo gửi Ban Thi đua - Khen thưởng.');
      await qc.invalidateQueries({ queryKey: [...keys.clusters.detail(c.id), 'plan'] });
    },
    onError: (e) => message.error(errorText(e)),
  });
  const doc = useMutation({
    mutationFn: (v: { period: 'h1' | 'year'; format: 'docx' | 'pdf' }) => downloadClusterHeadReport(c.id, v.period, v.format),
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <Card
      size="small"
      title={`Báo cáo của Trưởng ${who} gửi Ban Thi đua - Khen thưởng`}
      extra={
        manage ? (
          <Button
            size="small"
            data-testid="cluster-head-dues"
            onClick={() => {
              dues.reset();
              dueForm.setFieldsValue({ h1: toDayjs(plan.headReports[0]?.due) ?? null, year: toDayjs(plan.headReports[1]?.due) ?? null });
              setSetting(true);
            }}
          >
            Đặt hạn báo cáo
          </Button>
        ) : null
      }
    >
      {late.length ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="cluster-head-late"
          title={late.map((r) => `${PERIOD[r.period]}: quá hạn ${r.daysLate} ngày (hạn ${fmtDate(r.due)}), Trưởng ${who} chưa gửi Ban.`).join(' ')}
        />
      ) : null}
      <Table
        data-testid="cluster-head-reports"
        rowKey="period"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={plan.headReports}
        columns={[
          { title: 'Báo cáo', dataIndex: 'period', render: (p: 'h1' | 'year') => PERIOD[p] },
          { title: 'Hạn', dataIndex: 'due', render: (d: string | null) => (d ? fmtDate(d) : '—') },
          { title: 'Đã gửi', dataIndex: 'sentOn', render: (d: string | null) => (d ? fmtDate(d) : '—') },
          { title: 'Tình trạng', key: 'state', render: (_, r) => <HeadReportState r={r} /> },
          {
            title: '',
            render: (_, r) => (
              <Space wrap size={4}>
                <Button size="small" aria-label={`${PERIOD[r.period]} (Word)`} onClick={() => doc.mutate({ period: r.period, format: 'docx' })}>
                  Word
                </Button>
                <Button size="small" aria-label={`${PERIOD[r.period]} (PDF)`} onClick={() => doc.mutate({ period: r.period, format: 'pdf' })}>
                  PDF
                </Button>
                {edit ? (
                  <Button
                    size="small"
                    type={r.sentOn ? 'default' : 'primary'}
                    aria-label={`Ghi nhận đã gửi ${PERIOD[r.period]}`}
                    onClick={() => send.mutate(r.period)}
                  >
                    {r.sentOn ? 'Gửi lại' : 'Ghi nhận đã gửi'}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <FormModal<DueValues>
        open={setting}
        title={`Hạn Trưởng ${who} gửi báo cáo tới Ban Thi đua - Khen thưởng`}
        onCancel={() => setSetting(false)}
        form={dueForm}
        onFinish={(v) => dues.mutate(v)}
        pending={dues.isPending}
        error={dues.error ? errorText(dues.error) : null}
        okTestId="cluster-head-dues-ok"
      >
        <Typography.Paragraph type="secondary">
          Hạn nằm trên lịch thời hạn của đơn vị Trưởng {who} (có nhắc hạn); để trống nếu không đặt hạn.
        </Typography.Paragraph>
        <Flex gap={12} wrap>
          <Form.Item name="h1" label="Hạn báo cáo sơ kết 6 tháng">
            <DatePicker format={DATE_FORMAT} aria-label="Hạn báo cáo sơ kết 6 tháng" />
          </Form.Item>
          <Form.Item name="year" label="Hạn báo cáo tổng kết năm">
            <DatePicker format={DATE_FORMAT} aria-label="Hạn báo cáo tổng kết năm" />
          </Form.Item>
        </Flex>
      </FormModal>
    </Card>
  );
}

export function PlanTab({ c }: { c: Cluster }) {
  const q = useQuery({ queryKey: [...keys.clusters.detail(c.id), 'plan'], queryFn: () => getClusterPlan(c.id) });
  if (!q.data) return <LoadingBlock />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Tasks c={c} plan={q.data} />
      <HeadReports c={c} plan={q.data} />
    </Space>
  );
}

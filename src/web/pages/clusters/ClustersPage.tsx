import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Radio,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Dayjs } from 'dayjs';
import { Link, useNavigate, useParams } from 'react-router-dom';
import {
  addClusterMember,
  createCluster,
  electClusterLeaders,
  getCluster,
  getClustersRanking,
  listClusters,
  removeClusterMember,
  updateCluster,
  type Cluster,
  type ClusterMember,
} from '../../api/clusters';
import { errorText } from '../../api/client';
import { keys } from '../../api/keys';
import { useUser } from '../../auth/AuthContext';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { SectionTabs } from '../../components/SectionTabs';
import { EmptyBlock, ErrorAlert, LoadingBlock } from '../../components/PageStates';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { blankToNull, DATE_FORMAT, fmtDate, fromDayjs, toDayjs } from '../../lib/format';
import { currentYearVn, todayDayjs } from '../../lib/today';
import { PledgeTab } from './ClusterPledgeTab';
import { ScoringTab } from './ClusterScoringTab';
import { MeetingsTab } from './ClusterMeetingsTab';
import { PlanTab } from './ClusterPlanTab';

const ROLE_LABEL = { head: 'Trưởng', deputy: 'Phó', member: 'Thành viên' } as const;

interface CreateValues {
  year: number;
  kind: 'cum' | 'khoi';
  name: string;
  organiserName?: string;
  scale: 100 | 1000;
  reportDueH1?: Dayjs | null;
  reportDueYear?: Dayjs | null;
  headReportDueH1?: Dayjs | null;
  headReportDueYear?: Dayjs | null;
  copyFromId?: string | null;
}

/** The standing body lays out a cụm/khối for a year, optionally copying last year's members and table. */
function CreateClusterModal({ open, year, onClose }: { open: boolean; year: number; onClose: () => void }) {
  const [form] = Form.useForm<CreateValues>();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const y = Form.useWatch('year', form) ?? year;
  const kind = Form.useWatch('kind', form);
  const last = useQuery({ queryKey: keys.clusters.list({ year: y - 1, kind: 'all' }), queryFn: () => listClusters({ year: y - 1 }), enabled: open });
  const save = useMutation({
    mutationFn: (v: CreateValues) =>
      createCluster({
        year: v.year,
        kind: v.kind,
        name: v.name,
        organiserName: blankToNull(v.organiserName),
        scale: v.scale,
        reportDueH1: fromDayjs(v.reportDueH1),
        reportDueYear: fromDayjs(v.reportDueYear),
        headReportDueH1: fromDayjs(v.headReportDueH1),
        headReportDueYear: fromDayjs(v.headReportDueYear),
        copyFromId: v.copyFromId ?? null,
      }),
    onSuccess: async (c) => {
      await qc.invalidateQueries({ queryKey: keys.clusters.all });
      onClose();
      form.resetFields();
      void navigate(`/cum-khoi/${c.id}`);
    },
  });
  const previous = (last.data?.items ?? []).filter((c) => !kind || c.kind === kind);
  return (
    <FormModal<CreateValues>
      open={open}
      title="Lập cụm, khối thi đua"
      okText="Lập"
      onCancel={onClose}
      form={form}
      onFinish={(v) => save.mutate(v)}
      pending={save.isPending}
      error={save.error ? errorText(save.error) : null}
      initialValues={{ year, kind: 'khoi', scale: 100 }}
      okTestId="cluster-create-ok"
    >
      <Flex gap={12} wrap>
        <Form.Item name="year" label="Năm" rules={[{ required: true, message: 'Hãy nhập năm.' }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="kind" label="Loại">
          <Radio.Group
            options={[
              { value: 'cum', label: 'Cụm thi đua' },
              { value: 'khoi', label: 'Khối thi đua' },
            ]}
          />
        </Form.Item>
        <Form.Item name="scale" label="Thang điểm">
          <Radio.Group
            options={[
              { value: 100, label: '100 điểm' },
              { value: 1000, label: '1.000 điểm' },
            ]}
          />
        </Form.Item>
      </Flex>
      <Form.Item name="name" label="Tên cụm, khối" rules={[{ required: true, message: 'Hãy nhập tên cụm, khối thi đua.' }]}>
        <Input placeholder="Khối thi đua các cơ quan tham mưu tổng hợp" />
      </Form.Item>
      <Form.Item name="organiserName" label="Hội đồng tổ chức">
        <Input placeholder="Hội đồng Thi đua - Khen thưởng tỉnh" />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="reportDueH1" label="Hạn báo cáo 6 tháng">
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
        <Form.Item name="reportDueYear" label="Hạn báo cáo năm">
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
      </Flex>
      <Flex gap={12} wrap>
        <Form.Item name="headReportDueH1" label="Hạn Trưởng cụm báo cáo Ban: 6 tháng">
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
        <Form.Item name="headReportDueYear" label="Hạn Trưởng cụm báo cáo Ban: năm">
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
      </Flex>
      <Form.Item name="copyFromId" label={`Sao chép từ năm ${y - 1} (thành viên, bảng điểm, lịch sử Trưởng cụm)`}>
        <Select
          allowClear
          placeholder={previous.length ? 'Không sao chép' : `Không có cụm, khối năm ${y - 1}`}
          options={previous.map((c) => ({ value: c.id, label: `${c.name} (${c.memberCount} thành viên)` }))}
        />
      </Form.Item>
    </FormModal>
  );
}

/** Cụm, khối thi đua of a year: the standing body sees all, a member only its own. */
export function ClustersPage() {
  const user = useUser();
  const [year, setYear] = useState<number>(currentYearVn());
  const [kind, setKind] = useState<'all' | 'cum' | 'khoi'>('all');
  const [creating, setCreating] = useState(false);
  const q = useQuery({ queryKey: keys.clusters.list({ year, kind }), queryFn: () => listClusters({ year, ...(kind === 'all' ? {} : { kind }) }) });
  // Every cluster's ranking of the year in one request: the list shows who leads each.
  const ranking = useQuery({ queryKey: [...keys.clusters.all, 'ranking', year], queryFn: () => getClustersRanking(year) });
  const leaders = new Map((ranking.data?.items ?? []).map((r) => [r.clusterId, r.ranking.find((x) => x.scored > 0 && x.rank === 1)]));
  const canCreate = user.abilities.cluster.includes('create');
  return (
    <>
      <PageHeader
        title="Cụm, khối thi đua"
        subtitle="Thành viên, Trưởng/Phó cụm luân phiên, giao ước, chấm điểm, xếp hạng và suy tôn"
        extra={
          <Space wrap>
            <InputNumber aria-label="Năm" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
            <Segmented
              value={kind}
              onChange={(v) => setKind(v as typeof kind)}
              options={[
                { value: 'all', label: 'Tất cả' },
                { value: 'cum', label: 'Cụm' },
                { value: 'khoi', label: 'Khối' },
              ]}
            />
            {canCreate ? (
              <Button type="primary" onClick={() => setCreating(true)}>
                Lập cụm, khối
              </Button>
            ) : null}
          </Space>
        }
      />
      {q.isLoading ? (
        <LoadingBlock />
      ) : q.error ? (
        <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      ) : !q.data?.items.length ? (
        <EmptyBlock text={`Chưa có cụm, khối thi đua năm ${year}.${canCreate ? ' Bấm "Lập cụm, khối" để bắt đầu.' : ''}`} />
      ) : (
        <Table
          rowKey="id"
          dataSource={q.data.items}
          pagination={false}
          scroll={{ x: true }}
          columns={[
            { title: 'Tên', dataIndex: 'name', render: (v: string, r) => <Link to={`/cum-khoi/${r.id}`}>{v}</Link> },
            { title: 'Loại', dataIndex: 'kindLabel', responsive: ['sm'] },
            { title: 'Thành viên', dataIndex: 'memberCount', align: 'right' },
            { title: 'Trưởng cụm/khối', dataIndex: 'headName', responsive: ['md'], render: (v: string | null) => v ?? '—' },
            {
              title: 'Dẫn đầu (điểm)',
              key: 'leader',
              render: (_, r) => {
                const l = leaders.get(r.id);
                return l ? `${l.name} (${l.total})` : '—';
              },
            },
            {
              title: 'Báo cáo gửi Ban',
              key: 'headReports',
              render: (_, r) =>
                r.headReportsLate.length ? (
                  <Tag color="red" data-testid="cluster-list-head-late">
                    Muộn: {r.headReportsLate.map((p) => (p === 'h1' ? '6 tháng' : 'năm')).join(', ')}
                  </Tag>
                ) : null,
            },
          ]}
        />
      )}
      {canCreate ? <CreateClusterModal open={creating} year={year} onClose={() => setCreating(false)} /> : null}
    </>
  );
}

interface InfoValues {
  name: string;
  organiserName?: string;
  regulation?: string;
  plan?: string;
  scale: 100 | 1000;
  reportDueH1?: Dayjs | null;
  reportDueYear?: Dayjs | null;
}

/** Regulation, plan (tasks with dates, one a line), scale and report deadlines: the head edits them. */
function InfoTab({ c }: { c: Cluster }) {
  const [form] = Form.useForm<InfoValues>();
  const [open, setOpen] = useState(false);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const save = useMutation({
    mutationFn: (v: InfoValues) =>
      updateCluster(c.id, {
        name: v.name,
        organiserName: blankToNull(v.organiserName),
        regulation: blankToNull(v.regulation),
        plan: blankToNull(v.plan),
        scale: v.scale,
        reportDueH1: fromDayjs(v.reportDueH1),
        reportDueYear: fromDayjs(v.reportDueYear),
        version: c.version,
      }),
    onSuccess: async () => {
      message.success('Đã lưu quy chế, kế hoạch của cụm, khối.');
      setOpen(false);
      await qc.invalidateQueries({ queryKey: keys.clusters.all });
    },
  });
  const edit = () => {
    form.setFieldsValue({
      name: c.name,
      organiserName: c.organiserName ?? '',
      regulation: c.regulation ?? '',
      plan: c.plan ?? '',
      scale: c.scale === 1000 ? 1000 : 100,
      reportDueH1: toDayjs(c.reportDueH1) ?? null,
      reportDueYear: toDayjs(c.reportDueYear) ?? null,
    });
    save.reset();
    setOpen(true);
  };
  const lines = (s: string | null) => (s ? s.split('\n').filter((x) => x.trim()) : []);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {c.abilities.includes('edit') ? <Button onClick={edit}>Sửa quy chế, kế hoạch</Button> : null}
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label="Hội đồng tổ chức">{c.organiserName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="Thang điểm">{c.scale === 1000 ? '1.000' : c.scale} điểm</Descriptions.Item>
        <Descriptions.Item label="Hạn thành viên báo cáo Trưởng cụm">
          6 tháng: {fmtDate(c.reportDueH1) || '—'} · năm: {fmtDate(c.reportDueYear) || '—'}
        </Descriptions.Item>
        <Descriptions.Item label="Hạn Trưởng cụm báo cáo Ban Thi đua - Khen thưởng">
          6 tháng: {fmtDate(c.headReportDueH1) || '—'} · năm: {fmtDate(c.headReportDueYear) || '—'}
        </Descriptions.Item>
        <Descriptions.Item label="Quy chế">
          {c.regulation ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.regulation}</Typography.Paragraph> : 'Chưa có'}
        </Descriptions.Item>
        <Descriptions.Item label="Kế hoạch hoạt động (văn bản; nhiệm vụ có hạn ở tab “Nhiệm vụ, báo cáo”)">
          {lines(c.plan).length ? (
            <ol style={{ margin: 0, paddingLeft: 18 }}>
              {lines(c.plan).map((t, i) => (
                <li key={i}>{t}</li>
              ))}
            </ol>
          ) : (
            'Chưa có'
          )}
        </Descriptions.Item>
      </Descriptions>
      <FormModal<InfoValues>
        open={open}
        title="Quy chế, kế hoạch của cụm, khối"
        onCancel={() => setOpen(false)}
        form={form}
        onFinish={(v) => save.mutate(v)}
        pending={save.isPending}
        error={save.error ? errorText(save.error) : null}
        width={720}
      >
        <Form.Item name="name" label="Tên cụm, khối" rules={[{ required: true, message: 'Hãy nhập tên cụm, khối thi đua.' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="organiserName" label="Hội đồng tổ chức">
          <Input />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="scale" label="Thang điểm">
            <Radio.Group
              options={[
                { value: 100, label: '100 điểm' },
                { value: 1000, label: '1.000 điểm' },
              ]}
            />
          </Form.Item>
          <Form.Item name="reportDueH1" label="Hạn báo cáo 6 tháng">
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
          <Form.Item name="reportDueYear" label="Hạn báo cáo năm">
            <DatePicker format={DATE_FORMAT} />
          </Form.Item>
        </Flex>
        <Form.Item name="regulation" label="Quy chế hoạt động">
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item name="plan" label="Kế hoạch hoạt động (mỗi dòng một nhiệm vụ, kèm thời gian: “Quý I: ký giao ước thi đua”)">
          <Input.TextArea rows={6} />
        </Form.Item>
      </FormModal>
    </Space>
  );
}

interface MemberValues {
  source: 'unit' | 'outside';
  unitId?: string;
  name?: string;
  address?: string;
  contact?: string;
}

interface LeaderValues {
  headMemberId: string;
  deputyMemberId?: string | null;
  electedOn: Dayjs;
  note?: string;
}

function MembersTab({ c }: { c: Cluster }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const [electing, setElecting] = useState(false);
  const [mf] = Form.useForm<MemberValues>();
  const [lf] = Form.useForm<LeaderValues>();
  const source = Form.useWatch('source', mf) ?? 'unit';
  const manage = c.abilities.includes('manage');
  const refresh = () => qc.invalidateQueries({ queryKey: keys.clusters.all });
  const add = useMutation({
    mutationFn: (v: MemberValues) =>
      addClusterMember(
        c.id,
        v.source === 'unit' ? { unitId: v.unitId ?? null } : { name: blankToNull(v.name), address: blankToNull(v.address), contact: blankToNull(v.contact) },
      ),
    onSuccess: async (m) => {
      message.success(`Đã thêm "${m.name}".`);
      mf.resetFields(['unitId', 'name', 'address', 'contact']);
      await refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (memberId: string) => removeClusterMember(c.id, memberId),
    onSuccess: async () => {
      message.success('Đã bớt thành viên.');
      await refresh();
    },
    onError: (e) => message.error(errorText(e)),
  });
  const elect = useMutation({
    mutationFn: (v: LeaderValues) =>
      electClusterLeaders(c.id, {
        headMemberId: v.headMemberId,
        deputyMemberId: v.deputyMemberId ?? null,
        electedOn: fromDayjs(v.electedOn) ?? '',
        note: blankToNull(v.note),
      }),
    onSuccess: async () => {
      message.success('Đã ghi kết quả bầu Trưởng, Phó.');
      setElecting(false);
      await refresh();
    },
  });
  const rotation = c.members.find((m) => m.id === c.rotation.headMemberId);
  const options = c.members.map((m) => ({ value: m.id, label: m.name }));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {manage ? (
        <Space wrap>
          <Button
            type="primary"
            onClick={() => {
              add.reset();
              setAdding(true);
            }}
          >
            Thêm thành viên
          </Button>
          <Button
            disabled={!c.members.length}
            onClick={() => {
              elect.reset();
              lf.setFieldsValue({
                headMemberId: c.headMemberId ?? c.rotation.headMemberId ?? undefined,
                deputyMemberId: c.deputyMemberId ?? c.rotation.deputyMemberId ?? null,
                electedOn: todayDayjs(),
              });
              setElecting(true);
            }}
          >
            Bầu Trưởng, Phó
          </Button>
        </Space>
      ) : null}
      <Table<ClusterMember>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={c.members}
        columns={[
          { title: 'STT', width: 50, render: (_, __, i) => i + 1 },
          { title: 'Thành viên', dataIndex: 'name', render: (v: string, m) => (m.mine ? <strong>{v}</strong> : v) },
          {
            title: 'Vai trò',
            dataIndex: 'role',
            render: (r: keyof typeof ROLE_LABEL) => (r === 'member' ? ROLE_LABEL[r] : <Tag color="gold">{ROLE_LABEL[r]}</Tag>),
          },
          { title: 'Nguồn', dataIndex: 'unitId', responsive: ['md'], render: (u: string | null) => (u ? 'Đơn vị trong hệ thống' : 'Cơ quan ngoài hệ thống') },
          { title: 'Địa chỉ, liên hệ', responsive: ['lg'], render: (_, m) => [m.address, m.contact].filter(Boolean).join(' · ') || '—' },
          ...(manage
            ? [
                {
                  title: '',
                  key: 'remove',
                  render: (_: unknown, m: ClusterMember) => (
                    <Popconfirm
                      title={`Bớt "${m.name}" khỏi ${c.kindLabel.toLowerCase()}?`}
                      okText="Bớt"
                      cancelText="Không"
                      onConfirm={() => remove.mutate(m.id)}
                    >
                      <Button size="small" danger>
                        Bớt
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Card size="small" title="Luân phiên Trưởng, Phó cụm">
        <Typography.Paragraph>
          Gợi ý: {rotation ? <strong>{rotation.name}</strong> : '—'}. {c.rotation.reason}
        </Typography.Paragraph>
        {c.leaderHistory.map((h, i) => (
          <div key={i}>
            Năm {h.year} ({fmtDate(h.electedOn)}): Trưởng {h.head}
            {h.deputy ? `, Phó ${h.deputy}` : ''}
          </div>
        ))}
      </Card>
      <FormModal<MemberValues>
        open={adding}
        title="Thêm thành viên"
        okText="Thêm"
        onCancel={() => setAdding(false)}
        form={mf}
        onFinish={(v) => add.mutate(v)}
        pending={add.isPending}
        error={add.error ? errorText(add.error) : null}
        initialValues={{ source: 'unit' }}
        okTestId="cluster-member-ok"
      >
        <Form.Item name="source" label="Thành viên là">
          <Radio.Group
            options={[
              { value: 'unit', label: 'Đơn vị trong hệ thống' },
              { value: 'outside', label: 'Cơ quan, tổ chức ngoài hệ thống' },
            ]}
          />
        </Form.Item>
        {source === 'unit' ? (
          <Form.Item name="unitId" label="Đơn vị" rules={[{ required: true, message: 'Hãy chọn đơn vị.' }]}>
            <UnitTreeSelect data-testid="cluster-member-unit" />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="name" label="Tên cơ quan, tổ chức" rules={[{ required: true, message: 'Hãy nhập tên cơ quan, tổ chức.' }]}>
              <Input placeholder="Cục Thuế tỉnh" />
            </Form.Item>
            <Form.Item name="address" label="Địa chỉ">
              <Input />
            </Form.Item>
            <Form.Item name="contact" label="Liên hệ (người, điện thoại, thư điện tử)">
              <Input />
            </Form.Item>
          </>
        )}
        <Typography.Text type="secondary">Hộp thoại vẫn mở để thêm tiếp; bấm “Hủy” khi xong.</Typography.Text>
      </FormModal>
      <FormModal<LeaderValues>
        open={electing}
        title="Kết quả bầu Trưởng, Phó"
        onCancel={() => setElecting(false)}
        form={lf}
        onFinish={(v) => elect.mutate(v)}
        pending={elect.isPending}
        error={elect.error ? errorText(elect.error) : null}
        okTestId="cluster-elect-ok"
      >
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`Gợi ý luân phiên: ${rotation?.name ?? '—'}. ${c.rotation.reason}`} />
        <Form.Item name="headMemberId" label="Trưởng" rules={[{ required: true, message: 'Hãy chọn Trưởng cụm, khối.' }]}>
          <Select options={options} showSearch optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="deputyMemberId" label="Phó">
          <Select options={options} allowClear showSearch optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="electedOn" label="Ngày bầu" rules={[{ required: true, message: 'Hãy chọn ngày bầu.' }]}>
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
        <Form.Item name="note" label="Ghi chú">
          <Input />
        </Form.Item>
      </FormModal>
    </Space>
  );
}

export function ClusterPage() {
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: keys.clusters.detail(id), queryFn: () => getCluster(id) });
  if (q.isLoading) return <LoadingBlock />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const c = q.data;
  return (
    <>
      <PageHeader
        title={c.name}
        subtitle={`${c.kindLabel} năm ${c.year}${c.organiserName ? ` · ${c.organiserName}` : ''} · Trưởng: ${c.headName ?? 'chưa bầu'}`}
      />
      {c.abilities.includes('edit') && !c.headName ? null : c.abilities.includes('edit') ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="Đơn vị của bạn giữ hồ sơ chung của năm: kế hoạch, giao ước, bảng chấm điểm, hội nghị."
        />
      ) : null}
      <SectionTabs
        label="Mục của cụm, khối"
        items={[
          { key: 'members', label: `Thành viên (${c.memberCount})`, children: <MembersTab c={c} /> },
          { key: 'info', label: 'Quy chế, kế hoạch', children: <InfoTab c={c} /> },
          { key: 'plan', label: 'Nhiệm vụ, báo cáo', children: <PlanTab c={c} /> },
          { key: 'pledge', label: 'Giao ước', children: <PledgeTab c={c} /> },
          { key: 'scoring', label: 'Chấm điểm, xếp hạng', children: <ScoringTab c={c} /> },
          { key: 'meetings', label: 'Hội nghị, suy tôn', children: <MeetingsTab c={c} /> },
        ]}
      />
    </>
  );
}

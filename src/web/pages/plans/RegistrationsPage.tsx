/** Đăng ký thi đua: a clerk's one-table registration for the whole unit, the Office's roll-up and reopening, pledges. */
import { Alert, App, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tabs, Tag, Typography, Upload } from 'antd';
import { SaveOutlined, UnlockOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { Dayjs } from 'dayjs';
import {
  exportRollup,
  getRollup,
  getSheet,
  listMovements,
  listPlans,
  listPledges,
  listRegistrableHonors,
  planAbilities,
  register,
  reopenRegistration,
  saveSheet,
  uploadPledge,
  type CampaignRef,
  type Sheet,
} from '../../api/plans';
import { errorText } from '../../api/client';
import { useUser } from '../../auth/AuthContext';
import { PageHeader } from '../../components/PageHeader';
import { EmptyBlock, ErrorAlert, LoadingBlock } from '../../components/PageStates';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { fmtDate, fromDayjs } from '../../lib/format';
import { HONORS, HONOR_INFO, type Honor, type SubjectKind } from '../../../shared/codes';
import { codeOf, codesOf } from '../../lib/codes';
import { ExportButton } from '../../components/ExportButton';
import { keys } from '../../api/keys';
import { currentYearVn } from '../../lib/today';
import { CountRollupPanel, CountSheetPanel } from './RegistrationCounts';

function short(h: Honor): string {
  const abbr: Partial<Record<Honor, string>> = {
    LDTT: 'LĐTT',
    CSTDCS: 'CSTĐCS',
    CSTD_BO_TINH: 'CSTĐ tỉnh',
    TTLDTT: 'TTLĐTT',
    TTLDXS: 'TTLĐXS',
    CO_BO_TINH: 'Cờ tỉnh',
    GK: 'Giấy khen',
    BK_BO_TINH: 'Bằng khen tỉnh',
    BK_TTG: 'BK Thủ tướng',
  };
  return abbr[h] ?? HONOR_INFO[h].label;
}

/** One row per subject: the unit itself, then each staff member; a box per honor the subject kind may get. */
function UnitSheet({ campaign, unitId }: { campaign: CampaignRef; unitId: string }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const q = useQuery({ queryKey: keys.sheet.of(campaign, unitId), queryFn: () => getSheet(campaign, unitId) });
  const [collective, setCollective] = useState<Honor[]>([]);
  const [people, setPeople] = useState<Record<string, Honor[]>>({});
  useEffect(() => {
    if (!q.data) return;
    setCollective(codesOf(HONORS, q.data.collective));
    setPeople(Object.fromEntries(q.data.people.map((p) => [p.personId, codesOf(HONORS, p.honors)])));
  }, [q.data]);
  const save = useMutation({
    mutationFn: (s: Sheet) =>
      saveSheet({ ...campaign, unitId, collective, people: s.people.map((p) => ({ personId: p.personId, honors: people[p.personId] ?? [] })) }),
    onSuccess: async (r) => {
      message.success(`Đã lưu ${r.count} đăng ký của đơn vị.`);
      await qc.invalidateQueries({ queryKey: keys.sheet.all });
      await qc.invalidateQueries({ queryKey: keys.rollup.all });
    },
    onError: (e) => message.error(errorText(e)),
  });
  if (q.isPending) return <LoadingBlock />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const s = q.data;
  // The server says which honors this campaign takes (the movement's, or the year's annual honors from the rules).
  const honors = codesOf(
    HONORS,
    s.campaign.honors.map((h) => h.honor),
  );
  const offered = new Map(s.campaign.honors.map((h) => [h.honor, h]));
  type Row = { key: string; name: string; kind: SubjectKind; position: string | null };
  const rows: Row[] = [
    { key: 'unit', name: s.unit.name, kind: 'collective', position: 'Tập thể' },
    ...s.people.map((p) => ({ key: p.personId, name: p.fullName, kind: 'individual' as const, position: p.position })),
  ];
  const valueOf = (r: Row) => (r.kind === 'collective' ? collective : (people[r.key] ?? []));
  const toggle = (r: Row, h: Honor, on: boolean) => {
    const next = on ? [...valueOf(r), h] : valueOf(r).filter((x) => x !== h);
    if (r.kind === 'collective') setCollective(next);
    else setPeople({ ...people, [r.key]: next });
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {s.campaign.open ? (
        <Alert type="info" showIcon title={s.campaign.deadline ? `Hạn đăng ký: ${fmtDate(s.campaign.deadline)}` : 'Không giới hạn thời gian đăng ký'} />
      ) : (
        <Alert
          type="warning"
          showIcon
          title={`Đã hết hạn đăng ký (${fmtDate(s.campaign.deadline)})`}
          description="Bảng chỉ lưu được khi Văn phòng mở lại đăng ký cho đơn vị."
        />
      )}
      <Table<Row>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        data-testid="registration-sheet"
        columns={[
          { title: 'Tập thể / cá nhân', fixed: 'left', render: (_, r) => (r.kind === 'collective' ? <b>{r.name}</b> : r.name) },
          { title: 'Chức vụ', dataIndex: 'position', width: 160 },
          ...honors.map((h) => ({
            title: <span title={offered.get(h)?.label}>{short(h)}</span>,
            width: 95,
            align: 'center' as const,
            render: (_: unknown, r: Row) =>
              offered.get(h)?.subjectKinds.includes(r.kind) ? (
                <Checkbox checked={valueOf(r).includes(h)} onChange={(e) => toggle(r, h, e.target.checked)} data-testid={`reg-${r.kind}-${h}`} />
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          })),
        ]}
      />
      <Button type="primary" icon={<SaveOutlined />} onClick={() => save.mutate(s)} loading={save.isPending} data-testid="sheet-save">
        Lưu bảng đăng ký của đơn vị
      </Button>
    </Space>
  );
}

function ReopenModal({ campaign, unit, onClose }: { campaign: CampaignRef; unit: { id: string; name: string } | null; onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ until: Dayjs; reason: string }>();
  const m = useMutation({
    mutationFn: (v: { until: Dayjs; reason: string }) => reopenRegistration({ ...campaign, unitId: unit!.id, until: fromDayjs(v.until)!, reason: v.reason }),
    onSuccess: async () => {
      message.success('Đã mở lại đăng ký cho đơn vị (đã ghi nhật ký).');
      await qc.invalidateQueries({ queryKey: keys.rollup.all });
      onClose();
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <Modal
      open={!!unit}
      title={`Mở lại đăng ký: ${unit?.name ?? ''}`}
      okText="Mở lại"
      cancelText="Hủy"
      onCancel={onClose}
      confirmLoading={m.isPending}
      onOk={() => void form.validateFields().then((v) => m.mutate(v))}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="until" label="Cho đăng ký đến hết ngày" rules={[{ required: true, message: 'Chọn ngày' }]}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="reason" label="Lý do" rules={[{ required: true, min: 3, message: 'Ghi lý do mở lại' }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RollupView({ campaign }: { campaign: CampaignRef }) {
  const q = useQuery({ queryKey: keys.rollup.of(campaign), queryFn: () => getRollup(campaign) });
  const [reopen, setReopen] = useState<{ id: string; name: string } | null>(null);
  const [pick, setPick] = useState<string | undefined>();
  const can = planAbilities(useUser());
  if (q.isPending) return <LoadingBlock />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const r = q.data;
  const honors = codesOf(
    HONORS,
    r.honors.map((h) => h.honor),
  );
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      <Space wrap>
        <ExportButton download={() => exportRollup(campaign)} />
        {r.honors.map((h) => (
          <Tag key={h.honor} color={h.overQuota ? 'red' : 'blue'} data-testid={`rollup-total-${h.honor}`}>
            {h.label}: {h.total}
            {h.quota != null ? ` / chỉ tiêu ${h.quota}` : ''}
            {h.overQuota ? ' — vượt chỉ tiêu, Hội đồng phải chọn' : ''}
          </Tag>
        ))}
      </Space>
      <Table
        size="small"
        rowKey="unitId"
        pagination={false}
        dataSource={r.units}
        locale={{ emptyText: 'Chưa có đơn vị nào đăng ký' }}
        data-testid="rollup-table"
        scroll={{ x: 'max-content' }}
        columns={[
          { title: 'Đơn vị', dataIndex: 'unitName', fixed: 'left' },
          { title: 'Tập thể đăng ký', dataIndex: 'collective', render: (c: Honor[]) => c.map((h) => <Tag key={h}>{short(h)}</Tag>) },
          ...honors
            .filter((h) => HONOR_INFO[h].subjects.includes('individual'))
            .map((h) => ({
              title: `${short(h)} (cá nhân)`,
              width: 110,
              align: 'center' as const,
              render: (_: unknown, u: (typeof r.units)[number]) => u.individual[h] ?? '',
            })),
          { title: 'Tổng', dataIndex: 'total', width: 70 },
          can.reopen
            ? {
                title: '',
                width: 120,
                render: (_: unknown, u: (typeof r.units)[number]) => (
                  <Button size="small" icon={<UnlockOutlined />} onClick={() => setReopen({ id: u.unitId, name: u.unitName })}>
                    Mở lại
                  </Button>
                ),
              }
            : { title: '', width: 1 },
        ]}
      />
      {can.reopen ? (
        <Card size="small" title="Mở lại đăng ký cho một đơn vị chưa đăng ký">
          <Space>
            <UnitTreeSelect value={pick} onChange={setPick} style={{ width: 360 }} />
            <Button icon={<UnlockOutlined />} disabled={!pick} onClick={() => setReopen({ id: pick!, name: 'đơn vị đã chọn' })}>
              Mở lại
            </Button>
          </Space>
        </Card>
      ) : null}
      {r.reopenings.length ? (
        <Card size="small" title="Các lần mở lại đăng ký">
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={r.reopenings}
            columns={[
              { title: 'Đơn vị', dataIndex: 'unitName' },
              { title: 'Đến ngày', dataIndex: 'until', render: fmtDate, width: 110 },
              { title: 'Lý do', dataIndex: 'reason' },
            ]}
          />
        </Card>
      ) : null}
      <ReopenModal campaign={campaign} unit={reopen} onClose={() => setReopen(null)} />
    </Space>
  );
}

function Pledges() {
  const user = useUser();
  const can = planAbilities(user);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const year = currentYearVn();
  const q = useQuery({ queryKey: keys.pledges, queryFn: () => listPledges() });
  const [file, setFile] = useState<File | null>(null);
  const [form] = Form.useForm<{ unitId: string; title: string; year: number; signedDate: Dayjs; parties?: string }>();
  const up = useMutation({
    mutationFn: (v: { unitId: string; title: string; year: number; signedDate: Dayjs; parties?: string }) => {
      const fd = new FormData();
      fd.append('unitId', v.unitId);
      fd.append('title', v.title);
      fd.append('year', String(v.year));
      fd.append('signedDate', fromDayjs(v.signedDate)!);
      fd.append('parties', v.parties ?? '');
      fd.append('file', file!);
      return uploadPledge(fd);
    },
    onSuccess: async () => {
      message.success('Đã ghi nhận giao ước thi đua.');
      form.resetFields();
      setFile(null);
      await qc.invalidateQueries({ queryKey: keys.pledges });
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      <Table
        size="small"
        rowKey="id"
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: 'Chưa có giao ước' }}
        columns={[
          { title: 'Giao ước', dataIndex: 'title' },
          { title: 'Các bên', dataIndex: 'parties', render: (p: string[]) => p.join('; ') },
          { title: 'Ngày ký', dataIndex: 'signedDate', render: fmtDate, width: 110 },
          { title: 'Văn bản', width: 200, render: (_, p) => (p.documentUrl ? <a href={p.documentUrl}>{p.documentName}</a> : '—') },
        ]}
      />
      {can.pledge ? (
        <Card size="small" title="Ghi nhận giao ước thi đua (kèm văn bản đã ký: PDF, DOCX, JPEG, PNG; tối đa 10 MB)">
          <Form
            form={form}
            layout="inline"
            initialValues={{ unitId: user.unitId, year }}
            onFinish={(v) => (file ? up.mutate(v) : message.warning('Hãy chọn tệp văn bản đã ký.'))}
          >
            <Form.Item name="unitId" rules={[{ required: true }]}>
              <UnitTreeSelect style={{ width: 260 }} />
            </Form.Item>
            <Form.Item name="title" rules={[{ required: true, message: 'Nhập tên giao ước' }]}>
              <Input placeholder="Giao ước thi đua Cụm thi đua…" style={{ width: 260 }} />
            </Form.Item>
            <Form.Item name="year">
              <InputNumber min={2000} max={2100} />
            </Form.Item>
            <Form.Item name="signedDate" rules={[{ required: true, message: 'Ngày ký' }]}>
              <DatePicker format="DD/MM/YYYY" placeholder="Ngày ký" />
            </Form.Item>
            <Form.Item name="parties">
              <Input placeholder="Các bên (cách nhau bởi ;)" style={{ width: 240 }} />
            </Form.Item>
            <Upload
              beforeUpload={(f) => {
                setFile(f);
                return false;
              }}
              maxCount={1}
              onRemove={() => setFile(null)}
              accept=".pdf,.docx,.jpg,.jpeg,.png"
            >
              <Button icon={<UploadOutlined />}>Chọn tệp</Button>
            </Upload>
            <Button type="primary" htmlType="submit" loading={up.isPending} style={{ marginLeft: 8 }}>
              Lưu
            </Button>
          </Form>
        </Card>
      ) : null}
    </Space>
  );
}

function MyRegistration({ campaign }: { campaign: CampaignRef }) {
  const user = useUser();
  const { message } = App.useApp();
  const honors = useQuery({ queryKey: keys.registrableHonors(campaign, 'individual'), queryFn: () => listRegistrableHonors(campaign, 'individual') });
  const [picked, setHonor] = useState<Honor | undefined>();
  const honor = picked ?? codeOf(HONORS, honors.data?.items[0]?.honor);
  const m = useMutation({
    mutationFn: async () => {
      if (!honor) throw new Error('Hãy chọn danh hiệu đăng ký.');
      return register({ ...campaign, subjectKind: 'individual', personId: user.personId ?? undefined, honor });
    },
    onSuccess: () => message.success('Đã đăng ký.'),
    onError: (e) => message.error(errorText(e)),
  });
  if (!user.personId) return <EmptyBlock text="Tài khoản không gắn với hồ sơ cán bộ." />;
  return (
    <Space>
      <Select
        value={honor}
        onChange={(v: string) => setHonor(codeOf(HONORS, v))}
        style={{ width: 300 }}
        loading={honors.isPending}
        options={(honors.data?.items ?? []).map((h) => ({ value: h.honor, label: h.label }))}
      />
      <Button type="primary" onClick={() => m.mutate()} loading={m.isPending} disabled={!honor}>
        Đăng ký danh hiệu
      </Button>
    </Space>
  );
}

export default function RegistrationsPage() {
  const user = useUser();
  const can = planAbilities(user);
  const [params, setParams] = useSearchParams();
  const plans = useQuery({ queryKey: keys.plans.list({ status: 'published' }), queryFn: () => listPlans() });
  const movements = useQuery({ queryKey: keys.movements.list({ status: 'launched' }), queryFn: () => listMovements({ status: 'launched' }) });
  const [unitId, setUnitId] = useState<string>(user.unitId);
  const options = useMemo(
    () => [
      ...(plans.data?.items ?? [])
        .filter((p) => p.status === 'published')
        .map((p) => ({ value: `planId:${p.id}`, label: `Năm ${p.year} — ${p.title} (${p.unitName})` })),
      ...(movements.data?.items ?? []).map((m) => ({ value: `movementId:${m.id}`, label: `Phong trào — ${m.title}` })),
    ],
    [plans.data, movements.data],
  );
  const planId = params.get('planId');
  const movementId = params.get('movementId');
  const selected = planId ? `planId:${planId}` : movementId ? `movementId:${movementId}` : options[0]?.value;
  const campaign: CampaignRef | null = selected ? (selected.startsWith('planId:') ? { planId: selected.slice(7) } : { movementId: selected.slice(11) }) : null;
  return (
    <>
      <PageHeader
        title="Đăng ký thi đua"
        subtitle="Đơn vị, cá nhân đăng ký danh hiệu thi đua, hình thức khen thưởng trước hạn của kế hoạch năm hoặc phong trào"
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          style={{ width: 'min(620px, calc(100vw - 32px))' }}
          value={selected}
          onChange={(v: string) => setParams({ [v.split(':')[0]!]: v.split(':')[1]! })}
          options={options}
          placeholder="Chọn kế hoạch năm hoặc phong trào"
          loading={plans.isPending || movements.isPending}
          data-testid="campaign-select"
        />
        {can.registerUnit ? <UnitTreeSelect value={unitId} onChange={(v) => v && setUnitId(v)} style={{ width: 'min(320px, calc(100vw - 32px))' }} /> : null}
      </Space>
      {!campaign ? (
        <EmptyBlock text="Chưa có kế hoạch đã ban hành hoặc phong trào đang phát động." />
      ) : (
        <Tabs
          items={[
            can.registerUnit
              ? { key: 'sheet', label: 'Bảng đăng ký của đơn vị', children: <UnitSheet campaign={campaign} unitId={unitId} key={`${selected}-${unitId}`} /> }
              : null,
            can.registerUnit
              ? { key: 'counts', label: 'Đăng ký số lượng', children: <CountSheetPanel campaign={campaign} unitId={unitId} key={`${selected}-${unitId}`} /> }
              : null,
            !can.registerUnit && can.register ? { key: 'mine', label: 'Đăng ký của tôi', children: <MyRegistration campaign={campaign} /> } : null,
            can.rollup ? { key: 'rollup', label: 'Tổng hợp theo đơn vị, danh hiệu', children: <RollupView campaign={campaign} key={selected} /> } : null,
            can.rollup ? { key: 'count-rollup', label: 'Tổng hợp đăng ký số lượng', children: <CountRollupPanel campaign={campaign} key={selected} /> } : null,
            can.readPledges ? { key: 'pledges', label: 'Giao ước thi đua', children: <Pledges /> } : null,
          ].filter((x) => x !== null)}
        />
      )}
    </>
  );
}

/** Inspections of units' TĐKT work: the plans and the inspections (one per unit), a new plan. */
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Space, Table, Tabs, Tag } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';
import {
  createInspectionPlan,
  listInspectionPlans,
  listInspections,
  updateInspectionPlan,
  type InspectionPlan,
  type InspectionPlanSummary,
  type InspectionSummary,
} from '../../api/inspections';
import { errorText } from '../../api/client';
import { keys } from '../../api/keys';
import { useUser } from '../../auth/AuthContext';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/PageStates';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { fmtDate, fromDayjs } from '../../lib/format';
import { currentYearVn } from '../../lib/today';

const STATUS_COLORS: Record<string, string> = { planned: 'blue', concluded: 'orange', closed: 'green', draft: 'default', approved: 'green' };
export const statusTag = (s: string, label: string) => <Tag color={STATUS_COLORS[s] ?? 'default'}>{label}</Tag>;

interface PlanForm {
  year: number;
  number?: string;
  title: string;
  content: string;
  period: [Dayjs, Dayjs];
  team: { name: string; role: string }[];
  units: { unitId: string; dates: [Dayjs, Dayjs] }[];
  signerTitle?: string;
  signerName?: string;
}

/** Drafts a new plan, or edits a draft (`plan` given: its values are loaded and saved with its version). */
export function NewPlanModal({ open, onClose, plan }: { open: boolean; onClose: () => void; plan?: InspectionPlan }) {
  const user = useUser();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanForm>();
  const create = useMutation({
    mutationFn: (v: PlanForm) => {
      const body = {
        unitId: plan?.unitId ?? user.unitId,
        year: v.year,
        number: v.number ?? null,
        title: v.title,
        content: v.content
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
        periodFrom: fromDayjs(v.period[0]) ?? '',
        periodTo: fromDayjs(v.period[1]) ?? '',
        team: v.team ?? [],
        units: (v.units ?? []).map((u) => ({ unitId: u.unitId, scheduledFrom: fromDayjs(u.dates[0]) ?? '', scheduledTo: fromDayjs(u.dates[1]) ?? '' })),
        signerTitle: v.signerTitle ?? null,
        signerName: v.signerName ?? null,
      };
      return plan ? updateInspectionPlan(plan.id, { ...body, version: plan.version }) : createInspectionPlan(body);
    },
    onSuccess: async (p) => {
      message.success(plan ? 'Đã lưu dự thảo kế hoạch kiểm tra.' : 'Đã soạn kế hoạch kiểm tra.');
      await qc.invalidateQueries({ queryKey: keys.inspections.all });
      onClose();
      void navigate(`/kiem-tra/ke-hoach/${p.id}`);
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <Modal
      open={open}
      title={plan ? 'Sửa dự thảo kế hoạch kiểm tra' : 'Soạn kế hoạch kiểm tra công tác thi đua, khen thưởng'}
      okText="Lưu dự thảo"
      cancelText="Hủy"
      onCancel={onClose}
      width={760}
      confirmLoading={create.isPending}
      onOk={() => void form.validateFields().then((v) => create.mutate(v))}
      okButtonProps={{ id: 'inspection-plan-save' }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          plan
            ? {
                year: plan.year,
                number: plan.number ?? undefined,
                title: plan.title,
                content: plan.content.join('\n'),
                period: [dayjs(plan.periodFrom), dayjs(plan.periodTo)],
                team: plan.team,
                units: plan.inspections.map((i) => ({ unitId: i.unitId, dates: [dayjs(i.scheduledFrom), dayjs(i.scheduledTo)] })),
                signerTitle: plan.signerTitle ?? undefined,
                signerName: plan.signerName ?? undefined,
              }
            : { year: currentYearVn(), team: [{ name: '', role: 'Trưởng đoàn' }], units: [{}] }
        }
      >
        <Space wrap>
          <Form.Item name="year" label="Năm" rules={[{ required: true, message: 'Nhập năm' }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="number" label="Số kế hoạch">
            <Input placeholder="12/KH-SKHCN" />
          </Form.Item>
          <Form.Item name="period" label="Thời gian kiểm tra" rules={[{ required: true, message: 'Chọn thời gian' }]}>
            <DatePicker.RangePicker format="DD/MM/YYYY" data-testid="plan-period" />
          </Form.Item>
        </Space>
        <Form.Item name="title" label="Tên kế hoạch" rules={[{ required: true, message: 'Nhập tên kế hoạch' }]}>
          <Input data-testid="plan-title" />
        </Form.Item>
        <Form.Item name="content" label="Nội dung kiểm tra (mỗi dòng một nội dung)" rules={[{ required: true, message: 'Nhập nội dung kiểm tra' }]}>
          <Input.TextArea rows={3} data-testid="plan-content" />
        </Form.Item>
        <Form.List name="team">
          {(fields, { add, remove }) => (
            <>
              <div style={{ marginBottom: 8 }}>Thành phần đoàn kiểm tra</div>
              {fields.map((f) => (
                <Space key={f.key} wrap align="baseline">
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: 'Họ tên' }]}>
                    <Input placeholder="Họ và tên" data-testid={`team-name-${f.name}`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'role']} rules={[{ required: true, message: 'Nhiệm vụ' }]}>
                    <Input placeholder="Nhiệm vụ trong đoàn" />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ role: 'Thành viên' })} icon={<PlusOutlined />} style={{ marginBottom: 16 }}>
                Thêm thành viên
              </Button>
            </>
          )}
        </Form.List>
        <Form.List name="units">
          {(fields, { add, remove }) => (
            <>
              <div style={{ marginBottom: 8 }}>Đơn vị được kiểm tra và lịch</div>
              {fields.map((f) => (
                <Space key={f.key} wrap align="baseline">
                  <Form.Item name={[f.name, 'unitId']} rules={[{ required: true, message: 'Chọn đơn vị' }]}>
                    <UnitTreeSelect style={{ width: 280 }} data-testid={`unit-${f.name}`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'dates']} rules={[{ required: true, message: 'Chọn ngày' }]}>
                    <DatePicker.RangePicker format="DD/MM/YYYY" data-testid={`unit-dates-${f.name}`} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />} style={{ marginBottom: 16 }}>
                Thêm đơn vị
              </Button>
            </>
          )}
        </Form.List>
        <Space wrap>
          <Form.Item name="signerTitle" label="Chức vụ người ký">
            <Input placeholder="Giám đốc" />
          </Form.Item>
          <Form.Item name="signerName" label="Người ký">
            <Input />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

export default function InspectionsPage() {
  const user = useUser();
  const mayCreate = user.abilities.inspection.includes('create');
  const [open, setOpen] = useState(false);
  const ins = useQuery({ queryKey: keys.inspections.list({}), queryFn: () => listInspections({ pageSize: 200 }) });
  const plans = useQuery({ queryKey: keys.inspections.plans, queryFn: () => listInspectionPlans({ pageSize: 200 }) });
  return (
    <>
      <PageHeader
        title="Kiểm tra công tác thi đua, khen thưởng"
        subtitle="Kế hoạch kiểm tra, kết luận, kiến nghị và theo dõi khắc phục"
        extra={
          mayCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="inspection-plan-new">
              Soạn kế hoạch kiểm tra
            </Button>
          ) : null
        }
      />
      {ins.isError ? <ErrorAlert error={ins.error} onRetry={() => void ins.refetch()} /> : null}
      <Tabs
        items={[
          {
            key: 'inspections',
            label: 'Cuộc kiểm tra',
            children: (
              <Table<InspectionSummary>
                rowKey="id"
                loading={ins.isPending}
                dataSource={ins.data?.items ?? []}
                scroll={{ x: 'max-content' }}
                data-testid="inspections-table"
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                columns={[
                  { title: 'Năm', dataIndex: 'year', width: 70 },
                  { title: 'Đơn vị được kiểm tra', render: (_, r) => <Link to={`/kiem-tra/${r.id}`}>{r.unitName}</Link> },
                  { title: 'Lịch', render: (_, r) => `${fmtDate(r.scheduledFrom)} – ${fmtDate(r.scheduledTo)}` },
                  { title: 'Kiến nghị (chưa xong)', render: (_, r) => `${r.findingCount} (${r.openFindingCount})` },
                  { title: 'Tình trạng', render: (_, r) => statusTag(r.status, r.statusLabel) },
                ]}
              />
            ),
          },
          {
            key: 'plans',
            label: 'Kế hoạch kiểm tra',
            children: (
              <Table<InspectionPlanSummary>
                rowKey="id"
                loading={plans.isPending}
                dataSource={plans.data?.items ?? []}
                scroll={{ x: 'max-content' }}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                columns={[
                  { title: 'Năm', dataIndex: 'year', width: 70 },
                  { title: 'Kế hoạch', render: (_, p) => <Link to={`/kiem-tra/ke-hoach/${p.id}`}>{p.title}</Link> },
                  { title: 'Thời gian', render: (_, p) => `${fmtDate(p.periodFrom)} – ${fmtDate(p.periodTo)}` },
                  { title: 'Số đơn vị', dataIndex: 'unitCount' },
                  { title: 'Tình trạng', render: (_, p) => statusTag(p.status, p.statusLabel) },
                ]}
              />
            ),
          },
        ]}
      />
      <NewPlanModal open={open} onClose={() => setOpen(false)} />
    </>
  );
}

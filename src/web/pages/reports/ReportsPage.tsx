/**
 * Periodic reports: the requests the unit opened (with how many units sent, late and missing ones
 * marked) and a form to open one; the unit's own reports to send and those sent to it.
 */
import { Button, DatePicker, Form, Input, InputNumber, Select, Table, Tabs, Tag, TreeSelect } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { Dayjs } from 'dayjs';
import { createReportRequest, listReportRequests, listReports, reportAbilities, type ReportRequest, type ReportSummary } from '../../api/reports';
import { errorText } from '../../api/client';
import { useUser } from '../../auth/AuthContext';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/PageStates';
import { FormModal } from '../../components/FormModal';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useUnits } from '../../lib/hooks';
import { findNode, toTreeSelectData } from '../../lib/units';
import { fmtDate, fromDayjs, toDayjs } from '../../lib/format';
import { currentYearVn } from '../../lib/today';

const COLOR: Record<string, string> = { draft: 'default', submitted: 'processing', received: 'success', returned: 'warning' };
const KINDS = [
  { value: 'six_month', label: 'Báo cáo sơ kết 6 tháng' },
  { value: 'annual', label: 'Báo cáo tổng kết năm' },
  { value: 'movement', label: 'Báo cáo sơ kết, tổng kết phong trào' },
  { value: 'ad_hoc', label: 'Báo cáo đột xuất' },
] as const;
type Kind = (typeof KINDS)[number]['value'];

interface RequestForm {
  unitId: string;
  kind: Kind;
  title: string;
  year: number;
  period: [Dayjs, Dayjs];
  dueDate: Dayjs;
  unitIds: string[];
  note?: string;
}

/** The Office's form: kind, period, due date and the units asked (units below the requesting one). */
function NewRequest({ open, onClose }: { open: boolean; onClose: () => void }) {
  const user = useUser();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<RequestForm>();
  const units = useUnits();
  const requester = Form.useWatch('unitId', form) ?? user.unitId;
  const below = useMemo(() => {
    const node = findNode(units.data?.tree ?? [], requester);
    return node ? toTreeSelectData(node.children, { disableInactive: true }) : [];
  }, [units.data, requester]);
  const year = currentYearVn();
  const create = useMutation({
    mutationFn: (v: RequestForm) =>
      createReportRequest({
        unitId: v.unitId,
        kind: v.kind,
        title: v.title,
        year: v.year,
        periodFrom: fromDayjs(v.period[0])!,
        periodTo: fromDayjs(v.period[1])!,
        dueDate: fromDayjs(v.dueDate)!,
        unitIds: v.unitIds,
        note: v.note ?? null,
      }),
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: ['reports'] });
      onClose();
      void navigate(`/bao-cao/yeu-cau/${r.id}`);
    },
  });
  const onKind = (kind: Kind) => {
    const y = form.getFieldValue('year') as number;
    if (kind === 'six_month')
      form.setFieldsValue({
        title: `Báo cáo sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm ${y}`,
        period: [toDayjs(`${y}-01-01`)!, toDayjs(`${y}-06-30`)!],
        dueDate: toDayjs(`${y}-06-25`),
      });
    if (kind === 'annual')
      form.setFieldsValue({
        title: `Báo cáo tổng kết công tác thi đua, khen thưởng năm ${y}`,
        period: [toDayjs(`${y}-01-01`)!, toDayjs(`${y}-12-31`)!],
        dueDate: toDayjs(`${y}-12-25`),
      });
  };
  return (
    <FormModal<RequestForm>
      open={open}
      title="Yêu cầu các đơn vị báo cáo"
      okText="Gửi yêu cầu"
      okTestId="request-save"
      onCancel={onClose}
      form={form}
      onFinish={(v) => create.mutate(v)}
      pending={create.isPending}
      error={create.error ? errorText(create.error) : null}
      initialValues={{ unitId: user.unitId, year, kind: 'six_month', unitIds: [] }}
      destroyOnHidden
      width={640}
    >
      <Form.Item name="unitId" label="Đơn vị yêu cầu" rules={[{ required: true, message: 'Chọn đơn vị yêu cầu.' }]}>
        <UnitTreeSelect />
      </Form.Item>
      <Form.Item name="kind" label="Loại báo cáo" rules={[{ required: true, message: 'Chọn loại báo cáo.' }]}>
        <Select options={[...KINDS]} onChange={onKind} data-testid="request-kind" />
      </Form.Item>
      <Form.Item name="year" label="Năm" rules={[{ required: true, message: 'Nhập năm.' }]}>
        <InputNumber min={2000} max={2100} />
      </Form.Item>
      <Form.Item name="title" label="Tên báo cáo" rules={[{ required: true, min: 3, message: 'Nhập tên báo cáo (ít nhất 3 ký tự).' }]}>
        <Input data-testid="request-title" />
      </Form.Item>
      <Form.Item name="period" label="Kỳ báo cáo (từ ngày – đến ngày)" rules={[{ required: true, message: 'Chọn kỳ báo cáo.' }]}>
        <DatePicker.RangePicker format="DD/MM/YYYY" style={{ width: '100%' }} data-testid="request-period" />
      </Form.Item>
      <Form.Item name="dueDate" label="Hạn gửi báo cáo" rules={[{ required: true, message: 'Chọn hạn gửi.' }]}>
        <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} data-testid="request-due" />
      </Form.Item>
      <Form.Item name="unitIds" label="Các đơn vị phải báo cáo" rules={[{ required: true, message: 'Chọn ít nhất một đơn vị phải báo cáo.' }]}>
        <TreeSelect
          treeData={below}
          multiple
          treeCheckable
          showCheckedStrategy={TreeSelect.SHOW_ALL}
          treeCheckStrictly={false}
          placeholder="Chọn đơn vị"
          treeDefaultExpandAll
          data-testid="request-units"
        />
      </Form.Item>
      <Form.Item name="note" label="Ghi chú">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

function Requests() {
  const q = useQuery({ queryKey: ['reports', 'requests'], queryFn: () => listReportRequests({ pageSize: 200 }) });
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Table<ReportRequest>
      rowKey="id"
      loading={q.isLoading}
      dataSource={q.data?.items ?? []}
      scroll={{ x: true }}
      pagination={false}
      locale={{ emptyText: 'Chưa có yêu cầu báo cáo.' }}
      columns={[
        { title: 'Yêu cầu', render: (_, r) => <Link to={`/bao-cao/yeu-cau/${r.id}`}>{r.title}</Link> },
        { title: 'Loại', dataIndex: 'kindLabel' },
        { title: 'Đơn vị yêu cầu', dataIndex: 'unitName' },
        { title: 'Hạn gửi', render: (_, r) => fmtDate(r.dueDate) },
        {
          title: 'Tình hình gửi',
          render: (_, r) => (
            <>
              <Tag color={r.submitted === r.asked ? 'success' : 'processing'}>
                Đã gửi {r.submitted}/{r.asked}; tiếp nhận {r.received}
              </Tag>
              {r.overdue ? <Tag color="error">Có đơn vị chưa gửi, đã quá hạn</Tag> : null}
            </>
          ),
        },
      ]}
    />
  );
}

function Reports() {
  const q = useQuery({ queryKey: ['reports', 'list'], queryFn: () => listReports({ pageSize: 200 }) });
  if (q.error) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Table<ReportSummary>
      rowKey="id"
      loading={q.isLoading}
      dataSource={q.data?.items ?? []}
      scroll={{ x: true }}
      pagination={false}
      locale={{ emptyText: 'Chưa có báo cáo nào phải gửi hoặc được gửi tới.' }}
      columns={[
        { title: 'Báo cáo', render: (_, r) => <Link to={`/bao-cao/${r.id}`}>{r.requestTitle}</Link> },
        { title: 'Đơn vị báo cáo', dataIndex: 'unitName' },
        { title: 'Gửi tới', render: (_, r) => r.requestUnitName ?? '—' },
        { title: 'Hạn gửi', render: (_, r) => fmtDate(r.dueDate) },
        {
          title: 'Trạng thái',
          render: (_, r) => (
            <>
              <Tag color={COLOR[r.status]}>{r.statusLabel}</Tag>
              {r.overdue ? <Tag color="error">Quá hạn</Tag> : null}
              {r.late ? <Tag color="orange">Gửi muộn</Tag> : null}
            </>
          ),
        },
      ]}
    />
  );
}

export default function ReportsPage() {
  const user = useUser();
  const can = reportAbilities(user);
  const [open, setOpen] = useState(false);
  return (
    <>
      <PageHeader
        title="Báo cáo định kỳ"
        subtitle="Yêu cầu báo cáo, báo cáo đơn vị phải gửi và báo cáo gửi tới đơn vị"
        extra={
          can.request ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="new-request">
              Yêu cầu báo cáo
            </Button>
          ) : null
        }
      />
      <Tabs
        items={[
          { key: 'reports', label: 'Báo cáo của đơn vị', children: <Reports /> },
          { key: 'requests', label: 'Yêu cầu báo cáo', children: <Requests /> },
        ]}
      />
      <NewRequest open={open} onClose={() => setOpen(false)} />
    </>
  );
}

/** Annual plans (kế hoạch công tác thi đua, khen thưởng): list, new, copy from last year's or the superior's. */
import { App, Button, Form, InputNumber, Modal, Select, Space, Table, Typography } from 'antd';
import { CopyOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { copyPlan, exportPlans, listPlans, planAbilities, type PlanSummary } from '../../api/plans';
import { errorText } from '../../api/client';
import { useUser } from '../../auth/AuthContext';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/PageStates';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { fmtDate } from '../../lib/format';
import { statusTag } from './views';
import { ExportButton } from '../../components/ExportButton';
import { keys } from '../../api/keys';
import { currentYearVn } from '../../lib/today';

export function CopyPlanModal({ source, onClose }: { source: PlanSummary | null; onClose: () => void }) {
  const user = useUser();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ unitId: string; year: number }>();
  const copy = useMutation({
    mutationFn: (v: { unitId: string; year: number }) => copyPlan(source!.id, v),
    onSuccess: async (p) => {
      message.success('Đã tạo dự thảo kế hoạch mới.');
      await qc.invalidateQueries({ queryKey: keys.plans.all });
      onClose();
      void navigate(`/ke-hoach/${p.id}?sua=1`);
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <Modal
      open={!!source}
      title="Tạo kế hoạch mới từ kế hoạch này"
      okText="Tạo dự thảo"
      cancelText="Hủy"
      onCancel={onClose}
      confirmLoading={copy.isPending}
      onOk={() => void form.validateFields().then((v) => copy.mutate(v))}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        Nội dung, lịch nhiệm vụ và thời hạn được chép sang năm mới (ngày tháng dời theo năm, tiến độ đặt lại). Chép kế hoạch của cấp trên thì kế hoạch mới ghi
        kế hoạch đó vào phần căn cứ.
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ unitId: user.unitId, year: (source?.year ?? currentYearVn()) + (source?.unitId === user.unitId ? 1 : 0) }}
      >
        <Form.Item name="unitId" label="Đơn vị ban hành" rules={[{ required: true, message: 'Chọn đơn vị' }]}>
          <UnitTreeSelect />
        </Form.Item>
        <Form.Item name="year" label="Năm" rules={[{ required: true, message: 'Nhập năm' }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function PlansPage() {
  const user = useUser();
  const can = planAbilities(user);
  const [year, setYear] = useState<number | undefined>(undefined);
  const [copySource, setCopySource] = useState<PlanSummary | null>(null);
  const q = useQuery({ queryKey: keys.plans.list({ year }), queryFn: () => listPlans({ year }) });
  const years = Array.from({ length: 8 }, (_, i) => currentYearVn() + 1 - i);
  return (
    <>
      <PageHeader
        title="Kế hoạch thi đua, khen thưởng"
        subtitle="Kế hoạch công tác thi đua, khen thưởng năm của đơn vị và kế hoạch cấp trên đã ban hành"
        extra={
          <Space>
            <Select
              allowClear
              placeholder="Tất cả các năm"
              style={{ width: 150 }}
              value={year}
              onChange={setYear}
              options={years.map((y) => ({ value: y, label: `Năm ${y}` }))}
            />
            <ExportButton download={() => exportPlans({ year })} />
            {can.createPlan ? (
              <Link to="/ke-hoach/moi">
                <Button type="primary" icon={<PlusOutlined />} data-testid="plan-new">
                  Soạn kế hoạch
                </Button>
              </Link>
            ) : null}
          </Space>
        }
      />
      {q.isError ? <ErrorAlert error={q.error} onRetry={() => void q.refetch()} /> : null}
      <Table<PlanSummary>
        loading={q.isPending}
        rowKey="id"
        dataSource={q.data?.items ?? []}
        data-testid="plans-table"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: 'Năm', dataIndex: 'year', width: 70 },
          { title: 'Kế hoạch', render: (_, p) => <Link to={`/ke-hoach/${p.id}`}>{p.title}</Link> },
          { title: 'Số', dataIndex: 'number', width: 120, render: (v: string | null) => v ?? '—' },
          { title: 'Đơn vị ban hành', dataIndex: 'unitName', width: 260 },
          { title: 'Nhiệm vụ', dataIndex: 'taskCount', width: 90 },
          { title: 'Hạn đăng ký', dataIndex: 'registrationDeadline', width: 120, render: fmtDate },
          { title: 'Tình trạng', width: 120, render: (_, p) => statusTag(p.status, p.statusLabel) },
          {
            title: '',
            width: 150,
            render: (_, p) =>
              can.createPlan ? (
                <Button size="small" icon={<CopyOutlined />} onClick={() => setCopySource(p)}>
                  Tạo từ KH này
                </Button>
              ) : null,
          },
        ]}
      />
      <CopyPlanModal source={copySource} onClose={() => setCopySource(null)} />
    </>
  );
}

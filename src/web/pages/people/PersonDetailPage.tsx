import { Alert, App, Button, DatePicker, Form, Input, Modal } from 'antd';
import { ArrowLeftOutlined, EditOutlined, PauseCircleOutlined, PlayCircleOutlined, SwapOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { deactivatePerson, getPerson, reactivatePerson, transferPerson } from '../../api/people';
import { errorText } from '../../api/client';
import type { PersonDetail } from '../../api/people';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert, LoadingBlock } from '../../components/PageStates';
import { PersonDescriptions, TransferHistory } from '../../components/PersonProfile';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { DATE_FORMAT, blankToNull } from '../../lib/format';
import { testIdButton } from '../../lib/testid';
import { PersonFormDrawer, type PersonFormTarget } from './PersonFormDrawer';
import { keys } from '../../api/keys';
import { todayDayjs } from '../../lib/today';

interface TransferValues {
  toUnitId: string;
  effectiveDate: Dayjs;
  reason?: string;
}

function TransferModal({ person, open, onClose }: { person: PersonDetail; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<TransferValues>();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setError(null);
      form.resetFields();
      form.setFieldsValue({ effectiveDate: todayDayjs() });
    }
  }, [open, form]);
  const mutation = useMutation({
    mutationFn: (v: TransferValues) =>
      transferPerson(person.id, { toUnitId: v.toUnitId, effectiveDate: v.effectiveDate.format('YYYY-MM-DD'), reason: blankToNull(v.reason) }),
    onSuccess: async () => {
      message.success(`Đã điều chuyển ${person.fullName}.`);
      await qc.invalidateQueries({ queryKey: keys.people.all });
      await qc.invalidateQueries({ queryKey: keys.units.all });
      onClose();
    },
    onError: (err) => setError(errorText(err)),
  });
  return (
    <Modal
      open={open}
      title={`Điều chuyển: ${person.fullName}`}
      okText="Điều chuyển"
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      okButtonProps={testIdButton('transfer-submit')}
      forceRender
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form<TransferValues> form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)}>
        <Form.Item label="Đơn vị hiện tại">{person.unitName}</Form.Item>
        <Form.Item
          label="Chuyển đến đơn vị"
          name="toUnitId"
          rules={[
            { required: true, message: 'Hãy chọn đơn vị mới.' },
            {
              validator: (_, v: string | undefined) =>
                v && v === person.unitId ? Promise.reject(new Error('Đơn vị mới trùng đơn vị hiện tại.')) : Promise.resolve(),
            },
          ]}
        >
          <UnitTreeSelect data-testid="transfer-unit" />
        </Form.Item>
        <Form.Item label="Ngày hiệu lực" name="effectiveDate" rules={[{ required: true, message: 'Hãy chọn ngày hiệu lực.' }]}>
          <DatePicker format={DATE_FORMAT} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label="Lý do, căn cứ (quyết định số…)" name="reason" rules={[{ max: 500, message: 'Lý do quá dài.' }]}>
          <Input.TextArea rows={3} placeholder="Ví dụ: Theo Quyết định số 12/QĐ-SKHCN ngày 05/02/2025" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function PersonDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { modal, message } = App.useApp();
  const person = useQuery({ queryKey: keys.people.detail(id), queryFn: () => getPerson(id) });
  const [editing, setEditing] = useState<PersonFormTarget | null>(null);
  const [transferring, setTransferring] = useState(false);

  const toggle = useMutation({
    mutationFn: (p: PersonDetail) => (p.active ? deactivatePerson(p.id) : reactivatePerson(p.id)),
    onSuccess: async (p) => {
      message.success(p.active ? `Đã theo dõi lại ${p.fullName}.` : `Đã ngừng theo dõi ${p.fullName}.`);
      await qc.invalidateQueries({ queryKey: keys.people.all });
      await qc.invalidateQueries({ queryKey: keys.units.all });
    },
    onError: (err) => message.error(errorText(err)),
  });

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
      Quay lại
    </Button>
  );
  if (person.isPending) return <LoadingBlock rows={10} />;
  if (person.isError) {
    return (
      <>
        <PageHeader title="Hồ sơ cán bộ" extra={back} />
        <ErrorAlert error={person.error} onRetry={() => void person.refetch()} />
      </>
    );
  }
  const p = person.data;
  const can = (a: string) => (p.abilities as string[]).includes(a);
  return (
    <>
      <PageHeader
        title={p.fullName}
        subtitle={[p.position, p.unitName].filter(Boolean).join(' · ')}
        extra={
          <>
            {back}
            {can('update') ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing({ mode: 'edit', person: p })} data-testid="person-edit">
                Sửa
              </Button>
            ) : null}
            {can('transfer') ? (
              <Button icon={<SwapOutlined />} onClick={() => setTransferring(true)} data-testid="person-transfer">
                Điều chuyển
              </Button>
            ) : null}
            {can('deactivate') ? (
              <Button
                icon={p.active ? <PauseCircleOutlined /> : <PlayCircleOutlined />}
                data-testid="person-toggle-active"
                onClick={() =>
                  modal.confirm({
                    title: p.active ? `Ngừng theo dõi ${p.fullName}?` : `Theo dõi lại ${p.fullName}?`,
                    content: p.active
                      ? 'Dùng khi cán bộ nghỉ hưu, thôi việc hoặc chuyển công tác ra ngoài cơ quan. Hồ sơ và lịch sử vẫn được lưu.'
                      : 'Cán bộ sẽ xuất hiện lại trong danh sách đang theo dõi.',
                    okText: p.active ? 'Ngừng theo dõi' : 'Theo dõi lại',
                    cancelText: 'Hủy',
                    okButtonProps: { danger: p.active },
                    onOk: () => toggle.mutateAsync(p).catch(() => undefined),
                  })
                }
              >
                {p.active ? 'Ngừng theo dõi' : 'Theo dõi lại'}
              </Button>
            ) : null}
          </>
        }
      />
      <PersonDescriptions person={p} />
      <TransferHistory transfers={p.transfers} />
      <PersonFormDrawer target={editing} onClose={() => setEditing(null)} />
      <TransferModal person={p} open={transferring} onClose={() => setTransferring(false)} />
    </>
  );
}

/** Create/edit a council; add a member through the person picker. */
import { FormModal } from '../../components/FormModal';
import { App, DatePicker, Form, Input, Select, Switch } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { addCouncilMember, createCouncil, updateCouncil } from '../../api/councils';
import { errorText } from '../../api/client';
import type { Council } from '../../api/councils';
import { COUNCIL_KINDS, COUNCIL_KIND_LABELS, COUNCIL_POSITIONS, COUNCIL_POSITION_LABELS, type CouncilKind, type CouncilPosition } from '../../../shared/codes';
import { PersonPicker } from '../../components/PersonPicker';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { DATE_FORMAT, blankToNull, fromDayjs, toDayjs } from '../../lib/format';
import { keys } from '../../api/keys';
import { todayDayjs } from '../../lib/today';

interface CouncilValues {
  unitId?: string;
  kind?: CouncilKind;
  name?: string;
  establishedBy?: string;
  termStart: Dayjs;
  termEnd?: Dayjs | null;
  active?: boolean;
}

export type CouncilFormTarget = { mode: 'create'; unitId: string } | { mode: 'edit'; council: Council };

const endAfterStart = ({ getFieldValue }: { getFieldValue: (n: string) => unknown }) => ({
  validator: (_: unknown, v: Dayjs | null | undefined) => {
    const start = getFieldValue('termStart') as Dayjs | undefined;
    return v && start && v.isBefore(start, 'day') ? Promise.reject(new Error('Ngày kết thúc phải sau ngày bắt đầu.')) : Promise.resolve();
  },
});

export function CouncilFormModal({ target, onClose }: { target: CouncilFormTarget | null; onClose: () => void }) {
  const [form] = Form.useForm<CouncilValues>();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!target) return;
    setError(null);
    form.resetFields();
    if (target.mode === 'create') form.setFieldsValue({ unitId: target.unitId, kind: 'tdkt', termStart: todayDayjs() });
    else {
      const c = target.council;
      form.setFieldsValue({
        name: c.name ?? '',
        establishedBy: c.establishedBy ?? '',
        termStart: toDayjs(c.termStart),
        termEnd: toDayjs(c.termEnd) ?? null,
        active: c.active,
      });
    }
  }, [target, form]);
  const mutation = useMutation({
    mutationFn: (v: CouncilValues) => {
      if (!target) throw new Error('Không có hội đồng');
      const common = {
        name: blankToNull(v.name),
        establishedBy: blankToNull(v.establishedBy),
        termStart: v.termStart.format('YYYY-MM-DD'),
        termEnd: fromDayjs(v.termEnd),
      };
      if (target.mode === 'create') return createCouncil({ ...common, unitId: v.unitId ?? '', kind: v.kind ?? 'tdkt' });
      return updateCouncil(target.council.id, { ...common, active: v.active, version: target.council.version });
    },
    onSuccess: async () => {
      message.success(target?.mode === 'create' ? 'Đã thành lập hội đồng.' : 'Đã lưu hội đồng.');
      await qc.invalidateQueries({ queryKey: keys.councils });
      onClose();
    },
    onError: (err) => setError(errorText(err)),
  });
  const creating = target?.mode === 'create';
  return (
    <FormModal<CouncilValues>
      open={!!target}
      title={creating ? 'Thành lập hội đồng' : 'Sửa, kiện toàn hội đồng'}
      okText={creating ? 'Thành lập' : 'Lưu'}
      onCancel={onClose}
      form={form}
      onFinish={(v) => mutation.mutate(v)}
      pending={mutation.isPending}
      error={error}
      okTestId="council-submit"
      width={600}
    >
      {creating ? (
        <>
          <Form.Item label="Đơn vị thành lập" name="unitId" rules={[{ required: true, message: 'Hãy chọn đơn vị.' }]}>
            <UnitTreeSelect />
          </Form.Item>
          <Form.Item label="Loại hội đồng" name="kind" rules={[{ required: true, message: 'Hãy chọn loại hội đồng.' }]}>
            <Select options={COUNCIL_KINDS.map((k) => ({ value: k, label: COUNCIL_KIND_LABELS[k] }))} data-testid="council-kind" />
          </Form.Item>
        </>
      ) : null}
      <Form.Item
        label="Tên hội đồng"
        name="name"
        extra="Để trống để dùng tên theo loại hội đồng và đơn vị."
        rules={[{ max: 300, message: 'Tên hội đồng quá dài.' }]}
      >
        <Input placeholder="Ví dụ: Hội đồng Thi đua - Khen thưởng Sở Khoa học và Công nghệ" />
      </Form.Item>
      <Form.Item label="Căn cứ thành lập" name="establishedBy" rules={[{ max: 300, message: 'Căn cứ thành lập quá dài.' }]}>
        <Input placeholder="Ví dụ: Quyết định số 45/QĐ-SKHCN ngày 10/01/2025" />
      </Form.Item>
      <Form.Item label="Nhiệm kỳ" required style={{ marginBottom: 0 }}>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name="termStart" rules={[{ required: true, message: 'Hãy chọn ngày bắt đầu.' }]}>
            <DatePicker format={DATE_FORMAT} placeholder="Từ ngày" />
          </Form.Item>
          <Form.Item name="termEnd" dependencies={['termStart']} rules={[endAfterStart]}>
            <DatePicker format={DATE_FORMAT} placeholder="Đến ngày (nếu có)" />
          </Form.Item>
        </div>
      </Form.Item>
      {!creating ? (
        <Form.Item label="Đang hoạt động" name="active" valuePropName="checked">
          <Switch checkedChildren="Có" unCheckedChildren="Không" />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}

interface MemberValues {
  personId: string;
  position: CouncilPosition;
  fromDate?: Dayjs | null;
  toDate?: Dayjs | null;
}

export function AddMemberModal({ council, onClose }: { council: Council | null; onClose: () => void }) {
  const [form] = Form.useForm<MemberValues>();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!council) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue({ position: 'uy_vien', fromDate: toDayjs(council.termStart) ?? null });
  }, [council, form]);
  const mutation = useMutation({
    mutationFn: (v: MemberValues) =>
      addCouncilMember(council?.id ?? '', { personId: v.personId, position: v.position, fromDate: fromDayjs(v.fromDate), toDate: fromDayjs(v.toDate) }),
    onSuccess: async () => {
      message.success('Đã thêm thành viên.');
      await qc.invalidateQueries({ queryKey: keys.councils });
      onClose();
    },
    onError: (err) => setError(errorText(err)),
  });
  return (
    <FormModal<MemberValues>
      open={!!council}
      title={`Thêm thành viên: ${council?.name ?? council?.kindLabel ?? ''}`}
      okText="Thêm"
      onCancel={onClose}
      form={form}
      onFinish={(v) => mutation.mutate(v)}
      pending={mutation.isPending}
      error={error}
      okTestId="member-submit"
      width={600}
    >
      <Form.Item label="Cán bộ" name="personId" rules={[{ required: true, message: 'Hãy chọn cán bộ.' }]}>
        <PersonPicker data-testid="member-person" />
      </Form.Item>
      <Form.Item label="Chức danh trong hội đồng" name="position" rules={[{ required: true, message: 'Hãy chọn chức danh.' }]}>
        <Select options={COUNCIL_POSITIONS.map((p) => ({ value: p, label: COUNCIL_POSITION_LABELS[p] }))} data-testid="member-position" />
      </Form.Item>
      <div style={{ display: 'flex', gap: 12 }}>
        <Form.Item label="Từ ngày" name="fromDate">
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
        <Form.Item label="Đến ngày" name="toDate">
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
      </div>
    </FormModal>
  );
}

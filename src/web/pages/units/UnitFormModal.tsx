/** Create a unit under a parent, or edit name/short name/code/kind/order. */
import { FormModal } from '../../components/FormModal';
import { Form, Input, InputNumber, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { App } from 'antd';
import { createUnit, updateUnit, type UnitInput } from '../../api/units';
import { errorText } from '../../api/client';
import type { Unit } from '../../api/units';
import { UNIT_KINDS, UNIT_KIND_LABELS, type UnitKind } from '../../../shared/codes';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { blankToNull } from '../../lib/format';
import { keys } from '../../api/keys';

interface FormValues {
  parentId?: string;
  name: string;
  shortName?: string;
  code?: string;
  kind: UnitKind;
  sortOrder?: number | null;
}

export type UnitFormTarget = { mode: 'create'; parentId: string | undefined } | { mode: 'edit'; unit: Unit };

export function UnitFormModal({ target, onClose }: { target: UnitFormTarget | null; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!target) return;
    setError(null);
    form.resetFields();
    if (target.mode === 'create') form.setFieldsValue({ parentId: target.parentId, kind: 'department' });
    else {
      const u = target.unit;
      form.setFieldsValue({
        name: u.name,
        shortName: u.shortName ?? '',
        code: u.code ?? '',
        kind: UNIT_KINDS.find((k) => k === u.kind),
        sortOrder: u.sortOrder,
      });
    }
  }, [target, form]);

  const mutation = useMutation({
    mutationFn: async (v: FormValues) => {
      const input: UnitInput = {
        name: v.name.trim(),
        shortName: blankToNull(v.shortName),
        code: blankToNull(v.code),
        kind: v.kind,
        ...(typeof v.sortOrder === 'number' ? { sortOrder: v.sortOrder } : {}),
      };
      if (!target) throw new Error('Không có đơn vị');
      if (target.mode === 'create') return createUnit({ ...input, parentId: v.parentId ?? '' });
      return updateUnit(target.unit.id, { ...input, version: target.unit.version });
    },
    onSuccess: async (unit) => {
      message.success(target?.mode === 'create' ? `Đã tạo đơn vị "${unit.name}".` : `Đã lưu đơn vị "${unit.name}".`);
      await qc.invalidateQueries({ queryKey: keys.units.all });
      onClose();
    },
    onError: (err) => setError(errorText(err)),
  });

  const creating = target?.mode === 'create';
  return (
    <FormModal<FormValues>
      open={!!target}
      title={creating ? 'Thêm đơn vị' : 'Sửa thông tin đơn vị'}
      okText={creating ? 'Tạo đơn vị' : 'Lưu'}
      onCancel={onClose}
      form={form}
      onFinish={(v) => mutation.mutate(v)}
      pending={mutation.isPending}
      error={error}
      okTestId="unit-submit"
      destroyOnHidden
    >
      {creating ? (
        <Form.Item label="Thuộc đơn vị" name="parentId" rules={[{ required: true, message: 'Hãy chọn đơn vị cấp trên.' }]}>
          <UnitTreeSelect data-testid="unit-parent" />
        </Form.Item>
      ) : null}
      <Form.Item
        label="Tên đơn vị"
        name="name"
        rules={[
          { required: true, whitespace: true, message: 'Hãy nhập tên đơn vị.' },
          { min: 2, message: 'Tên đơn vị phải có ít nhất 2 ký tự.' },
          { max: 200, message: 'Tên đơn vị quá dài (tối đa 200 ký tự).' },
        ]}
      >
        <Input placeholder="Ví dụ: Phòng Kế hoạch - Tài chính" data-testid="unit-name" />
      </Form.Item>
      <Form.Item label="Loại đơn vị" name="kind" rules={[{ required: true, message: 'Hãy chọn loại đơn vị.' }]}>
        <Select data-testid="unit-kind" options={UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }))} />
      </Form.Item>
      <Form.Item label="Tên viết tắt" name="shortName" rules={[{ max: 60, message: 'Tên viết tắt quá dài (tối đa 60 ký tự).' }]}>
        <Input placeholder="Ví dụ: Phòng KH-TC" data-testid="unit-short-name" />
      </Form.Item>
      <Form.Item
        label="Ký hiệu"
        name="code"
        extra="Dùng trong số, ký hiệu văn bản. Chỉ gồm chữ, số và các dấu & . -"
        rules={[
          { max: 20, message: 'Ký hiệu quá dài (tối đa 20 ký tự).' },
          { pattern: /^[A-Za-z0-9Đđ&.-]*$/, message: 'Ký hiệu chỉ gồm chữ, số và các dấu & . -' },
        ]}
      >
        <Input placeholder="Ví dụ: KHTC" data-testid="unit-code" />
      </Form.Item>
      <Form.Item label="Thứ tự hiển thị" name="sortOrder">
        <InputNumber min={0} max={10000} style={{ width: 160 }} />
      </Form.Item>
    </FormModal>
  );
}

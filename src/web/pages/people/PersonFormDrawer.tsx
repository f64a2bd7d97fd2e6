/** Add or edit a person, with the server's checks repeated client-side (CCCD, birth date, e-mail). */
import { Alert, App, Button, DatePicker, Drawer, Flex, Form, Input, Radio, Select, Switch, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { createPerson, updatePerson, type PersonInput } from '../../api/people';
import { errorText } from '../../api/client';
import type { Person } from '../../api/people';
import { codeOf } from '../../lib/codes';
import { EMPLOYMENT_TYPES, EMPLOYMENT_TYPE_LABELS, GENDERS, GENDER_LABELS, type EmploymentType, type Gender } from '../../../shared/codes';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { DATE_FORMAT, blankToNull, fromDayjs, toDayjs } from '../../lib/format';
import { cccdRule } from '../../lib/validation';
import { keys } from '../../api/keys';

interface FormValues {
  fullName: string;
  unitId?: string;
  gender?: Gender;
  birthDate?: Dayjs | null;
  cccd?: string;
  position?: string;
  isLeader: boolean;
  employmentType?: EmploymentType;
  email?: string;
}

export type PersonFormTarget = { mode: 'create'; unitId?: string } | { mode: 'edit'; person: Person };

export function PersonFormDrawer({ target, onClose, onSaved }: { target: PersonFormTarget | null; onClose: () => void; onSaved?: (p: Person) => void }) {
  const [form] = Form.useForm<FormValues>();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!target) return;
    setError(null);
    form.resetFields();
    if (target.mode === 'create') form.setFieldsValue({ unitId: target.unitId, isLeader: false });
    else {
      const p = target.person;
      form.setFieldsValue({
        fullName: p.fullName,
        unitId: p.unitId,
        gender: codeOf(GENDERS, p.gender),
        birthDate: toDayjs(p.birthDate) ?? null,
        cccd: p.cccd ?? '',
        position: p.position ?? '',
        isLeader: p.isLeader,
        employmentType: codeOf(EMPLOYMENT_TYPES, p.employmentType),
        email: p.email ?? '',
      });
    }
  }, [target, form]);

  const mutation = useMutation({
    mutationFn: (v: FormValues) => {
      if (!target) throw new Error('Không có hồ sơ');
      const input: PersonInput = {
        fullName: v.fullName.trim(),
        unitId: target.mode === 'edit' ? target.person.unitId : (v.unitId ?? ''),
        gender: v.gender ?? null,
        birthDate: fromDayjs(v.birthDate),
        cccd: blankToNull(v.cccd),
        position: blankToNull(v.position),
        isLeader: v.isLeader,
        employmentType: v.employmentType ?? null,
        email: blankToNull(v.email),
      };
      return target.mode === 'create' ? createPerson(input) : updatePerson(target.person.id, { ...input, version: target.person.version });
    },
    onSuccess: async (p) => {
      message.success(target?.mode === 'create' ? `Đã thêm cán bộ ${p.fullName}.` : `Đã lưu hồ sơ ${p.fullName}.`);
      await qc.invalidateQueries({ queryKey: keys.people.all });
      await qc.invalidateQueries({ queryKey: keys.units.all });
      onSaved?.(p);
      onClose();
    },
    onError: (err) => setError(errorText(err)),
  });

  const creating = target?.mode === 'create';
  const ctx = () => ({
    gender: form.getFieldValue('gender') as Gender | undefined,
    birthDate: fromDayjs(form.getFieldValue('birthDate') as Dayjs | null | undefined),
  });

  return (
    <Drawer
      open={!!target}
      title={creating ? 'Thêm cán bộ' : 'Sửa hồ sơ cán bộ'}
      size={560}
      onClose={onClose}
      destroyOnHidden
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>Hủy</Button>
          <Button type="primary" loading={mutation.isPending} onClick={() => form.submit()} data-testid="person-submit">
            {creating ? 'Thêm cán bộ' : 'Lưu'}
          </Button>
        </Flex>
      }
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="person-form-error" /> : null}
      <Form<FormValues> form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)} disabled={mutation.isPending}>
        <Form.Item
          label="Họ và tên"
          name="fullName"
          rules={[
            { required: true, whitespace: true, message: 'Hãy nhập họ và tên.' },
            { min: 2, message: 'Họ và tên phải có ít nhất 2 ký tự.' },
            { max: 120, message: 'Họ và tên quá dài (tối đa 120 ký tự).' },
          ]}
        >
          <Input placeholder="Ví dụ: Nguyễn Văn An" data-testid="person-fullname" />
        </Form.Item>
        {creating ? (
          <Form.Item label="Đơn vị" name="unitId" rules={[{ required: true, message: 'Hãy chọn đơn vị công tác.' }]}>
            <UnitTreeSelect data-testid="person-unit" />
          </Form.Item>
        ) : (
          <Form.Item label="Đơn vị">
            <Typography.Text>{target?.mode === 'edit' ? target.person.unitName : ''}</Typography.Text>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              Muốn đổi đơn vị, hãy dùng chức năng "Điều chuyển" trên trang hồ sơ để lưu quá trình công tác.
            </Typography.Text>
          </Form.Item>
        )}
        <Flex gap={16}>
          <Form.Item label="Giới tính" name="gender" style={{ flex: 1 }}>
            <Radio.Group
              options={GENDERS.map((g) => ({ value: g, label: GENDER_LABELS[g] }))}
              onChange={() => void form.validateFields(['cccd']).catch(() => undefined)}
            />
          </Form.Item>
          <Form.Item label="Ngày sinh" name="birthDate" style={{ flex: 1 }}>
            <DatePicker
              format={DATE_FORMAT}
              placeholder="dd/mm/yyyy"
              style={{ width: '100%' }}
              onChange={() => void form.validateFields(['cccd']).catch(() => undefined)}
            />
          </Form.Item>
        </Flex>
        <Form.Item label="Số CCCD" name="cccd" rules={[cccdRule(ctx)]} extra="12 chữ số; được kiểm tra khớp giới tính và năm sinh.">
          <Input maxLength={12} inputMode="numeric" placeholder="Ví dụ: 001090012345" data-testid="person-cccd" />
        </Form.Item>
        <Form.Item label="Chức vụ" name="position" rules={[{ max: 200, message: 'Chức vụ quá dài (tối đa 200 ký tự).' }]}>
          <Input placeholder="Ví dụ: Trưởng phòng" />
        </Form.Item>
        <Form.Item label="Là lãnh đạo" name="isLeader" valuePropName="checked">
          <Switch checkedChildren="Có" unCheckedChildren="Không" />
        </Form.Item>
        <Form.Item label="Loại cán bộ" name="employmentType">
          <Select allowClear placeholder="Chọn loại cán bộ" options={EMPLOYMENT_TYPES.map((t) => ({ value: t, label: EMPLOYMENT_TYPE_LABELS[t] }))} />
        </Form.Item>
        <Form.Item label="Thư điện tử" name="email" rules={[{ type: 'email', message: 'Thư điện tử không hợp lệ.' }]}>
          <Input placeholder="ten@coquan.gov.vn" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

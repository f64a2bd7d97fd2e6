/** Move a unit under another parent; merge a unit into another (staff and sub-units follow). */
import { Alert, Checkbox, DatePicker, Form, Modal, Typography } from 'antd';
import { App } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { mergeUnit, moveUnit } from '../../api/units';
import { errorText } from '../../api/client';
import type { UnitNode } from '../../api/units';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { DATE_FORMAT, fmtNumber } from '../../lib/format';
import { keys } from '../../api/keys';
import { todayDayjs } from '../../lib/today';

export function MoveUnitModal({ unit, onClose }: { unit: UnitNode | null; onClose: () => void }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [parentId, setParentId] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setParentId(undefined);
    setError(null);
  }, [unit]);
  const mutation = useMutation({
    mutationFn: () => moveUnit(unit?.id ?? '', parentId ?? ''),
    onSuccess: async (u) => {
      message.success(`Đã chuyển đơn vị "${u.name}".`);
      await qc.invalidateQueries({ queryKey: keys.units.all });
      onClose();
    },
    onError: (err) => setError(errorText(err)),
  });
  return (
    <Modal
      open={!!unit}
      title={`Chuyển đơn vị: ${unit?.name ?? ''}`}
      okText="Chuyển"
      cancelText="Hủy"
      onCancel={onClose}
      onOk={() => mutation.mutate()}
      okButtonProps={{ disabled: !parentId || parentId === unit?.parentId }}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Typography.Paragraph>Chọn đơn vị cấp trên mới. Các đơn vị trực thuộc và cán bộ của đơn vị này đi theo đơn vị.</Typography.Paragraph>
      <UnitTreeSelect value={parentId} onChange={setParentId} exclude={unit?.id} placeholder="Chọn đơn vị cấp trên mới" data-testid="unit-move-parent" />
    </Modal>
  );
}

export function MergeUnitModal({ unit, onClose }: { unit: UnitNode | null; onClose: () => void }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [targetId, setTargetId] = useState<string | undefined>();
  const [date, setDate] = useState<Dayjs | null>(todayDayjs());
  const [understood, setUnderstood] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setTargetId(undefined);
    setDate(todayDayjs());
    setUnderstood(false);
    setError(null);
  }, [unit]);
  const mutation = useMutation({
    mutationFn: () => mergeUnit(unit?.id ?? '', targetId ?? '', (date ?? todayDayjs()).format('YYYY-MM-DD')),
    onSuccess: async () => {
      message.success(`Đã sáp nhập "${unit?.name ?? ''}".`);
      await qc.invalidateQueries({ queryKey: keys.units.all });
      await qc.invalidateQueries({ queryKey: keys.people.all });
      onClose();
    },
    onError: (err) => setError(errorText(err)),
  });
  const staff = unit?.staffCount ?? 0;
  const children = unit?.children.length ?? 0;
  return (
    <Modal
      open={!!unit}
      title={`Sáp nhập đơn vị: ${unit?.name ?? ''}`}
      okText="Sáp nhập"
      cancelText="Hủy"
      okButtonProps={{ danger: true, disabled: !targetId || !date || !understood }}
      onCancel={onClose}
      onOk={() => mutation.mutate()}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      width={560}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form layout="vertical">
        <Form.Item label="Sáp nhập vào đơn vị" required>
          <UnitTreeSelect value={targetId} onChange={setTargetId} exclude={unit?.id} placeholder="Chọn đơn vị nhận sáp nhập" data-testid="unit-merge-target" />
        </Form.Item>
        <Form.Item label="Ngày hiệu lực" required>
          <DatePicker value={date} onChange={(d) => setDate(d)} format={DATE_FORMAT} style={{ width: 200 }} allowClear={false} />
        </Form.Item>
      </Form>
      <Alert
        type="warning"
        showIcon
        title="Thao tác này không hoàn tác được"
        description={
          <>
            <strong>{fmtNumber(staff)} cán bộ</strong> của "{unit?.name}" sẽ được điều chuyển sang đơn vị nhận sáp nhập từ ngày hiệu lực (ghi vào quá trình điều
            chuyển của từng người); <strong>{fmtNumber(children)} đơn vị trực thuộc</strong> (cùng cán bộ của chúng) chuyển về trực thuộc đơn vị nhận; tài khoản
            và hội đồng của đơn vị cũng chuyển theo. Đơn vị "{unit?.name}" chuyển sang trạng thái ngừng hoạt động.
          </>
        }
        style={{ marginBottom: 12 }}
      />
      <Checkbox checked={understood} onChange={(e) => setUnderstood(e.target.checked)} data-testid="unit-merge-confirm">
        Tôi đã kiểm tra và đồng ý sáp nhập
      </Checkbox>
    </Modal>
  );
}

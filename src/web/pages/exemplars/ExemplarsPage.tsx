/** Exemplars (điển hình tiên tiến): the list with its filters, and phát hiện — a unit proposes one, with the reason. */
import { Button, DatePicker, Form, Input, Select, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { Dayjs } from 'dayjs';
import {
  exemplarAbilities,
  listExemplars,
  proposeExemplar,
  updateExemplar,
  type Exemplar,
  type ExemplarProposal,
  type ExemplarSummary,
} from '../../api/exemplars';
import { listMovements } from '../../api/plans';
import { errorText } from '../../api/client';
import { keys } from '../../api/keys';
import { useUser } from '../../auth/AuthContext';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/PageStates';
import { PersonPicker } from '../../components/PersonPicker';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useDebounced } from '../../lib/hooks';
import { DATE_FORMAT, fmtDate, fromDayjs, toDayjs } from '../../lib/format';
import { todayDayjs } from '../../lib/today';
import { EXEMPLAR_KIND_LABELS, EXEMPLAR_KINDS, EXEMPLAR_STAGE_LABELS, EXEMPLAR_STAGES } from '../../../shared/codes';
import { cancelledTag, ExemplarTabs, stageTag } from './nav';

interface ProposalValues {
  unitId: string;
  kind: ExemplarProposal['kind'];
  name: string;
  personId?: string;
  subjectUnitId?: string;
  positionText?: string;
  movementId?: string;
  achievement: string;
  reason: string;
  discoveredOn: Dayjs;
}

/** The proposal's fields as the form holds them, from a stored exemplar (to edit it). */
function valuesOf(e: Exemplar): Partial<ProposalValues> {
  return {
    unitId: e.unitId,
    kind: e.kind as ProposalValues['kind'],
    name: e.name,
    personId: e.personId ?? undefined,
    subjectUnitId: e.subjectUnitId ?? undefined,
    positionText: e.positionText ?? undefined,
    movementId: e.movementId ?? undefined,
    achievement: e.achievement,
    reason: e.reason,
    discoveredOn: toDayjs(e.discoveredOn),
  };
}

/**
 * The proposal form (also opened from a movement, or from a suggestion, with fields filled in); given
 * `exemplar`, it edits that proposal (its unit stays).
 */
export function ProposeModal({
  open,
  onClose,
  initial,
  exemplar,
}: {
  open: boolean;
  onClose: () => void;
  initial?: Partial<ProposalValues>;
  exemplar?: Exemplar;
}) {
  const user = useUser();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<ProposalValues>();
  const editing = exemplar ?? null;
  const kind = Form.useWatch('kind', form);
  const movements = useQuery({ queryKey: keys.movements.list({ status: 'exemplar' }), queryFn: () => listMovements({ pageSize: 200 }), enabled: open });
  // Fill the form once per opening: a later render must not undo what the user chose.
  const filled = useRef(false);
  useEffect(() => {
    if (!open) filled.current = false;
    else if (!filled.current) {
      filled.current = true;
      form.resetFields();
      form.setFieldsValue(editing ? valuesOf(editing) : { unitId: user.unitId, kind: 'person', discoveredOn: todayDayjs(), ...initial });
    }
  }, [open, initial, form, user.unitId, editing]);
  const save = useMutation({
    mutationFn: (v: ProposalValues) => {
      const body = {
        kind: v.kind,
        name: v.name,
        personId: v.kind === 'person' ? (v.personId ?? null) : null,
        subjectUnitId: v.kind === 'collective' ? (v.subjectUnitId ?? null) : null,
        positionText: v.positionText ?? null,
        movementId: v.movementId ?? null,
        achievement: v.achievement,
        reason: v.reason,
        discoveredOn: fromDayjs(v.discoveredOn) ?? '',
      };
      return editing ? updateExemplar(editing.id, { ...body, version: editing.version }) : proposeExemplar({ ...body, unitId: v.unitId });
    },
    onSuccess: async (row) => {
      if (editing) qc.setQueryData(keys.exemplars.one(row.id), row);
      await qc.invalidateQueries({ queryKey: keys.exemplars.all });
      onClose();
      if (!editing) void navigate(`/dien-hinh/${row.id}`);
    },
  });
  return (
    <FormModal<ProposalValues>
      open={open}
      title={editing ? 'Sửa đề xuất điển hình' : 'Đề xuất điển hình tiên tiến (phát hiện)'}
      okText={editing ? 'Lưu' : 'Gửi đề xuất'}
      onCancel={() => {
        save.reset();
        onClose();
      }}
      form={form}
      onFinish={(v) => save.mutate(v)}
      pending={save.isPending}
      error={save.isError ? errorText(save.error) : null}
      okTestId="exemplar-propose-ok"
      width={720}
    >
      <Form.Item name="unitId" label="Đơn vị đề xuất" rules={[{ required: true, message: 'Chọn đơn vị đề xuất' }]}>
        <UnitTreeSelect data-testid="exemplar-unit" disabled={Boolean(editing)} />
      </Form.Item>
      <Form.Item name="kind" label="Loại điển hình" rules={[{ required: true }]}>
        <Select data-testid="exemplar-kind" options={EXEMPLAR_KINDS.map((k) => ({ value: k, label: EXEMPLAR_KIND_LABELS[k] }))} />
      </Form.Item>
      {kind === 'person' ? (
        <Form.Item name="personId" label="Cán bộ (nếu có trong danh sách)">
          <PersonPicker />
        </Form.Item>
      ) : null}
      {kind === 'collective' ? (
        <Form.Item name="subjectUnitId" label="Tập thể">
          <UnitTreeSelect allowClear />
        </Form.Item>
      ) : null}
      <Form.Item name="name" label="Tên điển hình" rules={[{ required: true, message: 'Nhập tên điển hình' }]}>
        <Input data-testid="exemplar-name" maxLength={300} />
      </Form.Item>
      <Form.Item name="positionText" label="Chức vụ, đơn vị (như sẽ in, công khai)">
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="movementId" label="Phong trào thi đua">
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="exemplar-movement"
          loading={movements.isPending}
          options={(movements.data?.items ?? []).map((m) => ({ value: m.id, label: m.title }))}
        />
      </Form.Item>
      <Form.Item name="achievement" label="Thành tích, việc làm tiêu biểu" rules={[{ required: true, message: 'Nêu thành tích' }]}>
        <Input.TextArea rows={3} data-testid="exemplar-achievement" maxLength={4000} />
      </Form.Item>
      <Form.Item name="reason" label="Lý do đề xuất" rules={[{ required: true, message: 'Nêu lý do đề xuất' }]}>
        <Input.TextArea rows={3} data-testid="exemplar-reason" maxLength={4000} />
      </Form.Item>
      <Form.Item name="discoveredOn" label="Ngày phát hiện" rules={[{ required: true, message: 'Chọn ngày' }]}>
        <DatePicker format={DATE_FORMAT} data-testid="exemplar-date" />
      </Form.Item>
    </FormModal>
  );
}

export default function ExemplarsPage() {
  const user = useUser();
  const can = exemplarAbilities(user);
  const [params, setParams] = useSearchParams();
  const fromMovement = params.get('phongTrao') ?? undefined;
  const [open, setOpen] = useState(Boolean(fromMovement));
  const [stage, setStage] = useState<(typeof EXEMPLAR_STAGES)[number] | undefined>();
  const [kind, setKind] = useState<(typeof EXEMPLAR_KINDS)[number] | undefined>();
  const [state, setState] = useState<'active' | 'cancelled' | undefined>();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const [page, setPage] = useState(1);
  const filter = { stage, kind, state, q: q || undefined, page, pageSize: 20 };
  const list = useQuery({ queryKey: keys.exemplars.list(filter), queryFn: () => listExemplars(filter) });
  const initial = useMemo(() => (fromMovement ? { movementId: fromMovement } : undefined), [fromMovement]);
  return (
    <>
      <PageHeader
        title="Điển hình tiên tiến"
        subtitle="Bốn khâu: Phát hiện – Bồi dưỡng – Tổng kết – Nhân rộng"
        extra={
          can.propose ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="exemplar-new">
              Đề xuất điển hình
            </Button>
          ) : null
        }
      />
      <ExemplarTabs />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder="Tìm theo tên" value={text} onChange={(e) => setText(e.target.value)} style={{ width: 260 }} />
        <Select
          allowClear
          placeholder="Giai đoạn"
          style={{ width: 180 }}
          value={stage}
          onChange={setStage}
          options={EXEMPLAR_STAGES.map((s) => ({ value: s, label: EXEMPLAR_STAGE_LABELS[s] }))}
        />
        <Select
          allowClear
          placeholder="Loại"
          style={{ width: 220 }}
          value={kind}
          onChange={setKind}
          options={EXEMPLAR_KINDS.map((s) => ({ value: s, label: EXEMPLAR_KIND_LABELS[s] }))}
        />
        <Select
          allowClear
          placeholder="Tình trạng"
          style={{ width: 180 }}
          value={state}
          onChange={setState}
          data-testid="exemplars-state"
          options={[
            { value: 'active', label: 'Đang theo dõi' },
            { value: 'cancelled', label: 'Đã hủy, rút đề xuất' },
          ]}
        />
      </Space>
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<ExemplarSummary>
        rowKey="id"
        data-testid="exemplars-table"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 1240 }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: 'Điển hình', key: 'name', width: 260, render: (_, r) => <Link to={`/dien-hinh/${r.id}`}>{r.name}</Link> },
          { title: 'Loại', dataIndex: 'kindLabel', width: 170 },
          { title: 'Đơn vị', dataIndex: 'unitName', width: 220 },
          { title: 'Phong trào', dataIndex: 'movementTitle', width: 260, render: (v: string | null) => v ?? '—' },
          { title: 'Giai đoạn', key: 'stage', width: 130, render: (_, r) => (r.cancelledAt ? cancelledTag : stageTag(r.stage, r.stageLabel)) },
          { title: 'Phát hiện', dataIndex: 'discoveredOn', width: 110, render: (v: string) => fmtDate(v) },
          { title: 'Cổng', dataIndex: 'publishedAt', width: 90, render: (v: string | null) => (v ? 'Đã đăng' : '—') },
        ]}
      />
      <ProposeModal
        open={open}
        initial={initial}
        onClose={() => {
          setOpen(false);
          if (fromMovement) setParams({}, { replace: true });
        }}
      />
    </>
  );
}

/** Initiatives (sáng kiến): the list with filters, and the form to submit one to an open round. */
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { Dayjs } from 'dayjs';
import {
  initiativeAbilities,
  listInitiatives,
  listRounds,
  submitInitiative,
  updateInitiative,
  type Initiative,
  type InitiativeInput,
  type InitiativeSummary,
} from '../../api/initiatives';
import { codeOf } from '../../lib/codes';
import { errorText } from '../../api/client';
import { keys } from '../../api/keys';
import { useUser } from '../../auth/AuthContext';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/PageStates';
import { PersonPicker } from '../../components/PersonPicker';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { DATE_FORMAT, fromDayjs, toDayjs } from '../../lib/format';
import { currentYearVn } from '../../lib/today';
import {
  INITIATIVE_KIND_LABELS,
  INITIATIVE_KINDS,
  INITIATIVE_SCOPE_LABELS,
  INITIATIVE_SCOPES,
  INITIATIVE_STATUS_LABELS,
  INITIATIVE_STATUSES,
} from '../../../shared/codes';

const STATUS_COLORS: Record<string, string> = { submitted: 'blue', recognised: 'green', refused: 'red', withdrawn: 'default' };
export const initiativeStatusTag = (status: string, label: string) => <Tag color={STATUS_COLORS[status] ?? 'default'}>{label}</Tag>;

interface FormValues {
  roundId: string;
  unitId?: string;
  kind: InitiativeInput['kind'];
  title: string;
  field?: string;
  authors: { personId: string; sharePercent: number }[];
  appliedPlace: string;
  firstAppliedOn: Dayjs;
  novelty: string;
  application: string;
  benefitVnd?: number;
  benefitText?: string;
  scopeAsked: InitiativeInput['scopeAsked'];
}

/** The application form: a new one into an open round, or an edit of one (while the round is open and undecided). */
export function InitiativeFormModal({ open, onClose, initiative }: { open: boolean; onClose: () => void; initiative?: Initiative }) {
  const user = useUser();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const rounds = useQuery({ queryKey: keys.initiatives.rounds, queryFn: () => listRounds({ status: 'open' }), enabled: open });
  const submit = useMutation({
    mutationFn: (v: FormValues) => {
      const body = {
        roundId: initiative?.roundId ?? v.roundId,
        unitId: v.unitId ?? null,
        kind: v.kind,
        title: v.title,
        field: v.field ?? null,
        authors: v.authors,
        appliedPlace: v.appliedPlace,
        firstAppliedOn: fromDayjs(v.firstAppliedOn) ?? '',
        novelty: v.novelty,
        application: v.application,
        benefitVnd: v.benefitVnd ?? null,
        benefitText: v.benefitText ?? null,
        scopeAsked: v.scopeAsked,
      };
      return initiative ? updateInitiative(initiative.id, { ...body, version: initiative.version }) : submitInitiative(body);
    },
    onSuccess: async (row) => {
      message.success(initiative ? 'Đã lưu đơn.' : 'Đã nộp đơn yêu cầu công nhận sáng kiến.');
      await qc.invalidateQueries({ queryKey: keys.initiatives.all });
      onClose();
      void navigate(`/sang-kien/${row.id}`);
    },
    onError: (e) => message.error(errorText(e)),
  });
  const openRounds = (rounds.data?.items ?? []).filter((r) => r.abilities.includes('submit'));
  return (
    <Modal
      open={open}
      title={initiative ? 'Sửa đơn yêu cầu công nhận sáng kiến' : 'Nộp đơn yêu cầu công nhận sáng kiến'}
      okText={initiative ? 'Lưu' : 'Nộp đơn'}
      cancelText="Hủy"
      onCancel={onClose}
      confirmLoading={submit.isPending}
      onOk={() => void form.validateFields().then((v) => submit.mutate(v))}
      width={760}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        data-testid="initiative-form"
        initialValues={
          initiative
            ? {
                kind: codeOf(INITIATIVE_KINDS, initiative.kind) ?? 'sang_kien',
                scopeAsked: codeOf(INITIATIVE_SCOPES, initiative.scopeAsked) ?? 'co_so',
                title: initiative.title,
                field: initiative.field ?? undefined,
                unitId: initiative.unitId,
                authors: initiative.authors.map((x) => ({ personId: x.personId, sharePercent: x.sharePercent })),
                appliedPlace: initiative.appliedPlace ?? undefined,
                firstAppliedOn: toDayjs(initiative.firstAppliedOn),
                novelty: initiative.novelty,
                application: initiative.application,
                benefitVnd: initiative.benefitVnd ?? undefined,
                benefitText: initiative.benefitText ?? undefined,
              }
            : {
                kind: 'sang_kien',
                scopeAsked: 'co_so',
                authors: [{ personId: user.personId ?? undefined, sharePercent: 100 }],
                roundId: openRounds[0]?.id,
              }
        }
      >
        {initiative ? null : (
          <Form.Item name="roundId" label="Đợt xét" rules={[{ required: true, message: 'Chọn đợt xét đang mở' }]}>
            <Select data-testid="initiative-round" options={openRounds.map((r) => ({ value: r.id, label: `${r.title} (${r.councilName})` }))} />
          </Form.Item>
        )}
        {user.reach !== 'self' ? (
          <Form.Item name="unitId" label="Đơn vị đề nghị (mặc định: đơn vị của bạn)">
            <UnitTreeSelect />
          </Form.Item>
        ) : null}
        <Space wrap style={{ width: '100%' }}>
          <Form.Item name="kind" label="Loại" rules={[{ required: true }]}>
            <Select style={{ width: 300 }} options={INITIATIVE_KINDS.map((k) => ({ value: k, label: INITIATIVE_KIND_LABELS[k] }))} />
          </Form.Item>
          <Form.Item name="scopeAsked" label="Phạm vi đề nghị" rules={[{ required: true }]}>
            <Select style={{ width: 220 }} options={INITIATIVE_SCOPES.map((k) => ({ value: k, label: INITIATIVE_SCOPE_LABELS[k] }))} />
          </Form.Item>
        </Space>
        <Form.Item name="title" label="Tên sáng kiến" rules={[{ required: true, min: 3, message: 'Nhập tên sáng kiến (ít nhất 3 ký tự)' }]}>
          <Input data-testid="initiative-title" />
        </Form.Item>
        <Form.Item name="field" label="Lĩnh vực">
          <Input />
        </Form.Item>
        <Form.List name="authors">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'personId']} label={i === 0 ? 'Tác giả' : undefined} rules={[{ required: true, message: 'Chọn tác giả' }]}>
                    <PersonPicker
                      data-testid={`initiative-author-${i}`}
                      initialLabel={initiative ? initiative.authors[i]?.fullName : i === 0 && user.personId ? user.displayName : undefined}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'sharePercent']} label={i === 0 ? 'Tỷ lệ đóng góp (%)' : undefined} rules={[{ required: true, message: 'Nhập %' }]}>
                    <InputNumber min={1} max={100} data-testid={`initiative-share-${i}`} />
                  </Form.Item>
                  {fields.length > 1 ? <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="Bớt tác giả" /> : null}
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ sharePercent: 0 })} style={{ marginBottom: 16 }}>
                Thêm đồng tác giả
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item name="appliedPlace" label="Nơi áp dụng" rules={[{ required: true, message: 'Nhập nơi áp dụng' }]}>
          <Input data-testid="initiative-place" />
        </Form.Item>
        <Form.Item name="firstAppliedOn" label="Ngày áp dụng lần đầu hoặc áp dụng thử" rules={[{ required: true, message: 'Chọn ngày' }]}>
          <DatePicker format={DATE_FORMAT} data-testid="initiative-date" />
        </Form.Item>
        <Form.Item name="novelty" label="Tính mới" rules={[{ required: true, message: 'Mô tả tính mới' }]}>
          <Input.TextArea rows={3} data-testid="initiative-novelty" />
        </Form.Item>
        <Form.Item name="application" label="Cách thức áp dụng" rules={[{ required: true, message: 'Mô tả cách áp dụng' }]}>
          <Input.TextArea rows={3} data-testid="initiative-application" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="benefitVnd" label="Số tiền làm lợi (đồng)">
            <InputNumber min={0} style={{ width: 220 }} />
          </Form.Item>
        </Space>
        <Form.Item name="benefitText" label="Hiệu quả (mô tả)">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function InitiativesPage() {
  const user = useUser();
  const can = initiativeAbilities(user);
  const [year, setYear] = useState<number | undefined>(undefined);
  const [status, setStatus] = useState<(typeof INITIATIVE_STATUSES)[number] | undefined>(undefined);
  const [scope, setScope] = useState<(typeof INITIATIVE_SCOPES)[number] | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);
  const [params] = useSearchParams();
  const roundId = params.get('dot') ?? undefined;
  const filter = { year, status, scope, roundId, page, pageSize: 20 };
  const q = useQuery({ queryKey: keys.initiatives.list(filter), queryFn: () => listInitiatives(filter) });
  const years = Array.from({ length: 6 }, (_, i) => currentYearVn() - i);
  return (
    <>
      <PageHeader
        title="Sáng kiến"
        subtitle="Đơn yêu cầu công nhận sáng kiến, đề tài, giải pháp và kết quả xét của Hội đồng sáng kiến"
        extra={
          <Space wrap>
            <Link to="/sang-kien/dot-xet">
              <Button data-testid="initiative-rounds-link">Đợt xét sáng kiến</Button>
            </Link>
            {can.manageRounds ? (
              <Link to="/sang-kien/thang-diem">
                <Button data-testid="initiative-rubrics-link">Thang điểm</Button>
              </Link>
            ) : null}
            {can.create ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="initiative-new">
                Nộp sáng kiến
              </Button>
            ) : null}
          </Space>
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="Năm"
          style={{ width: 120 }}
          value={year}
          onChange={setYear}
          options={years.map((y) => ({ value: y, label: `Năm ${y}` }))}
        />
        <Select
          allowClear
          placeholder="Trạng thái"
          style={{ width: 200 }}
          value={status}
          onChange={setStatus}
          options={INITIATIVE_STATUSES.map((s) => ({ value: s, label: INITIATIVE_STATUS_LABELS[s] }))}
          data-testid="initiative-filter-status"
        />
        <Select
          allowClear
          placeholder="Phạm vi"
          style={{ width: 200 }}
          value={scope}
          onChange={setScope}
          options={INITIATIVE_SCOPES.map((s) => ({ value: s, label: INITIATIVE_SCOPE_LABELS[s] }))}
        />
      </Space>
      {q.isError ? <ErrorAlert error={q.error} onRetry={() => void q.refetch()} /> : null}
      <Table<InitiativeSummary>
        loading={q.isPending}
        rowKey="id"
        dataSource={q.data?.items ?? []}
        data-testid="initiatives-table"
        scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize: 20, total: q.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        columns={[
          { title: 'Năm', dataIndex: 'year', width: 70 },
          { title: 'Sáng kiến', render: (_, r) => <Link to={`/sang-kien/${r.id}`}>{r.title}</Link> },
          { title: 'Tác giả', render: (_, r) => r.authors.map((a) => `${a.fullName} (${a.sharePercent}%)`).join(', '), responsive: ['md'] },
          { title: 'Đơn vị', dataIndex: 'unitName', responsive: ['lg'] },
          { title: 'Loại', dataIndex: 'kindLabel', responsive: ['lg'] },
          { title: 'Trạng thái', render: (_, r) => initiativeStatusTag(r.status, r.statusLabel) },
        ]}
      />
      {open ? <InitiativeFormModal open={open} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

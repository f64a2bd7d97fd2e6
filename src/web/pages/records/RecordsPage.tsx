/**
 * A person's or a unit's emulation record: what it is eligible for in a year (with reasons and
 * articles) and its history by year (ratings, honors, initiatives, discipline), editable by clerks.
 */
import { FormModal } from '../../components/FormModal';
import { App, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Popconfirm, Select, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined, PlusOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import {
  addDiscipline,
  addHonor,
  addInitiative,
  getEligibility,
  getRecords,
  removeDiscipline,
  removeHonor,
  removeInitiative,
  revokeHonor,
  setRating,
  type DisciplineRec,
  type FactRec,
  type HonorRec,
  type InitiativeRec,
  type RatingRec,
  type SubjectRef,
} from '../../api/records';
import { errorText } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert, LoadingBlock } from '../../components/PageStates';
import { PersonPicker } from '../../components/PersonPicker';
import { DATE_FORMAT, fmtDate } from '../../lib/format';
import {
  COMMENDATION_TYPES,
  COMMENDATION_TYPE_LABELS,
  DISCIPLINES,
  DISCIPLINE_LABELS,
  HONORS,
  HONOR_INFO,
  INITIATIVE_SCOPES,
  INITIATIVE_SCOPE_LABELS,
  RATINGS,
  RATING_LABELS,
  REGIME_LABELS,
  classUndecided,
  type CommendationType,
  type Discipline,
  type Honor,
  type InitiativeScope,
  type Rating,
} from '../../../shared/codes';
import { EligibilityTable } from './parts';
import { codeOf } from '../../lib/codes';
import { keys } from '../../api/keys';
import { currentYearVn, todayDayjs } from '../../lib/today';

const RATING_COLORS: Record<string, string> = { HTXSNV: 'green', HTTNV: 'blue', HTNV: 'default', KHTNV: 'red' };

interface YearRow {
  year: number;
  rating: RatingRec | undefined;
  honors: HonorRec[];
  initiatives: InitiativeRec[];
  disciplines: DisciplineRec[];
  facts: FactRec[];
}

type ModalKind = 'honor' | 'initiative' | 'discipline' | null;

export default function RecordsPage({ kind }: { kind: 'person' | 'unit' }) {
  const { id = '' } = useParams();
  const subject: SubjectRef = { kind, id };
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [decisionDate, setDecisionDate] = useState<Dayjs>(todayDayjs());
  const [year, setYear] = useState<number>(currentYearVn() - 1);
  const [modal, setModal] = useState<ModalKind>(null);

  const records = useQuery({ queryKey: keys.records.of(kind, id), queryFn: () => getRecords(subject) });
  const eligibility = useQuery({
    queryKey: keys.records.eligibility(kind, id, year, decisionDate.format('YYYY-MM-DD')),
    queryFn: () => getEligibility(subject, { year, decisionDate: decisionDate.format('YYYY-MM-DD') }),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: keys.records.of(kind, id) });
  const act = useMutation({
    mutationFn: (f: () => Promise<unknown>) => f(),
    onSuccess: async () => {
      message.success('Đã lưu.');
      await refresh();
    },
    onError: (err) => message.error(errorText(err)),
  });

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
      Quay lại
    </Button>
  );
  if (records.isPending) return <LoadingBlock rows={10} />;
  if (records.isError) {
    return (
      <>
        <PageHeader title="Quá trình thi đua, khen thưởng" extra={back} />
        <ErrorAlert error={records.error} onRetry={() => void records.refetch()} />
      </>
    );
  }
  const r = records.data;
  const canWrite = r.abilities.includes('write');
  const thisYear = currentYearVn();
  const maxYear = Math.max(thisYear - 1, ...r.years);
  const minYear = Math.min(thisYear - 7, ...r.years);
  const rows: YearRow[] = [];
  for (let y = maxYear; y >= minYear; y--) {
    rows.push({
      year: y,
      rating: r.ratings.find((x) => x.year === y),
      honors: r.honors.filter((x) => x.year === y),
      initiatives: r.initiatives.filter((x) => x.year === y),
      disciplines: r.disciplines.filter((x) => x.year === y),
      facts: r.facts.filter((x) => x.year === y),
    });
  }
  const el = eligibility.data;

  const honorTag = (h: HonorRec): ReactNode => {
    const tag = (
      <Tooltip
        title={
          <>
            {h.typeLabel}
            {h.decisionNumber ? (
              <div>
                QĐ số {h.decisionNumber}
                {h.decisionDate ? ` ngày ${fmtDate(h.decisionDate)}` : ''}
              </div>
            ) : null}
            {h.issuer ? <div>{h.issuer}</div> : null}
            {h.revoked ? <div>Đã thu hồi: {h.revokedReason}</div> : null}
          </>
        }
      >
        <Tag
          color={h.revoked ? 'default' : h.type === 'cong_trang' ? 'geekblue' : 'purple'}
          style={{ whiteSpace: 'normal', ...(h.revoked ? { textDecoration: 'line-through' } : {}) }}
          data-testid="history-honor"
        >
          {h.posthumous ? h.awardWording : h.honorLabel}
          {h.decisionNumber ? ` · ${h.decisionNumber}` : ''}
          {h.inKindDescription ? (
            <div data-testid="history-in-kind">
              Hiện vật: {h.inKindDescription}
              {h.inKindValue !== null ? ` (${h.inKindValue.toLocaleString('vi-VN')} đ)` : ''}
            </div>
          ) : null}
        </Tag>
      </Tooltip>
    );
    // What may be done to this honor is the server's answer (an honor issued by a decision is only revoked).
    const canRemove = h.abilities.includes('remove');
    if (!h.abilities.includes('revoke')) return <span key={h.id}>{tag}</span>;
    return (
      <Popconfirm
        key={h.id}
        title={`${h.posthumous ? h.awardWording : h.honorLabel} năm ${h.year}`}
        description={canRemove ? 'Thu hồi (giữ trong lịch sử) hoặc xóa nếu nhập nhầm?' : 'Thu hồi khen thưởng này (vẫn giữ trong lịch sử)?'}
        okText="Thu hồi"
        okButtonProps={{ danger: true }}
        showCancel={canRemove}
        cancelText="Xóa (nhập nhầm)"
        onConfirm={() => act.mutate(() => revokeHonor(h.id, 'Thu hồi theo quyết định của cấp có thẩm quyền'))}
        onCancel={(e) => {
          // Only the button cancels with an event; clicking outside just closes.
          if (e) act.mutate(() => removeHonor(h.id));
        }}
      >
        <span style={{ cursor: 'pointer' }}>{tag}</span>
      </Popconfirm>
    );
  };

  return (
    <>
      <PageHeader
        title={`${kind === 'person' ? 'Thi đua, khen thưởng' : 'Thi đua, khen thưởng tập thể'}: ${r.subject.name}`}
        subtitle={kind === 'person' ? r.subject.unitName : 'Tập thể (gồm cán bộ của đơn vị và các đơn vị trực thuộc trong năm xét)'}
        extra={
          <>
            {back}
            {kind === 'person' ? (
              <Button icon={<UserOutlined />} onClick={() => navigate(`/can-bo/${id}`)}>
                Hồ sơ cán bộ
              </Button>
            ) : null}
          </>
        }
      />

      <Card
        size="small"
        title="Đủ điều kiện danh hiệu, hình thức nào?"
        style={{ marginBottom: 16 }}
        extra={
          <Space wrap>
            <span>Năm thành tích</span>
            <InputNumber min={1990} max={2100} value={year} onChange={(v) => v && setYear(v)} style={{ width: 90 }} data-testid="eligibility-year" />
            <span>Ngày quyết định dự kiến</span>
            <DatePicker format={DATE_FORMAT} value={decisionDate} allowClear={false} onChange={(d) => d && setDecisionDate(d)} />
          </Space>
        }
      >
        {eligibility.isError ? <ErrorAlert error={eligibility.error} /> : null}
        {el ? (
          <>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              Chế độ áp dụng: <b>{REGIME_LABELS[el.regime]}</b>
              {el.members !== null ? ` · ${el.members} thành viên trong năm ${el.year}` : ''}
              {el.appliedOverrides.length ? (
                <>
                  {' · '}Quy định riêng của cơ quan:{' '}
                  {el.appliedOverrides.map((o) => (
                    <Tag key={o} color="cyan">
                      {o}
                    </Tag>
                  ))}
                </>
              ) : null}
            </Typography.Paragraph>
            <EligibilityTable results={el.results} />
          </>
        ) : eligibility.isPending ? (
          <LoadingBlock rows={4} />
        ) : null}
      </Card>

      <Card
        size="small"
        title="Quá trình theo năm"
        extra={
          canWrite ? (
            <Space wrap>
              <Button icon={<PlusOutlined />} onClick={() => setModal('honor')} data-testid="add-honor">
                Thêm khen thưởng
              </Button>
              {kind === 'person' ? (
                <Button icon={<PlusOutlined />} onClick={() => setModal('initiative')}>
                  Thêm sáng kiến
                </Button>
              ) : null}
              <Button icon={<PlusOutlined />} onClick={() => setModal('discipline')}>
                Ghi kỷ luật
              </Button>
            </Space>
          ) : null
        }
      >
        <Table<YearRow>
          rowKey="year"
          size="small"
          pagination={false}
          dataSource={rows}
          data-testid="history-table"
          scroll={{ x: 'max-content' }}
          columns={[
            { title: 'Năm', dataIndex: 'year', width: 70 },
            {
              title: 'Xếp loại chất lượng',
              width: 330,
              render: (_: unknown, row) =>
                canWrite ? (
                  <Select
                    size="small"
                    style={{ width: 310 }}
                    placeholder="Chưa xếp loại"
                    value={codeOf(RATINGS, row.rating?.rating)}
                    options={RATINGS.map((x) => ({ value: x, label: `${x} – ${RATING_LABELS[x]}` }))}
                    onChange={(v: Rating) => act.mutate(() => setRating(subject, row.year, v, row.rating?.version))}
                    data-testid={`rating-${row.year}`}
                  />
                ) : row.rating ? (
                  <Tooltip title={row.rating.ratingLabel}>
                    <Tag color={RATING_COLORS[row.rating.rating]}>{row.rating.rating}</Tag>
                  </Tooltip>
                ) : (
                  <Typography.Text type="secondary">Chưa có</Typography.Text>
                ),
            },
            {
              title: 'Khen thưởng',
              render: (_: unknown, row) => (
                <Flex wrap gap={4}>
                  {row.honors.map(honorTag)}
                </Flex>
              ),
            },
            {
              title: 'Sáng kiến',
              render: (_: unknown, row) => (
                <Flex vertical gap={2}>
                  {row.initiatives.map((i) => (
                    <span key={i.id}>
                      <Tag color={i.scope === 'co_so' ? 'default' : 'gold'}>{i.scopeLabel}</Tag>
                      {i.title}
                      {i.used ? <Tag style={{ marginLeft: 4 }}>đã dùng để xét khen</Tag> : null}
                      {i.abilities.includes('remove') ? (
                        <Popconfirm title="Xóa sáng kiến này?" okText="Xóa" cancelText="Hủy" onConfirm={() => act.mutate(() => removeInitiative(i.id))}>
                          <Button type="link" size="small" danger>
                            Xóa
                          </Button>
                        </Popconfirm>
                      ) : null}
                    </span>
                  ))}
                </Flex>
              ),
            },
            {
              title: 'Kỷ luật, xác nhận',
              width: 220,
              render: (_: unknown, row) => (
                <Flex vertical gap={2}>
                  {row.disciplines.map((d) => (
                    <span key={d.id}>
                      <Tag color="red">{d.levelLabel}</Tag>
                      {d.decisionNumber ? `QĐ ${d.decisionNumber}` : ''}
                      {d.abilities.includes('remove') ? (
                        <Popconfirm
                          title="Xóa quyết định kỷ luật này?"
                          okText="Xóa"
                          cancelText="Hủy"
                          onConfirm={() => act.mutate(() => removeDiscipline(d.id))}
                        >
                          <Button type="link" size="small" danger>
                            Xóa
                          </Button>
                        </Popconfirm>
                      ) : null}
                    </span>
                  ))}
                  {row.facts.map((f) => (
                    <Tag key={f.id} color="cyan">
                      {f.factLabel}
                    </Tag>
                  ))}
                </Flex>
              ),
            },
          ]}
        />
      </Card>

      <HonorModal open={modal === 'honor'} subject={subject} kind={kind} onClose={() => setModal(null)} onSaved={refresh} />
      <InitiativeModal open={modal === 'initiative'} personId={id} personName={r.subject.name} onClose={() => setModal(null)} onSaved={refresh} />
      <DisciplineModal open={modal === 'discipline'} subject={subject} onClose={() => setModal(null)} onSaved={refresh} />
    </>
  );
}

function useSave(onSaved: () => Promise<unknown>, onClose: () => void) {
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const m = useMutation({
    mutationFn: (f: () => Promise<unknown>) => f(),
    onSuccess: async () => {
      message.success('Đã lưu.');
      setError(null);
      await onSaved();
      onClose();
    },
    onError: (err) => setError(errorText(err)),
  });
  return { error, setError, m };
}

const subjectBody = (s: SubjectRef) => (s.kind === 'person' ? { personId: s.id } : { unitId: s.id });
const lastYear = () => currentYearVn() - 1;

interface HonorFormValues {
  honor: Honor;
  year: number;
  type: CommendationType;
  decisionNumber?: string;
  decisionDate?: Dayjs;
  issuer?: string;
  posthumous?: boolean;
  inKindDescription?: string;
  inKindValue?: number | null;
}

function HonorModal({
  open,
  subject,
  kind,
  onClose,
  onSaved,
}: {
  open: boolean;
  subject: SubjectRef;
  kind: 'person' | 'unit';
  onClose: () => void;
  onSaved: () => Promise<unknown>;
}) {
  const [form] = Form.useForm();
  const { error, m } = useSave(onSaved, onClose);
  // An honor received has its class: a Huân chương whose class is still undecided is only a proposal.
  const honors = HONORS.filter((h) => !classUndecided(h) && HONOR_INFO[h].subjects.includes(kind === 'person' ? 'individual' : 'collective'));
  return (
    <FormModal
      open={open}
      title="Thêm khen thưởng đã nhận"
      okText="Lưu"
      onCancel={onClose}
      form={form}
      onFinish={({ decisionDate, inKindDescription, inKindValue, posthumous, ...v }: HonorFormValues) =>
        m.mutate(() =>
          addHonor({
            ...subjectBody(subject),
            ...v,
            decisionDate: decisionDate ? decisionDate.format('YYYY-MM-DD') : null,
            ...(kind === 'person' && { posthumous: posthumous ?? false }),
            inKindDescription: inKindDescription?.trim() || null,
            inKindValue: inKindValue ?? null,
          }),
        )
      }
      pending={m.isPending}
      error={error}
      initialValues={{ year: lastYear(), type: 'cong_trang' }}
      destroyOnHidden
    >
      <Form.Item label="Danh hiệu, hình thức" name="honor" rules={[{ required: true, message: 'Hãy chọn danh hiệu, hình thức.' }]}>
        <Select options={honors.map((h) => ({ value: h, label: HONOR_INFO[h].label }))} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item label="Năm thành tích" name="year" rules={[{ required: true }]}>
          <InputNumber min={1990} max={2100} />
        </Form.Item>
        <Form.Item label="Loại hình" name="type" style={{ flex: 1, minWidth: 0 }}>
          <Select options={COMMENDATION_TYPES.map((t) => ({ value: t, label: COMMENDATION_TYPE_LABELS[t] }))} />
        </Form.Item>
      </Flex>
      <Flex gap={12}>
        <Form.Item label="Số quyết định" name="decisionNumber" style={{ flex: 1 }}>
          <Input placeholder="12/QĐ-SKHCN" />
        </Form.Item>
        <Form.Item label="Ngày quyết định" name="decisionDate">
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
      </Flex>
      <Form.Item label="Cơ quan, người ban hành" name="issuer">
        <Input placeholder="Giám đốc Sở Khoa học và Công nghệ" />
      </Form.Item>
      {kind === 'person' ? (
        <Form.Item name="posthumous" label="Truy tặng (đã hy sinh, từ trần)" valuePropName="checked">
          <Switch data-testid="honor-posthumous" />
        </Form.Item>
      ) : null}
      <Form.Item name="inKindDescription" label="Hiện vật khen thưởng (nếu có)">
        <Input placeholder="Công trình phúc lợi: nhà văn hóa thôn" maxLength={500} data-testid="honor-in-kind-description" />
      </Form.Item>
      <Form.Item
        name="inKindValue"
        label="Giá trị hiện vật (đồng)"
        dependencies={['inKindDescription']}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_, value: number | null | undefined) => {
              const described = Boolean((getFieldValue('inKindDescription') as string | undefined)?.trim());
              const valued = value !== undefined && value !== null;
              if (described && !valued) return Promise.reject(new Error('Hãy ghi giá trị của hiện vật.'));
              if (!described && valued) return Promise.reject(new Error('Hãy ghi hiện vật trước khi ghi giá trị.'));
              return Promise.resolve();
            },
          }),
        ]}
      >
        <InputNumber min={1} max={1_000_000_000_000} step={1_000_000} style={{ width: '100%' }} data-testid="honor-in-kind-value" />
      </Form.Item>
    </FormModal>
  );
}

function InitiativeModal({
  open,
  personId,
  personName,
  onClose,
  onSaved,
}: {
  open: boolean;
  personId: string;
  personName: string;
  onClose: () => void;
  onSaved: () => Promise<unknown>;
}) {
  const [form] = Form.useForm();
  const { error, m } = useSave(onSaved, onClose);
  return (
    <FormModal
      open={open}
      title="Thêm sáng kiến được công nhận"
      okText="Lưu"
      onCancel={onClose}
      form={form}
      onFinish={(v: { title: string; scope: InitiativeScope; year: number; decisionNumber?: string; coAuthors?: string[] }) =>
        m.mutate(() =>
          addInitiative({
            title: v.title,
            scope: v.scope,
            year: v.year,
            decisionNumber: v.decisionNumber ?? null,
            authorIds: [personId, ...(v.coAuthors ?? [])],
          }),
        )
      }
      pending={m.isPending}
      error={error}
      initialValues={{ year: lastYear(), scope: 'co_so' }}
      destroyOnHidden
    >
      <Form.Item label="Tên sáng kiến" name="title" rules={[{ required: true, min: 3, message: 'Hãy nhập tên sáng kiến.' }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Flex gap={12}>
        <Form.Item label="Phạm vi ảnh hưởng" name="scope" style={{ flex: 1 }}>
          <Select options={INITIATIVE_SCOPES.map((s) => ({ value: s, label: INITIATIVE_SCOPE_LABELS[s] }))} />
        </Form.Item>
        <Form.Item label="Năm công nhận" name="year" rules={[{ required: true }]}>
          <InputNumber min={1990} max={2100} />
        </Form.Item>
      </Flex>
      <Form.Item label="Quyết định công nhận số" name="decisionNumber">
        <Input />
      </Form.Item>
      <Form.Item label={`Đồng tác giả (ngoài ${personName})`} name="coAuthors">
        <PersonPickerMulti />
      </Form.Item>
    </FormModal>
  );
}

/** One co-author at a time through the person search, kept as a list. */
function PersonPickerMulti({ value, onChange }: { value?: string[]; onChange?: (v: string[]) => void }) {
  const list = value ?? [];
  return (
    <Flex vertical gap={4}>
      <PersonPicker value={null} onChange={(v) => v && !list.includes(v) && onChange?.([...list, v])} />
      {list.length ? <Typography.Text type="secondary">Đã chọn {list.length} đồng tác giả</Typography.Text> : null}
    </Flex>
  );
}

function DisciplineModal({ open, subject, onClose, onSaved }: { open: boolean; subject: SubjectRef; onClose: () => void; onSaved: () => Promise<unknown> }) {
  const [form] = Form.useForm();
  const { error, m } = useSave(onSaved, onClose);
  return (
    <FormModal
      open={open}
      title="Ghi quyết định kỷ luật"
      okText="Lưu"
      onCancel={onClose}
      form={form}
      onFinish={(v: { level: Discipline; year: number; decisionNumber?: string; decisionDate?: Dayjs; note?: string }) =>
        m.mutate(() => addDiscipline({ ...subjectBody(subject), ...v, decisionDate: v.decisionDate ? v.decisionDate.format('YYYY-MM-DD') : null }))
      }
      pending={m.isPending}
      error={error}
      initialValues={{ year: lastYear(), level: 'khien_trach' }}
      destroyOnHidden
    >
      <Flex gap={12}>
        <Form.Item label="Hình thức kỷ luật" name="level" style={{ flex: 1 }}>
          <Select options={DISCIPLINES.map((d) => ({ value: d, label: DISCIPLINE_LABELS[d] }))} />
        </Form.Item>
        <Form.Item label="Năm" name="year" rules={[{ required: true }]}>
          <InputNumber min={1990} max={2100} />
        </Form.Item>
      </Flex>
      <Flex gap={12}>
        <Form.Item label="Số quyết định" name="decisionNumber" style={{ flex: 1 }}>
          <Input />
        </Form.Item>
        <Form.Item label="Ngày quyết định" name="decisionDate">
          <DatePicker format={DATE_FORMAT} />
        </Form.Item>
      </Flex>
      <Form.Item label="Ghi chú" name="note">
        <Input />
      </Form.Item>
    </FormModal>
  );
}

/** Drafting a movement: the text, period, participants, targets, phases, honors offered with quotas, deadlines. */
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { Dayjs } from 'dayjs';
import { createMovement, getMovement, updateMovement, type Movement } from '../../api/plans';
import { errorText } from '../../api/client';
import { useUser } from '../../auth/AuthContext';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert, LoadingBlock } from '../../components/PageStates';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useUnits } from '../../lib/hooks';
import { fromDayjs, toDayjs } from '../../lib/format';
import { codeOf, codesOf } from '../../lib/codes';
import { HONORS, HONOR_INFO, SUBJECT_KINDS, SUBJECT_KIND_LABELS, type Honor, type SubjectKind } from '../../../shared/codes';
import {
  DAY_COUNT_KINDS,
  DAY_COUNT_KIND_LABELS,
  DEADLINE_KINDS,
  DEADLINE_KIND_LABELS,
  MOVEMENT_TYPES,
  MOVEMENT_TYPE_LABELS,
  type DayCountKind,
  type DeadlineKind,
  type MovementInput,
  type MovementType,
} from '../../../shared/schemas/plans';
import { keys } from '../../api/keys';
import { currentYearVn } from '../../lib/today';

interface FormValues {
  unitId: string;
  parentId?: string;
  type: MovementType;
  year: number;
  number?: string;
  issuedDate?: Dayjs;
  issuer?: string;
  title: string;
  basis?: string;
  theme?: string;
  slogan?: string;
  purpose?: string;
  content?: string;
  subjectsText?: string;
  criteria?: string;
  period: [Dayjs, Dayjs];
  registrationDeadline?: Dayjs;
  /** Registration window: opening day (optional) and closing day. */
  registrationStartDate?: Dayjs;
  signerTitle?: string;
  signerName?: string;
  participantUnitIds: string[];
  targets: { subjectKind: SubjectKind; honor?: Honor; measure: 'share' | 'count'; value: number; valueMax?: number; label: string }[];
  phases: { name: string; period: [Dayjs, Dayjs]; summingUpDeadline?: Dayjs; content?: string }[];
  honors: {
    honor: Honor;
    subjectKinds: SubjectKind[];
    quota?: number;
    quotaNote?: string;
    awardedBy?: string;
    criteria?: string;
    minTargetShare?: number;
    criteriaByDate?: Dayjs;
  }[];
  deadlines: {
    key?: string;
    kind: DeadlineKind;
    title: string;
    /** [opens, closes]; the opening may be left empty (a plain due date). */
    window: [Dayjs | null, Dayjs];
    dayCountKind?: DayCountKind;
    dayCount?: number;
    honors?: Honor[];
    audience: 'office' | 'units';
    note?: string;
  }[];
}

const honorOptions = HONORS.map((h) => ({ value: h, label: HONOR_INFO[h].label }));
const kindOptions = SUBJECT_KINDS.map((k) => ({ value: k, label: SUBJECT_KIND_LABELS[k] }));

function toForm(m: Movement | undefined, unitId: string, parentId: string | null): Partial<FormValues> {
  if (!m)
    return {
      unitId,
      parentId: parentId ?? undefined,
      type: 'regular',
      year: currentYearVn(),
      participantUnitIds: [],
      targets: [],
      phases: [],
      honors: [],
      deadlines: [],
    };
  return {
    unitId: m.unitId,
    parentId: m.parentId ?? undefined,
    type: m.type as MovementType,
    year: m.year,
    number: m.number ?? undefined,
    issuedDate: toDayjs(m.issuedDate),
    issuer: m.issuer ?? undefined,
    title: m.title,
    basis: m.basis ?? undefined,
    theme: m.theme ?? undefined,
    slogan: m.slogan ?? undefined,
    purpose: m.purpose ?? undefined,
    content: m.content ?? undefined,
    subjectsText: m.subjectsText ?? undefined,
    criteria: m.criteria ?? undefined,
    period: [toDayjs(m.startDate)!, toDayjs(m.endDate)!],
    registrationDeadline: toDayjs(m.registrationDeadline),
    registrationStartDate: toDayjs(m.registrationStartDate),
    signerTitle: m.signerTitle ?? undefined,
    signerName: m.signerName ?? undefined,
    participantUnitIds: m.participants.map((p) => p.id),
    targets: m.targets.flatMap((t) => {
      const subjectKind = codeOf(SUBJECT_KINDS, t.subjectKind);
      return subjectKind
        ? [
            {
              subjectKind,
              honor: codeOf(HONORS, t.honor),
              measure: t.measure === 'count' ? ('count' as const) : ('share' as const),
              value: t.value,
              valueMax: t.valueMax ?? undefined,
              label: t.label,
            },
          ]
        : [];
    }),
    phases: m.phases.map((p) => ({
      name: p.name,
      period: [toDayjs(p.startDate)!, toDayjs(p.endDate)!],
      summingUpDeadline: toDayjs(p.summingUpDeadline),
      content: p.content ?? undefined,
    })),
    honors: m.honors.flatMap((h) => {
      const honor = codeOf(HONORS, h.honor);
      return honor
        ? [
            {
              honor,
              subjectKinds: codesOf(SUBJECT_KINDS, h.subjectKinds),
              quota: h.quota ?? undefined,
              quotaNote: h.quotaNote ?? undefined,
              awardedBy: h.awardedBy ?? undefined,
              criteria: h.criteria ?? undefined,
              minTargetShare: h.minTargetShare ?? undefined,
              criteriaByDate: toDayjs(h.criteriaByDate),
            },
          ]
        : [];
    }),
    deadlines: (m.extraDeadlines ?? []).flatMap((d) => {
      const kind = codeOf(DEADLINE_KINDS, d.kind);
      return kind
        ? [
            {
              key: d.key,
              kind,
              title: d.title,
              window: [toDayjs(d.startDate) ?? null, toDayjs(d.dueDate)!] as [Dayjs | null, Dayjs],
              dayCountKind: d.dayCountKind ?? undefined,
              dayCount: d.dayCount ?? undefined,
              honors: codesOf(HONORS, d.honors ?? []),
              audience: d.audience === 'units' ? ('units' as const) : ('office' as const),
              note: d.note ?? undefined,
            },
          ]
        : [];
    }),
  };
}

function toInput(v: FormValues, version?: number): MovementInput {
  return {
    unitId: v.unitId,
    parentId: v.parentId ?? null,
    planId: null,
    type: v.type,
    year: v.year,
    number: v.number || null,
    issuedDate: fromDayjs(v.issuedDate),
    issuer: v.issuer || null,
    title: v.title,
    basis: v.basis || null,
    theme: v.theme || null,
    slogan: v.slogan || null,
    content: v.content || null,
    purpose: v.purpose || null,
    subjectsText: v.subjectsText || null,
    criteria: v.criteria || null,
    startDate: fromDayjs(v.period[0])!,
    endDate: fromDayjs(v.period[1])!,
    registrationDeadline: fromDayjs(v.registrationDeadline),
    registrationStartDate: fromDayjs(v.registrationStartDate),
    signerTitle: v.signerTitle || null,
    signerName: v.signerName || null,
    participantUnitIds: v.participantUnitIds ?? [],
    targets: (v.targets ?? []).map((t) => ({
      subjectKind: t.subjectKind,
      honor: t.honor ?? null,
      measure: t.measure,
      value: t.value ?? 0,
      valueMax: t.valueMax ?? null,
      label: t.label,
    })),
    phases: (v.phases ?? []).map((p) => ({
      name: p.name,
      startDate: fromDayjs(p.period?.[0])!,
      endDate: fromDayjs(p.period?.[1])!,
      summingUpDeadline: fromDayjs(p.summingUpDeadline),
      content: p.content || null,
    })),
    honors: (v.honors ?? []).map((h) => ({
      honor: h.honor,
      subjectKinds: h.subjectKinds ?? [],
      quota: h.quota ?? null,
      quotaNote: h.quotaNote || null,
      awardedBy: h.awardedBy || null,
      criteria: h.criteria || null,
      minTargetShare: h.minTargetShare ?? null,
      criteriaByDate: fromDayjs(h.criteriaByDate),
    })),
    deadlines: (v.deadlines ?? []).map((d) => ({
      key: d.key,
      kind: d.kind,
      title: d.title,
      startDate: fromDayjs(d.window?.[0]),
      dueDate: fromDayjs(d.window?.[1])!,
      dayCountKind: d.dayCountKind ?? null,
      dayCount: d.dayCount ?? null,
      honors: d.honors ?? [],
      audience: d.audience ?? 'office',
      note: d.note || null,
      responsibleUnitId: null,
      remindDays: null,
    })),
    version,
  };
}

function ListCard({ title, onAdd, children }: { title: string; onAdd: () => void; children: React.ReactNode }) {
  return (
    <Card
      size="small"
      title={title}
      extra={
        <Button size="small" icon={<PlusOutlined />} onClick={onAdd}>
          Thêm
        </Button>
      }
    >
      {children}
    </Card>
  );
}

export default function MovementEditorPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const user = useUser();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const units = useUnits();
  const isNew = !id;
  const q = useQuery({ queryKey: keys.movement(id), queryFn: () => getMovement(id!), enabled: !isNew });
  const [form] = Form.useForm<FormValues>();
  const parentId = params.get('parentId') ?? q.data?.parentId ?? null;
  const parent = useQuery({ queryKey: keys.movement(parentId), queryFn: () => getMovement(parentId!), enabled: !!parentId });
  const save = useMutation({
    mutationFn: (v: FormValues) => (isNew ? createMovement(toInput(v)) : updateMovement(id, toInput(v, q.data?.version))),
    onSuccess: async (m) => {
      message.success('Đã lưu phong trào.');
      qc.setQueryData(keys.movement(m.id), m);
      await qc.invalidateQueries({ queryKey: keys.movements.all });
      void navigate(`/phong-trao/${m.id}`);
    },
    onError: (e) => message.error(errorText(e)),
  });
  if (!isNew && q.isPending) return <LoadingBlock />;
  if (!isNew && q.isError) return <ErrorAlert error={q.error} />;
  const unitOptions = (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
  return (
    <>
      <PageHeader title={isNew ? 'Soạn phong trào thi đua' : `Sửa: ${q.data?.title}`} />
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={toForm(q.data, user.unitId, params.get('parentId'))}
        onFinish={(v) => save.mutate(v)}
        // Enter in a date or a text box confirms that box; it must not save a half-filled movement.
        onKeyDown={(e) => {
          if (e.key === 'Enter' && e.target instanceof HTMLInputElement) e.preventDefault();
        }}
        data-testid="movement-editor"
      >
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card size="small" title="Thông tin chung">
            <Row gutter={12}>
              <Col xs={24} md={9}>
                <Form.Item name="unitId" label="Đơn vị phát động" rules={[{ required: true, message: 'Chọn đơn vị' }]}>
                  <UnitTreeSelect disabled={!isNew} />
                </Form.Item>
              </Col>
              <Col xs={12} md={5}>
                <Form.Item name="type" label="Loại phong trào">
                  <Select options={MOVEMENT_TYPES.map((t) => ({ value: t, label: MOVEMENT_TYPE_LABELS[t] }))} />
                </Form.Item>
              </Col>
              <Col xs={12} md={3}>
                <Form.Item name="year" label="Năm" rules={[{ required: true }]}>
                  <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={7}>
                <Form.Item name="period" label="Thời gian thi đua (từ ngày phát động)" rules={[{ required: true, message: 'Chọn thời gian' }]}>
                  <DatePicker.RangePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
            {parentId ? (
              <Form.Item name="parentId" label="Phong trào cấp trên" hidden>
                <Input />
              </Form.Item>
            ) : null}
            {parentId ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`Phong trào cấp dưới của: ${parent.data?.title ?? '…'}`} /> : null}
            <Form.Item name="title" label="Tên phong trào" rules={[{ required: true, min: 3, message: 'Nhập tên phong trào' }]}>
              <Input />
            </Form.Item>
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item name="theme" label="Chủ đề">
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="slogan" label="Khẩu hiệu">
                  <Input />
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={12}>
              <Col xs={24} sm={12} md={4}>
                <Form.Item name="registrationStartDate" label="Mở đăng ký từ ngày">
                  <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} data-testid="movement-registration-start" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12} md={4}>
                <Form.Item name="registrationDeadline" label="Hạn đăng ký thi đua">
                  <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={16}>
                <Form.Item name="participantUnitIds" label="Đơn vị tham gia (để trống: mọi đơn vị trực thuộc)">
                  <Select mode="multiple" options={unitOptions} optionFilterProp="label" allowClear />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="basis" label="Căn cứ">
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 5 }} />
            </Form.Item>
            <Row gutter={12}>
              <Col xs={24} md={12}>
                <Form.Item name="purpose" label="Mục đích, yêu cầu">
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="content" label="Nội dung thi đua">
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="subjectsText" label="Đối tượng">
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 5 }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="criteria" label="Tiêu chuẩn">
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 8 }} />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          <Form.List name="targets">
            {(fields, { add, remove }) => (
              <ListCard title="Chỉ tiêu thi đua (đo được)" onAdd={() => add({ subjectKind: 'collective', measure: 'share', value: 100, label: '' })}>
                {fields.map((f) => (
                  <Row key={f.key} gutter={8}>
                    <Col span={7}>
                      <Form.Item name={[f.name, 'label']} rules={[{ required: true, message: 'Nhập nội dung chỉ tiêu' }]}>
                        <Input placeholder="20% tập thể đạt TTLĐXS" />
                      </Form.Item>
                    </Col>
                    <Col span={3}>
                      <Form.Item name={[f.name, 'subjectKind']}>
                        <Select options={kindOptions} />
                      </Form.Item>
                    </Col>
                    <Col span={5}>
                      <Form.Item name={[f.name, 'honor']}>
                        <Select allowClear showSearch optionFilterProp="label" options={honorOptions} placeholder="Danh hiệu" />
                      </Form.Item>
                    </Col>
                    <Col span={3}>
                      <Form.Item name={[f.name, 'measure']}>
                        <Select
                          options={[
                            { value: 'share', label: 'Tỉ lệ %' },
                            { value: 'count', label: 'Số lượng' },
                          ]}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={2}>
                      <Form.Item name={[f.name, 'value']}>
                        <InputNumber min={0} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col span={2}>
                      <Form.Item name={[f.name, 'valueMax']}>
                        <InputNumber min={0} placeholder="đến" style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col span={1}>
                      <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                    </Col>
                  </Row>
                ))}
              </ListCard>
            )}
          </Form.List>
          <Form.List name="phases">
            {(fields, { add, remove }) => (
              <ListCard title="Các đợt thi đua" onAdd={() => add({ name: `Đợt thi đua thứ ${fields.length + 1}` })}>
                {fields.map((f) => (
                  <Row key={f.key} gutter={8}>
                    <Col span={5}>
                      <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}>
                        <Input />
                      </Form.Item>
                    </Col>
                    <Col span={6}>
                      <Form.Item name={[f.name, 'period']} rules={[{ required: true, message: 'Chọn thời gian' }]}>
                        <DatePicker.RangePicker format="DD/MM/YYYY" />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Form.Item name={[f.name, 'summingUpDeadline']}>
                        <DatePicker format="DD/MM/YYYY" placeholder="Hạn sơ kết" style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col span={8}>
                      <Form.Item name={[f.name, 'content']}>
                        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} placeholder="Nội dung đợt" />
                      </Form.Item>
                    </Col>
                    <Col span={1}>
                      <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                    </Col>
                  </Row>
                ))}
              </ListCard>
            )}
          </Form.List>
          <Form.List name="honors">
            {(fields, { add, remove }) => (
              <ListCard title="Hình thức khen thưởng, chỉ tiêu khen thưởng" onAdd={() => add({ honor: 'GK', subjectKinds: [] })}>
                {fields.map((f) => (
                  <Row key={f.key} gutter={8}>
                    <Col span={5}>
                      <Form.Item name={[f.name, 'honor']}>
                        <Select showSearch optionFilterProp="label" options={honorOptions} />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Form.Item name={[f.name, 'subjectKinds']}>
                        <Select mode="multiple" options={kindOptions} placeholder="Mọi đối tượng" />
                      </Form.Item>
                    </Col>
                    <Col span={2}>
                      <Form.Item name={[f.name, 'quota']}>
                        <InputNumber min={0} placeholder="Tối đa" style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col span={6}>
                      <Form.Item name={[f.name, 'quotaNote']}>
                        <Input placeholder="01 tập thể hoặc 01 cá nhân" />
                      </Form.Item>
                    </Col>
                    <Col span={6}>
                      <Form.Item name={[f.name, 'awardedBy']}>
                        <Input placeholder="Cấp khen" />
                      </Form.Item>
                    </Col>
                    <Col span={1}>
                      <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                    </Col>
                  </Row>
                ))}
              </ListCard>
            )}
          </Form.List>
          <Form.List name="deadlines">
            {(fields, { add, remove }) => (
              <ListCard
                title="Thời hạn (gửi hồ sơ theo từng hình thức khen thưởng, tổng hợp, báo cáo)"
                onAdd={() => add({ kind: 'unit_submission', audience: 'units', honors: [] })}
              >
                {fields.map((f) => (
                  <Row key={f.key} gutter={8} data-testid="movement-deadline-row">
                    <Col xs={24} sm={12} md={4}>
                      <Form.Item name={[f.name, 'kind']}>
                        <Select options={DEADLINE_KINDS.map((k) => ({ value: k, label: DEADLINE_KIND_LABELS[k] }))} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={12} md={8}>
                      <Form.Item name={[f.name, 'title']} rules={[{ required: true, message: 'Nhập nội dung' }]}>
                        <Input placeholder="Nội dung (Hồ sơ đề nghị Cờ thi đua…)" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={12} md={6}>
                      <Form.Item
                        name={[f.name, 'window']}
                        rules={[
                          {
                            validator: (_r, v: [Dayjs | null, Dayjs] | undefined) => (v?.[1] ? Promise.resolve() : Promise.reject(new Error('Chọn hạn chót'))),
                          },
                        ]}
                        extra="Từ ngày (có thể để trống) – đến hết ngày"
                      >
                        <DatePicker.RangePicker
                          format="DD/MM/YYYY"
                          allowEmpty={[true, false]}
                          placeholder={['Từ ngày', 'Đến hết ngày']}
                          style={{ width: '100%' }}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={6} md={2}>
                      <Form.Item name={[f.name, 'dayCount']}>
                        <InputNumber min={1} max={366} placeholder="Số ngày" style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={6} md={4}>
                      <Form.Item name={[f.name, 'dayCountKind']}>
                        <Select allowClear placeholder="Tính theo" options={DAY_COUNT_KINDS.map((k) => ({ value: k, label: DAY_COUNT_KIND_LABELS[k] }))} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} sm={12} md={14}>
                      <Form.Item name={[f.name, 'honors']}>
                        <Select
                          mode="multiple"
                          allowClear
                          placeholder="Áp dụng cho hình thức khen thưởng (để trống: mọi hình thức)"
                          aria-label="Áp dụng cho hình thức khen thưởng"
                          options={honorOptions}
                          optionFilterProp="label"
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={12} sm={6} md={4}>
                      <Form.Item name={[f.name, 'audience']}>
                        <Select
                          options={[
                            { value: 'units', label: 'Các đơn vị' },
                            { value: 'office', label: 'Văn phòng' },
                          ]}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={10} sm={5} md={5}>
                      <Form.Item name={[f.name, 'note']}>
                        <Input placeholder="Quá hạn thì…" />
                      </Form.Item>
                    </Col>
                    <Col xs={2} sm={1} md={1}>
                      <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="Xóa thời hạn" />
                    </Col>
                  </Row>
                ))}
              </ListCard>
            )}
          </Form.List>
          <Card size="small" title="Văn bản phát động, người ký">
            <Row gutter={12}>
              <Col xs={24} sm={12} md={6}>
                <Form.Item name="number" label="Số, ký hiệu">
                  <Input placeholder="125/KH-SNV" data-testid="movement-number" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12} md={6}>
                <Form.Item name="issuedDate" label="Ngày ban hành">
                  <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="issuer" label="Cơ quan ban hành (để trống: đơn vị phát động)">
                  <Input placeholder="Sở Nội vụ tỉnh …" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="signerTitle" label="Chức vụ">
                  <Input placeholder="GIÁM ĐỐC" />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="signerName" label="Họ và tên">
                  <Input />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} data-testid="movement-save">
            Lưu phong trào
          </Button>
        </Space>
      </Form>
    </>
  );
}

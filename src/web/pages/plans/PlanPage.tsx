/** One plan: the document view with task progress, and the editor (general parts + the quarterly task table). */
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, InputNumber, Popconfirm, Row, Select, Space, Table, Typography } from 'antd';
import { CheckOutlined, CopyOutlined, DeleteOutlined, EditOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { Dayjs } from 'dayjs';
import { createPlan, getPlan, publishPlan, setTaskProgress, updatePlan, type Plan, type PlanTask, type UnitRef } from '../../api/plans';
import { errorText } from '../../api/client';
import { useUser } from '../../auth/AuthContext';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert, LoadingBlock } from '../../components/PageStates';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { useUnits } from '../../lib/hooks';
import { fromDayjs, toDayjs } from '../../lib/format';
import {
  DEADLINE_KINDS,
  DEADLINE_KIND_LABELS,
  TASK_STATUSES,
  TASK_STATUS_LABELS,
  type DeadlineKind,
  type PlanInput,
  type TaskStatus,
} from '../../../shared/schemas/plans';
import { PlanDocument, statusTag } from './views';
import { DocumentDownloads } from '../dossiers/common';
import { DocumentSignatures } from '../signing/DocumentSignatures';
import { CopyPlanModal } from './PlansPage';
import { codeOf } from '../../lib/codes';
import { keys } from '../../api/keys';
import { currentYearVn } from '../../lib/today';

interface TaskForm {
  quarter: number | null;
  content: string;
  lead: string[];
  support: string[];
  dueDate?: Dayjs;
  status: TaskStatus;
  progress: number;
}
interface DeadlineForm {
  key?: string;
  kind: DeadlineKind;
  title: string;
  dueDate?: Dayjs;
  audience: 'office' | 'units';
  note?: string;
}
interface PlanForm {
  unitId: string;
  year: number;
  number?: string;
  title: string;
  place?: string;
  issuedDate?: Dayjs;
  basis?: string;
  superiorPlanRef?: string;
  purpose?: string;
  requirements?: string;
  sections: { heading: string; body: string }[];
  organisation: { heading: string; body: string }[];
  recipients?: string;
  signerTitle?: string;
  signerName?: string;
  registrationDeadline?: Dayjs;
  tasks: TaskForm[];
  deadlines: DeadlineForm[];
}

/** Units in tasks are tags: a unit of the tree ("u:<id>") or a name typed in ("Hội đồng TĐKT Sở"). */
const refToTag = (r: UnitRef) => (r.unitId ? `u:${r.unitId}` : r.name);
function tagToRef(tag: string, names: Map<string, string>): UnitRef {
  if (tag.startsWith('u:')) return { unitId: tag.slice(2), name: names.get(tag.slice(2)) ?? tag.slice(2) };
  return { unitId: null, name: tag };
}
const lines = (s: string | undefined) =>
  (s ?? '')
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

function toForm(p: Plan | undefined, unitId: string): PlanForm {
  const y = currentYearVn();
  if (!p) return { unitId, year: y, title: `Kế hoạch công tác thi đua, khen thưởng năm ${y}`, sections: [], organisation: [], tasks: [], deadlines: [] };
  return {
    unitId: p.unitId,
    year: p.year,
    number: p.number ?? undefined,
    title: p.title,
    place: p.place ?? undefined,
    issuedDate: toDayjs(p.issuedDate),
    basis: p.basis.join('\n'),
    superiorPlanRef: p.superiorPlanRef ?? undefined,
    purpose: p.purpose ?? undefined,
    requirements: p.requirements ?? undefined,
    sections: p.sections,
    organisation: p.organisation,
    recipients: p.recipients.join('\n'),
    signerTitle: p.signerTitle ?? undefined,
    signerName: p.signerName ?? undefined,
    registrationDeadline: toDayjs(p.registrationDeadline),
    tasks: p.tasks.map((t) => ({
      quarter: t.quarter,
      content: t.content,
      lead: t.leadUnits.map(refToTag),
      support: t.supportUnits.map(refToTag),
      dueDate: toDayjs(t.dueDate),
      status: codeOf(TASK_STATUSES, t.status) ?? 'not_started',
      progress: t.progress,
    })),
    deadlines: (p.extraDeadlines ?? []).flatMap((d) => {
      const kind = codeOf(DEADLINE_KINDS, d.kind);
      return kind
        ? [
            {
              key: d.key,
              kind,
              title: d.title,
              dueDate: toDayjs(d.dueDate),
              audience: d.audience === 'units' ? ('units' as const) : ('office' as const),
              note: d.note ?? undefined,
            },
          ]
        : [];
    }),
  };
}

function toInput(v: PlanForm, names: Map<string, string>, version?: number, superiorPlanId?: string | null): PlanInput {
  return {
    // The superior plan it carries out (set when copied from it) stays linked when the plan is edited.
    superiorPlanId: superiorPlanId ?? null,
    unitId: v.unitId,
    year: v.year,
    number: v.number || null,
    title: v.title,
    place: v.place || null,
    issuedDate: fromDayjs(v.issuedDate),
    basis: lines(v.basis),
    superiorPlanRef: v.superiorPlanRef || null,
    purpose: v.purpose || null,
    requirements: v.requirements || null,
    sections: (v.sections ?? []).filter((s) => s && s.heading),
    organisation: (v.organisation ?? []).filter((s) => s && s.heading),
    recipients: lines(v.recipients),
    signerTitle: v.signerTitle || null,
    signerName: v.signerName || null,
    registrationDeadline: fromDayjs(v.registrationDeadline),
    tasks: (v.tasks ?? []).map((t) => ({
      quarter: t.quarter ?? null,
      content: t.content,
      leadUnits: (t.lead ?? []).map((x) => tagToRef(x, names)),
      supportUnits: (t.support ?? []).map((x) => tagToRef(x, names)),
      dueDate: fromDayjs(t.dueDate),
      status: t.status ?? 'not_started',
      progress: t.progress ?? 0,
    })),
    deadlines: (v.deadlines ?? []).map((d) => ({
      key: d.key,
      kind: d.kind,
      title: d.title,
      dueDate: fromDayjs(d.dueDate) ?? '',
      audience: d.audience ?? 'office',
      note: d.note || null,
      responsibleUnitId: null,
      remindDays: null,
    })),
    version,
  };
}

function SectionList({ name, label }: { name: 'sections' | 'organisation'; label: string }) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Card
          size="small"
          title={label}
          extra={
            <Button size="small" icon={<PlusOutlined />} onClick={() => add({ heading: '', body: '' })}>
              Thêm mục
            </Button>
          }
        >
          {fields.map((f) => (
            <Row key={f.key} gutter={8}>
              <Col span={7}>
                <Form.Item name={[f.name, 'heading']} rules={[{ required: true, message: 'Nhập tiêu đề mục' }]}>
                  <Input placeholder="Tiêu đề mục, ví dụ 1. Công tác tuyên truyền" />
                </Form.Item>
              </Col>
              <Col span={16}>
                <Form.Item name={[f.name, 'body']}>
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} placeholder="Nội dung" />
                </Form.Item>
              </Col>
              <Col span={1}>
                <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
              </Col>
            </Row>
          ))}
        </Card>
      )}
    </Form.List>
  );
}

function PlanEditor({ plan, onDone }: { plan?: Plan; onDone: (p: Plan) => void }) {
  const user = useUser();
  const { message } = App.useApp();
  const units = useUnits();
  const [form] = Form.useForm<PlanForm>();
  const names = useMemo(() => new Map((units.data?.items ?? []).map((u) => [u.id, u.name])), [units.data]);
  const unitOptions = (units.data?.items ?? []).map((u) => ({ value: `u:${u.id}`, label: u.name }));
  const save = useMutation({
    mutationFn: (v: PlanForm) => (plan ? updatePlan(plan.id, toInput(v, names, plan.version, plan.superiorPlanId)) : createPlan(toInput(v, names))),
    onSuccess: (p) => {
      message.success('Đã lưu kế hoạch.');
      onDone(p);
    },
    onError: (e) => message.error(errorText(e)),
  });
  const quarterOptions = [1, 2, 3, 4].map((q) => ({ value: q, label: `Quý ${['I', 'II', 'III', 'IV'][q - 1]}` }));
  return (
    <Form<PlanForm> form={form} layout="vertical" initialValues={toForm(plan, user.unitId)} onFinish={(v) => save.mutate(v)} data-testid="plan-editor">
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small" title="Thông tin chung">
          <Row gutter={12}>
            <Col xs={24} md={10}>
              <Form.Item name="unitId" label="Đơn vị ban hành" rules={[{ required: true, message: 'Chọn đơn vị' }]}>
                <UnitTreeSelect disabled={!!plan} />
              </Form.Item>
            </Col>
            <Col xs={12} md={3}>
              <Form.Item name="year" label="Năm" rules={[{ required: true, message: 'Nhập năm' }]}>
                <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="number" label="Số kế hoạch">
                <Input placeholder="03/KH-SKHCN" />
              </Form.Item>
            </Col>
            <Col xs={12} md={3}>
              <Form.Item name="place" label="Địa danh">
                <Input placeholder="Cao Bằng" />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="issuedDate" label="Ngày ban hành">
                <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="title" label="Tên kế hoạch" rules={[{ required: true, min: 3, message: 'Nhập tên kế hoạch' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="basis" label="Căn cứ (mỗi dòng một văn bản)">
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} md={16}>
              <Form.Item name="superiorPlanRef" label="Kế hoạch cấp trên thực hiện">
                <Input placeholder="Kế hoạch số 289/KH-UBND ngày 16/12/2021 của UBND tỉnh" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="registrationDeadline" label="Hạn đăng ký thi đua">
                <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} data-testid="plan-registration-deadline" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name="purpose" label="Mục đích">
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="requirements" label="Yêu cầu">
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <SectionList name="sections" label="Nội dung thực hiện" />
        <Form.List name="tasks">
          {(fields, { add, remove }) => (
            <Card
              size="small"
              title="Lịch nhiệm vụ theo quý"
              extra={
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() => add({ quarter: 1, content: '', lead: [], support: [], status: 'not_started', progress: 0 })}
                  data-testid="task-add"
                >
                  Thêm nhiệm vụ
                </Button>
              }
            >
              <Table
                size="small"
                pagination={false}
                rowKey="key"
                dataSource={fields}
                columns={[
                  { title: 'TT', width: 40, render: (_, f, i) => i + 1 },
                  {
                    title: 'Quý',
                    width: 100,
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'quarter']} noStyle>
                        <Select options={quarterOptions} allowClear placeholder="Cả năm" style={{ width: 95 }} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: 'Nội dung',
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'content']} noStyle rules={[{ required: true, message: 'Nhập nội dung' }]}>
                        <Input.TextArea autoSize={{ minRows: 1, maxRows: 5 }} style={{ width: '100%', minWidth: 320 }} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: 'Chủ trì',
                    width: 175,
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'lead']} noStyle>
                        <Select mode="tags" options={unitOptions} style={{ width: 170 }} maxTagCount="responsive" placeholder="Đơn vị / tên" />
                      </Form.Item>
                    ),
                  },
                  {
                    title: 'Phối hợp',
                    width: 175,
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'support']} noStyle>
                        <Select mode="tags" options={unitOptions} style={{ width: 170 }} maxTagCount="responsive" placeholder="Đơn vị / tên" />
                      </Form.Item>
                    ),
                  },
                  {
                    title: 'Hạn',
                    width: 140,
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'dueDate']} noStyle>
                        <DatePicker format="DD/MM/YYYY" style={{ width: 130 }} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: 'Tình trạng',
                    width: 140,
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'status']} noStyle>
                        <Select style={{ width: 132 }} options={TASK_STATUSES.map((s) => ({ value: s, label: TASK_STATUS_LABELS[s] }))} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: '%',
                    width: 80,
                    render: (_, f) => (
                      <Form.Item name={[f.name, 'progress']} noStyle>
                        <InputNumber min={0} max={100} style={{ width: 70 }} />
                      </Form.Item>
                    ),
                  },
                  { title: '', width: 40, render: (_, f) => <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} /> },
                ]}
              />
            </Card>
          )}
        </Form.List>
        <Form.List name="deadlines">
          {(fields, { add, remove }) => (
            <Card
              size="small"
              title="Thời hạn khác (báo cáo, gửi hồ sơ…)"
              extra={
                <Button size="small" icon={<PlusOutlined />} onClick={() => add({ kind: 'report', audience: 'units', title: '' })}>
                  Thêm thời hạn
                </Button>
              }
            >
              {fields.map((f) => (
                <Row key={f.key} gutter={8}>
                  <Col span={5}>
                    <Form.Item name={[f.name, 'kind']}>
                      <Select options={DEADLINE_KINDS.map((k) => ({ value: k, label: DEADLINE_KIND_LABELS[k] }))} />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item name={[f.name, 'title']} rules={[{ required: true, message: 'Nhập nội dung' }]}>
                      <Input placeholder="Các đơn vị báo cáo 6 tháng (trước ngày 25/6)" />
                    </Form.Item>
                  </Col>
                  <Col span={4}>
                    <Form.Item name={[f.name, 'dueDate']} rules={[{ required: true, message: 'Chọn ngày' }]}>
                      <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item name={[f.name, 'audience']}>
                      <Select
                        options={[
                          { value: 'units', label: 'Các đơn vị thực hiện' },
                          { value: 'office', label: 'Văn phòng thực hiện' },
                        ]}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={1}>
                    <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                  </Col>
                </Row>
              ))}
            </Card>
          )}
        </Form.List>
        <SectionList name="organisation" label="Tổ chức thực hiện" />
        <Card size="small" title="Nơi nhận, người ký">
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item name="recipients" label="Nơi nhận (mỗi dòng một nơi)">
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="signerTitle" label="Chức vụ người ký">
                <Input placeholder="GIÁM ĐỐC" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="signerName" label="Người ký">
                <Input />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} data-testid="plan-save">
          Lưu kế hoạch
        </Button>
      </Space>
    </Form>
  );
}

function TaskProgressCell({ plan, task }: { plan: Plan; task: PlanTask }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const m = useMutation({
    mutationFn: (v: { status: TaskStatus; progress: number }) => setTaskProgress(plan.id, task.id, v),
    onSuccess: (p) => qc.setQueryData(keys.plan(plan.id), p),
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <Space size={4}>
      <Select
        size="small"
        value={codeOf(TASK_STATUSES, task.status)}
        style={{ width: 120 }}
        onChange={(s: TaskStatus) => m.mutate({ status: s, progress: s === 'done' ? 100 : task.progress })}
        options={TASK_STATUSES.map((s) => ({ value: s, label: TASK_STATUS_LABELS[s] }))}
      />
      <InputNumber
        size="small"
        min={0}
        max={100}
        value={task.progress}
        style={{ width: 64 }}
        onBlur={(e) => {
          const v = Number(e.target.value);
          if (v !== task.progress && v >= 0 && v <= 100)
            m.mutate({ status: v >= 100 ? 'done' : v > 0 ? 'in_progress' : (codeOf(TASK_STATUSES, task.status) ?? 'not_started'), progress: v });
        }}
      />
    </Space>
  );
}

export default function PlanPage() {
  const { id } = useParams();
  const isNew = id === 'moi';
  const [params, setParams] = useSearchParams();
  const editing = isNew || params.get('sua') === '1';
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [copying, setCopying] = useState(false);
  const q = useQuery({ queryKey: keys.plan(id), queryFn: () => getPlan(id!), enabled: !isNew && !!id });
  const publish = useMutation({
    mutationFn: () => publishPlan(id!),
    onSuccess: async (p) => {
      message.success('Đã ban hành kế hoạch: các thời hạn đã vào lịch và được nhắc.');
      qc.setQueryData(keys.plan(id), p);
      await qc.invalidateQueries({ queryKey: keys.plans.all });
    },
    onError: (e) => message.error(errorText(e)),
  });
  if (!isNew && q.isPending) return <LoadingBlock />;
  if (!isNew && q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const plan = q.data;
  const can = (a: string) => plan?.abilities.includes(a) ?? false;
  const done = async (p: Plan) => {
    qc.setQueryData(keys.plan(p.id), p);
    await qc.invalidateQueries({ queryKey: keys.plans.all });
    void navigate(`/ke-hoach/${p.id}`, { replace: true });
  };
  return (
    <>
      <PageHeader
        title={isNew ? 'Soạn kế hoạch thi đua, khen thưởng' : plan!.title}
        subtitle={
          plan ? (
            <Space>
              {statusTag(plan.status, plan.statusLabel)}
              <Typography.Text type="secondary">
                {plan.unitName} · năm {plan.year}
              </Typography.Text>
            </Space>
          ) : undefined
        }
        extra={
          plan && !editing ? (
            <>
              <DocumentDownloads url={`/api/plans/${plan.id}/document`} label="Văn bản Kế hoạch" testId="plan-document" />
              {can('update') ? (
                <Button icon={<EditOutlined />} onClick={() => setParams({ sua: '1' })} data-testid="plan-edit">
                  Sửa
                </Button>
              ) : null}
              {can('create') ? (
                <Button icon={<CopyOutlined />} onClick={() => setCopying(true)}>
                  Tạo từ KH này
                </Button>
              ) : null}
              {can('publish') && plan.status === 'draft' ? (
                <Popconfirm
                  title="Ban hành kế hoạch?"
                  description="Các thời hạn sẽ vào lịch, được nhắc và kế hoạch được công khai."
                  okText="Ban hành"
                  cancelText="Hủy"
                  onConfirm={() => publish.mutate()}
                >
                  <Button type="primary" icon={<CheckOutlined />} loading={publish.isPending} data-testid="plan-publish">
                    Ban hành
                  </Button>
                </Popconfirm>
              ) : null}
            </>
          ) : plan ? (
            <Button onClick={() => setParams({})}>Thôi sửa</Button>
          ) : undefined
        }
      />
      {(plan?.warnings ?? []).map((w) => (
        <Alert key={w} type="warning" showIcon title={w} style={{ marginBottom: 16 }} data-testid="plan-warning" />
      ))}
      {!editing && plan ? (
        <DocumentSignatures kind="ke_hoach" id={plan.id} revision={plan.version} onSigned={() => void qc.invalidateQueries({ queryKey: keys.plan(plan.id) })} />
      ) : null}
      {editing ? (
        <PlanEditor plan={plan} onDone={(p) => void done(p)} />
      ) : (
        <PlanDocument plan={plan!} taskExtra={can('progress') ? (t) => <TaskProgressCell plan={plan!} task={t} /> : undefined} />
      )}
      <CopyPlanModal source={copying ? (plan ?? null) : null} onClose={() => setCopying(false)} />
    </>
  );
}
